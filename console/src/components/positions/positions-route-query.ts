import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { JpmCategory, PositionKind, PositionOrder, PositionOrderField, PositionWhere } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';
import { isJpmCategory } from '../common/domain';

export type PositionSortField = 'code' | 'name' | 'kind' | 'quota';

// `satisfies` makes this list fail the typecheck when the schema adds or drops a kind; ordered by rank.
const kindSet = {
  JPT_UTAMA: true, JPT_MADYA: true, JPT_PRATAMA: true, ADMINISTRATOR: true, PENGAWAS: true, PELAKSANA: true,
  FUNGSIONAL_KEAHLIAN: true, FUNGSIONAL_KETERAMPILAN: true,
} as const satisfies Record<PositionKind, true>;
export const positionKinds = Object.keys(kindSet) as PositionKind[];
const isKind = (v: string): v is PositionKind => Object.hasOwn(kindSet, v);

export interface PositionsViewState {
  search: string;
  kinds: PositionKind[];
  unit: string | null;
  vacant: boolean;
  sort: Sort<PositionSortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const defaultSort: Sort<PositionSortField> = { field: 'code', direction: 'asc' };
const sortFields: Record<PositionSortField, PositionOrderField> = { code: 'CODE', name: 'NAME', kind: 'KIND', quota: 'QUOTA' };

export function parsePositionsQuery(query: LocationQuery): PositionsViewState {
  const size = Number(one(query.size));
  return {
    search: one(query.q)?.trim() ?? '',
    kinds: list(query.kind, isKind),
    unit: one(query.unit),
    vacant: one(query.vacant) === '1',
    sort: parseSort(one(query.sort), Object.keys(sortFields) as PositionSortField[], defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializePositionsQuery(state: PositionsViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.kinds.length > 0) query.kind = state.kinds.join(',');
  if (state.unit) query.unit = state.unit;
  if (state.vacant) query.vacant = '1';
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

/** `unitId` is the id of `state.unit` once it is known (the API filters a subtree by id). */
export function positionsWhere(state: PositionsViewState, unitId: string | null): PositionWhere | null {
  const conditions: PositionWhere[] = [];
  const search = state.search.trim();
  if (search) conditions.push({ or: [{ code: { contains: search } }, { name: { contains: search } }] });
  if (state.kinds.length > 0) conditions.push({ kind: { in: state.kinds } });
  if (unitId) conditions.push({ unitSubtreeOf: unitId });
  if (state.vacant) conditions.push({ vacant: true });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? (conditions[0] ?? null) : { and: conditions };
}

export function positionsOrderBy(sort: Sort<PositionSortField>): PositionOrder[] {
  const primary: PositionOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'code' ? [primary] : [primary, { field: 'CODE', direction: 'ASC' }];
}

export type PositionTab = 'standard' | 'holders' | 'candidates';

/** The position page's tab and candidate list options, in the URL. */
export interface PositionDetailViewState {
  tab: PositionTab;
  eligibleOnly: boolean;
  minCategory: JpmCategory | null;
  /** NIPs of the candidates picked for the side-by-side comparison (at most two, in pick order). */
  compare: string[];
  position: PagePosition;
}

/** How many candidates the comparison shows side by side. */
export const comparedCandidates = 2;

// Only full NIPs can be looked up; a masked one (VIEWER role) or a typo in a shared link is dropped.
export const isNip = (v: string): v is string => /^\d{18}$/.test(v);

export function parsePositionDetailQuery(query: LocationQuery): PositionDetailViewState {
  const tab = one(query.tab);
  const min = one(query.min);
  return {
    tab: tab === 'holders' || tab === 'candidates' ? tab : 'standard',
    eligibleOnly: one(query.all) !== '1',
    minCategory: isJpmCategory(min) ? min : null,
    compare: [...new Set(list(query.cmp, isNip))].slice(0, comparedCandidates),
    position: parsePosition(query),
  };
}

export function serializePositionDetailQuery(state: PositionDetailViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.tab !== 'standard') query.tab = state.tab;
  if (!state.eligibleOnly) query.all = '1';
  if (state.minCategory) query.min = state.minCategory;
  if (state.compare.length > 0) query.cmp = state.compare.join(',');
  writePosition(query, state.position);
  return query;
}

/** The comparison after the admin ticks or unticks one candidate; a third pick is refused (the list disables it). */
export function toggleCompared(compare: readonly string[], nip: string, picked: boolean): string[] {
  if (!picked) return compare.filter((n) => n !== nip);
  if (compare.includes(nip) || compare.length >= comparedCandidates) return [...compare];
  return [...compare, nip];
}
