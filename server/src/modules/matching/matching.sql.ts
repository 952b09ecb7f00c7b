import { EDUCATION_RANK, EDUCATIONS, GRADES, JPM_CATEGORIES, PREDICATES, type JpmCategory } from '../../domain/enums';
import type { PolicyParameters } from '../../domain/policy';
import { JPM_EPSILON } from '../../domain/jpm';
import { join, raw, sql, type Sql } from '../../graphql/sql';

/**
 * Set-based Job Person Match (domain.md §4) for many (employee, position)
 * pairs in one statement, in two builders giving the same numbers:
 * matchCtes reads the standards inside the statement (arbitrary pairs, an
 * employee's best positions, talent boxes); standardMatchCtes and its
 * variants are written for standards read beforehand (a position's
 * candidate list, the assignment plan), so each pair is a few arithmetic
 * expressions. The TypeScript reference in domain/jpm.ts and
 * domain/eligibility.ts defines the same numbers; property tests hold all
 * of them together.
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
    ${rankedCtes(o)}`;
}

/** One position's standard and static rules, read before scoring so the scoring statement can be written for it. */
export interface PositionStandard {
  positionId: number;
  /** Technical group weight in [0, 1]; null = one pooled ratio. */
  technicalWeight: number | null;
  /** Rank of the minimum grade (1 = I/a), null = no minimum. */
  minGradeRank: number | null;
  /** EDUCATION_RANK of the minimum education, null = no minimum. */
  minEducationRank: number | null;
  maxAge: number | null;
  /** At least one, in competency id order. */
  requirements: { competencyId: number; level: number; technical: boolean }[];
}

export interface StandardRow {
  id: number;
  wt: number | null;
  min_grade_rank: number | null;
  min_education_rank: number | null;
  max_age: number | null;
  requirements: [number, number, boolean][];
}

/** The standards of the positions in `positions` (a set of ids); positions without requirements are left out. */
export function standardsSql(positions: Sql): Sql {
  return sql`select p.id, p.technical_weight::float8 as wt,
      array_position(${GRADE_ARRAY}, p.min_grade::text) as min_grade_rank,
      ${EDUCATION_RANK_SQL('p.min_education')} as min_education_rank, p.max_age,
      json_agg(json_build_array(r.competency_id, r.level, c.type = 'TECHNICAL') order by r.competency_id) as requirements
    from position p join position_requirement r on r.position_id = p.id join competency c on c.id = r.competency_id
    where p.id in (${positions})
    group by p.id`;
}

export function toStandard(row: StandardRow): PositionStandard {
  const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
  return {
    positionId: Number(row.id),
    technicalWeight: num(row.wt),
    minGradeRank: num(row.min_grade_rank),
    minEducationRank: num(row.min_education_rank),
    maxAge: num(row.max_age),
    requirements: row.requirements.map(([competencyId, level, technical]) => ({ competencyId: Number(competencyId), level: Number(level), technical })),
  };
}

/** A float8 constant that reads back as exactly `n` (JavaScript prints the shortest round-trip form). */
function float8(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return `'${String(n)}'::float8`;
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

const textList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * A position's static rules on the employee columns of `alias`: grade and
 * education as lists of the values at or above the minimum (ranks as in
 * the reference), age as the earliest birth date still within the maximum.
 */
function staticRules(s: PositionStandard, asOf: string, alias: string): { grade: Sql; education: Sql; age: Sql } {
  return {
    grade: s.minGradeRank === null ? raw('true') : raw(`${alias}.grade in (${textList(GRADES.slice(Math.max(0, s.minGradeRank - 1)))})`),
    education: s.minEducationRank === null ? raw('true')
      : raw(`${alias}.education in (${textList(EDUCATIONS.filter((e) => EDUCATION_RANK[e] >= s.minEducationRank!))})`),
    // Born after asOf minus maxAge + 1 years: ageOn's birthday rule, 29 February included.
    age: s.maxAge === null ? raw('true') : sql`${raw(alias)}.birth_date > (${asOf}::date - make_interval(years => ${raw(integer(s.maxAge + 1))}))::date`,
  };
}

/** True when the category of `jpm` is `min` or better; categorySql's thresholds. */
function categoryAtLeastSql(jpm: Sql, min: JpmCategory, policy: Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate'>): Sql | null {
  const optimal = sql`${jpm} >= ${policy.jpmOptimal - JPM_EPSILON}::float8`;
  if (min === 'OPTIMAL') return optimal;
  if (min === 'CUKUP_OPTIMAL') return sql`(${optimal} or ${jpm} >= ${policy.jpmAdequate - JPM_EPSILON}::float8)`;
  return null;
}

/**
 * Total and largest shortfall and the missing count of a standard, from the
 * level columns of `alias`. Never-assessed competencies (level 0 or null)
 * add their full required level to the shortfall.
 */
function shortfallSql(s: PositionStandard, alias: string): { sum: string; max: string; missing: string } {
  const level = (r: { competencyId: number }): string => `coalesce(${alias}.l${integer(r.competencyId)}, 0)`;
  const shortfalls = s.requirements.map((r) => `greatest(${float8(r.level)} - ${level(r)}, 0)`);
  return {
    sum: shortfalls.join(' + '),
    max: `greatest(${shortfalls.join(', ')})`,
    missing: s.requirements.map((r) => `(${level(r)} = 0)::int`).join(' + '),
  };
}

/**
 * The scoring of positions that share one standard and static rules, over
 * `cand`, as plain expressions: the required levels are constants and each
 * level a column, so a pair costs a few arithmetic operations instead of an
 * aggregate over the requirements. Sums run in competency id order, as the
 * generic builder's aggregates do, so both give the same floating-point
 * results. Shortfalls are computed only for pairs that reach the minimum
 * category; each candidate is scored once and then paired with every
 * position of the group.
 */
function standardBranch(group: readonly PositionStandard[], o: StandardMatchOptions, prefiltered: boolean): Sql {
  const s = group[0]!;
  const reqs = s.requirements;
  if (reqs.length === 0) throw new RangeError(`position ${s.positionId} has no standard`);
  const level = (r: { competencyId: number }, alias: string): string => `${alias}.l${integer(r.competencyId)}`;
  // A level of 0 or null means never assessed: it adds 0 either way.
  const achieved = (list: typeof reqs): string => (list.length ? `(${list.map((r) => `coalesce(${level(r, 'c')}, 0)`).join(' + ')})` : '0::float8');
  const required = (list: typeof reqs): string => float8(list.reduce((sum, r) => sum + r.level, 0));
  const technical = reqs.filter((r) => r.technical);
  const other = reqs.filter((r) => !r.technical);
  // One group only (or no weight): the pooled ratio, which is then that group's ratio.
  const rawJpm = s.technicalWeight === null || technical.length === 0 || other.length === 0
    ? `100 * (${achieved(technical)} + ${achieved(other)}) / ${required(reqs)}`
    : `${float8(s.technicalWeight)} * 100 * ${achieved(technical)} / ${required(technical)} + (1 - ${float8(s.technicalWeight)}) * 100 * ${achieved(other)} / ${required(other)}`;
  // When `cand` was already filtered on exactly these rules, they hold for every row: text list tests per candidate saved.
  const rules = prefiltered ? { grade: raw('true'), education: raw('true'), age: raw('true') } : staticRules(s, o.asOf, 'c');
  const where = o.prefilterEligible && !prefiltered ? [rules.grade, rules.education, rules.age] : [];
  const reaches = o.minCategory ? categoryAtLeastSql(raw('least(100, b.raw_jpm)'), o.minCategory, o.policy) : null;
  const positions = raw(group.map((p) => `(${integer(p.positionId)})`).join(', '));
  const outer: Sql[] = [];
  if (reaches) outer.push(reaches);
  if (o.excludeHolders) outer.push(raw('b.position_id is distinct from p.position_id'));
  const f = shortfallSql(s, 'b');
  const measures = o.levelsOut
    ? raw(reqs.map((r) => `${level(r, 'b')} as l${integer(r.competencyId)}`).join(', '))
    : raw(`${f.sum} as short_sum, ${f.max} as short_max, ${f.missing} as missing`);
  return sql`select b.id as employee_id, p.position_id, b.nip, b.position_id as from_position_id,
        b.grade_ok, b.education_ok, b.age_ok, b.raw_jpm, ${measures}${o.performanceFirst ? raw(', b.perf_n, b.perf_ok, b.latest_ordinal') : raw('')}
      from (
        select c.*, ${rules.grade} as grade_ok, ${rules.education} as education_ok, ${rules.age} as age_ok, ${raw(rawJpm)} as raw_jpm
        from cand c${where.length ? sql` where ${join(where, ' and ')}` : raw('')}
        -- A fence: raw_jpm is computed once per candidate, not once per use.
        offset 0
      ) b
      cross join (values ${positions}) as p(position_id)${outer.length ? sql` where ${join(outer, ' and ')}` : raw('')}`;
}
export interface StandardMatchOptions extends Omit<MatchSqlOptions, 'positions' | 'pairing'> {
  /** The positions to score, each with its standard (see standardsSql). */
  standards: readonly PositionStandard[];
  /** Leave out each position's current holders. */
  excludeHolders?: boolean;
  /**
   * Look up the performance rule per candidate before scoring and keep only
   * the candidates that pass it; `score` then carries perf_n, perf_ok and
   * latest_ordinal. For callers that list eligible candidates only and
   * score many positions per candidate.
   */
  performanceFirst?: boolean;
  /** `score` carries the level columns (l<competency id>) instead of shortfalls and missing, for one position. */
  levelsOut?: boolean;
}

/** Positions whose standard and static rules are identical score the same; one branch serves them all. */
function groupStandards(standards: readonly PositionStandard[]): PositionStandard[][] {
  const groups = new Map<string, PositionStandard[]>();
  for (const s of standards) {
    const key = JSON.stringify([s.technicalWeight, s.minGradeRank, s.minEducationRank, s.maxAge, s.requirements]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/**
 * `cand` and `score` for a few positions whose standards are known when the
 * statement is written: one branch of plain expressions per distinct
 * standard (see standardBranch) over a pool that reads each candidate's
 * required levels once. `score` has the columns scoredCte expects, plus
 * from_position_id (the candidate's current position).
 */
function standardScoreCtes(o: StandardMatchOptions): Sql {
  const ids = [...new Set(o.standards.flatMap((s) => s.requirements.map((r) => r.competencyId)))].sort((a, b) => a - b);
  const prefilter = o.prefilterEligible && o.standards.length
    ? sql` and (${join(o.standards.map((s) => { const r = staticRules(s, o.asOf, 'e'); return sql`(${r.grade} and ${r.education} and ${r.age})`; }), ' or ')})`
    : raw('');
  // The level vector holds current levels indexed by competency id (0 or
  // null = never assessed). For a candidate assessed after asOf, an array
  // of the same shape holding the required levels as of asOf replaces it;
  // competency_level_on is costed as the cheap call it is (see its
  // migration).
  const levels = raw(ids.length ? ids.map((id) => `c.levels[${integer(id)}] as l${integer(id)}`).join(', ') : 'null::float8 as l0');
  const top = ids.length ? ids[ids.length - 1]! : 0;
  const history = join(Array.from({ length: top }, (_, i) => (ids.includes(i + 1)
    ? sql`competency_level_on(e.id, ${raw(integer(i + 1))}, ${o.asOf}::date)` : raw('null'))), ', ');
  const years = o.policy.performanceYears;
  const groups = groupStandards(o.standards);
  // One group: the prefilter below is that group's static rules, so its branch need not test them again.
  const prefiltered = Boolean(o.prefilterEligible) && groups.length === 1;
  const branches = o.standards.length
    ? join(groups.map((g) => standardBranch(g, o, prefiltered)), '\n      union all\n      ')
    : raw(`select null::int as employee_id, null::int as position_id, null::text as nip, null::int as from_position_id, true as grade_ok, true as education_ok,
        true as age_ok, null::float8 as raw_jpm, null::float8 as short_sum, null::float8 as short_max, null::int as missing${
        o.performanceFirst ? ', null::int as perf_n, null::boolean as perf_ok, null::int as latest_ordinal' : ''} where false`);
  // No array leaves `cand`: with several positions `cand` is materialized,
  // and thousands of level vectors would not fit in work_mem.
  return sql`cand as (
      select c.id, c.nip, c.position_id, c.grade, c.education, c.birth_date,${o.performanceFirst ? raw(' c.perf_n, c.perf_ok, c.latest_ordinal,') : raw('')}
        ${levels}
      from (
        select e.id, e.nip, e.position_id, e.grade, e.education, e.birth_date,${o.performanceFirst ? raw(' pf.n as perf_n, pf.perf_ok, pf.latest_ordinal,') : raw('')}
          case when v.assessed_max > ${o.asOf}::date then ${ids.length ? sql`array[${history}]::float8[]` : raw('null::float8[]')} else v.levels end as levels
        from employee e left join competency_level_vector v on v.employee_id = e.id
        ${o.performanceFirst ? sql`cross join lateral (${perfSql(raw('e.id'), o)}) pf` : raw('')}
        where (${o.candidates})${prefilter}${o.performanceFirst ? sql` and pf.n >= ${years}::int and pf.perf_ok` : raw('')}
        -- A fence: the pool is planned alone (one hash join with the vectors)
        -- and the history is read once per candidate, not once per level.
        offset 0
      ) c
    ),
    score as (
      ${branches}
    )`;
}

/**
 * The eligible pairs an assignment can use: for each position, its best
 * `keep` candidates in RANK_ORDER (ties at the cut-off excluded by
 * row_number, as a list would), with the columns of `ranked` a plan needs
 * and position_rank. Performance is looked up once per candidate before
 * scoring; the exact ranking (numeric rounding, tie-breaks) is computed only
 * for pairs within reach of the top `keep` by JPM.
 */
export function planPairsSql(o: Omit<StandardMatchOptions, 'performanceFirst' | 'prefilterEligible'>, keep: number): Sql {
  const withPerf = { ...o, performanceFirst: true, prefilterEligible: true };
  return sql`with ${standardScoreCtes(withPerf)},
    ${scoredCte({ ...withPerf, minCategory: undefined })},
    -- The JPM of each position's keep-th best pair. A pair more than 1e-6
    -- below it is outranked by at least keep pairs whatever the tie-breaks:
    -- RANK_ORDER rounds JPM to 9 decimals, which can only merge values
    -- closer than that.
    cut as (
      select x.position_id, min(x.jpm) - 1e-6::float8 as floor_jpm from (
        select s.position_id, s.jpm, row_number() over (partition by s.position_id order by s.jpm desc) as n
        from scored s where s.grade_ok and s.education_ok and s.age_ok
      ) x where x.n <= ${keep}::int group by x.position_id
    )
    select * from (
      select s.employee_id, s.position_id, s.from_position_id, s.nip, s.raw_jpm, s.jpm, s.category, true as eligible,
        s.short_sum, s.short_max, s.missing, s.latest_ordinal,
        row_number() over (partition by s.position_id order by ${RANK_ORDER}) as position_rank
      from scored s join cut on cut.position_id = s.position_id
      where s.grade_ok and s.education_ok and s.age_ok and s.jpm >= cut.floor_jpm
    ) best
    where position_rank <= ${keep}::int
    order by position_id, position_rank`;
}

/**
 * The same `ranked` relation as matchCtes (plus from_position_id) for the
 * positions of `standards`. With minCategory, pairs below it are already
 * left out by the branches.
 */
export function standardMatchCtes(o: StandardMatchOptions): Sql {
  return sql`${standardScoreCtes(o)},
    ${rankedCtes({ ...o, minCategory: undefined })}`;
}

/**
 * One page of one position's candidates (columns as ranked, best first).
 * The performance rule is looked up in rank order, only for the rows the
 * page needs: the pairs are sorted by JPM alone, and the latest predicate
 * sorts each run of equal JPM (incremental sort), so a page of 20 reads the
 * appraisals of the candidates tied with it rather than of thousands.
 * Shortfalls, the last tie-breaks, are computed for the rows tied with the
 * page on those two keys.
 */
export function candidatePageSql(o: StandardMatchOptions & { eligibleOnly: boolean }, limit: number, offset: number): Sql {
  if (o.standards.length !== 1) throw new RangeError('a candidate page is for one position');
  const years = o.policy.performanceYears;
  const f = shortfallSql(o.standards[0]!, 't');
  return sql`with ${standardScoreCtes({ ...o, levelsOut: true })}
    select u.employee_id, u.position_id, u.nip, u.raw_jpm, u.jpm, u.category, u.short_sum, u.short_max, u.missing, u.latest_ordinal, u.eligible
    from (
      select t.*, ${categorySql(raw('t.jpm'), o.policy)} as category, ${raw(f.sum)} as short_sum, ${raw(f.max)} as short_max, ${raw(f.missing)} as missing
      from (
        select s.*, pf.latest_ordinal, (s.grade_ok and s.education_ok and s.age_ok and coalesce(pf.n, 0) >= ${years}::int and pf.perf_ok) as eligible
        from (select s.*, least(100, s.raw_jpm) as jpm, ${JPM_KEY('least(100, s.raw_jpm)')} as jpm_key from score s
          ${o.eligibleOnly ? raw('where s.grade_ok and s.education_ok and s.age_ok') : raw('')}
          order by jpm_key desc offset 0) s
        cross join lateral (${perfSql(raw('s.employee_id'), o)}) pf
        ${o.eligibleOnly ? sql`where coalesce(pf.n, 0) >= ${years}::int and pf.perf_ok` : raw('')}
        -- The first two keys of RANK_ORDER, the first as the column the subquery is sorted by.
        order by s.jpm_key desc, coalesce(pf.latest_ordinal, 0) desc
        fetch first (${Math.max(1, offset + limit)}::int) rows with ties
      ) t
    ) u
    -- RANK_ORDER, with the JPM key already computed.
    order by u.jpm_key desc, ${RANK_ORDER_AFTER_JPM} limit ${limit} offset ${offset}`;
}

/** `scored`: `score` with jpm, category and category_rank, from raw_jpm. */
function scoredCte(o: Pick<MatchSqlOptions, 'policy' | 'minCategory'>): Sql {
  return sql`scored as materialized (
      select s.*, ${categoryRankSql(raw('s.category'))} as category_rank from (
        select s.*, least(100, s.raw_jpm) as jpm, ${categorySql(raw('least(100, s.raw_jpm)'), o.policy)} as category from score s
      ) s
      ${o.minCategory ? sql`where ${categoryRankSql(raw('s.category'))} >= ${categoryRankSql(sql`${o.minCategory}::text`)}` : raw('')}
    )`;
}

/**
 * The performance rule and latest predicate of one employee as one row:
 * n (annual appraisals counted, at most performanceYears), perf_ok and
 * latest_ordinal.
 */
function perfSql(employeeId: Sql, o: Pick<MatchSqlOptions, 'asOf' | 'policy'>): Sql {
  const minOrdinal = PREDICATES.indexOf(o.policy.minPredicate) + 1;
  const years = o.policy.performanceYears;
  // The latest ordinals as one array, newest first: cheaper per candidate
  // than a window and an aggregate over the same rows (least ignores the
  // nulls past the array's end, as min ignores absent rows).
  const lowest = years > 0
    ? raw(`coalesce(least(${Array.from({ length: Number(integer(years)) }, (_, i) => `y.a[${i + 1}]`).join(', ')}) >= ${integer(minOrdinal)}, true)`)
    : raw('true');
  // The latest predicate ranks candidates whatever performanceYears is (with 0 the window is empty but the ranking still needs it).
  return sql`select least(cardinality(y.a), ${years}::int)::int as n, ${lowest} as perf_ok, y.a[1] as latest_ordinal
      from (
        select array(
          select ${PREDICATE_ORDINAL('pa.predicate')} from performance_appraisal pa
          where pa.employee_id = ${employeeId} and pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date
          order by pa.period_start desc limit greatest(${years}::int, 1)
        ) as a
        -- A fence: pulled up, the array would be read once per use.
        offset 0
      ) y`;
}

/**
 * The CTEs after scoring, shared by both builders: from `score` (one row
 * per pair with raw_jpm, short_sum, short_max, missing and the static rule
 * flags) to `ranked`.
 */
function rankedCtes(o: Pick<MatchSqlOptions, 'asOf' | 'policy' | 'minCategory'>): Sql {
  const years = o.policy.performanceYears;
  return sql`${scoredCte(o)},
    -- Performance rule and latest predicate: once per candidate (not per
    -- pair), and only for candidates with a pair left after the filters.
    perf as materialized (
      select x.employee_id, pf.n, pf.perf_ok, pf.latest_ordinal
      from (select distinct employee_id from scored) x
      cross join lateral (${perfSql(raw('x.employee_id'), o)}) pf
    ),
    ranked as (
      select s.*, coalesce(pf.n, 0) as perf_count, pf.perf_ok, pf.latest_ordinal,
        (s.grade_ok and s.education_ok and s.age_ok and coalesce(pf.n, 0) >= ${years}::int and pf.perf_ok) as eligible
      from scored s join perf pf on pf.employee_id = s.employee_id
    )`;
}

/**
 * RANK_ORDER's JPM key of a capped JPM (at most 100): round(jpm::numeric, 9),
 * except that the cap itself needs no conversion (float8 to numeric prints
 * the number, about 1 µs, and on a wide position half the pairs are capped).
 */
const JPM_KEY = (jpm: string): Sql => raw(`(case when ${jpm} = 100 then 100::numeric else round((${jpm})::numeric, 9) end)`);

const RANK_ORDER_AFTER_JPM = raw('coalesce(latest_ordinal, 0) desc, round(short_sum::numeric, 9) asc, round(short_max::numeric, 9) asc, nip asc');

/** The ranking of domain.md §4: JPM desc, latest predicate desc, total shortfall asc, largest shortfall asc, NIP asc. */
// Rounded to 9 decimals so values equal on paper tie, as in the reference's tolerance.
export const RANK_ORDER = sql`round(jpm::numeric, 9) desc, ${RANK_ORDER_AFTER_JPM}`;
