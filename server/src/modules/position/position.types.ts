import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IDFilter, IntFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import { PositionKindFilter } from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { EducationEnum, GradeEnum, PositionKindEnum } from '../../graphql/enums';
import type { Education, Grade, PositionKind } from '../../domain/enums';
import { Position } from './position.entity';

@InputType('PositionWhere', { description: 'Filter for positions. All given conditions must hold; combine with and/or/not.' })
export class PositionWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The position itself.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Position code.' }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Position title.' }) name?: StringFilter;
  @Field(() => PositionKindFilter, { nullable: true, description: 'Kind of position.' }) kind?: InstanceType<typeof PositionKindFilter>;
  @Field(() => IntFilter, { nullable: true, description: 'Quota (formasi).' }) quota?: IntFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The unit the position belongs to.' }) unit?: IDFilter;
  @Field(() => ID, { nullable: true, description: 'Positions in this unit or any unit below it.' }) unitSubtreeOf?: string;
  @Field(() => String, { nullable: true, description: 'Like unitSubtreeOf, by unit code.' }) unitSubtreeOfCode?: string;
  @Field(() => String, { nullable: true, description: 'Positions whose standard requires the competency with this code.' }) requiresCompetency?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: fewer holders than the quota; false: the quota is filled.' }) vacant?: boolean;
  @Field(() => [PositionWhere], { nullable: true, description: 'All of these hold.' }) and?: PositionWhere[];
  @Field(() => [PositionWhere], { nullable: true, description: 'At least one of these holds.' }) or?: PositionWhere[];
  @Field(() => PositionWhere, { nullable: true, description: 'This does not hold.' }) not?: PositionWhere;
}

export enum PositionOrderField { CODE = 'code', NAME = 'name', KIND = 'kind', QUOTA = 'quota' }
registerEnumType(PositionOrderField, { name: 'PositionOrderField', description: 'Sortable position fields; KIND sorts by rank (JPT_UTAMA first), not alphabetically.' });

@InputType('PositionOrder', { description: 'One sort key for positions.' })
export class PositionOrder {
  @Field(() => PositionOrderField, { description: 'Field to sort by.' }) field!: PositionOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const PositionConnection = connectionType(Position, 'Position', 'A page of positions.');

@InputType('RequirementInput', { description: 'One line of a competency standard: the level required in one competency.' })
export class RequirementInput {
  @Field(() => ID, { description: 'Competency id; each competency at most once per standard.' }) competency!: string;
  @Field(() => Int, { description: 'Required level, 1–5.' }) level!: number;
}

@InputType('PositionInput', { description: 'Fields of a position. On update, omitted fields are left unchanged; null clears an optional field.' })
export class PositionInput {
  @Field(() => String, { nullable: true, description: 'Unique code: letters, digits, "-" and "_", at most 64.' }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'Position title.' }) name?: string | null;
  @Field(() => ID, { nullable: true, description: 'Unit id.' }) unit?: string | null;
  @Field(() => PositionKindEnum, { nullable: true, description: 'Kind of position.' }) kind?: PositionKind | null;
  @Field(() => Int, { nullable: true, description: 'Quota (formasi), at least 1; 1 when omitted on create.' }) quota?: number | null;
  @Field(() => GradeEnum, { nullable: true, description: 'Minimum grade; null for none.' }) minGrade?: Grade | null;
  @Field(() => EducationEnum, { nullable: true, description: 'Minimum education; null for none.' }) minEducation?: Education | null;
  @Field(() => Int, { nullable: true, description: 'Maximum age in whole years, 18–70; null for none.' }) maxAge?: number | null;
  @Field(() => Float, { nullable: true, description: 'Weight of the technical group in JPM, 0–1 with at most two decimals; null for unweighted.' }) technicalWeight?: number | null;
  @Field(() => [RequirementInput], {
    nullable: true,
    description: 'The competency standard; when given, it replaces the whole standard (same rules as setPositionRequirements).',
  }) requirements?: RequirementInput[] | null;
}

@ObjectType('PositionPayload', { description: 'Result of a position mutation.' })
export class PositionPayload {
  @Field(() => Position, { nullable: true, description: 'The position after the change; null when userErrors is not empty.' }) position?: Position | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
