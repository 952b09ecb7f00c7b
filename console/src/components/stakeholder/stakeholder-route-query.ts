import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { StakeholderGroup, StakeholderInputOrder, StakeholderInputOrderField, StakeholderInputWhere } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';
import { isStakeholderGroup } from './stakeholder-summary';

export type ResponseSortField = 'submittedAt' | 'group' | 'importance';

export interface StakeholderViewState {
  /** Code of the position shown. */
  position: string | null;
  groups: StakeholderGroup[];
  /** Competency code of the responses filter. */
  competency: string | null;
  sort: Sort<ResponseSortField>;
  pageSize: number;
  page: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 20;
// Newest first, as the API lists them by default.
export const defaultSort: Sort<ResponseSortField> = { field: 'submittedAt', direction: 'desc' };
const sortFields: Record<ResponseSortField, StakeholderInputOrderField> = { submittedAt: 'SUBMITTED_AT', group: 'GROUP', importance: 'IMPORTANCE' };
export const isResponseSortField = (f: unknown): f is ResponseSortField => typeof f === 'string' && Object.hasOwn(sortFields, f);

export function parseStakeholderQuery(query: LocationQuery): StakeholderViewState {
  const size = Number(one(query.size));
  return {
    position: one(query.position),
    groups: list(query.group, (v): v is StakeholderGroup => isStakeholderGroup(v)),
    competency: one(query.competency),
    sort: parseSort(one(query.sort), Object.keys(sortFields) as ResponseSortField[], defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    page: parsePosition(query),
  };
}

export function serializeStakeholderQuery(state: StakeholderViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.position) query.position = state.position;
  if (state.groups.length > 0) query.group = state.groups.join(',');
  if (state.competency) query.competency = state.competency;
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.page);
  return query;
}

export function responsesWhere(state: StakeholderViewState, positionId: string): StakeholderInputWhere {
  const conditions: StakeholderInputWhere[] = [{ position: { eq: positionId } }];
  if (state.groups.length > 0) conditions.push({ group: { in: state.groups } });
  if (state.competency) conditions.push({ competency: { eq: state.competency } });
  return conditions.length === 1 ? conditions[0]! : { and: conditions };
}

export function responsesOrderBy(sort: Sort<ResponseSortField>): StakeholderInputOrder[] {
  const primary: StakeholderInputOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'submittedAt' ? [primary] : [primary, { field: 'SUBMITTED_AT', direction: 'DESC' }];
}
