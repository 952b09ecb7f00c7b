import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { unitRef } from '../../testing/people-fixture';
import DashboardPage from './dashboard-page.vue';

// Canvas charts do not draw in happy-dom; a stand-in shows what the page hands them.
vi.mock('./dashboard-charts.vue', () => ({
  default: defineComponent({
    props: { boxes: { type: Array, required: true }, shares: { type: Array, required: true } },
    emits: ['select-box'],
    setup: (props) => () => h('div', { 'data-testid': 'charts-stub' }, JSON.stringify(props.shares)),
  }),
}));

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const talentMap = (counts: Record<number, number>) =>
  Array.from({ length: 9 }, (_, i) => ({ __typename: 'TalentBoxCount', box: i + 1, count: counts[i + 1] ?? 0, talentPool: i + 1 >= 7 }));

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    DashboardSummary: () => ({ data: { all: [{ __typename: 'EmployeeAggregateRow', headcount: 4 }], placed: [{ __typename: 'EmployeeAggregateRow', headcount: 2 }] } }),
    TalentMap: () => ({
      data: {
        units: {
          __typename: 'UnitConnection',
          nodes: [
            { ...unitRef('DINKES', 'Dinas Kesehatan'), talentMap: talentMap({ 9: 1, 5: 1 }) },
            { ...unitRef('DISDIK', 'Dinas Pendidikan'), talentMap: talentMap({ 9: 1, 1: 1 }) },
          ],
        },
      },
    }),
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
    BoxEmployees: () => ({
      data: {
        employees: {
          __typename: 'EmployeeConnection',
          totalCount: 2,
          nodes: [
            { __typename: 'Employee', id: 'E1', nip: '198503152010012001', name: 'Siti Aminah', grade: 'III_D', unit: unitRef('PKM-DELI', 'Puskesmas Medan Deli'), position: { __typename: 'Position', id: 'P1', code: 'PKM-DELI-KAPUS', name: 'Kepala Puskesmas' }, talentBox: 9 },
            { __typename: 'Employee', id: 'E5', nip: '198001012005011005', name: 'Other Box', grade: 'III_D', unit: unitRef('DINKES', 'Dinas Kesehatan'), position: { __typename: 'Position', id: 'P9', code: 'X', name: 'X' }, talentBox: 6 },
          ],
        },
      },
    }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/dashboard') {
  const app = await mountWithApp(DashboardPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle(10);
  return app;
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

describe('Dashboard', () => {
  it('shows headcount, the category shares of the whole city and the 9 boxes', async () => {
    const fake = backend();
    await mountPage(fake);
    expect(text('dashboard-headcount')).toBe('4');
    expect(text('dashboard-placed')).toBe('2');
    expect(fake.calls('TalentMap')[0]).toEqual({ where: { parent: { isNull: true } } });
    expect(text('share-OPTIMAL')).toContain('50% (2)');
    expect(text('share-CUKUP_OPTIMAL')).toContain('25% (1)');
    expect(text('share-KURANG_OPTIMAL')).toContain('25% (1)');
    expect(text('box-9')).toContain('Kotak 9: 2');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="charts-stub"]')).not.toBeNull());
  });

  it('scopes every figure to a unit subtree from the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/dashboard?unit=DINKES');
    expect(fake.calls('TalentMap')[0]).toEqual({ where: { code: { eq: 'DINKES' } } });
    expect(fake.calls('DashboardSummary')[0]).toEqual({
      where: { unitSubtreeOfCode: 'DINKES' },
      placed: { and: [{ unitSubtreeOfCode: 'DINKES' }, { position: { isNull: false } }] },
    });
  });

  it('opens the employees of a clicked box, keeping the box in the URL', async () => {
    const fake = backend();
    const { router } = await mountPage(fake);
    document.querySelector<HTMLElement>('[data-testid="box-9"]')?.click();
    await settle(10);
    expect(router.currentRoute.value.query).toEqual({ box: '9' });
    expect(fake.calls('BoxEmployees')[0]?.where).toEqual({ and: [{ position: { isNull: false } }, { latestPredicate: { predicate: { in: ['SANGAT_BAIK'] } } }] });
    expect(text('box-employees')).toContain('Siti Aminah');
    expect(text('box-employees')).not.toContain('Other Box');
  });

  it('shows a load error', async () => {
    await mountPage(backend({ TalentMap: () => ({ networkError: new Error('offline') }) }));
    expect(text('load-error')).toContain('Server tidak dapat dihubungi.');
  });
});
