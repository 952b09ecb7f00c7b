import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../graphql/list';
import { join, raw, sql } from '../../graphql/sql';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export function emptyCounts(): UpsertCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function addCounts(into: UpsertCounts, more: UpsertCounts): UpsertCounts {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  return into;
}

export interface UpsertSpec {
  table: string;
  /** Columns written, in the order of each row's values. */
  columns: readonly string[];
  /** The natural key (a unique constraint) the rows are matched on. */
  key: readonly string[];
  /** Explicit casts per column where PostgreSQL cannot infer the type from a bound text value. */
  casts?: Readonly<Record<string, string>>;
}

// PostgreSQL allows 65,535 bound parameters per statement.
const MAX_PARAMS = 30_000;

/**
 * Multi-row `insert … on conflict (key) do update … where changed`. Rows whose
 * values are identical are left untouched (no new row version, not counted
 * as updated), which is what makes a second import of the same file a no-op.
 * `xmax = 0` distinguishes an insert from an update in RETURNING.
 */
export async function bulkUpsert(em: EntityManager, spec: UpsertSpec, rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
  const counts = emptyCounts();
  if (rows.length === 0) return counts;
  const valueColumns = spec.columns.filter((c) => !spec.key.includes(c));
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / spec.columns.length));
  const cast = (c: string): string => (spec.casts?.[c] ? `::${spec.casts[c]}` : '');
  const conflictAction = valueColumns.length === 0
    ? raw('do nothing')
    : raw(`do update set ${valueColumns.map((c) => `${c} = excluded.${c}`).join(', ')} where (${valueColumns.map((c) => `${spec.table}.${c}`).join(', ')}) is distinct from (${valueColumns.map((c) => `excluded.${c}`).join(', ')})`);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const values = join(part.map((row) => sql`(${join(row.map((v, j) => sql`${v}${raw(cast(spec.columns[j]!))}`), ', ')})`), ', ');
    const returned = await execute<{ inserted: boolean }>(em, sql`insert into ${raw(spec.table)} (${raw(spec.columns.join(', '))}) values ${values}
      on conflict (${raw(spec.key.join(', '))}) ${conflictAction} returning (xmax = 0) as inserted`);
    const created = returned.filter((r) => r.inserted).length;
    counts.created += created;
    counts.updated += returned.length - created;
    counts.unchanged += part.length - returned.length;
  }
  return counts;
}

/** Natural key → id for a table, for resolving references in the next stage. */
export async function idMap(em: EntityManager, table: string, keyColumn: string): Promise<Map<string, number>> {
  const rows = await execute<{ id: number; k: string }>(em, sql`select id, ${raw(keyColumn)} as k from ${raw(table)}`);
  return new Map(rows.map((r) => [r.k, Number(r.id)]));
}

