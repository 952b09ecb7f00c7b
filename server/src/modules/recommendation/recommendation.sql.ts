import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readConfig } from '../../db/config';
import { withSnapshotLanes, type LaneRunner } from '../../db/snapshot-lanes';
import type { Context } from '../../graphql/context';
import {
  EDUCATION_RANK, EDUCATIONS, GRADES, JPM_CATEGORIES, PREDICATES, type JpmCategory, type Predicate, type StakeholderGroup,
} from '../../domain/enums';
import { talentBox } from '../../domain/talent';
import {
  RULE_EPSILON, SUCCESSION_KINDS, Z95, type RecommendationPolicy, type StakeholderGroupView,
} from '../../domain/recommendation-rules';
import { execute } from '../../graphql/list';
import { raw, sql, type Sql } from '../../graphql/sql';
import { categorySql } from '../matching/matching.sql';
import { vectorLevelSql } from '../employee/current-match.sql';

/**
 * The recommendation rules of domain.md §8 as set-based SQL: one statement
 * per rule (two for the placement rules, which reuse the JPM CTEs of
 * placement matching), over the whole dataset, with the thresholds of the
 * policy passed in. domain/recommendation-rules.ts defines the same rows;
 * recommendation.property.test.ts holds the two together.
 */
export interface RuleOptions {
  asOf: string;
  year: number;
  policy: RecommendationPolicy;
}

const EPS = raw(String(RULE_EPSILON));
const ORDINAL = (column: string): Sql => raw(`(case ${column} ${PREDICATES.map((p, i) => `when '${p}' then ${i + 1}`).join(' ')} end)`);

/**
 * A bound list of ids as one text parameter, so thousands of ids never hit the
 * bind-parameter limit. The planner folds it to a constant array and so knows
 * how many ids there are (a JSON array would be estimated at 100 rows, and the
 * joins planned for 100 candidates run for thousands).
 */
function idSet(ids: readonly number[]): Sql {
  return sql`(select unnest(string_to_array(${ids.join(',')}, ',')::int[]))`;
}

/**
 * Settings for the transaction the rules run in (local to it). The placement
 * rules aggregate a few hundred thousand (employee, standard) rows: with the
 * default 4 MB work_mem the hash aggregates and sorts spill to disk. JIT
 * compilation is off because the planner's row estimates for these CTE chains
 * are far too high, so it compiles for seconds to save milliseconds.
 */
export async function prepareRuleTransaction(em: EntityManager): Promise<void> {
  await execute(em, sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
}

/**
 * Connections the rules of one request may spread over. Lanes read the
 * request's snapshot without its row scope, so only an unscoped request gets
 * more than one.
 */
export function ruleLanes(ctx: Pick<Context, 'unitScope'>): number {
  return ctx.unitScope === null ? readConfig().analyticsLanes : 1;
}

/**
 * Runs rule statements with the rules' transaction settings, spread over
 * `lanes` connections on `em`'s snapshot (db/snapshot-lanes.ts). A side that
 * must see `em`'s own uncommitted writes passes 1.
 */
export async function withRuleLanes<T>(em: EntityManager, lanes: number, work: (run: LaneRunner) => Promise<T>): Promise<T> {
  // The settings are transaction-local and the lanes share a transaction's snapshot: a caller outside a
  // transaction (an unscoped query request has none, see graphql/access-plugin.ts) gets a read-only one.
  // Without it the settings lapsed after their own statement: the succession rule then ran for minutes on PGlite.
  if (!em.isInTransaction()) {
    return em.transactional((tx) => withRuleLanes(tx as EntityManager, lanes, work), { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
  }
  await prepareRuleTransaction(em);
  return withSnapshotLanes(em, { lanes, prepare: prepareRuleTransaction }, work);
}

/**
 * Current level (latest assessment on or before asOf) per (employee,
 * competency) for the given employees (and competencies): from the
 * trigger-kept competency_level_latest when its row is on or before asOf (the
 * usual case), from the history only for pairs assessed again after asOf.
 * Columns employee_id, competency_id, level (numeric, as stored).
 */
function levelsAsOfSql(asOf: string, employees: Sql, competencies?: Sql): Sql {
  const onlyCompetencies = competencies ? sql`and l.competency_id in (${competencies})` : raw('');
  return sql`select l.employee_id, l.competency_id, l.level from competency_level_latest l
      where l.employee_id in (${employees}) ${onlyCompetencies} and l.assessed_at <= ${asOf}::date
      union all
      (select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level
      from competency_level_latest l
      join competency_assessment a on a.employee_id = l.employee_id and a.competency_id = l.competency_id and a.assessed_at <= ${asOf}::date
      where l.employee_id in (${employees}) ${onlyCompetencies} and l.assessed_at > ${asOf}::date
      order by a.employee_id, a.competency_id, a.assessed_at desc)`;
}

// ---------------------------------------------------------------- DEVELOPMENT_HOURS_SHORTFALL

export interface HoursRow { employee_id: number; nip: string; name: string; unit_id: number; hours: number }

export async function hoursShortfallSql(em: EntityManager, o: RuleOptions): Promise<HoursRow[]> {
  const rows = await execute<HoursRow>(em, sql`with hrs as (
      select tp.employee_id, sum(t.hours)::float8 as hours
      from training_participation tp join training t on t.id = tp.training_id
      where tp.status = 'COMPLETED' and tp.completed_at >= ${`${o.year}-01-01`}::date and tp.completed_at < ${`${o.year + 1}-01-01`}::date
      group by tp.employee_id
    )
    select e.id as employee_id, e.nip, e.name, e.unit_id, coalesce(h.hours, 0)::float8 as hours
    from employee e left join hrs h on h.employee_id = e.id
    where e.status = 'PNS' and coalesce(h.hours, 0) < ${o.policy.annualDevelopmentHours}::float8 - ${EPS}
    order by e.id`);
  return rows.map((r) => ({ ...r, employee_id: Number(r.employee_id), unit_id: Number(r.unit_id), hours: Number(r.hours) }));
}

// ---------------------------------------------------------------- UNIT_COMPETENCY_GAP

export interface UnitGapSqlRow {
  unit_id: number; unit_code: string; unit_name: string;
  competency_id: number; competency_code: string; competency_name: string;
  holders: number; mean_shortfall: number; shortfall_rate: number; required: number;
  training_id: number | null; training_code: string | null; training_title: string | null;
}

export async function unitGapSql(em: EntityManager, o: RuleOptions): Promise<UnitGapSqlRow[]> {
  const rows = await execute<UnitGapSqlRow>(em, sql`with lvl as (
      ${levelsAsOfSql(o.asOf, raw('select id from employee where position_id is not null'))}
    ),
    -- In numeric, so the means are exact whatever order the plan adds in (and the ranking of equal means stable).
    per as (
      select p.unit_id, r.competency_id, r.level::numeric as required, greatest(r.level - coalesce(l.level, 0), 0) as shortfall
      from employee e join position p on p.id = e.position_id
      join position_requirement r on r.position_id = p.id
      left join lvl l on l.employee_id = e.id and l.competency_id = r.competency_id
    ),
    agg as (
      select unit_id, competency_id, count(*)::int as holders, avg(shortfall)::float8 as mean_shortfall,
        (count(*) filter (where shortfall > ${EPS}))::float8 / count(*) as shortfall_rate, avg(required)::float8 as required
      from per group by unit_id, competency_id
    )
    select a.unit_id, u.code as unit_code, u.name as unit_name, a.competency_id, c.code as competency_code, c.name as competency_name,
      a.holders, a.mean_shortfall, a.shortfall_rate, a.required, s.id as training_id, s.code as training_code, s.title as training_title
    from agg a join unit u on u.id = a.unit_id join competency c on c.id = a.competency_id
    left join (
      -- Per competency, the most focused training on it (fewest targets), then by code.
      select distinct on (tc.competency_id) tc.competency_id, t.id, t.code, t.title
      from training_competency tc join training t on t.id = tc.training_id
      join (select training_id, count(*) as targets from training_competency group by training_id) k on k.training_id = t.id
      order by tc.competency_id, k.targets, t.code collate "C"
    ) s on s.competency_id = a.competency_id
    where a.holders >= ${o.policy.unitGapMinHolders}::int and a.mean_shortfall >= ${o.policy.unitGapMinMeanShortfall}::float8 - ${EPS}
    order by a.mean_shortfall desc, a.shortfall_rate desc, a.unit_id, a.competency_id`);
  return rows.map((r) => ({
    ...r, unit_id: Number(r.unit_id), competency_id: Number(r.competency_id), holders: Number(r.holders),
    mean_shortfall: Number(r.mean_shortfall), shortfall_rate: Number(r.shortfall_rate), required: Number(r.required),
    training_id: r.training_id === null ? null : Number(r.training_id),
  }));
}

// ---------------------------------------------------------------- TRAINING_INEFFECTIVE

export interface TrainingSqlRow {
  training_id: number; training_code: string; training_title: string; competency_codes: string;
  n: number; dc: number; dp: number; start: string; end: string;
  m: number; cdc: number | null; cdp: number | null; ci_low: number | null; ci_high: number | null;
}

/** Change of one employee over the given targeted competencies between `before` (latest strictly before) and `after` (first strictly after, by asOf). */
function competencyChangeSql(o: Pick<RuleOptions, 'asOf'>, employee: Sql, competency: Sql, before: Sql, after: Sql): Sql {
  return sql`cross join lateral (select a.level::float8 as level from competency_assessment a
      where a.employee_id = ${employee} and a.competency_id = ${competency} and a.assessed_at < ${before}
      order by a.assessed_at desc limit 1) pre
    cross join lateral (select a.level::float8 as level from competency_assessment a
      where a.employee_id = ${employee} and a.competency_id = ${competency} and a.assessed_at > ${after} and a.assessed_at <= ${o.asOf}::date
      order by a.assessed_at asc limit 1) post`;
}

function predicateChangeSql(o: Pick<RuleOptions, 'asOf'>, employee: Sql, before: Sql, after: Sql): Sql {
  return sql`cross join lateral (select ${ORDINAL('pa.predicate')} as ordinal from performance_appraisal pa
      where pa.employee_id = ${employee} and pa.period = 'ANNUAL' and pa.period_start < ${before}
      order by pa.period_start desc limit 1) ppre
    cross join lateral (select ${ORDINAL('pa.predicate')} as ordinal from performance_appraisal pa
      where pa.employee_id = ${employee} and pa.period = 'ANNUAL' and pa.period_start > ${after} and pa.period_start < ${o.asOf}::date
      order by pa.period_start asc limit 1) ppost`;
}

/**
 * Which trainings the effect CTEs measure: those in `trainings` (every one
 * when omitted), and with `judge` only those the TRAINING_INEFFECTIVE rule
 * judges (n ≥ trainingMinCompletions) and flags under that policy.
 */
export interface TrainingEffectScope {
  asOf: string;
  trainings?: readonly number[];
  judge?: RecommendationPolicy;
}

/**
 * The training effect of domain.md §8 (before/after of the participants,
 * comparison group, difference-in-differences with its 95 % interval) as a
 * CTE chain, shared by the TRAINING_INEFFECTIVE rule and Training.impact.
 * Relations for the caller:
 * - `cpairs(pid, competency_id, before, after)`: a counted completion's levels per targeted competency,
 * - `comp(pid, training_id, …)`: the completions, to map pid to the training,
 * - `effect(training_id, n, dc, dp, s, e, m, cdc, cdp, ci_low, ci_high)`: one row per measured training.
 */
export function trainingEffectCtes(o: TrainingEffectScope): Sql {
  const p = o.judge;
  return sql`comp as (
      select tp.id as pid, tp.training_id, tp.employee_id, tp.started_at, tp.completed_at
      from training_participation tp
      where tp.status = 'COMPLETED' and tp.completed_at is not null and tp.completed_at <= ${o.asOf}::date
      ${o.trainings ? sql`and tp.training_id in ${idSet(o.trainings)}` : raw('')}
    ),
    -- The predicate change first: most recent completions have no annual appraisal after them yet, and
    -- only completions with both changes count, so the competency look-ups run for far fewer rows.
    pdelta as materialized (
      select c.pid, (ppost.ordinal - ppre.ordinal)::float8 as dp
      from comp c
      ${predicateChangeSql(o, raw('c.employee_id'), raw('c.started_at'), raw('c.completed_at'))}
    ),
    -- Materialized: the join has to happen before the look-ups, not after them.
    ctarget as materialized (
      select c.pid, c.employee_id, c.started_at, c.completed_at, g.competency_id
      from comp c join pdelta pd on pd.pid = c.pid join training_competency g on g.training_id = c.training_id
    ),
    cpairs as (
      select c.pid, c.competency_id, pre.level as before, post.level as after
      from ctarget c
      ${competencyChangeSql(o, raw('c.employee_id'), raw('c.competency_id'), raw('c.started_at'), raw('c.completed_at'))}
    ),
    cdelta as (
      select pid, avg(after - before) as d from cpairs group by pid
    ),
    ev as (
      select c.training_id, c.started_at, c.completed_at, cd.d as dc, pd.dp
      from comp c join cdelta cd on cd.pid = c.pid join pdelta pd on pd.pid = c.pid
    ),
    agg as (
      select training_id, count(*)::int as n, avg(dc) as dc, avg(dp) as dp, var_samp(dc) as vc,
        min(started_at) as s, max(completed_at) as e
      from ev group by training_id
      ${p ? sql`having count(*) >= ${p.trainingMinCompletions}::int` : raw('')}
    ),
    flag as (
      select * from agg
      ${p ? sql`where dc < ${p.trainingMinDeltaCompetency}::float8 - ${EPS} and dp <= ${p.trainingMaxDeltaPredicate}::float8 + ${EPS}` : raw('')}
    ),
    -- Comparison group: never took part in the training, holds a position
    -- requiring a targeted competency, measured over the span of the training
    cpair as (
      select f.training_id, e.id as employee_id, r.competency_id, f.s, f.e
      from flag f join training_competency g on g.training_id = f.training_id
      join position_requirement r on r.competency_id = g.competency_id
      join employee e on e.position_id = r.position_id
      where not exists (select 1 from training_participation x where x.employee_id = e.id and x.training_id = f.training_id)
    ),
    -- Predicate change first here too (s and e are the training's, the same for all of an employee's rows).
    cpd as materialized (
      select k.training_id, k.employee_id, (ppost.ordinal - ppre.ordinal)::float8 as dp
      from (select distinct training_id, employee_id, s, e from cpair) k
      ${predicateChangeSql(o, raw('k.employee_id'), raw('k.s'), raw('k.e'))}
    ),
    ctarget2 as materialized (
      select k.* from cpair k join cpd p on p.training_id = k.training_id and p.employee_id = k.employee_id
    ),
    ccd as (
      select k.training_id, k.employee_id, avg(post.level - pre.level) as d
      from ctarget2 k
      ${competencyChangeSql(o, raw('k.employee_id'), raw('k.competency_id'), raw('k.s'), raw('k.e'))}
      group by k.training_id, k.employee_id
    ),
    cev as (
      select k.training_id, k.d as dc, p.dp
      from ccd k join cpd p on p.training_id = k.training_id and p.employee_id = k.employee_id
    ),
    cagg as (
      select training_id, count(*)::int as m, avg(dc) as cdc, avg(dp) as cdp, var_samp(dc) as vc from cev group by training_id
    ),
    effect as (
      select f.training_id, f.n, f.dc, f.dp, f.s, f.e, coalesce(ca.m, 0) as m, ca.cdc, ca.cdp,
        case when f.n >= 2 and ca.m >= 2 then (f.dc - ca.cdc) - ${Z95}::float8 * sqrt(f.vc / f.n + ca.vc / ca.m) end as ci_low,
        case when f.n >= 2 and ca.m >= 2 then (f.dc - ca.cdc) + ${Z95}::float8 * sqrt(f.vc / f.n + ca.vc / ca.m) end as ci_high
      from flag f left join cagg ca on ca.training_id = f.training_id
    )`;
}

export async function trainingSql(em: EntityManager, o: RuleOptions): Promise<TrainingSqlRow[]> {
  const rows = await execute<TrainingSqlRow>(em, sql`with ${trainingEffectCtes({ asOf: o.asOf, judge: o.policy })}
    select f.training_id, t.code as training_code, t.title as training_title,
      (select string_agg(c.code, ', ' order by c.code collate "C") from training_competency tc join competency c on c.id = tc.competency_id where tc.training_id = f.training_id) as competency_codes,
      f.n, f.dc, f.dp, f.s::text as start, f.e::text as "end", f.m, f.cdc, f.cdp, f.ci_low, f.ci_high
    from effect f join training t on t.id = f.training_id
    order by f.training_id`);
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    ...r, training_id: Number(r.training_id), n: Number(r.n), dc: Number(r.dc), dp: Number(r.dp), m: Number(r.m),
    cdc: num(r.cdc), cdp: num(r.cdp), ci_low: num(r.ci_low), ci_high: num(r.ci_high),
  }));
}

// ---------------------------------------------------------------- JPM for the placement rules

/**
 * JPM (domain.md §4) of many (employee, position) pairs, computing only
 * what the placement rules need (JPM and category; no ranking details), so
 * it stays fast over whole-organisation pair sets. Same formula as
 * matching.sql.ts; the property tests hold both to domain/jpm.ts.
 * Cross pairing scores each distinct standard once (positions with equal
 * requirements and weight share it: most vacancies are repeated formasi);
 * callers aggregate per standard and never fan out to the positions, which
 * would multiply hundreds of thousands of rows by the positions per standard.
 * Ends in relation `scored(employee_id, rep_id, jpm, category)`, where rep_id
 * is the position itself for own pairing and the standard's representative
 * (lowest position id) for cross pairing; `member(position_id, rep_id)` maps
 * the positions of a cross pairing to their representatives.
 */
interface JpmPairOptions {
  positions: Sql;
  candidates: Sql;
  asOf: string;
  policy: RecommendationPolicy;
  pairing: 'own' | 'cross';
  /** Keep only pairs in this category (applied before the fan-out). */
  onlyCategory?: JpmCategory;
  /**
   * CTEs placed before the scoring (they may use cand and rep), and the
   * relation of (employee_id, rep_id) pairs to score instead of every
   * candidate with every standard.
   */
  pairs?: { ctes: Sql; relation: string };
  /**
   * Cross pairing: more position columns (an expression over `p`) that split
   * positions of one standard into classes, for callers that aggregate per
   * class instead of per position (eligibility attributes, say).
   */
  classBy?: Sql;
}

function jpmPairCtes(o: JpmPairOptions): Sql {
  const own = o.pairing === 'own';
  // Sums in numeric: exact, so the same data gives the same JPM whatever order the plan adds in (idempotent regeneration).
  const jpm = raw(`least(100, case when pr.wt is null or pr.req_t is null or pr.req_ms is null
      then 100 * (coalesce(a.ach_t, 0) + coalesce(a.ach_ms, 0)) / pr.req_all
      else pr.wt * 100 * coalesce(a.ach_t, 0) / pr.req_t + (1 - pr.wt) * 100 * coalesce(a.ach_ms, 0) / pr.req_ms end)::float8`);
  const cls = o.classBy ?? raw('null::text');
  const pairsFrom = o.pairs
    ? `${o.pairs.relation} pair join cand c on c.id = pair.employee_id join preq pr on pr.position_id = pair.rep_id`
    : 'cand c cross join preq pr';
  return sql`${own ? sql`rep as (
      select p.id, p.technical_weight as wt from position p
      where p.id in (${o.positions}) and exists (select 1 from position_requirement r where r.position_id = p.id)
    ),` : sql`-- Every position of the set that has a standard, with the representative of its standard (and class).
    member as materialized (
      select x.id as position_id, min(x.id) over (partition by x.sig, x.wt, x.cls) as rep_id, x.wt
      from (
        select p.id, p.technical_weight as wt, (${cls})::text as cls,
          (select string_agg(r.competency_id || ':' || r.level, ',' order by r.competency_id) from position_requirement r where r.position_id = p.id) as sig
        from position p where p.id in (${o.positions})
      ) x where x.sig is not null
    ),
    rep as (select position_id as id, wt from member where position_id = rep_id),`}
    req as (
      select r.position_id, r.competency_id, r.level::numeric as required, (c.type = 'TECHNICAL') as technical
      from position_requirement r join competency c on c.id = r.competency_id where r.position_id in (select id from rep)
    ),
    cand as (select e.id, e.position_id from employee e where ${o.candidates}),
    lvl as materialized (${levelsAsOfSql(o.asOf, raw('select id from cand'), raw('select distinct competency_id from req'))}),
    ${own ? raw(`agg as (
      select l.employee_id, q.position_id, sum(l.level) filter (where q.technical) as ach_t, sum(l.level) filter (where not q.technical) as ach_ms
      from lvl l join cand c on c.id = l.employee_id join req q on q.competency_id = l.competency_id and q.position_id = c.position_id
      group by l.employee_id, q.position_id
    ),`) : raw(`-- Competencies every standard of the set requires (the nine national ones, in practice) are summed once per
    -- employee; only the others are joined per (employee, standard), which keeps the join small.
    common as (
      select competency_id from req group by competency_id having count(*) = (select count(*) from rep)
    ),
    base as (
      select l.employee_id, sum(l.level) filter (where c.type = 'TECHNICAL') as ach_t, sum(l.level) filter (where c.type <> 'TECHNICAL') as ach_ms
      from lvl l join competency c on c.id = l.competency_id where l.competency_id in (select competency_id from common)
      group by l.employee_id
    ),
    rest as (
      select l.employee_id, q.position_id, sum(l.level) filter (where q.technical) as ach_t, sum(l.level) filter (where not q.technical) as ach_ms
      from lvl l join req q on q.competency_id = l.competency_id where q.competency_id not in (select competency_id from common)
      group by l.employee_id, q.position_id
    ),`)}
    preq as (
      select q.position_id, max(r.wt) as wt, sum(q.required) filter (where q.technical) as req_t,
        sum(q.required) filter (where not q.technical) as req_ms, sum(q.required) as req_all
      from req q join rep r on r.id = q.position_id group by q.position_id
    ),
    ${o.pairs ? sql`${o.pairs.ctes},` : raw('')}
    -- Materialized so the numeric JPM is evaluated once per row, not again inside every use of it below.
    score as materialized (
      ${own ? raw(`select c.id as employee_id, pr.position_id as rep_id, ${jpm.text} as jpm
      from cand c join preq pr on pr.position_id = c.position_id
      left join agg a on a.employee_id = c.id and a.position_id = pr.position_id`) : raw(`select c.id as employee_id, pr.position_id as rep_id, ${jpm.text} as jpm
      from ${pairsFrom}
      left join base b on b.employee_id = c.id
      left join rest x on x.employee_id = c.id and x.position_id = pr.position_id
      cross join lateral (select case when b.ach_t is null and x.ach_t is null then null else coalesce(b.ach_t, 0) + coalesce(x.ach_t, 0) end as ach_t,
        case when b.ach_ms is null and x.ach_ms is null then null else coalesce(b.ach_ms, 0) + coalesce(x.ach_ms, 0) end as ach_ms) a`)}
    ),
    scored as materialized (
      select x.* from (select s.*, ${categorySql(raw('s.jpm'), o.policy)} as category from score s) x
      ${o.onlyCategory ? sql`where x.category = ${o.onlyCategory}` : raw('')}
    )`;
}

export interface OwnMatchRow { employee_id: number; position_id: number; jpm: number; category: JpmCategory; predicate: Predicate | null }

/**
 * Every placed holder in their own position, with the latest annual predicate (for the 9-box).
 * Levels come from the level vectors (vectorLevelSql: one hash join of holders × their
 * standard on 15,000 vectors, the history only for employees assessed after asOf), cast back
 * to the stored numeric(3,2), so the numeric sums, and with them the JPM, are the same to the
 * last digit as from the assessments themselves.
 */
export async function ownMatchesSql(em: EntityManager, o: Pick<RuleOptions, 'asOf' | 'policy'>): Promise<OwnMatchRow[]> {
  const level = sql`${vectorLevelSql('v', 'e.id', 'r.competency_id', o.asOf)}::numeric(3,2)`;
  const rows = await execute<OwnMatchRow>(em, sql`with own as (
      select e.id as employee_id, e.position_id, max(p.technical_weight) as wt,
        sum(r.level::numeric) filter (where c.type = 'TECHNICAL') as req_t, sum(r.level::numeric) filter (where c.type <> 'TECHNICAL') as req_ms,
        sum(r.level::numeric) as req_all,
        coalesce(sum(${level}) filter (where c.type = 'TECHNICAL'), 0) as ach_t, coalesce(sum(${level}) filter (where c.type <> 'TECHNICAL'), 0) as ach_ms
      from employee e join position p on p.id = e.position_id
      join position_requirement r on r.position_id = e.position_id join competency c on c.id = r.competency_id
      left join competency_level_vector v on v.employee_id = e.id
      group by e.id
    ),
    scored as (
      select x.employee_id, x.position_id, x.jpm, ${categorySql(raw('x.jpm'), o.policy)} as category
      from (select s.employee_id, s.position_id, least(100, case when s.wt is null or s.req_t is null or s.req_ms is null
          then 100 * (s.ach_t + s.ach_ms) / s.req_all
          else s.wt * 100 * s.ach_t / s.req_t + (1 - s.wt) * 100 * s.ach_ms / s.req_ms end)::float8 as jpm
        from own s) x
    ),
    -- In the order of the partial index (employee, period_start desc): a scan without a sort.
    lp as (
      select distinct on (pa.employee_id) pa.employee_id, pa.predicate from performance_appraisal pa
      where pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date
      order by pa.employee_id, pa.period_start desc
    )
    select j.employee_id, j.position_id, j.jpm, j.category, lp.predicate from scored j left join lp on lp.employee_id = j.employee_id order by j.employee_id`);
  return rows.map((r) => ({ ...r, employee_id: Number(r.employee_id), position_id: Number(r.position_id), jpm: Number(r.jpm) }));
}

/** Talent-pool members (placed, box in the policy's talentPoolBoxes) from the own matches. */
export function talentPoolOf(own: readonly OwnMatchRow[], policy: RecommendationPolicy): number[] {
  return own.filter((r) => {
    const box = talentBox(r.predicate, r.category);
    return box !== null && policy.talentPoolBoxes.includes(box);
  }).map((r) => r.employee_id);
}

// ---------------------------------------------------------------- MISPLACEMENT

export interface MisplacementSqlRow {
  employee_id: number; nip: string; name: string; unit_id: number;
  current_position_id: number; current_code: string; current_jpm: number;
  better_position_id: number; better_code: string; better_name: string; better_jpm: number;
}

export async function misplacementSql(em: EntityManager, o: RuleOptions, ownRows?: readonly OwnMatchRow[]): Promise<MisplacementSqlRow[]> {
  const own = (ownRows ?? await ownMatchesSql(em, o)).filter((r) => r.category === 'KURANG_OPTIMAL');
  if (own.length === 0) return [];
  const current = new Map(own.map((r) => [r.employee_id, { positionId: r.position_id, jpm: r.jpm }]));
  const better = await execute<{ employee_id: number; position_id: number; jpm: number; code: string; name: string; nip: string; emp_name: string; unit_id: number; current_code: string }>(em, sql`with ${jpmPairCtes({
    positions: raw(`select p.id from position p left join (select position_id, count(*) as n from employee where position_id is not null group by position_id) h
      on h.position_id = p.id where coalesce(h.n, 0) < p.quota`),
    candidates: sql`e.id in ${idSet([...current.keys()])}`, asOf: o.asOf, policy: o.policy, pairing: 'cross', onlyCategory: 'OPTIMAL',
  })},
    -- All vacancies of a standard give an employee the same JPM and ties go to the lowest position id, so of each
    -- standard only its lowest vacancy counts, or the second lowest for the holder of the lowest.
    slots as (
      select rep_id, min(position_id) as p1, (array_agg(position_id order by position_id))[2] as p2 from member group by rep_id
    ),
    best as (
      select distinct on (s.employee_id) s.employee_id, x.position_id, s.jpm
      from scored s join cand c on c.id = s.employee_id join slots sl on sl.rep_id = s.rep_id
      cross join lateral (select case when sl.p1 is distinct from c.position_id then sl.p1 else sl.p2 end as position_id) x
      where x.position_id is not null
      order by s.employee_id, round(s.jpm::numeric, 9) desc, x.position_id
    )
    select b.employee_id, b.position_id, b.jpm, p.code, p.name, e.nip, e.name as emp_name, e.unit_id, cp.code as current_code
    from best b join position p on p.id = b.position_id join employee e on e.id = b.employee_id join position cp on cp.id = e.position_id
    order by b.employee_id`);
  return better.map((b) => {
    const id = Number(b.employee_id);
    const cur = current.get(id)!;
    return {
      employee_id: id, nip: b.nip, name: b.emp_name, unit_id: Number(b.unit_id),
      current_position_id: cur.positionId, current_code: b.current_code, current_jpm: cur.jpm,
      better_position_id: Number(b.position_id), better_code: b.code, better_name: b.name, better_jpm: Number(b.jpm),
    };
  });
}

// ---------------------------------------------------------------- SUCCESSION_RISK

export interface SuccessionSqlRow { position_id: number; code: string; name: string; unit_id: number; kind: string; candidates: number; best_jpm: number | null }

const GRADE_RANK_SQL = (column: string): Sql => raw(`array_position(array[${GRADES.map((g) => `'${g}'`).join(', ')}]::text[], ${column}::text)`);
const EDUCATION_RANK_SQL = (column: string): Sql => raw(`(case ${column} ${EDUCATIONS.map((e) => `when '${e}' then ${EDUCATION_RANK[e]}`).join(' ')} end)`);

export async function successionSql(em: EntityManager, o: RuleOptions, ownRows?: readonly OwnMatchRow[]): Promise<SuccessionSqlRow[]> {
  const pool = talentPoolOf(ownRows ?? await ownMatchesSql(em, o), o.policy);
  const kinds = raw(SUCCESSION_KINDS.map((k) => `'${k}'`).join(', '));
  const minRank = JPM_CATEGORIES.indexOf(o.policy.candidateMinCategory) + 1;
  const minOrdinal = PREDICATES.indexOf(o.policy.minPredicate) + 1;
  const years = o.policy.performanceYears;
  // Eligibility is integer comparisons, the JPM is not: only eligible (candidate, class) pairs are scored.
  const eligibility = sql`perf as (
      select x.employee_id, (count(*) filter (where x.rn <= ${years}::int))::int as n, min(x.ordinal) filter (where x.rn <= ${years}::int) as min_ordinal
      from (
        select pa.employee_id, ${ORDINAL('pa.predicate')} as ordinal, row_number() over (partition by pa.employee_id order by pa.period_start desc) as rn
        from performance_appraisal pa where pa.period = 'ANNUAL' and pa.period_start < ${o.asOf}::date and pa.employee_id in (select id from cand)
      ) x group by x.employee_id
    ),
    ce as materialized (
      select c.id, c.position_id, ${GRADE_RANK_SQL('e.grade')} as g, ${EDUCATION_RANK_SQL('e.education')} as ed,
        extract(year from age(${o.asOf}::date, e.birth_date)) as age,
        coalesce(pf.n, 0) >= ${years}::int and (pf.min_ordinal is null or pf.min_ordinal >= ${minOrdinal}::int) as perf_ok
      from cand c join employee e on e.id = c.id left join perf pf on pf.employee_id = c.id
    ),
    pp as materialized (
      select p.id, ${GRADE_RANK_SQL('p.min_grade')} as g, ${EDUCATION_RANK_SQL('p.min_education')} as ed, p.max_age from position p where p.id in (select id from rep)
    ),
    eligible as materialized (
      select ce.id as employee_id, pp.id as rep_id from ce cross join pp
      where ce.perf_ok and (pp.g is null or ce.g >= pp.g) and (pp.ed is null or ce.ed >= pp.ed) and (pp.max_age is null or ce.age <= pp.max_age)
    )`;
  // Hash joins whatever the estimates. The eligible pairs are estimated at a few dozen rows (thousands in fact), and
  // PGlite's PostgreSQL 17 then re-ran two per-candidate aggregates for every pair in nested loops: 10 s instead of
  // 0.1 s on 1,500 employees, minutes on the 15,000 demo. PostgreSQL 15 takes the same time either way.
  const [{ prev }] = await execute<{ prev: string }>(em, sql`select current_setting('enable_nestloop') as prev`);
  await execute(em, sql`select set_config('enable_nestloop', 'off', true)`);
  const rows = await execute<SuccessionSqlRow>(em, sql`with ${jpmPairCtes({
    positions: sql`select id from position where kind in (${kinds})`,
    candidates: sql`e.id in ${idSet(pool)}`, asOf: o.asOf, policy: o.policy, pairing: 'cross',
    // Positions of one standard with the same eligibility rules form a class: everything below is per class.
    classBy: raw('row(p.min_grade, p.min_education, p.max_age)'),
    pairs: { ctes: eligibility, relation: 'eligible' },
  })},
    -- Eligible (candidate, class) pairs with the position the candidate holds: nobody is their own successor.
    el as materialized (
      select s.rep_id, ce.position_id as holds, s.jpm, s.category,
        array_position(array['KURANG_OPTIMAL', 'CUKUP_OPTIMAL', 'OPTIMAL']::text[], s.category) >= ${minRank}::int as counts
      from scored s join ce on ce.id = s.employee_id
    ),
    -- Per class and held position, so that a position's own holders can be taken out of its class's figures.
    grp as materialized (
      select rep_id, holds, (count(*) filter (where counts))::int as candidates, (count(*) filter (where category = 'OPTIMAL'))::int as optimal,
        max(jpm) as best
      from el group by rep_id, holds
    ),
    -- The best of a position's non-holders is the best of the class's first group unless that group holds it, then the second's.
    per_class as (
      select rep_id, sum(candidates)::int as candidates, sum(optimal)::int as optimal,
        (array_agg(holds order by best desc, holds))[1] as h1, (array_agg(best order by best desc, holds))[1] as b1,
        (array_agg(best order by best desc, holds))[2] as b2
      from grp group by rep_id
    )
    select p.id as position_id, p.code, p.name, p.unit_id, p.kind, coalesce(c.candidates, 0) - coalesce(g.candidates, 0) as candidates,
      case when c.h1 is distinct from m.position_id then c.b1 else c.b2 end as best_jpm
    from member m join position p on p.id = m.position_id
    left join per_class c on c.rep_id = m.rep_id left join grp g on g.rep_id = m.rep_id and g.holds = m.position_id
    where coalesce(c.optimal, 0) - coalesce(g.optimal, 0) = 0
    order by p.id`);
  // Not in a finally: after a failed statement the transaction is aborted and refuses any statement.
  await execute(em, sql`select set_config('enable_nestloop', ${prev}, true)`);
  return rows.map((r) => ({ ...r, position_id: Number(r.position_id), unit_id: Number(r.unit_id), candidates: Number(r.candidates), best_jpm: r.best_jpm === null ? null : Number(r.best_jpm) }));
}

// ---------------------------------------------------------------- STANDARD_REVIEW

export interface StandardReviewSqlRow {
  position_id: number; position_code: string; position_name: string; unit_id: number;
  competency_id: number; competency_code: string; competency_name: string;
  required_level: number; responses: number; mean_importance: number; groups: StakeholderGroupView[];
}

export async function standardReviewSql(em: EntityManager, o: RuleOptions): Promise<StandardReviewSqlRow[]> {
  const rows = await execute<StandardReviewSqlRow & { groups: { group: StakeholderGroup; responses: number; meanImportance: number; impliedLevel: number }[] | string }>(em, sql`with g as (
      select s.position_id, s.competency_id, s.stakeholder_group as grp, count(*)::int as responses, sum(s.importance)::int as total
      from stakeholder_input s where s.submitted_at <= ${o.asOf}::date
      group by s.position_id, s.competency_id, s.stakeholder_group
    ),
    j as (
      -- Implied level = mean importance rounded half up, in integers: floor((2Σ + n) / 2n).
      select g.*, (2 * g.total + g.responses) / (2 * g.responses) as implied, coalesce(r.level, 0)::int as required
      from g left join position_requirement r on r.position_id = g.position_id and r.competency_id = g.competency_id
    )
    select j.position_id, p.code as position_code, p.name as position_name, p.unit_id,
      j.competency_id, c.code as competency_code, c.name as competency_name,
      max(j.required)::int as required_level, sum(j.responses)::int as responses, sum(j.total)::float8 / sum(j.responses) as mean_importance,
      json_agg(json_build_object('group', j.grp, 'responses', j.responses, 'meanImportance', j.total::float8 / j.responses, 'impliedLevel', j.implied)
        order by j.grp collate "C") as groups
    from j join position p on p.id = j.position_id join competency c on c.id = j.competency_id
    where j.implied > j.required and j.responses >= ${o.policy.standardReviewMinResponses}::int
    group by j.position_id, p.code, p.name, p.unit_id, j.competency_id, c.code, c.name
    order by j.position_id, j.competency_id`);
  return rows.map((r) => ({
    ...r, position_id: Number(r.position_id), unit_id: Number(r.unit_id), competency_id: Number(r.competency_id),
    required_level: Number(r.required_level), responses: Number(r.responses), mean_importance: Number(r.mean_importance),
    groups: (typeof r.groups === 'string' ? JSON.parse(r.groups) as StakeholderGroupView[] : r.groups)
      .map((g) => ({ group: g.group, responses: Number(g.responses), meanImportance: Number(g.meanImportance), impliedLevel: Number(g.impliedLevel) })),
  }));
}
