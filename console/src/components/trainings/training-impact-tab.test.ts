import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeAnswer } from '../../testing/fake-client';
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
const impact = {
  __typename: 'TrainingImpact',
  n: 2, meanDeltaCompetency: 1.75, meanDeltaPredicate: 0.5, windowStart: '2024-03-01', windowEnd: '2024-03-05',
  comparisonN: 3, comparisonDeltaCompetency: 0.25, comparisonDeltaPredicate: 0, difference: 1.5, differencePredicate: 0.5, ciLow: 0.9, ciHigh: 2.1,
  competencies: [
    { __typename: 'TrainingImpactCompetency', competency: { __typename: 'Competency', ...KOM }, n: 2, meanBefore: 2, meanAfter: 3.5, delta: 1.5 },
    { __typename: 'TrainingImpactCompetency', competency: { __typename: 'Competency', ...PP }, n: 1, meanBefore: 1, meanAfter: 3, delta: 2 },
  ],
};

function backend(answer: (v: Record<string, unknown>) => FakeAnswer) {
  return createFakeClient({ TrainingImpact: answer });
}
const withImpact = (value: unknown) => () => ({ data: { training: { __typename: 'Training', id: 'T1', impact: value } } });
const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const rows = () => [...document.querySelectorAll('[data-testid="impact-table"] tbody tr')].map((r) => r.textContent ?? '');

async function mount(fake: ReturnType<typeof backend>, competencies = [KOM, PP]) {
  const app = await mountWithApp(TrainingImpact, { client: fake.client, route: '/trainings/PLT-1?tab=impact', props: { code: 'PLT-1', competencies } });
  mounted = app.wrapper;
  await settle(10);
}

describe('Training impact tab', () => {
  it('asks the server once and shows before/after per competency, both groups\' change, the difference and its interval', async () => {
    const fake = backend(withImpact(impact));
    await mount(fake);
    expect(fake.calls('TrainingImpact')).toEqual([{ code: 'PLT-1' }]);
    const r = rows();
    expect(r[0]).toMatch(/KOM — Komunikasi\s*2\s*2\s*3,5\s*\+1,5/);
    expect(r[1]).toMatch(/PP — Pelayanan Publik\s*1\s*1\s*3\s*\+2/);
    expect(r[2]).toMatch(/Peserta, semua kompetensi sasaran\s*2\s*\+1,75/);
    expect(r[3]).toMatch(/Kelompok pembanding \(bukan peserta\)\s*3\s*\+0,25/);
    expect(r[4]).toMatch(/Selisih-dalam-selisih\s*\+1,5\s*\+0,9 … \+2,1/);
    const comparison = text('[data-testid="impact-comparison"]');
    expect(comparison).toContain('2024-03-01 s.d. 2024-03-05');
    // Labels on one row, values on the next: ΔP participants +0,5, comparison 0, difference +0,5.
    expect(comparison).toContain('ΔP pesertaΔP pembandingSelisih-dalam-selisih ΔP+0,50+0,5');
    expect(document.querySelector('[data-testid="impact-no-comparison"]')).toBeNull();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="impact-chart"]')).not.toBeNull());
    const chart = JSON.parse(text('[data-testid="impact-chart"]')) as { label: string }[];
    expect(chart.map((c) => c.label)).toEqual(['KOM', 'PP', 'Peserta, semua kompetensi sasaran', 'Kelompok pembanding (bukan peserta)', 'Selisih-dalam-selisih']);
    expect(chart[0]).toMatchObject({ before: 2, after: 3.5, delta: 1.5 });
    expect(chart[4]).toMatchObject({ delta: 1.5, ci: [0.9, 2.1] });
  });

  it('says when no non-participant could be compared', async () => {
    await mount(backend(withImpact({ ...impact, comparisonN: 0, comparisonDeltaCompetency: null, comparisonDeltaPredicate: null, difference: null, differencePredicate: null, ciLow: null, ciHigh: null })));
    expect(text('[data-testid="impact-no-comparison"]')).toContain('tidak ada perbandingan');
    expect(rows()[4]).toMatch(/Selisih-dalam-selisih\s*—\s*—/);
  });

  it('explains a training nobody has a before and after value for yet', async () => {
    await mount(backend(withImpact(null)));
    expect(text('[data-testid="impact-no-pairs"]')).toContain('Belum ada peserta lulus');
    expect(document.querySelector('[data-testid="impact-table"]')).toBeNull();
  });

  it('shows a load error with a retry', async () => {
    const fake = backend(() => ({ networkError: new Error('offline') }));
    await mount(fake);
    expect(document.querySelector('[data-testid="load-error"]')).not.toBeNull();
    const before = fake.calls('TrainingImpact').length;
    (document.querySelector('[data-testid="load-error-retry"]') as HTMLButtonElement).click();
    await settle(10);
    expect(fake.calls('TrainingImpact').length).toBe(before + 1);
  });

  it('says a training without targets cannot be measured, without asking', async () => {
    const fake = backend(withImpact(impact));
    await mount(fake, []);
    expect(text('[data-testid="impact-no-targets"]')).toContain('belum menyasar kompetensi');
    expect(fake.calls('TrainingImpact')).toEqual([]);
  });
});
