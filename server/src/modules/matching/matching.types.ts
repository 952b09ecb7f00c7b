import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ELIGIBILITY_RULES, type EligibilityRule } from '../../domain/eligibility';
import type { JpmCategory } from '../../domain/enums';
import { JpmCategoryEnum } from '../../graphql/enums';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { Competency } from '../competency/competency.entity';
import { PLAN_STATUSES, type PlanStatus } from './assignment-plan.entity';

export const EligibilityRuleEnum = Object.fromEntries(ELIGIBILITY_RULES.map((r) => [r, r])) as Record<EligibilityRule, EligibilityRule>;
registerEnumType(EligibilityRuleEnum, {
  name: 'EligibilityRule',
  description: 'An eligibility rule a candidate can fail (domain.md §4); thresholds from the active policy version.',
  valuesConfig: {
    GRADE_BELOW_MINIMUM: { description: 'Grade (golongan) below the position\'s minimum grade.' },
    EDUCATION_BELOW_MINIMUM: { description: 'Education below the position\'s minimum (D4 counts as S1).' },
    PERFORMANCE_BELOW_MINIMUM: { description: 'One of the latest annual predicates (policy: performanceYears, default 2) is below the policy minimum (default BAIK).' },
    NO_PERFORMANCE_HISTORY: { description: 'Fewer annual appraisals with period start before asOf than the policy requires (default 2).' },
    AGE_ABOVE_MAXIMUM: { description: 'Older on asOf than the position\'s maximum age.' },
  },
});

@ObjectType('IneligibilityReason', { description: 'One failed eligibility rule, with the values that fail it.' })
export class IneligibilityReason {
  @Field(() => EligibilityRuleEnum, { description: 'The rule.' })
  rule!: EligibilityRule;

  @Field(() => String, { description: 'Explanation naming the values, e.g. "Grade III/a is below the minimum III/c".' })
  message!: string;
}

@ObjectType('CompetencyGap', { description: 'One line of the comparison of an employee with a position\'s standard.' })
export class CompetencyGapType {
  @Field(() => Competency, { description: 'The required competency.' })
  competency!: Competency;

  @Field(() => Int, { description: 'Level required by the standard.' })
  required!: number;

  @Field(() => Float, { nullable: true, description: 'Current level (latest assessment on or before asOf); null when never assessed, counted as 0.' })
  achieved!: number | null;

  @Field(() => Float, { description: 'achieved − required (achieved 0 when never assessed); negative means a gap.' })
  gap!: number;

  @Field(() => Float, { description: 'max(0, −gap): how far below the standard.' })
  shortfall!: number;

  @Field(() => Boolean, { description: 'True for a technical competency (the technical group when the position weights groups).' })
  technical!: boolean;
}

/**
 * What the SQL ranking returns for one (employee, position) pair; the
 * explanation fields (gaps, reasons) are computed on demand by the reference
 * implementation from the same inputs.
 */
export interface MatchRecord {
  employeeId: number;
  positionId: number;
  asOf: string;
  rawJpm: number;
  jpm: number;
  category: JpmCategory;
  eligible: boolean;
  shortfallTotal: number;
  shortfallMax: number;
  missing: number;
  rank: number | null;
}

@ObjectType('Match', {
  description: 'Job Person Match (JPM) of one employee against one position as of a date (domain.md §4). '
    + 'JPM = min(100, 100 × Σ achieved / Σ required); with a technical weight w: w·JPM_T + (1 − w)·JPM_MS on the uncapped group ratios '
    + '(a position with requirements in one group only uses that group\'s ratio). Every figure can be recomputed from `gaps`.',
})
export class MatchType {
  employeeId!: number;
  positionId!: number;
  asOf!: string;

  @Field(() => Float, { description: 'JPM, 0–100, capped, unrounded.' })
  jpm!: number;

  @Field(() => Float, { description: 'JPM before the cap at 100 (e.g. 150 when every level exceeds the standard by half).' })
  rawJpm!: number;

  @Field(() => JpmCategoryEnum, { description: 'Category of the unrounded JPM under the active policy thresholds.' })
  category!: JpmCategory;

  @Field(() => Float, { description: 'Gap index IKK = 100 − jpm.' })
  ikk!: number;

  @Field(() => Boolean, { description: 'True when no eligibility rule fails.' })
  eligible!: boolean;

  @Field(() => Float, { description: 'Σ shortfall over the required competencies.' })
  totalShortfall!: number;

  @Field(() => Float, { description: 'Largest single shortfall.' })
  maxShortfall!: number;

  @Field(() => Int, { nullable: true, description: 'Position in the candidate list it came from (1 = best); null outside a ranked list.' })
  rank!: number | null;

  @Field(() => String, { description: 'Reference date (YYYY-MM-DD) of the levels and appraisals used.' })
  get asOfDate(): string {
    return this.asOf;
  }
}

export const MatchConnection = connectionType(MatchType, 'Match', 'A ranked page of matches.');

@ObjectType('TalentBoxCount', { description: 'Number of employees in one 9-box cell.' })
export class TalentBoxCount {
  @Field(() => Int, { description: 'Box 1–9 (domain.md §6): potential low/middle/high × performance below/meets/above.' })
  box!: number;

  @Field(() => Int, { description: 'Employees in the box.' })
  count!: number;

  @Field(() => Boolean, { description: 'Whether this box belongs to the talent pool under the active policy (default 7, 8, 9).' })
  talentPool!: boolean;
}

@ObjectType('TrainingNeed', { description: 'A competency where the employee falls short of the current position\'s standard (AKPK), with trainings that target it.' })
export class TrainingNeed {
  competencyId!: number;

  @Field(() => Int, { description: 'Required level.' })
  required!: number;

  @Field(() => Float, { nullable: true, description: 'Current level; null when never assessed.' })
  achieved!: number | null;

  @Field(() => Float, { description: 'Shortfall, > 0.' })
  shortfall!: number;

  trainingIds!: number[];
}

@ObjectType('Seat', { description: 'One seat of a position in an assignment plan (a position with quota q has q seats, minus current holders).' })
export class Seat {
  positionId!: number;

  @Field(() => Int, { description: 'Seat number within the position, from 1.' })
  seat!: number;

  @Field(() => MatchType, { nullable: true, description: 'The assigned candidate and their match; null when the seat stays unfilled.' })
  match!: MatchType | null;

  @Field(() => String, { nullable: true, description: 'Why the seat is unfilled (e.g. no eligible candidate at CUKUP_OPTIMAL or better).' })
  reason!: string | null;
}

export const AssignmentPlanStatusEnum = Object.fromEntries(PLAN_STATUSES.map((s) => [s, s])) as Record<PlanStatus, PlanStatus>;
registerEnumType(AssignmentPlanStatusEnum, {
  name: 'AssignmentPlanStatus',
  description: 'Life cycle of a saved assignment plan.',
  valuesConfig: {
    DRAFT: { description: 'Saved, nobody moved yet.' },
    APPLIED: { description: 'Every planned employee was moved; see appliedBy and appliedAt.' },
  },
});

@ObjectType('AssignmentSummary', { description: 'Totals of an assignment.' })
export class AssignmentSummary {
  @Field(() => Float, { description: 'Σ JPM over filled seats.' })
  totalJpm!: number;

  @Field(() => Float, { description: 'Mean JPM over filled seats (0 when none).' })
  meanJpm!: number;

  @Field(() => Int, { description: 'Filled seats.' })
  filled!: number;
}

@ObjectType('AssignmentPlan', {
  description: 'A one-to-one assignment of candidates to vacant seats that maximises total JPM among eligible candidates at or above the policy\'s '
    + 'candidate category (Hungarian algorithm on the rectangular seats × candidates matrix), with the greedy fill (best-first per position, '
    + 'in the order given) for comparison.',
})
export class AssignmentPlanType {
  @Field(() => ID, { nullable: true, description: 'Id of the saved draft, when saved.' })
  id?: string | null;

  @Field(() => [Seat], { description: 'Every seat with its assignment or the reason it stays empty.' })
  seats!: Seat[];

  @Field(() => Float, { description: 'Σ JPM of the optimal assignment.' })
  totalJpm!: number;

  @Field(() => Float, { description: 'Mean JPM over filled seats.' })
  meanJpm!: number;

  @Field(() => Int, { description: 'Filled seats.' })
  filled!: number;

  @Field(() => AssignmentSummary, { description: 'The same figures for the greedy fill.' })
  greedy!: AssignmentSummary;

  @Field(() => String, { description: 'Reference date used.' })
  asOf!: string;

  @Field(() => AssignmentPlanStatusEnum, { nullable: true, description: 'DRAFT or APPLIED for a saved plan; null for a plan computed without saving.' })
  status?: PlanStatus | null;

  @Field(() => String, { nullable: true, description: 'Who saved the plan; null when not saved.' })
  createdBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the plan was saved; null when not saved.' })
  createdAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who applied the plan; null until applied.' })
  appliedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the plan was applied; null until applied.' })
  appliedAt?: Date | null;
}

@ObjectType('AssignmentPlanPayload', { description: 'Result of saving or applying an assignment plan.' })
export class AssignmentPlanPayload {
  @Field(() => AssignmentPlanType, { nullable: true, description: 'The plan.' })
  plan?: AssignmentPlanType | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors!: UserError[];
}
