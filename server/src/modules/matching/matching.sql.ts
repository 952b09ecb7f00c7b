import { EDUCATION_RANK, EDUCATIONS, GRADES, JPM_CATEGORIES, PREDICATES, type JpmCategory } from '../../domain/enums';
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
   * Drop, before any level is read, pairs that fail the static rules
   * (grade, education, age). Only for callers that list eligible candidates
   * anyway.
   */
  prefilterEligible?: boolean;
  /**
   * Drop pairs below this category before the performance rule is looked
   * up. Only for callers that list this category or better anyway.
   */
  minCategory?: JpmCategory;
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
 * CTEs (`pos`, `cand`, … one row per employee × position with a standard)
 * ending in a relation named `ranked` with columns: employee_id,
 * position_id, nip, raw_jpm, jpm, category, category_rank, short_sum,
 * short_max, missing, grade_ok, education_ok, age_ok, perf_count, perf_ok,
 * latest_ordinal, eligible. Callers select from `ranked`.
 */
export function matchCtes(o: MatchSqlOptions): Sql {
  const minOrdinal = PREDICATES.indexOf(o.policy.minPredicate) + 1;
  const years = o.policy.performanceYears;
  // The static rules as integer and date comparisons, evaluated per candidate
  // and position: ranks of grade and education, and the earliest birth date
  // still within the maximum age (born after asOf minus maxAge + 1 years,
  // which is ageOn's birthday rule, 29 February included).
  return sql`pos as (
      select p.id, p.technical_weight::float8 as wt,
        array_position(${GRADE_ARRAY}, p.min_grade::text) as min_grade_rank,
        ${EDUCATION_RANK_SQL('p.min_education')} as min_education_rank,
        (${o.asOf}::date - make_interval(years => p.max_age + 1))::date as born_after
      from position p where p.id in (${o.positions})
    ),
    -- One row per position with a standard, its requirements as parallel arrays.
    preq as (
      select r.position_id, p.wt, p.min_grade_rank, p.min_education_rank, p.born_after, count(*)::int as n,
        sum(r.level::float8) filter (where c.type = 'TECHNICAL') as req_t,
        sum(r.level::float8) filter (where c.type <> 'TECHNICAL') as req_ms,
        sum(r.level::float8) as req_all,
        array_agg(r.competency_id order by r.competency_id) as req_ids,
        array_agg(r.level::float8 order by r.competency_id) as req_levels,
        array_agg(c.type = 'TECHNICAL' order by r.competency_id) as req_technical
      from position_requirement r join competency c on c.id = r.competency_id join pos p on p.id = r.position_id
      group by r.position_id, p.wt, p.min_grade_rank, p.min_education_rank, p.born_after
    ),
    cand as (
      select c.* from (
        select e.id, e.nip, e.position_id, e.birth_date, v.levels, v.assessed_max,
          array_position(${GRADE_ARRAY}, e.grade::text) as grade_rank, ${EDUCATION_RANK_SQL('e.education')} as education_rank
        from employee e left join competency_level_vector v on v.employee_id = e.id where ${o.candidates}
        -- A fence: planned alone, the pool is estimated at its real size and
        -- joins its vectors in one hash join, not one index probe per employee.
        offset 0
      ) c
      ${o.prefilterEligible ? raw(`where exists (select 1 from pos p where (p.min_grade_rank is null or c.grade_rank >= p.min_grade_rank)
        and (p.min_education_rank is null or c.education_rank >= p.min_education_rank) and (p.born_after is null or c.birth_date > p.born_after))`) : raw('')}
    ),
    -- Per pair, one pass over the position's requirements reading the
    -- candidate's level vector (current levels indexed by competency id,
    -- 0 or null = never assessed). When the vector holds an assessment made
    -- after asOf, that candidate's levels come from the history instead.
    -- Never-assessed competencies add 0 to "achieved" and their full
    -- required level to the shortfall.
    score as (
      select c.id as employee_id, pr.position_id, c.nip, f.grade_ok, f.education_ok, f.age_ok,
        -- One group only (or no weight): the pooled ratio, which is then that group's ratio.
        case when pr.wt is null or pr.req_t is null or pr.req_ms is null
          then 100 * (coalesce(s.ach_t, 0) + coalesce(s.ach_ms, 0)) / pr.req_all
          else pr.wt * 100 * coalesce(s.ach_t, 0) / pr.req_t + (1 - pr.wt) * 100 * coalesce(s.ach_ms, 0) / pr.req_ms
        end as raw_jpm,
        s.short_sum, s.short_max, pr.n - s.assessed as missing
      from cand c
      join preq pr on ${o.pairing === 'own' ? raw('pr.position_id = c.position_id') : raw('true')}
      cross join lateral (select
        (pr.min_grade_rank is null or c.grade_rank >= pr.min_grade_rank) as grade_ok,
        (pr.min_education_rank is null or c.education_rank >= pr.min_education_rank) as education_ok,
        (pr.born_after is null or c.birth_date > pr.born_after) as age_ok) f
      cross join lateral (
        select sum(x.level) filter (where x.technical) as ach_t,
          sum(x.level) filter (where not x.technical) as ach_ms,
          sum(greatest(x.required - coalesce(x.level, 0), 0)) as short_sum,
          max(greatest(x.required - coalesce(x.level, 0), 0)) as short_max,
          count(x.level)::int as assessed
        from (
          select u.required, u.technical, case when c.assessed_max > ${o.asOf}::date
              then competency_level_on(c.id, u.competency_id, ${o.asOf}::date)
              else nullif(c.levels[u.competency_id], 0) end as level
          from unnest(pr.req_ids, pr.req_levels, pr.req_technical) as u(competency_id, required, technical)
          -- A fence, so each level is read once rather than once per aggregate using it.
          offset 0
        ) x
      ) s
      ${o.prefilterEligible ? raw('where f.grade_ok and f.education_ok and f.age_ok') : raw('')}
    ),
    scored as materialized (
      select s.*, ${categoryRankSql(raw('s.category'))} as category_rank from (
        select s.*, least(100, s.raw_jpm) as jpm, ${categorySql(raw('least(100, s.raw_jpm)'), o.policy)} as category from score s
      ) s
      ${o.minCategory ? sql`where ${categoryRankSql(raw('s.category'))} >= ${categoryRankSql(sql`${o.minCategory}::text`)}` : raw('')}
    ),
    -- Performance rule and latest predicate: once per candidate (not per
    -- pair), and only for candidates with a pair left after the filters.
    perf as materialized (
      select x.employee_id, pf.n, pf.min_ordinal, pf.latest_ordinal
      from (select distinct employee_id from scored) x
      cross join lateral (
        -- The latest predicate ranks candidates whatever performanceYears is (with 0 the window is empty but the ranking still needs it).
        select (count(*) filter (where y.rn <= ${years}::int))::int as n,
          min(y.ordinal) filter (where y.rn <= ${years}::int) as min_ordinal,
          max(y.ordinal) filter (where y.rn = 1) as latest_ordinal
        from (
          select ${PREDICATE_ORDINAL('pa.predicate')} as ordinal, row_number() over (order by pa.period_start desc) as rn
          from performance_appraisal pa
          where pa.employee_id = x.employee_id and pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date
          order by pa.period_start desc limit greatest(${years}::int, 1)
        ) y
      ) pf
    ),
    matched as (
      select s.employee_id, s.position_id, s.nip, s.raw_jpm, s.jpm, s.category, s.category_rank,
        s.short_sum, s.short_max, s.missing, s.grade_ok, s.education_ok, s.age_ok,
        coalesce(pf.n, 0) as perf_count,
        (pf.min_ordinal is null or pf.min_ordinal >= ${minOrdinal}::int) as perf_ok,
        pf.latest_ordinal
      from scored s join perf pf on pf.employee_id = s.employee_id
    ),
    ranked as (
      select m.*,
        (m.grade_ok and m.education_ok and m.age_ok and m.perf_count >= ${years}::int and m.perf_ok) as eligible
      from matched m
    )`;
}

/** The ranking of domain.md §4: JPM desc, latest predicate desc, total shortfall asc, largest shortfall asc, NIP asc. */
// Rounded to 9 decimals so values equal on paper tie, as in the reference's tolerance.
export const RANK_ORDER = raw('round(jpm::numeric, 9) desc, coalesce(latest_ordinal, 0) desc, round(short_sum::numeric, 9) asc, round(short_max::numeric, 9) asc, nip asc');
