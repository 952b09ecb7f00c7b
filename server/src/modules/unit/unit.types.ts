import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IDFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import { UnitTypeFilter } from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { UnitTypeEnum } from '../../graphql/enums';
import type { UnitType } from '../../domain/enums';
import { Unit } from './unit.entity';

@InputType('UnitWhere', { description: 'Filter for units. All given conditions must hold; combine with and/or/not.' })
export class UnitWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The unit itself.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Unit code.' }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Unit name.' }) name?: StringFilter;
  @Field(() => UnitTypeFilter, { nullable: true, description: 'Unit type.' }) type?: InstanceType<typeof UnitTypeFilter>;
  @Field(() => IDFilter, { nullable: true, description: 'Direct parent (isNull: true for the roots).' }) parent?: IDFilter;
  @Field(() => ID, { nullable: true, description: 'Units inside the subtree of this unit (the unit itself included).' }) subtreeOf?: string;
  @Field(() => String, { nullable: true, description: 'Like subtreeOf, by unit code.' }) subtreeOfCode?: string;
  @Field(() => [UnitWhere], { nullable: true, description: 'All of these hold.' }) and?: UnitWhere[];
  @Field(() => [UnitWhere], { nullable: true, description: 'At least one of these holds.' }) or?: UnitWhere[];
  @Field(() => UnitWhere, { nullable: true, description: 'This does not hold.' }) not?: UnitWhere;
}

export enum UnitOrderField { CODE = 'code', NAME = 'name', TYPE = 'type' }
registerEnumType(UnitOrderField, { name: 'UnitOrderField', description: 'Sortable unit fields.' });

@InputType('UnitOrder', { description: 'One sort key for units.' })
export class UnitOrder {
  @Field(() => UnitOrderField, { description: 'Field to sort by.' }) field!: UnitOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const UnitConnection = connectionType(Unit, 'Unit', 'A page of units.');

@InputType('UnitInput', { description: 'Fields of a unit. On update, omitted fields are left unchanged.' })
export class UnitInput {
  @Field(() => String, { nullable: true, description: 'Unique code: letters, digits, "-" and "_", at most 64.' }) code?: string;
  @Field(() => String, { nullable: true, description: 'Name.' }) name?: string;
  @Field(() => UnitTypeEnum, { nullable: true, description: 'Unit type.' }) type?: UnitType;
  @Field(() => ID, { nullable: true, description: 'Parent unit id; null makes it a root.' }) parent?: string | null;
}

@ObjectType('UnitPayload', { description: 'Result of a unit mutation.' })
export class UnitPayload {
  @Field(() => Unit, { nullable: true, description: 'The unit after the change; null when userErrors is not empty or after delete.' }) unit?: Unit | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
