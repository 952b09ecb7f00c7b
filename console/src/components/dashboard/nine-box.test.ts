import { describe, expect, it } from 'vitest';
import { axesOf, boxEmployeesWhere, categoryShares, sumTalentMaps } from './nine-box';

const map = (counts: Record<number, number>) => Object.entries(counts).map(([box, count]) => ({ box: Number(box), count, talentPool: Number(box) >= 7 }));

describe('9-box', () => {
  it('places each box on its axes', () => {
    expect(axesOf(9)).toEqual({ potential: 'HIGH', performance: 'ABOVE' });
    expect(axesOf(3)).toEqual({ potential: 'MIDDLE', performance: 'BELOW' });
    expect(axesOf(10)).toBeNull();
  });

  it('adds talent maps of several units, all nine boxes present', () => {
    const sum = sumTalentMaps([map({ 1: 2, 9: 1 }), map({ 9: 3, 5: 4 })]);
    expect(sum).toHaveLength(9);
    expect(sum.find((b) => b.box === 9)).toEqual({ box: 9, count: 4, talentPool: true });
    expect(sum.find((b) => b.box === 2)?.count).toBe(0);
  });

  it('derives the category shares from the potential rows', () => {
    expect(categoryShares(sumTalentMaps([map({ 6: 1, 8: 2, 9: 3, 3: 4, 5: 5, 7: 6, 1: 7, 2: 8, 4: 9 })]))).toEqual([
      { category: 'OPTIMAL', count: 6 },
      { category: 'CUKUP_OPTIMAL', count: 15 },
      { category: 'KURANG_OPTIMAL', count: 24 },
    ]);
  });

  it('narrows a box’s employees on the server by unit and predicate column', () => {
    expect(boxEmployeesWhere(8, 'DINKES')).toEqual({
      and: [{ position: { isNull: false } }, { unitSubtreeOfCode: 'DINKES' }, { latestPredicate: { predicate: { in: ['BAIK'] } } }],
    });
    expect(boxEmployeesWhere(1, null).and).toContainEqual({ latestPredicate: { predicate: { in: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] } } });
  });
});
