import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import type { Context } from '../../graphql/context';
import { idConditions, jointField, scalarConditions, type JointFields } from '../../graphql/filters';
import { ConnectionArgs, MAX_PAGE_SIZE, type Connection } from '../../graphql/pagination';
import { execute, listConnection, type ListSpec } from '../../graphql/list';
import { readRows } from '../../graphql/rows';
import { DeletePayload } from '../../graphql/mutation';
import { expectGlobalId } from '../../graphql/node';
import { and, raw, sql, type Sql } from '../../graphql/sql';
import { EDUCATIONS, GRADES, JPM_CATEGORIES, PREDICATES, type Predicate } from '../../domain/enums';
import { ageOn } from '../../domain/ordinal';
import { PredicateEnum } from '../../graphql/enums';
import { PERSONAL_DATA_NOTE, PersonalData } from '../../graphql/personal-data';
import { Unit } from '../unit/unit.entity';
import { subtreeIds, subtreeIdsByCode } from '../unit/unit.sql';
import { Position } from '../position/position.entity';
import { Competency } from '../competency/competency.entity';
import { CompetencyAssessment } from '../assessment/competency-assessment.entity';
import { PerformanceAppraisal } from '../appraisal/performance-appraisal.entity';
import { TrainingParticipation } from '../training/training.entity';
import { activePolicyParameters } from '../policy/policy.service';
import { RULE_EPSILON } from '../../domain/recommendation-rules';
import { Employee } from './employee.entity';
import {
  CompetencyLevelCondition, CompetencyLevelEntry, DevelopmentHoursCondition, EmployeeConnection, EmployeeInput, EmployeeOrder,
  EmployeePayload, EmployeeWhere, HasAssessmentCondition, LatestPredicateCondition,
} from './employee.types';
import {
  checkYear, currentLevelSql, dateConditions, developmentHoursSql, latestPredicateSql, rangeConditions, resolveAsOf, todayIso,
} from './employee.sql';
import { currentMatchesSql, policyNumberSql } from './current-match.sql';
import {
  assessmentsLoader, competencyProfileLoader, currentLevelLoader, developmentHoursLoader, latestPredicateLoader, unitEmployeesLoader,
} from './employee.loaders';
import { createEmployee, deleteEmployee, updateEmployee } from './employee.service';

// Domain constants, not user input: inlined so the planner can fold them.
const rankOf = (values: readonly string[], column: string): Sql =>
  raw(`array_position(array[${values.map((v) => `'${v}'`).join(', ')}]::text[], ${column}::text)`);

function competencyLevelConditions(c: CompetencyLevelCondition, a: string): Sql[] {
  const level = currentLevelSql(raw(`${a}.id`), c.competency, resolveAsOf(c.asOf, 'where.competencyLevel.asOf'));
  // Never assessed has no level: it is "below" anything (counts as 0) and never "above".
  const out = [
    ...rangeConditions(sql`coalesce(${level}, 0)`, { lt: c.lt, lte: c.lte }),
    ...rangeConditions(level, { gt: c.gt, gte: c.gte }),
  ];
  if (c.assessed != null) out.push(c.assessed ? sql`${level} is not null` : sql`${level} is null`);
  return out;
}

function hasAssessmentCondition(c: HasAssessmentCondition, a: string): Sql {
  const parts: Sql[] = [sql`ha.employee_id = ${raw(a)}.id`];
  if (c.competency != null) parts.push(sql`ha.competency_id = (select hc.id from competency hc where hc.code = ${c.competency})`);
  if (c.level) parts.push(...scalarConditions(raw('ha.level'), { ...c.level }));
  if (c.assessedAt) parts.push(...dateConditions(raw('ha.assessed_at'), { ...c.assessedAt }, 'where.hasAssessment.assessedAt'));
  return sql`exists (select 1 from competency_assessment ha where ${and(parts)})`;
}

function latestPredicateConditions(c: LatestPredicateCondition, a: string): Sql[] {
  const predicate = latestPredicateSql(raw(`${a}.id`), resolveAsOf(c.asOf, 'where.latestPredicate.asOf'));
  return scalarConditions(predicate, { ...c.predicate }, PREDICATES);
}

function developmentHoursConditions(c: DevelopmentHoursCondition, a: string): Sql[] {
  const hours = developmentHoursSql(raw(`${a}.id`), checkYear(c.year, 'where.developmentHours.year'));
  const out = rangeConditions(hours, c);
  // The same tolerance as the DEVELOPMENT_HOURS_SHORTFALL recommendation, so 19.999… hours of decimal JP are not a shortfall of 20.
  const required = sql`${policyNumberSql('annualDevelopmentHours')} - ${raw(String(RULE_EPSILON))}`;
  if (c.belowRequirement != null) out.push(c.belowRequirement ? sql`${hours} < ${required}` : sql`${hours} >= ${required}`);
  return out;
}

/**
 * A condition on each employee's current match, as membership in the set of
 * employees meeting it: the set is computed once per statement (not per row),
 * and only for `candidates` (a condition on `employee e`).
 * `is true` keeps the membership a hashed subplan: as a semi-join the planner
 * guesses 70 members for a condition on a computed category (thousands in
 * fact), and with two such conditions rescanned one set per row, for seconds.
 * Employees without a match (unplaced, no standard) have null category and
 * box, so isNull/ne behave as on a column: the second branch, which the
 * planner drops when the condition is false on nulls (the usual eq/in/lt).
 * `distinct` (the ids are unique anyway) makes the planner cost the whole
 * set: for a plain IN sublink it plans for half the rows, with nested loops
 * that are a third slower once every match is read.
 */
function currentMatchCondition(a: string, condition: (category: Sql, box: Sql) => Sql, candidates: Sql): Sql {
  const matches = currentMatchesSql(candidates, todayIso());
  const id = raw(`${a}.id`);
  return sql`(${id} in (select distinct cm.employee_id from (${matches}) cm where ${condition(raw('cm.category'), raw('cm.box'))})) is true
    or ((${condition(raw('null::text'), raw('null::int'))}) is true and (${id} not in (select distinct cm.employee_id from (${matches}) cm)) is true)`;
}

/**
 * Category and talent box are conditions on one match set: side by side in a
 * where object they filter it once (one employee per row, so both conditions
 * on the same row are the intersection of the two sets), and it is computed
 * only for the employees the object's column conditions leave (a unit, a
 * grade range): the whole city's matches cost far more than a few hundred.
 * Not the history conditions (competency level, JP): per row, for the whole
 * city, they cost more than the matches they would spare.
 */
const currentMatchFields: JointFields<Context> = {
  restrictedBy: [
    'id', 'nip', 'name', 'status', 'grade', 'education', 'gender', 'birthDate', 'unit', 'unitSubtreeOf', 'unitSubtreeOfCode', 'position', 'positionKind',
  ],
  compile: (values, a, _ctx, rest) => currentMatchCondition(a, (category, box) => and([
    ...(values.currentCategory ? scalarConditions(category, values.currentCategory as Record<string, unknown>, JPM_CATEGORIES) : []),
    ...(values.talentBox ? scalarConditions(box, values.talentBox as Record<string, unknown>) : []),
  ]), rest('e')),
};

/**
 * Every employee filter is a condition on the employee row (correlated
 * EXISTS or scalar subqueries for history), so a whole `where` tree, with
 * and/or/not, stays one SQL statement.
 */
export const employeeListSpec: ListSpec<Employee> = {
  entity: Employee,
  table: 'employee',
  alias: 'e',
  where: {
    id: (v, a) => idConditions(raw(`${a}.id`), v, 'Employee', 'where.id'),
    nip: (v, a) => scalarConditions(raw(`${a}.nip`), v),
    name: (v, a) => scalarConditions(raw(`${a}.name`), v),
    status: (v, a) => scalarConditions(raw(`${a}.status`), v),
    grade: (v, a) => scalarConditions(raw(`${a}.grade`), v, GRADES),
    education: (v, a) => scalarConditions(raw(`${a}.education`), v, EDUCATIONS),
    gender: (v, a) => scalarConditions(raw(`${a}.gender`), v),
    birthDate: (v, a) => dateConditions(raw(`${a}.birth_date`), v, 'where.birthDate'),
    unit: (v, a) => idConditions(raw(`${a}.unit_id`), v, 'Unit', 'where.unit'),
    unitSubtreeOf: (v: string, a) => sql`${raw(a)}.unit_id in ${subtreeIds(expectGlobalId(v, 'Unit', 'where.unitSubtreeOf'))}`,
    unitSubtreeOfCode: (v: string, a) => sql`${raw(a)}.unit_id in ${subtreeIdsByCode(v)}`,
    position: (v, a) => idConditions(raw(`${a}.position_id`), v, 'Position', 'where.position'),
    positionKind: (v, a) => scalarConditions(raw(`(select pk.kind from position pk where pk.id = ${a}.position_id)`), v),
    competencyLevel: (v: CompetencyLevelCondition, a) => competencyLevelConditions(v, a),
    hasAssessment: (v: HasAssessmentCondition, a) => hasAssessmentCondition(v, a),
    latestPredicate: (v: LatestPredicateCondition, a) => latestPredicateConditions(v, a),
    developmentHours: (v: DevelopmentHoursCondition, a) => developmentHoursConditions(v, a),
    currentCategory: jointField(currentMatchFields, 'currentCategory'),
    talentBox: jointField(currentMatchFields, 'talentBox'),
  },
  order: {
    name: raw('e.name'),
    nip: raw('e.nip'),
    grade: rankOf(GRADES, 'e.grade'),
    education: rankOf(EDUCATIONS, 'e.education'),
    birthDate: raw('e.birth_date'),
    unitCode: raw('(select ou.code from unit ou where ou.id = e.unit_id)'),
  },
  defaultOrder: raw('e.name asc'),
};

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => Employee, { nullable: true, description: 'An employee by NIP; null when there is none.' })
  async employee(@Arg('nip', () => String, { description: 'NIP, 18 digits.' }) nip: string, @Ctx() ctx: Context): Promise<Employee | null> {
    const [employee] = readRows(ctx.em, Employee, await execute(ctx.em, sql`select e.* from employee e where e.nip = ${nip}`));
    if (employee) ctx.loaders.remember(Employee, [employee]);
    return employee ?? null;
  }

  @Query(() => EmployeeConnection, { description: 'Employees, filtered, ordered (by name unless orderBy says otherwise) and paged; one SQL statement whatever the filter.' })
  async employees(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => EmployeeWhere, { nullable: true, description: 'Filter.' }) where: EmployeeWhere | null,
    @Arg('orderBy', () => [EmployeeOrder], { nullable: true, description: 'Sort keys, applied in order.' }) orderBy: EmployeeOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Employee>> {
    return listConnection(ctx, employeeListSpec, { ...page, where, orderBy });
  }

  @FieldResolver(() => Unit, { description: 'The unit the employee belongs to.' })
  async unit(@Root() employee: Employee, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.byId(Unit).load(employee.unit.id))!;
  }

  @FieldResolver(() => Position, { nullable: true, description: 'Current position; null when unplaced.' })
  async position(@Root() employee: Employee, @Ctx() ctx: Context): Promise<Position | null> {
    return employee.position ? ctx.loaders.byId(Position).load(employee.position.id) : null;
  }

  @FieldResolver(() => [CompetencyAssessment], { description: 'Assessment history, newest first.' })
  async assessments(
    @Root() employee: Employee,
    @Arg('competency', () => String, { nullable: true, description: 'Only this competency (code).' }) competency: string | null,
    @Ctx() ctx: Context,
  ): Promise<CompetencyAssessment[]> {
    return assessmentsLoader(ctx, competency ?? null).load(employee.id);
  }

  @FieldResolver(() => [PerformanceAppraisal], { description: 'Performance appraisals, newest period first.' })
  async appraisals(@Root() employee: Employee, @Ctx() ctx: Context): Promise<PerformanceAppraisal[]> {
    return ctx.loaders.hasMany(PerformanceAppraisal, 'employee', { periodStart: 'desc' }).load(employee.id);
  }

  @FieldResolver(() => [TrainingParticipation], { description: 'Training participations, latest start first.' })
  async participations(@Root() employee: Employee, @Ctx() ctx: Context): Promise<TrainingParticipation[]> {
    return ctx.loaders.hasMany(TrainingParticipation, 'employee', { startedAt: 'desc' }).load(employee.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Current level in a competency: the latest assessment on or before asOf; null when never assessed by then.' })
  async currentLevel(
    @Root() employee: Employee,
    @Arg('competency', () => String, { description: 'Competency code, e.g. "KOM".' }) competency: string,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    return currentLevelLoader(ctx, competency, resolveAsOf(asOf, 'asOf')).load(employee.id);
  }

  @FieldResolver(() => [CompetencyLevelEntry], {
    description: 'Current level in every competency assessed by asOf or required by the current position, by competency code, with the requirement and gap. Competencies required but never assessed have level null.',
  })
  async competencyProfile(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<CompetencyLevelEntry[]> {
    return competencyProfileLoader(ctx, resolveAsOf(asOf, 'asOf')).load(employee.id);
  }

  @FieldResolver(() => Float, { description: 'Lesson hours (JP) of COMPLETED trainings completed in the calendar year.' })
  async developmentHours(
    @Root() employee: Employee,
    @Arg('year', () => Int, { description: 'Calendar year.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return developmentHoursLoader(ctx, checkYear(year, 'year')).load(employee.id);
  }

  @FieldResolver(() => Float, { description: 'Lesson hours still missing in the year against the active policy\'s annual requirement (20 JP by default); 0 when met.' })
  async developmentHoursShortfall(
    @Root() employee: Employee,
    @Arg('year', () => Int, { description: 'Calendar year.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const [hours, policy] = await Promise.all([
      developmentHoursLoader(ctx, checkYear(year, 'year')).load(employee.id),
      activePolicyParameters(ctx),
    ]);
    return Math.max(0, Math.round((policy.annualDevelopmentHours - hours) * 100) / 100);
  }

  @FieldResolver(() => PredicateEnum, { nullable: true, description: 'Predicate of the latest ANNUAL appraisal whose period starts before asOf; null when there is none.' })
  async latestPredicate(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Predicate | null> {
    return latestPredicateLoader(ctx, resolveAsOf(asOf, 'asOf')).load(employee.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: `Age in whole years on asOf, from the birth date in the NIP. ${PERSONAL_DATA_NOTE} (null)` })
  @PersonalData()
  age(
    @Root() employee: Employee,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf: string | null,
  ): number {
    return ageOn(employee.birthDate, resolveAsOf(asOf, 'asOf'));
  }

  @Mutation(() => EmployeePayload, { description: 'Create an employee. The NIP is validated (18 digits, real birth date, gender digit 1 or 2) and must be new.' })
  async createEmployee(@Arg('input', () => EmployeeInput) input: EmployeeInput, @Ctx() ctx: Context): Promise<EmployeePayload> {
    const r = await createEmployee(ctx, input);
    return { employee: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => EmployeePayload, { description: 'Change an employee; omitted fields stay as they are, position null unplaces them.' })
  async updateEmployee(
    @Arg('id', () => ID, { description: 'Employee id.' }) id: string,
    @Arg('input', () => EmployeeInput) input: EmployeeInput,
    @Ctx() ctx: Context,
  ): Promise<EmployeePayload> {
    const r = await updateEmployee(ctx, id, input);
    return { employee: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete an employee together with their assessments, appraisals, participations and evaluations.' })
  async deleteEmployee(@Arg('id', () => ID, { description: 'Employee id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteEmployee(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}

@Resolver(() => CompetencyLevelEntry)
export class CompetencyLevelEntryResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  async competency(@Root() entry: CompetencyLevelEntry, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(entry.competencyId))!;
  }
}

const DEFAULT_UNIT_EMPLOYEES = 50;

@Resolver(() => Unit)
export class UnitEmployeesResolver {
  @FieldResolver(() => [Employee], { description: `Employees belonging directly to this unit (not its subunits), by name; at most \`first\`. Use employees(where: { unitSubtreeOf }) for paging and whole subtrees.` })
  async employees(
    @Root() unit: Unit,
    @Arg('first', () => Int, { defaultValue: DEFAULT_UNIT_EMPLOYEES, description: `How many, 0–${MAX_PAGE_SIZE}; ${DEFAULT_UNIT_EMPLOYEES} by default.` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Employee[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw new GraphQLError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      });
    }
    if (first === 0) return [];
    return unitEmployeesLoader(ctx, first).load(unit.id);
  }
}
