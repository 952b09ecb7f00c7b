import { describe, expect, it } from 'vitest';
import { axesOf, talentFigures, talentPoolOf } from './nine-box';

const row = (category: string, box: string, headcount: number) => ({
  group: [{ key: 'JPM_CATEGORY', value: category }, { key: 'TALENT_BOX', value: box }], headcount,
});

describe('9-box', () => {
  it('places each box on its axes', () => {
    expect(axesOf(9)).toEqual({ potential: 'HIGH', performance: 'ABOVE' });
    expect(axesOf(3)).toEqual({ potential: 'MIDDLE', performance: 'BELOW' });
    expect(axesOf(10)).toBeNull();
  });

  it('sums boxes over categories and shares over boxes from one aggregate', () => {
    const f = talentFigures([
      row('OPTIMAL', '9', 3), row('OPTIMAL', '8', 2), row('OPTIMAL', 'NONE', 1),
      row('CUKUP_OPTIMAL', '5', 4), row('KURANG_OPTIMAL', '1', 5), row('NONE', 'NONE', 7),
    ], [7, 8, 9]);
    expect(f.boxes).toHaveLength(9);
    expect(f.boxes.find((b) => b.box === 9)).toEqual({ box: 9, count: 3, talentPool: true });
    expect(f.boxes.find((b) => b.box === 5)).toEqual({ box: 5, count: 4, talentPool: false });
    expect(f.boxes.find((b) => b.box === 2)?.count).toBe(0);
    // An OPTIMAL employee without an appraisal has no box but still counts in the shares.
    expect(f.shares).toEqual([
      { category: 'OPTIMAL', count: 6 },
      { category: 'CUKUP_OPTIMAL', count: 4 },
      { category: 'KURANG_OPTIMAL', count: 5 },
    ]);
    expect(f.categorised).toBe(15);
    expect(f.uncategorised).toBe(7);
  });

  it('reads the talent pool from the policy parameters, 7–9 otherwise', () => {
    expect(talentPoolOf({ talentPoolBoxes: [8, 9] })).toEqual([8, 9]);
    expect(talentPoolOf({ talentPoolBoxes: 'x' })).toEqual([7, 8, 9]);
    expect(talentPoolOf(null)).toEqual([7, 8, 9]);
  });
});
