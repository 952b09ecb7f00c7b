import { EDUCATION_RANK, EDUCATIONS, GRADES, JPM_CATEGORIES, PREDICATES } from '../../domain/enums';
import type { PolicyParameters } from '../../domain/policy';
import { JPM_EPSILON } from '../../domain/jpm';
import { raw, sql, type Sql } from '../../graphql/sql';

/**
 * Set-based Job Person Match (domain.md §4) for many (employee, position)
 * pairs in one statement. The same builder serves a position's candidate
 * list (one position × many employees), an employee's best positions (one
 * employee × many positions) and the assignment plan (many × many). The
 * TypeScript reference in domain/jpm.ts and domain/eligibility.ts defines the
 * same numbers; property tests hold the two together.
 *
 * Per pair it yields: raw_jpm (uncapped), jpm, category, total and largest
 * shortfall, missing count, the eligibility flags and the latest annual
 * predicate ordinal used by the ranking.
 */
export interface MatchSqlOptions {
  /** Set of position ids, e.g. sql`select ${id}` or sql`select id from position where …`. */
  positions: Sql;
  /** Condition on the candidate employee row aliased `e`. */
  candidates: Sql;
  asOf: string;
  policy: Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate' | 'minPredicate' | 'performanceYears'>;
  /** 'cross': every candidate against every position; 'own': each candidate against their current position only. */
  pairing?: 'cross' | 'own';
  /**
   * Drop, before any level is read, employees that fail the static rules
   * (grade, education, age) for every position in the set. Only for callers
   * that list eligible candidates anyway; the `eligible` flag is still
   * computed per pair.
   */
  prefilterEligible?: boolean;
}

const GRADE_ARRAY = raw(`array[${GRADES.map((g) => `'${g}'`).join(', ')}]::text[]`);
const EDUCATION_RANK_SQL = (column: string): Sql =>
  raw(`(case ${column} ${EDUCATIONS.map((e) => `when '${e}' then ${EDUCATION_RANK[e]}`).join(' ')} end)`);
const PREDICATE_ORDINAL = (column: string): Sql =>
  raw(`(case ${column} ${PREDICATES.map((p, i) => `when '${p}' then ${i + 1}`).join(' ')} end)`);

/** Category of an unrounded JPM, from the policy's thresholds. */
export function categorySql(jpm: Sql, policy: Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate'>): Sql {
  // Same tolerance as the reference: a sum that is 90 % on paper may be 89.99999999999999 in binary floating point.
  return sql`(case when ${jpm} >= ${policy.jpmOptimal - JPM_EPSILON}::float8 then 'OPTIMAL' when ${jpm} >= ${policy.jpmAdequate - JPM_EPSILON}::float8 then 'CUKUP_OPTIMAL' else 'KURANG_OPTIMAL' end)`;
}

/** Rank of a category for comparisons (KURANG_OPTIMAL 1 … OPTIMAL 3). */
export function categoryRankSql(category: Sql): Sql {
  return sql`array_position(${raw(`array[${JPM_CATEGORIES.map((c) => `'${c}'`).join(', ')}]::text[]`)}, ${category})`;
}

/**
 * CTEs `pairs` (one row per employee × position with a standard) ending in a
 * relation named `matched` with columns: employee_id, position_id, nip,
 * raw_jpm, jpm, category, category_rank, short_sum, short_max, missing,
 * grade_ok, education_ok, age_ok, perf_count, perf_ok, latest_ordinal,
 * eligible. Callers select from `matched`.
 */
export function matchCtes(o: MatchSqlOptions): Sql {
  const minOrdinal = PREDICATES.indexOf(o.policy.minPredicate) + 1;
  const years = o.policy.performanceYears;
  return sql`pos as (
      select p.id, p.technical_weight::float8 as wt, p.min_grade, p.min_education, p.max_age
      from position p where p.id in (${o.positions})
    ),
    req as (
      select r.position_id, r.competency_id, r.level::float8 as required, (c.type = 'TECHNICAL') as technical
      from position_requirement r join competency c on c.id = r.competency_id
      where r.position_id in (select id from pos)
    ),
    cand as (
      select e.id, e.nip, e.grade, e.education, e.birth_date, e.position_id from employee e where ${o.candidates}
      ${o.prefilterEligible ? sql`and exists (select 1 from pos p where
        (p.min_grade is null or array_position(${GRADE_ARRAY}, e.grade::text) >= array_position(${GRADE_ARRAY}, p.min_grade::text))
        and (p.min_education is null or ${EDUCATION_RANK_SQL('e.education')} >= ${EDUCATION_RANK_SQL('p.min_education')})
        and (p.max_age is null or extract(year from age(${o.asOf}::date, e.birth_date)) <= p.max_age))` : raw('')}
    ),
    -- Current level per (candidate, required competency): from the
    -- trigger-maintained latest table when its row is on or before asOf (the
    -- usual case), from the history only for pairs assessed again after asOf.
    lvl as materialized (
      select l.employee_id, l.competency_id, l.level::float8 as level
      from cand c cross join (select distinct competency_id from req) q
      join competency_level_latest l on l.employee_id = c.id and l.competency_id = q.competency_id
      where l.assessed_at <= ${o.asOf}::date
      union all
      (select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_level_latest l join cand c on c.id = l.employee_id
      join competency_assessment a on a.employee_id = l.employee_id and a.competency_id = l.competency_id and a.assessed_at <= ${o.asOf}::date
      where l.competency_id in (select competency_id from req) and l.assessed_at > ${o.asOf}::date
      order by a.employee_id, a.competency_id, a.assessed_at desc)
    ),
    -- Sums over the assessed competencies only: never-assessed ones add 0 to
    -- "achieved" and their full level to the shortfall (via req_all below).
    agg as (
      select l.employee_id, q.position_id,
        sum(l.level) filter (where q.technical) as ach_t,
        sum(l.level) filter (where not q.technical) as ach_ms,
        sum(greatest(q.required - l.level, 0) - q.required) as short_adj,
        max(greatest(q.required - l.level, 0)) as short_max_assessed,
        array_agg(l.competency_id) as assessed_ids,
        count(*)::int as assessed
      from lvl l join req q on q.competency_id = l.competency_id
      group by l.employee_id, q.position_id
    ),
    preq as (
      select q.position_id, max(p.wt) as wt, count(*)::int as n,
        sum(q.required) filter (where q.technical) as req_t,
        sum(q.required) filter (where not q.technical) as req_ms,
        sum(q.required) as req_all,
        array_agg(q.competency_id) as req_ids, array_agg(q.required) as req_levels
      from req q join pos p on p.id = q.position_id
      group by q.position_id
    ),
    score as (
      select c.id as employee_id, pr.position_id,
        -- One group only (or no weight): the pooled ratio, which is then that group's ratio.
        case when pr.wt is null or pr.req_t is null or pr.req_ms is null
          then 100 * (coalesce(a.ach_t, 0) + coalesce(a.ach_ms, 0)) / pr.req_all
          else pr.wt * 100 * coalesce(a.ach_t, 0) / pr.req_t + (1 - pr.wt) * 100 * coalesce(a.ach_ms, 0) / pr.req_ms
        end as raw_jpm,
        pr.req_all + coalesce(a.short_adj, 0) as short_sum,
        -- Largest shortfall: over the assessed competencies, or a never-assessed one's full required level.
        greatest(coalesce(a.short_max_assessed, 0), coalesce((
          select max(u.required) from unnest(pr.req_ids, pr.req_levels) as u(competency_id, required)
          where a.assessed_ids is null or u.competency_id <> all(a.assessed_ids)), 0)) as short_max,
        pr.n - coalesce(a.assessed, 0) as missing
      from cand c
      join preq pr on ${o.pairing === 'own' ? raw('pr.position_id = c.position_id') : raw('true')}
      left join agg a on a.employee_id = c.id and a.position_id = pr.position_id
    ),
    -- The performance rule and the latest predicate are looked up by index
    -- only for pairs that survive the category filter, which the planner
    -- pushes down into "score".
    matched as (
      select s.employee_id, s.position_id, c.nip, s.raw_jpm, least(100, s.raw_jpm) as jpm,
        ${categorySql(raw('least(100, s.raw_jpm)'), o.policy)} as category,
        s.short_sum, s.short_max, s.missing,
        (p.min_grade is null or array_position(${GRADE_ARRAY}, c.grade::text) >= array_position(${GRADE_ARRAY}, p.min_grade::text)) as grade_ok,
        (p.min_education is null or ${EDUCATION_RANK_SQL('c.education')} >= ${EDUCATION_RANK_SQL('p.min_education')}) as education_ok,
        (p.max_age is null or extract(year from age(${o.asOf}::date, c.birth_date)) <= p.max_age) as age_ok,
        coalesce(pf.n, 0) as perf_count,
        (pf.min_ordinal is null or pf.min_ordinal >= ${minOrdinal}::int) as perf_ok,
        pf.latest_ordinal
      from score s
      join cand c on c.id = s.employee_id
      join pos p on p.id = s.position_id
      left join lateral (
        -- The latest predicate ranks candidates whatever performanceYears is (with 0 the window is empty but the ranking still needs it).
        select (count(*) filter (where x.rn <= ${years}::int))::int as n,
          min(x.ordinal) filter (where x.rn <= ${years}::int) as min_ordinal,
          max(x.ordinal) filter (where x.rn = 1) as latest_ordinal
        from (
          select ${PREDICATE_ORDINAL('pa.predicate')} as ordinal, row_number() over (order by pa.period_start desc) as rn
          from performance_appraisal pa
          where pa.employee_id = s.employee_id and pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date
          order by pa.period_start desc limit greatest(${years}::int, 1)
        ) x
      ) pf on true
    ),
    ranked as (
      select m.*, ${categoryRankSql(raw('m.category'))} as category_rank,
        (m.grade_ok and m.education_ok and m.age_ok and m.perf_count >= ${years}::int and m.perf_ok) as eligible
      from matched m
    )`;
}

/** The ranking of domain.md §4: JPM desc, latest predicate desc, total shortfall asc, largest shortfall asc, NIP asc. */
// Rounded to 9 decimals so values equal on paper tie, as in the reference's tolerance.
export const RANK_ORDER = raw('round(jpm::numeric, 9) desc, coalesce(latest_ordinal, 0) desc, round(short_sum::numeric, 9) asc, round(short_max::numeric, 9) asc, nip asc');
