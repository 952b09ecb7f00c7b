import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors';
import { AssessmentMethodEnum } from '../../graphql/enums';
import type { AssessmentMethod } from '../../domain/enums';
import { CompetencyAssessment } from './competency-assessment.entity';

@InputType('AssessmentInput', { description: 'A new assessment. It is added to the history; an existing assessment is never overwritten.' })
export class AssessmentInput {
  @Field(() => ID, { nullable: true, description: 'Employee id; required.' }) employee?: string | null;
  @Field(() => ID, { nullable: true, description: 'Competency id; required.' }) competency?: string | null;
  @Field(() => Float, { nullable: true, description: 'Level 1–5 with at most two decimals (e.g. 2.4); required.' }) level?: number | null;
  @Field(() => String, { nullable: true, description: 'Date of the assessment (YYYY-MM-DD); required. At most one assessment per employee, competency and date.' }) assessedAt?: string | null;
  @Field(() => AssessmentMethodEnum, { nullable: true, description: 'How it was assessed; required.' }) method?: AssessmentMethod | null;
}

@InputType('AssessmentCorrectionInput', { description: 'Corrects a wrongly entered assessment; omitted fields stay as they are. To record a new result, use recordAssessment so the history is kept.' })
export class AssessmentCorrectionInput {
  @Field(() => Float, { nullable: true, description: 'Level 1–5 with at most two decimals.' }) level?: number | null;
  @Field(() => String, { nullable: true, description: 'Date of the assessment (YYYY-MM-DD).' }) assessedAt?: string | null;
  @Field(() => AssessmentMethodEnum, { nullable: true, description: 'How it was assessed.' }) method?: AssessmentMethod | null;
}

@ObjectType('AssessmentPayload', { description: 'Result of an assessment mutation.' })
export class AssessmentPayload {
  @Field(() => CompetencyAssessment, { nullable: true, description: 'The assessment after the change; null when userErrors is not empty.' }) assessment?: CompetencyAssessment | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
