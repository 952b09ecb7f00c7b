import { describe, expect, it } from 'vitest';
import { readEvidence, today, trainingImpact, Z95, type ImpactParticipation } from './training-impact';

const KOM = { id: 'C-KOM', code: 'KOM', name: 'Komunikasi' };
const PP = { id: 'C-PP', code: 'PP', name: 'Pelayanan Publik' };
const a = (competency: string, assessedAt: string, level: number) => ({ competency: { id: competency }, assessedAt, level });
const participant = (id: string, assessments: ReturnType<typeof a>[], completedAt: string | null = '2024-03-10'): ImpactParticipation => ({
  startedAt: '2024-03-01', completedAt, employee: { id, assessments },
});

describe('trainingImpact', () => {
  it('pairs the latest assessment before the start with the first after the completion', () => {
    const result = trainingImpact([KOM], [
      participant('E1', [a('C-KOM', '2023-01-01', 1), a('C-KOM', '2024-02-01', 2), a('C-KOM', '2024-03-05', 9), a('C-KOM', '2024-06-01', 3), a('C-KOM', '2024-09-01', 4)]),
    ], '2025-01-01');
    // The assessment during the training (03-05) is neither before nor after.
    expect(result.competencies[0]).toMatchObject({ n: 1, before: 2, after: 3, delta: 1, ci95: null });
  });

  it('skips participants without both values, not completed, or measured after asOf', () => {
    const result = trainingImpact([KOM], [
      participant('E1', [a('C-KOM', '2024-06-01', 3)]),
      participant('E2', [a('C-KOM', '2024-01-01', 2), a('C-KOM', '2024-06-01', 3)], null),
      participant('E3', [a('C-KOM', '2024-01-01', 2), a('C-KOM', '2026-06-01', 3)]),
    ], '2025-01-01');
    expect(result.competencies[0]?.n).toBe(0);
    expect(result.overall).toEqual({ n: 0, before: null, after: null, delta: null, ci95: null });
  });

  it('gives the mean change with a normal 95 % interval and one overall value per participant', () => {
    const result = trainingImpact([KOM, PP], [
      participant('E1', [a('C-KOM', '2024-01-01', 2), a('C-KOM', '2024-06-01', 3), a('C-PP', '2024-01-01', 1), a('C-PP', '2024-06-01', 3)]),
      participant('E2', [a('C-KOM', '2024-01-01', 2), a('C-KOM', '2024-06-01', 4)]),
      participant('E3', [a('C-KOM', '2024-01-01', 3), a('C-KOM', '2024-06-01', 3)]),
    ], '2025-01-01');
    const kom = result.competencies[0]!;
    expect(kom.n).toBe(3);
    expect(kom.delta).toBeCloseTo(1);
    // Deltas 1, 2, 0: sd 1, half-width 1.96 / √3.
    const half = Z95 / Math.sqrt(3);
    expect(kom.ci95?.[0]).toBeCloseTo(1 - half);
    expect(kom.ci95?.[1]).toBeCloseTo(1 + half);
    expect(result.competencies[1]).toMatchObject({ n: 1, delta: 2 });
    // E1 counts once with the mean of KOM +1 and PP +2.
    expect(result.overall.n).toBe(3);
    expect(result.overall.delta).toBeCloseTo((1.5 + 2 + 0) / 3);
  });
});

describe('readEvidence', () => {
  it('reads the recommendation engine figures and refuses other shapes', () => {
    expect(readEvidence({ n: 4, deltaCompetency: 0.1, comparisonDeltaCompetency: 0.3, didCompetency: -0.2, ci95: [-0.6, 0.2], deltaPredicate: 0 })).toMatchObject({
      n: 4, didCompetency: -0.2, ci95: [-0.6, 0.2], didPredicate: null,
    });
    expect(readEvidence({ n: 4, deltaCompetency: 0.1, ci95: null })?.ci95).toBeNull();
    expect(readEvidence({ holders: 3 })).toBeNull();
    expect(readEvidence(null)).toBeNull();
  });

  it('formats today as a local date', () => {
    expect(today(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});
