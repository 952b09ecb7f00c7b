import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm, startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import type { Dataset } from './dataset.schema';
import { exportDataset } from './dataset-export.service';
import { importDataset } from './dataset-import.service';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const SRI = fixtureNip('1990-02-03', 'FEMALE');

function fixture(): Dataset {
  const d = baseDataset();
  d.competencies = d.competencies!.map((c, i) => (i === 0 ? { ...c, levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Tingkat ${level}` })) } : c));
  d.positions = [{
    code: 'DINKES-KABID-YANKES', name: 'Kepala Bidang Pelayanan Kesehatan', unit: 'DINKES-YANKES', kind: 'ADMINISTRATOR', quota: 1,
    minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3),
  }];
  const nip = '198609262015051001';
  d.employees = [{
    nip, name: 'Budi Siregar', status: 'PNS', grade: 'III/d', education: 'S1', unit: 'DINKES-YANKES', position: 'DINKES-KABID-YANKES',
    assessments: nationalAssessments([3, 3, 2, 3, 3, 2, 3, 3, 3]), appraisals: annualAppraisals('ABOVE', 'MEETS'),
  }, {
    nip: SRI, name: 'Sri Wahyuni', status: 'PPPK', grade: 'III/a', education: 'D4', unit: 'DINKES', position: null,
    assessments: nationalAssessments([2, 2, 2, 2, 2, 2, 2, 2, 2.5]), appraisals: [],
  }];
  d.trainings = [{ code: 'PLT-KOM-01', title: 'Komunikasi Pelayanan Publik', form: 'KLASIKAL', type: 'WORKSHOP', hours: 12, competencies: ['KOM', 'PP'] }];
  d.participations = [{ nip, training: 'PLT-KOM-01', startedAt: '2024-04-02', completedAt: '2024-04-04', status: 'COMPLETED', preTest: 61, postTest: 78 }];
  d.trainingEvaluations = [{ training: 'PLT-KOM-01', nip, level: 3, score: 3.5, respondent: 'SUPERVISOR', evaluatedAt: '2024-07-01' }];
  d.stakeholderInputs = [{ position: 'DINKES-KABID-YANKES', competency: 'KOM', group: 'MASYARAKAT', importance: 5, comment: 'Perlu komunikasi yang jelas', submittedAt: '2024-05-10' }];
  d.policy = { jpmOptimal: 90, jpmAdequate: 78, annualDevelopmentHours: 20 };
  return d;
}

const IMPORT = `mutation($d: JSONObject!, $dry: Boolean) { importDataset(dataset: $d, dryRun: $dry) {
  ok dryRun errors { path value message } counts { section created updated unchanged } removed } }`;

type Count = { section: string; created: number; updated: number; unchanged: number };
const counts = (r: { data?: Record<string, { counts: Count[] }> }) =>
  Object.fromEntries(r.data!.importDataset.counts.map((c) => [c.section, { created: c.created, updated: c.updated, unchanged: c.unchanged }]));

describe('dataset import and export', () => {
  it('imports a file, and importing it again changes nothing', async () => {
    const first = await server.gql(IMPORT, { d: fixture() });
    expect(first.data!.importDataset).toMatchObject({ ok: true, errors: [] });
    expect(counts(first).employees).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(counts(first).assessments.created).toBe(18);
    const second = await server.gql(IMPORT, { d: fixture() });
    for (const c of second.data!.importDataset.counts as Count[]) {
      expect({ section: c.section, created: c.created, updated: c.updated }).toEqual({ section: c.section, created: 0, updated: 0 });
    }
    expect(second.data!.importDataset.removed).toBe(0);
    const emp = await server.gql(`{ employee(nip: "198609262015051001") { birthDate serviceStart gender unit { code } position { code } } }`);
    expect(emp.data!.employee).toEqual({ birthDate: '1986-09-26', serviceStart: '2015-05', gender: 'MALE', unit: { code: 'DINKES-YANKES' }, position: { code: 'DINKES-KABID-YANKES' } });
  });

  it('updates exactly the changed record, and a restated standard replaces the old one', async () => {
    const d = fixture();
    d.employees![1]!.grade = 'III/b';
    d.positions![0]!.requirements = standard(3).slice(0, 8);
    const r = await server.gql(IMPORT, { d });
    expect(counts(r).employees).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(r.data!.importDataset.removed).toBe(1);
    const again = await server.gql(IMPORT, { d });
    expect(counts(again).employees).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a file with errors as a whole, listing every error with its JSON path', async () => {
    const before = await server.gql(`{ employees { totalCount } units { totalCount } }`);
    const d = fixture() as unknown as Record<string, unknown> & { employees: Record<string, unknown>[]; units: Record<string, unknown>[] };
    d.units.push({ code: 'NEW-UNIT', name: 'Would be new', type: 'DINAS', parent: null });
    d.employees[0]!.nip = '198609262015053001'; // gender digit 3
    d.employees[1]!.unit = 'NOWHERE';
    d.employees[1]!.shoeSize = 42;
    const r = await server.gql(IMPORT, { d });
    expect(r.data!.importDataset.ok).toBe(false);
    const paths = (r.data!.importDataset.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('$.employees[1].shoeSize');
    // Shape errors are reported first; fix the unknown key and the deeper checks report the rest.
    delete d.employees[1]!.shoeSize;
    const r2 = await server.gql(IMPORT, { d });
    const paths2 = (r2.data!.importDataset.errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths2).toEqual(expect.arrayContaining(['$.employees[0].nip', '$.employees[1].unit']));
    const after = await server.gql(`{ employees { totalCount } units { totalCount } }`);
    expect(after.data).toEqual(before.data);
  });

  it('a dry run counts but writes nothing', async () => {
    const d = fixture();
    d.units!.push({ code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', type: 'DINAS', parent: 'PEMKO' });
    const r = await server.gql(IMPORT, { d, dry: true });
    expect(r.data!.importDataset).toMatchObject({ ok: true, dryRun: true });
    expect(counts(r).units.created).toBe(1);
    const unit = await server.gql(`{ unit(code: "DISDIK") { code } }`);
    expect(unit.data!.unit).toBeNull();
  });

  it('export → import into an empty database → export gives the same document', async () => {
    const exported = (await server.gql(`{ exportDataset }`)).data!.exportDataset as Dataset;
    expect(exported.employees).toHaveLength(2);
    const fresh = await openTestOrm();
    try {
      const report = await importDataset(fresh.orm.em as EntityManager, exported);
      expect(report.errors).toEqual([]);
      const again = await exportDataset(fresh.orm.em as EntityManager);
      expect(again).toEqual(exported);
    } finally {
      await fresh.dispose();
    }
  });
});
