import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Orm } from '../db/orm';
import type { Context } from './context';
import { accessPlugin } from './access-plugin';
import { LeakyBuckets } from '../modules/access/throttle';
import { PersistedOperation } from '../modules/access/persisted-operation.entity';
import { authenticateRequest, httpBridge, type RequestAuth } from '../modules/access/http-auth';

/** Largest cost one request may have (SIKAP_MAX_QUERY_COST overrides). */
export const DEFAULT_MAX_QUERY_COST = 50_000;

export const ARMOR_LIMITS = { maxDepth: 15, maxAliases: 50, maxTokens: 10_000, maxDirectives: 50 } as const;

/**
 * Serves Apollo's persisted-query look-ups from the registered operations,
 * so allow-listed clients may send only the hash. Registration happens
 * through the admin mutation only: `set` (automatic registration) is ignored.
 */
class RegisteredOperations {
  constructor(private readonly orm: Orm) {}

  async get(key: string): Promise<string | undefined> {
    const hash = key.replace(/^apq:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const op = await (this.orm.em.fork() as EntityManager).findOne(PersistedOperation, { hash });
    return op?.document;
  }

  async set(): Promise<void> {}

  async delete(): Promise<boolean> {
    return false;
  }
}

export interface SecurityOptions {
  parseOptions: { maxTokens: number };
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ValidationRule[];
  formatError: NonNullable<ApolloServerOptions<Context>['formatError']>;
  persistedQueries: ApolloServerOptions<Context>['persistedQueries'];
}

/** Access control, limits and error hygiene for the Apollo server, in one call from app.ts. */
export function securityOptions(schema: GraphQLSchema, orm: Orm, production: boolean, maxQueryCost?: number): SecurityOptions {
  const armor = new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    // Apollo's own parser limit (parseOptions below) answers 400; armor's answers 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    // Our own cost analysis (modules/access/cost.ts) knows page sizes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const maxCost = maxQueryCost ?? Number(process.env.SIKAP_MAX_QUERY_COST ?? DEFAULT_MAX_QUERY_COST);
  return {
    plugins: [accessPlugin(schema, { buckets: new LeakyBuckets(), maxCost }), ...(armor.plugins as ApolloServerPlugin<Context>[])],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
    persistedQueries: { cache: new RegisteredOperations(orm) },
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      // A value the database cannot read (a date "2024-02-30", a number out of
      // range) that slipped past validation is the caller's mistake, not a crash.
      const dbCode = (unwrapResolverError(error) as { code?: unknown } | null)?.code;
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && typeof dbCode === 'string' && dbCode.startsWith('22')) {
        const detail = String((unwrapResolverError(error) as Error).message ?? '').replace(/^[\s\S]* - /, '');
        return { message: `Invalid value: ${detail}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
      }
      // In production, unexpected errors say nothing about the internals.
      if (production && formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        const original = unwrapResolverError(error);
        console.error(original);
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
  };
}

/** Builds the per-request auth part of the context from the HTTP request. */
export async function requestAuth(orm: Orm, req: Request): Promise<RequestAuth> {
  return authenticateRequest(orm.em.fork() as EntityManager, req);
}

export { httpBridge };
