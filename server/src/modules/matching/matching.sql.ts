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
    ),
    lvl as (
      select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_assessment a
      where a.assessed_at <= ${o.asOf}::date
        and a.competency_id in (select distinct competency_id from req)
        and a.employee_id in (select id from cand)
      order by a.employee_id, a.competency_id, a.assessed_at desc
    ),
    grp as (
      select c.id as employee_id, q.position_id, q.technical,
        sum(coalesce(l.level, 0)) as achieved, sum(q.required) as required,
        sum(greatest(q.required - coalesce(l.level, 0), 0)) as short_sum,
        max(greatest(q.required - coalesce(l.level, 0), 0)) as short_max,
        count(*) filter (where l.level is null) as missing
      from cand c join req q on ${o.pairing === 'own' ? raw('q.position_id = c.position_id') : raw('true')}
      left join lvl l on l.employee_id = c.id and l.competency_id = q.competency_id
      group by c.id, q.position_id, q.technical
    ),
    score as (
      select g.employee_id, g.position_id,
        case when max(p.wt) is null or count(*) = 1 then 100 * sum(g.achieved) / sum(g.required)
          else max(p.wt) * 100 * sum(g.achieved) filter (where g.technical) / sum(g.required) filter (where g.technical)
             + (1 - max(p.wt)) * 100 * sum(g.achieved) filter (where not g.technical) / sum(g.required) filter (where not g.technical)
        end as raw_jpm,
        sum(g.short_sum) as short_sum, max(g.short_max) as short_max, sum(g.missing)::int as missing
      from grp g join pos p on p.id = g.position_id
      group by g.employee_id, g.position_id
    ),
    appr as (
      select pa.employee_id, ${PREDICATE_ORDINAL('pa.predicate')} as ordinal,
        row_number() over (partition by pa.employee_id order by pa.period_start desc) as rn
      from performance_appraisal pa
      where pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date and pa.employee_id in (select id from cand)
    ),
    perf as (
      select employee_id, count(*)::int as n, min(ordinal) as min_ordinal, max(ordinal) filter (where rn = 1) as latest_ordinal
      from appr where rn <= ${years}::int group by employee_id
    ),
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
      left join perf pf on pf.employee_id = s.employee_id
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
