import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import TrainingImpact from './training-impact.vue';

// Canvas charts do not draw in happy-dom; a stand-in shows what the tab hands them.
vi.mock('./training-impact-chart.vue', () => ({
  default: defineComponent({
    props: { rows: { type: Array, required: true } },
    setup: (props) => () => h('pre', { 'data-testid': 'impact-chart' }, JSON.stringify(props.rows)),
  }),
}));

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const KOM = { id: 'C-KOM', code: 'KOM', name: 'Komunikasi' };
const PP = { id: 'C-PP', code: 'PP', name: 'Pelayanan Publik' };
const history: Record<string, Record<string, [string, number][]>> = {
  KOM: { E1: [['2024-01-01', 2], ['2024-06-01', 3]], E2: [['2024-01-01', 2], ['2024-06-01', 4]] },
  PP: { E1: [['2024-01-01', 1], ['2024-06-01', 3]], E2: [] },
};

function backend(evidence: unknown) {
  return createFakeClient({
    TrainingImpact: (v) => ({
      data: {
        training: {
          __typename: 'Training',
          id: 'T1',
          participations: ['E1', 'E2'].map((e) => ({
            __typename: 'TrainingParticipation', id: `P-${e}`, startedAt: '2024-03-01', completedAt: '2024-03-05',
            employee: {
              __typename: 'Employee', id: e,
              assessments: (history[String(v.competency)]?.[e] ?? []).map(([assessedAt, level], i) => ({ __typename: 'CompetencyAssessment', id: `${e}-${String(v.competency)}-${i}`, assessedAt, level })),
            },
          })),
        },
      },
    }),
    TrainingImpactEvidence: () => ({
      data: { recommendations: { __typename: 'RecommendationConnection', nodes: evidence ? [{ __typename: 'Recommendation', id: 'R1', year: 2024, status: 'OPEN', evidence }] : [] } },
    }),
  });
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

describe('Training impact tab', () => {
  it('asks once per targeted competency and shows before/after, n, Δ and the interval', async () => {
    const fake = backend(null);
    const app = await mountWithApp(TrainingImpact, { client: fake.client, route: '/trainings/PLT-1?tab=impact', props: { code: 'PLT-1', trainingId: 'T1', competencies: [KOM, PP] } });
    mounted = app.wrapper;
    await settle(10);
    expect(fake.calls('TrainingImpact').map((v) => v.competency)).toEqual(['KOM', 'PP']);
    const rows = [...document.querySelectorAll('[data-testid="impact-table"] tbody tr')].map((r) => r.textContent ?? '');
    expect(rows[0]).toMatch(/KOM — Komunikasi\s*2\s*2\s*3,5\s*\+1,5/);
    expect(rows[1]).toMatch(/PP — Pelayanan Publik\s*1\s*1\s*3\s*\+2/);
    // Overall: E1 counts once with (1 + 2) / 2, E2 with 2.
    expect(rows[2]).toMatch(/Semua kompetensi sasaran\s*2/);
    expect(rows[2]).toContain('+1,75');
    expect(text('[data-testid="impact-comparison"]')).toContain('Belum ada perbandingan');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="impact-chart"]')).not.toBeNull());
    expect(JSON.parse(text('[data-testid="impact-chart"]'))[0]).toMatchObject({ label: 'KOM', before: 2, after: 3.5, delta: 1.5 });
  });

  it('shows the comparison group figures with their 95 % interval when the engine has them', async () => {
    const fake = backend({ n: 4, deltaCompetency: 0.2, comparisonDeltaCompetency: 0.3, didCompetency: -0.1, ci95: [-0.5, 0.3], deltaPredicate: 0, didPredicate: 0 });
    const app = await mountWithApp(TrainingImpact, { client: fake.client, route: '/trainings/PLT-1?tab=impact', props: { code: 'PLT-1', trainingId: 'T1', competencies: [KOM] } });
    mounted = app.wrapper;
    await settle(10);
    const comparison = text('[data-testid="impact-comparison"]');
    expect(comparison).toContain('Selisih-dalam-selisih');
    expect(comparison).toContain('-0,1');
    expect(comparison).toContain('-0,5 … +0,3');
  });

  it('says a training without targets cannot be measured', async () => {
    const fake = backend(null);
    const app = await mountWithApp(TrainingImpact, { client: fake.client, route: '/trainings/PLT-1?tab=impact', props: { code: 'PLT-1', trainingId: 'T1', competencies: [] } });
    mounted = app.wrapper;
    await settle();
    expect(text('[data-testid="impact-no-targets"]')).toContain('belum menyasar kompetensi');
    expect(fake.calls('TrainingImpact')).toEqual([]);
  });
});
