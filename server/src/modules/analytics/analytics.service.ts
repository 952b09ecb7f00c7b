import type { EntityManager } from '@mikro-orm/postgresql';
import { EDUCATIONS, GRADES } from '../../domain/enums';
import { JPM_EPSILON } from '../../domain/jpm';
import { execute } from '../../graphql/list';
import { toGlobalId } from '../../graphql/node';
import { join, raw, sql, type Sql } from '../../graphql/sql';
import { currentMatchesSql, vectorLevelSql } from '../employee/current-match.sql';
import { EmployeeGroupKey, type EmployeeAggregateRow } from './analytics.types';

export interface AggregateOptions {
  /** Condition on the employee row aliased `e`. */
  employeeCondition: Sql;
  groupBy: EmployeeGroupKey[];
  /** Restrict level measures to this competency (code). */
  competency?: string | null;
  asOf: string;
  /** Year for the PREDICATE dimension; latest before asOf when absent. */
  year?: number | null;
  /** UNIT dimension counts whole subtrees. */
  rollUp: boolean;
}

interface Dimension {
  value: Sql;
  label: Sql;
  id: Sql;
  typeName: string | null;
  order: Sql;
}

const rankOf = (values: readonly string[], column: string): Sql =>
  raw(`array_position(array[${values.map((v) => `'${v}'`).join(', ')}]::text[], ${column}::text)`);

/**
 * One generic, set-based aggregate over employees: any combination of
 * dimensions, always the same measures. A single SQL statement whatever the
 * grouping, so dashboards and the query builder share one shape.
 *
 * Two levels of grouping: per employee unit first (with the other
 * dimensions), then units to their group (the unit itself, or every
 * ancestor with rollUp). Each employee has one unit, so the distinct counts
 * add up across units. Joining the tree after the first grouping multiplies
 * a few hundred rows, not one row per employee; and the planner's guess for
 * the recursive tree (a hundred times its size) no longer scales a
 * city-wide join, whose inflated cost would switch on PostgreSQL's JIT,
 * which spends longer compiling than the statement takes to run.
 */
export async function aggregateEmployees(em: EntityManager, o: AggregateOptions): Promise<EmployeeAggregateRow[]> {
  const keys = [...new Set(o.groupBy)];
  const needsLevels = keys.includes(EmployeeGroupKey.COMPETENCY) || keys.includes(EmployeeGroupKey.COMPETENCY_TYPE) || !!o.competency;
  const dims: Dimension[] = keys.map((k) => dimension(k));
  const unitIndex = keys.indexOf(EmployeeGroupKey.UNIT);

  const joins: Sql[] = [raw('left join position p on p.id = e.position_id')];
  if (needsLevels) {
    const cur = sql`select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_assessment a
      where a.employee_id in (select e.id from employee e where ${o.employeeCondition}) and a.assessed_at <= ${o.asOf}::date
        ${o.competency ? sql`and a.competency_id = (select id from competency where code = ${o.competency})` : raw('')}
      order by a.employee_id, a.competency_id, a.assessed_at desc`;
    const inner = keys.includes(EmployeeGroupKey.COMPETENCY) || keys.includes(EmployeeGroupKey.COMPETENCY_TYPE);
    joins.push(sql`${raw(inner ? 'join' : 'left join')} (${cur}) cur on cur.employee_id = e.id left join competency gc on gc.id = cur.competency_id`);
  }
  if (keys.includes(EmployeeGroupKey.PREDICATE)) {
    joins.push(o.year
      ? sql`left join performance_appraisal pa on pa.employee_id = e.id and pa.period = 'ANNUAL' and pa.period_start >= make_date(${o.year}::int, 1, 1) and pa.period_start < make_date(${o.year}::int + 1, 1, 1)`
      : sql`left join lateral (select x.predicate from performance_appraisal x where x.employee_id = e.id and x.period = 'ANNUAL' and x.period_start < ${o.asOf}::date order by x.period_start desc limit 1) pa on true`);
  }
  if (keys.includes(EmployeeGroupKey.JPM_CATEGORY) || keys.includes(EmployeeGroupKey.TALENT_BOX)) {
    joins.push(sql`left join (${currentMatchesSql(o.employeeCondition, o.asOf)}) cm on cm.employee_id = e.id`);
  }

  const col = (name: string, i: number) => raw(`${name}${i}`);
  // First level: the unit dimension as the employee's unit id; the others final, with their sort key.
  const innerCols = dims.flatMap((d, i) => (i === unitIndex
    ? [sql`e.unit_id as ${col('u', i)}`]
    : [sql`${d.value} as ${col('v', i)}`, sql`${d.label} as ${col('l', i)}`, sql`${d.id} as ${col('i', i)}`, sql`${d.order} as ${col('o', i)}`]));
  const innerGroup = dims.flatMap((_, i) => (i === unitIndex ? [col('u', i)] : [col('v', i), col('l', i), col('i', i), col('o', i)]));
  const levelParts = needsLevels
    ? raw('count(distinct cur.employee_id) as assessed, sum(cur.level) as level_sum, count(cur.level) as level_n, min(cur.level) as min_level, max(cur.level) as max_level')
    : raw('0 as assessed, null::float8 as level_sum, 0 as level_n, null::float8 as min_level, null::float8 as max_level');
  const perUnit = sql`select ${join([...innerCols, raw('count(distinct e.id) as headcount'), levelParts], ', ')}
    from employee e ${join(joins, ' ')}
    where ${o.employeeCondition}
    ${innerGroup.length ? sql`group by ${join(innerGroup, ', ')}` : raw('')}`;

  const outer = (d: Dimension, i: number): Sql[] => (i === unitIndex
    ? [sql`${d.value} as ${col('v', i)}`, sql`${d.label} as ${col('l', i)}`, sql`${d.id} as ${col('i', i)}`]
    : [raw(`g.v${i}`), raw(`g.l${i}`), raw(`g.i${i}`)]);
  const outerGroup = dims.flatMap((d, i) => (i === unitIndex ? [raw('gu.id'), raw('gu.code'), raw('gu.name')] : [col('g.v', i), col('g.l', i), col('g.i', i), col('g.o', i)]));
  const outerOrder = dims.map((d, i) => (i === unitIndex ? d.order : col('g.o', i)));
  const unitJoin = unitIndex < 0 ? raw('')
    : o.rollUp ? raw(`join tree on tree.descendant = g.u${unitIndex} join unit gu on gu.id = tree.ancestor`)
    : raw(`join unit gu on gu.id = g.u${unitIndex}`);
  const tree = unitIndex >= 0 && o.rollUp
    ? raw('with recursive tree(ancestor, descendant) as (select id, id from unit union all select t.ancestor, u.id from tree t join unit u on u.parent_id = t.descendant) ')
    : raw('');
  const query = sql`${tree}select ${join([...dims.flatMap(outer), raw(`sum(g.headcount) as headcount, sum(g.assessed) as assessed,
      sum(g.level_sum) / nullif(sum(g.level_n), 0) as mean_level, min(g.min_level) as min_level, max(g.max_level) as max_level`)], ', ')}
    from (${perUnit}) g ${unitJoin}
    ${outerGroup.length ? sql`group by ${join(outerGroup, ', ')}` : raw('')}
    ${outerOrder.length ? sql`order by ${join(outerOrder, ', ')}` : raw('')}`;
  const rows = await execute<Record<string, unknown>>(em, query);
  return rows.map((r) => ({
    group: dims.map((d, i) => ({
      key: keys[i]!,
      value: String(r[`v${i}`]),
      label: (r[`l${i}`] as string | null) ?? null,
      id: d.typeName && r[`i${i}`] !== null ? toGlobalId(d.typeName, Number(r[`i${i}`])) : null,
    })),
    headcount: Number(r.headcount),
    assessed: Number(r.assessed),
    meanLevel: r.mean_level === null ? null : Number(r.mean_level),
    minLevel: r.min_level === null ? null : Number(r.min_level),
    maxLevel: r.max_level === null ? null : Number(r.max_level),
  }));
}

function dimension(key: EmployeeGroupKey): Dimension {
  const plain = (column: string, order?: Sql): Dimension => ({ value: raw(column), label: raw('null::text'), id: raw('null::int'), typeName: null, order: order ?? raw(column) });
  switch (key) {
    case EmployeeGroupKey.UNIT: return { value: raw('gu.code'), label: raw('gu.name'), id: raw('gu.id'), typeName: 'Unit', order: raw('gu.code') };
    case EmployeeGroupKey.GRADE: return plain('e.grade', rankOf(GRADES, 'e.grade'));
    case EmployeeGroupKey.EDUCATION: return plain('e.education', rankOf(EDUCATIONS, 'e.education'));
    case EmployeeGroupKey.POSITION_KIND: return plain(`coalesce(p.kind, 'UNPLACED')`);
    case EmployeeGroupKey.STATUS: return plain('e.status');
    case EmployeeGroupKey.GENDER: return plain('e.gender');
    case EmployeeGroupKey.COMPETENCY: return { value: raw('gc.code'), label: raw('gc.name'), id: raw('gc.id'), typeName: 'Competency', order: raw('gc.code') };
    case EmployeeGroupKey.COMPETENCY_TYPE: return plain('gc.type');
    case EmployeeGroupKey.PREDICATE: return plain(`coalesce(pa.predicate, 'NONE')`);
    case EmployeeGroupKey.JPM_CATEGORY: return plain(`coalesce(cm.category, 'NONE')`, rankOf(['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL', 'NONE'], `coalesce(cm.category, 'NONE')`));
    case EmployeeGroupKey.TALENT_BOX: return plain(`coalesce(cm.box::text, 'NONE')`, rankOf(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'NONE'], `coalesce(cm.box::text, 'NONE')`));
  }
}

export interface ShortfallOptions {
  /** Condition on the employee row aliased `e`. */
  employeeCondition: Sql;
  asOf: string;
  /** Rows per unit, each unit counting its whole subtree. */
  byUnit: boolean;
  /** With byUnit: only these units (codes). */
  units?: readonly string[] | null;
  /** Only these competencies (codes). */
  competencies?: readonly string[] | null;
  /** Only the N competencies required of the most employees (after the filters above). */
  mostRequired?: number | null;
}

export interface ShortfallRow {
  unitId: number | null;
  competencyId: number;
  holders: number;
  assessed: number;
  meanShortfall: number;
  shortfallShare: number;
  meanRequired: number;
}

/**
 * Mean shortfall per (unit ×) competency in one statement; current levels
 * from the level vectors (vectorLevelSql, the history only when needed), so
 * the whole city is a few hash joins rather than a sort of every assessment.
 */
export async function competencyShortfalls(em: EntityManager, o: ShortfallOptions): Promise<ShortfallRow[]> {
  const codes = (list: readonly string[]) => join(list.map((c) => sql`${c}`), ', ');
  const competencyFilter = o.competencies
    ? (o.competencies.length ? sql`and r.competency_id in (select id from competency where code in (${codes(o.competencies)}))` : raw('and false'))
    : raw('');
  // The tree is grown from the requested units only: every employee row then joins its few requested ancestors, not all of them.
  const treeRoots = o.units
    ? (o.units.length ? sql`where code in (${codes(o.units)})` : raw('where false'))
    : raw('');
  // Employees per required competency from holders per position: 2,400 positions, not a row per employee.
  const top = o.mostRequired != null
    ? sql`and r.competency_id in (select r.competency_id
        from (select position_id, count(*) as n from base group by position_id) h join position_requirement r on r.position_id = h.position_id ${competencyFilter}
        group by r.competency_id order by sum(h.n) desc, r.competency_id limit ${o.mostRequired}::int)`
    : raw('');
  const eps = raw(String(JPM_EPSILON));
  const query = sql`with recursive base as (
      select e.id, e.unit_id, e.position_id from employee e where (${o.employeeCondition}) and e.position_id is not null
    ),
    gap as (
      select b.unit_id, r.competency_id, r.level::float8 as required, l.level, greatest(r.level::float8 - coalesce(l.level, 0), 0) as shortfall
      from base b join position_requirement r on r.position_id = b.position_id ${competencyFilter} ${top}
      left join competency_level_vector v on v.employee_id = b.id
      cross join lateral (select ${vectorLevelSql('v', 'b.id', 'r.competency_id', o.asOf)} as level) l
    ),
    -- Sums per (unit, competency) first: the tree then multiplies a few thousand rows, not one per holder.
    per_unit as (
      select g.unit_id, g.competency_id, count(*) as holders, count(g.level) as assessed, sum(g.shortfall) as shortfall,
        count(*) filter (where g.shortfall > ${eps}) as short, sum(g.required) as required
      from gap g group by g.unit_id, g.competency_id
    )
    ${o.byUnit ? sql`, tree(ancestor, descendant) as (select id, id from unit ${treeRoots} union all select t.ancestor, u.id from tree t join unit u on u.parent_id = t.descendant)` : raw('')}
    select ${o.byUnit ? raw('gu.id') : raw('null::int')} as unit_id, g.competency_id,
      sum(g.holders)::int as holders, sum(g.assessed)::int as assessed, sum(g.shortfall) / sum(g.holders) as mean_shortfall,
      sum(g.short)::float8 / sum(g.holders) as shortfall_share, sum(g.required) / sum(g.holders) as mean_required
    from per_unit g join competency gc on gc.id = g.competency_id
    ${o.byUnit ? raw('join tree on tree.descendant = g.unit_id join unit gu on gu.id = tree.ancestor') : raw('')}
    group by ${o.byUnit ? raw('gu.id, gu.code, ') : raw('')}g.competency_id, gc.code
    order by ${o.byUnit ? raw('gu.code, ') : raw('')}gc.code`;
  const rows = await execute<Record<string, unknown>>(em, query);
  return rows.map((r) => ({
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    competencyId: Number(r.competency_id),
    holders: Number(r.holders),
    assessed: Number(r.assessed),
    meanShortfall: Number(r.mean_shortfall),
    shortfallShare: Number(r.shortfall_share),
    meanRequired: Number(r.mean_required),
  }));
}
