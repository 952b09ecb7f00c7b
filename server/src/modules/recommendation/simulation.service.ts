import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { noteSavepointRolledBack, type LaneRunner } from '../../db/snapshot-lanes';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { execute } from '../../graphql/list';
import { InputCheck } from '../../graphql/mutation';
import { expectGlobalId } from '../../graphql/node';
import { sql } from '../../graphql/sql';
import { JPM_CATEGORIES, type JpmCategory } from '../../domain/enums';
import { RECOMMENDATION_KINDS, recommendationPolicy, type RecommendationKind, type RecommendationPolicy } from '../../domain/recommendation-rules';
import { checkYear, resolveAsOf } from '../employee/employee.sql';
import { talentBox } from '../../domain/talent';
import { activePolicy } from '../policy/policy.service';
import { applyParameters, diffParameters } from '../policy/policy-admin.service';
import type { PolicyParametersInput } from '../policy/policy.types';
import type { RequirementInput } from '../position/position.types';
import { Unit } from '../unit/unit.entity';
import { ruleRows, ruleSubjects, type RuleName, type RuleSource } from './recommendation-drafts';
import { ownMatchesSql, ruleLanes, withRuleLanes, type RuleOptions } from './recommendation.sql';
import type { SimulationResult } from './simulation.types';

interface Snapshot {
  categories: Map<JpmCategory, number>;
  boxes: Map<number, number>;
  /** `${unitId or ''}|${kind}` → count */
  recommendations: Map<string, number>;
}

/** One rule's rows on one side of a what-if, with the policy keys its statement read. */
interface RuleRun { rows: unknown; read: ReadonlySet<string> }

/** One side of a what-if: its policy and every rule it ran or reused. */
interface Side { policy: RecommendationPolicy; runs: Map<RuleName, RuleRun> }

/** `policy`, noting in `read` every key a rule reads while it builds its statement. */
function recordingPolicy(policy: RecommendationPolicy, read: Set<string>): RecommendationPolicy {
  return new Proxy(policy, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A rule source for one side that reuses `earlier`'s rows where they cannot
 * differ: same data and dates, every policy key the rule read there has the
 * same value here, and its inputs (the own matches) were reused too. A rule
 * that read the same values builds the same statement, so the keys are
 * recorded rather than declared per rule, and cannot drift from the SQL.
 */
function sharingSource(run: LaneRunner, o: RuleOptions, side: Side, earlier: Side | null): RuleSource {
  const reused = new Set<RuleName>();
  return async <R>(name: RuleName, rule: (em: EntityManager, o: RuleOptions) => Promise<R>, inputs: readonly RuleName[] = []): Promise<R> => {
    const prior = earlier?.runs.get(name);
    if (prior && inputs.every((i) => reused.has(i)) && [...prior.read].every((k) => sameValue(
      (earlier!.policy as unknown as Record<string, unknown>)[k], (o.policy as unknown as Record<string, unknown>)[k],
    ))) {
      reused.add(name);
      side.runs.set(name, prior);
      return prior.rows as R;
    }
    const read = new Set<string>();
    const rows = await run((em) => rule(em, { ...o, policy: recordingPolicy(o.policy, read) }));
    side.runs.set(name, { rows, read });
    return rows;
  };
}

/**
 * Everything a what-if compares, from the rules run through `run`. With
 * `earlier` (a side on the same data), rules the policy change cannot touch
 * are taken from it instead of run again.
 */
async function snapshot(run: LaneRunner, o: RuleOptions, earlier: Side | null = null): Promise<{ figures: Snapshot; side: Side }> {
  const side: Side = { policy: o.policy, runs: new Map() };
  const source = sharingSource(run, o, side, earlier);
  const own = await source('own', ownMatchesSql);
  const categories = new Map<JpmCategory, number>();
  const boxes = new Map<number, number>();
  for (const r of own) {
    categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
    const box = talentBox(r.predicate, r.category);
    if (box !== null) boxes.set(box, (boxes.get(box) ?? 0) + 1);
  }
  const recommendations = new Map<string, number>();
  // Counts only: the subjects of the drafts, without formatting 20,000 texts.
  for (const d of ruleSubjects(await ruleRows(source, own))) {
    const key = `${d.unitId ?? ''}|${d.kind}`;
    recommendations.set(key, (recommendations.get(key) ?? 0) + 1);
  }
  return { figures: { categories, boxes, recommendations }, side };
}

async function compare(ctx: Context, asOf: string, year: number, before: Snapshot, after: Snapshot, policy: RecommendationPolicy, changedKeys: string[]): Promise<SimulationResult> {
  const keys = [...new Set([...before.recommendations.keys(), ...after.recommendations.keys()])];
  const unitIds = [...new Set(keys.map((k) => k.split('|')[0]!).filter((u) => u !== '').map(Number))];
  // On ctx.em, not the request's loaders: inside simulateStandard's transaction those would wait for PGlite's only connection.
  const units = new Map((unitIds.length ? await ctx.em.find(Unit, { id: { $in: unitIds } }) : []).map((u) => [u.id, u]));
  const kindRank = (k: RecommendationKind): number => RECOMMENDATION_KINDS.indexOf(k);
  const recommendations = keys.map((k) => {
    const [unit, kind] = k.split('|') as [string, RecommendationKind];
    return { unit: unit === '' ? null : units.get(Number(unit)) ?? null, kind, before: before.recommendations.get(k) ?? 0, after: after.recommendations.get(k) ?? 0 };
  }).sort((a, b) => (a.unit?.code ?? '').localeCompare(b.unit?.code ?? '') || kindRank(a.kind) - kindRank(b.kind));
  return {
    asOf, year, parameters: { ...policy }, changedKeys,
    categories: [...JPM_CATEGORIES].reverse().map((category) => ({ category, before: before.categories.get(category) ?? 0, after: after.categories.get(category) ?? 0 })),
    talentBoxes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => ({ box, before: before.boxes.get(box) ?? 0, after: after.boxes.get(box) ?? 0, talentPool: policy.talentPoolBoxes.includes(box) })),
    recommendations, userErrors: [],
  };
}

function failed(asOf: string, year: number, check: InputCheck): SimulationResult {
  return { asOf, year, parameters: null, changedKeys: [], categories: [], talentBoxes: [], recommendations: [], userErrors: check.errors };
}

function dateArgs(asOfArg: string | null | undefined, yearArg: number | null | undefined): { asOf: string; year: number } {
  const asOf = resolveAsOf(asOfArg, 'asOf');
  return { asOf, year: yearArg === null || yearArg === undefined ? Number(asOf.slice(0, 4)) : checkYear(yearArg, 'year') };
}

/** Pure parameters: both sides read the same data, only the thresholds differ, so nothing needs writing at all. */
export async function simulatePolicy(ctx: Context, changes: PolicyParametersInput, asOfArg: string | null | undefined, yearArg: number | null | undefined): Promise<SimulationResult> {
  const { asOf, year } = dateArgs(asOfArg, yearArg);
  const current = recommendationPolicy((await activePolicy(ctx)).parameters);
  const check = new InputCheck();
  const next = applyParameters(current, changes, check, 'changes');
  if (check.errors.length) return failed(asOf, year, check);
  // One withRuleLanes for both sides: one snapshot (its own transaction for a query request, which has none),
  // so a write committed between the sides cannot pass for an effect of the change.
  const [before, after] = await withRuleLanes(ctx.em, ruleLanes(ctx), async (run) => {
    const b = await snapshot(run, { asOf, year, policy: current });
    return [b.figures, (await snapshot(run, { asOf, year, policy: next }, b.side)).figures];
  });
  return compare(ctx, asOf, year, before, after, next, diffParameters(current, next).map((c) => c.key));
}

class Rollback extends Error {}

/**
 * The standard lives in rows the rules join against, so the proposed one is
 * written inside a transaction that is always rolled back: the "after" side
 * sees it, nobody else ever does. Everything inside runs on the
 * transaction's EntityManager (PGlite has a single connection).
 */
export async function simulateStandard(
  ctx: Context, positionArg: string, requirements: RequirementInput[], asOfArg: string | null | undefined, yearArg: number | null | undefined,
): Promise<SimulationResult> {
  // Both sides on one snapshot, in a transaction that may write (the proposed standard, rolled back): a query
  // request has none of its own.
  if (!ctx.em.isInTransaction()) {
    return ctx.em.transactional((em) => simulateStandard({ ...ctx, em: em as EntityManager }, positionArg, requirements, asOfArg, yearArg),
      { isolationLevel: IsolationLevel.REPEATABLE_READ });
  }
  const { asOf, year } = dateArgs(asOfArg, yearArg);
  const positionId = expectGlobalId(positionArg, 'Position', 'position');
  const check = new InputCheck();
  const lines: { competency: number; level: number; index: number }[] = [];
  const seen = new Set<number>();
  requirements.forEach((r, i) => {
    const competency = check.id(`requirements[${i}].competency`, r.competency, 'Competency');
    check.range(`requirements[${i}].level`, r.level, 1, 5, true);
    if (competency !== null) {
      if (seen.has(competency)) check.add(`requirements[${i}].competency`, UserErrorCode.DUPLICATE, `requirements[${i}].competency appears more than once.`);
      seen.add(competency);
      lines.push({ competency, level: r.level, index: i });
    }
  });
  const [pos] = await execute<{ id: number }>(ctx.em, sql`select id from position where id = ${positionId}::int`);
  if (!pos) check.add('position', UserErrorCode.NOT_FOUND, `Position ${positionArg} does not exist.`);
  if (lines.length) {
    const known = new Set((await execute<{ id: number }>(ctx.em, sql`select id from competency where id in (select value::int from jsonb_array_elements_text(${JSON.stringify(lines.map((l) => l.competency))}::jsonb))`)).map((r) => Number(r.id)));
    for (const l of lines) {
      if (!known.has(l.competency)) check.add(`requirements[${l.index}].competency`, UserErrorCode.NOT_FOUND, `Competency ${requirements[l.index]!.competency} does not exist.`);
    }
  }
  if (check.errors.length) return failed(asOf, year, check);
  const policy = recommendationPolicy((await activePolicy(ctx)).parameters);
  const before = (await withRuleLanes(ctx.em, ruleLanes(ctx), (run) => snapshot(run, { asOf, year, policy }))).figures;
  let after: Snapshot | null = null;
  try {
    await ctx.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      await execute(em, sql`delete from position_requirement where position_id = ${positionId}::int`);
      if (lines.length) {
        await execute(em, sql`insert into position_requirement (position_id, competency_id, level)
          select ${positionId}::int, x.competency, x.level from jsonb_to_recordset(${JSON.stringify(lines.map(({ competency, level }) => ({ competency, level })))}::jsonb) as x(competency int, level int)`);
      }
      // Other connections cannot see the uncommitted standard: this side runs on the transaction's own.
      after = (await withRuleLanes(em, 1, (run) => snapshot(run, { asOf, year, policy }))).figures;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  noteSavepointRolledBack(ctx.em);
  ctx.em.clear();
  return compare(ctx, asOf, year, before, after!, policy, []);
}
