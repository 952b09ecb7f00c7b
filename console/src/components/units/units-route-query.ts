import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { UnitOrder, UnitOrderField, UnitType, UnitWhere } from '../../graphql/generated/graphql';
import { firstPage, type PagePosition } from '../../composables/use-connection';
import { isUnitType } from './unit-types';

export type UnitSortField = 'code' | 'name' | 'type';
export type SortDirection = 'asc' | 'desc';

export interface UnitSort {
  field: UnitSortField;
  direction: SortDirection;
}

/** Everything the Units page shows, as kept in the URL so a link reproduces the view. */
export interface UnitsViewState {
  search: string;
  types: UnitType[];
  sort: UnitSort;
  pageSize: number;
  position: PagePosition;
  /** Code of the unit open in the detail drawer. */
  selected: string | null;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const defaultSort: UnitSort = { field: 'code', direction: 'asc' };

const sortFields: Record<UnitSortField, UnitOrderField> = { code: 'CODE', name: 'NAME', type: 'TYPE' };

const one = (value: LocationQuery[string] | undefined): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.length > 0 ? v : null;
};

function parseSort(raw: string | null): UnitSort {
  if (!raw) return defaultSort;
  const direction: SortDirection = raw.startsWith('-') ? 'desc' : 'asc';
  const field = raw.replace(/^-/, '');
  return field in sortFields ? { field: field as UnitSortField, direction } : defaultSort;
}

function parsePage(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Reads the view from the URL; anything malformed falls back to the default rather than failing. */
export function parseUnitsQuery(query: LocationQuery): UnitsViewState {
  const size = Number(one(query.size));
  const after = one(query.after);
  const before = after ? null : one(query.before);
  const position: PagePosition = after || before ? { page: parsePage(one(query.page)), after, before } : { ...firstPage };
  return {
    search: one(query.q)?.trim() ?? '',
    types: (one(query.type)?.split(',') ?? []).filter(isUnitType),
    sort: parseSort(one(query.sort)),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position,
    selected: one(query.unit),
  };
}

/** Writes the view back; defaults are left out so plain links stay short. */
export function serializeUnitsQuery(state: UnitsViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.types.length > 0) query.type = state.types.join(',');
  if (state.sort.field !== defaultSort.field || state.sort.direction !== defaultSort.direction) {
    query.sort = `${state.sort.direction === 'desc' ? '-' : ''}${state.sort.field}`;
  }
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  if (state.position.after) query.after = state.position.after;
  else if (state.position.before) query.before = state.position.before;
  if (state.position.after || state.position.before) query.page = String(state.position.page);
  if (state.selected) query.unit = state.selected;
  return query;
}

export function unitsWhere(state: Pick<UnitsViewState, 'search' | 'types'>): UnitWhere | null {
  const conditions: UnitWhere[] = [];
  const search = state.search.trim();
  if (search) conditions.push({ or: [{ code: { contains: search } }, { name: { contains: search } }] });
  if (state.types.length > 0) conditions.push({ type: { in: state.types } });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? (conditions[0] ?? null) : { and: conditions };
}

/** Sorting by name or type ties often; code is unique, so it makes the order (and the cursors) stable. */
export function unitsOrderBy(sort: UnitSort): UnitOrder[] {
  const primary: UnitOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'code' ? [primary] : [primary, { field: 'CODE', direction: 'ASC' }];
}
