import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors';
import { AppraisalPeriodEnum, AppraisalRatingEnum } from '../../graphql/enums';
import type { AppraisalPeriod, AppraisalRating } from '../../domain/enums';
import { PerformanceAppraisal } from './performance-appraisal.entity';

@InputType('AppraisalInput', { description: 'A performance appraisal (SKP) for one period. The predicate is derived from the two ratings.' })
export class AppraisalInput {
  @Field(() => ID, { nullable: true, description: 'Employee id; required.' }) employee?: string | null;
  @Field(() => String, { nullable: true, description: 'First day of the period (YYYY-MM-DD); required. One appraisal per employee, period start and period length.' }) periodStart?: string | null;
  @Field(() => AppraisalPeriodEnum, { nullable: true, description: 'Length of the period; required.' }) period?: AppraisalPeriod | null;
  @Field(() => AppraisalRatingEnum, { nullable: true, description: 'Work results rating (hasil kerja); required.' }) results?: AppraisalRating | null;
  @Field(() => AppraisalRatingEnum, { nullable: true, description: 'Work behaviour rating (perilaku kerja); required.' }) behaviour?: AppraisalRating | null;
}

@InputType('AppraisalChangeInput', { description: 'Changes to an appraisal; omitted fields stay as they are. The predicate follows the ratings.' })
export class AppraisalChangeInput {
  @Field(() => String, { nullable: true, description: 'First day of the period (YYYY-MM-DD).' }) periodStart?: string | null;
  @Field(() => AppraisalPeriodEnum, { nullable: true, description: 'Length of the period.' }) period?: AppraisalPeriod | null;
  @Field(() => AppraisalRatingEnum, { nullable: true, description: 'Work results rating (hasil kerja).' }) results?: AppraisalRating | null;
  @Field(() => AppraisalRatingEnum, { nullable: true, description: 'Work behaviour rating (perilaku kerja).' }) behaviour?: AppraisalRating | null;
}

@ObjectType('AppraisalPayload', { description: 'Result of an appraisal mutation; the appraisal carries the derived predicate.' })
export class AppraisalPayload {
  @Field(() => PerformanceAppraisal, { nullable: true, description: 'The appraisal after the change; null when userErrors is not empty.' }) appraisal?: PerformanceAppraisal | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
