import type { Education, Grade, Predicate } from './enums';
import { ageOn, meetsMinimumEducation, meetsMinimumGrade, meetsMinimumPredicate } from './ordinal';
import type { PolicyParameters } from './policy';

export const ELIGIBILITY_RULES = [
  'GRADE_BELOW_MINIMUM',
  'EDUCATION_BELOW_MINIMUM',
  'PERFORMANCE_BELOW_MINIMUM',
  'NO_PERFORMANCE_HISTORY',
  'AGE_ABOVE_MAXIMUM',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export interface AnnualPredicate {
  /** YYYY-MM-DD start of the ANNUAL appraisal period; callers pass annual appraisals only. */
  periodStart: string;
  predicate: Predicate;
}

export interface EligibilityCandidate {
  grade: Grade;
  education: Education;
  /** YYYY-MM-DD */
  birthDate: string;
  annualPredicates: readonly AnnualPredicate[];
}

export interface EligibilityPosition {
  minGrade: Grade | null;
  minEducation: Education | null;
  maxAge: number | null;
}

export interface EligibilityReason {
  rule: EligibilityRule;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** One entry per failed rule, in ELIGIBILITY_RULES order. */
  reasons: EligibilityReason[];
}

export type EligibilityPolicy = Pick<PolicyParameters, 'minPredicate' | 'performanceYears'>;

/**
 * Evaluates every rule and reports each failure, because a placement officer
 * needs the full list to judge an exception, not just the first blocker.
 * Dates are YYYY-MM-DD strings, compared as text (same width, so chronological).
 */
export function checkEligibility(
  employee: EligibilityCandidate,
  position: EligibilityPosition,
  asOf: string,
  policy: EligibilityPolicy,
): EligibilityResult {
  const reasons: EligibilityReason[] = [];

  if (!meetsMinimumGrade(employee.grade, position.minGrade)) {
    reasons.push({ rule: 'GRADE_BELOW_MINIMUM', message: `Grade ${employee.grade} is below the minimum ${position.minGrade}` });
  }
  if (!meetsMinimumEducation(employee.education, position.minEducation)) {
    reasons.push({
      rule: 'EDUCATION_BELOW_MINIMUM',
      message: `Education ${employee.education} is below the minimum ${position.minEducation}`,
    });
  }

  // Only appraisals whose period has started before asOf are known at that date.
  const recent = employee.annualPredicates
    .filter((a) => a.periodStart < asOf)
    .sort((a, b) => (a.periodStart < b.periodStart ? 1 : a.periodStart > b.periodStart ? -1 : 0))
    .slice(0, policy.performanceYears);
  const below = recent.filter((a) => !meetsMinimumPredicate(a.predicate, policy.minPredicate));
  // Both performance rules can fail together: a short history that already
  // contains a weak year is reported as both.
  if (below.length > 0) {
    reasons.push({
      rule: 'PERFORMANCE_BELOW_MINIMUM',
      message: `Annual predicate below the minimum ${policy.minPredicate}: `
        + below.map((a) => `${a.predicate} (period from ${a.periodStart})`).join(', '),
    });
  }
  if (recent.length < policy.performanceYears) {
    reasons.push({
      rule: 'NO_PERFORMANCE_HISTORY',
      message: `Only ${recent.length} annual appraisal(s) before ${asOf}; ${policy.performanceYears} required`,
    });
  }

  if (position.maxAge !== null) {
    const age = ageOn(employee.birthDate, asOf);
    if (age > position.maxAge) {
      reasons.push({ rule: 'AGE_ABOVE_MAXIMUM', message: `Age ${age} on ${asOf} is above the maximum ${position.maxAge}` });
    }
  }

  return { eligible: reasons.length === 0, reasons };
}
