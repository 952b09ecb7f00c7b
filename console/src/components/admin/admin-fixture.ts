import { shallowRef } from 'vue';
import type { Session, Viewer } from '../../auth/session';
import type { ApiKeyFieldsFragment } from '../../graphql/generated/graphql';
import { pageOf } from '../../testing/units-fixture';
import { unitRef } from '../../testing/people-fixture';

/** Answers for the administration pages' tests, with __typename so graphcache can normalise them. */
export function viewerOf(role: 'ADMIN' | 'UNIT_ADMIN' | 'ANALYST' | 'VIEWER', label = 'admin@sikap.test'): Viewer {
  const permissions = role === 'ADMIN' ? ['admin', 'introspection', 'pii', 'read', 'write'] : role === 'UNIT_ADMIN' ? ['introspection', 'pii', 'read', 'write'] : ['introspection', 'read'];
  return { signedIn: true, kind: 'USER', label, role, permissions, unit: role === 'UNIT_ADMIN' ? { id: 'U-DISDIK', code: 'DISDIK', name: 'Dinas Pendidikan' } : null };
}

export function fakeSession(viewer: Viewer): Session {
  return { viewer: shallowRef(viewer), ensure: () => Promise.resolve(viewer), signedIn: () => undefined, forget: () => undefined };
}

export const userRow = (over: Partial<Record<string, unknown>> & { id: string; email: string }) => ({
  __typename: 'User' as const,
  name: null,
  role: 'VIEWER',
  unit: null,
  createdAt: '2026-11-01T02:00:00.000Z',
  lastLoginAt: null,
  disabledAt: null,
  ...over,
});

export const users = [
  userRow({ id: 'US1', email: 'admin@sikap.test', name: 'Admin Kota', role: 'ADMIN', lastLoginAt: '2026-11-28T03:00:00.000Z' }),
  userRow({ id: 'US2', email: 'rina@pemko.go.id', name: 'Rina Kasubag', role: 'UNIT_ADMIN', unit: unitRef('DISDIK', 'Dinas Pendidikan') }),
  userRow({ id: 'US3', email: 'tamu@pemko.go.id', role: 'VIEWER', disabledAt: '2026-11-20T03:00:00.000Z' }),
];

export const usersPage = (rows: unknown[], v: Record<string, unknown>) => ({ data: { users: { ...pageOf(rows, v), __typename: 'UserConnection' } } });

export const apiKeyRow = (over: Partial<ApiKeyFieldsFragment> & { id: string; name: string }): ApiKeyFieldsFragment & { __typename: 'ApiKey' } => ({
  __typename: 'ApiKey' as const,
  prefix: `sik_${over.name.slice(0, 4)}`,
  scopes: ['read'],
  unit: null,
  expiresAt: null,
  budget: 10000,
  persistedOnly: false,
  createdAt: '2026-11-01T02:00:00.000Z',
  createdBy: 'admin@sikap.test',
  revokedAt: null,
  lastUsedAt: null,
  ...over,
});

export const apiKeys = [
  apiKeyRow({ id: 'K1', name: 'SIASN', scopes: ['read', 'pii'], createdAt: '2026-11-10T02:00:00.000Z', lastUsedAt: '2026-11-28T01:00:00.000Z' }),
  apiKeyRow({ id: 'K2', name: 'Dashboard Disdik', unit: unitRef('DISDIK', 'Dinas Pendidikan'), createdAt: '2026-11-12T02:00:00.000Z', persistedOnly: true }),
  apiKeyRow({ id: 'K3', name: 'Lama', createdAt: '2026-10-01T02:00:00.000Z', revokedAt: '2026-10-05T02:00:00.000Z' }),
];

export const unitOptions = () => ({ data: { units: { __typename: 'UnitConnection', nodes: [unitRef('DISDIK', 'Dinas Pendidikan')] } } });
