import { describe, expect, it } from 'vitest';
import { JPM_CATEGORIES, PREDICATES } from './enums';
import { categoryOf } from './jpm';
import { DEFAULT_POLICY } from './policy';
import { isTalentPool, performanceAxis, potentialAxis, talentBox } from './talent';

const pool = DEFAULT_POLICY.talentPoolBoxes;

describe('talent map', () => {
  it('worked example 5', () => {
    const box9 = talentBox('SANGAT_BAIK', categoryOf(92.59, DEFAULT_POLICY));
    expect(box9).toBe(9);
    expect(isTalentPool(box9, pool)).toBe(true);
    const box5 = talentBox('BAIK', categoryOf(85.19, DEFAULT_POLICY));
    expect(box5).toBe(5);
    expect(isTalentPool(box5, pool)).toBe(false);
    expect(talentBox('SANGAT_BAIK', categoryOf(70, DEFAULT_POLICY))).toBe(4);
  });

  it('maps the axes', () => {
    expect(performanceAxis('SANGAT_BAIK')).toBe('ABOVE');
    expect(performanceAxis('BAIK')).toBe('MEETS');
    expect((['SANGAT_KURANG', 'KURANG', 'BUTUH_PERBAIKAN'] as const).map((p) => performanceAxis(p))).toEqual(['BELOW', 'BELOW', 'BELOW']);
    expect(potentialAxis('OPTIMAL')).toBe('HIGH');
    expect(potentialAxis('CUKUP_OPTIMAL')).toBe('MIDDLE');
    expect(potentialAxis('KURANG_OPTIMAL')).toBe('LOW');
    expect(performanceAxis(null)).toBeNull();
    expect(potentialAxis(null)).toBeNull();
  });

  it('covers the §6 grid, each box exactly once', () => {
    const grid = [
      ['OPTIMAL', 'KURANG', 6], ['OPTIMAL', 'BAIK', 8], ['OPTIMAL', 'SANGAT_BAIK', 9],
      ['CUKUP_OPTIMAL', 'KURANG', 3], ['CUKUP_OPTIMAL', 'BAIK', 5], ['CUKUP_OPTIMAL', 'SANGAT_BAIK', 7],
      ['KURANG_OPTIMAL', 'KURANG', 1], ['KURANG_OPTIMAL', 'BAIK', 2], ['KURANG_OPTIMAL', 'SANGAT_BAIK', 4],
    ] as const;
    for (const [cat, pred, box] of grid) expect(talentBox(pred, cat)).toBe(box);
    const all = JPM_CATEGORIES.flatMap((c) => PREDICATES.map((p) => talentBox(p, c)));
    expect(new Set(all)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('no box without both axes, and no box is never in the pool', () => {
    expect(talentBox(null, 'OPTIMAL')).toBeNull();
    expect(talentBox('SANGAT_BAIK', null)).toBeNull();
    expect(isTalentPool(null, pool)).toBe(false);
    expect(isTalentPool(7, pool)).toBe(true);
    expect(isTalentPool(6, [6, 8, 9])).toBe(true);
  });
});
