import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { print } from 'graphql';
import { NSelect } from 'naive-ui';
import { AuditLogDocument } from '../../graphql/generated/graphql';
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
    changeCount: 1,
    changedTables: [{ __typename: 'AuditTableChanges', table: 'app_user', total: 1 }],
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
    changeCount: 0,
    changedTables: [],
  },
  {
    __typename: 'AuditEntry',
    id: 'A0',
    at: '2026-11-28T02:00:00.000Z',
    actorKind: 'user',
    actor: 'admin@sikap.test',
    operationName: 'GenerateRecommendations',
    mutations: ['generateRecommendations', 'updateUser'],
    variables: {},
    resultIds: [],
    ok: true,
    changeCount: 9311,
    changedTables: [
      { __typename: 'AuditTableChanges', table: 'recommendation_status_change', total: 9310 },
      { __typename: 'AuditTableChanges', table: 'app_user', total: 1 },
    ],
  },
];

interface FakeChange {
  __typename: 'AuditChange';
  table: string;
  rowId: number;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const change = (table: string, rowId: number, after: Record<string, unknown>): FakeChange => ({ __typename: 'AuditChange', table, rowId, operation: 'INSERT', before: null, after });
/** Changes per entry as the server holds them; the bulk entry's are generated (a page shows a few of them). */
const storedChanges: Record<string, FakeChange[]> = {
  A2: [{ __typename: 'AuditChange', table: 'app_user', rowId: 5, operation: 'UPDATE', before: { role: 'ANALYST', unit_id: null }, after: { role: 'UNIT_ADMIN', unit_id: 7 } }],
  A1: [],
  A0: [
    ...Array.from({ length: 24 }, (_, i) => change('recommendation_status_change', 100 + i, { status: 'OPEN', note: `run ${i}` })),
    change('app_user', 9, { name: 'Admin' }),
  ],
};

function changesAnswer(v: Record<string, unknown>) {
  const all = storedChanges[v.id as string] ?? [];
  const rows = v.table ? all.filter((c) => c.table === v.table) : all;
  return { data: { auditEntry: { __typename: 'AuditEntry', id: v.id, changes: { ...pageOf(rows, v), __typename: 'AuditChangeConnection' } } } };
}

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    AuditLog: (v) => ({ data: { auditLog: { ...pageOf(entries, v), __typename: 'AuditEntryConnection' } } }),
    AuditEntryChanges: changesAnswer,
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
  it('lists who did what, when, with the outcome and the changed tables counted, without loading the changes', async () => {
    const fake = backend();
    await mountPage(fake);
    expect(text(byTestId('audit-row-A2'))).toContain('admin@sikap.test');
    expect(text(byTestId('audit-row-A2'))).toContain('updateUser');
    expect(text(byTestId('audit-row-A2'))).toContain('Berhasil');
    expect(text(byTestId('audit-row-A2'))).toContain('Pengguna (1)');
    expect(text(byTestId('audit-row-A1'))).toContain('Kunci API');
    expect(text(byTestId('audit-row-A1'))).toContain('Ditolak/gagal');
    expect(text(byTestId('audit-row-A0'))).toContain('Status rekomendasi (9.310), Pengguna (1)');
    // The list asks for counts only: a recommendation run's changes would be megabytes.
    expect(print(AuditLogDocument)).not.toMatch(/\bchanges\s*[({]/);
    expect(print(AuditLogDocument)).toMatch(/\bchangedTables\s*{/);
    expect(fake.calls('AuditEntryChanges')).toEqual([]);
  });

  it('expands a row into the before/after of each changed column, loaded for that entry', async () => {
    const fake = backend();
    await mountPage(fake);
    $(`${byTestId('audit-row-A2')} .n-data-table-expand-trigger`)!.click();
    await settle();
    expect(fake.calls('AuditEntryChanges')).toEqual([expect.objectContaining({ id: 'A2', first: 10 })]);
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
    // Nothing to ask for an entry without changes, and one changed table needs no filter.
    expect(fake.calls('AuditEntryChanges').map((v) => v.id)).toEqual(['A2']);
    expect($(`${byTestId('audit-detail-A2')} ${byTestId('audit-changes-table')}`)).toBeNull();
  });

  it('pages through a bulk entry\'s changes and filters them by table', async () => {
    const fake = backend();
    const { wrapper } = await mountPage(fake);
    $(`${byTestId('audit-row-A0')} .n-data-table-expand-trigger`)!.click();
    await settle();
    const detail = () => $(byTestId('audit-detail-A0'))!;
    const shown = () => [...detail().querySelectorAll('[data-testid^="audit-change-"]')].map((e) => e.getAttribute('data-testid'));
    expect(detail().textContent).toContain('9.311 baris diubah');
    expect(shown()).toEqual(Array.from({ length: 10 }, (_, i) => `audit-change-recommendation_status_change-${100 + i}`));
    expect(text(`${byTestId('audit-detail-A0')} ${byTestId('pager-range')}`)).toContain('1–10 dari 25');

    detail().querySelector<HTMLElement>(byTestId('pager-next'))!.click();
    await settle();
    expect(shown()[0]).toBe('audit-change-recommendation_status_change-110');
    expect(fake.calls('AuditEntryChanges').at(-1)).toMatchObject({ id: 'A0', first: 10, after: 'c9' });

    const filter = wrapper.findAllComponents(NSelect).find((s) => s.attributes('data-testid') === 'audit-changes-table')!;
    expect(filter.props('options')).toEqual([
      { label: 'Status rekomendasi (9.310)', value: 'recommendation_status_change' },
      { label: 'Pengguna (1)', value: 'app_user' },
    ]);
    filter.vm.$emit('update:value', 'app_user');
    await settle();
    // A new filter starts from its first page.
    expect(fake.calls('AuditEntryChanges').at(-1)).toEqual({ id: 'A0', table: 'app_user', first: 10 });
    expect(shown()).toEqual(['audit-change-app_user-9']);
  });

  it('shows the loading failure of an entry\'s changes with a retry', async () => {
    let fail = true;
    const fake = backend({ AuditEntryChanges: (v) => (fail ? { networkError: new Error('offline') } : changesAnswer(v)) });
    await mountPage(fake);
    $(`${byTestId('audit-row-A2')} .n-data-table-expand-trigger`)!.click();
    await settle();
    expect(text(byTestId('audit-detail-A2'))).toContain('Server tidak dapat dihubungi.');
    fail = false;
    $(`${byTestId('audit-detail-A2')} ${byTestId('load-error-retry')}`)!.click();
    await settle();
    expect($(byTestId('audit-change-app_user-5'))).not.toBeNull();
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
