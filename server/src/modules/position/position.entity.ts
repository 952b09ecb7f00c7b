import { DecimalType, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { EDUCATIONS, GRADES, POSITION_KINDS, type Education, type Grade, type PositionKind } from '../../domain/enums';
import { EducationEnum, GradeEnum, PositionKindEnum } from '../../graphql/enums';
import { Unit } from '../unit/unit.entity';
import { Competency } from '../competency/competency.entity';

@ObjectType('Position', { implements: Node, description: 'A position (jabatan) in a unit, with its quota (formasi), eligibility attributes and competency standard.' })
@Entity({ tableName: 'position' })
export class Position extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Stable natural key, e.g. "DINKES-KABID-YANKES".' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Position title.' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @ManyToOne(() => Unit, { deleteRule: 'restrict', index: true })
  unit!: Unit;

  @Field(() => PositionKindEnum, { description: 'Kind of position.' })
  @Enum({ items: () => [...POSITION_KINDS], type: 'string' })
  kind!: PositionKind;

  @Field(() => Int, { description: 'Number of holders the position has room for (formasi), at least 1.' })
  @Property({ type: 'integer', default: 1, check: 'quota >= 1' })
  quota: Opt<number> = 1;

  @Field(() => GradeEnum, { nullable: true, description: 'Minimum grade (golongan) to be eligible; null = none.' })
  @Enum({ items: () => [...GRADES], type: 'string', nullable: true })
  minGrade?: Grade | null;

  @Field(() => EducationEnum, { nullable: true, description: 'Minimum education to be eligible; null = none.' })
  @Enum({ items: () => [...EDUCATIONS], type: 'string', nullable: true })
  minEducation?: Education | null;

  @Field(() => Int, { nullable: true, description: 'Maximum age in whole years on the "as of" date; null = none.' })
  @Property({ type: 'smallint', nullable: true, check: 'max_age is null or max_age between 18 and 70' })
  maxAge?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of the technical group in JPM (0–1); the managerial + socio-cultural group gets 1 − this. Null = unweighted (one sum over all requirements).' })
  @Property({ type: new DecimalType('number'), precision: 3, scale: 2, nullable: true, check: 'technical_weight is null or technical_weight between 0 and 1' })
  technicalWeight?: number | null;
}

@ObjectType('PositionRequirement', { implements: Node, description: 'One line of a position\'s competency standard (Standar Kompetensi Jabatan): the level required in one competency.' })
@Entity({ tableName: 'position_requirement' })
@Unique({ properties: ['position', 'competency'] })
export class PositionRequirement extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Position, { deleteRule: 'cascade', index: true })
  position!: Position;

  @ManyToOne(() => Competency, { deleteRule: 'restrict', index: true })
  competency!: Competency;

  @Field(() => Int, { description: 'Required proficiency level, 1–5.' })
  @Property({ type: 'smallint', check: 'level between 1 and 5' })
  level!: number;
}
