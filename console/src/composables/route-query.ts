import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { firstPage, type PagePosition } from './use-connection';

/** The first value of a query parameter, or null when absent or empty. */
export const one = (value: LocationQuery[string] | undefined): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.length > 0 ? v : null;
};

/** A comma-separated list parameter, keeping only values `keep` accepts. */
export function list<T extends string>(value: LocationQuery[string] | undefined, keep: (v: string) => v is T): T[] {
  return (one(value)?.split(',') ?? []).filter(keep);
}

/** A finite number parameter, or null. */
export function num(value: LocationQuery[string] | undefined): number | null {
  const raw = one(value);
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function parsePage(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Reads the cursor position (`after` or `before` with `page`); no cursor is the first page. */
export function parsePosition(query: LocationQuery): PagePosition {
  const after = one(query.after);
  const before = after ? null : one(query.before);
  return after || before ? { page: parsePage(one(query.page)), after, before } : { ...firstPage };
}

/** Writes the cursor position into `query`; the first page adds nothing. */
export function writePosition(query: LocationQueryRaw, position: PagePosition): void {
  if (position.after) query.after = position.after;
  else if (position.before) query.before = position.before;
  if (position.after || position.before) query.page = String(position.page);
}

export type SortDirection = 'asc' | 'desc';
export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** "name" or "-name" → a sort on one of `fields`; anything else is `fallback`. */
export function parseSort<F extends string>(raw: string | null, fields: readonly F[], fallback: Sort<F>): Sort<F> {
  if (!raw) return fallback;
  const direction: SortDirection = raw.startsWith('-') ? 'desc' : 'asc';
  const field = raw.replace(/^-/, '');
  return (fields as readonly string[]).includes(field) ? { field: field as F, direction } : fallback;
}

export function writeSort<F extends string>(query: LocationQueryRaw, sort: Sort<F>, fallback: Sort<F>): void {
  if (sort.field !== fallback.field || sort.direction !== fallback.direction) {
    query.sort = `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;
  }
}

/** Naive UI's column sort state for one field. */
export function sortOrder<F extends string>(sort: Sort<F>, field: F): 'ascend' | 'descend' | false {
  if (sort.field !== field) return false;
  return sort.direction === 'asc' ? 'ascend' : 'descend';
}
