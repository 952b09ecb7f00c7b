import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { fromGlobalId } from '../../graphql/node';

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
const dbId = (globalId: string) => fromGlobalId(globalId)!.id;

const CREATE = `mutation($input: PositionInput!) { createPosition(input: $input) {
  position { id code name kind quota minGrade minEducation maxAge technicalWeight unit { code } holderCount vacancies
    requirements { level competency { code } position { code } } }
  userErrors { field code message } } }`;
const SET = `mutation($position: ID!, $requirements: [RequirementInput!]!) { setPositionRequirements(position: $position, requirements: $requirements) {
  position { code requirements { level competency { code } } } userErrors { field code message } } }`;

const units: Record<string, string> = {};
const comps: Record<string, string> = {};
const positions: Record<string, string> = {};

async function addEmployee(nip: string, unit: string, position: string | null): Promise<void> {
  // No employee API in this module: insert directly, as the dataset import would.
  await server.orm.em.getConnection().execute(
    'insert into employee (nip, name, status, grade, education, unit_id, position_id) values (?, ?, ?, ?, ?, ?, ?)',
    [nip, `Pegawai ${nip.slice(-3)}`, 'PNS', 'III/c', 'S1', dbId(unit), position ? dbId(position) : null],
  );
}

describe('positions over HTTP', () => {
  it('creates positions with their standard', async () => {
    for (const [code, name, type, parent] of [
      ['DINKES', 'Dinas Kesehatan', 'DINAS', null], ['RSUD-PIRNGADI', 'RSUD dr. Pirngadi', 'RSUD', 'DINKES'], ['DISDIK', 'Dinas Pendidikan dan Kebudayaan', 'DINAS', null],
    ] as const) {
      const r = await server.gql(`mutation($input: UnitInput!) { createUnit(input: $input) { unit { id } userErrors { message } } }`, {
        input: { code, name, type, parent: parent ? units[parent] : null },
      });
      units[code] = r.data!.createUnit.unit.id;
    }
    for (const [code, name, type] of [['INT', 'Integritas', 'MANAGERIAL'], ['KOM', 'Komunikasi', 'MANAGERIAL'], ['PB', 'Perekat Bangsa', 'SOCIOCULTURAL'], ['TK-MEDIS', 'Pelayanan Medis', 'TECHNICAL']] as const) {
      const r = await server.gql(`mutation($input: CompetencyInput!) { createCompetency(input: $input) { competency { id } } }`, { input: { code, name, type } });
      comps[code] = r.data!.createCompetency.competency.id;
    }

    const kabid = await server.gql(CREATE, {
      input: {
        code: 'DINKES-KABID-YANKES', name: 'Kepala Bidang Pelayanan Kesehatan', unit: units.DINKES, kind: 'ADMINISTRATOR',
        minGrade: 'III_D', minEducation: 'S1', maxAge: 56, technicalWeight: 0.4,
        requirements: [{ competency: comps.PB, level: 3 }, { competency: comps.KOM, level: 3 }, { competency: comps.INT, level: 3 }],
      },
    });
    expect(kabid.errors).toBeUndefined();
    expect(kabid.data!.createPosition.userErrors).toEqual([]);
    const p = kabid.data!.createPosition.position;
    positions.KABID = p.id;
    expect(p).toMatchObject({
      code: 'DINKES-KABID-YANKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III_D', minEducation: 'S1', maxAge: 56, technicalWeight: 0.4,
      unit: { code: 'DINKES' }, holderCount: 0, vacancies: 1,
    });
    // Ordered by competency code, whatever the input order.
    expect(p.requirements.map((r: { competency: { code: string }; level: number; position: { code: string } }) => [r.competency.code, r.level, r.position.code]))
      .toEqual([['INT', 3, 'DINKES-KABID-YANKES'], ['KOM', 3, 'DINKES-KABID-YANKES'], ['PB', 3, 'DINKES-KABID-YANKES']]);

    for (const [key, code, name, unit, kind, quota, reqs] of [
      ['DOKTER', 'RSUD-DOKTER-AHLI', 'Dokter Ahli Muda', 'RSUD-PIRNGADI', 'FUNGSIONAL_KEAHLIAN', 3, [['TK-MEDIS', 4], ['KOM', 2]]],
      ['KASI', 'RSUD-KASI-YANMED', 'Kepala Seksi Pelayanan Medis', 'RSUD-PIRNGADI', 'PENGAWAS', 1, [['INT', 2]]],
      ['GURU', 'DISDIK-GURU', 'Guru Ahli Pertama', 'DISDIK', 'FUNGSIONAL_KEAHLIAN', 2, [['KOM', 2]]],
    ] as const) {
      const r = await server.gql(CREATE, {
        input: { code, name, unit: units[unit], kind, quota, requirements: reqs.map(([c, level]) => ({ competency: comps[c], level })) },
      });
      expect(r.data!.createPosition.userErrors).toEqual([]);
      positions[key] = r.data!.createPosition.position.id;
    }

    await addEmployee('198609262015051001', units.DINKES!, positions.KABID!);
    await addEmployee('199001012015052002', units['RSUD-PIRNGADI']!, positions.DOKTER!);
    await addEmployee('198512312010011003', units['RSUD-PIRNGADI']!, positions.DOKTER!);
    await addEmployee('199203152019032004', units.DISDIK!, null);
  });

  it('lists with filters, an order and pages', async () => {
    const q = `query($where: PositionWhere, $after: String) { positions(first: 1, after: $after, where: $where, orderBy: [{ field: KIND }, { field: CODE, direction: DESC }]) {
      totalCount nodes { code holderCount vacancies } pageInfo { hasNextPage endCursor } } }`;
    const where = { unitSubtreeOf: units.DINKES, vacant: true };
    const p1 = await server.gql(q, { where });
    expect(p1.errors).toBeUndefined();
    expect(p1.data!.positions.totalCount).toBe(2);
    expect(p1.data!.positions.nodes).toEqual([{ code: 'RSUD-KASI-YANMED', holderCount: 0, vacancies: 1 }]);
    expect(p1.data!.positions.pageInfo.hasNextPage).toBe(true);
    const p2 = await server.gql(q, { where, after: p1.data!.positions.pageInfo.endCursor });
    expect(p2.data!.positions.nodes).toEqual([{ code: 'RSUD-DOKTER-AHLI', holderCount: 2, vacancies: 1 }]);
    expect(p2.data!.positions.pageInfo.hasNextPage).toBe(false);

    const filled = await server.gql(`{ positions(where: { vacant: false }) { nodes { code } } }`);
    expect(codes(filled.data!.positions.nodes)).toEqual(['DINKES-KABID-YANKES']);
    const requiring = await server.gql(`{ positions(where: { requiresCompetency: "KOM", not: { kind: { eq: FUNGSIONAL_KEAHLIAN } } }) { nodes { code } } }`);
    expect(codes(requiring.data!.positions.nodes)).toEqual(['DINKES-KABID-YANKES']);
    const either = await server.gql(`query($u: ID!) { positions(where: { or: [{ unit: { eq: $u } }, { name: { contains: "seksi" } }] }, orderBy: [{ field: QUOTA, direction: DESC }]) { nodes { code } } }`, { u: units.DISDIK });
    expect(codes(either.data!.positions.nodes)).toEqual(['DISDIK-GURU', 'RSUD-KASI-YANMED']);
    const wrongId = await server.gql(`query($u: ID!) { positions(where: { unit: { eq: $u } }) { nodes { code } } }`, { u: comps.KOM });
    expect(wrongId.errors![0].message).toMatch(/where\.unit.*Unit ids/);
    const one = await server.gql(`{ position(code: "DISDIK-GURU") { name quota unit { code } } }`);
    expect(one.data!.position).toEqual({ name: 'Guru Ahli Pertama', quota: 2, unit: { code: 'DISDIK' } });
  });

  it('resolves a nested tree with a constant number of statements', async () => {
    const r = await server.gql(`{ units { nodes { code positions { code holderCount vacancies holders { nip }
      requirements { level competency { code } position { code } } } } } }`);
    expect(r.errors).toBeUndefined();
    const dinkes = r.data!.units.nodes.find((u: { code: string }) => u.code === 'RSUD-PIRNGADI');
    expect(dinkes.positions).toEqual([
      {
        code: 'RSUD-DOKTER-AHLI', holderCount: 2, vacancies: 1, holders: [{ nip: '199001012015052002' }, { nip: '198512312010011003' }],
        requirements: [{ level: 2, competency: { code: 'KOM' }, position: { code: 'RSUD-DOKTER-AHLI' } }, { level: 4, competency: { code: 'TK-MEDIS' }, position: { code: 'RSUD-DOKTER-AHLI' } }],
      },
      { code: 'RSUD-KASI-YANMED', holderCount: 0, vacancies: 1, holders: [], requirements: [{ level: 2, competency: { code: 'INT' }, position: { code: 'RSUD-KASI-YANMED' } }] },
    ]);
    // units, positions, holder counts (shared by holderCount and vacancies), holders, requirements, competencies, positions by id.
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(7);
  });

  it('reports every bad field at once, with its path', async () => {
    const bad = await server.gql(CREATE, {
      input: {
        code: 'bad code', name: '', unit: comps.KOM, kind: 'PELAKSANA', quota: 0, maxAge: 80, technicalWeight: 1.5,
        requirements: [{ competency: comps.KOM, level: 3 }, { competency: comps.KOM, level: 6 }, { competency: 'garbage', level: 0 }],
      },
    });
    expect(bad.data!.createPosition.position).toBeNull();
    const errors = bad.data!.createPosition.userErrors as Err[];
    expect(fields(errors)).toEqual([
      'input.code', 'input.maxAge', 'input.name', 'input.quota', 'input.requirements[1].competency', 'input.requirements[1].level',
      'input.requirements[2].competency', 'input.requirements[2].level', 'input.technicalWeight', 'input.unit',
    ]);
    expect(errors.find((e) => e.field === 'input.requirements[1].competency')!.code).toBe('DUPLICATE');
    expect(errors.find((e) => e.field === 'input.maxAge')!.message).toMatch(/between 18 and 70, got 80/);

    const missing = await server.gql(CREATE, { input: { name: 'Tanpa kode' } });
    expect(fields(missing.data!.createPosition.userErrors)).toEqual(['input.code', 'input.kind', 'input.unit']);

    const set = await server.gql(SET, {
      position: positions.KASI,
      requirements: [{ competency: comps.INT, level: 3 }, { competency: comps.PB, level: 2 }, { competency: comps.KOM, level: 9 }, { competency: comps.INT, level: 1 }],
    });
    expect(set.data!.setPositionRequirements.position).toBeNull();
    expect(set.data!.setPositionRequirements.userErrors.map((e: Err) => [e.field, e.code])).toEqual([
      ['requirements[2].level', 'OUT_OF_RANGE'], ['requirements[3].competency', 'DUPLICATE'],
    ]);
    // Nothing of the rejected standard was written.
    const kasi = await server.gql(`{ position(code: "RSUD-KASI-YANMED") { requirements { level competency { code } } } }`);
    expect(kasi.data!.position.requirements).toEqual([{ level: 2, competency: { code: 'INT' } }]);
  });

  it('replaces a standard in one go', async () => {
    const set = await server.gql(SET, { position: positions.KASI, requirements: [{ competency: comps.PB, level: 2 }, { competency: comps.KOM, level: 2 }] });
    expect(set.data!.setPositionRequirements).toEqual({
      position: { code: 'RSUD-KASI-YANMED', requirements: [{ level: 2, competency: { code: 'KOM' } }, { level: 2, competency: { code: 'PB' } }] }, userErrors: [],
    });
  });

  it('refuses a duplicate code, and a failed update writes nothing', async () => {
    const dup = await server.gql(CREATE, { input: { code: 'DISDIK-GURU', name: 'Guru lagi', unit: units.DISDIK, kind: 'FUNGSIONAL_KEAHLIAN' } });
    expect(dup.data!.createPosition.userErrors[0]).toMatchObject({ field: 'input.code', code: 'DUPLICATE' });

    const UPDATE = `mutation($id: ID!, $input: PositionInput!) { updatePosition(id: $id, input: $input) {
      position { name quota maxAge requirements { competency { code } } } userErrors { field code } } }`;
    const failed = await server.gql(UPDATE, {
      id: positions.GURU, input: { name: 'Renamed', code: 'RSUD-KASI-YANMED', requirements: [{ competency: comps.PB, level: 1 }] },
    });
    expect(failed.data!.updatePosition.userErrors).toEqual([{ field: 'input.code', code: 'DUPLICATE' }]);
    const guru = await server.gql(`{ position(code: "DISDIK-GURU") { name requirements { competency { code } } } }`);
    expect(guru.data!.position).toEqual({ name: 'Guru Ahli Pertama', requirements: [{ competency: { code: 'KOM' } }] });

    const ok = await server.gql(UPDATE, { id: positions.GURU, input: { quota: 5, maxAge: null } });
    expect(ok.data!.updatePosition).toEqual({ position: { name: 'Guru Ahli Pertama', quota: 5, maxAge: null, requirements: [{ competency: { code: 'KOM' } }] }, userErrors: [] });
  });

  it('refuses to delete a position that has holders, and deletes a vacant one with its standard', async () => {
    const DELETE = `mutation($id: ID!) { deletePosition(id: $id) { deletedId userErrors { field code message } } }`;
    const refused = await server.gql(DELETE, { id: positions.DOKTER });
    expect(refused.data!.deletePosition.deletedId).toBeNull();
    expect(refused.data!.deletePosition.userErrors[0]).toMatchObject({ code: 'REFERENCED', message: expect.stringMatching(/2 holder/) });
    expect((await server.gql(`{ position(code: "RSUD-DOKTER-AHLI") { holderCount } }`)).data!.position.holderCount).toBe(2);

    const unit = await server.gql(`mutation($id: ID!) { deleteUnit(id: $id) { userErrors { code } } }`, { id: units.DISDIK });
    expect(unit.data!.deleteUnit.userErrors[0].code).toBe('REFERENCED');

    const deleted = await server.gql(DELETE, { id: positions.KASI });
    expect(deleted.data!.deletePosition).toEqual({ deletedId: positions.KASI, userErrors: [] });
    const [row] = await server.orm.em.getConnection().execute<{ n: string | number }[]>('select count(*) as n from position_requirement where position_id = ?', [dbId(positions.KASI!)]);
    expect(Number(row!.n)).toBe(0);
  });
});
