import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context';
import { uncounted } from '../db/sql-counter';
import { beginScopedTransaction, endScopedTransaction, setAuditId } from './data-scope';
import { checkPersonalDataArguments } from './personal-data';
import { decide } from '../modules/access/rules';
import { actualCost, requestedCost } from '../modules/access/cost';
import { finishAuditEntry, hasUserErrors, startAuditEntry } from '../modules/access/audit';
import type { LeakyBuckets } from '../modules/access/throttle';
import { sha256 } from '../modules/access/secrets';
import { PersistedOperation } from '../modules/access/persisted-operation.entity';

/** Budget of anonymous callers (sign-in and `me` only), per client address. */
export const ANONYMOUS_BUDGET = 1000;

export interface LimitsOptions {
  buckets: LeakyBuckets;
  /** Largest cost a single request may have. */
  maxCost: number;
}

export interface CostReport {
  requested: number;
  actual: number;
  budget: number;
  remaining: number;
  restoreRate: number;
}

interface RequestState {
  requested: number;
  /** Points were taken from the bucket (only then is a refund due). */
  charged: boolean;
  bucketKey: string | null;
  budget: number;
  operation: OperationDefinitionNode['operation'] | null;
  rootFields: string[];
  transaction: boolean;
  auditId: number | null;
}

function refuse(message: string, code: string, status: number, extra: Record<string, unknown> = {}, headers?: [string, string][]): GraphQLError {
  const http = { status, headers: new HeaderMap(headers ?? []) };
  return new GraphQLError(message, { extensions: { code, ...extra, http } });
}

/** Root field names of the operation, through fragments and inline fragments. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d.selectionSet]));
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/**
 * Everything decided per request around execution, in order:
 * persisted-operation allow-list, the authorisation table, personal-data
 * filters, cost and rate budget (all before anything runs); then the
 * request transaction carrying row scope and the audit id; finally the audit
 * record, cost refund and `extensions.cost` on every response.
 */
export function accessPlugin(schema: GraphQLSchema, options: LimitsOptions): ApolloServerPlugin<Context> {
  const restoreRate = (budget: number) => Math.round((budget / 60) * 100) / 100;
  return {
    async requestDidStart({ contextValue: ctx }) {
      const anonymous = ctx.viewer.kind === 'anonymous';
      const state: RequestState = {
        requested: 0, charged: false, operation: null, rootFields: [], transaction: false, auditId: null,
        budget: anonymous ? ANONYMOUS_BUDGET : ctx.viewer.budget,
        bucketKey: anonymous ? `anon:${ctx.clientAddress ?? '?'}` : `${ctx.viewer.kind}:${ctx.viewer.id}`,
      };
      ctx.limits = {
        maxCost: options.maxCost,
        budget: state.budget,
        remaining: () => Math.min(state.budget, options.buckets.remaining(state.bucketKey!, state.budget) + (state.charged ? state.requested : 0)),
      };

      async function authorise(rc: GraphQLRequestContextDidResolveOperation<Context>): Promise<void> {
        const ctx = rc.contextValue;
        const viewer = ctx.viewer;
        const operation = rc.operation;
        if (!operation) return;
        state.operation = operation.operation;
        state.rootFields = rootFieldNames(rc.document, operation);

        if (viewer.persistedOnly) {
          const hash = sha256(rc.source);
          const known = await uncounted(() => ctx.em.fork().count(PersistedOperation, { hash }));
          if (known === 0) {
            throw refuse(`This API key may only run registered operations; operation ${hash} is not registered.`, 'PERSISTED_QUERY_NOT_ALLOWED', 403, { hash });
          }
        }

        const subject = { signedIn: viewer.kind !== 'anonymous', capabilities: viewer.capabilities, scoped: ctx.unitScope !== null, apiKey: viewer.kind === 'key', role: viewer.role };
        for (const field of state.rootFields) {
          const d = decide(operation.operation, field, subject);
          if (!d.allowed) throw refuse(d.reason, d.code, d.code === 'UNAUTHENTICATED' ? 401 : 403, { field });
        }

        checkPersonalDataArguments(schema, rc.document, rc.request.variables ?? {}, viewer);

        let requested: number;
        try {
          requested = requestedCost(schema, rc.document, rc.request.variables, rc.operationName ?? undefined);
        } catch (error) {
          throw refuse(`The query cost could not be computed: ${(error as Error).message}`, 'BAD_USER_INPUT', 400);
        }
        if (requested > options.maxCost) {
          throw refuse(`Query cost ${requested} exceeds the maximum of ${options.maxCost} points per request; ask for smaller pages (first/last) or fewer nested lists.`,
            'QUERY_TOO_COSTLY', 400, { cost: { requested, maximum: options.maxCost } });
        }
        if (requested > state.budget) {
          throw refuse(`Query cost ${requested} exceeds your whole rate budget of ${state.budget} points; ask for smaller pages.`,
            'QUERY_TOO_COSTLY', 400, { cost: { requested, budget: state.budget } });
        }
        const charge = options.buckets.charge(state.bucketKey!, state.budget, requested);
        if (!charge.ok) {
          throw refuse(`Throttled: this request costs ${requested} points and ${charge.remaining} of your ${state.budget} remain; retry after ${charge.retryAfter} s.`,
            'THROTTLED', 429, { retryAfter: charge.retryAfter, cost: { requested, remaining: charge.remaining, budget: state.budget } },
            [['retry-after', String(charge.retryAfter)]]);
        }

        state.requested = requested;
        state.charged = true;

        // importDataset works on its own connection and transaction; holding
        // one here would block it (PGlite has a single connection).
        const isMutation = operation.operation === 'mutation';
        state.transaction = (ctx.unitScope !== null || isMutation) && !state.rootFields.includes('importDataset');
      }

      return {
        async didResolveOperation(rc) {
          await authorise(rc);
        },

        async executionDidStart(rc) {
          if (!state.transaction) return;
          const ctx = rc.contextValue;
          await uncounted(async () => {
            await beginScopedTransaction(ctx.em, { unitIds: ctx.unitScope, auditId: null });
            if (state.operation === 'mutation') {
              state.auditId = await startAuditEntry(ctx.em, {
                viewer: ctx.viewer, document: rc.document, operationName: rc.operationName ?? null, mutations: state.rootFields, variables: rc.request.variables,
              });
              await setAuditId(ctx.em, state.auditId);
            }
          });
        },

        async willSendResponse(rc) {
          const ctx = rc.contextValue;
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : null;
          const data = result?.data ?? null;
          const ok = !result?.errors?.length && !hasUserErrors(data);
          try {
            await uncounted(async () => {
            if (state.transaction) {
              if (state.auditId !== null) await finishAuditEntry(ctx.em, state.auditId, data, ok);
              await endScopedTransaction(ctx.em, true);
            } else if (state.operation === 'mutation' && state.rootFields.length > 0 && rc.operation) {
              const em = ctx.em.fork() as EntityManager;
              const id = await startAuditEntry(em, { viewer: ctx.viewer, document: rc.document, operationName: rc.operationName ?? null, mutations: state.rootFields, variables: rc.request.variables });
              await finishAuditEntry(em, id, data, ok);
            }
            });
          } catch (error) {
            await endScopedTransaction(ctx.em, false).catch(() => undefined);
            if (result) {
              result.data = null;
              result.errors = [...(result.errors ?? []), new GraphQLError('The request could not be completed; nothing was changed.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }).toJSON()];
            }
            console.error('request transaction failed', error);
          }
          let actual = 0;
          let remaining = state.budget;
          if (state.bucketKey && state.charged) {
            actual = actualCost(data, state.operation === 'mutation' ? state.rootFields.length : 0);
            remaining = options.buckets.refund(state.bucketKey, state.budget, state.requested - actual);
          } else if (state.bucketKey) {
            remaining = options.buckets.remaining(state.bucketKey, state.budget);
          }
          if (result) {
            const cost: CostReport = { requested: state.requested, actual, budget: state.budget, remaining, restoreRate: restoreRate(state.budget) };
            result.extensions = { ...result.extensions, cost };
          }
        },
      };
    },
  };
}
