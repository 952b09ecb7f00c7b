/**
 * Query results as a flat table, for the results grid and the CSV/XLSX export: the rows of the
 * first root field (a connection's nodes or edges, a list, or one object), nested objects as
 * dotted columns, nested lists joined into one cell.
 */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  columns: string[];
  rows: Row[];
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Joins the values of a list in one cell; list items keep their order. */
export const listSeparator = '; ';

/** The items a root value holds: a connection's nodes (or edges' nodes), a list's items, or the value itself. */
export function itemsOf(root: unknown): unknown[] {
  if (root === null || root === undefined) return [];
  if (Array.isArray(root)) return root;
  if (isRecord(root)) {
    if (Array.isArray(root.nodes)) return root.nodes;
    if (Array.isArray(root.edges)) return root.edges.map((e) => (isRecord(e) && 'node' in e ? { ...e, ...(isRecord(e.node) ? e.node : { node: e.node }), node: undefined } : e));
  }
  return [root];
}

export function pageInfoOf(root: unknown): PageInfo | null {
  if (!isRecord(root) || !isRecord(root.pageInfo)) return null;
  const p = root.pageInfo;
  return {
    hasNextPage: p.hasNextPage === true,
    hasPreviousPage: p.hasPreviousPage === true,
    startCursor: typeof p.startCursor === 'string' ? p.startCursor : null,
    endCursor: typeof p.endCursor === 'string' ? p.endCursor : null,
  };
}

export function totalCountOf(root: unknown): number | null {
  return isRecord(root) && typeof root.totalCount === 'number' ? root.totalCount : null;
}

function flattenInto(value: unknown, prefix: string, out: Map<string, Cell[]>): void {
  if (Array.isArray(value)) {
    // A list of objects becomes one column per leaf, each cell listing the items' values in order.
    for (const item of value) flattenInto(item, prefix, out);
    if (value.length === 0 && !out.has(prefix) && prefix) out.set(prefix, []);
    return;
  }
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '__typename' || v === undefined) continue;
      flattenInto(v, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  const cells = out.get(prefix) ?? [];
  cells.push(value === undefined ? null : (value as Cell));
  out.set(prefix, cells);
}

/** One item as a flat row: nested objects as `a.b` columns, lists joined with "; ". */
export function flattenItem(item: unknown, rootKey = 'value'): Row {
  const out = new Map<string, Cell[]>();
  flattenInto(item, isRecord(item) ? '' : rootKey, out);
  const row: Row = {};
  for (const [key, cells] of out) {
    if (cells.length === 1) row[key] = cells[0] ?? null;
    else row[key] = cells.length === 0 ? null : cells.map((c) => (c === null ? '' : String(c))).join(listSeparator);
  }
  return row;
}

/** Rows and the union of their columns, in order of first appearance. */
export function toTable(items: readonly unknown[], rootKey = 'value'): Table {
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = items.map((item) => {
    const row = flattenItem(item, rootKey);
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    return row;
  });
  return { columns, rows };
}

/** Rows of several pages as one table (the export): columns are the union over all pages. */
export function mergeTables(tables: readonly Table[]): Table {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const t of tables) for (const c of t.columns) if (!seen.has(c)) (seen.add(c), columns.push(c));
  return { columns, rows: tables.flatMap((t) => t.rows) };
}
