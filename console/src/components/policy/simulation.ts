import type { JpmCategory, SimulationFieldsFragment } from '../../graphql/generated/graphql';

export interface UnitShift {
  /** Unit code; null for kinds without a unit (TRAINING_INEFFECTIVE). */
  code: string | null;
  name: string | null;
  before: number;
  after: number;
}

/**
 * Recommendation counts per unit summed over kinds, the units that change most first, then the
 * largest; at most `limit` units so a chart of the whole city stays readable.
 */
export function recommendationsByUnit(result: Pick<SimulationFieldsFragment, 'recommendations'>, limit = 15): UnitShift[] {
  const byUnit = new Map<string, UnitShift>();
  for (const r of result.recommendations) {
    const key = r.unit?.code ?? '';
    const row = byUnit.get(key) ?? { code: r.unit?.code ?? null, name: r.unit?.name ?? null, before: 0, after: 0 };
    row.before += r.before;
    row.after += r.after;
    byUnit.set(key, row);
  }
  return [...byUnit.values()]
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || Math.max(b.before, b.after) - Math.max(a.before, a.after) || (a.code ?? '').localeCompare(b.code ?? ''))
    .slice(0, limit);
}

const categoryOrder: JpmCategory[] = ['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL'];

/** Categories in rank order with zeros filled in, so before/after bars line up. */
export function categoryShifts(result: Pick<SimulationFieldsFragment, 'categories'>): { category: JpmCategory; before: number; after: number }[] {
  return categoryOrder.map((category) => {
    const c = result.categories.find((x) => x.category === category);
    return { category, before: c?.before ?? 0, after: c?.after ?? 0 };
  });
}

/** Boxes 1–9 with zeros filled in. */
export function boxShifts(result: Pick<SimulationFieldsFragment, 'talentBoxes'>): { box: number; before: number; after: number; talentPool: boolean }[] {
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => {
    const b = result.talentBoxes.find((x) => x.box === box);
    return { box, before: b?.before ?? 0, after: b?.after ?? 0, talentPool: b?.talentPool ?? false };
  });
}
