import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { ASSESSMENT_METHODS, type AssessmentMethod } from '../../domain/enums';
import { AssessmentMethodEnum } from '../../graphql/enums';
import { Employee } from '../employee/employee.entity';
import { Competency } from '../competency/competency.entity';

/**
 * History is append-only by design: a new assessment is a new row, and the
 * current level is the latest row on or before the "as of" date. The
 * (competency, employee, assessed_at) index serves that look-up for a whole
 * population at once.
 */
@ObjectType('CompetencyAssessment', { implements: Node, description: 'One competency assessment (penilaian kompetensi) of an employee. History is kept; the latest on or before a date is the current level.' })
@Entity({ tableName: 'competency_assessment' })
@Unique({ properties: ['employee', 'competency', 'assessedAt'] })
@Index({ properties: ['competency', 'employee', 'assessedAt'] })
export class CompetencyAssessment extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade' })
  employee!: Employee;

  @ManyToOne(() => Competency, { deleteRule: 'restrict' })
  competency!: Competency;

  @Field(() => Float, { description: 'Assessed level, 1–5; decimals such as 2.4 are allowed.' })
  @Property({ type: new DecimalType('number'), precision: 3, scale: 2, check: 'level between 1 and 5' })
  level!: number;

  @Field(() => String, { description: 'Date of the assessment (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  assessedAt!: string;

  @Field(() => AssessmentMethodEnum, { description: 'Assessment method.' })
  @Enum({ items: () => [...ASSESSMENT_METHODS], type: 'string' })
  method!: AssessmentMethod;
}
