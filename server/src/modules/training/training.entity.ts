import { Collection, DecimalType, Entity, Enum, ManyToMany, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import {
  PARTICIPATION_STATUSES, RESPONDENTS, TRAINING_FORMS, TRAINING_TYPES,
  type ParticipationStatus, type Respondent, type TrainingForm, type TrainingType,
} from '../../domain/enums';
import { ParticipationStatusEnum, RespondentEnum, TrainingFormEnum, TrainingTypeEnum } from '../../graphql/enums';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';

@ObjectType('Training', { implements: Node, description: 'A competency development activity (pelatihan, workshop, e-learning, coaching, …) in the catalogue.' })
@Entity({ tableName: 'training' })
export class Training extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Stable natural key, e.g. "PLT-KOM-01".' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Title.' })
  @Property({ type: 'string', length: 255 })
  title!: string;

  @Field(() => TrainingFormEnum, { description: 'Classical or non-classical.' })
  @Enum({ items: () => [...TRAINING_FORMS], type: 'string' })
  form!: TrainingForm;

  @Field(() => TrainingTypeEnum, { description: 'Type of activity.' })
  @Enum({ items: () => [...TRAINING_TYPES], type: 'string' })
  type!: TrainingType;

  @Field(() => Float, { description: 'Lesson hours (JP) credited on completion; greater than 0.' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 2, check: 'hours > 0' })
  hours!: number;

  @ManyToMany(() => Competency, undefined, { pivotTable: 'training_competency', joinColumn: 'training_id', inverseJoinColumn: 'competency_id' })
  competencies = new Collection<Competency>(this);
}

@ObjectType('TrainingParticipation', { implements: Node, description: 'An employee\'s participation in a training.' })
@Entity({ tableName: 'training_participation' })
@Unique({ properties: ['employee', 'training', 'startedAt'] })
export class TrainingParticipation extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade', index: true })
  employee!: Employee;

  @ManyToOne(() => Training, { deleteRule: 'restrict', index: true })
  training!: Training;

  @Field(() => String, { description: 'Start date (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  startedAt!: string;

  @Field(() => String, { nullable: true, description: 'Completion date (YYYY-MM-DD); its calendar year is the year the lesson hours count for.' })
  @Property({ type: 'date', nullable: true, check: 'completed_at is null or completed_at >= started_at' })
  completedAt?: string | null;

  @Field(() => ParticipationStatusEnum, { description: 'Participation status.' })
  @Enum({ items: () => [...PARTICIPATION_STATUSES], type: 'string' })
  status!: ParticipationStatus;

  @Field(() => Float, { nullable: true, description: 'Pre-test score 0–100 (Kirkpatrick L2).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true, check: 'pre_test is null or pre_test between 0 and 100' })
  preTest?: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-test score 0–100 (Kirkpatrick L2).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true, check: 'post_test is null or post_test between 0 and 100' })
  postTest?: number | null;
}

@ObjectType('TrainingEvaluation', { implements: Node, description: 'A Kirkpatrick evaluation of a training by or about one participant: L1 reaction, L2 learning, L3 behaviour, L4 results.' })
@Entity({ tableName: 'training_evaluation' })
@Unique({ properties: ['training', 'employee', 'level', 'respondent', 'evaluatedAt'] })
export class TrainingEvaluation extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Training, { deleteRule: 'cascade', index: true })
  training!: Training;

  @ManyToOne(() => Employee, { deleteRule: 'cascade', index: true })
  employee!: Employee;

  @Field(() => Int, { description: 'Kirkpatrick level 1–4.' })
  @Property({ type: 'smallint', check: 'level between 1 and 4' })
  level!: number;

  @Field(() => Float, { description: 'Score given by the respondent.' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 2 })
  score!: number;

  @Field(() => RespondentEnum, { description: 'Who answered.' })
  @Enum({ items: () => [...RESPONDENTS], type: 'string' })
  respondent!: Respondent;

  @Field(() => String, { description: 'Date of the evaluation (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  evaluatedAt!: string;
}
