import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { paginate, type Connection, type ConnectionArgs } from '../../graphql/pagination';
import { inList, raw, sql } from '../../graphql/sql';
import type { AuditChangeInfo, AuditTableChanges } from './access.types';

/**
 * An audited request may change tens of thousands of rows (a recommendation
 * run, an import), so an entry's changes are summarised by one grouped count
 * and read a page at a time, each in one statement for every entry of the
 * request.
 */

/** Changed rows per table of each entry, most changed table first. */
export function auditTableChangesLoader(ctx: Context): DataLoader<number, AuditTableChanges[]> {
  return ctx.loaders.get('AuditEntry.changedTables', (em) => new DataLoader<number, AuditTableChanges[]>(async (ids) => {
    const rows = await execute<{ entry_id: number; table_name: string; operation: string; n: string | number }>(
      em,
      sql`select entry_id, table_name, operation, count(*) as n from audit_change where ${inList(raw('entry_id'), [...ids])}
          group by entry_id, table_name, operation`,
    );
    const byEntry = new Map<number, Map<string, AuditTableChanges>>();
    for (const r of rows) {
      const tables = byEntry.get(Number(r.entry_id)) ?? new Map<string, AuditTableChanges>();
      byEntry.set(Number(r.entry_id), tables);
      const t = tables.get(r.table_name) ?? { table: r.table_name, total: 0, inserted: 0, updated: 0, deleted: 0 };
      tables.set(r.table_name, t);
      const n = Number(r.n);
      t.total += n;
      if (r.operation === 'INSERT') t.inserted += n;
      else if (r.operation === 'UPDATE') t.updated += n;
      else if (r.operation === 'DELETE') t.deleted += n;
    }
    return ids.map((id) => [...(byEntry.get(id)?.values() ?? [])].sort((a, b) => b.total - a.total || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0)));
  }));
}

interface ChangeRow {
  entry_id: number;
  table_name: string;
  row_id: number | null;
  operation: string;
  before: unknown;
  after: unknown;
}

/** One window (offset, limit, table) of the changes of every entry asking for it, in change order. */
function auditChangesPageLoader(ctx: Context, table: string | null, limit: number, offset: number): DataLoader<number, AuditChangeInfo[]> {
  return ctx.loaders.get(`AuditEntry.changes:${limit}:${offset}:${table ?? ''}`, (em) => new DataLoader<number, AuditChangeInfo[]>(async (ids) => {
    const ofTable = table === null ? raw('true') : sql`c.table_name = ${table}`;
    // A range on entry_id, not an equality: with an equality the planner drops
    // entry_id from the order and, when a few huge entries skew its estimate,
    // walks the primary key through every entry's rows instead of the
    // (entry_id, id) index through this entry's.
    const rows = await execute<ChangeRow>(em, sql`select c.entry_id, c.table_name, c.row_id, c.operation, c.before, c.after
      from (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int as id) e
      cross join lateral (
        select * from audit_change c where c.entry_id between e.id and e.id and ${ofTable}
        order by c.entry_id, c.id limit ${limit} offset ${offset}
      ) c
      order by c.entry_id, c.id`);
    const groups = new Map<number, AuditChangeInfo[]>();
    for (const r of rows) {
      const list = groups.get(Number(r.entry_id)) ?? [];
      list.push({ table: r.table_name, rowId: r.row_id, operation: r.operation, before: r.before, after: r.after });
      groups.set(Number(r.entry_id), list);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

/** Rows changed in `tables`, or in the one named `table`. */
export function changedRows(tables: readonly AuditTableChanges[], table: string | null = null): number {
  return tables.reduce((n, t) => n + (table === null || t.table === table ? t.total : 0), 0);
}

/** A page of an entry's changes; the total comes from the grouped counts, so it costs no statement of its own. */
export async function auditChanges(ctx: Context, entryId: number, page: ConnectionArgs, table: string | null): Promise<Connection<AuditChangeInfo>> {
  return paginate(
    page,
    (limit, offset) => auditChangesPageLoader(ctx, table, limit, offset).load(entryId),
    async () => changedRows(await auditTableChangesLoader(ctx).load(entryId), table),
  );
}
