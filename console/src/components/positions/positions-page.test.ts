import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { unitRef } from '../../testing/people-fixture';
import { parsePositionsQuery, positionsWhere, serializePositionsQuery } from './positions-route-query';
import PositionsPage from './positions-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const rows = [
  { __typename: 'Position', id: 'P1', code: 'PKM-DELI-KAPUS', name: 'Kepala Puskesmas', kind: 'ADMINISTRATOR', quota: 1, holderCount: 1, vacancies: 0, unit: unitRef('PKM-DELI', 'Puskesmas Medan Deli') },
  { __typename: 'Position', id: 'P2', code: 'DINKES-KASI-PROMKES', name: 'Kepala Seksi Promosi Kesehatan', kind: 'PENGAWAS', quota: 2, holderCount: 0, vacancies: 2, unit: unitRef('DINKES', 'Dinas Kesehatan') },
];

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    PositionsList: (v) => ({ data: { positions: { ...pageOf(rows, v), __typename: 'PositionConnection' } } }),
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
    UnitDetail: (v) => ({ data: { unit: { ...unitRef(String(v.code), 'Dinas Kesehatan'), type: 'DINAS', parent: null, children: [] } } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/positions') {
  const app = await mountWithApp(PositionsPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

describe('Positions page', () => {
  it('lists positions with kind, quota, holders and vacancies', async () => {
    const fake = await mountPage(backend()).then(() => null);
    void fake;
    expect(text('[data-testid="position-row-DINKES-KASI-PROMKES"]')).toContain('Pengawas');
    expect(text('[data-testid="position-row-DINKES-KASI-PROMKES"]')).toMatch(/2\s*0\s*2/);
    expect(document.querySelector('[data-testid="position-link-PKM-DELI-KAPUS"]')?.getAttribute('href')).toBe('/positions/PKM-DELI-KAPUS');
  });

  it('resolves the unit code from the URL to an id before filtering by subtree', async () => {
    const fake = backend();
    await mountPage(fake, '/positions?unit=DINKES&vacant=1&kind=PENGAWAS');
    expect(fake.calls('UnitDetail')).toEqual([{ code: 'DINKES' }]);
    expect(fake.calls('PositionsList')).toHaveLength(1);
    expect(fake.calls('PositionsList')[0]?.where).toEqual({ and: [{ kind: { in: ['PENGAWAS'] } }, { unitSubtreeOf: 'U-DINKES' }, { vacant: true }] });
  });

  it('shows the empty and error states', async () => {
    await mountPage(backend({ PositionsList: (v) => ({ data: { positions: { ...pageOf([], v), __typename: 'PositionConnection' } } }) }));
    expect(text('[data-testid="positions-table"]')).toContain('Belum ada jabatan.');
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend({ PositionsList: () => ({ graphQLErrors: [{ message: 'boom' }] }) }));
    expect(text('[data-testid="load-error"]')).toContain('boom');
  });
});

describe('positions URL', () => {
  it('round-trips and builds the filter', () => {
    const query = { q: 'kepala', kind: 'PENGAWAS,ADMINISTRATOR', vacant: '1', sort: '-quota' };
    const state = parsePositionsQuery(query);
    expect(serializePositionsQuery(state)).toEqual(query);
    expect(positionsWhere(state, null)).toEqual({
      and: [{ or: [{ code: { contains: 'kepala' } }, { name: { contains: 'kepala' } }] }, { kind: { in: ['PENGAWAS', 'ADMINISTRATOR'] } }, { vacant: true }],
    });
  });
});
