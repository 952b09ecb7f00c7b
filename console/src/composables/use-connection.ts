import { computed, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { useQuery, type AnyVariables, type RequestPolicy, type TypedDocumentNode } from '@urql/vue';

/** The Relay connection fields `useConnection` reads. */
export interface Connection<TNode> {
  nodes: TNode[];
  totalCount?: number | null;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Where the current page is. Cursors are opaque and only say "after/before this
 * item"; `page` is carried alongside so the pager can show "page 3 of 7" and the
 * range of rows, which cursors alone cannot tell.
 */
export interface PagePosition {
  page: number;
  after?: string | null;
  before?: string | null;
}

export const firstPage: PagePosition = { page: 1 };

type PagingVariables = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };
type FilterVariables<TVars> = Omit<TVars, keyof PagingVariables>;

export interface UseConnectionOptions<TData, TVars extends AnyVariables & PagingVariables, TNode> {
  query: TypedDocumentNode<TData, TVars>;
  /** Everything but the paging arguments: filters, sorting. A change goes back to the first page. */
  variables: MaybeRefOrGetter<FilterVariables<TVars>>;
  /** Picks the connection out of the query result. */
  connection: (data: TData) => Connection<TNode> | null | undefined;
  pageSize: MaybeRefOrGetter<number>;
  /**
   * The caller owns the position (usually in the URL), so reloading or sharing a link
   * shows the same page. Defaults to a local ref.
   */
  position?: Ref<PagePosition>;
  requestPolicy?: RequestPolicy;
  pause?: MaybeRefOrGetter<boolean>;
}

export function pagingVariables(position: PagePosition, pageSize: number): PagingVariables {
  if (position.before) return { last: pageSize, before: position.before };
  if (position.after) return { first: pageSize, after: position.after };
  return { first: pageSize };
}

/** Stable text for comparing variable objects by value; key order does not matter. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const isFirst = (p: PagePosition): boolean => p.page <= 1 && !p.after && !p.before;

/**
 * Server-side, cursor-based paging over a Relay connection: first/previous/next
 * page, the row range and page count from `totalCount`, and a return to the
 * first page when filters, sorting or the page size change.
 */
export function useConnection<TData, TVars extends AnyVariables & PagingVariables, TNode>(
  options: UseConnectionOptions<TData, TVars, TNode>,
) {
  const position = options.position ?? ref<PagePosition>({ ...firstPage });

  const result = useQuery<TData, TVars>({
    query: options.query,
    // Paging keys are added here and nowhere else, so the cast only widens the filter type back.
    variables: () => ({ ...toValue(options.variables), ...pagingVariables(position.value, toValue(options.pageSize)) }) as TVars,
    requestPolicy: options.requestPolicy,
    pause: () => toValue(options.pause) ?? false,
  });

  const connection = computed(() => (result.data.value ? (options.connection(result.data.value) ?? null) : null));
  const nodes = computed<TNode[]>(() => connection.value?.nodes ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? null);
  const pageInfo = computed(() => connection.value?.pageInfo ?? null);
  const pageSize = computed(() => toValue(options.pageSize));
  const page = computed(() => Math.max(1, position.value.page));
  const pageCount = computed(() => (totalCount.value === null ? null : Math.max(1, Math.ceil(totalCount.value / pageSize.value))));
  const range = computed(() => {
    if (nodes.value.length === 0) return null;
    const from = (page.value - 1) * pageSize.value + 1;
    return { from, to: from + nodes.value.length - 1 };
  });
  const hasNext = computed(() => pageInfo.value?.hasNextPage ?? false);
  const hasPrevious = computed(() => (pageInfo.value?.hasPreviousPage ?? false) || page.value > 1);

  function goTo(next: PagePosition): void {
    if (stableKey(next) !== stableKey(position.value)) position.value = next;
  }

  function first(): void {
    goTo({ ...firstPage });
  }

  function next(): void {
    const info = pageInfo.value;
    if (!info?.hasNextPage || !info.endCursor) return;
    goTo({ page: page.value + 1, after: info.endCursor });
  }

  function previous(): void {
    const info = pageInfo.value;
    if (page.value <= 2 || !info?.startCursor) return first();
    goTo({ page: page.value - 1, before: info.startCursor });
  }

  function refresh(): void {
    result.executeQuery({ requestPolicy: 'network-only' });
  }

  watch(
    () => stableKey([toValue(options.variables), pageSize.value]),
    (now, before) => {
      if (now !== before) first();
    },
  );

  // Page numbers travel with cursors but are only bookkeeping: when the server says there is
  // nothing before this page (rows were deleted, or a link was edited), this is the first page.
  watch(connection, (conn) => {
    if (!conn || isFirst(position.value)) return;
    if (!conn.pageInfo.hasPreviousPage || conn.nodes.length === 0) first();
  });

  // A cursor from an old or edited link is refused as bad input; the first page is still useful.
  // Other errors (network, server) keep the position so a retry returns to the same page.
  watch(result.error, (error) => {
    const badInput = error?.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT') ?? false;
    if (badInput && !isFirst(position.value)) first();
  });

  return {
    position,
    nodes,
    totalCount,
    pageInfo,
    page,
    pageCount,
    pageSize,
    range,
    hasNext,
    hasPrevious,
    fetching: result.fetching,
    stale: result.stale,
    error: result.error,
    data: result.data,
    first,
    next,
    previous,
    refresh,
  };
}
