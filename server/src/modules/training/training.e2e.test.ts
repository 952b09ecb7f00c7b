import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { fromGlobalId, toGlobalId } from '../../graphql/node';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Err { field: string | null; code: string; message: string }
const fields = (errors: Err[]) => errors.map((e) => e.field).sort();
const codes = (nodes: { code: string }[]) => nodes.map((n) => n.code);

const CREATE = `mutation($input: TrainingInput!) { createTraining(input: $input) {
  training { id code title form type hours completions competencies { code } } userErrors { field code message } } }`;
const PARTICIPATE = `mutation($input: TrainingParticipationInput!) { createTrainingParticipation(input: $input) {
  trainingParticipation { id startedAt completedAt status preTest postTest employee { nip } training { code } } userErrors { field code message } } }`;
const EVALUATE = `mutation($input: TrainingEvaluationInput!) { createTrainingEvaluation(input: $input) {
  trainingEvaluation { id level score respondent evaluatedAt employee { nip } training { code } } userErrors { field code message } } }`;

const comps: Record<string, string> = {};
const trainings: Record<string, string> = {};
const employees: Record<string, string> = {};
const participations: Record<string, string> = {};

async function addEmployee(nip: string, unitId: string): Promise<string> {
  // No employee API in this module: insert directly, as the dataset import would.
  const rows = await server.orm.em.getConnection().execute<{ id: number }[]>(
    'insert into employee (nip, name, status, grade, education, unit_id) values (?, ?, ?, ?, ?, ?) returning id',
    [nip, `Pegawai ${nip.slice(-3)}`, 'PNS', 'III/b', 'S1', fromGlobalId(unitId)!.id],
  );
  return toGlobalId('Employee', rows[0]!.id);
}

describe('trainings over HTTP', () => {
  it('creates trainings with their target competencies, participations and evaluations', async () => {
    for (const [code, name] of [['KOM', 'Komunikasi'], ['PDO', 'Pengembangan Diri dan Orang Lain'], ['PP', 'Pelayanan Publik']] as const) {
      const r = await server.gql(`mutation($input: CompetencyInput!) { createCompetency(input: $input) { competency { id } } }`, { input: { code, name, type: 'MANAGERIAL' } });
      comps[code] = r.data!.createCompetency.competency.id;
    }
    const unit = await server.gql(`mutation { createUnit(input: { code: "BKPSDM", name: "BKPSDM Kota Medan", type: BADAN }) { unit { id } } }`);
    employees.A = await addEmployee('198609262015051001', unit.data!.createUnit.unit.id);
    employees.B = await addEmployee('199001012015052002', unit.data!.createUnit.unit.id);

    const created = await server.gql(CREATE, {
      input: { code: 'PLT-KOM-01', title: 'Pelatihan Komunikasi Efektif', form: 'KLASIKAL', type: 'PELATIHAN', hours: 30, competencies: [comps.PDO, comps.KOM, comps.KOM] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTraining).toEqual({
      training: {
        id: expect.any(String), code: 'PLT-KOM-01', title: 'Pelatihan Komunikasi Efektif', form: 'KLASIKAL', type: 'PELATIHAN', hours: 30, completions: 0,
        competencies: [{ code: 'KOM' }, { code: 'PDO' }],
      },
      userErrors: [],
    });
    trainings.KOM = created.data!.createTraining.training.id;
    for (const [key, code, title, form, type, hours, targets] of [
      ['ELEARN', 'EL-PP-01', 'E-learning Pelayanan Publik', 'NON_KLASIKAL', 'E_LEARNING', 8, ['PP', 'KOM']],
      ['COACH', 'CO-KOM-01', 'Coaching Komunikasi', 'NON_KLASIKAL', 'COACHING', 6, ['KOM']],
      ['SEMINAR', 'SEM-01', 'Seminar Integritas', 'KLASIKAL', 'SEMINAR', 4, []],
    ] as const) {
      const r = await server.gql(CREATE, { input: { code, title, form, type, hours, competencies: targets.map((t) => comps[t]) } });
      expect(r.data!.createTraining.userErrors).toEqual([]);
      trainings[key] = r.data!.createTraining.training.id;
    }

    const done = await server.gql(PARTICIPATE, {
      input: { employee: employees.A, training: trainings.KOM, startedAt: '2024-03-01', completedAt: '2024-03-05', status: 'COMPLETED', preTest: 55.5, postTest: 80 },
    });
    expect(done.data!.createTrainingParticipation).toEqual({
      trainingParticipation: {
        id: expect.any(String), startedAt: '2024-03-01', completedAt: '2024-03-05', status: 'COMPLETED', preTest: 55.5, postTest: 80,
        employee: { nip: '198609262015051001' }, training: { code: 'PLT-KOM-01' },
      },
      userErrors: [],
    });
    const registered = await server.gql(PARTICIPATE, { input: { employee: employees.B, training: trainings.KOM, startedAt: '2024-03-01', status: 'REGISTERED' } });
    expect(registered.data!.createTrainingParticipation.userErrors).toEqual([]);
    participations.registered = registered.data!.createTrainingParticipation.trainingParticipation.id;
    const elearn = await server.gql(PARTICIPATE, { input: { employee: employees.B, training: trainings.ELEARN, startedAt: '2024-05-01', completedAt: '2024-05-02', status: 'COMPLETED' } });
    expect(elearn.data!.createTrainingParticipation.userErrors).toEqual([]);

    const ev = await server.gql(EVALUATE, { input: { training: trainings.KOM, employee: employees.A, level: 3, respondent: 'SUPERVISOR', score: 4.25, evaluatedAt: '2024-06-01' } });
    expect(ev.data!.createTrainingEvaluation).toMatchObject({
      trainingEvaluation: { level: 3, score: 4.25, respondent: 'SUPERVISOR', evaluatedAt: '2024-06-01', employee: { nip: '198609262015051001' }, training: { code: 'PLT-KOM-01' } },
      userErrors: [],
    });
  });

  it('lists with a filter, an order and pages', async () => {
    const q = `query($after: String) { trainings(first: 1, after: $after, where: { targetsCompetency: "KOM", form: { eq: NON_KLASIKAL } }, orderBy: [{ field: HOURS, direction: DESC }]) {
      totalCount nodes { code hours } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await server.gql(q);
    expect(p1.errors).toBeUndefined();
    expect(p1.data!.trainings).toMatchObject({ totalCount: 2, nodes: [{ code: 'EL-PP-01', hours: 8 }], pageInfo: { hasNextPage: true } });
    const p2 = await server.gql(q, { after: p1.data!.trainings.pageInfo.endCursor });
    expect(p2.data!.trainings).toMatchObject({ nodes: [{ code: 'CO-KOM-01', hours: 6 }], pageInfo: { hasNextPage: false } });

    const logical = await server.gql(`{ trainings(where: { or: [{ type: { in: [SEMINAR, WORKSHOP] } }, { title: { contains: "komunikasi" } }], not: { code: { startsWith: "CO-" } } }) { nodes { code } } }`);
    expect(codes(logical.data!.trainings.nodes)).toEqual(['PLT-KOM-01', 'SEM-01']);
    const one = await server.gql(`{ training(code: "SEM-01") { title competencies { code } } }`);
    expect(one.data!.training).toEqual({ title: 'Seminar Integritas', competencies: [] });
  });

  it('resolves nested data with a constant number of statements', async () => {
    const r = await server.gql(`{ trainings { nodes { code completions competencies { code }
      completed: participations(status: COMPLETED) { employee { nip } training { code } }
      all: participations { status }
      evaluations { level employee { nip } training { code } } } } }`);
    expect(r.errors).toBeUndefined();
    const byCode = Object.fromEntries((r.data!.trainings.nodes as { code: string }[]).map((n) => [n.code, n]));
    expect(byCode['PLT-KOM-01']).toEqual({
      code: 'PLT-KOM-01', completions: 1, competencies: [{ code: 'KOM' }, { code: 'PDO' }],
      completed: [{ employee: { nip: '198609262015051001' }, training: { code: 'PLT-KOM-01' } }],
      all: [{ status: 'COMPLETED' }, { status: 'REGISTERED' }],
      evaluations: [{ level: 3, employee: { nip: '198609262015051001' }, training: { code: 'PLT-KOM-01' } }],
    });
    expect(byCode['EL-PP-01']).toMatchObject({ completions: 1, competencies: [{ code: 'KOM' }, { code: 'PP' }] });
    // page, targets, completions, participations, evaluations, then employees and trainings by id. Participations and
    // evaluations may arrive in different ticks on a pooled connection, so the by-id loaders can batch twice; never per row.
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(9);
  });

  it('reports every bad field at once, with its path', async () => {
    const bad = await server.gql(CREATE, { input: { code: '', title: 'x'.repeat(300), form: 'KLASIKAL', hours: 0, competencies: [comps.KOM, 'garbage', employees.A] } });
    expect(bad.data!.createTraining.training).toBeNull();
    expect(fields(bad.data!.createTraining.userErrors)).toEqual(['input.code', 'input.competencies[1]', 'input.competencies[2]', 'input.hours', 'input.title', 'input.type']);

    const badP = await server.gql(PARTICIPATE, {
      input: { employee: trainings.KOM, training: trainings.KOM, startedAt: '2024-02-30', status: 'COMPLETED', preTest: 120, postTest: -1 },
    });
    const errors = badP.data!.createTrainingParticipation.userErrors as Err[];
    expect(fields(errors)).toEqual(['input.completedAt', 'input.employee', 'input.postTest', 'input.preTest', 'input.startedAt']);
    expect(errors.find((e) => e.field === 'input.completedAt')!.message).toMatch(/required when status is COMPLETED/);
    expect(errors.find((e) => e.field === 'input.startedAt')!.message).toMatch(/real date as YYYY-MM-DD/);

    const backwards = await server.gql(PARTICIPATE, { input: { employee: employees.A, training: trainings.COACH, startedAt: '2024-04-10', completedAt: '2024-04-01', status: 'COMPLETED' } });
    expect(backwards.data!.createTrainingParticipation.userErrors).toEqual([
      { field: 'input.completedAt', code: 'OUT_OF_RANGE', message: expect.stringMatching(/2024-04-01.*before startedAt \(2024-04-10\)/) },
    ]);

    // Cross-field rules apply to the record as it will be after an update.
    const UPDATE_P = `mutation($id: ID!, $input: TrainingParticipationInput!) { updateTrainingParticipation(id: $id, input: $input) {
      trainingParticipation { status completedAt } userErrors { field code } } }`;
    const noDate = await server.gql(UPDATE_P, { id: participations.registered, input: { status: 'COMPLETED' } });
    expect(noDate.data!.updateTrainingParticipation.userErrors).toEqual([{ field: 'input.completedAt', code: 'REQUIRED' }]);
    const withDate = await server.gql(UPDATE_P, { id: participations.registered, input: { status: 'COMPLETED', completedAt: '2024-03-04' } });
    expect(withDate.data!.updateTrainingParticipation).toEqual({ trainingParticipation: { status: 'COMPLETED', completedAt: '2024-03-04' }, userErrors: [] });

    const badE = await server.gql(EVALUATE, { input: { training: trainings.KOM, employee: employees.A, level: 5, score: 12345, evaluatedAt: 'yesterday' } });
    expect(fields(badE.data!.createTrainingEvaluation.userErrors)).toEqual(['input.evaluatedAt', 'input.level', 'input.respondent', 'input.score']);
  });

  it('refuses duplicates', async () => {
    const dup = await server.gql(CREATE, { input: { code: 'SEM-01', title: 'Lagi', form: 'KLASIKAL', type: 'SEMINAR', hours: 2 } });
    expect(dup.data!.createTraining.userErrors[0]).toMatchObject({ field: 'input.code', code: 'DUPLICATE' });
    const again = await server.gql(PARTICIPATE, { input: { employee: employees.A, training: trainings.KOM, startedAt: '2024-03-01', status: 'REGISTERED' } });
    expect(again.data!.createTrainingParticipation.userErrors[0]).toMatchObject({ field: 'input.startedAt', code: 'DUPLICATE', message: expect.stringMatching(/PLT-KOM-01/) });
    const evAgain = await server.gql(EVALUATE, { input: { training: trainings.KOM, employee: employees.A, level: 3, respondent: 'SUPERVISOR', score: 1, evaluatedAt: '2024-06-01' } });
    expect(evAgain.data!.createTrainingEvaluation.userErrors[0]).toMatchObject({ field: 'input.evaluatedAt', code: 'DUPLICATE' });
  });

  it('a failed update writes nothing; a good one replaces the targets', async () => {
    const UPDATE = `mutation($id: ID!, $input: TrainingInput!) { updateTraining(id: $id, input: $input) {
      training { title hours competencies { code } } userErrors { field code } } }`;
    const failed = await server.gql(UPDATE, { id: trainings.COACH, input: { title: 'Renamed', code: 'SEM-01', competencies: [comps.PP] } });
    expect(failed.data!.updateTraining).toEqual({ training: null, userErrors: [{ field: 'input.code', code: 'DUPLICATE' }] });
    const coach = await server.gql(`{ training(code: "CO-KOM-01") { title competencies { code } } }`);
    expect(coach.data!.training).toEqual({ title: 'Coaching Komunikasi', competencies: [{ code: 'KOM' }] });

    const ok = await server.gql(UPDATE, { id: trainings.COACH, input: { hours: 6.5, competencies: [comps.PP, comps.PDO] } });
    expect(ok.data!.updateTraining).toEqual({ training: { title: 'Coaching Komunikasi', hours: 6.5, competencies: [{ code: 'PDO' }, { code: 'PP' }] }, userErrors: [] });
  });

  it('refuses to delete a training with participations or a targeted competency', async () => {
    const DELETE = `mutation($id: ID!) { deleteTraining(id: $id) { deletedId userErrors { field code message } } }`;
    const refused = await server.gql(DELETE, { id: trainings.KOM });
    expect(refused.data!.deleteTraining).toMatchObject({ deletedId: null, userErrors: [{ code: 'REFERENCED', message: expect.stringMatching(/2 participation/) }] });
    expect((await server.gql(`{ training(code: "PLT-KOM-01") { completions } }`)).data!.training.completions).toBe(2);

    const comp = await server.gql(`mutation($id: ID!) { deleteCompetency(id: $id) { deletedId userErrors { code message } } }`, { id: comps.PP });
    expect(comp.data!.deleteCompetency).toMatchObject({ deletedId: null, userErrors: [{ code: 'REFERENCED', message: expect.stringMatching(/training target/) }] });

    const deleted = await server.gql(DELETE, { id: trainings.SEMINAR });
    expect(deleted.data!.deleteTraining).toEqual({ deletedId: trainings.SEMINAR, userErrors: [] });
    expect((await server.gql(`{ training(code: "SEM-01") { code } }`)).data!.training).toBeNull();
  });
});
