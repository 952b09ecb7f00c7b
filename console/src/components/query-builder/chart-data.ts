/**
 * What chart an aggregate result calls for. Aggregate rows (employeeAggregate and the like) carry
 * `group: [{ key, value, label }]` and numeric measures: one dimension is a bar chart, two a heat
 * map, and the TALENT_BOX dimension (or a talent map's `box`/`count` rows) a 9-box grid.
 */
export interface BarChart {
  kind: 'bar';
  measure: string;
  categories: string[];
  values: number[];
}

export interface HeatmapChart {
  kind: 'heatmap';
  measure: string;
  x: string[];
  y: string[];
  /** [x index, y index, value] */
  cells: [number, number, number][];
}

export interface NineBoxChart {
  kind: 'nine-box';
  measure: string;
  /** Count per box 1–9; other values (e.g. "NONE") are left out. */
  counts: { box: number; count: number }[];
}

export type ChartSpec = BarChart | HeatmapChart | NineBoxChart;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface GroupValue {
  key: string;
  value: string;
  label: string | null;
}

function groupOf(item: Record<string, unknown>): GroupValue[] | null {
  if (!Array.isArray(item.group)) return null;
  const values = item.group.filter(isRecord);
  if (values.length !== item.group.length || !values.every((g) => typeof g.key === 'string' && typeof g.value === 'string')) return null;
  return values.map((g) => ({ key: g.key as string, value: g.value as string, label: typeof g.label === 'string' ? g.label : null }));
}

/** Numeric fields of the rows, headcount first: what a chart can show. */
export function measuresOf(items: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const item of items) if (isRecord(item)) for (const [k, v] of Object.entries(item)) if (typeof v === 'number' && k !== 'box') keys.add(k);
  return [...keys].sort((a, b) => (a === 'headcount' ? -1 : b === 'headcount' ? 1 : 0));
}

const boxOf = (value: string | number): number | null => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
};

function nineBox(pairs: [number | null, number][], measure: string): NineBoxChart {
  const counts = Array.from({ length: 9 }, (_, i) => ({ box: i + 1, count: 0 }));
  for (const [box, value] of pairs) if (box !== null) counts[box - 1]!.count += value;
  return { kind: 'nine-box', measure, counts };
}

const labelOf = (g: GroupValue): string => (g.label && g.label !== g.value ? `${g.value} — ${g.label}` : g.value);

/** The chart for a result's items, or null when the result is not an aggregate. */
export function chartFor(items: readonly unknown[], preferredMeasure?: string | null): ChartSpec | null {
  const rows = items.filter(isRecord);
  if (rows.length === 0 || rows.length !== items.length) return null;

  // A talent map: { box, count } rows.
  if (rows.every((r) => typeof r.box === 'number' && typeof r.count === 'number')) {
    return nineBox(rows.map((r) => [boxOf(r.box as number), r.count as number]), 'count');
  }

  const groups = rows.map(groupOf);
  if (groups.some((g) => g === null)) return null;
  const measures = measuresOf(rows);
  const measure = preferredMeasure && measures.includes(preferredMeasure) ? preferredMeasure : measures[0];
  if (!measure) return null;
  const value = (r: Record<string, unknown>): number => (typeof r[measure] === 'number' ? (r[measure] as number) : 0);
  const dims = (groups[0] ?? []).length;
  if (dims === 0 || !groups.every((g) => g!.length === dims)) return null;

  const boxDim = (groups[0] ?? []).findIndex((g) => g.key === 'TALENT_BOX');
  if (boxDim >= 0 && dims === 1) return nineBox(rows.map((r, i) => [boxOf(groups[i]![boxDim]!.value), value(r)]), measure);

  if (dims === 1) {
    return { kind: 'bar', measure, categories: groups.map((g) => labelOf(g![0]!)), values: rows.map(value) };
  }
  if (dims === 2) {
    const x: string[] = [];
    const y: string[] = [];
    const cells: [number, number, number][] = [];
    rows.forEach((r, i) => {
      const [gx, gy] = [labelOf(groups[i]![0]!), labelOf(groups[i]![1]!)];
      if (!x.includes(gx)) x.push(gx);
      if (!y.includes(gy)) y.push(gy);
      cells.push([x.indexOf(gx), y.indexOf(gy), value(r)]);
    });
    return { kind: 'heatmap', measure, x, y, cells };
  }
  return null;
}
