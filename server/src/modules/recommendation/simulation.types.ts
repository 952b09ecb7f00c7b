import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { UserError } from '../../graphql/errors';
import { JpmCategoryEnum } from '../../graphql/enums';
import type { JpmCategory } from '../../domain/enums';
import type { RecommendationKind } from '../../domain/recommendation-rules';
import { Unit } from '../unit/unit.entity';
import { RecommendationKindEnum } from './recommendation.entity';

@ObjectType('JpmCategoryShift', { description: 'Current holders (each in their own position) per JPM category, before and after the change.' })
export class JpmCategoryShift {
  @Field(() => JpmCategoryEnum, { description: 'Category.' }) category!: JpmCategory;
  @Field(() => Int, { description: 'Holders in this category now.' }) before!: number;
  @Field(() => Int, { description: 'Holders in this category after the change.' }) after!: number;
}

@ObjectType('TalentBoxShift', { description: 'Placed employees per 9-box, before and after the change.' })
export class TalentBoxShift {
  @Field(() => Int, { description: 'Box 1–9.' }) box!: number;
  @Field(() => Int, { description: 'Employees in the box now.' }) before!: number;
  @Field(() => Int, { description: 'Employees in the box after the change.' }) after!: number;
  @Field(() => Boolean, { description: 'Whether the box is in the talent pool after the change.' }) talentPool!: boolean;
}

@ObjectType('RecommendationCountShift', { description: 'How many recommendations of one kind would hold for one unit, before and after the change.' })
export class RecommendationCountShift {
  @Field(() => Unit, { nullable: true, description: 'The unit; null for kinds without a unit (TRAINING_INEFFECTIVE).' }) unit!: Unit | null;
  @Field(() => RecommendationKindEnum, { description: 'Kind.' }) kind!: RecommendationKind;
  @Field(() => Int, { description: 'Recommendations that hold now.' }) before!: number;
  @Field(() => Int, { description: 'Recommendations that would hold after the change.' }) after!: number;
}

@ObjectType('SimulationResult', { description: 'A what-if answer: the distributions before (current data and active policy) and after the proposed change. Nothing is written.' })
export class SimulationResult {
  @Field(() => String, { description: 'Reference date used (YYYY-MM-DD).' }) asOf!: string;
  @Field(() => Int, { description: 'Year used for lesson hours.' }) year!: number;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The policy parameters after the change (all keys).' }) parameters!: Record<string, unknown> | null;
  @Field(() => [String], { description: 'Policy keys the change alters (empty for simulateStandard).' }) changedKeys!: string[];
  @Field(() => [JpmCategoryShift], { description: 'JPM categories of current holders in their positions.' }) categories!: JpmCategoryShift[];
  @Field(() => [TalentBoxShift], { description: '9-box distribution of placed employees.' }) talentBoxes!: TalentBoxShift[];
  @Field(() => [RecommendationCountShift], { description: 'Recommendation counts per unit and kind where either side is non-zero, by unit code then kind.' }) recommendations!: RecommendationCountShift[];
  @Field(() => [UserError], { description: 'Mistakes in the proposed change (then the lists are empty); empty on success.' }) userErrors!: UserError[];
}
