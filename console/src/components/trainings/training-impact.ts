/** Normal 97.5 % quantile, as the recommendation engine uses for its interval. */
export const Z95 = 1.959963984540054;

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ImpactAssessment { level: number; assessedAt: string; competency: { id: string } }
export interface ImpactParticipation {
  startedAt: string;
  completedAt: string | null;
  employee: { id: string; assessments: readonly ImpactAssessment[] };
}
export interface ImpactCompetency { id: string; code: string; name: string }

export interface ChangeSummary {
  n: number;
  before: number | null;
  after: number | null;
  delta: number | null;
  /** 95 % interval of the mean change; null below two pairs. */
  ci95: [number, number] | null;
}
export interface CompetencyChange extends ChangeSummary { competency: ImpactCompetency }
export interface TrainingImpact { competencies: CompetencyChange[]; overall: ChangeSummary }

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function summarise(pairs: readonly { before: number; after: number }[]): ChangeSummary {
  const n = pairs.length;
  if (n === 0) return { n, before: null, after: null, delta: null, ci95: null };
  const deltas = pairs.map((p) => p.after - p.before);
  const d = mean(deltas);
  let ci95: [number, number] | null = null;
  if (n >= 2) {
    const sd = Math.sqrt(deltas.reduce((s, x) => s + (x - d) ** 2, 0) / (n - 1));
    const half = (Z95 * sd) / Math.sqrt(n);
    ci95 = [d - half, d + half];
  }
  return { n, before: mean(pairs.map((p) => p.before)), after: mean(pairs.map((p) => p.after)), delta: d, ci95 };
}

/**
 * Before/after of a training's targeted competencies over its completed participants, by the
 * recommendation engine's pairing: the latest assessment strictly before the start against the
 * first strictly after the completion (and not after `asOf`). Per competency, every participant
 * with both values is one pair; overall, each participant counts once with the mean change and
 * mean levels over the targeted competencies they have pairs in.
 */
export function trainingImpact(
  competencies: readonly ImpactCompetency[],
  participations: readonly ImpactParticipation[],
  asOf: string = today(),
): TrainingImpact {
  const perCompetency = new Map<string, { before: number; after: number }[]>(competencies.map((c) => [c.id, []]));
  const perParticipant: { before: number; after: number }[] = [];
  for (const p of participations) {
    if (!p.completedAt) continue;
    const own: { before: number; after: number }[] = [];
    for (const c of competencies) {
      const history = p.employee.assessments.filter((a) => a.competency.id === c.id);
      const before = history.filter((a) => a.assessedAt < p.startedAt).sort((a, b) => b.assessedAt.localeCompare(a.assessedAt))[0];
      const after = history
        .filter((a) => a.assessedAt > (p.completedAt as string) && a.assessedAt <= asOf)
        .sort((a, b) => a.assessedAt.localeCompare(b.assessedAt))[0];
      if (!before || !after) continue;
      const pair = { before: before.level, after: after.level };
      perCompetency.get(c.id)?.push(pair);
      own.push(pair);
    }
    if (own.length > 0) perParticipant.push({ before: mean(own.map((x) => x.before)), after: mean(own.map((x) => x.after)) });
  }
  return {
    competencies: competencies.map((competency) => ({ competency, ...summarise(perCompetency.get(competency.id) ?? []) })),
    overall: summarise(perParticipant),
  };
}

/** The recommendation engine's comparison figures (TRAINING_INEFFECTIVE evidence), when well-formed. */
export interface ComparisonEvidence {
  n: number;
  deltaCompetency: number;
  deltaPredicate: number | null;
  comparisonDeltaCompetency: number | null;
  comparisonDeltaPredicate: number | null;
  didCompetency: number | null;
  didPredicate: number | null;
  ci95: [number, number] | null;
}

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readEvidence(evidence: unknown): ComparisonEvidence | null {
  if (!evidence || typeof evidence !== 'object') return null;
  const e = evidence as Record<string, unknown>;
  const n = numOrNull(e.n);
  const dc = numOrNull(e.deltaCompetency);
  if (n === null || dc === null) return null;
  const ci = Array.isArray(e.ci95) && e.ci95.length === 2 ? e.ci95.map(numOrNull) : null;
  return {
    n,
    deltaCompetency: dc,
    deltaPredicate: numOrNull(e.deltaPredicate),
    comparisonDeltaCompetency: numOrNull(e.comparisonDeltaCompetency),
    comparisonDeltaPredicate: numOrNull(e.comparisonDeltaPredicate),
    didCompetency: numOrNull(e.didCompetency),
    didPredicate: numOrNull(e.didPredicate),
    ci95: ci && ci[0] !== null && ci[0] !== undefined && ci[1] !== null && ci[1] !== undefined ? [ci[0], ci[1]] : null,
  };
}

/** One category of the impact chart: levels before and after, and the change with its interval. */
export interface ImpactChartRow { label: string; before: number | null; after: number | null; delta: number | null; ci: [number, number] | null }
