import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import type { Context } from '../../graphql/context';
import { compileWhere } from '../../graphql/filters';
import { EmployeeWhere } from '../employee/employee.types';
import { employeeListSpec } from '../employee/employee.resolver';
import { checkYear, resolveAsOf } from '../employee/employee.sql';
import { Competency } from '../competency/competency.entity';
import { Unit } from '../unit/unit.entity';
import { aggregateEmployees, competencyShortfalls } from './analytics.service';
import { CompetencyShortfallRow, EmployeeAggregateRow, EmployeeGroupKey } from './analytics.types';

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

  @Query(() => [CompetencyShortfallRow], {
    description: 'Mean shortfall per competency over the employees whose current position requires it, optionally per unit with subtree roll-up, '
      + 'in one SQL statement: the unit × competency gap matrix. Example: the roots × the 8 most-required competencies: '
      + 'byUnit: true, units: [root codes], mostRequired: 8.',
  })
  async competencyShortfalls(
    @Arg('where', () => EmployeeWhere, { nullable: true, description: 'Which employees to count (same filter as `employees`); only placed employees ever count.' }) where: EmployeeWhere | null,
    @Arg('byUnit', () => Boolean, { nullable: true, defaultValue: false, description: 'One row per unit and competency, each unit counting its whole subtree.' }) byUnit: boolean,
    @Arg('units', () => [String], { nullable: true, description: 'With byUnit: only these units (codes); every unit when omitted.' }) units: string[] | null,
    @Arg('competencies', () => [String], { nullable: true, description: 'Only these competencies (codes); every required competency when omitted.' }) competencies: string[] | null,
    @Arg('mostRequired', () => Int, { nullable: true, description: 'Only the N competencies required of the most of these employees (1–100).' }) mostRequired: number | null,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD) for current levels; today by default.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<CompetencyShortfallRow[]> {
    if (mostRequired != null && (!Number.isInteger(mostRequired) || mostRequired < 1 || mostRequired > 100)) {
      throw new GraphQLError(`Argument "mostRequired" must be between 1 and 100, got ${mostRequired}.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'mostRequired' } });
    }
    const rows = await competencyShortfalls(ctx.em, {
      employeeCondition: compileWhere(where, employeeListSpec.where, 'e', ctx),
      asOf: resolveAsOf(asOf, 'asOf'),
      byUnit, units, competencies, mostRequired,
    });
    return rows.map((r) => Object.assign(new CompetencyShortfallRow(), r));
  }
}

@Resolver(() => CompetencyShortfallRow)
export class CompetencyShortfallRowResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The unit (with its subtree); null when not grouped by unit.' })
  async unit(@Root() row: CompetencyShortfallRow, @Ctx() ctx: Context): Promise<Unit | null> {
    return row.unitId === null ? null : ctx.loaders.byId(Unit).load(row.unitId);
  }

  @FieldResolver(() => Competency, { description: 'The competency.' })
  async competency(@Root() row: CompetencyShortfallRow, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(row.competencyId))!;
  }
}
