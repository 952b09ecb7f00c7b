import type { EmployeeWhere, JpmCategory, Predicate } from '../../graphql/generated/graphql';

export type Potential = 'LOW' | 'MIDDLE' | 'HIGH';
export type Performance = 'BELOW' | 'MEETS' | 'ABOVE';

/** domain.md §6: rows = potential (JPM category), columns = performance (latest annual predicate). */
export const nineBox: Record<Potential, Record<Performance, number>> = {
  HIGH: { BELOW: 6, MEETS: 8, ABOVE: 9 },
  MIDDLE: { BELOW: 3, MEETS: 5, ABOVE: 7 },
  LOW: { BELOW: 1, MEETS: 2, ABOVE: 4 },
};
export const potentials: Potential[] = ['LOW', 'MIDDLE', 'HIGH'];
export const performances: Performance[] = ['BELOW', 'MEETS', 'ABOVE'];

const categoryOf: Record<Potential, JpmCategory> = { HIGH: 'OPTIMAL', MIDDLE: 'CUKUP_OPTIMAL', LOW: 'KURANG_OPTIMAL' };
const predicatesOf: Record<Performance, Predicate[]> = {
  ABOVE: ['SANGAT_BAIK'],
  MEETS: ['BAIK'],
  BELOW: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
};

export function axesOf(box: number): { potential: Potential; performance: Performance } | null {
  for (const potential of potentials) for (const performance of performances) if (nineBox[potential][performance] === box) return { potential, performance };
  return null;
}

export interface BoxCount {
  box: number;
  count: number;
  talentPool: boolean;
}

/** Adds the talent maps of several units (the roots, for the whole city). */
export function sumTalentMaps(maps: readonly (readonly BoxCount[])[]): BoxCount[] {
  const byBox = new Map<number, BoxCount>();
  for (let box = 1; box <= 9; box++) byBox.set(box, { box, count: 0, talentPool: false });
  for (const map of maps) {
    for (const c of map) {
      const sum = byBox.get(c.box);
      if (sum) byBox.set(c.box, { box: c.box, count: sum.count + c.count, talentPool: sum.talentPool || c.talentPool });
    }
  }
  return [...byBox.values()];
}

/**
 * The JPM category of an employee is the potential row of the 9-box, so the boxes add up to the
 * category shares (of the employees with both an annual predicate and a computable JPM).
 */
export function categoryShares(counts: readonly BoxCount[]): { category: JpmCategory; count: number }[] {
  return (['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL'] as const).map((category) => {
    const potential = potentials.find((p) => categoryOf[p] === category)!;
    const boxes = new Set(performances.map((perf) => nineBox[potential][perf]));
    return { category, count: counts.filter((c) => boxes.has(c.box)).reduce((n, c) => n + c.count, 0) };
  });
}

/** The API filter narrowing a box's employees: unit subtree, placed, and the box's predicate column. */
export function boxEmployeesWhere(box: number, unit: string | null): EmployeeWhere {
  const axes = axesOf(box);
  const conditions: EmployeeWhere[] = [{ position: { isNull: false } }];
  if (unit) conditions.push({ unitSubtreeOfCode: unit });
  if (axes) conditions.push({ latestPredicate: { predicate: { in: predicatesOf[axes.performance] } } });
  return { and: conditions };
}
