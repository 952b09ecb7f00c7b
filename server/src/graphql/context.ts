import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlCounter } from '../db/sql-counter';
import { Loaders } from './loaders';

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
}

export function createContext(em: EntityManager, sql: SqlCounter, init: Partial<Pick<Context, 'actor' | 'lang'>> = {}): Context {
  const forked = em.fork() as EntityManager;
  return { em: forked, loaders: new Loaders(forked), sql, actor: init.actor ?? 'anonymous', lang: init.lang ?? 'id' };
}
