import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { sessionKey } from '../../auth/session';
import { fakeSession, viewerOf } from './admin-fixture';
import { auditVariables, diffRows, parseAuditQuery, serializeAuditQuery } from './audit-route-query';
import AuditPage from './audit-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const entries = [
  {
    __typename: 'AuditEntry',
    id: 'A2',
    at: '2026-11-28T03:15:00.000Z',
    actorKind: 'user',
    actor: 'admin@sikap.test',
    operationName: 'UpdateUser',
    mutations: ['updateUser'],
    variables: { id: 'VXNlcjo1', input: { role: 'UNIT_ADMIN', unit: 'DINKES' } },
    resultIds: ['VXNlcjo1'],
    ok: true,
    changes: [{ __typename: 'AuditChange', table: 'app_user', rowId: 5, operation: 'UPDATE', before: { role: 'ANALYST', unit_id: null }, after: { role: 'UNIT_ADMIN', unit_id: 7 } }],
  },
  {
    __typename: 'AuditEntry',
    id: 'A1',
    at: '2026-11-28T03:10:00.000Z',
    actorKind: 'key',
    actor: 'key:SIASN',
    operationName: null,
    mutations: ['updateEmployee'],
    variables: null,
    resultIds: [],
    ok: false,
    changes: [],
  },
];

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    AuditLog: (v) => ({ data: { auditLog: { ...pageOf(entries, v), __typename: 'AuditEntryConnection' } } }),
    AuditActions: () => ({ data: { __type: { __typename: '__Type', fields: ['updateUser', 'createApiKey', 'revokeApiKey'].map((name) => ({ __typename: '__Field', name })) } } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/admin/audit') {
  const app = await mountWithApp(AuditPage, { client: fake.client, route, provide: { [sessionKey as symbol]: fakeSession(viewerOf('ADMIN')) } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const text = (selector: string) => $(selector)?.textContent ?? '';
const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('Audit log page', () => {
  it('lists who did what, when, with the outcome and the changed data', async () => {
    await mountPage(backend());
    expect(text(byTestId('audit-row-A2'))).toContain('admin@sikap.test');
    expect(text(byTestId('audit-row-A2'))).toContain('updateUser');
    expect(text(byTestId('audit-row-A2'))).toContain('Berhasil');
    expect(text(byTestId('audit-row-A2'))).toContain('Pengguna (1)');
    expect(text(byTestId('audit-row-A1'))).toContain('Kunci API');
    expect(text(byTestId('audit-row-A1'))).toContain('Ditolak/gagal');
  });

  it('expands a row into the before/after of each changed column', async () => {
    await mountPage(backend());
    $(`${byTestId('audit-row-A2')} .n-data-table-expand-trigger`)!.click();
    await settle();
    const diff = $(byTestId('audit-change-app_user-5'))!;
    const lines = [...diff.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(lines).toEqual([
      ['role', 'ANALYST', 'UNIT_ADMIN'],
      ['unit_id', 'null', '7'],
    ]);
    expect(diff.textContent).toContain('Pengguna #5');
    expect(text(byTestId('audit-detail-A2'))).toContain('"unit": "DINKES"');
    $(`${byTestId('audit-row-A1')} .n-data-table-expand-trigger`)!.click();
    await settle();
    expect(text(byTestId('audit-detail-A1'))).toContain('tidak mengubah baris apa pun');
  });

  it('sends the URL\'s filters, with the date range as whole local days', async () => {
    const fake = backend();
    await mountPage(fake, '/admin/audit?actor=key:SIASN&action=revokeApiKey&table=api_key&from=2026-11-01&to=2026-11-28');
    const sent = fake.calls('AuditLog')[0]!;
    expect(sent).toMatchObject({ actor: 'key:SIASN', mutation: 'revokeApiKey', table: 'api_key', first: 20 });
    expect(sent.since).toBe(new Date(2026, 10, 1).toISOString());
    expect(sent.until).toBe(new Date(2026, 10, 29).toISOString());
    expect((document.querySelector(`${byTestId('audit-actor')} input`) as HTMLInputElement).value).toBe('key:SIASN');
  });

  it('shows the empty and error states', async () => {
    await mountPage(backend({ AuditLog: (v) => ({ data: { auditLog: { ...pageOf([], v), __typename: 'AuditEntryConnection' } } }) }), '/admin/audit?action=createUser');
    expect(text(byTestId('audit-table-list'))).toContain('Tidak ada entri yang cocok.');
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend({ AuditLog: () => ({ networkError: new Error('offline') }) }));
    expect(text(byTestId('load-error'))).toContain('Server tidak dapat dihubungi.');
  });
});

describe('audit helpers', () => {
  it('round-trips the URL and ignores malformed days', () => {
    const query = { actor: 'a@b.c', action: 'createUser', table: 'app_user', from: '2026-11-01', to: '2026-11-02', size: '50' };
    expect(serializeAuditQuery(parseAuditQuery(query))).toEqual(query);
    expect(parseAuditQuery({ from: '2026-13-45', to: 'yesterday' })).toMatchObject({ from: null, to: null });
    expect(auditVariables(parseAuditQuery({}))).toEqual({ actor: null, mutation: null, table: null, since: null, until: null });
  });

  it('diffs inserts, updates and deletes by column', () => {
    expect(diffRows(null, { code: 'X', name: 'Baru' })).toEqual([
      { column: 'code', before: null, after: 'X', changed: true },
      { column: 'name', before: null, after: 'Baru', changed: true },
    ]);
    expect(diffRows({ quota: 2, tags: ['a'] }, { quota: 3, tags: ['a'] })).toEqual([
      { column: 'quota', before: '2', after: '3', changed: true },
      { column: 'tags', before: '["a"]', after: '["a"]', changed: false },
    ]);
    expect(diffRows({ name: 'Lama' }, null)).toEqual([{ column: 'name', before: 'Lama', after: null, changed: true }]);
  });
});
