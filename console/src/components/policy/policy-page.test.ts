import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { shallowRef } from 'vue';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { sessionKey, type Session, type Viewer } from '../../auth/session';
import { parametersInput, placePolicyErrors, valuesFrom } from './policy-parameters';
import { parsePolicyQuery, serializePolicyQuery } from './policy-route-query';
import { boxShifts, categoryShifts, recommendationsByUnit } from './simulation';
import PolicyPage from './policy-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const defaults = {
  jpmOptimal: 90, jpmAdequate: 78, annualDevelopmentHours: 20, minPredicate: 'BAIK', performanceYears: 2, candidateMinCategory: 'CUKUP_OPTIMAL',
  talentPoolBoxes: [7, 8, 9], trainingMinCompletions: 3, trainingMinDeltaCompetency: 0.5, trainingMaxDeltaPredicate: 0, unitGapMinMeanShortfall: 0.5,
  unitGapMinHolders: 2, standardReviewMinResponses: 1,
};

function version(n: number, status: 'ACTIVE' | 'DRAFT' | 'RETIRED', name: string, parameters: Record<string, unknown> = defaults) {
  return {
    __typename: 'PolicyVersion', id: `PV${n}`, version: n, name, status, parameters,
    createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system', activatedAt: status === 'ACTIVE' ? '2026-01-01T00:00:00.000Z' : null,
    activatedBy: status === 'ACTIVE' ? 'system' : null, retiredAt: null, retiredBy: null,
  };
}

// The first version was stored before the unit-gap and stakeholder thresholds existed.
const { unitGapMinMeanShortfall: _a, unitGapMinHolders: _b, standardReviewMinResponses: _c, ...older } = defaults;
const versions = () => [version(2, 'DRAFT', 'Legacy JPM scheme (80/68)', { ...defaults, jpmOptimal: 80, jpmAdequate: 68 }), version(1, 'ACTIVE', 'Default', older)];

const admin = { __typename: 'Viewer', signedIn: true, kind: 'USER', label: 'admin', role: 'ADMIN', permissions: ['read', 'write', 'admin'], unit: null } as Viewer;
const session = (viewer: Viewer): Session => ({ viewer: shallowRef(viewer), ensure: async () => viewer, signedIn: () => undefined, forget: () => undefined });

function simulation(userErrors: unknown[] = []) {
  return {
    __typename: 'SimulationResult', asOf: '2026-03-01', year: 2026, changedKeys: userErrors.length ? [] : ['jpmOptimal'], parameters: defaults,
    categories: userErrors.length ? [] : [{ __typename: 'JpmCategoryShift', category: 'OPTIMAL', before: 1, after: 2 }, { __typename: 'JpmCategoryShift', category: 'CUKUP_OPTIMAL', before: 1, after: 0 }],
    talentBoxes: userErrors.length ? [] : [{ __typename: 'TalentBoxShift', box: 9, before: 1, after: 2, talentPool: true }],
    recommendations: userErrors.length ? [] : [{ __typename: 'RecommendationCountShift', kind: 'SUCCESSION_RISK', before: 1, after: 0, unit: { __typename: 'Unit', id: 'U1', code: 'PKM-DELI', name: 'Puskesmas' } }],
    userErrors,
  };
}

async function mountPage(handlers: Record<string, FakeHandler>, route = '/policy', viewer: Viewer = admin) {
  const fake = createFakeClient({ PolicyVersions: () => ({ data: { policyVersions: versions() } }), ...handlers }, { cache: true });
  const app = await mountWithApp(PolicyPage, { client: fake.client, route, provide: { [sessionKey as symbol]: session(viewer) } });
  mounted = app.wrapper;
  await settle();
  return { fake, ...app };
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();

function typeInto(selector: string, value: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  input.dispatchEvent(new Event('change'));
}

// Tests that open the draft form or the simulator mount thirteen Naive UI fields at once: slow on a busy 2-core machine.
describe('Policy page', () => {
  it('lists versions with the active one marked and the legacy scheme recognised, and shows the parameters', async () => {
    await mountPage({});
    expect(text('[data-testid="policy-status-1"]')).toBe('Aktif');
    expect(text('[data-testid="policy-status-2"]')).toBe('Draf');
    expect(text('[data-testid="policy-row-2"]')).toContain('Skema lama 80/68');
    // The active version's parameters are shown until another is chosen.
    expect(text('[data-testid="policy-param-jpmOptimal"]')).toBe('90');
    expect(text('[data-testid="policy-param-minPredicate"]')).toBe('Baik');
    expect(text('[data-testid="policy-param-talentPoolBoxes"]')).toBe('7, 8, 9');
    // Keys a version predates read as the documented defaults, as the server reads them.
    expect(text('[data-testid="policy-param-unitGapMinHolders"]')).toBe('2');
    expect(document.querySelector('[data-testid="policy-activate-1"]')).toBeNull();
    expect(document.querySelector('[data-testid="policy-edit-2"]')).not.toBeNull();
  });

  it('activates a version only after confirmation', async () => {
    const { fake, router } = await mountPage({
      ActivatePolicyVersion: () => ({
        data: { activatePolicyVersion: { __typename: 'PolicyVersionPayload', policyVersion: { ...versions()[0], status: 'ACTIVE' }, retired: { ...versions()[1], status: 'RETIRED' }, userErrors: [] } },
      }),
    });
    click('[data-testid="policy-activate-2"]');
    await settle();
    expect(fake.calls('ActivatePolicyVersion')).toHaveLength(0);
    expect(document.querySelector('.n-dialog')?.textContent).toContain('Aktifkan versi 2');
    [...document.querySelectorAll<HTMLButtonElement>('.n-dialog__action button')].find((b) => b.textContent?.includes('Aktifkan'))!.click();
    await settle();
    expect(fake.calls('ActivatePolicyVersion')).toEqual([{ id: 'PV2' }]);
    expect(router.currentRoute.value.query.v).toBe('PV2');
  });

  it('creates a draft from a base version with only the changed parameters, and shows errors next to fields', async () => {
    let attempt = 0;
    const { fake } = await mountPage({
      CreatePolicyVersion: () => {
        attempt++;
        if (attempt === 1) {
          return { data: { createPolicyVersion: { __typename: 'PolicyVersionPayload', policyVersion: null, userErrors: [{ __typename: 'UserError', field: 'parameters.jpmAdequate', code: 'OUT_OF_RANGE', message: 'parameters.jpmAdequate (95) must not exceed jpmOptimal (80).' }] } } };
        }
        return { data: { createPolicyVersion: { __typename: 'PolicyVersionPayload', policyVersion: version(3, 'DRAFT', 'Skema lama baru', { ...defaults, jpmOptimal: 80, jpmAdequate: 68 }), userErrors: [] } } };
      },
    });
    click('[data-testid="policy-new-draft"]');
    await settle();
    typeInto('#policy-form-name', 'Skema lama baru');
    click('[data-testid="policy-form-legacy"]');
    await settle();
    click('[data-testid="policy-form-save"]');
    await settle();
    expect(fake.calls('CreatePolicyVersion')[0]).toEqual({ name: 'Skema lama baru', basedOn: 'PV1', parameters: { jpmOptimal: 80, jpmAdequate: 68 } });
    expect(text('[data-testid="param-jpmAdequate"]')).toContain('Nilai di luar batas yang diizinkan.');
    expect(text('[data-testid="policy-form-failed"]')).toContain('Draf belum disimpan');
    click('[data-testid="policy-form-save"]');
    await settle();
    expect(fake.calls('CreatePolicyVersion')).toHaveLength(2);
    expect(fake.calls('PolicyVersions').length).toBeGreaterThan(1);
  }, 60_000);

  it('compares two versions side by side', async () => {
    const { fake } = await mountPage({
      ComparePolicyVersions: (v) => ({
        data: {
          comparePolicyVersions: {
            __typename: 'PolicyComparison',
            a: { __typename: 'PolicyVersion', id: v.a, version: 1, name: 'Default' },
            b: { __typename: 'PolicyVersion', id: v.b, version: 2, name: 'Legacy' },
            changes: [{ __typename: 'PolicyParameterChange', key: 'jpmAdequate', a: 78, b: 68 }, { __typename: 'PolicyParameterChange', key: 'jpmOptimal', a: 90, b: 80 }],
          },
        },
      }),
    }, '/policy?tab=compare');
    expect(fake.calls('ComparePolicyVersions')).toEqual([{ a: 'PV1', b: 'PV2' }]);
    expect(text('[data-testid="policy-compare-count"]')).toContain('2 parameter berbeda');
    const table = text('[data-testid="policy-compare-table"]');
    expect(table).toContain('Ambang JPM optimal');
    expect(table).toMatch(/90\s*80/);
  });

  it('runs the what-if simulation with the changed keys and places errors next to fields', async () => {
    let calls = 0;
    const { fake } = await mountPage({
      SimulatePolicy: () => {
        calls++;
        return { data: { simulatePolicy: calls === 1 ? simulation([{ __typename: 'UserError', field: 'changes.jpmOptimal', code: 'OUT_OF_RANGE', message: 'changes.jpmOptimal must be 0–100' }]) : simulation() } };
      },
    }, '/policy?tab=simulate');
    typeInto('#simulate-jpmOptimal', '120');
    await settle();
    expect(text('[data-testid="simulation-changed"]')).toContain('Ambang JPM optimal');
    click('[data-testid="simulation-run"]');
    click('[data-testid="simulation-run"]');
    await settle();
    expect(fake.calls('SimulatePolicy')).toEqual([{ changes: { jpmOptimal: 120 } }]);
    expect(text('[data-testid="param-jpmOptimal"]')).toContain('Nilai di luar batas yang diizinkan.');
    expect(document.querySelector('[data-testid="simulation-result"]')).toBeNull();

    typeInto('#simulate-jpmOptimal', '85');
    await settle();
    click('[data-testid="simulation-run"]');
    await settle(10);
    expect(fake.calls('SimulatePolicy')[1]).toEqual({ changes: { jpmOptimal: 85 } });
    expect(document.querySelector('[data-testid="simulation-result"]')).not.toBeNull();
    expect(text('[data-testid="simulation-shifts"]')).toContain('PKM-DELI');
    expect(text('[data-testid="simulation-shifts"]')).toContain('-1');
  }, 60_000);

  it('simulates a replaced position standard, with errors next to the row', async () => {
    const requirement = (id: string, code: string, level: number) => ({
      __typename: 'PositionRequirement', id: `R-${code}`, level, competency: { __typename: 'Competency', id, code, name: code, type: 'MANAGERIAL' },
    });
    let calls = 0;
    const { fake } = await mountPage({
      SimulationPositions: () => ({
        data: { positions: { __typename: 'PositionConnection', nodes: [{ __typename: 'Position', id: 'P2', code: 'DINKES-KASI', name: 'Kepala Seksi', requirements: [requirement('C-INT', 'INT', 3), requirement('C-KOM', 'KOM', 3)] }] } },
      }),
      CompetencyOptions: () => ({ data: { competencies: { __typename: 'CompetencyConnection', nodes: [] } } }),
      SimulateStandard: () => {
        calls++;
        return { data: { simulateStandard: calls === 1 ? simulation([{ __typename: 'UserError', field: 'requirements[1].level', code: 'OUT_OF_RANGE', message: 'level must be 1–5' }]) : simulation() } };
      },
    }, '/policy?tab=simulate&mode=standard&pos=DINKES-KASI');
    expect(fake.calls('SimulationPositions')[0]).toMatchObject({ search: 'DINKES-KASI' });
    expect(document.querySelectorAll('[data-testid="standard-simulator"] .standard-row')).toHaveLength(2);
    click('[data-testid="simulate-standard-run"]');
    await settle();
    expect(fake.calls('SimulateStandard')[0]).toEqual({ position: 'P2', requirements: [{ competency: 'C-INT', level: 3 }, { competency: 'C-KOM', level: 3 }] });
    expect(text('[data-testid="sim-row-1"]')).toContain('Nilai di luar batas yang diizinkan.');
    click('[data-testid="simulate-standard-run"]');
    await settle(10);
    expect(document.querySelector('[data-testid="simulation-result"]')).not.toBeNull();
  }, 60_000);

  it('keeps the tab and selections in the URL and shows the error state', async () => {
    const state = parsePolicyQuery({ tab: 'simulate', mode: 'standard', pos: 'DINKES-KASI', v: 'PV1', a: 'PV1', b: 'PV2' });
    expect(serializePolicyQuery(state)).toEqual({ tab: 'simulate', mode: 'standard', pos: 'DINKES-KASI', v: 'PV1', a: 'PV1', b: 'PV2' });
    expect(serializePolicyQuery(parsePolicyQuery({ tab: 'nope' }))).toEqual({});
    await mountPage({ PolicyVersions: () => ({ graphQLErrors: [{ message: 'boom' }] }) });
    expect(text('[data-testid="load-error"]')).toContain('boom');
  });
});

describe('policy parameters and simulation figures', () => {
  it('sends only what differs from the base, and null for a cleared field', () => {
    const base = valuesFrom(defaults);
    expect(parametersInput({ ...base, talentPoolBoxes: [9, 8] }, base)).toEqual({ talentPoolBoxes: [8, 9] });
    expect(parametersInput({ ...base, annualDevelopmentHours: null }, base)).toEqual({ annualDevelopmentHours: null });
    expect(Object.keys(parametersInput(base))).toHaveLength(13);
    expect(placePolicyErrors([{ field: 'parameters.jpmOptimal', code: 'INVALID', message: '' }, { field: 'name', code: 'REQUIRED', message: '' }, { field: null, code: 'CONFLICT', message: '' }], ['name', 'jpmOptimal']))
      .toMatchObject({ fields: { jpmOptimal: { code: 'INVALID' }, name: { code: 'REQUIRED' } }, general: [{ code: 'CONFLICT' }] });
  });

  it('sums recommendations per unit, biggest change first, and fills in zeros', () => {
    const unit = (code: string) => ({ __typename: 'Unit' as const, id: code, code, name: code });
    const rows = recommendationsByUnit({
      recommendations: [
        { kind: 'SUCCESSION_RISK', before: 1, after: 1, unit: unit('A') },
        { kind: 'MISPLACEMENT', before: 0, after: 3, unit: unit('B') },
        { kind: 'DEVELOPMENT_HOURS_SHORTFALL', before: 2, after: 1, unit: unit('B') },
        { kind: 'TRAINING_INEFFECTIVE', before: 1, after: 0, unit: null },
      ],
    });
    expect(rows.map((r) => [r.code, r.before, r.after])).toEqual([['B', 2, 4], [null, 1, 0], ['A', 1, 1]]);
    expect(categoryShifts({ categories: [{ category: 'KURANG_OPTIMAL', before: 2, after: 1 }] }).map((c) => c.before)).toEqual([0, 0, 2]);
    expect(boxShifts({ talentBoxes: [] })).toHaveLength(9);
  });
});
