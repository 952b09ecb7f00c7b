import { describe, expect, it } from 'vitest';
import { impactChartRows, impactRows, today, type ImpactFigures } from './training-impact';

const impact: ImpactFigures = {
  n: 3, meanDeltaCompetency: 0.5, meanDeltaPredicate: 0.25, windowStart: '2024-03-01', windowEnd: '2024-03-05',
  comparisonN: 4, comparisonDeltaCompetency: 0.2, comparisonDeltaPredicate: 0, difference: 0.3, differencePredicate: 0.25, ciLow: -0.1, ciHigh: 0.7,
  competencies: [
    { competency: { id: 'C-KOM', code: 'KOM', name: 'Komunikasi' }, n: 3, meanBefore: 2, meanAfter: 2.5, delta: 0.5 },
    { competency: { id: 'C-PP', code: 'PP', name: 'Pelayanan Publik' }, n: 1, meanBefore: 1, meanAfter: 1.5, delta: 0.5 },
  ],
};
const labels = { participants: 'Peserta', comparison: 'Pembanding', difference: 'DiD' };

describe('impactRows', () => {
  it('lists each competency, then the two groups\' mean change and the difference with its interval', () => {
    const rows = impactRows(impact);
    expect(rows.map((r) => [r.kind, r.code, r.n, r.before, r.after, r.delta, r.ci])).toEqual([
      ['competency', 'KOM', 3, 2, 2.5, 0.5, null],
      ['competency', 'PP', 1, 1, 1.5, 0.5, null],
      ['participants', null, 3, null, null, 0.5, null],
      ['comparison', null, 4, null, null, 0.2, null],
      ['difference', null, null, null, null, 0.3, [-0.1, 0.7]],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('has no interval, comparison change or difference when the server has none', () => {
    const rows = impactRows({ ...impact, comparisonN: 0, comparisonDeltaCompetency: null, difference: null, ciLow: null, ciHigh: null });
    expect(rows.find((r) => r.kind === 'comparison')).toMatchObject({ n: 0, delta: null });
    expect(rows.find((r) => r.kind === 'difference')).toMatchObject({ delta: null, ci: null });
  });
});

describe('impactChartRows', () => {
  it('labels competencies by code and groups by the given labels, leaving out rows without a change', () => {
    const rows = impactChartRows(impactRows({ ...impact, comparisonDeltaCompetency: null, difference: null, ciLow: null, ciHigh: null }), labels);
    expect(rows).toEqual([
      { label: 'KOM', before: 2, after: 2.5, delta: 0.5, ci: null },
      { label: 'PP', before: 1, after: 1.5, delta: 0.5, ci: null },
      { label: 'Peserta', before: null, after: null, delta: 0.5, ci: null },
    ]);
    expect(impactChartRows(impactRows(impact), labels).at(-1)).toEqual({ label: 'DiD', before: null, after: null, delta: 0.3, ci: [-0.1, 0.7] });
  });
});

describe('today', () => {
  it('formats the local date', () => {
    expect(today(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});
