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
    props: { kind: { type: String, required: true }, boxes: Array, shares: Array, gaps: Object, trend: Object },
    emits: ['select-box'],
    setup: (props, { emit }) => () => h('button', { 'data-testid': `charts-${props.kind}`, onClick: () => emit('select-box', 9) },
      JSON.stringify(props.kind === 'talent' ? props.shares : props.kind === 'gaps' ? props.gaps : props.trend)),
  }),
}));

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const aggRow = (group: [string, string][], headcount: number) => ({
  __typename: 'EmployeeAggregateRow', headcount, group: group.map(([key, value]) => ({ __typename: 'GroupValue', key, value })),
});
const count = (n: number) => [{ __typename: 'EmployeeAggregateRow', headcount: n }];
const total = (n: number) => ({ __typename: 'RecommendationConnection', totalCount: n });

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    DashboardSummary: () => ({
      data: {
        all: count(6), placed: count(4), pns: count(5), pnsShort: count(1),
        activePolicy: { __typename: 'PolicyVersion', id: 'PV1', parameters: { annualDevelopmentHours: 20, talentPoolBoxes: [7, 8, 9] } },
      },
    }),
    DashboardTalent: () => ({
      data: {
        employeeAggregate: [
          aggRow([['JPM_CATEGORY', 'OPTIMAL'], ['TALENT_BOX', '9']], 2),
          aggRow([['JPM_CATEGORY', 'CUKUP_OPTIMAL'], ['TALENT_BOX', '5']], 1),
          aggRow([['JPM_CATEGORY', 'KURANG_OPTIMAL'], ['TALENT_BOX', 'NONE']], 1),
          aggRow([['JPM_CATEGORY', 'NONE'], ['TALENT_BOX', 'NONE']], 2),
        ],
      },
    }),
    DashboardUnits: (v) => ({
      data: v.scoped
        ? { unit: { ...unitRef('DINKES', 'Dinas Kesehatan'), id: 'U-DINKES', children: [unitRef('PKM-DELI', 'Puskesmas Medan Deli')] } }
        : { roots: { __typename: 'UnitConnection', nodes: [unitRef('DINKES', 'Dinas Kesehatan'), unitRef('DISDIK', 'Dinas Pendidikan')] } },
    }),
    DashboardGaps: () => ({
      data: {
        competencyShortfalls: [{
          __typename: 'CompetencyShortfallRow', unit: unitRef('DINKES', 'Dinas Kesehatan'),
          competency: { __typename: 'Competency', id: 'C1', code: 'KOM', name: 'Komunikasi' }, holders: 3, meanShortfall: 0.5, shortfallShare: 0.33,
        }],
      },
    }),
    DashboardPredicateTrend: () => {
      const year = [aggRow([['PREDICATE', 'BAIK']], 3), aggRow([['PREDICATE', 'NONE']], 3)];
      const none = [aggRow([['PREDICATE', 'NONE']], 6)];
      return { data: { y1: none, y2: none, y3: year, y4: year, y5: none } };
    },
    DashboardRecommendations: () => ({
      data: {
        TRAINING_INEFFECTIVE: total(0), UNIT_COMPETENCY_GAP: total(2), DEVELOPMENT_HOURS_SHORTFALL: total(5),
        MISPLACEMENT: total(1), SUCCESSION_RISK: total(0), STANDARD_REVIEW: total(0),
      },
    }),
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
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
  it('shows headcount, JP compliance, category shares for the current position, open recommendations and the 9 boxes', async () => {
    const fake = backend();
    await mountPage(fake);
    expect(text('dashboard-headcount')).toBe('6');
    expect(text('dashboard-placed')).toBe('4');
    expect(text('dashboard-jp')).toBe('80%');
    expect(text('dashboard-jp-detail')).toContain('4 dari 5 PNS memenuhi 20 JP');
    // Shares over the 4 employees with a category, whether or not they have a box.
    expect(text('share-OPTIMAL')).toContain('50% (2)');
    expect(text('share-CUKUP_OPTIMAL')).toContain('25% (1)');
    expect(text('share-KURANG_OPTIMAL')).toContain('25% (1)');
    expect(text('dashboard-shares')).toContain('2 tanpa kategori');
    expect(text('box-9')).toContain('Kotak 9: 2');
    expect(text('dashboard-recommendations-total')).toBe('8 terbuka');
    expect(text('open-DEVELOPMENT_HOURS_SHORTFALL')).toContain('5');
    expect(fake.calls('DashboardRecommendations')[0]).toEqual({ unit: null });
    await vi.waitFor(() => expect(document.querySelector('[data-testid="charts-talent"]')).not.toBeNull());
  });

  it('draws the shortfall heat map for the roots and the predicate trend of five years', async () => {
    const fake = backend();
    await mountPage(fake);
    expect(fake.calls('DashboardGaps')[0]).toEqual({ where: null, units: ['DINKES', 'DISDIK'] });
    const year = new Date().getFullYear();
    expect(fake.calls('DashboardPredicateTrend')[0]).toEqual({ where: null, y1: year - 4, y2: year - 3, y3: year - 2, y4: year - 1, y5: year });
    await vi.waitFor(() => expect(document.querySelector('[data-testid="charts-gaps"]')).not.toBeNull());
    expect(text('charts-gaps')).toContain('"KOM"');
    // Years without any appraisal are left out.
    expect(JSON.parse(text('charts-trend')).years).toEqual([year - 2, year - 1]);
  });

  it('scopes every figure to a unit subtree and a year from the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/dashboard?unit=DINKES&year=2024');
    expect(fake.calls('DashboardTalent')[0]).toEqual({ where: { unitSubtreeOfCode: 'DINKES' } });
    expect(fake.calls('DashboardSummary')[0]).toMatchObject({
      where: { unitSubtreeOfCode: 'DINKES' },
      pnsShort: { and: [{ unitSubtreeOfCode: 'DINKES' }, { status: { eq: 'PNS' } }, { developmentHours: { year: 2024, belowRequirement: true } }] },
    });
    expect(fake.calls('DashboardGaps')[0]).toEqual({ where: { unitSubtreeOfCode: 'DINKES' }, units: ['PKM-DELI'] });
    expect(fake.calls('DashboardRecommendations')[0]).toEqual({ unit: 'U-DINKES' });
    expect(fake.calls('DashboardPredicateTrend')[0]).toMatchObject({ y5: 2024 });
  });

  it('opens the employee list filtered by a clicked box, keeping the unit', async () => {
    const { router } = await mountPage(backend(), '/dashboard?unit=DINKES');
    document.querySelector<HTMLElement>('[data-testid="box-5"]')?.click();
    // The route's page is a lazily loaded chunk: navigation ends once it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('employees'), { timeout: 10_000 });
    expect(router.currentRoute.value.query).toEqual({ unit: 'DINKES', talentBox: '5' });
  });

  it('opens the employee list from a click on the chart too', async () => {
    const { router } = await mountPage(backend());
    await vi.waitFor(() => expect(document.querySelector('[data-testid="charts-talent"]')).not.toBeNull());
    document.querySelector<HTMLElement>('[data-testid="charts-talent"]')?.click();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ talentBox: '9' }), { timeout: 10_000 });
  });

  it('shows a load error', async () => {
    await mountPage(backend({ DashboardTalent: () => ({ networkError: new Error('offline') }) }));
    expect(text('load-error')).toContain('Server tidak dapat dihubungi.');
  });
});
