import DataLoader from 'dataloader';
import { wrap, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from './list';
import { readRows, tableInfo } from './rows';
import { inList, join, raw, sql } from './sql';

interface WithId {
  id: number;
}

/**
 * Per-request DataLoaders, created lazily by key so each module can declare
 * the batch loads it needs without a central registry. One batch = one SQL
 * statement, whatever the number of parent rows.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();
  /** Rows read in this request outside the ORM (graphql/rows.ts), by entity and id, so byId serves them without SQL. */
  private readonly read = new Map<string, Map<number, object>>();

  constructor(readonly em: EntityManager) {}

  /** A loader under `key`, built once per request by `factory`. */
  get<K, V>(key: string, factory: (em: EntityManager) => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = factory(this.em);
      this.cache.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Records rows read in this request (lists, batches) so later look-ups by id reuse them. */
  remember(entity: { name: string }, rows: readonly object[]): void {
    let byId = this.read.get(entity.name);
    if (!byId) {
      byId = new Map();
      this.read.set(entity.name, byId);
    }
    for (const row of rows) {
      const id = (row as { id?: unknown }).id;
      if (typeof id === 'number') byId.set(id, row);
    }
  }

  /** Entities by primary key; missing ids resolve to null. */
  byId<T extends WithId>(entity: EntityClass<T>): DataLoader<number, T | null> {
    return this.get(`byId:${entity.name}`, (em) => new DataLoader<number, T | null>(async (ids) => {
      // Rows already loaded in this request (e.g. by a list query) are served
      // from the identity map or the request's own reads; only the rest costs a statement.
      const map = new Map<number, T>();
      const missing: number[] = [];
      const read = this.read.get(entity.name);
      for (const id of ids) {
        const known = em.getUnitOfWork().getById<T>(entity.name, id as never);
        const seen = read?.get(id) as T | undefined;
        if (known && wrap(known).isInitialized()) map.set(id, known);
        else if (seen) map.set(id, seen);
        else missing.push(id);
      }
      if (missing.length > 0) {
        const t = tableInfo(em, entity.name);
        const rows = t.direct
          ? readRows(em, entity, await execute(em, sql`select t.* from ${raw(quote(t.table))} t where ${inList(raw(`t.${quote(t.primaryKey)}`), missing)}`))
          : ((await em.find(entity, { id: { $in: missing } } as never)) as T[]);
        this.remember(entity, rows);
        for (const r of rows) map.set(r.id, r);
      }
      return ids.map((id) => map.get(id) ?? null);
    }));
  }

  /**
   * Children by a foreign key (e.g. positions by unit id), in a stable order.
   * `fk` is the ManyToOne property on the child entity.
   */
  hasMany<T extends WithId>(
    entity: EntityClass<T>,
    fk: string,
    orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
  ): DataLoader<number, T[]> {
    // The order is part of the key: callers asking for another order get their own batch.
    return this.get(`hasMany:${entity.name}.${fk}:${JSON.stringify(orderBy)}`, (em) => new DataLoader<number, T[]>(async (ids) => {
      const t = tableInfo(em, entity.name);
      let rows: T[];
      if (t.direct) {
        const order = join(Object.entries({ ...orderBy, id: 'asc' }).map(([p, d]) => raw(`t.${quote(t.column(p))} ${d === 'desc' ? 'desc' : 'asc'}`)), ', ');
        rows = readRows(em, entity, await execute(em, sql`select t.* from ${raw(quote(t.table))} t where ${inList(raw(`t.${quote(t.column(fk))}`), [...ids])} order by ${order}`));
        this.remember(entity, rows);
      } else {
        rows = (await em.find(entity, { [fk]: { $in: [...ids] } } as never, { orderBy: { ...orderBy, id: 'asc' } as never })) as T[];
      }
      const groups = new Map<number, T[]>();
      for (const row of rows) {
        const parent = (row as unknown as Record<string, WithId | null>)[fk];
        if (!parent) continue;
        const list = groups.get(parent.id);
        if (list) list.push(row);
        else groups.set(parent.id, [row]);
      }
      return ids.map((id) => groups.get(id) ?? []);
    }));
  }
}

/** A quoted SQL identifier (table and column names from entity metadata). */
function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
