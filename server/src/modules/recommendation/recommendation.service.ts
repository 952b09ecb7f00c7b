import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode, userError, UserErrorsException } from '../../graphql/errors';
import { execute } from '../../graphql/list';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { sql, type Sql } from '../../graphql/sql';
import {
  RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES, recommendationPolicy,
  type RecommendationKind, type RecommendationStatus,
} from '../../domain/recommendation-rules';
import { checkYear, resolveAsOf } from '../employee/employee.sql';
import { PolicyVersion } from '../policy/policy-version.entity';
import { Recommendation, RecommendationStatusChange } from './recommendation.entity';
import { buildDrafts, type RecommendationDraft } from './recommendation-drafts';
import { ruleLanes, withRuleLanes } from './recommendation.sql';

export interface GenerateResult {
  created: number;
  updated: number;
  resolved: number;
  unchanged: number;
  asOf: string;
  year: number;
  policyVersion: PolicyVersion;
  byKind: { kind: RecommendationKind; count: number }[];
  durationMs: number;
}

/** Row changes of one run from which the table's statistics are refreshed in the same transaction. */
const ANALYZE_AFTER_CHANGES = 1000;

const RECORD_COLUMNS = sql`key text, kind text, severity text, impact float8, impact_secondary float8, unit_id int, position_id int,
  training_id int, employee_id int, competency_id int, evidence jsonb, texts jsonb, evidence_query text`;

function record(d: RecommendationDraft): Record<string, unknown> {
  return {
    key: d.key, kind: d.kind, severity: d.severity, impact: d.impact, impact_secondary: d.impactSecondary, unit_id: d.unitId,
    position_id: d.positionId, training_id: d.trainingId, employee_id: d.employeeId, competency_id: d.competencyId,
    evidence: d.evidence, texts: d.texts, evidence_query: d.evidenceQuery,
  };
}

/**
 * A statement with bulky parameters (the drafts are megabytes of JSON), bound
 * by the driver. MikroORM's `execute` inlines parameters into the SQL text in
 * JavaScript first, which costs about a second per megabyte.
 */
async function executeBound<R>(em: EntityManager, q: Sql): Promise<R[]> {
  const query = em.getConnection().getKnex().raw(q.text, q.params as Knex.RawBinding[]);
  const tx = em.getTransactionContext<Knex.Transaction>();
  if (tx) query.transacting(tx);
  const res: unknown = await query;
  // pg answers with a result object, PGlite with one per statement.
  const one = Array.isArray(res) && res.length === 1 ? res[0] : res;
  return (one && typeof one === 'object' && 'rows' in one ? (one as { rows: R[] }).rows : one) as R[];
}

export interface MergeOptions { asOf: string; year: number; policyVersionId: number; actor: string }
export interface MergeCounts { created: number; updated: number; resolved: number; unchanged: number }

/**
 * Merges drafts into the stored recommendations of the year in four
 * set-based statements, none of which joins two large row sets (so no plan
 * can turn it quadratic, whatever the statistics say about a table that just
 * grew by thousands of rows): the keys and statuses stored for the year are
 * read, one upsert by stable key writes only rows whose content changed (or
 * that were RESOLVED), the OPEN/ACCEPTED rows whose key is gone are resolved
 * by id, and every status change goes to the history in one insert. jsonb
 * equality ignores key order, so unchanged evidence compares equal however it
 * was written.
 */
export async function mergeDrafts(em: EntityManager, drafts: readonly RecommendationDraft[], o: MergeOptions): Promise<MergeCounts> {
  const stored = new Map((await execute<{ id: number; key: string; status: RecommendationStatus }>(em, sql`
    select id, key, status from recommendation where year = ${o.year}::int`)).map((r) => [r.key, { id: Number(r.id), status: r.status }]));
  const history: { id: number; from: RecommendationStatus | null; to: RecommendationStatus; note: string }[] = [];
  let created = 0;
  let updated = 0;
  if (drafts.length > 0) {
    const written = await executeBound<{ id: number; key: string }>(em, sql`
      insert into recommendation as r (key, kind, severity, impact, impact_secondary, status, year, as_of, unit_id, position_id, training_id,
        employee_id, competency_id, evidence, texts, evidence_query, policy_version_id)
      select x.key, x.kind, x.severity, x.impact, x.impact_secondary, 'OPEN', ${o.year}::int, ${o.asOf}::date, x.unit_id, x.position_id, x.training_id,
        x.employee_id, x.competency_id, x.evidence, x.texts, x.evidence_query, ${o.policyVersionId}::int
      from jsonb_to_recordset(${JSON.stringify(drafts.map(record))}::jsonb) as x(${RECORD_COLUMNS})
      on conflict (key) do update set severity = excluded.severity, impact = excluded.impact, impact_secondary = excluded.impact_secondary,
        as_of = excluded.as_of, unit_id = excluded.unit_id, position_id = excluded.position_id, training_id = excluded.training_id,
        employee_id = excluded.employee_id, competency_id = excluded.competency_id, evidence = excluded.evidence, texts = excluded.texts,
        evidence_query = excluded.evidence_query, policy_version_id = excluded.policy_version_id,
        -- A RESOLVED one that holds again reopens. ACCEPTED and DISMISSED are decisions and stay.
        status = case when r.status = 'RESOLVED' then 'OPEN' else r.status end, updated_at = current_timestamp
      where r.status = 'RESOLVED'
        or (r.severity, r.impact, r.impact_secondary, r.as_of, r.unit_id, r.position_id, r.training_id, r.employee_id, r.competency_id,
          r.evidence, r.texts, r.evidence_query, r.policy_version_id)
        is distinct from (excluded.severity, excluded.impact, excluded.impact_secondary, excluded.as_of, excluded.unit_id, excluded.position_id,
          excluded.training_id, excluded.employee_id, excluded.competency_id, excluded.evidence, excluded.texts, excluded.evidence_query,
          excluded.policy_version_id)
      returning r.id, r.key`);
    for (const w of written) {
      const before = stored.get(w.key);
      if (!before) {
        created++;
        history.push({ id: Number(w.id), from: null, to: 'OPEN', note: `Generated as of ${o.asOf}` });
      } else {
        updated++;
        if (before.status === 'RESOLVED') history.push({ id: before.id, from: 'RESOLVED', to: 'OPEN', note: `Holds again as of ${o.asOf}` });
      }
    }
  }
  const holding = new Set(drafts.map((d) => d.key));
  // DISMISSED stays dismissed even when the rule stops holding: it is a decision, not a state of the data.
  const toResolve = [...stored.entries()].filter(([key, s]) => !holding.has(key) && (s.status === 'OPEN' || s.status === 'ACCEPTED')).map(([, s]) => s);
  if (toResolve.length > 0) {
    await execute(em, sql`update recommendation set status = 'RESOLVED', updated_at = current_timestamp
      where id in (select unnest(string_to_array(${toResolve.map((s) => s.id).join(',')}, ',')::int[]))`);
    for (const s of toResolve) history.push({ id: s.id, from: s.status, to: 'RESOLVED', note: `No longer holds as of ${o.asOf}` });
  }
  if (history.length > 0) {
    await executeBound(em, sql`insert into recommendation_status_change (recommendation_id, from_status, to_status, changed_by, note)
      select x.id, x.from, x.to, ${o.actor}, x.note from jsonb_to_recordset(${JSON.stringify(history)}::jsonb) as x(id int, "from" text, "to" text, note text)`);
  }
  return { created, updated, resolved: toResolve.length, unchanged: drafts.length - created - updated };
}

/**
 * Runs every rule against the active policy and merges the result into the
 * stored recommendations of the year (mergeDrafts): new keys are inserted
 * (OPEN), changed ones updated in place (a RESOLVED one that holds again
 * reopens), ACCEPTED and DISMISSED decisions are kept, and OPEN or ACCEPTED
 * ones whose rule no longer holds become RESOLVED. Every status change is
 * written to the history with the actor.
 */
export async function generateRecommendations(ctx: Context, asOfArg: string | null | undefined, yearArg: number | null | undefined): Promise<MutationResult<GenerateResult>> {
  // Outside a request (CLI, benchmark) there is no request transaction: give the run one of its own.
  if (!ctx.em.isInTransaction()) {
    return ctx.em.transactional((em) => generateRecommendations({ ...ctx, em: em as EntityManager }, asOfArg, yearArg));
  }
  const asOf = resolveAsOf(asOfArg, 'asOf');
  const year = yearArg === null || yearArg === undefined ? Number(asOf.slice(0, 4)) : checkYear(yearArg, 'year');
  const started = Date.now();
  const version = await ctx.em.findOne(PolicyVersion, { status: 'ACTIVE' });
  if (!version) return { value: null, userErrors: [userError(null, UserErrorCode.NOT_FOUND, 'There is no active policy version; activate one first.')] };
  const policy = recommendationPolicy(version.parameters);
  // The rules only read: they run in the request's own transaction, whose snapshot the lanes share (a snapshot
  // cannot be exported from the savepoint a mutation writes in). Lanes read without the request's row scope:
  // only an unscoped request may use them.
  const drafts = await withRuleLanes(ctx.em, ruleLanes(ctx), (run) => buildDrafts(run, { asOf, year, policy }));
  return runMutation(ctx, async (em) => {
    const counts = await mergeDrafts(em, drafts, { asOf, year, policyVersionId: version.id, actor: ctx.actor });
    // A first run of a year adds thousands of rows at once. Without fresh statistics the list and count
    // queries are planned for the table as it was (often empty), until autovacuum gets round to it.
    if (counts.created + counts.resolved >= ANALYZE_AFTER_CHANGES) await execute(em, sql`analyze recommendation`);
    const byKind = new Map<RecommendationKind, number>();
    for (const d of drafts) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
    return {
      ...counts, asOf, year, policyVersion: version,
      byKind: RECOMMENDATION_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })), durationMs: Date.now() - started,
    };
  });
}

export async function setRecommendationStatus(
  ctx: Context, id: string, status: RecommendationStatus, note: string | null | undefined,
): Promise<MutationResult<Recommendation>> {
  return runMutation(ctx, async (em: EntityManager) => {
    const check = new InputCheck();
    if (!RECOMMENDATION_STATUSES.includes(status)) check.add('status', UserErrorCode.INVALID, `status must be one of ${RECOMMENDATION_STATUSES.join(', ')}.`);
    if (note !== null && note !== undefined && note.length > 4000) check.add('note', UserErrorCode.OUT_OF_RANGE, `note must be at most 4000 characters, got ${note.length}.`);
    check.throwIfAny();
    const rec = await requireEntity(em, Recommendation, id, 'id');
    if (rec.status === status) {
      throw new UserErrorsException([userError('status', UserErrorCode.CONFLICT, `The recommendation is already ${status}.`)]);
    }
    em.create(RecommendationStatusChange, { recommendation: rec, fromStatus: rec.status, toStatus: status, changedBy: ctx.actor, note: note?.trim() || null });
    rec.status = status;
    rec.updatedAt = new Date();
    await em.flush();
    return rec;
  });
}
