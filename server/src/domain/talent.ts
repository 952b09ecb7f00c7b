import type { JpmCategory, Predicate } from './enums';

export const TALENT_LEVELS = ['LOW', 'MIDDLE', 'HIGH'] as const;
export type PotentialLevel = (typeof TALENT_LEVELS)[number];
export const PERFORMANCE_LEVELS = ['BELOW', 'MEETS', 'ABOVE'] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

/** domain.md §6: rows = potential, columns = performance. */
export const NINE_BOX: Readonly<Record<PotentialLevel, Readonly<Record<PerformanceLevel, number>>>> = {
  HIGH: { BELOW: 6, MEETS: 8, ABOVE: 9 },
  MIDDLE: { BELOW: 3, MEETS: 5, ABOVE: 7 },
  LOW: { BELOW: 1, MEETS: 2, ABOVE: 4 },
};

/** From the latest annual predicate; null when the employee has never been appraised. */
export function performanceAxis(predicate: Predicate | null): PerformanceLevel | null {
  if (predicate === null) return null;
  if (predicate === 'SANGAT_BAIK') return 'ABOVE';
  if (predicate === 'BAIK') return 'MEETS';
  return 'BELOW';
}

/** From the JPM category (or a recorded potential assessment mapped to one); null when unknown. */
export function potentialAxis(category: JpmCategory | null): PotentialLevel | null {
  if (category === null) return null;
  if (category === 'OPTIMAL') return 'HIGH';
  if (category === 'CUKUP_OPTIMAL') return 'MIDDLE';
  return 'LOW';
}

/**
 * Box 1–9, or null when either axis is unknown: placing an unappraised or
 * unassessed employee in a low box would read as a judgement nobody made.
 */
export function talentBox(predicate: Predicate | null, category: JpmCategory | null): number | null {
  const perf = performanceAxis(predicate);
  const pot = potentialAxis(category);
  if (perf === null || pot === null) return null;
  return NINE_BOX[pot][perf];
}

/** boxes comes from policy (talentPoolBoxes, default 7, 8, 9). */
export function isTalentPool(box: number | null, boxes: readonly number[]): boolean {
  return box !== null && boxes.includes(box);
}
