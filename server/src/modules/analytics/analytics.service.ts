import type { EntityManager } from '@mikro-orm/postgresql';
import { EDUCATIONS, GRADES } from '../../domain/enums';
import { JPM_EPSILON } from '../../domain/jpm';
import { execute } from '../../graphql/list';
import { toGlobalId } from '../../graphql/node';
import { join, raw, sql, type Sql } from '../../graphql/sql';
import { currentMatchesSql, lateLevelsSql, levelFromLatestSql } from '../employee/current-match.sql';
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
 */
export async function aggregateEmployees(em: EntityManager, o: AggregateOptions): Promise<EmployeeAggregateRow[]> {
  const keys = [...new Set(o.groupBy)];
  const needsLevels = keys.includes(EmployeeGroupKey.COMPETENCY) || keys.includes(EmployeeGroupKey.COMPETENCY_TYPE) || !!o.competency;
  const dims: Dimension[] = keys.map((k) => dimension(k));

  const ctes: Sql[] = [sql`base as (select e.* from employee e where ${o.employeeCondition})`];
  const joins: Sql[] = [raw('left join position p on p.id = e.position_id')];
  if (keys.includes(EmployeeGroupKey.UNIT)) {
    if (o.rollUp) {
      ctes.push(raw(`tree(ancestor, descendant) as (select id, id from unit union all select t.ancestor, u.id from tree t join unit u on u.parent_id = t.descendant)`));
      joins.push(raw('join tree on tree.descendant = e.unit_id join unit gu on gu.id = tree.ancestor'));
    } else {
      joins.push(raw('join unit gu on gu.id = e.unit_id'));
    }
  }
  if (needsLevels) {
    ctes.push(sql`cur as (select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_assessment a join base b on b.id = a.employee_id
      where a.assessed_at <= ${o.asOf}::date ${o.competency ? sql`and a.competency_id = (select id from competency where code = ${o.competency})` : raw('')}
      order by a.employee_id, a.competency_id, a.assessed_at desc)`);
    const inner = keys.includes(EmployeeGroupKey.COMPETENCY) || keys.includes(EmployeeGroupKey.COMPETENCY_TYPE);
    joins.push(raw(`${inner ? 'join' : 'left join'} cur on cur.employee_id = e.id left join competency gc on gc.id = cur.competency_id`));
  }
  if (keys.includes(EmployeeGroupKey.PREDICATE)) {
    joins.push(o.year
      ? sql`left join performance_appraisal pa on pa.employee_id = e.id and pa.period = 'ANNUAL' and pa.period_start >= make_date(${o.year}::int, 1, 1) and pa.period_start < make_date(${o.year}::int + 1, 1, 1)`
      : sql`left join lateral (select x.predicate from performance_appraisal x where x.employee_id = e.id and x.period = 'ANNUAL' and x.period_start < ${o.asOf}::date order by x.period_start desc limit 1) pa on true`);
  }

  if (keys.includes(EmployeeGroupKey.JPM_CATEGORY) || keys.includes(EmployeeGroupKey.TALENT_BOX)) {
    joins.push(sql`left join (${currentMatchesSql(raw('e.id in (select id from base)'), o.asOf)}) cm on cm.employee_id = e.id`);
  }

  const select = dims.flatMap((d, i) => [sql`${d.value} as v${raw(String(i))}`, sql`${d.label} as l${raw(String(i))}`, sql`${d.id} as i${raw(String(i))}`]);
  const groupCols = dims.flatMap((_, i) => [raw(`v${i}`), raw(`l${i}`), raw(`i${i}`)]);
  const orderCols = dims.map((d) => d.order);
  const levelMeasures = needsLevels
    ? raw('count(distinct cur.employee_id) as assessed, avg(cur.level) as mean_level, min(cur.level) as min_level, max(cur.level) as max_level')
    : raw('0 as assessed, null::float8 as mean_level, null::float8 as min_level, null::float8 as max_level');
  const query = sql`with recursive ${join(ctes, ', ')}
    select ${join([...select, raw('count(distinct e.id) as headcount'), levelMeasures], ', ')}
    from base e ${join(joins, ' ')}
    ${groupCols.length ? sql`group by ${join(groupCols, ', ')}` : raw('')}
    ${orderCols.length ? sql`order by ${join(orderCols, ', ')}` : raw('')}`;
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
 * as in levelFromLatestSql (the latest table, the history only when needed), so
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
  const top = o.mostRequired != null
    ? sql`and q.competency_id in (select competency_id from req group by competency_id order by count(*) desc, competency_id limit ${o.mostRequired}::int)`
    : raw('');
  const query = sql`with recursive base as (
      select e.id, e.unit_id, e.position_id from employee e where (${o.employeeCondition}) and e.position_id is not null
    ),
    req as (
      select b.id as employee_id, b.unit_id, r.competency_id, r.level::float8 as required,
        ${levelFromLatestSql('l', 'late', o.asOf)} as level
      from base b join position_requirement r on r.position_id = b.position_id ${competencyFilter}
      left join competency_level_latest l on l.employee_id = b.id and l.competency_id = r.competency_id
      left join (${lateLevelsSql(o.asOf)}) late on late.employee_id = b.id and late.competency_id = r.competency_id
    ),
    gap as (
      select q.employee_id, q.unit_id, q.competency_id, q.required, q.level, greatest(q.required - coalesce(q.level, 0), 0) as shortfall
      from req q where true ${top}
    )
    ${o.byUnit ? sql`, tree(ancestor, descendant) as (select id, id from unit ${treeRoots} union all select t.ancestor, u.id from tree t join unit u on u.parent_id = t.descendant)` : raw('')}
    select ${o.byUnit ? raw('gu.id') : raw('null::int')} as unit_id, g.competency_id,
      count(*)::int as holders, count(g.level)::int as assessed, avg(g.shortfall) as mean_shortfall,
      avg(case when g.shortfall > ${raw(String(JPM_EPSILON))} then 1 else 0 end)::float8 as shortfall_share, avg(g.required) as mean_required
    from gap g join competency gc on gc.id = g.competency_id
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
