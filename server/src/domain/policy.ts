import type { JpmCategory, Predicate } from './enums';

/**
 * The configurable policy parameters of domain.md. They live in the database
 * as versioned PolicyVersion rows (one active); these defaults seed the first
 * version and fill keys an older version did not have.
 */
export interface PolicyParameters {
  /** JPM at or above this is OPTIMAL. */
  jpmOptimal: number;
  /** JPM at or above this (and below jpmOptimal) is CUKUP_OPTIMAL. */
  jpmAdequate: number;
  /** Lesson hours (JP) each PNS must complete per calendar year. */
  annualDevelopmentHours: number;
  /** Lowest annual predicate that passes the performance eligibility rule. */
  minPredicate: Predicate;
  /** How many latest annual appraisals must reach minPredicate. */
  performanceYears: number;
  /** Lowest category proposed as a candidate. */
  candidateMinCategory: JpmCategory;
  /** 9-box boxes that form the talent pool. */
  talentPoolBoxes: number[];
  /** TRAINING_INEFFECTIVE: minimum completions before a training is judged. */
  trainingMinCompletions: number;
  /** TRAINING_INEFFECTIVE: flag when mean competency change is below this. */
  trainingMinDeltaCompetency: number;
  /** TRAINING_INEFFECTIVE: flag when mean predicate change is at most this. */
  trainingMaxDeltaPredicate: number;
}

export const DEFAULT_POLICY: Readonly<PolicyParameters> = Object.freeze({
  jpmOptimal: 90,
  jpmAdequate: 78,
  annualDevelopmentHours: 20,
  minPredicate: 'BAIK',
  performanceYears: 2,
  candidateMinCategory: 'CUKUP_OPTIMAL',
  talentPoolBoxes: [7, 8, 9],
  trainingMinCompletions: 3,
  trainingMinDeltaCompetency: 0.5,
  trainingMaxDeltaPredicate: 0,
});

/** The older category scheme (≥80 / 68–80 / <68), selectable as its own version. */
export const LEGACY_JPM_SCHEME: Readonly<Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate'>> = Object.freeze({
  jpmOptimal: 80,
  jpmAdequate: 68,
});
