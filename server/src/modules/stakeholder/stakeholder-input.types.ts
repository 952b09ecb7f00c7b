import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateFilter, IDFilter, IntFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import { StakeholderGroupFilter } from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { StakeholderGroupEnum } from '../../graphql/enums';
import type { StakeholderGroup } from '../../domain/enums';
import { StakeholderInput } from './stakeholder-input.entity';

@InputType('StakeholderInputWhere', { description: 'Filter for stakeholder inputs. All given conditions must hold; combine with and/or/not.' })
export class StakeholderInputWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The stakeholder input itself.' }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The position rated.' }) position?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'The competency rated, by its code.' }) competency?: StringFilter;
  @Field(() => StakeholderGroupFilter, { nullable: true, description: 'Stakeholder group.' }) group?: InstanceType<typeof StakeholderGroupFilter>;
  @Field(() => IntFilter, { nullable: true, description: 'Importance 1–5.' }) importance?: IntFilter;
  @Field(() => DateFilter, { nullable: true, description: 'Date submitted.' }) submittedAt?: DateFilter;
  @Field(() => [StakeholderInputWhere], { nullable: true, description: 'All of these hold.' }) and?: StakeholderInputWhere[];
  @Field(() => [StakeholderInputWhere], { nullable: true, description: 'At least one of these holds.' }) or?: StakeholderInputWhere[];
  @Field(() => StakeholderInputWhere, { nullable: true, description: 'This does not hold.' }) not?: StakeholderInputWhere;
}

export enum StakeholderInputOrderField { SUBMITTED_AT = 'submittedAt', IMPORTANCE = 'importance', GROUP = 'group' }
registerEnumType(StakeholderInputOrderField, { name: 'StakeholderInputOrderField', description: 'Sortable stakeholder input fields.' });

@InputType('StakeholderInputOrder', { description: 'One sort key for stakeholder inputs.' })
export class StakeholderInputOrder {
  @Field(() => StakeholderInputOrderField, { description: 'Field to sort by.' }) field!: StakeholderInputOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const StakeholderInputConnection = connectionType(StakeholderInput, 'StakeholderInput', 'A page of stakeholder inputs.');

@InputType('StakeholderInputInput', { description: 'Fields of a stakeholder input. On update, omitted fields are left unchanged; null clears the comment.' })
export class StakeholderInputInput {
  @Field(() => ID, { nullable: true, description: 'Position id.' }) position?: string | null;
  @Field(() => ID, { nullable: true, description: 'Competency id.' }) competency?: string | null;
  @Field(() => StakeholderGroupEnum, { nullable: true, description: 'Stakeholder group.' }) group?: StakeholderGroup | null;
  @Field(() => Int, { nullable: true, description: 'Importance, 1–5.' }) importance?: number | null;
  @Field(() => String, { nullable: true, description: 'Free-text comment.' }) comment?: string | null;
  @Field(() => String, { nullable: true, description: 'Date submitted, YYYY-MM-DD.' }) submittedAt?: string | null;
}

@ObjectType('StakeholderInputPayload', { description: 'Result of a stakeholder input mutation.' })
export class StakeholderInputPayload {
  @Field(() => StakeholderInput, { nullable: true, description: 'The stakeholder input after the change; null when userErrors is not empty.' }) stakeholderInput?: StakeholderInput | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}
