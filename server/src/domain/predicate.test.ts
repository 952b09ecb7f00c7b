import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPRAISAL_RATINGS } from './enums';
import { predicateOrdinal } from './ordinal';
import { predicateOf } from './predicate';

describe('predicateOf', () => {
  it('matches worked example 4', () => {
    expect(predicateOf('ABOVE', 'MEETS')).toBe('BAIK');
    expect(predicateOf('BELOW', 'ABOVE')).toBe('BUTUH_PERBAIKAN');
    expect(predicateOf('MEETS', 'BELOW')).toBe('KURANG');
    expect(predicateOf('BELOW', 'BELOW')).toBe('SANGAT_KURANG');
  });

  it('matches the rest of the §5 matrix', () => {
    expect(predicateOf('ABOVE', 'ABOVE')).toBe('SANGAT_BAIK');
    expect(predicateOf('ABOVE', 'BELOW')).toBe('KURANG');
    expect(predicateOf('MEETS', 'MEETS')).toBe('BAIK');
    expect(predicateOf('MEETS', 'ABOVE')).toBe('BAIK');
    expect(predicateOf('BELOW', 'MEETS')).toBe('BUTUH_PERBAIKAN');
  });

  it('never gets worse when either rating improves (property)', () => {
    const idx = fc.integer({ min: 0, max: 2 });
    fc.assert(
      fc.property(idx, idx, idx, (r, b, up) => {
        const base = predicateOrdinal(predicateOf(APPRAISAL_RATINGS[r], APPRAISAL_RATINGS[b]));
        const r2 = Math.max(r, up);
        const b2 = Math.max(b, up);
        expect(predicateOrdinal(predicateOf(APPRAISAL_RATINGS[r2], APPRAISAL_RATINGS[b]))).toBeGreaterThanOrEqual(base);
        expect(predicateOrdinal(predicateOf(APPRAISAL_RATINGS[r], APPRAISAL_RATINGS[b2]))).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});
