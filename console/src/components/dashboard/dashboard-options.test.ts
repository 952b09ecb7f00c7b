import { describe, expect, it } from 'vitest';
import { gapHeatmap, nineBoxHeatmap, predicateBars } from './dashboard-options';
import { gapMatrix } from './dashboard-data';

const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;

describe('dashboard chart options', () => {
  it('puts every box on the 3 × 3 grid with its number, for the click', () => {
    const option = nineBoxHeatmap([{ box: 9, count: 4, talentPool: true }], t);
    const data = (option.series as { data: number[][] }[])[0]!.data;
    expect(data).toHaveLength(9);
    expect(data).toContainEqual([2, 2, 4, 9]);
    expect(data).toContainEqual([0, 0, 0, 1]);
  });

  it('draws the shortfall matrix with units as rows and a tooltip naming unit and competency', () => {
    const matrix = gapMatrix([{ unit: { code: 'A', name: 'Dinas A' }, competency: { code: 'KOM', name: 'Komunikasi' }, holders: 4, meanShortfall: 1.5, shortfallShare: 0.75 }]);
    const option = gapHeatmap(matrix, t);
    const series = (option.series as { data: unknown[]; type: string }[])[0]!;
    expect(series.type).toBe('heatmap');
    expect(series.data).toEqual([[0, 0, 1.5, 75, 4]]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['A']);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [0, 0, 1.5, 75, 4] });
    expect(tooltip).toBe('insights.gapTooltip{"unit":"Dinas A","competency":"Komunikasi","mean":"1.50","share":75,"holders":4}');
  });

  it('stacks one bar series per predicate', () => {
    const option = predicateBars({ years: [2023, 2024], series: [{ predicate: 'BAIK', counts: [5, 6] }, { predicate: 'KURANG', counts: [0, 1] }] }, t);
    const series = option.series as { stack: string; data: number[]; name: string }[];
    expect(series.map((s) => [s.stack, s.name, s.data])).toEqual([['predicate', 'predicate.BAIK', [5, 6]], ['predicate', 'predicate.KURANG', [0, 1]]]);
  });
});
