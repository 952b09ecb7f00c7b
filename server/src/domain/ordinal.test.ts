import { describe, expect, it } from 'vitest';
import {
  ageOn, compareGrades, educationRank, gradeRank, meetsMinimumEducation, meetsMinimumGrade, predicateOrdinal,
} from './ordinal';

describe('ordinal helpers', () => {
  it('ranks grades in order', () => {
    expect(gradeRank('I/a')).toBe(1);
    expect(gradeRank('IV/e')).toBe(17);
    expect(compareGrades('III/a', 'III/c')).toBeLessThan(0);
    expect(compareGrades('IV/a', 'III/d')).toBeGreaterThan(0);
    expect(compareGrades('II/b', 'II/b')).toBe(0);
  });

  it('treats D4 and S1 as equal', () => {
    expect(educationRank('D4')).toBe(educationRank('S1'));
    expect(meetsMinimumEducation('D4', 'S1')).toBe(true);
    expect(meetsMinimumEducation('S1', 'D4')).toBe(true);
    expect(meetsMinimumEducation('D3', 'S1')).toBe(false);
    expect(meetsMinimumEducation('SD', null)).toBe(true);
  });

  it('checks minimum grade', () => {
    expect(meetsMinimumGrade('III/c', 'III/c')).toBe(true);
    expect(meetsMinimumGrade('III/a', 'III/c')).toBe(false);
    expect(meetsMinimumGrade('I/a', null)).toBe(true);
  });

  it('orders predicates 1..5', () => {
    expect(predicateOrdinal('SANGAT_KURANG')).toBe(1);
    expect(predicateOrdinal('KURANG')).toBe(2);
    expect(predicateOrdinal('BUTUH_PERBAIKAN')).toBe(3);
    expect(predicateOrdinal('BAIK')).toBe(4);
    expect(predicateOrdinal('SANGAT_BAIK')).toBe(5);
  });

  it('computes whole years of age', () => {
    expect(ageOn('1986-09-26', '2024-09-25')).toBe(37);
    expect(ageOn('1986-09-26', '2024-09-26')).toBe(38);
    expect(ageOn('1988-02-29', '2025-02-28')).toBe(36);
    expect(ageOn('1988-02-29', '2025-03-01')).toBe(37);
    expect(ageOn('1988-02-29', '2024-02-29')).toBe(36);
    expect(ageOn('1986-09-26', '2024-09-26T23:59:00+07:00')).toBe(38);
    expect(() => ageOn('26-09-1986', '2024-01-01')).toThrow(RangeError);
  });
});
