import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode, userError, UserErrorsException } from '../../graphql/errors';
import { execute } from '../../graphql/list';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { sql } from '../../graphql/sql';
import {
  RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES, recommendationPolicy,
  type RecommendationKind, type RecommendationStatus,
} from '../../domain/recommendation-rules';
import { checkYear, resolveAsOf } from '../employee/employee.sql';
import { PolicyVersion } from '../policy/policy-version.entity';
import { Recommendation, RecommendationStatusChange } from './recommendation.entity';
import { buildDrafts, type RecommendationDraft } from './recommendation-drafts';

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

interface StoredRow {
  id: number;
  key: string;
  status: RecommendationStatus;
  fingerprint: string;
}

/** Key order of jsonb differs from what was written; compare canonical forms. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function fingerprint(d: Pick<RecommendationDraft, 'severity' | 'impact' | 'impactSecondary' | 'unitId' | 'positionId' | 'trainingId' | 'employeeId' | 'competencyId' | 'evidence' | 'texts' | 'evidenceQuery'>, asOf: string, policyVersionId: number): string {
  return JSON.stringify(canonical({
    severity: d.severity, impact: d.impact, impactSecondary: d.impactSecondary, unitId: d.unitId, positionId: d.positionId,
    trainingId: d.trainingId, employeeId: d.employeeId, competencyId: d.competencyId, evidence: d.evidence, texts: d.texts,
    evidenceQuery: d.evidenceQuery, asOf, policyVersionId,
  }));
}

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
 * Runs every rule against the active policy and merges the result into the
 * stored recommendations of the year in a handful of set-based statements:
 * new keys are inserted (OPEN), changed ones updated in place (a RESOLVED
 * one that holds again reopens), ACCEPTED and DISMISSED decisions are kept,
 * and OPEN or ACCEPTED ones whose rule no longer holds become RESOLVED.
 * Every status change is written to the history with the actor.
 */
export async function generateRecommendations(ctx: Context, asOfArg: string | null | undefined, yearArg: number | null | undefined): Promise<MutationResult<GenerateResult>> {
  const asOf = resolveAsOf(asOfArg, 'asOf');
  const year = yearArg === null || yearArg === undefined ? Number(asOf.slice(0, 4)) : checkYear(yearArg, 'year');
  const started = Date.now();
  return runMutation(ctx, async (em) => {
    const version = await em.findOne(PolicyVersion, { status: 'ACTIVE' });
    if (!version) throw new UserErrorsException([userError(null, UserErrorCode.NOT_FOUND, 'There is no active policy version; activate one first.')]);
    const policy = recommendationPolicy(version.parameters);
    // The placement rules aggregate a few million (employee, standard, competency) rows; with the default
    // 4 MB the hash aggregates spill to disk. Local to this transaction only.
    await execute(em, sql`select set_config('work_mem', '64MB', true)`);
    const drafts = await buildDrafts(em, { asOf, year, policy });
    const stored = await execute<{ id: number; key: string; status: RecommendationStatus; severity: string; impact: number; impact_secondary: number; unit_id: number | null; position_id: number | null; training_id: number | null; employee_id: number | null; competency_id: number | null; evidence: Record<string, unknown>; texts: RecommendationDraft['texts']; evidence_query: string; as_of: string; policy_version_id: number }>(em, sql`
      select id, key, status, severity, impact, impact_secondary, unit_id, position_id, training_id, employee_id, competency_id,
        evidence, texts, evidence_query, as_of::text as as_of, policy_version_id
      from recommendation where year = ${year}::int`);
    const byKey = new Map<string, StoredRow>(stored.map((s) => [s.key, {
      id: Number(s.id), key: s.key, status: s.status,
      fingerprint: fingerprint({
        severity: s.severity as RecommendationDraft['severity'], impact: Number(s.impact), impactSecondary: Number(s.impact_secondary),
        unitId: s.unit_id === null ? null : Number(s.unit_id), positionId: s.position_id === null ? null : Number(s.position_id),
        trainingId: s.training_id === null ? null : Number(s.training_id), employeeId: s.employee_id === null ? null : Number(s.employee_id),
        competencyId: s.competency_id === null ? null : Number(s.competency_id),
        evidence: typeof s.evidence === 'string' ? JSON.parse(s.evidence) : s.evidence,
        texts: typeof s.texts === 'string' ? JSON.parse(s.texts) : s.texts, evidenceQuery: s.evidence_query,
      }, s.as_of, Number(s.policy_version_id)),
    }]));

    const toCreate: RecommendationDraft[] = [];
    const toUpdate: (Record<string, unknown> & { id: number; old_status: RecommendationStatus })[] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const d of drafts) {
      seen.add(d.key);
      const existing = byKey.get(d.key);
      if (!existing) {
        toCreate.push(d);
      } else if (existing.status === 'RESOLVED' || existing.fingerprint !== fingerprint(d, asOf, version.id)) {
        toUpdate.push({ ...record(d), id: existing.id, old_status: existing.status });
      } else {
        unchanged++;
      }
    }
    // DISMISSED stays dismissed even when the rule stops holding: it is a decision, not a state of the data.
    const toResolve = [...byKey.values()].filter((s) => !seen.has(s.key) && (s.status === 'OPEN' || s.status === 'ACCEPTED'));

    if (toCreate.length > 0) {
      await execute(em, sql`with ins as (
          insert into recommendation (key, kind, severity, impact, impact_secondary, status, year, as_of, unit_id, position_id, training_id,
            employee_id, competency_id, evidence, texts, evidence_query, policy_version_id)
          select x.key, x.kind, x.severity, x.impact, x.impact_secondary, 'OPEN', ${year}::int, ${asOf}::date, x.unit_id, x.position_id, x.training_id,
            x.employee_id, x.competency_id, x.evidence, x.texts, x.evidence_query, ${version.id}::int
          from jsonb_to_recordset(${JSON.stringify(toCreate.map(record))}::jsonb) as x(${RECORD_COLUMNS})
          returning id
        )
        insert into recommendation_status_change (recommendation_id, from_status, to_status, changed_by, note)
        select id, null, 'OPEN', ${ctx.actor}, ${`Generated as of ${asOf}`} from ins`);
    }
    if (toUpdate.length > 0) {
      await execute(em, sql`with upd as (
          update recommendation r set severity = x.severity, impact = x.impact, impact_secondary = x.impact_secondary, as_of = ${asOf}::date,
            unit_id = x.unit_id, position_id = x.position_id, training_id = x.training_id, employee_id = x.employee_id, competency_id = x.competency_id,
            evidence = x.evidence, texts = x.texts, evidence_query = x.evidence_query, policy_version_id = ${version.id}::int,
            status = case when r.status = 'RESOLVED' then 'OPEN' else r.status end, updated_at = current_timestamp
          from jsonb_to_recordset(${JSON.stringify(toUpdate)}::jsonb) as x(id int, old_status text, ${RECORD_COLUMNS})
          where r.id = x.id
          returning r.id, x.old_status, r.status
        )
        insert into recommendation_status_change (recommendation_id, from_status, to_status, changed_by, note)
        select id, old_status, status, ${ctx.actor}, ${`Holds again as of ${asOf}`} from upd where old_status <> status`);
    }
    if (toResolve.length > 0) {
      await execute(em, sql`with res as (
          update recommendation r set status = 'RESOLVED', updated_at = current_timestamp
          from jsonb_to_recordset(${JSON.stringify(toResolve.map((s) => ({ id: s.id, old_status: s.status })))}::jsonb) as x(id int, old_status text)
          where r.id = x.id
          returning r.id, x.old_status
        )
        insert into recommendation_status_change (recommendation_id, from_status, to_status, changed_by, note)
        select id, old_status, 'RESOLVED', ${ctx.actor}, ${`No longer holds as of ${asOf}`} from res`);
    }
    const counts = new Map<RecommendationKind, number>();
    for (const d of drafts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
    return {
      created: toCreate.length, updated: toUpdate.length, resolved: toResolve.length, unchanged, asOf, year, policyVersion: version,
      byKind: RECOMMENDATION_KINDS.map((kind) => ({ kind, count: counts.get(kind) ?? 0 })), durationMs: Date.now() - started,
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
