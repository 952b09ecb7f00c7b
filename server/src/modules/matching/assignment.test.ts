import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bruteForceBest, greedyAssignment, optimalAssignment } from './assignment';

const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 3 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

describe('assignment', () => {
  it('is optimal against brute force on small random instances, one-to-one, never using a disallowed pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (rows, cols, seed) => {
        const score = fc.sample(matrix(rows, cols), { seed, numRuns: 1 })[0]!;
        const result = optimalAssignment(score, cols);
        expect(result.total).toBeCloseTo(bruteForceBest(score, cols), 6);
        const used = result.seatToCandidate.filter((c) => c >= 0);
        expect(new Set(used).size).toBe(used.length);
        result.seatToCandidate.forEach((c, r) => {
          if (c >= 0) expect(score[r]![c]).not.toBeNull();
        });
        const greedy = greedyAssignment(score, score.map((row) => row.map((_, c) => c).sort((a, b) => (row[b] ?? -1) - (row[a] ?? -1))));
        expect(result.total).toBeGreaterThanOrEqual(greedy.total - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('beats greedy on the textbook case', () => {
    // Seat 0 greedily takes candidate 0 (95), leaving seat 1 with 50; optimal gives 90 + 92.
    const score = [[95, 90], [92, 50]];
    const optimal = optimalAssignment(score, 2);
    const greedy = greedyAssignment(score, [[0, 1], [0, 1]]);
    expect(optimal.total).toBe(182);
    expect(greedy.total).toBe(145);
  });
});
