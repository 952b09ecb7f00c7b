import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context';
import { compileOrder, compileWhere, hasJointFields, type OrderDirection, type WhereSpec } from './filters';
import { paginate, type Connection, type ConnectionArgs } from './pagination';
import { readRows } from './rows';
import { and, raw, sql, type Sql } from './sql';

/** How a root list maps to SQL: its table, filters and sortable columns. */
export interface ListSpec<T extends object> {
  entity: EntityClass<T>;
  table: string;
  alias: string;
  where: WhereSpec<Context>;
  order: Record<string, Sql>;
  defaultOrder: Sql;
}

export interface ListArgs extends ConnectionArgs {
  where?: object | null;
  orderBy?: { field: string; direction?: OrderDirection | null }[] | null;
}

/** Runs a fragment on the given EntityManager (inside a transaction, pass the transaction's). */
export async function execute<R = Record<string, unknown>>(em: EntityManager, query: Sql): Promise<R[]> {
  return em.getConnection().execute<R[]>(query.text, [...query.params], 'all', em.getTransactionContext());
}

/**
 * A filtered, ordered, paged root list in at most two statements: the page
 * (with one extra row to detect a next page) and, only when asked, the count.
 * Rows are read-only instances (graphql/rows.ts), remembered by the request's
 * loaders so nested look-ups by id reuse them.
 *
 * With a joint field in the where (a set computed over the city, most of the
 * statement's time), the page carries the count in each row, so totalCount
 * does not compute the set again. Only then: a page otherwise stops at its
 * last row (an index scan in order), which counting every row would undo.
 */
export async function listConnection<T extends object>(
  ctx: Context,
  spec: ListSpec<T>,
  args: ListArgs,
  extraConditions: Sql[] = [],
): Promise<Connection<T>> {
  const a = spec.alias;
  const cond = and([compileWhere(args.where, spec.where, a, ctx), ...extraConditions]);
  const from = sql`${raw(spec.table)} ${raw(a)} where ${cond}`;
  const countInPage = hasJointFields(args.where, spec.where);
  let pageTotal: number | undefined;
  return paginate<T>(
    args,
    async (limit, offset) => {
      const order = compileOrder(args.orderBy, spec.order, a, spec.defaultOrder);
      const columns = countInPage ? sql`${raw(a)}.*, count(*) over () as list_total` : sql`${raw(a)}.*`;
      const rows = await execute(ctx.em, sql`select ${columns} from ${from} order by ${order} limit ${limit} offset ${offset}`);
      if (countInPage && rows.length > 0) {
        pageTotal = Number(rows[0]!.list_total);
        for (const row of rows) delete row.list_total;
      }
      const entities = readRows(ctx.em, spec.entity, rows);
      ctx.loaders.remember(spec.entity, entities);
      return entities;
    },
    async () => {
      // An empty page (past the end, or nothing asked) says nothing about the total.
      if (pageTotal !== undefined) return pageTotal;
      const [row] = await execute<{ n: string | number }>(ctx.em, sql`select count(*) as n from ${from}`);
      return Number(row?.n ?? 0);
    },
  );
}
