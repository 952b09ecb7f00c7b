import type { EmployeeWhere, Predicate, RecommendationKind } from '../../graphql/generated/graphql';
import type { AggregateRow } from './nine-box';

/** The dashboard's scope as an employee filter: a unit subtree, or everyone. */
export function scopeWhere(unit: string | null): EmployeeWhere | null {
  return unit ? { unitSubtreeOfCode: unit } : null;
}

/** `scope` and `more`, as one filter. */
export function within(scope: EmployeeWhere | null, ...more: EmployeeWhere[]): EmployeeWhere {
  return { and: [...(scope ? [scope] : []), ...more] };
}

/** Variables of DashboardSummary: everyone, the placed, PNS, and PNS short of the year's required JP. */
export function summaryVariables(unit: string | null, year: number) {
  const scope = scopeWhere(unit);
  const pns: EmployeeWhere = { status: { eq: 'PNS' } };
  return {
    where: scope,
    placed: within(scope, { position: { isNull: false } }),
    pns: within(scope, pns),
    pnsShort: within(scope, pns, { developmentHours: { year, belowRequirement: true } }),
  };
}

export interface JpCompliance {
  total: number;
  met: number;
  /** Whole percent; null without PNS. */
  percent: number | null;
}

export function jpCompliance(pns: number, short: number): JpCompliance {
  const met = Math.max(0, pns - short);
  return { total: pns, met, percent: pns > 0 ? Math.round((met / pns) * 100) : null };
}

/** Five years ending with `year`, oldest first (the trend's columns). */
export function trendYears(year: number): [number, number, number, number, number] {
  return [year - 4, year - 3, year - 2, year - 1, year];
}

/** Best first: the stacking order of the bars. */
export const predicateOrder: Predicate[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

export interface PredicateTrend {
  years: number[];
  series: { predicate: Predicate; counts: number[] }[];
}

/**
 * Stacked-bar data from one PREDICATE aggregate per year. Employees without an appraisal that
 * year ("NONE") are left out, and so are years in which nobody was appraised.
 */
export function predicateTrend(years: readonly number[], perYear: readonly (readonly AggregateRow[])[]): PredicateTrend {
  const counts = years.map((_, i) => {
    const byPredicate = new Map((perYear[i] ?? []).map((r) => [r.group[0]?.value ?? '', r.headcount]));
    return predicateOrder.map((p) => byPredicate.get(p) ?? 0);
  });
  const kept = years.map((year, i) => ({ year, counts: counts[i]! })).filter((y) => y.counts.some((n) => n > 0));
  return {
    years: kept.map((y) => y.year),
    series: predicateOrder.map((predicate, p) => ({ predicate, counts: kept.map((y) => y.counts[p]!) })),
  };
}

export interface GapRow {
  unit: { code: string; name: string } | null;
  competency: { code: string; name: string };
  holders: number;
  meanShortfall: number;
  shortfallShare: number;
}

export interface GapMatrix {
  units: { code: string; name: string }[];
  competencies: { code: string; name: string }[];
  /** [competency index (x), unit index (y), mean shortfall, share with a shortfall, holders] */
  cells: [number, number, number, number, number][];
  max: number;
}

/**
 * Heat-map cells from competencyShortfalls rows: units in the order given (the rows come by code),
 * competencies by how many holders they have over all units, most first.
 */
export function gapMatrix(rows: readonly GapRow[]): GapMatrix {
  const units = new Map<string, { code: string; name: string }>();
  const competencies = new Map<string, { code: string; name: string; holders: number }>();
  for (const r of rows) {
    if (!r.unit) continue;
    if (!units.has(r.unit.code)) units.set(r.unit.code, { code: r.unit.code, name: r.unit.name });
    const c = competencies.get(r.competency.code) ?? { code: r.competency.code, name: r.competency.name, holders: 0 };
    c.holders += r.holders;
    competencies.set(c.code, c);
  }
  const unitList = [...units.values()];
  const competencyList = [...competencies.values()].sort((a, b) => b.holders - a.holders || a.code.localeCompare(b.code));
  const cells: GapMatrix['cells'] = [];
  for (const r of rows) {
    if (!r.unit) continue;
    const x = competencyList.findIndex((c) => c.code === r.competency.code);
    const y = unitList.findIndex((u) => u.code === r.unit!.code);
    cells.push([x, y, Math.round(r.meanShortfall * 100) / 100, Math.round(r.shortfallShare * 100), r.holders]);
  }
  return {
    units: unitList,
    competencies: competencyList.map(({ code, name }) => ({ code, name })),
    cells,
    max: Math.max(0, ...cells.map((c) => c[2])),
  };
}

export const recommendationKinds: RecommendationKind[] = [
  'UNIT_COMPETENCY_GAP', 'DEVELOPMENT_HOURS_SHORTFALL', 'MISPLACEMENT', 'SUCCESSION_RISK', 'TRAINING_INEFFECTIVE', 'STANDARD_REVIEW',
];

/** Counts per kind from DashboardRecommendations (one alias per kind), most first. */
export function recommendationCounts(data: Partial<Record<RecommendationKind, { totalCount: number }>> | undefined): { kind: RecommendationKind; count: number }[] {
  return recommendationKinds
    .map((kind) => ({ kind, count: data?.[kind]?.totalCount ?? 0 }))
    .sort((a, b) => b.count - a.count);
}
