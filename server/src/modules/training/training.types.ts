import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FloatFilter, IDFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import { TrainingFormFilter, TrainingTypeFilter } from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { ParticipationStatusEnum, RespondentEnum, TrainingFormEnum, TrainingTypeEnum } from '../../graphql/enums';
import type { ParticipationStatus, Respondent, TrainingForm, TrainingType } from '../../domain/enums';
import { Competency } from '../competency/competency.entity';
import { Training, TrainingEvaluation, TrainingParticipation } from './training.entity';

@InputType('TrainingWhere', { description: 'Filter for trainings. All given conditions must hold; combine with and/or/not.' })
export class TrainingWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The training itself.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Training code.' }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Training title.' }) title?: StringFilter;
  @Field(() => TrainingFormFilter, { nullable: true, description: 'Classical or non-classical.' }) form?: InstanceType<typeof TrainingFormFilter>;
  @Field(() => TrainingTypeFilter, { nullable: true, description: 'Type of activity.' }) type?: InstanceType<typeof TrainingTypeFilter>;
  @Field(() => FloatFilter, { nullable: true, description: 'Lesson hours (JP).' }) hours?: FloatFilter;
  @Field(() => String, { nullable: true, description: 'Trainings that target the competency with this code.' }) targetsCompetency?: string;
  @Field(() => [TrainingWhere], { nullable: true, description: 'All of these hold.' }) and?: TrainingWhere[];
  @Field(() => [TrainingWhere], { nullable: true, description: 'At least one of these holds.' }) or?: TrainingWhere[];
  @Field(() => TrainingWhere, { nullable: true, description: 'This does not hold.' }) not?: TrainingWhere;
}

export enum TrainingOrderField { CODE = 'code', TITLE = 'title', FORM = 'form', TYPE = 'type', HOURS = 'hours' }
registerEnumType(TrainingOrderField, { name: 'TrainingOrderField', description: 'Sortable training fields.' });

@InputType('TrainingOrder', { description: 'One sort key for trainings.' })
export class TrainingOrder {
  @Field(() => TrainingOrderField, { description: 'Field to sort by.' }) field!: TrainingOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const TrainingConnection = connectionType(Training, 'Training', 'A page of trainings.');

@InputType('TrainingInput', { description: 'Fields of a training. On update, omitted fields are left unchanged.' })
export class TrainingInput {
  @Field(() => String, { nullable: true, description: 'Unique code: letters, digits, "-" and "_", at most 64.' }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'Title.' }) title?: string | null;
  @Field(() => TrainingFormEnum, { nullable: true, description: 'Classical or non-classical.' }) form?: TrainingForm | null;
  @Field(() => TrainingTypeEnum, { nullable: true, description: 'Type of activity.' }) type?: TrainingType | null;
  @Field(() => Float, { nullable: true, description: 'Lesson hours (JP) credited on completion: more than 0, at most 9999.99, two decimals.' }) hours?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Targeted competency ids; when given, they replace all current targets.' }) competencies?: string[] | null;
}

@ObjectType('TrainingPayload', { description: 'Result of a training mutation.' })
export class TrainingPayload {
  @Field(() => Training, { nullable: true, description: 'The training after the change; null when userErrors is not empty.' }) training?: Training | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}

@InputType('TrainingParticipationInput', { description: 'Fields of a training participation. On update, omitted fields are left unchanged; null clears an optional field.' })
export class TrainingParticipationInput {
  @Field(() => ID, { nullable: true, description: 'Employee id.' }) employee?: string | null;
  @Field(() => ID, { nullable: true, description: 'Training id.' }) training?: string | null;
  @Field(() => String, { nullable: true, description: 'Start date, YYYY-MM-DD.' }) startedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'Completion date, YYYY-MM-DD, not before startedAt; required when status is COMPLETED.' }) completedAt?: string | null;
  @Field(() => ParticipationStatusEnum, { nullable: true, description: 'Participation status.' }) status?: ParticipationStatus | null;
  @Field(() => Float, { nullable: true, description: 'Pre-test score, 0–100.' }) preTest?: number | null;
  @Field(() => Float, { nullable: true, description: 'Post-test score, 0–100.' }) postTest?: number | null;
}

@ObjectType('TrainingParticipationPayload', { description: 'Result of a training participation mutation.' })
export class TrainingParticipationPayload {
  @Field(() => TrainingParticipation, { nullable: true, description: 'The participation after the change; null when userErrors is not empty.' }) trainingParticipation?: TrainingParticipation | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}

@InputType('TrainingEvaluationInput', { description: 'Fields of a training evaluation. On update, omitted fields are left unchanged.' })
export class TrainingEvaluationInput {
  @Field(() => ID, { nullable: true, description: 'Training id.' }) training?: string | null;
  @Field(() => ID, { nullable: true, description: 'Employee id (the participant evaluated).' }) employee?: string | null;
  @Field(() => Int, { nullable: true, description: 'Kirkpatrick level: 1 reaction, 2 learning, 3 behaviour, 4 results.' }) level?: number | null;
  @Field(() => RespondentEnum, { nullable: true, description: 'Who answered.' }) respondent?: Respondent | null;
  @Field(() => Float, { nullable: true, description: 'Score given by the respondent, 0–9999.99.' }) score?: number | null;
  @Field(() => String, { nullable: true, description: 'Date of the evaluation, YYYY-MM-DD.' }) evaluatedAt?: string | null;
}

@ObjectType('TrainingEvaluationPayload', { description: 'Result of a training evaluation mutation.' })
export class TrainingEvaluationPayload {
  @Field(() => TrainingEvaluation, { nullable: true, description: 'The evaluation after the change; null when userErrors is not empty.' }) trainingEvaluation?: TrainingEvaluation | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('TrainingImpactCompetency', { description: 'Before and after of one targeted competency over the participants counted in TrainingImpact.n.' })
export class TrainingImpactCompetency {
  @Field(() => Competency, { description: 'The targeted competency.' }) competency!: Competency;
  @Field(() => Int, { description: 'Counted participants with a level in this competency both before the start and after the completion.' }) n!: number;
  @Field(() => Float, { description: 'Mean level before: the latest assessment strictly before each participant\'s start.' }) meanBefore!: number;
  @Field(() => Float, { description: 'Mean level after: the first assessment strictly after each participant\'s completion, on or before asOf.' }) meanAfter!: number;
  @Field(() => Float, { description: 'meanAfter − meanBefore.' }) delta!: number;
}

@ObjectType('TrainingImpact', {
  description: 'Effect of a training (domain.md §8), computed exactly as the TRAINING_INEFFECTIVE recommendation rule but for every training, flagged or not. '
    + 'Participants: COMPLETED participations completed on or before asOf that have both changes — ΔC, the mean over the targeted competencies with a pair of '
    + '(first assessment strictly after the completion and on or before asOf) − (latest assessment strictly before the start), and ΔP, the predicate ordinal '
    + '(SANGAT_KURANG 1 … SANGAT_BAIK 5) of the first ANNUAL appraisal whose period starts after the completion and before asOf minus that of the latest whose period starts before the start. '
    + 'Comparison group: employees who never took part in the training and hold a position requiring at least one targeted competency, measured the same way on the targeted '
    + 'competencies their position requires, over the training\'s window (earliest start to latest completion of the counted participants).',
})
export class TrainingImpact {
  @Field(() => Int, { description: 'Participants counted: completions with both a competency and a predicate change.' }) n!: number;
  @Field(() => Float, { description: 'Participants\' mean ΔC (competency levels, after − before).' }) meanDeltaCompetency!: number;
  @Field(() => Float, { description: 'Participants\' mean ΔP (annual predicate ordinal, after − before).' }) meanDeltaPredicate!: number;
  @Field(() => String, { description: 'Start of the window: earliest start date of the counted participants, YYYY-MM-DD.' }) windowStart!: string;
  @Field(() => String, { description: 'End of the window: latest completion date of the counted participants, YYYY-MM-DD.' }) windowEnd!: string;
  @Field(() => Int, { description: 'Members of the comparison group with both changes over the window.' }) comparisonN!: number;
  @Field(() => Float, { nullable: true, description: 'Comparison group\'s mean ΔC; null when comparisonN is 0.' }) comparisonDeltaCompetency!: number | null;
  @Field(() => Float, { nullable: true, description: 'Comparison group\'s mean ΔP; null when comparisonN is 0.' }) comparisonDeltaPredicate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Difference-in-differences of competencies: meanDeltaCompetency − comparisonDeltaCompetency; null when comparisonN is 0.' }) difference!: number | null;
  @Field(() => Float, { nullable: true, description: 'Difference-in-differences of predicates: meanDeltaPredicate − comparisonDeltaPredicate; null when comparisonN is 0.' }) differencePredicate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of the 95 % interval of difference: difference − 1.96·√(s²ₚ/n + s²꜀/comparisonN), with s² the sample variances of ΔC (Welch, normal approximation); null when either group has fewer than 2.',
  }) ciLow!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the 95 % interval of difference (see ciLow); null when either group has fewer than 2.' }) ciHigh!: number | null;
  @Field(() => [TrainingImpactCompetency], { description: 'Per targeted competency, by code: before/after over the counted participants that have a pair in it.' }) competencies!: TrainingImpactCompetency[];
}
