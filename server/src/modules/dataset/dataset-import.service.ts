import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../graphql/list';
import { join, sql } from '../../graphql/sql';
import { parseNip } from '../../domain/nip';
import { DEFAULT_POLICY, type PolicyParameters } from '../../domain/policy';
import { PolicyVersion } from '../policy/policy-version.entity';
import { addCounts, bulkUpsert, emptyCounts, idMap, type UpsertCounts } from './bulk-upsert';
import { validateDatasetReferences, validateDatasetShape, type Dataset, type DatasetError } from './dataset.schema';

export const IMPORT_SECTIONS = [
  'units', 'competencies', 'competencyLevels', 'positions', 'requirements', 'employees', 'assessments', 'appraisals',
  'trainings', 'trainingCompetencies', 'participations', 'trainingEvaluations', 'stakeholderInputs', 'policy',
] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** Every problem found, each with its JSON path; empty when ok. Nothing is written unless ok and not dryRun. */
  errors: DatasetError[];
  counts: Record<ImportSection, UpsertCounts>;
  /** Rows removed because the file replaces a set (a position's standard, a training's targets, a competency's levels). */
  removed: number;
  millis: number;
}

/** Thrown inside the transaction to roll a dry run back after counting. */
class DryRunRollback extends Error {}

function blankCounts(): Record<ImportSection, UpsertCounts> {
  return Object.fromEntries(IMPORT_SECTIONS.map((s) => [s, emptyCounts()])) as Record<ImportSection, UpsertCounts>;
}

async function knownKeys(em: EntityManager) {
  const keys = async (table: string, column: string) =>
    new Set((await execute<{ k: string }>(em, sql`select ${rawIdent(column)} as k from ${rawIdent(table)}`)).map((r) => r.k));
  return {
    units: await keys('unit', 'code'),
    competencies: await keys('competency', 'code'),
    positions: await keys('position', 'code'),
    trainings: await keys('training', 'code'),
    employees: await keys('employee', 'nip'),
  };
}

function rawIdent(name: string) {
  // Only called with identifiers written in this file.
  return { text: `"${name}"`, params: [] as unknown[] };
}

/** Validation beyond shape and references: the rules of domain.md (NIP structure). */
function domainErrors(dataset: Dataset): DatasetError[] {
  const errors: DatasetError[] = [];
  (dataset.employees ?? []).forEach((e, i) => {
    const parsed = parseNip(e.nip);
    if (!parsed.ok) errors.push({ path: `$.employees[${i}].nip`, value: e.nip, message: parsed.message });
  });
  return errors;
}

/**
 * Imports a dataset document (shared/dataset-format.md) in one transaction.
 * Every error in the file is collected before anything is written; a dry run
 * performs the whole import and rolls it back, so its counts are exact.
 * Records are matched on natural keys, and unchanged rows are not touched,
 * so importing the same file twice changes nothing.
 */
export async function importDataset(rootEm: EntityManager, input: unknown, options: { dryRun?: boolean; actor?: string } = {}): Promise<ImportReport> {
  const started = Date.now();
  const dryRun = options.dryRun ?? false;
  const report: ImportReport = { ok: false, dryRun, errors: [], counts: blankCounts(), removed: 0, millis: 0 };
  const finish = () => ({ ...report, millis: Date.now() - started });

  const shape = validateDatasetShape(input);
  if (!shape.ok) {
    report.errors = shape.errors;
    return finish();
  }
  const dataset = shape.dataset;
  const em = rootEm.fork() as EntityManager;
  report.errors = [...domainErrors(dataset), ...validateDatasetReferences(dataset, await knownKeys(em))];
  if (report.errors.length > 0) return finish();

  try {
    await em.transactional(async (tx) => {
      await writeDataset(tx as EntityManager, dataset, report, options.actor ?? 'import');
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) {
      report.errors = [{ path: '$', value: null, message: `The database refused the import: ${(error as Error).message}` }];
      report.counts = blankCounts();
      return finish();
    }
  }
  report.ok = true;
  if (!dryRun && rowsWritten(report) >= ANALYZE_AFTER_ROWS) {
    // A large import changes the row counts the planner relies on (matching and the aggregates
    // pick very different plans for 100 and 100,000 rows), and autovacuum may run much later or
    // not at all, so refresh the statistics now rather than leaving the first queries slow.
    await em.getConnection().execute('analyze');
  }
  return finish();
}

/** Imports at least this large refresh the planner statistics afterwards. */
const ANALYZE_AFTER_ROWS = 5000;

function rowsWritten(report: ImportReport): number {
  return Object.values(report.counts).reduce((sum, c) => sum + c.created + c.updated, 0);
}

async function writeDataset(em: EntityManager, d: Dataset, report: ImportReport, actor: string): Promise<void> {
  const c = report.counts;

  // Parents before children: upsert the unit tree level by level, so each
  // level's parent ids already exist (the validator has rejected cycles).
  const units = d.units ?? [];
  for (const level of unitLevels(units)) {
    const unitIds = await idMap(em, 'unit', 'code');
    addCounts(c.units, await bulkUpsert(em, { table: 'unit', columns: ['code', 'name', 'type', 'parent_id'], key: ['code'], casts: { parent_id: 'int' } },
      level.map((u) => [u.code, u.name, u.type, u.parent ? unitIds.get(u.parent)! : null])));
  }

  const competencies = d.competencies ?? [];
  addCounts(c.competencies, await bulkUpsert(em, { table: 'competency', columns: ['code', 'name', 'type'], key: ['code'] },
    competencies.map((x) => [x.code, x.name, x.type])));
  const competencyId = await idMap(em, 'competency', 'code');
  const withLevels = competencies.filter((x) => x.levels !== undefined);
  addCounts(c.competencyLevels, await bulkUpsert(em, { table: 'competency_level', columns: ['competency_id', 'level', 'description'], key: ['competency_id', 'level'] },
    withLevels.flatMap((x) => (x.levels ?? []).map((l) => [competencyId.get(x.code)!, l.level, l.description]))));
  report.removed += await removeMissing(em, 'competency_level', 'competency_id', 'level',
    withLevels.map((x) => [competencyId.get(x.code)!, (x.levels ?? []).map((l) => l.level)]));

  const unitId = await idMap(em, 'unit', 'code');
  const positions = d.positions ?? [];
  addCounts(c.positions, await bulkUpsert(em, {
    table: 'position',
    columns: ['code', 'name', 'unit_id', 'kind', 'quota', 'min_grade', 'min_education', 'max_age', 'technical_weight'],
    key: ['code'],
    casts: { technical_weight: 'numeric', max_age: 'smallint', quota: 'int' },
  }, positions.map((p) => [p.code, p.name, unitId.get(p.unit)!, p.kind, p.quota ?? 1, p.minGrade ?? null, p.minEducation ?? null, p.maxAge ?? null, p.technicalWeight ?? null])));
  const positionId = await idMap(em, 'position', 'code');
  const withRequirements = positions.filter((p) => p.requirements !== undefined);
  addCounts(c.requirements, await bulkUpsert(em, { table: 'position_requirement', columns: ['position_id', 'competency_id', 'level'], key: ['position_id', 'competency_id'] },
    withRequirements.flatMap((p) => (p.requirements ?? []).map((r) => [positionId.get(p.code)!, competencyId.get(r.competency)!, r.level]))));
  report.removed += await removeMissing(em, 'position_requirement', 'position_id', 'competency_id',
    withRequirements.map((p) => [positionId.get(p.code)!, (p.requirements ?? []).map((r) => competencyId.get(r.competency)!)]));

  const employees = d.employees ?? [];
  addCounts(c.employees, await bulkUpsert(em, {
    table: 'employee', columns: ['nip', 'name', 'status', 'grade', 'education', 'unit_id', 'position_id'], key: ['nip'], casts: { position_id: 'int' },
  }, employees.map((e) => [e.nip, e.name, e.status, e.grade, e.education, unitId.get(e.unit)!, e.position ? positionId.get(e.position)! : null])));
  const employeeId = await idMap(em, 'employee', 'nip');

  addCounts(c.assessments, await bulkUpsert(em, {
    table: 'competency_assessment', columns: ['employee_id', 'competency_id', 'assessed_at', 'level', 'method'], key: ['employee_id', 'competency_id', 'assessed_at'],
    casts: { assessed_at: 'date', level: 'numeric' },
  }, employees.flatMap((e) => (e.assessments ?? []).map((a) => [employeeId.get(e.nip)!, competencyId.get(a.competency)!, a.assessedAt, a.level, a.method]))));
  addCounts(c.appraisals, await bulkUpsert(em, {
    table: 'performance_appraisal', columns: ['employee_id', 'period_start', 'period', 'results', 'behaviour'], key: ['employee_id', 'period_start', 'period'],
    casts: { period_start: 'date' },
  }, employees.flatMap((e) => (e.appraisals ?? []).map((a) => [employeeId.get(e.nip)!, a.periodStart, a.period, a.results, a.behaviour]))));

  const trainings = d.trainings ?? [];
  addCounts(c.trainings, await bulkUpsert(em, { table: 'training', columns: ['code', 'title', 'form', 'type', 'hours'], key: ['code'], casts: { hours: 'numeric' } },
    trainings.map((t) => [t.code, t.title, t.form, t.type, t.hours])));
  const trainingId = await idMap(em, 'training', 'code');
  const withTargets = trainings.filter((t) => t.competencies !== undefined);
  addCounts(c.trainingCompetencies, await bulkUpsert(em, { table: 'training_competency', columns: ['training_id', 'competency_id'], key: ['training_id', 'competency_id'] },
    withTargets.flatMap((t) => (t.competencies ?? []).map((code) => [trainingId.get(t.code)!, competencyId.get(code)!]))));
  report.removed += await removeMissing(em, 'training_competency', 'training_id', 'competency_id',
    withTargets.map((t) => [trainingId.get(t.code)!, (t.competencies ?? []).map((code) => competencyId.get(code)!)]));

  addCounts(c.participations, await bulkUpsert(em, {
    table: 'training_participation', columns: ['employee_id', 'training_id', 'started_at', 'completed_at', 'status', 'pre_test', 'post_test'],
    key: ['employee_id', 'training_id', 'started_at'], casts: { started_at: 'date', completed_at: 'date', pre_test: 'numeric', post_test: 'numeric' },
  }, (d.participations ?? []).map((p) => [employeeId.get(p.nip)!, trainingId.get(p.training)!, p.startedAt, p.completedAt ?? null, p.status, p.preTest ?? null, p.postTest ?? null])));
  addCounts(c.trainingEvaluations, await bulkUpsert(em, {
    table: 'training_evaluation', columns: ['training_id', 'employee_id', 'level', 'respondent', 'evaluated_at', 'score'],
    key: ['training_id', 'employee_id', 'level', 'respondent', 'evaluated_at'], casts: { evaluated_at: 'date', score: 'numeric', level: 'smallint' },
  }, (d.trainingEvaluations ?? []).map((v) => [trainingId.get(v.training)!, employeeId.get(v.nip)!, v.level, v.respondent, v.evaluatedAt, v.score])));
  addCounts(c.stakeholderInputs, await bulkUpsert(em, {
    table: 'stakeholder_input', columns: ['position_id', 'competency_id', 'stakeholder_group', 'submitted_at', 'importance', 'comment'],
    key: ['position_id', 'competency_id', 'stakeholder_group', 'submitted_at'], casts: { submitted_at: 'date', importance: 'smallint', comment: 'text' },
  }, (d.stakeholderInputs ?? []).map((s) => [positionId.get(s.position)!, competencyId.get(s.competency)!, s.group, s.submittedAt, s.importance, s.comment ?? null])));

  if (d.policy) await importPolicy(em, d.policy, c.policy, actor);
}

function unitLevels(units: NonNullable<Dataset['units']>): NonNullable<Dataset['units']>[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const depth = new Map<string, number>();
  const depthOf = (code: string): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    const parent = byCode.get(code)?.parent;
    const d = parent && byCode.has(parent) ? depthOf(parent) + 1 : 0;
    depth.set(code, d);
    return d;
  };
  const levels: NonNullable<Dataset['units']>[] = [];
  for (const u of units) (levels[depthOf(u.code)] ??= []).push(u);
  return levels.filter(Boolean);
}

/**
 * For sets the file states completely (a position's standard, a training's
 * targets, a competency's level descriptions), rows of those owners that the
 * file no longer lists are removed.
 */
async function removeMissing(em: EntityManager, table: string, ownerColumn: string, memberColumn: string, sets: [number, number[]][]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < sets.length; i += 2000) {
    const part = sets.slice(i, i + 2000);
    if (part.length === 0) continue;
    const values = join(part.map(([owner, members]) => sql`(${owner}::int, ${`{${members.join(',')}}`}::int[])`), ', ');
    const rows = await execute(em, sql`delete from ${rawIdent(table)} t using (values ${values}) as v(owner, members)
      where t.${rawIdent(ownerColumn)} = v.owner and not (t.${rawIdent(memberColumn)} = any(v.members)) returning 1`);
    removed += rows.length;
  }
  return removed;
}

/**
 * A policy block that differs from the active version becomes a new active
 * version (history kept); one that matches changes nothing.
 */
async function importPolicy(em: EntityManager, policy: Partial<PolicyParameters>, counts: UpsertCounts, actor: string): Promise<void> {
  const active = await em.findOne(PolicyVersion, { status: 'ACTIVE' });
  const base = active?.parameters ?? DEFAULT_POLICY;
  const next: PolicyParameters = { ...DEFAULT_POLICY, ...base, ...policy };
  if (active && JSON.stringify(normalise(active.parameters)) === JSON.stringify(normalise(next))) {
    counts.unchanged++;
    return;
  }
  const [{ max }] = await execute<{ max: number | null }>(em, sql`select max(version) as max from policy_version`);
  if (active) {
    active.status = 'RETIRED';
    await em.flush();
  }
  em.create(PolicyVersion, {
    version: Number(max ?? 0) + 1, name: `Imported by ${actor}`, parameters: next, status: 'ACTIVE',
    createdBy: actor, activatedAt: new Date(), activatedBy: actor,
  });
  await em.flush();
  if (active) counts.updated++;
  else counts.created++;
}

function normalise(p: PolicyParameters): PolicyParameters {
  return Object.fromEntries(Object.entries({ ...DEFAULT_POLICY, ...p }).sort(([a], [b]) => a.localeCompare(b))) as unknown as PolicyParameters;
}
