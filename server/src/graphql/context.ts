import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlCounter } from '../db/sql-counter';
import { ANONYMOUS, type Viewer } from '../modules/access/viewer';
import { Loaders } from './loaders';

/** What a resolver may do to the HTTP exchange (sign-in cookies); absent outside HTTP. */
export interface HttpBridge {
  setSessionCookie(token: string, maxAgeMs: number): void;
  clearSessionCookie(): void;
}

/**
 * Everything a resolver may use, created fresh for each request: a forked
 * EntityManager (its own identity map and unit of work) and fresh DataLoaders
 * so batching and caching never leak between requests.
 */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  sql: SqlCounter;
  /** Who acts; recorded on writes (policy activation, plan application, …). */
  actor: string;
  /** Language for generated texts (titles, rationales); `id` by default. */
  lang: 'id' | 'en';
  /** The signed-in user or API key (anonymous when neither). */
  viewer: Viewer;
  /**
   * Unit ids the viewer's rows are limited to; null = all. Enforced by the
   * database for the whole request (graphql/data-scope.ts), never by resolvers.
   */
  unitScope: readonly number[] | null;
  /** Caller's address, for sign-in throttling. */
  clientAddress?: string;
  http?: HttpBridge;
  /** The request's cost limits, set by the access plugin; read by estimateCost without charging. */
  limits?: RequestLimits;
}

/** Cost limits of the caller, readable without charging anything. */
export interface RequestLimits {
  /** Largest cost of one request. */
  maxCost: number;
  /** The caller's leaky-bucket capacity. */
  budget: number;
  /** Points the caller may spend now, not counting the current request's own charge. */
  remaining(): number;
}

export function createContext(
  em: EntityManager,
  sql: SqlCounter,
  init: Partial<Pick<Context, 'actor' | 'lang' | 'viewer' | 'unitScope' | 'clientAddress' | 'http'>> = {},
): Context {
  const forked = em.fork() as EntityManager;
  const viewer = init.viewer ?? ANONYMOUS;
  return {
    em: forked, loaders: new Loaders(forked), sql, actor: init.actor ?? (viewer.kind === 'anonymous' ? 'anonymous' : viewer.label), lang: init.lang ?? 'id',
    viewer, unitScope: init.unitScope ?? null, clientAddress: init.clientAddress, http: init.http,
  };
}
