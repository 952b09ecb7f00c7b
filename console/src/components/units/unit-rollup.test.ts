import { describe, expect, it } from 'vitest';
import { headcountsByCode, rollupFigures, rollupVariables } from './unit-rollup';

describe('unit roll-up', () => {
  it('asks for the subtree, its PNS and its PNS short of the JP', () => {
    expect(rollupVariables('DINKES', 2026)).toEqual({
      code: 'DINKES',
      where: { unitSubtreeOfCode: 'DINKES' },
      pns: { and: [{ unitSubtreeOfCode: 'DINKES' }, { status: { eq: 'PNS' } }] },
      pnsShort: { and: [{ unitSubtreeOfCode: 'DINKES' }, { status: { eq: 'PNS' } }, { developmentHours: { year: 2026, belowRequirement: true } }] },
    });
  });

  it('adds the category rows up to the headcount and gives shares of the categorised', () => {
    const row = (value: string, headcount: number) => ({ group: [{ key: 'JPM_CATEGORY' as const, value }], headcount });
    const f = rollupFigures({
      categories: [row('CUKUP_OPTIMAL', 2), row('NONE', 3)],
      pns: [{ headcount: 4 }],
      pnsShort: [{ headcount: 4 }],
      positions: { totalCount: 7 },
      vacant: { totalCount: 2 },
    });
    expect(f).toMatchObject({ headcount: 5, categorised: 2, positions: 7, vacant: 2, jp: { total: 4, met: 0, percent: 0 } });
    expect(f.shares.find((s) => s.category === 'CUKUP_OPTIMAL')?.count).toBe(2);
  });

  it('indexes subtree headcounts by unit code', () => {
    expect(headcountsByCode([{ group: [{ value: 'A' }], headcount: 3 }]).get('A')).toBe(3);
  });
});
