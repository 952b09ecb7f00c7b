import { JPM_CATEGORIES } from '../../domain/enums';
import { JPM_EPSILON } from '../../domain/jpm';
import { DEFAULT_POLICY, type PolicyParameters } from '../../domain/policy';
import { NINE_BOX } from '../../domain/talent';
import { raw, sql, type Sql } from '../../graphql/sql';

/**
 * Every employee's match in their *own* current position (JPM, category,
 * 9-box) as one set-based statement, for `where` conditions and aggregate
 * dimensions over the whole city.
 *
 * The shared matching SQL (matching/matching.sql.ts) scores employees ×
 * positions; for "each employee against their own position" it still joins
 * every level with every requirement of every position in the set, which is
 * tens of millions of rows for 15,000 employees. Here each employee meets
 * only their own standard: one row per (employee, required competency). The
 * formula is the same as the reference (domain/jpm.ts computeJpm) and the
 * matching SQL; the e2e tests hold this against Employee.currentMatch.
 *
 * A `where` compiles synchronously and is used by resolvers that have not
 * loaded the policy, so the thresholds are read from the active policy
 * version inside the statement, defaulted as activePolicy() does.
 */

type NumericKey = 'jpmOptimal' | 'jpmAdequate' | 'annualDevelopmentHours';

/** One numeric parameter of the active policy version, defaulted like activePolicy(). */
export function policyNumberSql(key: NumericKey): Sql {
  const fallback: PolicyParameters[NumericKey] = DEFAULT_POLICY[key];
  return raw(`coalesce((select (pv.parameters->>'${key}')::float8 from policy_version pv where pv.status = 'ACTIVE'), ${Number(fallback)})`);
}

const EPS = raw(String(JPM_EPSILON));
const POTENTIAL_OF_CATEGORY: Record<(typeof JPM_CATEGORIES)[number], keyof typeof NINE_BOX> = {
  OPTIMAL: 'HIGH', CUKUP_OPTIMAL: 'MIDDLE', KURANG_OPTIMAL: 'LOW',
};
/** domain.md §6 from the reference table: row from the category, column from the predicate (SANGAT_BAIK above, BAIK meets, else below). */
const BOX_SQL = raw(`(case ${JPM_CATEGORIES.map((category) => {
  const row = NINE_BOX[POTENTIAL_OF_CATEGORY[category]];
  return `when m.category = '${category}' then (case lp.predicate when 'SANGAT_BAIK' then ${row.ABOVE} when 'BAIK' then ${row.MEETS} else ${row.BELOW} end)`;
}).join(' ')} end)`);

/**
 * Pairs whose latest assessment is after asOf, with their level on asOf from
 * the history: empty in the usual case (asOf today), so one scan of the
 * latest table. Columns employee_id, competency_id, level.
 */
export function lateLevelsSql(asOf: string): Sql {
  return sql`select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_level_latest l2 join competency_assessment a
        on a.employee_id = l2.employee_id and a.competency_id = l2.competency_id and a.assessed_at <= ${asOf}::date
      where l2.assessed_at > ${asOf}::date
      order by a.employee_id, a.competency_id, a.assessed_at desc`;
}

/**
 * The current level (latest assessment on or before asOf) of a row joined
 * `left join competency_level_latest <l>` and `left join (lateLevelsSql) <late>`
 * on the same pair: the trigger-maintained latest row when it is on or before
 * asOf, else the level from the history; null when never assessed by then.
 * Plain hash joins, so 150,000 pairs need no sort and no per-row subquery
 * (whose estimated cost would also switch on PostgreSQL's slow JIT).
 */
export function levelFromLatestSql(l: string, late: string, asOf: string): Sql {
  return sql`(case when ${raw(l)}.assessed_at <= ${asOf}::date then ${raw(l)}.level::float8 else ${raw(late)}.level end)`;
}

/**
 * `select employee_id, jpm, category, box` for the placed employees matching
 * `candidates` (a condition on `employee e`) whose position has a standard.
 * `box` is null without an annual predicate before asOf, as in talentBox().
 */
export function currentMatchesSql(candidates: Sql, asOf: string): Sql {
  return sql`with cm_sum as (
      select x.employee_id, max(x.wt) as wt,
        sum(x.required) filter (where x.technical) as req_t, sum(x.required) filter (where not x.technical) as req_ms,
        sum(x.required) as req_all,
        coalesce(sum(x.level) filter (where x.technical), 0) as ach_t, coalesce(sum(x.level) filter (where not x.technical), 0) as ach_ms
      from (
        select e.id as employee_id, p.technical_weight::float8 as wt, r.level::float8 as required, (c.type = 'TECHNICAL') as technical,
          ${levelFromLatestSql('l', 'late', asOf)} as level
        from employee e join position p on p.id = e.position_id
        join position_requirement r on r.position_id = p.id join competency c on c.id = r.competency_id
        left join competency_level_latest l on l.employee_id = e.id and l.competency_id = r.competency_id
        left join (${lateLevelsSql(asOf)}) late on late.employee_id = e.id and late.competency_id = r.competency_id
        where (${candidates}) and e.position_id is not null
      ) x
      group by x.employee_id
    ),
    cm_jpm as (
      -- Unweighted, or requirements in one group only: the pooled ratio (then that group's ratio), as computeJpm.
      select s.employee_id, least(100, case when s.wt is null or s.req_t is null or s.req_ms is null
          then 100 * (s.ach_t + s.ach_ms) / s.req_all
          else s.wt * 100 * s.ach_t / s.req_t + (1 - s.wt) * 100 * s.ach_ms / s.req_ms end) as jpm
      from cm_sum s
    ),
    thresholds as (select ${policyNumberSql('jpmOptimal')} as optimal, ${policyNumberSql('jpmAdequate')} as adequate),
    m as (
      select j.employee_id, j.jpm,
        (case when j.jpm >= t.optimal - ${EPS} then 'OPTIMAL' when j.jpm >= t.adequate - ${EPS} then 'CUKUP_OPTIMAL' else 'KURANG_OPTIMAL' end) as category
      from cm_jpm j cross join thresholds t
    ),
    lp as (
      select distinct on (pa.employee_id) pa.employee_id, pa.predicate from performance_appraisal pa
      where pa.period = 'ANNUAL' and pa.period_start < ${asOf}::date and pa.employee_id in (select employee_id from m)
      order by pa.employee_id, pa.period_start desc
    )
    select m.employee_id, m.jpm, m.category, (case when lp.predicate is null then null else ${BOX_SQL} end) as box
    from m left join lp on lp.employee_id = m.employee_id`;
}

/**
 * Every employee visible to the request (all of them, not only placed ones)
 * with their current category and box, null where there is none, so
 * conditions on it keep SQL null semantics (isNull, ne) for the unplaced.
 */
export function employeeMatchSetSql(asOf: string): Sql {
  return sql`select e0.id, cm.category, cm.box from employee e0 left join (${currentMatchesSql(raw('true'), asOf)}) cm on cm.employee_id = e0.id`;
}
