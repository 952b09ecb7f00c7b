import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const PAGE_DOC = `Page size: at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.`;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Return the first n items after \`after\`. ${PAGE_DOC}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from a previous page (`pageInfo.endCursor`).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Return the last n items before \`before\`. ${PAGE_DOC}` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from a previous page (`pageInfo.startCursor`).' })
  before?: string | null;
}

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: Promise<number> | number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field(() => nodeType, { description: 'The item.' })
    node!: T;

    @Field(() => String, { description: 'Opaque cursor of this item, for `after`/`before`.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The items of this page (same as edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages (computed only when asked for).' })
    totalCount!: number;
  }
  return ConnectionType as ClassType<Connection<T>>;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argument: string): number {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw new GraphQLError(`Argument "${argument}" is not a valid cursor: ${JSON.stringify(cursor)}. Use a cursor from pageInfo or an edge.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
    });
  }
  return Number(m[1]);
}

function checkSize(value: number | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`Argument "${argument}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
    });
  }
  return value;
}

export interface PageWindow {
  offset: number;
  /** Rows wanted on this page. */
  limit: number;
  hasPreviousPage: boolean;
  /** Set when `before` was given: rows exist after the window by definition. */
  boundedAbove: boolean;
}

/**
 * Offset-window pagination: the cursor encodes the row offset under the
 * requested filter and order. Simple and exact for any multi-key order; the
 * price is that a page can shift if rows are inserted meanwhile.
 */
export async function pageWindow(args: ConnectionArgs, count: () => Promise<number>): Promise<PageWindow> {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  let start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const before = args.before ? decodeCursor(args.before, 'before') : undefined;
  let end = before ?? Number.POSITIVE_INFINITY;
  if (first === undefined && last === undefined) end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) {
    if (!Number.isFinite(end)) end = await count();
    start = Math.max(start, end - last);
  }
  const limit = Math.max(0, end - start);
  return { offset: start, limit, hasPreviousPage: start > 0, boundedAbove: before !== undefined };
}

/**
 * Runs a page query. `fetch` receives limit + 1 so the extra row tells
 * whether a next page exists without a count; `count` runs only when the
 * client selects totalCount (or uses `last` without `before`).
 */
export async function paginate<T>(
  args: ConnectionArgs,
  fetch: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  let counted: Promise<number> | undefined;
  const countOnce = () => (counted ??= count());
  const window = await pageWindow(args, countOnce);
  const rows = window.limit > 0 ? await fetch(window.limit + 1, window.offset) : [];
  const page = rows.slice(0, window.limit);
  const edges = page.map((node, i) => ({ node, cursor: encodeCursor(window.offset + i) }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > window.limit || (window.boundedAbove && page.length > 0),
      hasPreviousPage: window.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return countOnce();
    },
  };
}

/** Pages an in-memory list the same way (for lists computed outside SQL, e.g. a ranked candidate list). */
export async function paginateArray<T>(args: ConnectionArgs, items: readonly T[]): Promise<Connection<T>> {
  return paginate(args, async (limit, offset) => items.slice(offset, offset + limit), async () => items.length);
}
