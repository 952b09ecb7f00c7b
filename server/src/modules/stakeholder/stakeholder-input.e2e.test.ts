import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Err { field: string | null; code: string; message: string }
const fields = (errors: Err[]) => errors.map((e) => e.field).sort();

const CREATE = `mutation($input: StakeholderInputInput!) { createStakeholderInput(input: $input) {
  stakeholderInput { id group importance comment submittedAt position { code } competency { code } } userErrors { field code message } } }`;

const comps: Record<string, string> = {};
const positions: Record<string, string> = {};
const inputs: string[] = [];

describe('stakeholder inputs over HTTP', () => {
  it('records ratings for a position', async () => {
    const unit = await server.gql(`mutation { createUnit(input: { code: "SDN-060800", name: "SD Negeri 060800 Medan", type: SEKOLAH }) { unit { id } } }`);
    const unitId = unit.data!.createUnit.unit.id;
    for (const [code, name] of [['KOM', 'Komunikasi'], ['PP', 'Pelayanan Publik'], ['INT', 'Integritas']] as const) {
      const r = await server.gql(`mutation($input: CompetencyInput!) { createCompetency(input: $input) { competency { id } } }`, { input: { code, name, type: 'MANAGERIAL' } });
      comps[code] = r.data!.createCompetency.competency.id;
    }
    for (const [key, code] of [['GURU', 'SDN-GURU-KELAS'], ['KEPSEK', 'SDN-KEPSEK']] as const) {
      const r = await server.gql(`mutation($input: PositionInput!) { createPosition(input: $input) { position { id } userErrors { message } } }`, {
        input: { code, name: code, unit: unitId, kind: 'FUNGSIONAL_KEAHLIAN', requirements: [{ competency: comps.KOM, level: 2 }] },
      });
      positions[key] = r.data!.createPosition.position.id;
    }

    const first = await server.gql(CREATE, {
      input: { position: positions.GURU, competency: comps.KOM, group: 'ORANG_TUA', importance: 5, comment: '  Guru perlu menjelaskan perkembangan anak.  ', submittedAt: '2024-05-02' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createStakeholderInput).toEqual({
      stakeholderInput: {
        id: expect.any(String), group: 'ORANG_TUA', importance: 5, comment: 'Guru perlu menjelaskan perkembangan anak.', submittedAt: '2024-05-02',
        position: { code: 'SDN-GURU-KELAS' }, competency: { code: 'KOM' },
      },
      userErrors: [],
    });
    inputs.push(first.data!.createStakeholderInput.stakeholderInput.id);
    for (const [pos, comp, group, importance, submittedAt] of [
      ['GURU', 'KOM', 'SISWA', 4, '2024-05-03'], ['GURU', 'KOM', 'GURU', 3, '2024-04-01'], ['GURU', 'PP', 'ORANG_TUA', 2, '2024-05-04'],
      ['KEPSEK', 'KOM', 'GURU', 4, '2024-05-05'],
    ] as const) {
      const r = await server.gql(CREATE, { input: { position: positions[pos], competency: comps[comp], group, importance, submittedAt } });
      expect(r.data!.createStakeholderInput.userErrors).toEqual([]);
      inputs.push(r.data!.createStakeholderInput.stakeholderInput.id);
    }
  });

  it('lists with a filter, an order and pages', async () => {
    const q = `query($where: StakeholderInputWhere, $after: String) { stakeholderInputs(first: 1, after: $after, where: $where, orderBy: [{ field: IMPORTANCE, direction: DESC }]) {
      totalCount nodes { group importance } pageInfo { hasNextPage endCursor } } }`;
    const where = { position: { eq: positions.GURU }, competency: { eq: 'KOM' }, group: { in: ['ORANG_TUA', 'SISWA'] }, submittedAt: { gte: '2024-05-01' } };
    const p1 = await server.gql(q, { where });
    expect(p1.errors).toBeUndefined();
    expect(p1.data!.stakeholderInputs).toMatchObject({ totalCount: 2, nodes: [{ group: 'ORANG_TUA', importance: 5 }], pageInfo: { hasNextPage: true } });
    const p2 = await server.gql(q, { where, after: p1.data!.stakeholderInputs.pageInfo.endCursor });
    expect(p2.data!.stakeholderInputs).toMatchObject({ nodes: [{ group: 'SISWA', importance: 4 }], pageInfo: { hasNextPage: false } });

    const newest = await server.gql(`{ stakeholderInputs(where: { or: [{ group: { eq: GURU } }, { importance: { lte: 2 } }], not: { competency: { eq: "PP" } } }) { nodes { submittedAt group } } }`);
    expect(newest.data!.stakeholderInputs.nodes).toEqual([{ submittedAt: '2024-05-05', group: 'GURU' }, { submittedAt: '2024-04-01', group: 'GURU' }]);
  });

  it('resolves inputs nested under positions with a constant number of statements', async () => {
    const r = await server.gql(`{ positions { nodes { code stakeholderInputs { group submittedAt competency { code } position { code } } } } }`);
    expect(r.errors).toBeUndefined();
    const [guru, kepsek] = r.data!.positions.nodes;
    expect(kepsek).toEqual({ code: 'SDN-KEPSEK', stakeholderInputs: [{ group: 'GURU', submittedAt: '2024-05-05', competency: { code: 'KOM' }, position: { code: 'SDN-KEPSEK' } }] });
    expect(guru.stakeholderInputs.map((s: { submittedAt: string }) => s.submittedAt)).toEqual(['2024-05-04', '2024-05-03', '2024-05-02', '2024-04-01']);
    // page, inputs, competencies by id, positions by id.
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(4);
  });

  it('reports every bad field at once, with its path', async () => {
    const bad = await server.gql(CREATE, { input: { position: comps.KOM, competency: 'garbage', importance: 0, submittedAt: '2024-13-01' } });
    expect(bad.data!.createStakeholderInput.stakeholderInput).toBeNull();
    const errors = bad.data!.createStakeholderInput.userErrors as Err[];
    expect(fields(errors)).toEqual(['input.competency', 'input.group', 'input.importance', 'input.position', 'input.submittedAt']);
    expect(errors.find((e) => e.field === 'input.importance')).toMatchObject({ code: 'OUT_OF_RANGE', message: expect.stringMatching(/between 1 and 5, got 0/) });
    expect(errors.find((e) => e.field === 'input.position')!.message).toMatch(/must be a Position id/);
  });

  it('refuses a duplicate rating, and a failed update writes nothing', async () => {
    const dup = await server.gql(CREATE, { input: { position: positions.GURU, competency: comps.KOM, group: 'ORANG_TUA', importance: 1, submittedAt: '2024-05-02' } });
    expect(dup.data!.createStakeholderInput.userErrors).toEqual([
      { field: 'input.submittedAt', code: 'DUPLICATE', message: expect.stringMatching(/ORANG_TUA already rated KOM for position SDN-GURU-KELAS on 2024-05-02/) },
    ]);

    const UPDATE = `mutation($id: ID!, $input: StakeholderInputInput!) { updateStakeholderInput(id: $id, input: $input) {
      stakeholderInput { importance comment submittedAt } userErrors { field code } } }`;
    const failed = await server.gql(UPDATE, { id: inputs[1], input: { comment: 'changed', importance: 9, submittedAt: '2024-05-02', group: 'ORANG_TUA' } });
    expect(failed.data!.updateStakeholderInput.userErrors).toEqual([{ field: 'input.importance', code: 'OUT_OF_RANGE' }]);
    const clash = await server.gql(UPDATE, { id: inputs[1], input: { comment: 'changed', submittedAt: '2024-05-02', group: 'ORANG_TUA' } });
    expect(clash.data!.updateStakeholderInput.userErrors).toEqual([{ field: 'input.submittedAt', code: 'DUPLICATE' }]);
    const unchanged = await server.gql(`query($id: ID!) { node(id: $id) { ... on StakeholderInput { group importance comment submittedAt } } }`, { id: inputs[1] });
    expect(unchanged.data!.node).toEqual({ group: 'SISWA', importance: 4, comment: null, submittedAt: '2024-05-03' });

    const ok = await server.gql(UPDATE, { id: inputs[1], input: { importance: 5, comment: 'Penting.' } });
    expect(ok.data!.updateStakeholderInput).toEqual({ stakeholderInput: { importance: 5, comment: 'Penting.', submittedAt: '2024-05-03' }, userErrors: [] });
  });

  it('refuses to delete a rated competency; deleting a position removes its inputs', async () => {
    const comp = await server.gql(`mutation($id: ID!) { deleteCompetency(id: $id) { deletedId userErrors { code message } } }`, { id: comps.PP });
    expect(comp.data!.deleteCompetency).toMatchObject({ deletedId: null, userErrors: [{ code: 'REFERENCED', message: expect.stringMatching(/1 stakeholder input/) }] });

    const del = await server.gql(`mutation($id: ID!) { deleteStakeholderInput(id: $id) { deletedId userErrors { code } } }`, { id: inputs[3] });
    expect(del.data!.deleteStakeholderInput).toEqual({ deletedId: inputs[3], userErrors: [] });
    const nowFree = await server.gql(`mutation($id: ID!) { deleteCompetency(id: $id) { deletedId userErrors { code } } }`, { id: comps.PP });
    expect(nowFree.data!.deleteCompetency.userErrors).toEqual([]);

    const pos = await server.gql(`mutation($id: ID!) { deletePosition(id: $id) { deletedId userErrors { code } } }`, { id: positions.KEPSEK });
    expect(pos.data!.deletePosition.userErrors).toEqual([]);
    const left = await server.gql(`query($p: ID!) { stakeholderInputs(where: { position: { eq: $p } }) { totalCount } }`, { p: positions.KEPSEK });
    expect(left.data!.stakeholderInputs.totalCount).toBe(0);
  });
});
