import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { nextTick, shallowRef } from 'vue';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { unitRef } from '../../testing/people-fixture';
import { sessionKey, type Session, type Viewer } from '../../auth/session';
import {
  parseRecommendationsQuery, recommendationsOrderBy, recommendationsWhere, serializeRecommendationsQuery,
} from './recommendations-route-query';
import RecommendationsPage from './recommendations-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const subjectNone = { unit: null, position: null, employee: null, training: null, competency: null };
const rows = [
  {
    __typename: 'Recommendation',
    id: 'R1',
    kind: 'DEVELOPMENT_HOURS_SHORTFALL',
    severity: 'HIGH',
    status: 'OPEN',
    title: 'Kekurangan JP 2026: Siti Aminah kurang 8 JP',
    year: 2026,
    impact: 8,
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...subjectNone,
    unit: unitRef('PKM-DELI', 'Puskesmas Medan Deli'),
    employee: { __typename: 'Employee', id: 'E1', nip: '198503152010012001', name: 'Siti Aminah' },
  },
  {
    __typename: 'Recommendation',
    id: 'R2',
    kind: 'TRAINING_INEFFECTIVE',
    severity: 'MEDIUM',
    status: 'ACCEPTED',
    title: 'Pelatihan PLT-KOM-01 tidak meningkatkan kompetensi',
    year: 2026,
    impact: 0.4,
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...subjectNone,
    training: { __typename: 'Training', id: 'T1', code: 'PLT-KOM-01', title: 'Komunikasi Efektif' },
  },
];

const admin: Viewer = { __typename: 'Viewer', signedIn: true, kind: 'USER', label: 'admin@sikap.test', role: 'ADMIN', permissions: ['read', 'write', 'pii', 'admin'], unit: null } as Viewer;

function sessionOf(viewer: Viewer | null): Session {
  return { viewer: shallowRef(viewer), ensure: async () => viewer, signedIn: () => undefined, forget: () => undefined };
}

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    RecommendationsList: (v) => ({ data: { recommendations: { ...pageOf(rows, v), __typename: 'RecommendationConnection' } } }),
    UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
    UnitDetail: (v) => ({ data: { unit: { ...unitRef(String(v.code), 'Dinas Kesehatan'), type: 'DINAS', parent: null, children: [] } } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/recommendations', viewer: Viewer | null = admin) {
  const app = await mountWithApp(RecommendationsPage, { client: fake.client, route, provide: { [sessionKey as symbol]: sessionOf(viewer) } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

describe('Recommendations page', () => {
  it('lists recommendations with severity, kind, subject and status, linking to the detail', async () => {
    await mountPage(backend());
    const row = text('[data-testid="recommendation-row-R1"]');
    expect(row).toContain('Tinggi');
    expect(row).toContain('Kekurangan JP');
    expect(row).toContain('Siti Aminah (198503152010012001)');
    expect(row).toContain('Terbuka');
    expect(text('[data-testid="recommendation-row-R2"]')).toContain('PLT-KOM-01 — Komunikasi Efektif');
    expect(document.querySelector('[data-testid="recommendation-link-R1"]')?.getAttribute('href')).toBe('/recommendations/R1');
    expect(text('[data-testid="pager-range"]')).toContain('1–2 dari 2');
  });

  it('filters by the URL: kind, severity, status, year and the unit subtree by id', async () => {
    const fake = backend();
    await mountPage(fake, '/recommendations?kind=MISPLACEMENT&severity=HIGH,LOW&status=OPEN&unit=DINKES&year=2025&sort=-updatedAt');
    expect(fake.calls('UnitDetail')).toEqual([{ code: 'DINKES' }]);
    // The list waits for the unit id rather than loading the whole city first.
    expect(fake.calls('RecommendationsList')).toHaveLength(1);
    expect(fake.calls('RecommendationsList')[0]).toMatchObject({
      where: { kind: { in: ['MISPLACEMENT'] }, severity: { in: ['HIGH', 'LOW'] }, status: { in: ['OPEN'] }, unit: 'U-DINKES', year: { eq: 2025 } },
      orderBy: [{ field: 'UPDATED_AT', direction: 'DESC' }, { field: 'SEVERITY', direction: 'DESC' }, { field: 'IMPACT', direction: 'DESC' }],
    });
  });

  it('generates recommendations once while running, then shows the counts and reloads the list', async () => {
    let generated = 0;
    const fake = backend({
      GenerateRecommendations: () => {
        generated++;
        return {
          data: {
            generateRecommendations: {
              __typename: 'GenerateRecommendationsPayload',
              asOf: '2026-03-01', year: 2026, created: 3, updated: 1, unchanged: 5, resolved: 2, durationMs: 1234,
              byKind: [{ __typename: 'RecommendationKindCount', kind: 'DEVELOPMENT_HOURS_SHORTFALL', count: 4 }],
              policyVersion: { __typename: 'PolicyVersion', id: 'PV1', version: 1, name: 'Default' },
              userErrors: [],
            },
          },
        };
      },
    });
    await mountPage(fake);
    const listCalls = fake.calls('RecommendationsList').length;
    const button = document.querySelector<HTMLButtonElement>('[data-testid="generate-run"]')!;
    button.click();
    button.click();
    await settle();
    expect(generated).toBe(1);
    expect(text('[data-testid="generate-created"]')).toBe('3');
    expect(text('[data-testid="generate-updated"]')).toBe('1');
    expect(text('[data-testid="generate-unchanged"]')).toBe('5');
    expect(text('[data-testid="generate-resolved"]')).toBe('2');
    expect(text('[data-testid="generate-result"]')).toContain('Kekurangan JP: 4');
    expect(fake.calls('RecommendationsList').length).toBeGreaterThan(listCalls);
  });

  it('shows progress and disables the action while generating', async () => {
    const fake = createFakeClient({
      RecommendationsList: (v) => ({ data: { recommendations: { ...pageOf(rows, v), __typename: 'RecommendationConnection' } } }),
      UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: [] } } }),
      GenerateRecommendations: () => ({ networkError: new Error('offline') }),
    });
    await mountPage(fake);
    document.querySelector<HTMLButtonElement>('[data-testid="generate-run"]')!.click();
    await nextTick();
    // Between the click and the answer the button is busy and the progress note is shown.
    expect(document.querySelector('[data-testid="generate-progress"]')).not.toBeNull();
    expect(document.querySelector<HTMLButtonElement>('[data-testid="generate-run"]')!.disabled).toBe(true);
    await settle();
    expect(document.querySelector('[data-testid="generate-progress"]')).toBeNull();
    expect(text('[data-testid="generate-failed"]')).toContain('Server tidak dapat dihubungi.');
  });

  it('hides generating from viewers who may not write for the whole city', async () => {
    await mountPage(backend(), '/recommendations', { ...admin, role: 'UNIT_ADMIN', permissions: ['read', 'write'], unit: { __typename: 'Unit', id: 'U1', code: 'DINKES', name: 'Dinkes' } } as Viewer);
    expect(document.querySelector('[data-testid="generate-run"]')).toBeNull();
    expect(document.querySelector('[data-testid="recommendation-row-R1"]')).not.toBeNull();
  });

  it('shows the empty and error states', async () => {
    await mountPage(backend({ RecommendationsList: (v) => ({ data: { recommendations: { ...pageOf([], v), __typename: 'RecommendationConnection' } } }) }));
    expect(text('[data-testid="recommendations-table"]')).toContain('Belum ada rekomendasi');
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend({ RecommendationsList: () => ({ graphQLErrors: [{ message: 'boom' }] }) }));
    expect(text('[data-testid="load-error"]')).toContain('boom');
  });
});

describe('recommendations URL', () => {
  it('round-trips and ignores unknown values', () => {
    const query = { kind: 'MISPLACEMENT,SUCCESSION_RISK', severity: 'HIGH', status: 'OPEN,ACCEPTED', unit: 'DINKES', year: '2026', sort: 'kind', size: '20' };
    const state = parseRecommendationsQuery(query);
    expect(serializeRecommendationsQuery(state)).toEqual(query);
    expect(parseRecommendationsQuery({ kind: 'NOPE', year: 'x', sort: 'nope' })).toMatchObject({ kinds: [], year: null, sort: { field: 'severity', direction: 'desc' } });
    expect(recommendationsWhere(parseRecommendationsQuery({}), null)).toBeNull();
    expect(recommendationsOrderBy({ field: 'severity', direction: 'desc' })).toEqual([{ field: 'SEVERITY', direction: 'DESC' }, { field: 'IMPACT', direction: 'DESC' }]);
  });
});
