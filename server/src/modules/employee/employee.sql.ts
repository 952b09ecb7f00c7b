import { GraphQLError } from 'graphql';
import { isIsoDate } from '../../graphql/mutation';
import { join, raw, sql, type Sql } from '../../graphql/sql';
import { scalarConditions } from '../../graphql/filters';

/**
 * SQL building blocks shared by the employee `where` compiler and the
 * batched derived fields, so a filter and the field it filters on can never
 * disagree about what "current level" or "development hours" means.
 */

function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName: argument } });
}

/** Today's date where the data lives (Medan, WIB), so "as of today" does not flip at 07:00 local time. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** An `asOf` argument: a real YYYY-MM-DD date, today when omitted. */
export function resolveAsOf(value: string | null | undefined, argument: string): string {
  if (value === null || value === undefined) return todayIso();
  if (!isIsoDate(value)) throw badInput(`Argument "${argument}" must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}.`, argument);
  return value;
}

/** A calendar year argument. */
export function checkYear(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2999) {
    throw badInput(`Argument "${argument}" must be a year between 1900 and 2999, got ${value}.`, argument);
  }
  return value;
}

/**
 * DateFilter operators on a date column. Values are checked first: an
 * impossible date would otherwise surface as a database error (a 500)
 * instead of a message naming the argument.
 */
export function dateConditions(column: Sql, ops: Record<string, unknown>, argument: string): Sql[] {
  const cast: Record<string, unknown> = {};
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined || value === null) continue;
    if (op !== 'isNull' && (typeof value !== 'string' || !isIsoDate(value))) {
      throw badInput(`Filter "${argument}.${op}" must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}.`, argument);
    }
    cast[op] = value;
  }
  return scalarConditions(column, cast);
}

/** Numeric range operators (lt/lte/gt/gte) on an expression. */
export function rangeConditions(column: Sql, ops: { lt?: number | null; lte?: number | null; gt?: number | null; gte?: number | null }): Sql[] {
  const out: Sql[] = [];
  if (ops.lt != null) out.push(sql`${column} < ${ops.lt}`);
  if (ops.lte != null) out.push(sql`${column} <= ${ops.lte}`);
  if (ops.gt != null) out.push(sql`${column} > ${ops.gt}`);
  if (ops.gte != null) out.push(sql`${column} >= ${ops.gte}`);
  return out;
}

/** [first day of year, first day of next year) as bound dates. */
function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** Current level: the latest assessment on or before asOf; null when never assessed. */
export function currentLevelSql(employeeId: Sql, competencyCode: string, asOf: string): Sql {
  return sql`(select a.level::float8 from competency_assessment a
    where a.employee_id = ${employeeId} and a.competency_id = (select c.id from competency c where c.code = ${competencyCode})
      and a.assessed_at <= ${asOf}::date
    order by a.assessed_at desc limit 1)`;
}

/** Predicate of the latest ANNUAL appraisal whose period starts before asOf; null when there is none. */
export function latestPredicateSql(employeeId: Sql, asOf: string): Sql {
  return sql`(select pa.predicate from performance_appraisal pa
    where pa.employee_id = ${employeeId} and pa.period = 'ANNUAL' and pa.period_start < ${asOf}::date
    order by pa.period_start desc limit 1)`;
}

/** Σ lesson hours (JP) of COMPLETED participations completed in the year; 0 when none. */
export function developmentHoursSql(employeeId: Sql, year: number): Sql {
  const { from, to } = yearBounds(year);
  return sql`(select coalesce(sum(t.hours), 0)::float8 from training_participation tp join training t on t.id = tp.training_id
    where tp.employee_id = ${employeeId} and tp.status = 'COMPLETED'
      and tp.completed_at >= ${from}::date and tp.completed_at < ${to}::date)`;
}

/** Batched forms of the expressions above: one row per employee in `ids` that has a value. */
export function currentLevelsSql(ids: Sql, competencyCode: string, asOf: string): Sql {
  return sql`select distinct on (a.employee_id) a.employee_id, a.level::float8 as level
    from competency_assessment a
    where a.employee_id in (${ids}) and a.competency_id = (select c.id from competency c where c.code = ${competencyCode})
      and a.assessed_at <= ${asOf}::date
    order by a.employee_id, a.assessed_at desc`;
}

export function latestPredicatesSql(ids: Sql, asOf: string): Sql {
  return sql`select distinct on (pa.employee_id) pa.employee_id, pa.predicate
    from performance_appraisal pa
    where pa.employee_id in (${ids}) and pa.period = 'ANNUAL' and pa.period_start < ${asOf}::date
    order by pa.employee_id, pa.period_start desc`;
}

export function developmentHoursByEmployeeSql(ids: Sql, year: number): Sql {
  const { from, to } = yearBounds(year);
  return sql`select tp.employee_id, sum(t.hours)::float8 as hours
    from training_participation tp join training t on t.id = tp.training_id
    where tp.employee_id in (${ids}) and tp.status = 'COMPLETED'
      and tp.completed_at >= ${from}::date and tp.completed_at < ${to}::date
    group by tp.employee_id`;
}

/**
 * Competency profile rows: for each employee, every competency assessed on
 * or before asOf (its current level) or required by the current position,
 * with the requirement where there is one. Ordered by competency code.
 */
export function competencyProfilesSql(ids: Sql, asOf: string): Sql {
  return sql`with emp as (select e.id, e.position_id from employee e where e.id in (${ids})),
    cur as (
      select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level, a.assessed_at
      from competency_assessment a
      where a.employee_id in (select id from emp) and a.assessed_at <= ${asOf}::date
      order by a.employee_id, a.competency_id, a.assessed_at desc
    ),
    req as (
      select emp.id as employee_id, r.competency_id, r.level as required
      from emp join position_requirement r on r.position_id = emp.position_id
    )
    select coalesce(cur.employee_id, req.employee_id) as employee_id, c.id as competency_id,
      cur.level, cur.assessed_at, req.required
    from cur full join req on req.employee_id = cur.employee_id and req.competency_id = cur.competency_id
    join competency c on c.id = coalesce(cur.competency_id, req.competency_id)
    order by 1, c.code`;
}

/** The comma-separated bound ids for `in (…)`; `null` (matching nothing) when empty. */
export function idList(ids: readonly number[]): Sql {
  if (ids.length === 0) return raw('null');
  return join(ids.map((id) => sql`${id}`), ', ');
}
