import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { shallowRef } from 'vue';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { unitRef } from '../../testing/people-fixture';
import { sessionKey, type Session, type Viewer } from '../../auth/session';
import { evidenceLink, evidenceView, numberFormats } from './recommendation-display';
import RecommendationDetailPage from './recommendation-detail-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const evidenceQuery = '{ training(code: "PLT-KOM-01") { code } } # participants: pre & post';
const history = [
  { __typename: 'RecommendationStatusChange', id: 'H1', changedAt: '2026-03-01T08:00:00.000Z', changedBy: 'system', fromStatus: null, toStatus: 'OPEN', note: null },
];

function recommendation(status = 'OPEN', statusHistory = history) {
  return {
    __typename: 'Recommendation',
    id: 'R2',
    key: 'TRAINING_INEFFECTIVE:training:1:2026',
    kind: 'TRAINING_INEFFECTIVE',
    severity: 'HIGH',
    title: 'Pelatihan PLT-KOM-01 tidak meningkatkan kompetensi',
    rationale: '4 penyelesaian …',
    action: 'Revisi total pelatihan PLT-KOM-01.',
    year: 2026,
    asOf: '2026-03-01',
    impact: 0.4,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    status,
    statusHistory,
    evidence: {
      n: 4, deltaCompetency: 0.1, deltaPredicate: 0, comparisonDeltaCompetency: 0.3, comparisonDeltaPredicate: 0.25,
      didCompetency: -0.2, didPredicate: -0.25, ci95: [-0.61, 0.21],
    },
    evidenceQuery,
    policyVersion: { __typename: 'PolicyVersion', id: 'PV1', version: 1, name: 'Default' },
    unit: null,
    position: null,
    employee: null,
    competency: null,
    training: { __typename: 'Training', id: 'T1', code: 'PLT-KOM-01', title: 'Komunikasi Efektif' },
  };
}

const admin = { __typename: 'Viewer', signedIn: true, kind: 'USER', label: 'admin', role: 'ADMIN', permissions: ['read', 'write'], unit: null } as Viewer;
const session = (viewer: Viewer): Session => ({ viewer: shallowRef(viewer), ensure: async () => viewer, signedIn: () => undefined, forget: () => undefined });

async function mountPage(handlers: Record<string, FakeHandler>, viewer: Viewer = admin) {
  const fake = createFakeClient(handlers, { cache: true });
  const app = await mountWithApp(RecommendationDetailPage, {
    client: fake.client,
    route: '/recommendations/R2',
    props: { id: 'R2' },
    provide: { [sessionKey as symbol]: session(viewer) },
  });
  mounted = app.wrapper;
  await settle();
  return { fake, ...app };
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();

function typeNote(value: string): void {
  const area = document.querySelector<HTMLTextAreaElement>('[data-testid="decision-note"] textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
}

describe('Recommendation detail page', () => {
  it('shows the texts, the evidence as tables with the 95% interval and the evidence query link', async () => {
    await mountPage({ RecommendationDetail: () => ({ data: { node: recommendation() } }) });
    expect(text('[data-testid="recommendation-severity"]')).toBe('Tinggi');
    expect(text('[data-testid="recommendation-action"]')).toContain('Revisi total');
    expect(text('[data-testid="evidence-n"]')).toBe('4');
    expect(text('[data-testid="evidence-training-participants"]')).toContain('0,1');
    expect(text('[data-testid="evidence-training-comparison"]')).toContain('0,3');
    expect(text('[data-testid="evidence-training-difference"]')).toContain('-0,2');
    expect(text('[data-testid="evidence-ci95"]')).toContain('-0,61 s.d. 0,21');
    expect(text('[data-testid="subject-training"]')).toContain('PLT-KOM-01 — Komunikasi Efektif');
    const href = document.querySelector('[data-testid="evidence-query-link"]')?.getAttribute('href') ?? '';
    expect(href.startsWith('/query-builder?document=')).toBe(true);
    expect(new URL(href, 'http://x').searchParams.get('document')).toBe(evidenceQuery);
  });

  it('accepts with a note after confirming, showing the new status and history', async () => {
    const accepted = [...history, { __typename: 'RecommendationStatusChange', id: 'H2', changedAt: '2026-03-02T09:00:00.000Z', changedBy: 'admin@sikap.test', fromStatus: 'OPEN', toStatus: 'ACCEPTED', note: 'Materi direvisi' }];
    const { fake } = await mountPage({
      RecommendationDetail: () => ({ data: { node: recommendation() } }),
      SetRecommendationStatus: () => ({
        data: { setRecommendationStatus: { __typename: 'RecommendationPayload', recommendation: { __typename: 'Recommendation', id: 'R2', status: 'ACCEPTED', updatedAt: '2026-03-02T09:00:00.000Z', statusHistory: accepted }, userErrors: [] } },
      }),
    });
    expect(document.querySelectorAll('[data-testid="history-item"]')).toHaveLength(1);
    click('[data-testid="decide-ACCEPTED"]');
    await settle();
    // Without a note nothing is sent and the note field says why.
    click('[data-testid="decision-confirm"]');
    await settle();
    expect(fake.calls('SetRecommendationStatus')).toHaveLength(0);
    expect(text('[data-testid="decision-note-item"]')).toContain('Tuliskan catatan keputusan.');

    typeNote('Materi direvisi');
    await settle();
    click('[data-testid="decision-confirm"]');
    await settle();
    expect(fake.calls('SetRecommendationStatus')).toEqual([{ id: 'R2', status: 'ACCEPTED', note: 'Materi direvisi' }]);
    expect(text('[data-testid="recommendation-status"]')).toBe('Diterima');
    expect(document.querySelectorAll('[data-testid="history-item"]')).toHaveLength(2);
    expect(text('[data-testid="recommendation-history"]')).toContain('Materi direvisi');
    expect(document.querySelector('[data-testid="decide-OPEN"]')).not.toBeNull();
  });

  it('shows a server error on the note next to the note field', async () => {
    await mountPage({
      RecommendationDetail: () => ({ data: { node: recommendation() } }),
      SetRecommendationStatus: () => ({
        data: { setRecommendationStatus: { __typename: 'RecommendationPayload', recommendation: null, userErrors: [{ __typename: 'UserError', field: 'note', code: 'OUT_OF_RANGE', message: 'note must be at most 4000 characters' }] } },
      }),
    });
    click('[data-testid="decide-DISMISSED"]');
    await settle();
    typeNote('x');
    await settle();
    click('[data-testid="decision-confirm"]');
    await settle();
    expect(text('[data-testid="decision-note-item"]')).toContain('Nilai di luar batas yang diizinkan.');
    expect(document.querySelector('[data-testid="decision-dialog"]')).not.toBeNull();
  });

  it('says when the recommendation does not exist, and hides decisions from readers', async () => {
    await mountPage({ RecommendationDetail: () => ({ data: { node: null } }) });
    expect(document.querySelector('[data-testid="recommendation-not-found"]')).not.toBeNull();
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage({ RecommendationDetail: () => ({ data: { node: recommendation() } }) }, { ...admin, role: 'VIEWER', permissions: ['read'] } as Viewer);
    expect(document.querySelector('[data-testid="decide-ACCEPTED"]')).toBeNull();
    expect(text('[data-testid="recommendation-decision"]')).toContain('hanya dapat membaca');
  });
});

describe('evidence layout', () => {
  const f = numberFormats('en');
  it('lays out each kind and keeps unknown keys', () => {
    const gap = evidenceView('UNIT_COMPETENCY_GAP', { holders: 3, meanShortfall: 1.333333, shortfallRate: 0.666667, required: 3, extra: 'x' }, f);
    expect(gap.facts.map((x) => [x.label, x.value])).toEqual([['holders', '3'], ['meanShortfall', '1.33'], ['shortfallRate', '66.7%'], ['required', '3']]);
    expect(gap.other).toEqual([{ key: 'extra', value: '"x"' }]);
    const misplaced = evidenceView('MISPLACEMENT', { currentJpm: 70, betterPosition: 'DINKES-KASI', betterJpm: 95 }, f);
    expect(misplaced.facts[1]).toMatchObject({ value: 'DINKES-KASI', to: { name: 'position', params: { code: 'DINKES-KASI' } } });
    const review = evidenceView('STANDARD_REVIEW', { responses: 4, meanImportance: 4.5, requiredLevel: 0, groups: [{ group: 'GURU', responses: 4, meanImportance: 4.5, impliedLevel: 4 }] }, f, { none: '—', notIncluded: 'none' });
    expect(review.facts[2]?.value).toBe('none');
    expect(review.groups).toEqual([{ group: 'GURU', responses: '4', meanImportance: '4.5', impliedLevel: '4' }]);
    const noComparison = evidenceView('TRAINING_INEFFECTIVE', { n: 3, deltaCompetency: 0, deltaPredicate: 0, comparisonDeltaCompetency: null, ci95: null }, f);
    expect(noComparison.training).toMatchObject({ hasComparison: false, ci95: null });
    expect(noComparison.training?.rows).toHaveLength(1);
  });

  it('encodes the evidence query into the query builder link', () => {
    expect(evidenceLink('{ a(b: "c&d") }')).toBe('/query-builder?document=%7B%20a(b%3A%20%22c%26d%22)%20%7D');
  });
});
