import type { Context } from '../../graphql/context';
import { DEFAULT_POLICY, type PolicyParameters } from '../../domain/policy';
import { PolicyVersion } from './policy-version.entity';

export interface ActivePolicy {
  /** The ACTIVE row; null only on a database that was never bootstrapped. */
  version: PolicyVersion | null;
  /** Its parameters, with keys an older version lacks filled from the defaults. */
  parameters: PolicyParameters;
}

// Keyed by the request context so one request reads the policy once, however
// many fields need it, and the next request sees a newly activated version.
const cache = new WeakMap<Context, Promise<ActivePolicy>>();

/** The active policy version of this request, read at most once per request. */
export function activePolicy(ctx: Context): Promise<ActivePolicy> {
  let pending = cache.get(ctx);
  if (!pending) {
    pending = ctx.em.findOne(PolicyVersion, { status: 'ACTIVE' }).then((version) => ({
      version,
      parameters: { ...DEFAULT_POLICY, ...(version?.parameters ?? {}) },
    }));
    // A failed read must not poison the rest of the request with the same rejection forever.
    pending.catch(() => cache.delete(ctx));
    cache.set(ctx, pending);
  }
  return pending;
}

/** The active policy's parameters (see activePolicy). */
export async function activePolicyParameters(ctx: Context): Promise<PolicyParameters> {
  return (await activePolicy(ctx)).parameters;
}
