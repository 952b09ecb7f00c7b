import type { EntityManager } from '@mikro-orm/postgresql';
import { SavedQuery, SavedQueryVersion } from './saved-query.entity';
import { sameContent } from './saved-query.service';

/**
 * Built-in starting points of the query builder: parameterised queries over
 * the public schema, run with the default variables below unless the analyst
 * changes them. Defaults name units, positions and trainings of the demo
 * dataset (Pemerintah Kota Medan); on other data they simply match nothing
 * until changed. No personal data is selected, so every role sees the same
 * result shape (NIP and birth date would be masked for VIEWERs anyway).
 */
export interface TemplateDefinition {
  key: string;
  name: string;
  description: string;
  document: string;
  variables: Record<string, unknown>;
  operationName: string;
}

/** Documents are kept indented for reading in the builder; the text is what is saved and hashed. */
const doc = (text: string): string => `${text.replace(/^\n/, '').replace(/\s+$/, '')}\n`;

export function templateDefinitions(now: Date = new Date()): TemplateDefinition[] {
  // The JP year of the shortfall template is the last complete calendar year, like the recommendations'.
  const lastYear = now.getUTCFullYear() - 1;
  return [
    {
      key: 'position-candidates',
      name: 'Kandidat untuk jabatan',
      description: 'Candidates for a position ranked by JPM (then predicate and shortfall), with eligibility and the reasons a candidate is not eligible. '
        + 'Variables: position (code), asOf (YYYY-MM-DD, today when null), first, eligibleOnly.',
      operationName: 'PositionCandidates',
      variables: { position: 'DINKES-KADIS', asOf: null, first: 20, eligibleOnly: true },
      document: doc(`
query PositionCandidates($position: String!, $asOf: String, $first: Int = 20, $eligibleOnly: Boolean = true) {
  position(code: $position) {
    code
    name
    quota
    vacancies
    unit { code name }
    candidates(asOf: $asOf, first: $first, eligibleOnly: $eligibleOnly) {
      totalCount
      nodes {
        rank
        jpm
        category
        eligible
        totalShortfall
        maxShortfall
        employee { name grade unit { code name } position { code name } }
        ineligibility { rule message }
      }
    }
  }
}`),
    },
    {
      key: 'competency-gap-in-unit',
      name: 'Pegawai dengan gap kompetensi di unit',
      description: 'Employees of a unit and every unit below it whose current level in one competency is below a threshold (never assessed counts as 0), '
        + 'with their training needs. Variables: unit (code), competency (code), below (level), asOf, first.',
      operationName: 'CompetencyGapInUnit',
      variables: { unit: 'DINKES', competency: 'KOM', below: 3, asOf: null, first: 50 },
      document: doc(`
query CompetencyGapInUnit($unit: String!, $competency: String!, $below: Float = 3, $asOf: String, $first: Int = 50) {
  employees(first: $first, where: { unitSubtreeOfCode: $unit, competencyLevel: { competency: $competency, lt: $below, asOf: $asOf } }) {
    totalCount
    nodes {
      name
      grade
      unit { code name }
      position { code name }
      currentLevel(competency: $competency, asOf: $asOf)
      trainingNeeds(asOf: $asOf) {
        competency { code name }
        required
        shortfall
        trainings { code title hours }
      }
    }
  }
}`),
    },
    {
      key: 'development-hours-shortfall',
      name: 'Daftar kekurangan JP per tahun',
      description: 'PNS who completed fewer lesson hours (JP) in a year than a minimum (20 JP by default, the policy\'s annual requirement), '
        + 'optionally inside a unit subtree, with the hours done and still missing. Variables: year, minHours, unit (code or null for the whole city), first.',
      operationName: 'DevelopmentHoursShortfall',
      variables: { year: lastYear, minHours: 20, unit: null, first: 100 },
      document: doc(`
query DevelopmentHoursShortfall($year: Int!, $minHours: Float = 20, $unit: String, $first: Int = 100) {
  employees(first: $first, where: { status: { eq: PNS }, unitSubtreeOfCode: $unit, developmentHours: { year: $year, lt: $minHours } }) {
    totalCount
    nodes {
      name
      grade
      unit { code name }
      position { code name }
      developmentHours(year: $year)
      developmentHoursShortfall(year: $year)
    }
  }
}`),
    },
    {
      key: 'training-impact',
      name: 'Dampak pelatihan',
      description: 'What a training changed: its target competencies, Kirkpatrick evaluations, and for every completed participation the participant\'s assessments '
        + 'and latest predicate before and after; with the recommendations that found trainings ineffective. Variables: training (code), first.',
      operationName: 'TrainingImpact',
      variables: { training: 'EL-KOM-01', first: 20 },
      document: doc(`
query TrainingImpact($training: String!, $first: Int = 20) {
  training(code: $training) {
    code
    title
    hours
    completions
    competencies { code name }
    evaluations { level score respondent }
    participations(status: COMPLETED) {
      startedAt
      completedAt
      employee {
        name
        unit { code }
        latestPredicate
        assessments { competency { code } level assessedAt }
      }
    }
  }
  recommendations(first: $first, where: { kind: { eq: TRAINING_INEFFECTIVE } }) {
    totalCount
    nodes { title severity status impact evidence training { code title } }
  }
}`),
    },
    {
      key: 'unit-competency-matrix',
      name: 'Matriks gap unit × kompetensi',
      description: 'Holders in a unit subtree, per unit (each with its own subtree) and per competency most required of them: holders whose position requires it, '
        + 'how many are assessed, the mean required level, the mean shortfall and the share with any shortfall. Variables: unit (code of the subtree), '
        + 'units (codes of the rows to show; null for every unit with holders, the subtree\'s ancestors repeating its totals), asOf, mostRequired.',
      operationName: 'UnitCompetencyGapMatrix',
      variables: { unit: 'DINKES', units: null, asOf: null, mostRequired: 10 },
      document: doc(`
query UnitCompetencyGapMatrix($unit: String!, $units: [String!], $asOf: String, $mostRequired: Int = 10) {
  competencyShortfalls(byUnit: true, units: $units, asOf: $asOf, mostRequired: $mostRequired, where: { unitSubtreeOfCode: $unit }) {
    unit { code name }
    competency { code name }
    holders
    assessed
    meanRequired
    meanShortfall
    shortfallShare
  }
}`),
    },
    {
      key: 'position-talent-pool',
      name: 'Talent pool untuk jabatan',
      description: 'Succession for a position: its current holders and the talent-pool members (9-box boxes of the policy) ranked for it, '
        + 'with eligibility shown. Variables: position (code), asOf, first.',
      operationName: 'PositionTalentPool',
      variables: { position: 'DINKES-KADIS', asOf: null, first: 20 },
      document: doc(`
query PositionTalentPool($position: String!, $asOf: String, $first: Int = 20) {
  position(code: $position) {
    code
    name
    kind
    vacancies
    holders { name grade talentBox(asOf: $asOf) }
    successors(asOf: $asOf, first: $first) {
      totalCount
      nodes {
        rank
        jpm
        category
        eligible
        employee { name grade unit { code name } position { code name } talentBox(asOf: $asOf) latestPredicate(asOf: $asOf) }
        ineligibility { rule message }
      }
    }
  }
}`),
    },
  ];
}

/**
 * Creates the built-in templates, or brings them up to date, by their stable
 * key: a changed definition becomes a new version, an unchanged one writes
 * nothing, so running this at every start is cheap and idempotent.
 */
export async function ensureSavedQueryTemplates(em: EntityManager, now: Date = new Date()): Promise<void> {
  const definitions = templateDefinitions(now);
  await em.transactional(async (tx) => {
    const existing = await tx.find(SavedQuery, { templateKey: { $in: definitions.map((d) => d.key) } });
    const byKey = new Map(existing.map((q) => [q.templateKey!, q]));
    for (const d of definitions) {
      const content = { name: d.name, description: d.description, document: d.document, variables: d.variables, operationName: d.operationName };
      let q = byKey.get(d.key);
      if (!q) {
        q = tx.create(SavedQuery, { ...content, templateKey: d.key, template: true, sharing: 'EVERYONE', sharedRole: null, owner: null, version: 1 });
      } else {
        if (sameContent(q, content)) continue;
        Object.assign(q, content, { version: q.version + 1, updatedAt: now });
      }
      tx.create(SavedQueryVersion, { savedQuery: q, version: q.version, ...content, editedBy: null });
    }
  });
}
