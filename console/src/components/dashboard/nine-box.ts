import type { JpmCategory } from '../../graphql/generated/graphql';

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
export const jpmCategories: JpmCategory[] = ['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL'];

export function axesOf(box: number): { potential: Potential; performance: Performance } | null {
  for (const potential of potentials) for (const performance of performances) if (nineBox[potential][performance] === box) return { potential, performance };
  return null;
}

export interface BoxCount {
  box: number;
  count: number;
  talentPool: boolean;
}

export interface CategoryShare {
  category: JpmCategory;
  count: number;
}

/** One row of employeeAggregate: its group values and headcount. */
export interface AggregateRow {
  group: readonly { key: string; value: string }[];
  headcount: number;
}

const valueOf = (row: AggregateRow, key: string): string | null => row.group.find((g) => g.key === key)?.value ?? null;

export interface TalentFigures {
  /** All nine boxes, zeros included. */
  boxes: BoxCount[];
  /** Employees per category in their current position, whether or not they have a box. */
  shares: CategoryShare[];
  /** Employees with a category (placed in a position with a standard). */
  categorised: number;
  /** Employees without one (unplaced, or a position without a standard). */
  uncategorised: number;
}

/**
 * The 9-box and the category shares from one aggregate grouped by [JPM_CATEGORY, TALENT_BOX]:
 * the boxes sum over categories, the shares over boxes, so the two always agree.
 */
export function talentFigures(rows: readonly AggregateRow[], talentPoolBoxes: readonly number[]): TalentFigures {
  const boxes = Array.from({ length: 9 }, (_, i) => ({ box: i + 1, count: 0, talentPool: talentPoolBoxes.includes(i + 1) }));
  const shares = jpmCategories.map((category) => ({ category, count: 0 }));
  let uncategorised = 0;
  for (const row of rows) {
    const box = Number(valueOf(row, 'TALENT_BOX'));
    const slot = boxes[box - 1];
    if (Number.isInteger(box) && slot) slot.count += row.headcount;
    const share = shares.find((s) => s.category === valueOf(row, 'JPM_CATEGORY'));
    if (share) share.count += row.headcount;
    else uncategorised += row.headcount;
  }
  return { boxes, shares, categorised: shares.reduce((n, s) => n + s.count, 0), uncategorised };
}

/** The talent-pool boxes of the active policy's parameters (JSON), 7–9 when absent or malformed. */
export function talentPoolOf(parameters: unknown): number[] {
  const boxes = (parameters as { talentPoolBoxes?: unknown } | null)?.talentPoolBoxes;
  return Array.isArray(boxes) && boxes.every((b) => Number.isInteger(b)) ? (boxes as number[]) : [7, 8, 9];
}
