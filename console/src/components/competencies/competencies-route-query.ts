import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { CompetencyOrder, CompetencyOrderField, CompetencyType, CompetencyWhere } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';

export type CompetencySortField = 'code' | 'name' | 'type';

// `satisfies` makes the list fail the typecheck when the schema adds or drops a type.
const typeSet = { MANAGERIAL: true, SOCIOCULTURAL: true, TECHNICAL: true } as const satisfies Record<CompetencyType, true>;
export const competencyTypes = Object.keys(typeSet) as CompetencyType[];
export const isCompetencyType = (v: string | null): v is CompetencyType => v !== null && Object.hasOwn(typeSet, v);

export type CompetenciesTab = 'list' | 'sectors';

export interface CompetenciesViewState {
  tab: CompetenciesTab;
  search: string;
  types: CompetencyType[];
  /** Code of the competency open in the drawer. */
  open: string | null;
  sort: Sort<CompetencySortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const defaultSort: Sort<CompetencySortField> = { field: 'code', direction: 'asc' };
const sortFields: Record<CompetencySortField, CompetencyOrderField> = { code: 'CODE', name: 'NAME', type: 'TYPE' };
export const isCompetencySortField = (f: unknown): f is CompetencySortField => typeof f === 'string' && Object.hasOwn(sortFields, f);

export function parseCompetenciesQuery(query: LocationQuery): CompetenciesViewState {
  const size = Number(one(query.size));
  return {
    tab: one(query.tab) === 'sectors' ? 'sectors' : 'list',
    search: one(query.q)?.trim() ?? '',
    types: list(query.type, (v): v is CompetencyType => isCompetencyType(v)),
    open: one(query.open),
    sort: parseSort(one(query.sort), Object.keys(sortFields) as CompetencySortField[], defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeCompetenciesQuery(state: CompetenciesViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.tab !== 'list') query.tab = state.tab;
  if (state.search.trim()) query.q = state.search.trim();
  if (state.types.length > 0) query.type = state.types.join(',');
  if (state.open) query.open = state.open;
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

export function competenciesWhere(state: CompetenciesViewState): CompetencyWhere | null {
  const conditions: CompetencyWhere[] = [];
  const search = state.search.trim();
  if (search) conditions.push({ or: [{ code: { contains: search } }, { name: { contains: search } }] });
  if (state.types.length > 0) conditions.push({ type: { in: state.types } });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? (conditions[0] ?? null) : { and: conditions };
}

export function competenciesOrderBy(sort: Sort<CompetencySortField>): CompetencyOrder[] {
  const primary: CompetencyOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'code' ? [primary] : [primary, { field: 'CODE', direction: 'ASC' }];
}

/** Level 1–5 descriptions as form rows: every level present, empty where the dictionary has none. */
export function levelRows(levels: readonly { level: number; description: string }[]): { level: number; description: string }[] {
  return [1, 2, 3, 4, 5].map((level) => ({ level, description: levels.find((l) => l.level === level)?.description ?? '' }));
}

/** Only described levels are sent: an empty row means "no description", not an empty one. */
export function levelInput(rows: readonly { level: number; description: string }[]): { level: number; description: string }[] {
  return rows.filter((r) => r.description.trim() !== '').map((r) => ({ level: r.level, description: r.description.trim() }));
}
