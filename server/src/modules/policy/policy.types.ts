import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { UserError } from '../../graphql/errors';
import { JpmCategoryEnum, PredicateEnum } from '../../graphql/enums';
import type { JpmCategory, Predicate } from '../../domain/enums';
import type { RecommendationPolicy } from '../../domain/recommendation-rules';
import { PolicyVersion } from './policy-version.entity';

/**
 * Every policy parameter, each optional: omitted keys keep the value of the
 * version the change is based on. The `satisfies` check below makes adding
 * a parameter without adding it here a compile error.
 */
@InputType('PolicyParametersInput', { description: 'Policy parameters; omitted keys keep the value of the base version (the active one unless said otherwise). Also the input of simulatePolicy.' })
export class PolicyParametersInput {
  @Field(() => Float, { nullable: true, description: 'JPM at or above this is OPTIMAL (0–100; default 90, legacy scheme 80).' }) jpmOptimal?: number | null;
  @Field(() => Float, { nullable: true, description: 'JPM at or above this (and below jpmOptimal) is CUKUP_OPTIMAL (0–100, at most jpmOptimal; default 78, legacy 68).' }) jpmAdequate?: number | null;
  @Field(() => Float, { nullable: true, description: 'Lesson hours (JP) each PNS must complete per calendar year (0–1000; default 20).' }) annualDevelopmentHours?: number | null;
  @Field(() => PredicateEnum, { nullable: true, description: 'Lowest annual predicate that passes the performance eligibility rule (default BAIK).' }) minPredicate?: Predicate | null;
  @Field(() => Int, { nullable: true, description: 'How many latest annual appraisals must reach minPredicate (0–10; default 2).' }) performanceYears?: number | null;
  @Field(() => JpmCategoryEnum, { nullable: true, description: 'Lowest category proposed as a candidate (default CUKUP_OPTIMAL).' }) candidateMinCategory?: JpmCategory | null;
  @Field(() => [Int], { nullable: true, description: '9-box boxes forming the talent pool: distinct values 1–9, at least one (default 7, 8, 9).' }) talentPoolBoxes?: number[] | null;
  @Field(() => Int, { nullable: true, description: 'TRAINING_INEFFECTIVE: completions with before/after values needed before a training is judged (1–1000; default 3).' }) trainingMinCompletions?: number | null;
  @Field(() => Float, { nullable: true, description: 'TRAINING_INEFFECTIVE: flag when the mean competency change ΔC is below this (−5–5; default 0.5).' }) trainingMinDeltaCompetency?: number | null;
  @Field(() => Float, { nullable: true, description: 'TRAINING_INEFFECTIVE: flag when the mean predicate change ΔP is at most this (−4–4; default 0).' }) trainingMaxDeltaPredicate?: number | null;
  @Field(() => Float, { nullable: true, description: 'UNIT_COMPETENCY_GAP: flag when the holders\' mean shortfall is at least this (0–5; default 0.5).' }) unitGapMinMeanShortfall?: number | null;
  @Field(() => Int, { nullable: true, description: 'UNIT_COMPETENCY_GAP: minimum holders for a unit pattern (1–10000; default 2).' }) unitGapMinHolders?: number | null;
  @Field(() => Int, { nullable: true, description: 'STANDARD_REVIEW: minimum responses of a stakeholder group (1–10000; default 1).' }) standardReviewMinResponses?: number | null;
}

// Compile-time completeness: every key of the policy has an input field.
export type PolicyInputKeys = { [K in keyof RecommendationPolicy]-?: K extends keyof PolicyParametersInput ? true : never };
export const POLICY_INPUT_COMPLETE: PolicyInputKeys = {
  jpmOptimal: true, jpmAdequate: true, annualDevelopmentHours: true, minPredicate: true, performanceYears: true, candidateMinCategory: true,
  talentPoolBoxes: true, trainingMinCompletions: true, trainingMinDeltaCompetency: true, trainingMaxDeltaPredicate: true,
  unitGapMinMeanShortfall: true, unitGapMinHolders: true, standardReviewMinResponses: true,
};

@ObjectType('PolicyVersionPayload', { description: 'Result of a policy version mutation.' })
export class PolicyVersionPayload {
  @Field(() => PolicyVersion, { nullable: true, description: 'The version after the change; null when userErrors is not empty.' }) policyVersion?: PolicyVersion | null;
  @Field(() => PolicyVersion, { nullable: true, description: 'activatePolicyVersion: the version that was active before and is now RETIRED.' }) retired?: PolicyVersion | null;
  @Field(() => [UserError], { description: 'Mistakes in the input, each naming its field (e.g. "parameters.jpmAdequate"); empty on success.' }) userErrors!: UserError[];
}

@ObjectType('PolicyParameterChange', { description: 'One parameter whose value differs between two policy versions.' })
export class PolicyParameterChange {
  @Field(() => String, { description: 'Parameter key, e.g. "jpmOptimal".' }) key!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Value in version a (defaults filled in).' }) a!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Value in version b (defaults filled in).' }) b!: unknown;
}

@ObjectType('PolicyComparison', { description: 'The parameters that differ between two policy versions.' })
export class PolicyComparison {
  @Field(() => PolicyVersion, { description: 'First version.' }) a!: PolicyVersion;
  @Field(() => PolicyVersion, { description: 'Second version.' }) b!: PolicyVersion;
  @Field(() => [PolicyParameterChange], { description: 'Changed keys in key order; empty when the parameters are the same.' }) changes!: PolicyParameterChange[];
}

