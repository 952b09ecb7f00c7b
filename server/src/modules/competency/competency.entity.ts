import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { COMPETENCY_TYPES, type CompetencyType } from '../../domain/enums';
import { CompetencyTypeEnum } from '../../graphql/enums';

@ObjectType('Competency', { implements: Node, description: 'A competency (kompetensi) in the dictionary: one of the nine national managerial/socio-cultural ones or a technical one.' })
@Entity({ tableName: 'competency' })
export class Competency extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Stable natural key, e.g. "KOM".' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name in Bahasa Indonesia, e.g. "Komunikasi".' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => CompetencyTypeEnum, { description: 'Competency type.' })
  @Enum({ items: () => [...COMPETENCY_TYPES], type: 'string' })
  type!: CompetencyType;
}

@ObjectType('CompetencyLevel', { implements: Node, description: 'Behavioural description of one proficiency level (1–5) of a competency.' })
@Entity({ tableName: 'competency_level' })
@Unique({ properties: ['competency', 'level'] })
export class CompetencyLevel extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Competency, { deleteRule: 'cascade' })
  competency!: Competency;

  @Field(() => Int, { description: 'Proficiency level, 1–5.' })
  @Property({ type: 'smallint', check: 'level between 1 and 5' })
  level!: number;

  @Field(() => String, { description: 'What a person at this level does.' })
  @Property({ type: 'text' })
  description!: string;
}
