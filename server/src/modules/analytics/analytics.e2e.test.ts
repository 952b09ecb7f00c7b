import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import type { DatasetEmployee } from '../dataset/dataset.schema';
import type { Grade } from '../../domain/enums';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.positions = [
    { code: 'KABID', name: 'Kepala Bidang Pelayanan Kesehatan', unit: 'DINKES-YANKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'STAF', name: 'Pengadministrasi Umum', unit: 'BKPSDM', kind: 'PELAKSANA', quota: 5, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: standard(1) },
  ];
  const emp = (unit: string, position: string | null, grade: Grade, kom: number, appraisal: 'ABOVE' | 'MEETS'): DatasetEmployee => ({
    nip: fixtureNip(), name: `Pegawai ${unit} ${grade} ${kom}`, status: 'PNS', grade, education: 'S1', unit, position,
    assessments: nationalAssessments([3, 3, kom, 3, 3, 3, 3, 3, 3]), appraisals: annualAppraisals(appraisal, appraisal),
  });
  d.employees = [
    emp('DINKES-YANKES', 'KABID', 'III/d', 2, 'ABOVE'),
    emp('DINKES', null, 'III/b', 4, 'MEETS'),
    emp('BKPSDM', 'STAF', 'II/c', 1, 'MEETS'),
    emp('BKPSDM', 'STAF', 'III/b', 3, 'MEETS'),
  ];
  const r = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(r.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

const AGG = `query($groupBy: [EmployeeGroupKey!]!, $where: EmployeeWhere, $competency: String, $rollUp: Boolean, $year: Int) {
  employeeAggregate(groupBy: $groupBy, where: $where, competency: $competency, rollUp: $rollUp, asOf: "2025-01-01", year: $year) {
    group { key value label } headcount assessed meanLevel minLevel maxLevel } }`;

type Row = { group: { key: string; value: string }[]; headcount: number; meanLevel: number | null };
const byValue = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.group.map((g) => g.value).join('|'), r]));

describe('employeeAggregate', () => {
  it('rolls headcount and the mean level of one competency up the unit tree', async () => {
    const r = await server.gql(AGG, { groupBy: ['UNIT'], competency: 'KOM', rollUp: true });
    expect(r.errors).toBeUndefined();
    const rows = byValue(r.data!.employeeAggregate);
    expect(rows.PEMKO).toMatchObject({ headcount: 4, meanLevel: 2.5 });
    expect(rows.DINKES).toMatchObject({ headcount: 2, meanLevel: 3 });
    expect(rows['DINKES-YANKES']).toMatchObject({ headcount: 1, meanLevel: 2 });
    expect(rows.BKPSDM).toMatchObject({ headcount: 2, meanLevel: 2 });
    const flat = byValue((await server.gql(AGG, { groupBy: ['UNIT'], competency: 'KOM', rollUp: false })).data!.employeeAggregate);
    expect(flat.DINKES).toMatchObject({ headcount: 1, meanLevel: 4 });
    expect(flat.PEMKO).toBeUndefined();
  });

  it('groups by grade in golongan order and by position kind, with a where filter', async () => {
    const grades = (await server.gql(AGG, { groupBy: ['GRADE'] })).data!.employeeAggregate as Row[];
    expect(grades.map((g) => [g.group[0]!.value, g.headcount])).toEqual([['II/c', 1], ['III/b', 2], ['III/d', 1]]);
    const kinds = byValue((await server.gql(AGG, { groupBy: ['POSITION_KIND'], where: { unitSubtreeOfCode: 'PEMKO' } })).data!.employeeAggregate);
    expect(Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.headcount]))).toEqual({ ADMINISTRATOR: 1, PELAKSANA: 2, UNPLACED: 1 });
  });

  it('gives the predicate distribution per unit and year, and per-competency levels', async () => {
    const r = byValue((await server.gql(AGG, { groupBy: ['UNIT', 'PREDICATE'], year: 2024 })).data!.employeeAggregate);
    expect(r['DINKES-YANKES|SANGAT_BAIK']!.headcount).toBe(1);
    expect(r['BKPSDM|BAIK']!.headcount).toBe(2);
    const comp = byValue((await server.gql(AGG, { groupBy: ['COMPETENCY'] })).data!.employeeAggregate);
    expect(Object.keys(comp)).toHaveLength(9);
    expect(comp.KOM).toMatchObject({ headcount: 4, meanLevel: 2.5 });
    expect(comp.INT).toMatchObject({ headcount: 4, meanLevel: 3 });
  });
});
