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

const budi = '199001012015031002';
const dedi = '198801012012011004';
const rina = '199205102018032003';

/** A ranked list of three: Budi (ineligible, 83.3), Dedi (eligible, 66.7), Rina. */
function threeCandidates() {
  const other = (rank: number, id: string, nip: string, name: string, jpm: number) => ({
    ...candidate(jpm),
    rank,
    eligible: true,
    ineligibility: [],
    employee: { __typename: 'Employee', id, nip, name, grade: 'III_B', unit: unitRef('DISDIK', 'Dinas Pendidikan') },
  });
  return [candidate(83.3), other(2, 'E4', dedi, 'Dedi Siregar', 66.7), other(3, 'E3', rina, 'Rina Marpaung', 50)];
}

/** One side of the comparison as the API answers it. */
function compared(nip: string) {
  const budiSide = nip === budi;
  return {
    __typename: 'Employee',
    id: budiSide ? 'E2' : 'E4',
    nip,
    name: budiSide ? 'Budi Santoso' : 'Dedi Siregar',
    grade: budiSide ? 'III_A' : 'III_B',
    education: budiSide ? 'S1' : 'D3',
    unit: budiSide ? unitRef('DINKES', 'Dinas Kesehatan') : unitRef('DISDIK', 'Dinas Pendidikan'),
    position: budiSide ? null : { __typename: 'Position', id: 'P7', code: 'DISDIK-STAF', name: 'Staf Dinas Pendidikan' },
    latestPredicate: budiSide ? 'BAIK' : 'SANGAT_BAIK',
    talentBox: budiSide ? 5 : 4,
    match: {
      __typename: 'Match',
      jpm: budiSide ? 83.3 : 66.7,
      rawJpm: budiSide ? 83.3 : 66.7,
      category: budiSide ? 'CUKUP_OPTIMAL' : 'KURANG_OPTIMAL',
      eligible: !budiSide,
      totalShortfall: budiSide ? 1 : 2,
      ineligibility: budiSide ? candidate(83.3).ineligibility : [],
      gaps: budiSide ? [gap('INT', 3, 3), gap('KOM', 3, 2)] : [gap('INT', 3, 4), gap('KOM', 3, null)],
      missingCompetencies: budiSide ? [] : [competencies.find((c) => c.code === 'KOM')],
    },
  };
}

const comparison: FakeHandler = (v) => ({ data: { first: compared(v.first as string), second: compared(v.second as string) } });

function backend(overrides: Record<string, FakeHandler> = {}, cache = false) {
  let jpm = 83.3;
  const fake = createFakeClient(
    {
      PositionDetail: () => ({ data: { position: position() } }),
      CompetencyOptions: competencyOptions,
      PositionCandidates: (v) => ({
        data: { position: { __typename: 'Position', id: 'P2', candidates: { ...pageOf([candidate(jpm)], v), __typename: 'MatchConnection' } } },
      }),
      CandidateComparison: comparison,
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

  describe('comparing two candidates', () => {
    const listOfThree: FakeHandler = (v) => ({
      data: { position: { __typename: 'Position', id: 'P2', candidates: { ...pageOf(threeCandidates(), v), __typename: 'MatchConnection' } } },
    });
    const checkbox = (nip: string) => document.querySelector<HTMLElement>(`[data-testid="candidate-compare-${nip}"]`)!;
    const isChecked = (nip: string) => checkbox(nip).getAttribute('aria-checked') === 'true';

    it('shows both candidates’ figures side by side once two are picked, with the pair in the URL', async () => {
      const fake = backend({ PositionCandidates: listOfThree });
      const { router } = await mountPage(fake, '/positions/DINKES-KASI-PROMKES?tab=candidates');
      expect(checkbox(budi).getAttribute('aria-label')).toBe('Bandingkan Budi Santoso');

      click(`candidate-compare-${budi}`);
      await settle();
      expect(router.currentRoute.value.query.cmp).toBe(budi);
      expect(text('compare-pick-one-more')).toContain('Pilih satu kandidat lagi');
      expect(document.querySelector('[data-testid="candidate-comparison"]')).toBeNull();

      click(`candidate-compare-${dedi}`);
      await settle();
      expect(router.currentRoute.value.query.cmp).toBe(`${budi},${dedi}`);
      expect(fake.calls('CandidateComparison')).toEqual([{ position: 'P2', first: budi, second: dedi }]);

      expect(text('compare-name-0')).toBe('Budi Santoso');
      expect(text('compare-name-1')).toBe('Dedi Siregar');
      expect(document.querySelector('[data-testid="compare-name-0"] a')?.getAttribute('href')).toBe(`/employees/${budi}`);
      expect(text('compare-nip-1')).toBe(dedi);
      expect(text('compare-grade-0')).toBe('III/a');
      expect(text('compare-education-1')).toBe('D3');
      expect(text('compare-unit-1')).toBe('Dinas Pendidikan');
      expect(text('compare-position-0')).toBe('Belum menduduki jabatan');
      expect(text('compare-position-1')).toBe('Staf Dinas Pendidikan');
      // Ranks come from the list as shown.
      expect(text('compare-rank-0')).toContain('1');
      expect(text('compare-rank-1')).toContain('2');
      expect(text('compare-jpm-0')).toContain('83.3');
      expect(text('compare-jpm-1')).toContain('66.7');
      expect(text('compare-rawJpm-1')).toContain('66.7');
      expect(text('compare-category-0')).toContain('Cukup optimal');
      expect(text('compare-category-1')).toContain('Kurang optimal');
      expect(text('compare-eligible-0')).toContain('Golongan di bawah syarat');
      expect(text('compare-eligible-0')).toContain('1 annual appraisal, 2 required');
      expect(text('compare-eligible-1')).toContain('Ya');
      expect(text('compare-predicate-1')).toContain('Sangat baik');
      expect(text('compare-talentBox-0')).toBe('5');
      expect(text('compare-missing-1')).toBe('Komunikasi');

      // The better side of each figure is marked, and only where the two differ.
      const marked = [...document.querySelectorAll('[data-testid^="compare-better-"]')].map((e) => e.getAttribute('data-testid'));
      expect(marked).toEqual([
        'compare-better-rank-0', 'compare-better-jpm-0', 'compare-better-rawJpm-0', 'compare-better-category-0', 'compare-better-shortfall-0',
        'compare-better-eligible-1', 'compare-better-predicate-1', 'compare-better-missing-0',
      ]);

      // By competency: required level, each side's level (or never assessed) and signed gap.
      expect(text('compare-competency-INT')).toContain('Integritas');
      expect(text('compare-achieved-INT-0')).toBe('3');
      expect(text('compare-achieved-INT-1')).toContain('4');
      expect(text('compare-achieved-INT-1')).toContain('lebih baik');
      expect(text('compare-gap-INT-1')).toBe('+1');
      expect(text('compare-achieved-KOM-1')).toBe('belum dinilai');
      expect(text('compare-gap-KOM-1')).toBe('−3');
      expect(text('compare-achieved-KOM-0')).toContain('lebih baik');
      expect(text('compare-gap-KOM-0')).toBe('−1');
    });

    it('does not take a third candidate until one of the two is unticked, and clears in one click', async () => {
      const { router } = await mountPage(backend({ PositionCandidates: listOfThree }), `/positions/DINKES-KASI-PROMKES?tab=candidates&cmp=${budi},${dedi}`);
      expect(isChecked(budi) && isChecked(dedi)).toBe(true);
      expect(checkbox(rina).getAttribute('aria-disabled')).toBe('true');
      click(`candidate-compare-${rina}`);
      await settle();
      expect(router.currentRoute.value.query.cmp).toBe(`${budi},${dedi}`);
      expect(isChecked(rina)).toBe(false);

      click(`candidate-compare-${budi}`);
      await settle();
      expect(router.currentRoute.value.query.cmp).toBe(dedi);
      expect(checkbox(rina).getAttribute('aria-disabled')).not.toBe('true');
      click(`candidate-compare-${rina}`);
      await settle();
      expect(router.currentRoute.value.query.cmp).toBe(`${dedi},${rina}`);

      click('compare-clear');
      await settle();
      expect(router.currentRoute.value.query.cmp).toBeUndefined();
      expect(router.currentRoute.value.query.tab).toBe('candidates');
      expect(document.querySelector('[data-testid="candidate-comparison"]')).toBeNull();
      expect(isChecked(dedi)).toBe(false);
    });

    it('cannot pick a candidate whose NIP is masked (VIEWER role), as it cannot be looked up', async () => {
      const masked = '*'.repeat(18);
      const list: FakeHandler = (v) => {
        const [first, ...rest] = threeCandidates();
        const hidden = { ...first!, employee: { ...first!.employee, nip: masked } };
        return { data: { position: { __typename: 'Position', id: 'P2', candidates: { ...pageOf([hidden, ...rest], v), __typename: 'MatchConnection' } } } };
      };
      await mountPage(backend({ PositionCandidates: list }), '/positions/DINKES-KASI-PROMKES?tab=candidates');
      expect(checkbox(masked).getAttribute('aria-disabled')).toBe('true');
      expect(checkbox(dedi).getAttribute('aria-disabled')).toBeNull();
    });

    it('shows a failed comparison with a retry, and says which NIP does not exist', async () => {
      let fail = true;
      const fake = backend({
        PositionCandidates: listOfThree,
        CandidateComparison: (v) => (fail ? { graphQLErrors: [{ message: 'boom' }] } : { data: { first: compared(v.first as string), second: null } }),
      });
      await mountPage(fake, `/positions/DINKES-KASI-PROMKES?tab=candidates&cmp=${budi},199901012020011009`);
      expect(text('candidate-comparison')).toContain('Data tidak dapat dimuat.');
      expect(text('load-error')).toContain('boom');
      fail = false;
      click('load-error-retry');
      await settle();
      expect(fake.calls('CandidateComparison')).toHaveLength(2);
      expect(text('compare-not-found')).toContain('199901012020011009');
      expect(document.querySelector('[data-testid="load-error"]')).toBeNull();
    });
  });
});
