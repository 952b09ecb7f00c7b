import DataLoader from 'dataloader';
import { wrap, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

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

  /** Entities by primary key; missing ids resolve to null. */
  byId<T extends WithId>(entity: EntityName<T> & { name: string }): DataLoader<number, T | null> {
    return this.get(`byId:${entity.name}`, (em) => new DataLoader<number, T | null>(async (ids) => {
      // Rows already loaded in this request (e.g. by a list query) are served
      // from the identity map; only the rest costs a statement.
      const map = new Map<number, T>();
      const missing: number[] = [];
      for (const id of ids) {
        const known = em.getUnitOfWork().getById<T>(entity.name, id as never);
        if (known && wrap(known).isInitialized()) map.set(id, known);
        else missing.push(id);
      }
      if (missing.length > 0) {
        const rows = (await em.find(entity, { id: { $in: missing } } as never)) as T[];
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
    entity: EntityName<T> & { name: string },
    fk: string,
    orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
  ): DataLoader<number, T[]> {
    // The order is part of the key: callers asking for another order get their own batch.
    return this.get(`hasMany:${entity.name}.${fk}:${JSON.stringify(orderBy)}`, (em) => new DataLoader<number, T[]>(async (ids) => {
      const rows = (await em.find(entity, { [fk]: { $in: [...ids] } } as never, { orderBy: { ...orderBy, id: 'asc' } as never })) as T[];
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
