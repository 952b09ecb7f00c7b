import { describe, expect, it } from 'vitest';
import { newRow, placeStandardErrors, rowsFrom, sameStandard, toRequirements } from './standard-editor';

describe('competency standard editor', () => {
  it('sends every row in order, empty cells included', () => {
    const rows = [newRow('C1', 3), newRow(null, 2), newRow('C2', null)];
    expect(toRequirements(rows)).toEqual([
      { competency: 'C1', level: 3 },
      { competency: '', level: 2 },
      { competency: 'C2', level: 0 },
    ]);
  });

  it('knows when the rows differ from the saved standard', () => {
    const saved = rowsFrom([{ level: 3, competency: { id: 'C1' } }]);
    expect(sameStandard(saved, rowsFrom([{ level: 3, competency: { id: 'C1' } }]))).toBe(true);
    expect(sameStandard(saved, rowsFrom([{ level: 4, competency: { id: 'C1' } }]))).toBe(false);
    expect(sameStandard(saved, [])).toBe(false);
  });

  it('puts each error on its row and column, the rest on the whole standard', () => {
    const { rows, general } = placeStandardErrors([
      { field: 'requirements[1].level', code: 'OUT_OF_RANGE', message: 'requirements[1].level must be 1–5' },
      { field: 'requirements[1].level', code: 'INVALID', message: 'second' },
      { field: 'requirements[2].competency', code: 'DUPLICATE', message: 'listed twice' },
      { field: 'position', code: 'NOT_FOUND', message: 'no such position' },
      { field: null, code: 'CONFLICT', message: 'whole' },
    ]);
    expect(rows.get(1)?.level?.code).toBe('OUT_OF_RANGE');
    expect(rows.get(2)?.competency?.code).toBe('DUPLICATE');
    expect(rows.has(0)).toBe(false);
    expect(general.map((e) => e.code)).toEqual(['NOT_FOUND', 'CONFLICT']);
  });
});
