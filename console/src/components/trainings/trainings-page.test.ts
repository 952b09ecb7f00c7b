import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { pageOf } from '../../testing/units-fixture';
import { competencyOptions } from '../../testing/people-fixture';
import { parseTrainingsQuery, serializeTrainingsQuery, trainingsWhere } from './trainings-route-query';
import TrainingsPage from './trainings-page.vue';
import TrainingDetailPage from './training-detail-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const KOM = { __typename: 'Competency', id: 'C-KOM', code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL' };
const training = {
  __typename: 'Training', id: 'T1', code: 'PLT-KOM-01', title: 'Komunikasi Efektif', type: 'PELATIHAN', form: 'KLASIKAL', hours: 24, completions: 1, competencies: [KOM],
};
const employee = (id: string, nip: string, name: string) => ({
  __typename: 'Employee', id, nip, name, unit: { __typename: 'Unit', id: 'U1', code: 'DINKES', name: 'Dinas Kesehatan' },
});
const participation = (id: string, e: ReturnType<typeof employee>, status: string, completedAt: string | null) => ({
  __typename: 'TrainingParticipation', id, status, startedAt: '2024-03-01', completedAt, preTest: 60, postTest: completedAt ? 80 : null, employee: e,
});
const ani = employee('E1', '198609262015052001', 'Ani Lubis');
const budi = employee('E2', '199001012015051002', 'Budi Nasution');

function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    TrainingsList: (v) => ({ data: { trainings: { ...pageOf([training], v), __typename: 'TrainingConnection' } } }),
    CompetencyOptions: competencyOptions,
    TrainingDetail: () => ({ data: { training } }),
    TrainingParticipants: () => ({
      data: { training: { __typename: 'Training', id: 'T1', completions: 1, participations: [participation('P1', ani, 'COMPLETED', '2024-03-05'), participation('P2', budi, 'REGISTERED', null)] } },
    }),
    TrainingEvaluations: () => ({
      data: {
        training: {
          __typename: 'Training',
          id: 'T1',
          evaluations: [
            { __typename: 'TrainingEvaluation', id: 'V1', level: 1, respondent: 'PARTICIPANT', score: 4, evaluatedAt: '2024-03-05', employee: ani },
            { __typename: 'TrainingEvaluation', id: 'V2', level: 1, respondent: 'PARTICIPANT', score: 5, evaluatedAt: '2024-03-05', employee: budi },
          ],
          participations: [{ __typename: 'TrainingParticipation', id: 'P1', status: 'COMPLETED', employee: ani }],
        },
      },
    }),
    ...overrides,
  });
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
};

describe('Trainings page', () => {
  it('lists the catalogue filtered by the targeted competency from the URL', async () => {
    const fake = backend();
    const app = await mountWithApp(TrainingsPage, { client: fake.client, route: '/trainings?competency=KOM&form=KLASIKAL' });
    mounted = app.wrapper;
    await settle();
    expect(fake.calls('TrainingsList')[0]?.where).toEqual({ and: [{ form: { in: ['KLASIKAL'] } }, { targetsCompetency: 'KOM' }] });
    expect(text('[data-testid="training-row-PLT-KOM-01"]')).toContain('Komunikasi Efektif');
    expect(document.querySelector('[data-testid="training-link-PLT-KOM-01"]')?.getAttribute('href')).toBe('/trainings/PLT-KOM-01');
  });
});

describe('Training page', () => {
  async function mountDetail(fake: ReturnType<typeof backend>, route: string) {
    const app = await mountWithApp(TrainingDetailPage, { client: fake.client, route, props: { code: 'PLT-KOM-01' } });
    mounted = app.wrapper;
    await settle();
    return app;
  }

  it('completes a participant from the list with today as the completion date', async () => {
    const fake = backend({
      UpdateTrainingParticipation: (v) => ({
        data: {
          updateTrainingParticipation: {
            __typename: 'TrainingParticipationPayload',
            trainingParticipation: { ...participation(String(v.id), budi, 'COMPLETED', '2024-03-05'), training: { __typename: 'Training', id: 'T1', completions: 2 } },
            userErrors: [],
          },
        },
      }),
    });
    await mountDetail(fake, '/trainings/PLT-KOM-01?tab=participants');
    expect(text('[data-testid="participant-row-198609262015052001"]')).toContain('Ani Lubis');
    // The status select's change handler is what the list wires; drive it through the component.
    const select = mounted?.findAllComponents({ name: 'Select' }).find((c) => c.attributes('data-testid') === 'participant-status-199001012015051002');
    expect(select).toBeDefined();
    select?.vm.$emit('update:value', 'COMPLETED');
    await settle();
    const sent = fake.calls('UpdateTrainingParticipation')[0] as { id: string; input: { status: string; completedAt: string } };
    expect(sent.id).toBe('P2');
    expect(sent.input.status).toBe('COMPLETED');
    expect(sent.input.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a refused status change next to the participant', async () => {
    const fake = backend({
      UpdateTrainingParticipation: () => ({
        data: {
          updateTrainingParticipation: {
            __typename: 'TrainingParticipationPayload',
            trainingParticipation: null,
            userErrors: [{ __typename: 'UserError', field: 'input.completedAt', code: 'INVALID', message: 'input.completedAt must not be before startedAt.' }],
          },
        },
      }),
    });
    await mountDetail(fake, '/trainings/PLT-KOM-01?tab=participants');
    const select = mounted?.findAllComponents({ name: 'Select' }).find((c) => c.attributes('data-testid') === 'participant-status-199001012015051002');
    select?.vm.$emit('update:value', 'COMPLETED');
    await settle();
    expect(text('[data-testid="participant-row-199001012015051002"]')).toContain('completedAt must not be before startedAt');
  });

  it('asks before removing a participant', async () => {
    const fake = backend({
      DeleteTrainingParticipation: (v) => ({ data: { deleteTrainingParticipation: { __typename: 'DeletePayload', deletedId: String(v.id), userErrors: [] } } }),
    });
    await mountDetail(fake, '/trainings/PLT-KOM-01?tab=participants');
    click('[data-testid="participant-remove-199001012015051002"]');
    await settle();
    const dialog = document.querySelector('[data-testid="participant-delete-dialog"]');
    expect(dialog?.textContent).toContain('Budi Nasution');
    expect(fake.calls('DeleteTrainingParticipation')).toEqual([]);
    [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Hapus')?.click();
    await settle();
    expect(fake.calls('DeleteTrainingParticipation')).toEqual([{ id: 'P2' }]);
  });

  it('summarises Kirkpatrick evaluations per level', async () => {
    await mountDetail(backend(), '/trainings/PLT-KOM-01?tab=evaluations');
    expect(text('[data-testid="evaluation-level-1"]')).toContain('4,5');
    expect(text('[data-testid="evaluation-level-1"]')).toContain('2 entri');
    expect(text('[data-testid="evaluation-level-3"]')).toContain('0 entri');
  });

  it('says when the training does not exist', async () => {
    await mountDetail(backend({ TrainingDetail: () => ({ data: { training: null } }) }), '/trainings/PLT-KOM-01');
    expect(text('[data-testid="training-not-found"]')).toContain('Pelatihan PLT-KOM-01 tidak ditemukan.');
  });
});

describe('trainings URL', () => {
  it('round-trips', () => {
    const query = { q: 'kom', type: 'PELATIHAN,WORKSHOP', form: 'KLASIKAL', competency: 'KOM', sort: '-hours' };
    expect(serializeTrainingsQuery(parseTrainingsQuery(query))).toEqual(query);
    expect(trainingsWhere(parseTrainingsQuery({}))).toBeNull();
  });
});
