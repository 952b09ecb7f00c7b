import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IDFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import { CompetencyTypeFilter } from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { CompetencyTypeEnum } from '../../graphql/enums';
import type { CompetencyType } from '../../domain/enums';
import { Competency } from './competency.entity';

@InputType('CompetencyWhere', { description: 'Filter for competencies. All given conditions must hold; combine with and/or/not.' })
export class CompetencyWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The competency itself.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Competency code.' }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Competency name.' }) name?: StringFilter;
  @Field(() => CompetencyTypeFilter, { nullable: true, description: 'Competency type.' }) type?: InstanceType<typeof CompetencyTypeFilter>;
  @Field(() => [CompetencyWhere], { nullable: true, description: 'All of these hold.' }) and?: CompetencyWhere[];
  @Field(() => [CompetencyWhere], { nullable: true, description: 'At least one of these holds.' }) or?: CompetencyWhere[];
  @Field(() => CompetencyWhere, { nullable: true, description: 'This does not hold.' }) not?: CompetencyWhere;
}

export enum CompetencyOrderField { CODE = 'code', NAME = 'name', TYPE = 'type' }
registerEnumType(CompetencyOrderField, { name: 'CompetencyOrderField', description: 'Sortable competency fields.' });

@InputType('CompetencyOrder', { description: 'One sort key for competencies.' })
export class CompetencyOrder {
  @Field(() => CompetencyOrderField, { description: 'Field to sort by.' }) field!: CompetencyOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const CompetencyConnection = connectionType(Competency, 'Competency', 'A page of competencies.');

@InputType('CompetencyLevelInput', { description: 'The behavioural description of one proficiency level.' })
export class CompetencyLevelInput {
  @Field(() => Int, { description: 'Proficiency level, 1–5; each level at most once per competency.' }) level!: number;
  @Field(() => String, { description: 'What a person at this level does.' }) description!: string;
}

@InputType('CompetencyInput', { description: 'Fields of a competency. On update, omitted fields are left unchanged.' })
export class CompetencyInput {
  @Field(() => String, { nullable: true, description: 'Unique code: letters, digits, "-" and "_", at most 64.' }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'Name in Bahasa Indonesia.' }) name?: string | null;
  @Field(() => CompetencyTypeEnum, { nullable: true, description: 'Competency type.' }) type?: CompetencyType | null;
  @Field(() => [CompetencyLevelInput], {
    nullable: true,
    description: 'Level descriptions; when given, they replace all existing ones (an empty list removes them).',
  }) levels?: CompetencyLevelInput[] | null;
}

@ObjectType('CompetencyPayload', { description: 'Result of a competency mutation.' })
export class CompetencyPayload {
  @Field(() => Competency, { nullable: true, description: 'The competency after the change; null when userErrors is not empty.' }) competency?: Competency | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
