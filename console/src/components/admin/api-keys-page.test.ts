import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { sessionKey } from '../../auth/session';
import { apiKeyRow, apiKeys, fakeSession, unitOptions, viewerOf } from './admin-fixture';
import { keyStatus, parseApiKeysQuery, serializeApiKeysQuery, visibleKeys } from './api-keys-route-query';
import type { ApiKeyScope } from '../../graphql/generated/graphql';
import ApiKeysPage from './api-keys-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const operations = [
  { __typename: 'PersistedOperation', hash: 'a'.repeat(64), name: 'guruDenganGap', document: 'query guruDenganGap { employees { totalCount } }', createdAt: '2026-11-02T02:00:00.000Z', createdBy: 'admin@sikap.test' },
];

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    ApiKeys: () => ({ data: { apiKeys } }),
    PersistedOperations: () => ({ data: { persistedOperations: operations } }),
    UnitOptions: unitOptions,
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/admin/api-keys') {
  const app = await mountWithApp(ApiKeysPage, { client: fake.client, route, provide: { [sessionKey as symbol]: fakeSession(viewerOf('ADMIN')) } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const text = (selector: string) => $(selector)?.textContent ?? '';
const byTestId = (id: string) => `[data-testid="${id}"]`;
const rowNames = () => [...document.querySelectorAll('[data-testid^="key-row-"]')].map((r) => r.getAttribute('data-testid')!.replace('key-row-', ''));

async function click(selector: string): Promise<void> {
  const el = $(selector);
  if (!el) throw new Error(`missing ${selector}`);
  el.click();
  await settle();
}

async function type(selector: string, value: string): Promise<void> {
  const input = $(`${selector} input, ${selector} textarea`) as HTMLInputElement | null;
  if (!input) throw new Error(`missing ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle();
}

describe('API keys page', () => {
  it('lists keys newest first with scopes, unit, budget, last use and status; revoked keys cannot be revoked again', async () => {
    await mountPage(backend());
    expect(rowNames()).toEqual(['Dashboard Disdik', 'SIASN', 'Lama']);
    expect(text(byTestId('key-row-SIASN'))).toContain('Data pribadi');
    expect(text(byTestId('key-row-Dashboard Disdik'))).toContain('DISDIK — Dinas Pendidikan');
    expect(text(byTestId('key-row-Dashboard Disdik'))).toContain('Hanya operasi terdaftar');
    expect(text(byTestId('key-row-Dashboard Disdik'))).toContain('Belum pernah');
    expect(text(byTestId('key-status-Lama'))).toBe('Dicabut');
    expect($(byTestId('key-revoke-Lama'))).toBeNull();
    expect($(byTestId('key-revoke-SIASN'))).not.toBeNull();
    expect(text(byTestId('operations-table'))).toContain('guruDenganGap');
    expect(text(byTestId('operations-table'))).toContain('aaaaaaaaaaaaaaaa…');
  });

  it('filters and sorts from the URL', async () => {
    await mountPage(backend(), '/admin/api-keys?status=active&sort=name');
    expect(rowNames()).toEqual(['Dashboard Disdik', 'SIASN']);
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend(), '/admin/api-keys?q=zzz');
    expect(text(byTestId('keys-table'))).toContain('Tidak ada kunci yang cocok.');
  });

  it('creates a key with the chosen scopes and shows it once with a warning', async () => {
    const fake = backend({
      CreateApiKey: (v) => {
        const input = v.input as { name: string; scopes: ApiKeyScope[]; persistedOnly: boolean };
        if (input.name === '') {
          return { data: { createApiKey: { __typename: 'CreateApiKeyPayload', apiKey: null, key: null, userErrors: [{ __typename: 'UserError', field: 'input.name', code: 'INVALID', message: 'a key needs a name' }] } } };
        }
        return {
          data: {
            createApiKey: {
              __typename: 'CreateApiKeyPayload',
              apiKey: apiKeyRow({ id: 'K9', name: input.name, scopes: input.scopes, persistedOnly: input.persistedOnly }),
              key: 'sik_abcdefgh_secretsecretsecret',
              userErrors: [],
            },
          },
        };
      },
    });
    await mountPage(fake);
    await click(byTestId('key-add'));
    await click(byTestId('key-form-save'));
    expect(text(byTestId('key-form-name-item'))).toContain('Format tidak valid.');
    await type(byTestId('key-form-name'), 'Portal BKN');
    await click(byTestId('key-form-scope-pii'));
    await click(byTestId('key-form-persisted'));
    await click(byTestId('key-form-save'));
    expect(fake.calls('CreateApiKey')[1]).toEqual({
      input: { name: 'Portal BKN', scopes: ['read', 'pii'], unit: null, expiresAt: null, budget: null, persistedOnly: true },
    });
    expect(($(`${byTestId('key-secret-value')} input`) as HTMLInputElement).value).toBe('sik_abcdefgh_secretsecretsecret');
    expect(text(byTestId('key-secret'))).toContain('hanya ditampilkan sekali');
    // The list is asked again, so the new key appears.
    expect(fake.calls('ApiKeys').length).toBeGreaterThanOrEqual(2);
  });

  it('revokes a key only after confirmation', async () => {
    const fake = backend({
      RevokeApiKey: () => ({ data: { revokeApiKey: { __typename: 'RevokeApiKeyPayload', apiKey: { ...apiKeys[0], revokedAt: '2026-11-29T02:00:00.000Z' }, userErrors: [] } } }),
    });
    await mountPage(fake);
    await click(byTestId('key-revoke-SIASN'));
    expect(fake.calls('RevokeApiKey')).toHaveLength(0);
    expect(text(byTestId('key-revoke-dialog'))).toContain('Cabut kunci SIASN');
    await click(`${byTestId('key-revoke-dialog')} .n-dialog__action .n-button--error-type`);
    expect(fake.calls('RevokeApiKey')).toEqual([{ id: 'K1' }]);
    expect($(byTestId('key-revoke-dialog'))).toBeNull();
  });

  it('registers an operation; a schema error shows under the document', async () => {
    const fake = backend({
      RegisterPersistedOperation: () => ({
        data: { registerPersistedOperation: { __typename: 'RegisterPersistedOperationPayload', operation: null, userErrors: [{ __typename: 'UserError', field: 'document', code: 'INVALID', message: 'Cannot query field "nope" on type "Query".' }] } },
      }),
    });
    await mountPage(fake);
    await click(byTestId('operation-add'));
    await type(byTestId('operation-form-name'), 'coba');
    await type(byTestId('operation-form-document'), '{ nope }');
    await click(byTestId('operation-form-save'));
    expect(fake.calls('RegisterPersistedOperation')).toEqual([{ name: 'coba', document: '{ nope }' }]);
    expect(text(byTestId('operation-form-document-item'))).toContain('Cannot query field "nope"');
  });
});

describe('API key list helpers', () => {
  it('derives the status and filters, sorts and round-trips the URL', () => {
    const now = Date.parse('2026-11-29T00:00:00Z');
    expect(keyStatus({ revokedAt: null, expiresAt: '2026-11-28T00:00:00Z' }, now)).toBe('expired');
    expect(keyStatus({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    const state = parseApiKeysQuery({ q: 'sik_', status: 'active', sort: '-lastUsedAt', page: '2' });
    expect(serializeApiKeysQuery(state)).toEqual({ q: 'sik_', status: 'active', sort: '-lastUsedAt', page: '2' });
    // Never-used keys sort last.
    expect(visibleKeys(apiKeys, { ...state, search: '' }, now).map((k) => k.name)).toEqual(['SIASN', 'Dashboard Disdik']);
    expect(visibleKeys(apiKeys, { ...state, search: 'disdik', status: null }, now).map((k) => k.name)).toEqual(['Dashboard Disdik']);
  });
});
