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
 * The current level (latest assessment on or before asOf) of competency
 * `competencyId` for the employee whose competency_level_vector row is
 * joined as `v`; null when never assessed by then (levels are 1–5, so the
 * vector's 0 for "no longer assessed" is null too). The vector answers by
 * indexing one array per employee, so a whole city of (holder × required
 * competency) rows is one hash join on 15,000 vectors rather than on
 * 160,000 latest-level rows. Only an employee assessed after asOf reads the
 * history (competency_level_on), and then for each of their competencies.
 */
export function vectorLevelSql(v: string, employeeId: string, competencyId: string, asOf: string): Sql {
  return sql`(case when ${raw(v)}.assessed_max > ${asOf}::date then competency_level_on(${raw(employeeId)}, ${raw(competencyId)}, ${asOf}::date)
    else nullif(${raw(v)}.levels[${raw(competencyId)}], 0) end)`;
}

/**
 * `select employee_id, jpm, category, box` for the placed employees matching
 * `candidates` (a condition on `employee e`) whose position has a standard.
 * `box` is null without an annual predicate before asOf, as in talentBox().
 * Callers that read only the category pay nothing for the box: the
 * predicate join is unique per employee, so the planner drops it.
 */
export function currentMatchesSql(candidates: Sql, asOf: string): Sql {
  const level = vectorLevelSql('v', 'e.id', 'r.competency_id', asOf);
  return sql`with cm_sum as (
      select e.id as employee_id, e.position_id,
        sum(r.level::float8) filter (where c.type = 'TECHNICAL') as req_t, sum(r.level::float8) filter (where c.type <> 'TECHNICAL') as req_ms,
        sum(r.level::float8) as req_all,
        coalesce(sum(${level}) filter (where c.type = 'TECHNICAL'), 0) as ach_t,
        coalesce(sum(${level}) filter (where c.type <> 'TECHNICAL'), 0) as ach_ms
      from employee e join position_requirement r on r.position_id = e.position_id join competency c on c.id = r.competency_id
      left join competency_level_vector v on v.employee_id = e.id
      where (${candidates}) and e.position_id is not null
      group by e.id
    ),
    cm_jpm as (
      -- Unweighted, or requirements in one group only: the pooled ratio (then that group's ratio), as computeJpm.
      select s.employee_id, least(100, case when p.technical_weight is null or s.req_t is null or s.req_ms is null
          then 100 * (s.ach_t + s.ach_ms) / s.req_all
          else p.technical_weight::float8 * 100 * s.ach_t / s.req_t + (1 - p.technical_weight::float8) * 100 * s.ach_ms / s.req_ms end) as jpm
      from cm_sum s join position p on p.id = s.position_id
    ),
    thresholds as (select ${policyNumberSql('jpmOptimal')} as optimal, ${policyNumberSql('jpmAdequate')} as adequate),
    m as (
      select j.employee_id, j.jpm,
        (case when j.jpm >= t.optimal - ${EPS} then 'OPTIMAL' when j.jpm >= t.adequate - ${EPS} then 'CUKUP_OPTIMAL' else 'KURANG_OPTIMAL' end) as category
      from cm_jpm j cross join thresholds t
    ),
    -- In the order of the partial index (employee, period_start desc): a scan without a sort.
    lp as (
      select distinct on (pa.employee_id) pa.employee_id, pa.predicate from performance_appraisal pa
      where pa.period = 'ANNUAL' and pa.period_start < ${asOf}::date
      order by pa.employee_id, pa.period_start desc
    )
    select m.employee_id, m.jpm, m.category, (case when lp.predicate is null then null else ${BOX_SQL} end) as box
    from m left join lp on lp.employee_id = m.employee_id`;
}
