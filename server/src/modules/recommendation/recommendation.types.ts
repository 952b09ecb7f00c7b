import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IDFilter, IntFilter, OrderDirection, enumFilterType } from '../../graphql/filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import type { RecommendationKind, RecommendationStatus, Severity } from '../../domain/recommendation-rules';
import { PolicyVersion } from '../policy/policy-version.entity';
import { Recommendation, RecommendationKindEnum, RecommendationStatusEnum, SeverityEnum } from './recommendation.entity';

export const RecommendationKindFilter = enumFilterType<RecommendationKind>(RecommendationKindEnum, 'RecommendationKind', false);
export const SeverityFilter = enumFilterType<Severity>(SeverityEnum, 'Severity', false);
export const RecommendationStatusFilter = enumFilterType<RecommendationStatus>(RecommendationStatusEnum, 'RecommendationStatus', false);

@InputType('RecommendationWhere', { description: 'Filter for recommendations. All given conditions must hold; combine with and/or/not.' })
export class RecommendationWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The recommendation itself.' }) id?: IDFilter;
  @Field(() => RecommendationKindFilter, { nullable: true, description: 'Kind.' }) kind?: InstanceType<typeof RecommendationKindFilter>;
  @Field(() => SeverityFilter, { nullable: true, description: 'Severity.' }) severity?: InstanceType<typeof SeverityFilter>;
  @Field(() => RecommendationStatusFilter, { nullable: true, description: 'Status.' }) status?: InstanceType<typeof RecommendationStatusFilter>;
  @Field(() => ID, { nullable: true, description: 'Recommendations whose unit is this unit or any unit below it (kinds without a unit, such as TRAINING_INEFFECTIVE, never match).' }) unit?: string;
  @Field(() => IntFilter, { nullable: true, description: 'Year generated for.' }) year?: IntFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Subject position.' }) position?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Subject (or suggested) training.' }) training?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Subject employee.' }) employee?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Subject competency.' }) competency?: IDFilter;
  @Field(() => [RecommendationWhere], { nullable: true, description: 'All of these hold.' }) and?: RecommendationWhere[];
  @Field(() => [RecommendationWhere], { nullable: true, description: 'At least one of these holds.' }) or?: RecommendationWhere[];
  @Field(() => RecommendationWhere, { nullable: true, description: 'This does not hold.' }) not?: RecommendationWhere;
}

export enum RecommendationOrderField {
  SEVERITY = 'severity', IMPACT = 'impact', KIND = 'kind', STATUS = 'status', YEAR = 'year', CREATED_AT = 'createdAt', UPDATED_AT = 'updatedAt',
}
registerEnumType(RecommendationOrderField, {
  name: 'RecommendationOrderField',
  description: 'Sortable recommendation fields. SEVERITY sorts LOW < MEDIUM < HIGH; IMPACT sorts by the effect size, then its second key (e.g. mean shortfall, then shortfall rate).',
});

@InputType('RecommendationOrder', { description: 'One sort key for recommendations.' })
export class RecommendationOrder {
  @Field(() => RecommendationOrderField, { description: 'Field to sort by.' }) field!: RecommendationOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const RecommendationConnection = connectionType(Recommendation, 'Recommendation', 'A page of recommendations.');

@ObjectType('RecommendationKindCount', { description: 'How many recommendations of one kind hold.' })
export class RecommendationKindCount {
  @Field(() => RecommendationKindEnum, { description: 'Kind.' }) kind!: RecommendationKind;
  @Field(() => Int, { description: 'Recommendations of this kind that hold now.' }) count!: number;
}

@ObjectType('GenerateRecommendationsPayload', { description: 'Result of a regeneration. Idempotent: a second run on unchanged data creates and updates nothing.' })
export class GenerateRecommendationsPayload {
  @Field(() => Int, { description: 'New recommendations (new stable keys).' }) created!: number;
  @Field(() => Int, { description: 'Existing recommendations whose evidence, texts, policy version or date changed, or that hold again after being RESOLVED (reopened as OPEN).' }) updated!: number;
  @Field(() => Int, { description: 'OPEN or ACCEPTED recommendations of the year whose rule no longer holds, now RESOLVED.' }) resolved!: number;
  @Field(() => Int, { description: 'Recommendations that hold with identical evidence.' }) unchanged!: number;
  @Field(() => String, { nullable: true, description: 'Reference date used (YYYY-MM-DD).' }) asOf?: string | null;
  @Field(() => Int, { nullable: true, description: 'Year generated for.' }) year?: number | null;
  @Field(() => PolicyVersion, { nullable: true, description: 'The active policy version whose thresholds were used.' }) policyVersion?: PolicyVersion | null;
  @Field(() => [RecommendationKindCount], { description: 'Recommendations that hold now, per kind.' }) byKind!: RecommendationKindCount[];
  @Field(() => Int, { description: 'Wall-clock time of the run in milliseconds.' }) durationMs!: number;
  @Field(() => [UserError], { description: 'Why nothing was generated; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('RecommendationPayload', { description: 'Result of a recommendation mutation.' })
export class RecommendationPayload {
  @Field(() => Recommendation, { nullable: true, description: 'The recommendation after the change; null when userErrors is not empty.' }) recommendation?: Recommendation | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
