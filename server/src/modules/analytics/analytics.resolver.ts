import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { compileWhere } from '../../graphql/filters';
import { EmployeeWhere } from '../employee/employee.types';
import { employeeListSpec } from '../employee/employee.resolver';
import { checkYear, resolveAsOf } from '../employee/employee.sql';
import { aggregateEmployees } from './analytics.service';
import { EmployeeAggregateRow, EmployeeGroupKey } from './analytics.types';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [EmployeeAggregateRow], {
    description: 'Employee figures grouped by any combination of dimensions, in one SQL statement: headcount always; level measures '
      + '(current level = latest assessment on or before asOf) when grouping by COMPETENCY/COMPETENCY_TYPE or when `competency` is given. '
      + 'Examples: headcount and mean level per competency by unit with subtree roll-up: groupBy [UNIT, COMPETENCY], rollUp: true; '
      + 'predicate distribution per unit for 2024: groupBy [UNIT, PREDICATE], year: 2024.',
  })
  async employeeAggregate(
    @Arg('groupBy', () => [EmployeeGroupKey], { description: 'Dimensions, in output order; empty for one overall row.' }) groupBy: EmployeeGroupKey[],
    @Arg('where', () => EmployeeWhere, { nullable: true, description: 'Which employees to count (same filter as `employees`).' }) where: EmployeeWhere | null,
    @Arg('competency', () => String, { nullable: true, description: 'Restrict level measures to this competency code.' }) competency: string | null,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD) for current levels and the latest predicate; today by default.' }) asOf: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Year of the annual appraisal used by the PREDICATE dimension; latest before asOf when omitted.' }) year: number | null,
    @Arg('rollUp', () => Boolean, { nullable: true, defaultValue: false, description: 'With UNIT: each unit counts its whole subtree (dinas → bidang → seksi, schools, puskesmas).' }) rollUp: boolean,
    @Ctx() ctx: Context,
  ): Promise<EmployeeAggregateRow[]> {
    return aggregateEmployees(ctx.em, {
      employeeCondition: compileWhere(where, employeeListSpec.where, 'e', ctx),
      groupBy,
      competency,
      asOf: resolveAsOf(asOf, 'asOf'),
      year: year === null || year === undefined ? null : checkYear(year, 'year'),
      rollUp,
    });
  }
}
