import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../domain/enums';
import { StakeholderGroupEnum } from '../../graphql/enums';
import { Position } from '../position/position.entity';
import { Competency } from '../competency/competency.entity';

@ObjectType('StakeholderInput', { implements: Node, description: 'A stakeholder group\'s rating of how important a competency is for a position (e.g. parents about teachers).' })
@Entity({ tableName: 'stakeholder_input' })
@Unique({ properties: ['position', 'competency', 'group', 'submittedAt'] })
export class StakeholderInput extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Position, { deleteRule: 'cascade', index: true })
  position!: Position;

  @ManyToOne(() => Competency, { deleteRule: 'restrict', index: true })
  competency!: Competency;

  @Field(() => StakeholderGroupEnum, { description: 'Stakeholder group.' })
  @Enum({ items: () => [...STAKEHOLDER_GROUPS], type: 'string', fieldName: 'stakeholder_group' })
  group!: StakeholderGroup;

  @Field(() => Int, { description: 'Importance 1–5.' })
  @Property({ type: 'smallint', check: 'importance between 1 and 5' })
  importance!: number;

  @Field(() => String, { nullable: true, description: 'Free-text comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => String, { description: 'Date submitted (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  submittedAt!: string;
}
