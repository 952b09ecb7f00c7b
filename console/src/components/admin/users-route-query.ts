import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { Role, UserOrder, UserOrderField, UserStatus, UserWhere } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';

// `satisfies` makes these lists fail the typecheck when the schema adds or drops a value.
const roleSet = { ADMIN: true, UNIT_ADMIN: true, ANALYST: true, VIEWER: true } as const satisfies Record<Role, true>;
export const roles = Object.keys(roleSet) as Role[];
export const isRole = (v: unknown): v is Role => typeof v === 'string' && Object.hasOwn(roleSet, v);
const statusSet = { ACTIVE: true, DISABLED: true } as const satisfies Record<UserStatus, true>;
export const statuses = Object.keys(statusSet) as UserStatus[];
const isStatus = (v: string | null): v is UserStatus => v !== null && Object.hasOwn(statusSet, v);

export type UserSortField = 'email' | 'name' | 'role' | 'createdAt' | 'lastLoginAt';
const sortFields: Record<UserSortField, UserOrderField> = {
  email: 'EMAIL', name: 'NAME', role: 'ROLE', createdAt: 'CREATED_AT', lastLoginAt: 'LAST_LOGIN_AT',
};
export const userSortFields = Object.keys(sortFields) as UserSortField[];

export interface UsersViewState {
  search: string;
  roles: Role[];
  unit: string | null;
  status: UserStatus | null;
  sort: Sort<UserSortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 20;
export const defaultSort: Sort<UserSortField> = { field: 'email', direction: 'asc' };

export function parseUsersQuery(query: LocationQuery): UsersViewState {
  const size = Number(one(query.size));
  const status = one(query.status);
  return {
    search: one(query.q)?.trim() ?? '',
    roles: list(query.role, isRole),
    unit: one(query.unit),
    status: isStatus(status) ? status : null,
    sort: parseSort(one(query.sort), userSortFields, defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeUsersQuery(state: UsersViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.roles.length > 0) query.role = state.roles.join(',');
  if (state.unit) query.unit = state.unit;
  if (state.status) query.status = state.status;
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

export function usersWhere(state: UsersViewState): UserWhere | null {
  const where: UserWhere = {};
  if (state.search.trim()) where.search = state.search.trim();
  if (state.roles.length > 0) where.roles = state.roles;
  if (state.unit) where.unitSubtreeOf = state.unit;
  if (state.status) where.status = state.status;
  return Object.keys(where).length > 0 ? where : null;
}

export function usersOrderBy(sort: Sort<UserSortField>): UserOrder[] {
  const primary: UserOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'email' ? [primary] : [primary, { field: 'EMAIL', direction: 'ASC' }];
}

/** Row actions on an account that ask for confirmation first. */
export type UserAction = 'disable' | 'enable' | 'reset';
