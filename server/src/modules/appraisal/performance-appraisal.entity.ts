import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { APPRAISAL_PERIODS, APPRAISAL_RATINGS, type AppraisalPeriod, type AppraisalRating, type Predicate } from '../../domain/enums';
import { AppraisalPeriodEnum, AppraisalRatingEnum, PredicateEnum } from '../../graphql/enums';
import { Employee } from '../employee/employee.entity';

/**
 * The predicate is a generated column implementing the PermenPANRB 6/2022
 * matrix (domain.md §5), so SQL analytics and the API read one definition.
 * `predicate-sql.test.ts` checks it against the TypeScript reference.
 */
export const PREDICATE_SQL = `case
  when results = 'ABOVE' and behaviour = 'ABOVE' then 'SANGAT_BAIK'
  when results in ('ABOVE', 'MEETS') and behaviour in ('ABOVE', 'MEETS') then 'BAIK'
  when results in ('ABOVE', 'MEETS') and behaviour = 'BELOW' then 'KURANG'
  when results = 'BELOW' and behaviour = 'BELOW' then 'SANGAT_KURANG'
  else 'BUTUH_PERBAIKAN' end`;

export const PREDICATE_ORDINAL_SQL = `case predicate when 'SANGAT_BAIK' then 5 when 'BAIK' then 4 when 'BUTUH_PERBAIKAN' then 3 when 'KURANG' then 2 else 1 end`;

@ObjectType('PerformanceAppraisal', { implements: Node, description: 'A performance appraisal (SKP) for one period: two ratings and the derived predicate.' })
@Entity({ tableName: 'performance_appraisal' })
@Unique({ properties: ['employee', 'periodStart', 'period'] })
export class PerformanceAppraisal extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade' })
  employee!: Employee;

  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => AppraisalPeriodEnum, { description: 'Length of the period.' })
  @Enum({ items: () => [...APPRAISAL_PERIODS], type: 'string' })
  period!: AppraisalPeriod;

  @Field(() => AppraisalRatingEnum, { description: 'Work results rating (hasil kerja).' })
  @Enum({ items: () => [...APPRAISAL_RATINGS], type: 'string' })
  results!: AppraisalRating;

  @Field(() => AppraisalRatingEnum, { description: 'Work behaviour rating (perilaku kerja).' })
  @Enum({ items: () => [...APPRAISAL_RATINGS], type: 'string' })
  behaviour!: AppraisalRating;

  @Field(() => PredicateEnum, { description: 'Predicate derived from the two ratings (PermenPANRB 6/2022 matrix).' })
  @Property({ type: 'string', length: 16, generated: `(${PREDICATE_SQL}) stored` })
  predicate!: Opt<Predicate>;
}
