import { describe, expect, it } from 'vitest';
import { checkEligibility, ELIGIBILITY_RULES, type EligibilityCandidate, type EligibilityPosition } from './eligibility';
import { DEFAULT_POLICY } from './policy';

const policy = DEFAULT_POLICY; // minPredicate BAIK, performanceYears 2
const asOf = '2025-03-01';
const employee: EligibilityCandidate = {
  grade: 'III/c',
  education: 'S1',
  birthDate: '1986-09-26',
  annualPredicates: [
    { periodStart: '2023-01-01', predicate: 'BAIK' },
    { periodStart: '2024-01-01', predicate: 'SANGAT_BAIK' },
  ],
};
const position: EligibilityPosition = { minGrade: 'III/c', minEducation: 'S1', maxAge: 56 };
const rules = (r: ReturnType<typeof checkEligibility>): string[] => r.reasons.map((x) => x.rule);

describe('checkEligibility', () => {
  it('passes an employee who meets every rule', () => {
    expect(checkEligibility(employee, position, asOf, policy)).toEqual({ eligible: true, reasons: [] });
  });

  it('GRADE_BELOW_MINIMUM names both grades', () => {
    const r = checkEligibility({ ...employee, grade: 'III/a' }, position, asOf, policy);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([{ rule: 'GRADE_BELOW_MINIMUM', message: 'Grade III/a is below the minimum III/c' }]);
  });

  it('EDUCATION_BELOW_MINIMUM, with D4 accepted for S1', () => {
    const r = checkEligibility({ ...employee, education: 'D3' }, position, asOf, policy);
    expect(r.reasons).toEqual([{ rule: 'EDUCATION_BELOW_MINIMUM', message: 'Education D3 is below the minimum S1' }]);
    expect(checkEligibility({ ...employee, education: 'D4' }, position, asOf, policy).eligible).toBe(true);
  });

  it('PERFORMANCE_BELOW_MINIMUM when one of the last two annual predicates is below BAIK', () => {
    const r = checkEligibility(
      { ...employee, annualPredicates: [{ periodStart: '2023-01-01', predicate: 'BUTUH_PERBAIKAN' }, { periodStart: '2024-01-01', predicate: 'BAIK' }] },
      position, asOf, policy,
    );
    expect(rules(r)).toEqual(['PERFORMANCE_BELOW_MINIMUM']);
    expect(r.reasons[0]?.message).toMatch(/BUTUH_PERBAIKAN.*2023-01-01/);
    expect(r.reasons[0]?.message).toMatch(/minimum BAIK/);
  });

  it('looks only at the latest performanceYears appraisals started before asOf', () => {
    const history = [
      { periodStart: '2021-01-01', predicate: 'KURANG' as const }, // too old to matter
      { periodStart: '2023-01-01', predicate: 'BAIK' as const },
      { periodStart: '2024-01-01', predicate: 'BAIK' as const },
      { periodStart: '2025-03-01', predicate: 'SANGAT_KURANG' as const }, // not before asOf
    ];
    expect(checkEligibility({ ...employee, annualPredicates: history }, position, asOf, policy).eligible).toBe(true);
    // With three years configured, the 2021 KURANG counts.
    expect(rules(checkEligibility({ ...employee, annualPredicates: history }, position, asOf, { ...policy, performanceYears: 3 })))
      .toEqual(['PERFORMANCE_BELOW_MINIMUM']);
  });

  it('NO_PERFORMANCE_HISTORY when fewer annual appraisals than required', () => {
    const r = checkEligibility({ ...employee, annualPredicates: [{ periodStart: '2024-01-01', predicate: 'SANGAT_BAIK' }] }, position, asOf, policy);
    expect(r.reasons).toEqual([{ rule: 'NO_PERFORMANCE_HISTORY', message: 'Only 1 annual appraisal(s) before 2025-03-01; 2 required' }]);
    expect(rules(checkEligibility({ ...employee, annualPredicates: [] }, position, asOf, policy))).toEqual(['NO_PERFORMANCE_HISTORY']);
  });

  it('AGE_ABOVE_MAXIMUM names the age; no maximum means no age rule', () => {
    const r = checkEligibility({ ...employee, birthDate: '1968-01-15' }, position, asOf, policy);
    expect(r.reasons).toEqual([{ rule: 'AGE_ABOVE_MAXIMUM', message: 'Age 57 on 2025-03-01 is above the maximum 56' }]);
    // Exactly at the maximum is allowed.
    expect(checkEligibility({ ...employee, birthDate: '1968-03-01' }, { ...position, maxAge: 57 }, asOf, policy).eligible).toBe(true);
    expect(checkEligibility({ ...employee, birthDate: '1940-01-01' }, { ...position, maxAge: null }, asOf, policy).eligible).toBe(true);
  });

  it('null minimums impose nothing', () => {
    const r = checkEligibility({ ...employee, grade: 'I/a', education: 'SD' }, { minGrade: null, minEducation: null, maxAge: null }, asOf, policy);
    expect(r.eligible).toBe(true);
  });

  it('returns every failed rule, in rule order', () => {
    const r = checkEligibility(
      { grade: 'II/a', education: 'SMA', birthDate: '1960-01-01', annualPredicates: [{ periodStart: '2024-01-01', predicate: 'KURANG' }] },
      position, asOf, policy,
    );
    expect(r.eligible).toBe(false);
    expect(rules(r)).toEqual([...ELIGIBILITY_RULES]);
  });
});
