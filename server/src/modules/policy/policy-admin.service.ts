import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode, userError, UserErrorsException } from '../../graphql/errors';
import { execute } from '../../graphql/list';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { sql } from '../../graphql/sql';
import { JPM_CATEGORIES, PREDICATES } from '../../domain/enums';
import { recommendationPolicy, type RecommendationPolicy } from '../../domain/recommendation-rules';
import { PolicyVersion } from './policy-version.entity';
import type { PolicyParametersInput } from './policy.types';

/**
 * Applies a parameters input on top of a base and checks the result, one
 * error per field, named `<prefix>.<key>`, so a client can show every
 * mistake next to its field at once.
 */
export function applyParameters(base: RecommendationPolicy, input: PolicyParametersInput, check: InputCheck, prefix = 'parameters'): RecommendationPolicy {
  const f = (k: string): string => `${prefix}.${k}`;
  const next: RecommendationPolicy = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null) {
      check.add(f(key), UserErrorCode.REQUIRED, `${f(key)} must not be null; omit it to keep the base value.`);
      continue;
    }
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  check.range(f('jpmOptimal'), next.jpmOptimal, 0, 100);
  check.range(f('jpmAdequate'), next.jpmAdequate, 0, 100);
  if (next.jpmAdequate > next.jpmOptimal) {
    check.add(f('jpmAdequate'), UserErrorCode.OUT_OF_RANGE, `${f('jpmAdequate')} (${next.jpmAdequate}) must not exceed jpmOptimal (${next.jpmOptimal}).`);
  }
  check.range(f('annualDevelopmentHours'), next.annualDevelopmentHours, 0, 1000);
  if (!PREDICATES.includes(next.minPredicate)) check.add(f('minPredicate'), UserErrorCode.INVALID, `${f('minPredicate')} must be one of ${PREDICATES.join(', ')}.`);
  check.range(f('performanceYears'), next.performanceYears, 0, 10, true);
  if (!JPM_CATEGORIES.includes(next.candidateMinCategory)) check.add(f('candidateMinCategory'), UserErrorCode.INVALID, `${f('candidateMinCategory')} must be one of ${JPM_CATEGORIES.join(', ')}.`);
  const boxes = next.talentPoolBoxes;
  if (!Array.isArray(boxes) || boxes.length === 0) {
    check.add(f('talentPoolBoxes'), UserErrorCode.REQUIRED, `${f('talentPoolBoxes')} must list at least one box.`);
  } else if (boxes.some((b) => !Number.isInteger(b) || b < 1 || b > 9) || new Set(boxes).size !== boxes.length) {
    check.add(f('talentPoolBoxes'), UserErrorCode.OUT_OF_RANGE, `${f('talentPoolBoxes')} must be distinct boxes 1–9, got ${JSON.stringify(boxes)}.`);
  } else {
    next.talentPoolBoxes = [...boxes].sort((a, b) => a - b);
  }
  check.range(f('trainingMinCompletions'), next.trainingMinCompletions, 1, 1000, true);
  check.range(f('trainingMinDeltaCompetency'), next.trainingMinDeltaCompetency, -5, 5);
  check.range(f('trainingMaxDeltaPredicate'), next.trainingMaxDeltaPredicate, -4, 4);
  check.range(f('unitGapMinMeanShortfall'), next.unitGapMinMeanShortfall, 0, 5);
  check.range(f('unitGapMinHolders'), next.unitGapMinHolders, 1, 10000, true);
  check.range(f('standardReviewMinResponses'), next.standardReviewMinResponses, 1, 10000, true);
  return next;
}

/** Keys whose values differ, with defaults filled in on both sides. */
export function diffParameters(a: Partial<RecommendationPolicy>, b: Partial<RecommendationPolicy>): { key: string; a: unknown; b: unknown }[] {
  const pa = recommendationPolicy(a) as unknown as Record<string, unknown>;
  const pb = recommendationPolicy(b) as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()
    .filter((k) => JSON.stringify(pa[k]) !== JSON.stringify(pb[k]))
    .map((k) => ({ key: k, a: pa[k] ?? null, b: pb[k] ?? null }));
}

async function baseVersion(em: EntityManager, basedOn: string | null | undefined): Promise<PolicyVersion | null> {
  if (basedOn) return requireEntity(em, PolicyVersion, basedOn, 'basedOn');
  return em.findOne(PolicyVersion, { status: 'ACTIVE' });
}

export async function createPolicyVersion(
  ctx: Context, name: string, parameters: PolicyParametersInput, basedOn: string | null | undefined,
): Promise<MutationResult<PolicyVersion>> {
  return runMutation(ctx, async (em) => {
    const check = new InputCheck();
    check.required('name', name);
    check.text('name', name);
    const base = await baseVersion(em, basedOn);
    const next = applyParameters(recommendationPolicy(base?.parameters), parameters, check);
    check.throwIfAny();
    const [row] = await execute<{ max: number | null }>(em, sql`select max(version) as max from policy_version`);
    const version = em.create(PolicyVersion, {
      version: Number(row?.max ?? 0) + 1, name: name.trim(), parameters: next, status: 'DRAFT', createdBy: ctx.actor,
    });
    await em.flush();
    return version;
  });
}

export async function updatePolicyVersion(
  ctx: Context, id: string, name: string | null | undefined, parameters: PolicyParametersInput | null | undefined,
): Promise<MutationResult<PolicyVersion>> {
  return runMutation(ctx, async (em) => {
    const version = await requireEntity(em, PolicyVersion, id, 'id');
    if (version.status !== 'DRAFT') {
      throw new UserErrorsException([userError('id', UserErrorCode.CONFLICT, `Version ${version.version} is ${version.status}; only drafts can be changed. Create a new version instead.`)]);
    }
    const check = new InputCheck();
    check.text('name', name);
    const next = parameters ? applyParameters(recommendationPolicy(version.parameters), parameters, check) : version.parameters;
    check.throwIfAny();
    if (name !== null && name !== undefined) version.name = name.trim();
    version.parameters = { ...next };
    await em.flush();
    return version;
  });
}

export interface ActivationResult { activated: PolicyVersion; retired: PolicyVersion | null }

/**
 * One ACTIVE version at a time (a partial unique index enforces it): the
 * current one is retired and flushed first, then the new one activated,
 * both with who and when.
 */
export async function activatePolicyVersion(ctx: Context, id: string): Promise<MutationResult<ActivationResult>> {
  return runMutation(ctx, async (em) => {
    const version = await requireEntity(em, PolicyVersion, id, 'id');
    if (version.status === 'ACTIVE') throw new UserErrorsException([userError('id', UserErrorCode.CONFLICT, `Version ${version.version} is already active.`)]);
    const now = new Date();
    const current = await em.findOne(PolicyVersion, { status: 'ACTIVE' });
    if (current) {
      Object.assign(current, { status: 'RETIRED', retiredAt: now, retiredBy: ctx.actor });
      await em.flush();
    }
    Object.assign(version, { status: 'ACTIVE', activatedAt: now, activatedBy: ctx.actor, retiredAt: null, retiredBy: null });
    await em.flush();
    return { activated: version, retired: current };
  });
}
