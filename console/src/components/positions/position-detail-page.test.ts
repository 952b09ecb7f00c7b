import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { NSelect } from 'naive-ui';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { competencies, competencyOptions, gap, unitRef } from '../../testing/people-fixture';
import { pageOf } from '../../testing/units-fixture';
import PositionDetailPage from './position-detail-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const requirement = (code: string, level: number) => {
  const c = competencies.find((x) => x.code === code)!;
  return { __typename: 'PositionRequirement', id: `R-${code}`, level, competency: c };
};

function position(requirements = [requirement('INT', 3), requirement('KOM', 3)]) {
  return {
    __typename: 'Position',
    id: 'P2',
    code: 'DINKES-KASI-PROMKES',
    name: 'Kepala Seksi Promosi Kesehatan',
    kind: 'PENGAWAS',
    quota: 2,
    holderCount: 1,
    vacancies: 1,
    minGrade: 'III_C',
    minEducation: 'S1',
    maxAge: null,
    technicalWeight: null,
    unit: unitRef('DINKES', 'Dinas Kesehatan'),
    requirements,
    holders: [
      {
        __typename: 'Employee',
        id: 'E9',
        nip: '197001012000011001',
        name: 'Ahmad Holder',
        grade: 'III_D',
        currentMatch: { __typename: 'Match', jpm: 100, category: 'OPTIMAL', eligible: true, gaps: [gap('INT', 3, 3)] },
      },
    ],
  };
}

function candidate(jpm: number) {
  return {
    __typename: 'Match',
    rank: 1,
    jpm,
    category: jpm >= 90 ? 'OPTIMAL' : jpm >= 78 ? 'CUKUP_OPTIMAL' : 'KURANG_OPTIMAL',
    eligible: false,
    totalShortfall: 1,
    ineligibility: [
      { __typename: 'IneligibilityReason', rule: 'GRADE_BELOW_MINIMUM', message: 'Grade III/a is below the minimum III/c' },
      { __typename: 'IneligibilityReason', rule: 'NO_PERFORMANCE_HISTORY', message: '1 annual appraisal, 2 required' },
    ],
    gaps: [gap('INT', 3, 3), gap('KOM', 3, 2)],
    employee: { __typename: 'Employee', id: 'E2', nip: '199001012015031002', name: 'Budi Santoso', grade: 'III_A', unit: unitRef('DINKES', 'Dinas Kesehatan') },
  };
}

function backend(overrides: Record<string, FakeHandler> = {}, cache = false) {
  let jpm = 83.3;
  const fake = createFakeClient(
    {
      PositionDetail: () => ({ data: { position: position() } }),
      CompetencyOptions: competencyOptions,
      PositionCandidates: (v) => ({
        data: { position: { __typename: 'Position', id: 'P2', candidates: { ...pageOf([candidate(jpm)], v), __typename: 'MatchConnection' } } },
      }),
      SetPositionRequirements: (v) => {
        jpm = 100;
        const reqs = (v.requirements as { competency: string; level: number }[]).map((r) => requirement(competencies.find((c) => c.id === r.competency)!.code, r.level));
        return { data: { setPositionRequirements: { __typename: 'PositionPayload', position: { __typename: 'Position', id: 'P2', requirements: reqs }, userErrors: [] } } };
      },
      ...overrides,
    },
    { cache },
  );
  return fake;
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/positions/DINKES-KASI-PROMKES') {
  const app = await mountWithApp(PositionDetailPage, { client: fake.client, route, props: { code: 'DINKES-KASI-PROMKES' } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
const click = (id: string) => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  el.click();
};

/** Naive UI's select menus do not open in happy-dom; the select's own update event is what the page listens to. */
async function chooseLevel(row: number, level: number) {
  const select = mounted!.findAllComponents(NSelect).find((c) => c.attributes('data-testid') === `standard-row-${row}-level-select`);
  if (!select) throw new Error(`no level select in row ${row}`);
  select.vm.$emit('update:value', level);
  await settle();
}

describe('Position detail', () => {
  it('shows vacancies, eligibility attributes and the standard in the editor', async () => {
    await mountPage(backend());
    expect(text('position-vacancies')).toBe('1');
    expect(text('position-detail')).toContain('III/c');
    expect(document.querySelectorAll('[data-testid^="standard-row-"][class="standard-row"]')).toHaveLength(2);
    expect(text('standard-row-0-competency')).toContain('INT — Integritas');
    expect(document.querySelector<HTMLButtonElement>('[data-testid="standard-save"]')?.disabled).toBe(true);
  });

  it('saves the whole standard and shows the server’s errors next to the row they concern', async () => {
    const fake = backend({
      SetPositionRequirements: () => ({
        data: {
          setPositionRequirements: {
            __typename: 'PositionPayload',
            position: null,
            userErrors: [{ __typename: 'UserError', field: 'requirements[1].level', code: 'OUT_OF_RANGE', message: 'requirements[1].level must be 1–5, got 0.' }],
          },
        },
      }),
    });
    await mountPage(fake);
    click('standard-add');
    await settle();
    await chooseLevel(1, 4);
    click('standard-save');
    await settle();
    expect(fake.calls('SetPositionRequirements')[0]).toEqual({
      position: 'P2',
      requirements: [
        { competency: 'C-INT', level: 3 },
        { competency: 'C-KOM', level: 4 },
        { competency: '', level: 0 },
      ],
    });
    expect(text('standard-row-1-level')).toContain('Nilai di luar batas yang diizinkan.');
    expect(text('standard-row-0-level')).not.toContain('Nilai di luar');
  });

  it('asks before emptying the whole standard', async () => {
    const fake = backend();
    await mountPage(fake);
    click('standard-row-1-remove');
    await settle();
    click('standard-row-0-remove');
    await settle();
    click('standard-save');
    await settle();
    expect(document.body.textContent).toContain('Hapus seluruh standar?');
    expect(fake.calls('SetPositionRequirements')).toEqual([]);
  });

  it('lists the holders with their match', async () => {
    await mountPage(backend(), '/positions/DINKES-KASI-PROMKES?tab=holders');
    expect(text('holders-table')).toContain('Ahmad Holder');
    expect(text('holders-table')).toContain('100.0');
    expect(text('holders-table')).toContain('Optimal');
  });

  it('ranks candidates with JPM, category and every ineligibility reason, options in the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/positions/DINKES-KASI-PROMKES?tab=candidates&all=1&min=KURANG_OPTIMAL');
    expect(fake.calls('PositionCandidates')[0]).toMatchObject({ code: 'DINKES-KASI-PROMKES', eligibleOnly: false, minCategory: 'KURANG_OPTIMAL', first: 20 });
    const row = text('candidate-row-199001012015031002');
    expect(row).toContain('83.3');
    expect(row).toContain('Cukup optimal');
    expect(row).toContain('Golongan di bawah syarat');
    expect(row).toContain('Riwayat kinerja belum cukup');
    expect(row).toContain('1 annual appraisal, 2 required');
  });

  it('refreshes the candidates’ JPM after the standard is saved', async () => {
    const fake = backend({}, true);
    const { router } = await mountPage(fake, '/positions/DINKES-KASI-PROMKES?tab=candidates');
    expect(text('candidate-jpm-199001012015031002')).toBe('83.3');
    await router.replace({ query: {} });
    await settle();
    await chooseLevel(1, 2);
    click('standard-save');
    await settle();
    expect(fake.calls('SetPositionRequirements')).toHaveLength(1);
    await router.replace({ query: { tab: 'candidates' } });
    await settle();
    // The cache dropped the position's candidates, so they are asked for again.
    expect(fake.calls('PositionCandidates')).toHaveLength(2);
    expect(text('candidate-jpm-199001012015031002')).toBe('100.0');
  });
});
