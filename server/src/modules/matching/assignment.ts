import { linearSumAssignment } from 'linear-sum-assignment';

/**
 * Pure assignment logic, separate from SQL so it can be checked against brute
 * force. Rows are seats, columns candidates; `score[r][c]` is the JPM of
 * candidate c for seat r's position, or null when the pair is not allowed
 * (ineligible, below the category floor).
 */
export interface AssignmentResult {
  /** Candidate index per seat, or -1 when the seat stays empty. */
  seatToCandidate: number[];
  total: number;
  filled: number;
}

/**
 * Maximum-total one-to-one assignment (Jonker–Volgenant on the rectangular
 * matrix, via linear-sum-assignment). Disallowed pairs cost 0, the same as an
 * empty seat, so dropping them afterwards keeps the optimum.
 */
export function optimalAssignment(score: readonly (readonly (number | null)[])[], candidates: number): AssignmentResult {
  const seats = score.length;
  if (seats === 0 || candidates === 0) return { seatToCandidate: new Array<number>(seats).fill(-1), total: 0, filled: 0 };
  const cost = score.map((row) => Array.from({ length: candidates }, (_, c) => -(row[c] ?? 0)));
  const { rowAssignments, columnAssignments } = linearSumAssignment(cost, { maximaze: false });
  const seatToCandidate = new Array<number>(seats).fill(-1);
  if (seats <= candidates) {
    for (let r = 0; r < seats; r++) seatToCandidate[r] = rowAssignments[r]!;
  } else {
    for (let c = 0; c < candidates; c++) {
      const r = columnAssignments[c]!;
      if (r >= 0) seatToCandidate[r] = c;
    }
  }
  let total = 0;
  let filled = 0;
  for (let r = 0; r < seats; r++) {
    const c = seatToCandidate[r]!;
    const s = c >= 0 ? score[r]![c] : null;
    if (s === null || s === undefined) seatToCandidate[r] = -1;
    else {
      total += s;
      filled++;
    }
  }
  return { seatToCandidate, total, filled };
}

/**
 * The greedy fill an officer would do by hand: seats in the order given, each
 * takes the best remaining allowed candidate (`order[r]` lists candidate
 * indexes best first for seat r).
 */
export function greedyAssignment(score: readonly (readonly (number | null)[])[], order: readonly (readonly number[])[]): AssignmentResult {
  const taken = new Set<number>();
  const seatToCandidate: number[] = [];
  let total = 0;
  let filled = 0;
  score.forEach((row, r) => {
    const pick = (order[r] ?? []).find((c) => !taken.has(c) && row[c] !== null && row[c] !== undefined);
    if (pick === undefined) {
      seatToCandidate.push(-1);
      return;
    }
    taken.add(pick);
    seatToCandidate.push(pick);
    total += row[pick]!;
    filled++;
  });
  return { seatToCandidate, total, filled };
}

/** Exhaustive optimum for tiny instances; the test oracle for optimalAssignment. */
export function bruteForceBest(score: readonly (readonly (number | null)[])[], candidates: number): number {
  let best = 0;
  const used = new Array<boolean>(candidates).fill(false);
  const visit = (r: number, total: number): void => {
    if (r === score.length) {
      best = Math.max(best, total);
      return;
    }
    visit(r + 1, total);
    for (let c = 0; c < candidates; c++) {
      const s = score[r]![c];
      if (used[c] || s === null || s === undefined) continue;
      used[c] = true;
      visit(r + 1, total + s);
      used[c] = false;
    }
  };
  visit(0, 0);
  return best;
}
