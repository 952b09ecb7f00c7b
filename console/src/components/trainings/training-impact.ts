import type { TrainingImpactQuery } from '../../graphql/generated/graphql';

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Training.impact as the server computes it (before/after, comparison group, difference-in-differences). */
export type ImpactFigures = NonNullable<NonNullable<TrainingImpactQuery['training']>['impact']>;

export type ImpactRowKind = 'competency' | 'participants' | 'comparison' | 'difference';

/** One line of the impact table: a targeted competency, or a group's mean change, or the difference with its interval. */
export interface ImpactTableRow {
  key: string;
  kind: ImpactRowKind;
  /** Competency code (competency rows only); the other rows are labelled by kind. */
  code: string | null;
  name: string | null;
  n: number | null;
  before: number | null;
  after: number | null;
  delta: number | null;
  ci: [number, number] | null;
}

/**
 * The table rows of an impact: each targeted competency's before/after over the counted
 * participants, then the participants' and the comparison group's mean change (ΔC) and the
 * difference-in-differences with its 95 % interval.
 */
export function impactRows(impact: ImpactFigures): ImpactTableRow[] {
  const ci: [number, number] | null = impact.ciLow !== null && impact.ciHigh !== null ? [impact.ciLow, impact.ciHigh] : null;
  const none = { code: null, name: null, before: null, after: null, ci: null };
  return [
    ...impact.competencies.map((c): ImpactTableRow => ({
      key: `competency:${c.competency.id}`, kind: 'competency', code: c.competency.code, name: c.competency.name,
      n: c.n, before: c.meanBefore, after: c.meanAfter, delta: c.delta, ci: null,
    })),
    { ...none, key: 'participants', kind: 'participants', n: impact.n, delta: impact.meanDeltaCompetency },
    { ...none, key: 'comparison', kind: 'comparison', n: impact.comparisonN, delta: impact.comparisonDeltaCompetency },
    { ...none, key: 'difference', kind: 'difference', n: null, delta: impact.difference, ci },
  ];
}

/** One category of the impact chart: levels before and after, and the change with its interval. */
export interface ImpactChartRow { label: string; before: number | null; after: number | null; delta: number | null; ci: [number, number] | null }

/** Chart categories: the table rows that have a change, labelled by competency code or by the given group labels. */
export function impactChartRows(rows: readonly ImpactTableRow[], labels: Record<Exclude<ImpactRowKind, 'competency'>, string>): ImpactChartRow[] {
  return rows
    .filter((r) => r.delta !== null)
    .map((r) => ({ label: r.kind === 'competency' ? (r.code ?? '') : labels[r.kind], before: r.before, after: r.after, delta: r.delta, ci: r.ci }));
}
