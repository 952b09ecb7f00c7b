import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { buildNip } from '../../domain/nip';
import { predicateOf } from '../../domain/predicate';
import { APPRAISAL_RATINGS, type AppraisalRating, type AssessmentMethod, type Education, type Grade, type TrainingType } from '../../domain/enums';
import { toGlobalId } from '../../graphql/node';
import { Unit } from '../unit/unit.entity';
import { Competency } from '../competency/competency.entity';
import { Position, PositionRequirement } from '../position/position.entity';
import { CompetencyAssessment } from '../assessment/competency-assessment.entity';
import { PerformanceAppraisal } from '../appraisal/performance-appraisal.entity';
import { Training, TrainingParticipation } from '../training/training.entity';
import { Employee } from './employee.entity';

let server: TestServer;
const ids: Record<string, string> = {};

interface Person {
  name: string;
  grade: Grade;
  education: Education;
  unit: string;
  position?: string;
  birthDate: string;
  kom?: [string, number][];
  other?: [string, string, number][];
  annual?: [string, AppraisalRating, AppraisalRating][];
}

// Komunikasi as of 2025-01-01, by design: below 3 in the DINKES subtree are
// Eko I/d, Gita II/a, Ani III/a, Hadi III/b, Dewi III/c and Citra IV/a (never assessed = 0).
const PEOPLE: Person[] = [
  { name: 'Ani', grade: 'III/a', education: 'S1', unit: 'DINKES', position: 'DINKES-KABID', birthDate: '1986-09-26', kom: [['2023-03-01', 2]],
    annual: [['2023-01-01', 'ABOVE', 'ABOVE'], ['2024-01-01', 'MEETS', 'BELOW']] },
  { name: 'Budi', grade: 'II/c', education: 'SMA', unit: 'DINKES', birthDate: '1990-01-15', kom: [['2022-05-01', 2.5], ['2024-06-01', 3.2]],
    annual: [['2024-01-01', 'ABOVE', 'ABOVE']] },
  { name: 'Citra', grade: 'IV/a', education: 'S2', unit: 'DINKES', birthDate: '1975-02-28', other: [['INT', '2024-01-10', 4]] },
  { name: 'Dewi', grade: 'III/c', education: 'D3', unit: 'PKM-DELI', position: 'PKM-STAF', birthDate: '1988-12-31', kom: [['2024-02-02', 2.9]],
    annual: [['2024-01-01', 'MEETS', 'MEETS']] },
  { name: 'Eko', grade: 'I/d', education: 'SD', unit: 'PKM-DELI', position: 'PKM-STAF', birthDate: '1995-07-07', kom: [['2024-02-02', 1.5]] },
  { name: 'Fajar', grade: 'III/a', education: 'S1', unit: 'PKM-DELI', birthDate: '1985-03-03', kom: [['2024-02-02', 3]],
    annual: [['2024-01-01', 'BELOW', 'BELOW']] },
  { name: 'Gita', grade: 'II/a', education: 'D1', unit: 'DINKES', birthDate: '1999-10-10', kom: [['2024-08-08', 2.4]], other: [['PB', '2024-08-08', 3]] },
  { name: 'Hadi', grade: 'III/b', education: 'S3', unit: 'PKM-DELI', birthDate: '1970-04-04', kom: [['2020-01-01', 2], ['2025-06-01', 4]],
    annual: [['2024-01-01', 'ABOVE', 'MEETS']] },
  { name: 'Indra', grade: 'II/b', education: 'SMP', unit: 'DISDIK', birthDate: '1992-11-11', kom: [['2024-01-01', 1]] },
];

const nipOf = (p: Person, i: number): string =>
  buildNip({ birthDate: p.birthDate, serviceStart: '2015-05', gender: i % 2 === 0 ? 'MALE' : 'FEMALE', sequence: i + 1 });

async function seed(em: EntityManager): Promise<void> {
  const units = new Map<string, Unit>();
  const dinkes = em.create(Unit, { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', parent: null });
  units.set('DINKES', dinkes);
  units.set('PKM-DELI', em.create(Unit, { code: 'PKM-DELI', name: 'Puskesmas Medan Deli', type: 'PUSKESMAS', parent: dinkes }));
  units.set('DISDIK', em.create(Unit, { code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', type: 'DINAS', parent: null }));
  const competencies = new Map<string, Competency>();
  for (const [code, name] of [['INT', 'Integritas'], ['KOM', 'Komunikasi'], ['PB', 'Perekat Bangsa']] as const) {
    competencies.set(code, em.create(Competency, { code, name, type: code === 'PB' ? 'SOCIOCULTURAL' : 'MANAGERIAL' }));
  }
  const positions = new Map<string, Position>();
  const kabid = em.create(Position, { code: 'DINKES-KABID', name: 'Kepala Bidang Pelayanan Kesehatan', unit: dinkes, kind: 'ADMINISTRATOR' });
  em.create(PositionRequirement, { position: kabid, competency: competencies.get('KOM')!, level: 3 });
  em.create(PositionRequirement, { position: kabid, competency: competencies.get('INT')!, level: 3 });
  positions.set('DINKES-KABID', kabid);
  const staf = em.create(Position, { code: 'PKM-STAF', name: 'Pelaksana Puskesmas', unit: units.get('PKM-DELI')!, kind: 'PELAKSANA', quota: 5 });
  em.create(PositionRequirement, { position: staf, competency: competencies.get('KOM')!, level: 1 });
  positions.set('PKM-STAF', staf);

  const method: AssessmentMethod = 'ASSESSMENT_CENTER';
  PEOPLE.forEach((p, i) => {
    const employee = em.create(Employee, {
      nip: nipOf(p, i), name: p.name, status: 'PNS', grade: p.grade, education: p.education,
      unit: units.get(p.unit)!, position: p.position ? positions.get(p.position)! : null,
    });
    for (const [assessedAt, level] of p.kom ?? []) em.create(CompetencyAssessment, { employee, competency: competencies.get('KOM')!, level, assessedAt, method });
    for (const [code, assessedAt, level] of p.other ?? []) em.create(CompetencyAssessment, { employee, competency: competencies.get(code)!, level, assessedAt, method });
    for (const [periodStart, results, behaviour] of p.annual ?? []) em.create(PerformanceAppraisal, { employee, periodStart, period: 'ANNUAL', results, behaviour });
    if (p.name === 'Ani') em.create(PerformanceAppraisal, { employee, periodStart: '2024-12-01', period: 'MONTHLY', results: 'BELOW', behaviour: 'BELOW' });
    if (p.name === 'Eko') {
      // domain.md §10.6: 8 + 4 + 6 = 18 JP in 2024; the 30 JP workshop ended in 2023.
      const training = (code: string, type: TrainingType, hours: number) => em.create(Training, {
        code, title: code, type, hours, form: ['E_LEARNING', 'COACHING'].includes(type) ? 'NON_KLASIKAL' : 'KLASIKAL',
      });
      const done = (t: Training, startedAt: string, completedAt: string | null, status: 'COMPLETED' | 'REGISTERED' | 'FAILED') =>
        em.create(TrainingParticipation, { employee, training: t, startedAt, completedAt, status });
      done(training('ELRN', 'E_LEARNING', 8), '2024-02-01', '2024-02-20', 'COMPLETED');
      done(training('SEMI', 'SEMINAR', 4), '2024-05-05', '2024-05-05', 'COMPLETED');
      done(training('COACH', 'COACHING', 6), '2024-09-01', '2024-11-30', 'COMPLETED');
      done(training('WSHOP', 'WORKSHOP', 30), '2023-12-18', '2023-12-20', 'COMPLETED');
      done(training('BIMTEK', 'BIMTEK', 12), '2024-10-01', null, 'REGISTERED');
      done(training('KURSUS', 'KURSUS', 16), '2024-03-01', '2024-03-10', 'FAILED');
    }
  });
  await em.flush();
  for (const u of units.values()) ids[u.code] = toGlobalId('Unit', u.id);
  for (const p of positions.values()) ids[p.code] = toGlobalId('Position', p.id);
  for (const c of competencies.values()) ids[c.code] = toGlobalId('Competency', c.id);
  for (const e of await em.find(Employee, {})) ids[e.name] = toGlobalId('Employee', e.id);
}

beforeAll(async () => {
  server = await startTestServer();
  await seed(server.orm.em.fork() as EntityManager);
});
afterAll(async () => {
  await server?.close();
});

type Named = { name: string };
const names = (nodes: Named[]): string[] => nodes.map((n) => n.name);

async function list(where: Record<string, unknown>, extra = ''): Promise<string[]> {
  const r = await server.gql(`query($where: EmployeeWhere) { employees(where: $where, first: 100 ${extra}) { nodes { name } } }`, { where });
  expect(r.errors).toBeUndefined();
  return names(r.data!.employees.nodes);
}

describe('employees over HTTP', () => {
  it('answers the acceptance query: Dinas Kesehatan subtree, Komunikasi below 3, by grade, page 2, in one statement per page', async () => {
    const q = `query($after: String) {
      employees(
        where: { unitSubtreeOfCode: "DINKES", competencyLevel: { competency: "KOM", lt: 3, asOf: "2025-01-01" } }
        orderBy: [{ field: GRADE }], first: 2, after: $after
      ) {
        nodes { name grade unit { code } position { code } latestPredicate(asOf: "2025-01-01") }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    const p1 = await server.gql(q, { after: null });
    expect(p1.errors).toBeUndefined();
    expect(names(p1.data!.employees.nodes)).toEqual(['Eko', 'Gita']);
    const p2 = await server.gql(q, { after: p1.data!.employees.pageInfo.endCursor });
    expect(p2.errors).toBeUndefined();
    expect(p2.data!.employees.nodes).toEqual([
      { name: 'Ani', grade: 'III_A', unit: { code: 'DINKES' }, position: { code: 'DINKES-KABID' }, latestPredicate: 'KURANG' },
      { name: 'Hadi', grade: 'III_B', unit: { code: 'PKM-DELI' }, position: null, latestPredicate: 'BAIK' },
    ]);
    expect(p2.data!.employees.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // page (1) + unit (1) + position (1) + latest predicate (1)
    expect(p2.extensions!.sqlStatements).toBe(4);
    const p3 = await server.gql(q, { after: p2.data!.employees.pageInfo.endCursor });
    expect(names(p3.data!.employees.nodes)).toEqual(['Dewi', 'Citra']);
    expect(p3.data!.employees.pageInfo.hasNextPage).toBe(false);
  });

  it('treats never assessed as level 0 below, as no level above, and matches assessed: false', async () => {
    const kom = (c: Record<string, unknown>) => list({ unitSubtreeOfCode: 'DINKES', competencyLevel: { competency: 'KOM', asOf: '2025-01-01', ...c } });
    expect(await kom({ gte: 3 })).toEqual(['Budi', 'Fajar']);
    expect(await kom({ assessed: false })).toEqual(['Citra']);
    expect(await kom({ lte: 2, assessed: true })).toEqual(['Ani', 'Eko', 'Hadi']);
    expect(await kom({ gt: 2, lt: 3 })).toEqual(['Dewi', 'Gita']);
    // As of mid-2025 Hadi's level 4 counts.
    expect(await list({ competencyLevel: { competency: 'KOM', asOf: '2025-07-01', gte: 4 } })).toEqual(['Hadi']);
  });

  it('filters with and/or/not, grade and education ranges, positions, history, predicates and lesson hours', async () => {
    expect(await list({ grade: { gte: 'III_A', lte: 'III_C' } })).toEqual(['Ani', 'Dewi', 'Fajar', 'Hadi']);
    expect(await list({ education: { gt: 'D3' } })).toEqual(['Ani', 'Citra', 'Fajar', 'Hadi']);
    expect(await list({ or: [{ grade: { lt: 'II_A' } }, { name: { startsWith: 'cit' } }] })).toEqual(['Citra', 'Eko']);
    expect(await list({ and: [{ unitSubtreeOf: ids.DINKES }, { not: { unit: { eq: ids.DINKES } } }] })).toEqual(['Dewi', 'Eko', 'Fajar', 'Hadi']);
    expect(await list({ position: { isNull: false } })).toEqual(['Ani', 'Dewi', 'Eko']);
    expect(await list({ positionKind: { eq: 'ADMINISTRATOR' } })).toEqual(['Ani']);
    expect(await list({ positionKind: { isNull: true }, unitSubtreeOfCode: 'DINKES' })).toEqual(['Budi', 'Citra', 'Fajar', 'Gita', 'Hadi']);
    expect(await list({ hasAssessment: { competency: 'KOM', level: { lt: 2.5 }, assessedAt: { lt: '2023-01-01' } } })).toEqual(['Hadi']);
    expect(await list({ hasAssessment: { competency: 'PB' } })).toEqual(['Gita']);
    expect(await list({ latestPredicate: { asOf: '2025-01-01', predicate: { gte: 'BAIK' } } })).toEqual(['Budi', 'Dewi', 'Hadi']);
    expect(await list({ latestPredicate: { asOf: '2024-01-01', predicate: { eq: 'SANGAT_BAIK' } } })).toEqual(['Ani']);
    expect(await list({ latestPredicate: { asOf: '2025-01-01', predicate: { isNull: true } }, unitSubtreeOfCode: 'DINKES' })).toEqual(['Citra', 'Eko', 'Gita']);
    expect(await list({ developmentHours: { year: 2024, gte: 18 } })).toEqual(['Eko']);
    expect(await list({ developmentHours: { year: 2023, gt: 29 } })).toEqual(['Eko']);
    expect(await list({ developmentHours: { year: 2024, lt: 20 }, unit: { eq: ids['PKM-DELI'] } })).toEqual(['Dewi', 'Eko', 'Fajar', 'Hadi']);
    expect(await list({ gender: { eq: 'FEMALE' }, birthDate: { lt: '1990-01-01' } })).toEqual(['Dewi', 'Fajar', 'Hadi']);
    const bad = await server.gql(`{ employees(where: { birthDate: { lt: "1990-02-30" } }) { nodes { name } } }`);
    expect(bad.errors![0].message).toMatch(/"where.birthDate.lt" must be a real date/);
  });

  it('orders by grade, education (domain order), birth date and unit code', async () => {
    const order = async (orderBy: Record<string, unknown>[]) => list({}, `, orderBy: ${JSON.stringify(orderBy).replace(/"(field|direction)"/g, '$1').replace(/"([A-Z_]+)"/g, '$1')}`);
    expect(await order([{ field: 'EDUCATION' }])).toEqual(['Eko', 'Indra', 'Budi', 'Gita', 'Dewi', 'Ani', 'Fajar', 'Citra', 'Hadi']);
    expect(await order([{ field: 'GRADE', direction: 'DESC' }, { field: 'NAME' }])).toEqual(['Citra', 'Dewi', 'Hadi', 'Ani', 'Fajar', 'Budi', 'Indra', 'Gita', 'Eko']);
    expect(await order([{ field: 'BIRTH_DATE' }])).toEqual(['Hadi', 'Citra', 'Fajar', 'Ani', 'Dewi', 'Budi', 'Indra', 'Eko', 'Gita']);
    expect(await order([{ field: 'UNIT_CODE' }, { field: 'NIP', direction: 'DESC' }])).toEqual(['Gita', 'Budi', 'Ani', 'Citra', 'Indra', 'Eko', 'Dewi', 'Fajar', 'Hadi']);
  });

  it('pages: empty result, last page, last/before, invalid cursor', async () => {
    const empty = await server.gql(`{ employees(where: { name: { eq: "Nobody" } }) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(empty.data!.employees).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    const last = await server.gql(`{ employees(last: 2) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } } }`);
    expect(last.data!.employees).toMatchObject({ totalCount: 9, nodes: [{ name: 'Hadi' }, { name: 'Indra' }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const before = await server.gql(`query($b: String) { employees(last: 3, before: $b) { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }`, {
      b: last.data!.employees.pageInfo.startCursor,
    });
    expect(before.data!.employees).toEqual({ nodes: [{ name: 'Eko' }, { name: 'Fajar' }, { name: 'Gita' }], pageInfo: { hasNextPage: true, hasPreviousPage: true } });
    const invalid = await server.gql(`{ employees(before: "not-a-cursor", last: 2) { nodes { name } } }`);
    expect(invalid.errors![0].message).toMatch(/Argument "before" is not a valid cursor/);
    expect(invalid.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('derives current level as of a date, keeps history and refuses a second assessment on the same date', async () => {
    const q = `query($nip: String!) { employee(nip: $nip) {
      before: currentLevel(competency: "KOM", asOf: "2022-01-01")
      mid: currentLevel(competency: "KOM", asOf: "2024-05-31")
      on: currentLevel(competency: "KOM", asOf: "2024-06-01")
      assessments(competency: "KOM") { level assessedAt method competency { code } employee { name } }
    } }`;
    const budi = nipOf(PEOPLE[1]!, 1);
    const r = await server.gql(q, { nip: budi });
    expect(r.errors).toBeUndefined();
    expect(r.data!.employee).toMatchObject({ before: null, mid: 2.5, on: 3.2 });
    const badAsOf = await server.gql(`query($nip: String!) { employee(nip: $nip) { currentLevel(competency: "KOM", asOf: "2024-13-01") } }`, { nip: budi });
    expect(badAsOf.errors![0]).toMatchObject({ message: expect.stringMatching(/"asOf" must be a real date/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(r.data!.employee.assessments.map((a: { level: number }) => a.level)).toEqual([3.2, 2.5]);

    const record = `mutation($input: AssessmentInput!) { recordAssessment(input: $input) { assessment { id level assessedAt } userErrors { field code message } } }`;
    const input = { employee: ids.Budi, competency: ids.KOM, level: 3.6, assessedAt: '2025-02-01', method: 'UJI_KOMPETENSI' };
    const ok = await server.gql(record, { input });
    expect(ok.data!.recordAssessment).toMatchObject({ assessment: { level: 3.6, assessedAt: '2025-02-01' }, userErrors: [] });
    const dup = await server.gql(record, { input: { ...input, level: 4 } });
    expect(dup.data!.recordAssessment.assessment).toBeNull();
    expect(dup.data!.recordAssessment.userErrors[0]).toMatchObject({ field: 'input.assessedAt', code: 'DUPLICATE' });
    const bad = await server.gql(record, { input: { ...input, level: 5.5, assessedAt: '2025-02-30', competency: ids.Budi, method: null } });
    expect(bad.data!.recordAssessment.userErrors.map((e: { field: string }) => e.field).sort())
      .toEqual(['input.assessedAt', 'input.competency', 'input.level', 'input.method']);
    const decimals = await server.gql(record, { input: { ...input, level: 2.345, assessedAt: '2025-03-01' } });
    expect(decimals.data!.recordAssessment.userErrors[0]).toMatchObject({ field: 'input.level', code: 'INVALID' });

    const after = await server.gql(q, { nip: budi });
    expect(after.data!.employee.assessments.map((a: { level: number; assessedAt: string }) => [a.assessedAt, a.level]))
      .toEqual([['2025-02-01', 3.6], ['2024-06-01', 3.2], ['2022-05-01', 2.5]]);
    expect(after.data!.employee.assessments[0]).toMatchObject({ method: 'UJI_KOMPETENSI', competency: { code: 'KOM' }, employee: { name: 'Budi' } });

    const id = ok.data!.recordAssessment.assessment.id;
    const moved = await server.gql(`mutation($id: ID!) { updateAssessment(id: $id, input: { assessedAt: "2024-06-01" }) { userErrors { field code } } }`, { id });
    expect(moved.data!.updateAssessment.userErrors[0]).toMatchObject({ field: 'input.assessedAt', code: 'DUPLICATE' });
    const fixed = await server.gql(`mutation($id: ID!) { updateAssessment(id: $id, input: { level: 3.5 }) { assessment { level assessedAt } userErrors { code } } }`, { id });
    expect(fixed.data!.updateAssessment).toEqual({ assessment: { level: 3.5, assessedAt: '2025-02-01' }, userErrors: [] });
    const del = await server.gql(`mutation($id: ID!) { deleteAssessment(id: $id) { deletedId userErrors { code } } }`, { id });
    expect(del.data!.deleteAssessment).toEqual({ deletedId: id, userErrors: [] });
  });

  it('computes the competency profile, age and development hours (domain.md §10.6)', async () => {
    const r = await server.gql(`query($a: String!, $e: String!) {
      ani: employee(nip: $a) {
        age(asOf: "2024-09-25") ageAfter: age(asOf: "2024-09-26")
        competencyProfile(asOf: "2025-01-01") { competency { code } level assessedAt required gap }
      }
      eko: employee(nip: $e) {
        h24: developmentHours(year: 2024) s24: developmentHoursShortfall(year: 2024)
        h23: developmentHours(year: 2023) s23: developmentHoursShortfall(year: 2023)
        participations { status training { code } }
        competencyProfile { competency { code } level required gap }
      }
    }`, { a: nipOf(PEOPLE[0]!, 0), e: nipOf(PEOPLE[4]!, 4) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.ani.age).toBe(37);
    expect(r.data!.ani.ageAfter).toBe(38);
    expect(r.data!.ani.competencyProfile).toEqual([
      { competency: { code: 'INT' }, level: null, assessedAt: null, required: 3, gap: null },
      { competency: { code: 'KOM' }, level: 2, assessedAt: '2023-03-01', required: 3, gap: -1 },
    ]);
    expect(r.data!.eko).toMatchObject({ h24: 18, s24: 2, h23: 30, s23: 0 });
    expect(r.data!.eko.participations).toHaveLength(6);
    expect(r.data!.eko.competencyProfile).toEqual([{ competency: { code: 'KOM' }, level: 1.5, required: 1, gap: 0.5 }]);

    const gita = await server.gql(`query($n: String!) { employee(nip: $n) { competencyProfile(asOf: "2025-01-01") { competency { code } level required gap } } }`, { n: nipOf(PEOPLE[6]!, 6) });
    expect(gita.data!.employee.competencyProfile).toEqual([
      { competency: { code: 'KOM' }, level: 2.4, required: null, gap: null },
      { competency: { code: 'PB' }, level: 3, required: null, gap: null },
    ]);
  });

  it('derives the predicate matrix through the API (domain.md §5, §10.4)', async () => {
    const create = `mutation($input: AppraisalInput!) { createAppraisal(input: $input) { appraisal { id predicate period employee { name } } userErrors { field code message } } }`;
    let year = 2010;
    for (const results of APPRAISAL_RATINGS) {
      for (const behaviour of APPRAISAL_RATINGS) {
        const r = await server.gql(create, { input: { employee: ids.Indra, periodStart: `${year++}-01-01`, period: 'ANNUAL', results, behaviour } });
        expect(r.data!.createAppraisal.userErrors).toEqual([]);
        expect(r.data!.createAppraisal.appraisal).toMatchObject({ predicate: predicateOf(results, behaviour), period: 'ANNUAL', employee: { name: 'Indra' } });
      }
    }
    const spot = await server.gql(`query($n: String!) { employee(nip: $n) { appraisals { periodStart results behaviour predicate } } }`, { n: nipOf(PEOPLE[8]!, 8) });
    const byYear = new Map(spot.data!.employee.appraisals.map((a: { periodStart: string; results: string; behaviour: string; predicate: string }) => [`${a.results}/${a.behaviour}`, a.predicate]));
    expect(byYear.get('ABOVE/MEETS')).toBe('BAIK');
    expect(byYear.get('BELOW/ABOVE')).toBe('BUTUH_PERBAIKAN');
    expect(byYear.get('MEETS/BELOW')).toBe('KURANG');
    expect(byYear.get('BELOW/BELOW')).toBe('SANGAT_KURANG');
    expect(spot.data!.employee.appraisals[0].periodStart).toBe('2018-01-01');

    const dup = await server.gql(create, { input: { employee: ids.Indra, periodStart: '2010-01-01', period: 'ANNUAL', results: 'ABOVE', behaviour: 'ABOVE' } });
    expect(dup.data!.createAppraisal.userErrors[0]).toMatchObject({ field: 'input.periodStart', code: 'DUPLICATE' });
    const id = spot.data!.employee.appraisals.length && (await server.gql(create, {
      input: { employee: ids.Indra, periodStart: '2019-01-01', period: 'ANNUAL', results: 'BELOW', behaviour: 'BELOW' },
    })).data!.createAppraisal.appraisal.id;
    const up = await server.gql(`mutation($id: ID!) { updateAppraisal(id: $id, input: { results: ABOVE, behaviour: ABOVE }) { appraisal { predicate } userErrors { code } } }`, { id });
    expect(up.data!.updateAppraisal).toEqual({ appraisal: { predicate: 'SANGAT_BAIK' }, userErrors: [] });
    const del = await server.gql(`mutation($id: ID!) { deleteAppraisal(id: $id) { deletedId } }`, { id });
    expect(del.data!.deleteAppraisal.deletedId).toBe(id);
  });

  it('validates NIPs and references, and a failing mutation writes nothing', async () => {
    const create = `mutation($input: EmployeeInput!) { createEmployee(input: $input) { employee { id nip birthDate serviceStart gender unit { code } position { code } } userErrors { field code message } } }`;
    const base = { name: 'Joko', status: 'PNS', grade: 'III_A', education: 'S1', unit: ids.DINKES };
    const cases: [string, RegExp][] = [
      ['19860926201505100', /18 digits, got 17/],
      ['198609262015053001', /gender digit must be 1 \(male\) or 2 \(female\), got 3/],
      ['198602302015051001', /not a real date/],
      ['1986092620150510x1', /digits only/],
    ];
    for (const [nip, message] of cases) {
      const r = await server.gql(create, { input: { ...base, nip } });
      expect(r.data!.createEmployee.employee).toBeNull();
      expect(r.data!.createEmployee.userErrors).toEqual([{ field: 'input.nip', code: 'INVALID', message: expect.stringMatching(message) }]);
    }
    const dup = await server.gql(create, { input: { ...base, nip: nipOf(PEOPLE[0]!, 0) } });
    expect(dup.data!.createEmployee.userErrors).toEqual([{ field: 'input.nip', code: 'DUPLICATE', message: expect.stringContaining('Ani') }]);

    const missing = await server.gql(create, { input: { ...base, nip: '197001012000012001', unit: null, position: toGlobalId('Position', 99999) } });
    expect(missing.data!.createEmployee.userErrors.map((e: { field: string; code: string }) => [e.field, e.code]).sort())
      .toEqual([['input.position', 'NOT_FOUND'], ['input.unit', 'REQUIRED']]);
    const nothing = await server.gql(`{ employee(nip: "197001012000012001") { id } e: employees { totalCount } }`);
    expect(nothing.data).toEqual({ employee: null, e: { totalCount: 9 } });

    const ok = await server.gql(create, { input: { ...base, nip: '197001012000012001', position: ids['PKM-STAF'] } });
    expect(ok.data!.createEmployee).toMatchObject({
      employee: { nip: '197001012000012001', birthDate: '1970-01-01', serviceStart: '2000-01', gender: 'FEMALE', unit: { code: 'DINKES' }, position: { code: 'PKM-STAF' } },
      userErrors: [],
    });
    const id = ok.data!.createEmployee.employee.id;
    const update = `mutation($id: ID!, $input: EmployeeInput!) { updateEmployee(id: $id, input: $input) { employee { name nip gender position { code } } userErrors { field code } } }`;
    const clash = await server.gql(update, { id, input: { nip: nipOf(PEOPLE[1]!, 1), name: 'Joko Renamed' } });
    expect(clash.data!.updateEmployee.userErrors).toEqual([{ field: 'input.nip', code: 'DUPLICATE' }]);
    expect((await server.gql(`query($id: ID!) { node(id: $id) { ... on Employee { name } } }`, { id })).data!.node.name).toBe('Joko');
    const moved = await server.gql(update, { id, input: { nip: '197001012000011001', position: null } });
    expect(moved.data!.updateEmployee).toEqual({ employee: { name: 'Joko', nip: '197001012000011001', gender: 'MALE', position: null }, userErrors: [] });
    const del = await server.gql(`mutation($id: ID!) { deleteEmployee(id: $id) { deletedId userErrors { code } } }`, { id });
    expect(del.data!.deleteEmployee).toEqual({ deletedId: id, userErrors: [] });
  });

  it('lists the direct members of units, by name, with a per-unit limit in one statement', async () => {
    const r = await server.gql(`{ units(orderBy: [{ field: CODE }]) { nodes { code employees(first: 2) { name } all: employees { name } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.units.nodes).toEqual([
      { code: 'DINKES', employees: [{ name: 'Ani' }, { name: 'Budi' }], all: [{ name: 'Ani' }, { name: 'Budi' }, { name: 'Citra' }, { name: 'Gita' }] },
      { code: 'DISDIK', employees: [{ name: 'Indra' }], all: [{ name: 'Indra' }] },
      { code: 'PKM-DELI', employees: [{ name: 'Dewi' }, { name: 'Eko' }], all: [{ name: 'Dewi' }, { name: 'Eko' }, { name: 'Fajar' }, { name: 'Hadi' }] },
    ]);
    expect(r.extensions!.sqlStatements).toBe(3);
    const tooMany = await server.gql(`{ units { nodes { employees(first: 501) { name } } } }`);
    expect(tooMany.errors![0].message).toMatch(/"first" must be between 0 and 500/);
  });
});
