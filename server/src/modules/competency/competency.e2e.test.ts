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

const CREATE = `mutation($input: CompetencyInput!) {
  createCompetency(input: $input) { competency { id code name type levels { level description } } userErrors { field code message } }
}`;
const levels = (code: string) => [3, 1, 5, 2, 4].map((level) => ({ level, description: `${code}: behaviour at level ${level}.` }));

describe('competencies over HTTP', () => {
  const ids: Record<string, string> = {};

  it('creates competencies with their level descriptions', async () => {
    const kom = await server.gql(CREATE, { input: { code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL', levels: levels('KOM') } });
    expect(kom.errors).toBeUndefined();
    expect(kom.data!.createCompetency.userErrors).toEqual([]);
    const c = kom.data!.createCompetency.competency;
    expect(c).toMatchObject({ code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL' });
    expect(c.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4, 5]);
    ids.KOM = c.id;
    for (const [code, name, type] of [
      ['INT', 'Integritas', 'MANAGERIAL'], ['PB', 'Perekat Bangsa', 'SOCIOCULTURAL'], ['PP', 'Pelayanan Publik', 'MANAGERIAL'],
      ['TK-KEPERAWATAN', 'Asuhan Keperawatan', 'TECHNICAL'],
    ] as const) {
      const r = await server.gql(CREATE, { input: { code, name, type, levels: levels(code).slice(0, 2) } });
      expect(r.data!.createCompetency.userErrors).toEqual([]);
      ids[code] = r.data!.createCompetency.competency.id;
    }
    const one = await server.gql(`{ competency(code: "PB") { code type levels { level } } }`);
    expect(one.data!.competency).toEqual({ code: 'PB', type: 'SOCIOCULTURAL', levels: [{ level: 1 }, { level: 3 }] });
    const none = await server.gql(`{ competency(code: "NOPE") { code } }`);
    expect(none.data!.competency).toBeNull();
  });

  it('lists with a filter, an order and pages', async () => {
    const q = `query($after: String) { competencies(first: 2, after: $after, where: { type: { in: [MANAGERIAL, SOCIOCULTURAL] } }, orderBy: [{ field: NAME, direction: DESC }]) {
      totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await server.gql(q);
    expect(p1.errors).toBeUndefined();
    expect(p1.data!.competencies.totalCount).toBe(4);
    expect(p1.data!.competencies.nodes.map((n: { code: string }) => n.code)).toEqual(['PB', 'PP']);
    expect(p1.data!.competencies.pageInfo.hasNextPage).toBe(true);
    const p2 = await server.gql(q, { after: p1.data!.competencies.pageInfo.endCursor });
    expect(p2.data!.competencies.nodes.map((n: { code: string }) => n.code)).toEqual(['KOM', 'INT']);
    expect(p2.data!.competencies.pageInfo.hasNextPage).toBe(false);

    const logical = await server.gql(`{ competencies(where: {
      or: [{ code: { startsWith: "tk" } }, { name: { contains: "bangsa" } }, { code: { eq: "KOM" } }], not: { type: { eq: TECHNICAL } } }) { nodes { code } } }`);
    expect(logical.data!.competencies.nodes.map((n: { code: string }) => n.code)).toEqual(['KOM', 'PB']);
  });

  it('resolves nested levels in a constant number of statements', async () => {
    const r = await server.gql(`{ competencies { nodes { code levels { level description competency { code } } } } }`);
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.competencies.nodes as { code: string; levels: { level: number; competency: { code: string } }[] }[];
    expect(nodes).toHaveLength(5);
    for (const n of nodes) for (const l of n.levels) expect(l.competency.code).toBe(n.code);
    // page + levels + competencies by id, whatever the number of rows.
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(3);

    expect(nodes.find((n) => n.code === 'KOM')!.levels).toHaveLength(5);
  });

  it('reports every bad field at once, with its path', async () => {
    const bad = await server.gql(CREATE, {
      input: {
        code: 'bad code!', name: '  ',
        levels: [{ level: 6, description: 'too high' }, { level: 2, description: '' }, { level: 2, description: 'again' }],
      },
    });
    const errors = bad.data!.createCompetency.userErrors as Err[];
    expect(bad.data!.createCompetency.competency).toBeNull();
    expect(fields(errors)).toEqual(['input.code', 'input.levels[0].level', 'input.levels[1].description', 'input.levels[2].level', 'input.name', 'input.type']);
    expect(errors.find((e) => e.field === 'input.levels[0].level')).toMatchObject({ code: 'OUT_OF_RANGE', message: expect.stringMatching(/between 1 and 5, got 6/) });
    expect(errors.find((e) => e.field === 'input.levels[2].level')).toMatchObject({ code: 'DUPLICATE', message: expect.stringMatching(/input\.levels\[1\]/) });
    expect(errors.find((e) => e.field === 'input.type')!.code).toBe('REQUIRED');
  });

  it('refuses a duplicate code', async () => {
    const dup = await server.gql(CREATE, { input: { code: 'KOM', name: 'Komunikasi lagi', type: 'MANAGERIAL' } });
    expect(dup.data!.createCompetency.userErrors[0]).toMatchObject({ field: 'input.code', code: 'DUPLICATE' });
  });

  it('replaces the level descriptions on update, and a failed update writes nothing', async () => {
    const UPDATE = `mutation($id: ID!, $input: CompetencyInput!) { updateCompetency(id: $id, input: $input) {
      competency { name levels { level description } } userErrors { field code message } } }`;
    const ok = await server.gql(UPDATE, { id: ids.INT, input: { name: 'Integritas (revisi)', levels: [{ level: 1, description: 'Jujur.' }, { level: 4, description: 'Menjadi teladan.' }] } });
    expect(ok.data!.updateCompetency).toEqual({
      competency: { name: 'Integritas (revisi)', levels: [{ level: 1, description: 'Jujur.' }, { level: 4, description: 'Menjadi teladan.' }] }, userErrors: [],
    });

    const failed = await server.gql(UPDATE, { id: ids.INT, input: { name: 'Should not stick', code: 'KOM', levels: [{ level: 5, description: 'x' }] } });
    expect(failed.data!.updateCompetency.competency).toBeNull();
    expect(failed.data!.updateCompetency.userErrors[0]).toMatchObject({ field: 'input.code', code: 'DUPLICATE' });
    const after = await server.gql(`{ competency(code: "INT") { name levels { level } } }`);
    expect(after.data!.competency).toEqual({ name: 'Integritas (revisi)', levels: [{ level: 1 }, { level: 4 }] });

    const cleared = await server.gql(UPDATE, { id: ids.INT, input: { name: null } });
    expect(cleared.data!.updateCompetency.userErrors[0]).toMatchObject({ field: 'input.name', code: 'REQUIRED' });
  });

  it('refuses to delete a competency a position standard uses, and deletes an unused one', async () => {
    const unit = await server.gql(`mutation { createUnit(input: { code: "BKPSDM", name: "BKPSDM Kota Medan", type: BADAN }) { unit { id } } }`);
    const pos = await server.gql(`mutation($input: PositionInput!) { createPosition(input: $input) { position { id } userErrors { field message } } }`, {
      input: { code: 'BKPSDM-KABID', name: 'Kepala Bidang', unit: unit.data!.createUnit.unit.id, kind: 'ADMINISTRATOR', requirements: [{ competency: ids.KOM, level: 3 }] },
    });
    expect(pos.data!.createPosition.userErrors).toEqual([]);

    const DELETE = `mutation($id: ID!) { deleteCompetency(id: $id) { deletedId userErrors { field code message } } }`;
    const refused = await server.gql(DELETE, { id: ids.KOM });
    expect(refused.data!.deleteCompetency.deletedId).toBeNull();
    expect(refused.data!.deleteCompetency.userErrors[0]).toMatchObject({ code: 'REFERENCED', message: expect.stringMatching(/KOM.*1 position requirement/) });
    const still = await server.gql(`{ competency(code: "KOM") { levels { level } } }`);
    expect(still.data!.competency.levels).toHaveLength(5);

    const deleted = await server.gql(DELETE, { id: ids.PP });
    expect(deleted.data!.deleteCompetency).toEqual({ deletedId: ids.PP, userErrors: [] });
    const gone = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.PP });
    expect(gone.data!.node).toBeNull();
  });
});
