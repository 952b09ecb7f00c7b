import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ApiKeyFieldsFragment, ApiKeyScope } from '../../graphql/generated/graphql';
import { num, one, parseSort, writeSort, type Sort } from '../../composables/route-query';

// `satisfies` makes the list fail the typecheck when the schema adds or drops a scope.
const scopeSet = { read: true, write: true, pii: true, introspection: true, admin: true } as const satisfies Record<ApiKeyScope, true>;
export const apiKeyScopes = Object.keys(scopeSet) as ApiKeyScope[];

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';
export const apiKeyStatuses: ApiKeyStatus[] = ['active', 'revoked', 'expired'];
const isStatus = (v: string | null): v is ApiKeyStatus => v !== null && (apiKeyStatuses as string[]).includes(v);

export type ApiKeySortField = 'name' | 'createdAt' | 'expiresAt' | 'lastUsedAt';
export const apiKeySortFields: ApiKeySortField[] = ['name', 'createdAt', 'expiresAt', 'lastUsedAt'];

/**
 * The API returns every key at once (an organisation has tens, not thousands), so the page
 * filters, sorts and pages them itself; the view is still in the URL like every other list.
 */
export interface ApiKeysViewState {
  search: string;
  status: ApiKeyStatus | null;
  sort: Sort<ApiKeySortField>;
  page: number;
}

export const apiKeysPageSize = 20;
export const defaultKeySort: Sort<ApiKeySortField> = { field: 'createdAt', direction: 'desc' };

export function parseApiKeysQuery(query: LocationQuery): ApiKeysViewState {
  const status = one(query.status);
  const page = num(query.page);
  return {
    search: one(query.q)?.trim() ?? '',
    status: isStatus(status) ? status : null,
    sort: parseSort(one(query.sort), apiKeySortFields, defaultKeySort),
    page: page !== null && Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function serializeApiKeysQuery(state: ApiKeysViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.status) query.status = state.status;
  writeSort(query, state.sort, defaultKeySort);
  if (state.page > 1) query.page = String(state.page);
  return query;
}

export function keyStatus(key: Pick<ApiKeyFieldsFragment, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** Filtered and sorted keys; missing dates sort last either way, as the server's lists do. */
export function visibleKeys(keys: readonly ApiKeyFieldsFragment[], state: ApiKeysViewState, now = Date.now()): ApiKeyFieldsFragment[] {
  const search = state.search.trim().toLowerCase();
  const matching = keys.filter(
    (k) => (!search || k.name.toLowerCase().includes(search) || k.prefix.toLowerCase().includes(search)) && (!state.status || keyStatus(k, now) === state.status),
  );
  const { field, direction } = state.sort;
  const sign = direction === 'desc' ? -1 : 1;
  return [...matching].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === y) return a.id.localeCompare(b.id);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (field === 'name' ? x.localeCompare(y, undefined, { sensitivity: 'base' }) : new Date(x).getTime() - new Date(y).getTime());
  });
}
