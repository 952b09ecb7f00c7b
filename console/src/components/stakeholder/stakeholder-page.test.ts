import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { competencyOptions } from '../../testing/people-fixture';
import { parseStakeholderQuery, responsesWhere, serializeStakeholderQuery } from './stakeholder-route-query';
import StakeholderPage from './stakeholder-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const KOM = { __typename: 'Competency', id: 'C-KOM', code: 'KOM', name: 'Komunikasi' };
const PP = { __typename: 'Competency', id: 'C-PP', code: 'PP', name: 'Pelayanan Publik' };
const input = (id: string, group: string, importance: number, competency: typeof KOM) => ({
  __typename: 'StakeholderInput', id, group, importance, submittedAt: '2024-05-10', comment: null, competency, position: { __typename: 'Position', id: 'P1', code: 'GURU-SD-001' },
});

function backend(inputs = [input('S1', 'ORANG_TUA', 5, KOM), input('S2', 'ORANG_TUA', 4, KOM), input('S3', 'SISWA', 2, PP)], overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    StakeholderPositionOptions: () => ({ data: { positions: { __typename: 'PositionConnection', nodes: [] } } }),
    CompetencyOptions: competencyOptions,
    StakeholderPosition: () => ({
      data: {
        position: {
          __typename: 'Position', id: 'P1', code: 'GURU-SD-001', name: 'Guru Kelas SD', kind: 'FUNGSIONAL_KEAHLIAN',
          unit: { __typename: 'Unit', id: 'U1', code: 'SD-001', name: 'SD Negeri 001' },
          requirements: [
            { __typename: 'PositionRequirement', id: 'R1', level: 3, competency: { ...KOM, type: 'MANAGERIAL' } },
            { __typename: 'PositionRequirement', id: 'R2', level: 2, competency: { ...PP, type: 'MANAGERIAL' } },
          ],
          stakeholderInputs: inputs,
        },
      },
    }),
    StakeholderInputs: (v) => ({ data: { stakeholderInputs: { ...pageOf(inputs, v), __typename: 'StakeholderInputConnection' } } }),
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route: string) {
  const app = await mountWithApp(StakeholderPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle();
  return app;
}
const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

describe('Stakeholder page', () => {
  it('asks for a position first', async () => {
    const fake = backend();
    await mountPage(fake, '/stakeholder');
    expect(text('[data-testid="stakeholder-no-position"]')).toContain('Pilih jabatan');
    expect(fake.calls('StakeholderInputs')).toEqual([]);
  });

  it('puts each group’s implied level beside the standard and flags the ones above it', async () => {
    await mountPage(backend(), '/stakeholder?position=GURU-SD-001');
    const kom = text('[data-testid="summary-row-KOM"]');
    expect(kom).toContain('3'); // the standard
    expect(text('[data-testid="summary-KOM-ORANG_TUA"]')).toMatch(/5\s*·\s*4,5\s*·\s*n=2/);
    expect(kom).toContain('Di atas standar');
    expect(text('[data-testid="summary-PP-SISWA"]')).toMatch(/2\s*·\s*2,0\s*·\s*n=1/);
    expect(text('[data-testid="summary-row-PP"]')).not.toContain('Di atas standar');
  });

  it('lists the position’s responses with the group and competency filters from the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/stakeholder?position=GURU-SD-001&group=ORANG_TUA&competency=KOM');
    expect(fake.calls('StakeholderInputs')[0]?.where).toEqual({ and: [{ position: { eq: 'P1' } }, { group: { in: ['ORANG_TUA'] } }, { competency: { eq: 'KOM' } }] });
    expect(text('[data-testid="responses-table"]')).toContain('Orang tua');
  });

  it('shows a duplicate response error next to the date', async () => {
    const fake = backend(undefined, {
      CreateStakeholderInput: () => ({
        data: {
          createStakeholderInput: {
            __typename: 'StakeholderInputPayload',
            stakeholderInput: null,
            userErrors: [{ __typename: 'UserError', field: 'input.submittedAt', code: 'DUPLICATE', message: 'ORANG_TUA already rated KOM for position GURU-SD-001 on 2024-05-10; update that input instead.' }],
          },
        },
      }),
    });
    await mountPage(fake, '/stakeholder?position=GURU-SD-001');
    document.querySelector<HTMLElement>('[data-testid="response-add"]')?.click();
    await settle();
    document.querySelector<HTMLElement>('[data-testid="response-form-save"]')?.click();
    await settle();
    expect(fake.calls('CreateStakeholderInput')[0]?.input).toMatchObject({ position: 'P1', comment: null });
    expect(text('[data-testid="response-form-date-item"]')).toContain('Nilai ini sudah dipakai.');
  });
});

describe('stakeholder URL', () => {
  it('round-trips', () => {
    const query = { position: 'GURU-SD-001', group: 'GURU,SISWA', competency: 'KOM', sort: 'importance', size: '50' };
    const state = parseStakeholderQuery(query);
    expect(serializeStakeholderQuery(state)).toEqual(query);
    expect(responsesWhere(parseStakeholderQuery({}), 'P1')).toEqual({ position: { eq: 'P1' } });
  });
});
