import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { candidatePool, parsePlacementQuery, serializePlacementQuery } from './placement-route-query';
import PlacementPage from './placement-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const positions = [
  { __typename: 'Position', id: 'P2', code: 'DINKES-KASI-PROMKES', name: 'Kepala Seksi Promosi Kesehatan', vacancies: 1 },
  { __typename: 'Position', id: 'P3', code: 'DINKES-KASI-P2P', name: 'Kepala Seksi P2P', vacancies: 1 },
];

function plan(extra: Record<string, unknown> = {}) {
  const employee = (id: string, nip: string, name: string) => ({ __typename: 'Employee', id, nip, name, position: null });
  return {
    __typename: 'AssignmentPlan',
    id: null,
    status: null,
    asOf: '2026-11-29',
    totalJpm: 190,
    meanJpm: 95,
    filled: 2,
    createdAt: null,
    createdBy: null,
    appliedAt: null,
    appliedBy: null,
    greedy: { __typename: 'AssignmentSummary', totalJpm: 170, meanJpm: 85, filled: 2 },
    seats: [
      { __typename: 'Seat', seat: 1, reason: null, position: positions[0], match: { __typename: 'Match', jpm: 100, category: 'OPTIMAL', employee: employee('E1', '198503152010012001', 'Siti Aminah') } },
      { __typename: 'Seat', seat: 1, reason: null, position: positions[1], match: { __typename: 'Match', jpm: 90, category: 'OPTIMAL', employee: employee('E2', '199001012015031002', 'Budi Santoso') } },
    ],
    ...extra,
  };
}

function backend(overrides: Record<string, FakeHandler> = {}, cache = false) {
  return createFakeClient({
    PositionsByCode: (v) => ({ data: { positions: { __typename: 'PositionConnection', nodes: positions.filter((p) => (v.codes as string[]).includes(p.code)) } } }),
    PositionOptions: () => ({ data: { positions: { __typename: 'PositionConnection', nodes: positions } } }),
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
    AssignmentPlan: () => ({ data: { assignmentPlan: plan() } }),
    SaveAssignmentPlan: () => ({ data: { saveAssignmentPlan: { __typename: 'AssignmentPlanPayload', plan: plan({ id: 'PLAN1', status: 'DRAFT', createdAt: '2026-11-29T04:00:00Z', createdBy: 'admin' }), userErrors: [] } } }),
    SavedAssignmentPlan: () => ({ data: { savedAssignmentPlan: plan({ id: 'PLAN1', status: 'DRAFT', createdAt: '2026-11-29T04:00:00Z', createdBy: 'admin' }) } }),
    ApplyAssignmentPlan: () => ({ data: { applyAssignmentPlan: { __typename: 'AssignmentPlanPayload', plan: plan({ id: 'PLAN1', status: 'APPLIED', appliedAt: '2026-11-29T05:00:00Z', appliedBy: 'admin' }), userErrors: [] } } }),
    ...overrides,
  }, { cache });
}

async function mountPage(fake: ReturnType<typeof backend>, route: string) {
  const app = await mountWithApp(PlacementPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
};
const confirmButton = () => [...document.querySelectorAll<HTMLElement>('.n-dialog__action button')].find((b) => b.textContent?.includes('Terapkan rencana'));

const route = '/placement?pos=DINKES-KASI-PROMKES,DINKES-KASI-P2P&unit=DINKES&gmin=III_A';

describe('Placement planner', () => {
  it('waits for positions before anything can be computed', async () => {
    const fake = await mountPage(backend(), '/placement').then(() => null);
    void fake;
    expect(document.body.textContent).toContain('Pilih sedikitnya satu jabatan');
    expect(document.querySelector<HTMLButtonElement>('[data-testid="placement-run"]')?.disabled).toBe(true);
  });

  it('computes the plan for the positions and pool in the URL and compares it with the greedy fill', async () => {
    const fake = backend();
    await mountPage(fake, route);
    click('[data-testid="placement-run"]');
    await settle();
    expect(fake.calls('AssignmentPlan')).toEqual([
      { positions: ['P2', 'P3'], candidates: { and: [{ unitSubtreeOfCode: 'DINKES' }, { grade: { gte: 'III_A' } }] } },
    ]);
    expect(text('plan-total')).toBe('190.0');
    expect(text('plan-greedy-total')).toBe('170.0');
    expect(text('plan-optimal')).toContain('Optimal lebih baik 20.0 poin JPM');
    expect(text('seat-DINKES-KASI-P2P-1')).toContain('Budi Santoso');
  });

  it('links each chosen vacancy to its ranked candidates, where two can be compared', async () => {
    const { router } = await mountPage(backend(), route);
    const link = (code: string) => document.querySelector<HTMLAnchorElement>(`[data-testid="placement-candidates-${code}"]`);
    expect(link('DINKES-KASI-PROMKES')?.getAttribute('href')).toBe('/positions/DINKES-KASI-PROMKES?tab=candidates');
    expect(link('DINKES-KASI-P2P')?.getAttribute('aria-label')).toBe('Kandidat berperingkat untuk Kepala Seksi P2P');
    link('DINKES-KASI-P2P')?.click();
    // The position page is a lazily loaded route, so the navigation ends after its chunk is imported.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/positions/DINKES-KASI-P2P?tab=candidates'), { timeout: 5000 });
  });

  it('has no candidate links before a vacancy is chosen', async () => {
    await mountPage(backend(), '/placement');
    expect(document.querySelector('[data-testid="placement-candidate-links"]')).toBeNull();
  });

  it.each([false, true])('saves a draft, keeps its id in the URL, and applies it only after confirmation (cache: %s)', async (cache) => {
    const fake = backend({}, cache);
    const { router } = await mountPage(fake, route);
    click('[data-testid="placement-run"]');
    await settle();
    click('[data-testid="placement-save"]');
    await settle();
    expect(router.currentRoute.value.query.plan).toBe('PLAN1');
    expect(text('plan-status')).toContain('Draf');
    click('[data-testid="placement-apply"]');
    await settle();
    expect(document.body.textContent).toContain('2 pegawai akan dipindahkan');
    expect(fake.calls('ApplyAssignmentPlan')).toEqual([]);
    confirmButton()?.click();
    await settle();
    expect(fake.calls('ApplyAssignmentPlan')).toEqual([{ id: 'PLAN1' }]);
    expect(text('plan-status')).toContain('Diterapkan');
    expect(document.querySelector('[data-testid="placement-apply"]')).toBeNull();
  });

  it('shows a STALE refusal with what to do about it', async () => {
    const fake = backend({
      ApplyAssignmentPlan: () => ({
        data: {
          applyAssignmentPlan: {
            __typename: 'AssignmentPlanPayload',
            plan: null,
            userErrors: [{ __typename: 'UserError', field: null, code: 'STALE', message: 'Budi Santoso moved since the plan was saved.' }],
          },
        },
      }),
    });
    await mountPage(fake, `${route}&plan=PLAN1`);
    expect(fake.calls('SavedAssignmentPlan')).toEqual([{ id: 'PLAN1' }]);
    click('[data-testid="placement-apply"]');
    await settle();
    confirmButton()?.click();
    await settle();
    const refused = text('placement-refused');
    expect(refused).toContain('Data telah berubah');
    expect(refused).toContain('Budi Santoso moved since the plan was saved.');
    expect(refused).toContain('Hitung ulang dan simpan rencana baru.');
  });
});

describe('placement URL', () => {
  it('round-trips and builds the candidate pool', () => {
    const query = { pos: 'A,B', unit: 'DINKES', gmin: 'III_A', plan: 'X' };
    expect(serializePlacementQuery(parsePlacementQuery(query))).toEqual(query);
    expect(candidatePool({ unit: null, gradeMin: null })).toBeNull();
    expect(candidatePool({ unit: 'DINKES', gradeMin: null })).toEqual({ unitSubtreeOfCode: 'DINKES' });
  });
});
