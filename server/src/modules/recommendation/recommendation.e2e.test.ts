import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import type { DatasetEmployee } from '../dataset/dataset.schema';

/**
 * domain.md §10 example 6 and the §8 worked cases through the API, on a
 * fixture where every rule holds exactly once or twice with hand-computed
 * figures (see the comments next to each employee).
 */
let server: TestServer;
const AS_OF = '2025-01-01';
const YEAR = 2024;
const nip = { e1: fixtureNip(), p1: fixtureNip(), p2: fixtureNip(), p3: fixtureNip(), b1: fixtureNip(), b2: fixtureNip(), m1: fixtureNip() };

const IMPORT = `mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`;
const GENERATE = `mutation($asOf: String, $year: Int) { generateRecommendations(asOf: $asOf, year: $year) {
  created updated resolved unchanged asOf year byKind { kind count } policyVersion { version } userErrors { field code message } } }`;
const LIST = `query($where: RecommendationWhere, $orderBy: [RecommendationOrder!]) { recommendations(first: 100, where: $where, orderBy: $orderBy) {
  totalCount nodes { id key kind severity status title rationale action evidence evidenceQuery impact year asOf
    unit { code } position { code } training { code } employee { nip } competency { code } policyVersion { version }
    statusHistory { fromStatus toStatus changedBy changedAt note } } } }`;

interface Rec {
  id: string; key: string; kind: string; severity: string; status: string; title: string; rationale: string; action: string;
  evidence: Record<string, unknown>; evidenceQuery: string; impact: number;
  unit: { code: string } | null; position: { code: string } | null; training: { code: string } | null; employee: { nip: string } | null; competency: { code: string } | null;
  policyVersion: { version: number };
  statusHistory: { fromStatus: string | null; toStatus: string; changedBy: string; note: string | null }[];
}

async function list(where: Record<string, unknown> = {}, orderBy?: unknown, headers?: Record<string, string>): Promise<Rec[]> {
  const r = await server.gql(LIST, { where, orderBy }, headers);
  expect(r.errors).toBeUndefined();
  return r.data!.recommendations.nodes as Rec[];
}

const levels = (map: Record<string, number>, assessedAt: string) =>
  Object.entries(map).map(([competency, level]) => ({ competency, level, assessedAt, method: 'ASSESSMENT_CENTER' as const }));
const done = (n: string, training: string, startedAt: string, completedAt: string) => ({ nip: n, training, startedAt, completedAt, status: 'COMPLETED' as const, preTest: null, postTest: null });

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.positions = [
    { code: 'KABID-YANKES', name: 'Kepala Bidang Pelayanan Kesehatan', unit: 'DINKES-YANKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'PLK-YANKES', name: 'Pengelola Layanan Kesehatan', unit: 'DINKES-YANKES', kind: 'PELAKSANA', quota: 3, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: [{ competency: 'KOM', level: 3 }, { competency: 'PP', level: 2 }] },
    { code: 'KABID-SDK', name: 'Kepala Bidang Sumber Daya Kesehatan', unit: 'DINKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'PGW-DINKES', name: 'Kepala Seksi Farmasi', unit: 'DINKES', kind: 'PENGAWAS', quota: 1, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: standard(2) },
    { code: 'PLK-BKPSDM', name: 'Pengolah Data Kepegawaian', unit: 'BKPSDM', kind: 'PELAKSANA', quota: 2, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: [{ competency: 'KOM', level: 2 }, { competency: 'PP', level: 2 }] },
    { code: 'PLK-VACANT', name: 'Pengadministrasi Umum', unit: 'BKPSDM', kind: 'PELAKSANA', quota: 1, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null, requirements: [{ competency: 'INT', level: 1 }, { competency: 'KS', level: 1 }] },
  ];
  d.trainings = [
    { code: 'PLT-KOM', title: 'Komunikasi Pelayanan', form: 'KLASIKAL', type: 'PELATIHAN', hours: 24, competencies: ['KOM', 'PP'] },
    { code: 'ELN-KOM', title: 'E-learning Komunikasi', form: 'NON_KLASIKAL', type: 'E_LEARNING', hours: 20, competencies: ['KOM'] },
    { code: 'ELN-PP', title: 'E-learning Pelayanan Publik', form: 'NON_KLASIKAL', type: 'E_LEARNING', hours: 8, competencies: ['PP'] },
    { code: 'SEM-INT', title: 'Seminar Integritas', form: 'KLASIKAL', type: 'SEMINAR', hours: 4, competencies: ['INT'] },
    { code: 'COA-PDO', title: 'Coaching Pengembangan Diri', form: 'NON_KLASIKAL', type: 'COACHING', hours: 6, competencies: ['PDO'] },
    { code: 'WS-MP', title: 'Workshop Mengelola Perubahan', form: 'KLASIKAL', type: 'WORKSHOP', hours: 30, competencies: ['MP'] },
  ] as typeof d.trainings;
  const emp = (n: string, name: string, unit: string, position: string, assessments: DatasetEmployee['assessments'], appraisals: DatasetEmployee['appraisals']): DatasetEmployee => ({
    nip: n, name, status: 'PNS', grade: 'III/d', education: 'S1', unit, position, assessments, appraisals,
  });
  d.employees = [
    // §10.1 levels (JPM 92.59, OPTIMAL) + SANGAT_BAIK → box 9, the only talent-pool member; KOM 1.5 → 2 and PP 2.5 → 3 around PLT-KOM's window (comparison ΔC +0.5).
    emp(nip.e1, 'Kabid Yankes', 'DINKES-YANKES', 'KABID-YANKES',
      [...nationalAssessments([3, 3, 2, 3, 3, 2, 3, 3, 3]), ...levels({ KOM: 1.5, PP: 2.5 }, '2022-12-01')], annualAppraisals('ABOVE', 'ABOVE')),
    // PLT-KOM participants: ΔC −0.1, 0, +0.1 (mean 0); ΔP 0, 0, −1 (mean −1/3). Current KOM 1, 2, 3 → unit shortfalls 2, 1, 0.
    emp(nip.p1, 'Peserta Satu', 'DINKES-YANKES', 'PLK-YANKES', [...levels({ KOM: 1.2, PP: 2 }, '2023-01-10'), ...levels({ KOM: 1, PP: 2 }, '2023-06-01')], annualAppraisals('MEETS', 'MEETS')),
    emp(nip.p2, 'Peserta Dua', 'DINKES-YANKES', 'PLK-YANKES', [...levels({ KOM: 2, PP: 2 }, '2023-01-10'), ...levels({ KOM: 2, PP: 2 }, '2023-06-01')], annualAppraisals('MEETS', 'MEETS')),
    emp(nip.p3, 'Peserta Tiga', 'DINKES-YANKES', 'PLK-YANKES', [...levels({ KOM: 2.8, PP: 2 }, '2023-01-10'), ...levels({ KOM: 3, PP: 2 }, '2023-06-01')],
      [...annualAppraisals('ABOVE', 'ABOVE', [2023]), ...annualAppraisals('MEETS', 'MEETS', [2024])]),
    // BKPSDM: KOM shortfalls 1 and 0 against level 2 → mean 0.5, rate 0.5. Comparison ΔC +0.25 each, ΔP 0.
    emp(nip.b1, 'Pegawai BKPSDM Satu', 'BKPSDM', 'PLK-BKPSDM', [...levels({ KOM: 1, PP: 1.5 }, '2022-12-01'), ...levels({ KOM: 1, PP: 2 }, '2024-06-01')], annualAppraisals('MEETS', 'MEETS')),
    emp(nip.b2, 'Pegawai BKPSDM Dua', 'BKPSDM', 'PLK-BKPSDM', [...levels({ KOM: 1.5, PP: 1.8 }, '2022-12-01'), ...levels({ KOM: 2, PP: 1.8 }, '2024-06-01')], annualAppraisals('MEETS', 'MEETS')),
    // Level 1 everywhere: JPM 50 as Pengawas (KURANG_OPTIMAL), 100 in the vacant PLK-VACANT (OPTIMAL).
    emp(nip.m1, 'Salah Tempat', 'DINKES', 'PGW-DINKES', nationalAssessments([1, 1, 1, 1, 1, 1, 1, 1, 1]), annualAppraisals('MEETS', 'MEETS')),
  ];
  d.participations = [
    // §10.6: 8 + 4 + 6 = 18 JP in 2024; the 30 JP workshop completed 2023-12-20 counts for 2023.
    done(nip.e1, 'ELN-PP', '2024-02-01', '2024-02-20'), done(nip.e1, 'SEM-INT', '2024-05-02', '2024-05-02'), done(nip.e1, 'COA-PDO', '2024-08-01', '2024-09-30'),
    done(nip.e1, 'WS-MP', '2023-12-18', '2023-12-20'),
    ...[nip.p1, nip.p2, nip.p3].map((n) => done(n, 'PLT-KOM', '2023-03-01', '2023-03-05')),
    ...[nip.p1, nip.p2, nip.p3, nip.b1, nip.b2, nip.m1].map((n) => done(n, 'ELN-KOM', '2024-01-15', '2024-02-01')),
  ];
  d.stakeholderInputs = [
    { position: 'PLK-YANKES', competency: 'KOM', group: 'PASIEN', importance: 5, comment: null, submittedAt: '2024-05-10' },
    { position: 'PLK-YANKES', competency: 'KOM', group: 'PASIEN', importance: 4, comment: null, submittedAt: '2024-06-10' },
    { position: 'PLK-YANKES', competency: 'KOM', group: 'TENAGA_KESEHATAN', importance: 3, comment: null, submittedAt: '2024-06-10' },
    { position: 'PLK-YANKES', competency: 'PP', group: 'ORANG_TUA', importance: 2, comment: null, submittedAt: '2024-06-10' },
  ] as typeof d.stakeholderInputs;
  const res = await server.gql(IMPORT, { d });
  expect(res.errors).toBeUndefined();
  expect(res.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

describe('recommendations over HTTP', () => {
  it('generates each rule with the hand-computed evidence', async () => {
    const g = await server.gql(GENERATE, { asOf: AS_OF, year: YEAR });
    expect(g.errors).toBeUndefined();
    expect(g.data!.generateRecommendations).toMatchObject({ created: 7, updated: 0, resolved: 0, unchanged: 0, asOf: AS_OF, year: YEAR, userErrors: [] });
    const counts = Object.fromEntries(g.data!.generateRecommendations.byKind.map((k: { kind: string; count: number }) => [k.kind, k.count]));
    expect(counts).toEqual({ TRAINING_INEFFECTIVE: 1, UNIT_COMPETENCY_GAP: 2, DEVELOPMENT_HOURS_SHORTFALL: 1, MISPLACEMENT: 1, SUCCESSION_RISK: 1, STANDARD_REVIEW: 1 });
  });

  it('§10.6: 18 JP in 2024 → shortfall 2; the workshop completed 2023-12-20 does not count', async () => {
    const [rec] = await list({ kind: { eq: 'DEVELOPMENT_HOURS_SHORTFALL' } });
    expect(rec!.employee!.nip).toBe(nip.e1);
    expect(rec!.evidence).toEqual({ year: 2024, hours: 18, required: 20, shortfall: 2 });
    expect(rec!.severity).toBe('LOW');
    expect(rec!.unit!.code).toBe('DINKES-YANKES');
    const check = await server.gql(rec!.evidenceQuery);
    expect(check.errors).toBeUndefined();
    expect(check.data!.employee).toMatchObject({ developmentHours: 18, developmentHoursShortfall: 2 });
  });

  it('TRAINING_INEFFECTIVE: n, deltas, difference-in-differences and its 95 % interval', async () => {
    const [rec] = await list({ kind: { eq: 'TRAINING_INEFFECTIVE' } });
    expect(rec!.training!.code).toBe('PLT-KOM');
    const e = rec!.evidence as Record<string, number | number[]>;
    expect(e.n).toBe(3);
    expect(e.deltaCompetency).toBeCloseTo(0, 6);
    expect(e.deltaPredicate).toBeCloseTo(-1 / 3, 6);
    // Comparison: e1 (+0.5), b1 (+0.25), b2 (+0.25); m1 has no assessment before the window.
    expect(e.comparisonDeltaCompetency).toBeCloseTo(1 / 3, 6);
    expect(e.comparisonDeltaPredicate).toBeCloseTo(0, 6);
    expect(e.didCompetency).toBeCloseTo(-1 / 3, 6);
    expect(e.didPredicate).toBeCloseTo(-1 / 3, 6);
    const se = Math.sqrt(0.01 / 3 + 0.0625 / 3 / 3 * 1);
    const ci = e.ci95 as number[];
    expect(ci[0]).toBeCloseTo(-1 / 3 - 1.959964 * se, 4);
    expect(ci[1]).toBeCloseTo(-1 / 3 + 1.959964 * se, 4);
    expect(rec!.severity).toBe('HIGH');
    expect(Object.keys(e).sort()).toEqual(['ci95', 'comparisonDeltaCompetency', 'comparisonDeltaPredicate', 'deltaCompetency', 'deltaPredicate', 'didCompetency', 'didPredicate', 'n']);
    const check = await server.gql(rec!.evidenceQuery);
    expect(check.errors).toBeUndefined();
    expect(check.data!.training.participations).toHaveLength(3);
  });

  it('UNIT_COMPETENCY_GAP: the unit whose holders fall short ranks first, with mean shortfall, rate and a suggested training', async () => {
    const recs = await list({ kind: { eq: 'UNIT_COMPETENCY_GAP' } }, [{ field: 'IMPACT', direction: 'DESC' }]);
    expect(recs.map((r) => [r.unit!.code, r.competency!.code])).toEqual([['DINKES-YANKES', 'KOM'], ['BKPSDM', 'KOM']]);
    expect(recs[0]!.evidence).toEqual({ holders: 4, meanShortfall: 1, shortfallRate: 0.75, required: 3 });
    expect(recs[0]!.severity).toBe('HIGH');
    expect(recs[1]!.evidence).toEqual({ holders: 2, meanShortfall: 0.5, shortfallRate: 0.5, required: 2 });
    // ELN-KOM targets only KOM: more focused than PLT-KOM (KOM and PP).
    expect(recs[0]!.training!.code).toBe('ELN-KOM');
    expect(recs[0]!.action).toContain('ELN-KOM');
    const check = await server.gql(recs[0]!.evidenceQuery);
    expect(check.errors).toBeUndefined();
    const holders = check.data!.positions.nodes.flatMap((p: { holders: unknown[] }) => p.holders);
    expect(holders).toHaveLength(4);
  });

  it('MISPLACEMENT, SUCCESSION_RISK and STANDARD_REVIEW', async () => {
    const [mis] = await list({ kind: { eq: 'MISPLACEMENT' } });
    expect(mis!.employee!.nip).toBe(nip.m1);
    expect(mis!.position!.code).toBe('PLK-VACANT');
    expect(mis!.evidence).toEqual({ currentJpm: 50, betterPosition: 'PLK-VACANT', betterJpm: 100 });
    expect(mis!.severity).toBe('HIGH');
    const [suc] = await list({ kind: { eq: 'SUCCESSION_RISK' } });
    // KABID-SDK is covered by e1 (box 9, OPTIMAL, eligible); e1's own position has nobody.
    expect(suc!.position!.code).toBe('KABID-YANKES');
    // p3 (box 8, eligible) is the best talent-pool member for it: 5 of 27 → 18.52, below CUKUP_OPTIMAL.
    expect(suc!.evidence).toEqual({ candidates: 0, bestJpm: 18.518519 });
    expect(suc!.severity).toBe('HIGH');
    const [rev] = await list({ kind: { eq: 'STANDARD_REVIEW' } });
    expect([rev!.position!.code, rev!.competency!.code]).toEqual(['PLK-YANKES', 'KOM']);
    expect(rev!.evidence).toEqual({ responses: 2, meanImportance: 4.5, requiredLevel: 3, groups: [{ group: 'PASIEN', responses: 2, meanImportance: 4.5, impliedLevel: 5 }] });
    for (const rec of [mis!, suc!, rev!]) {
      const check = await server.gql(rec.evidenceQuery);
      expect(check.errors, rec.evidenceQuery).toBeUndefined();
    }
  });

  it('filters by unit subtree and year, and speaks English on request', async () => {
    const units = await server.gql(`{ unit(code: "DINKES") { id } }`);
    const sub = await list({ unit: units.data!.unit.id });
    expect(new Set(sub.map((r) => r.unit!.code))).toEqual(new Set(['DINKES', 'DINKES-YANKES']));
    expect(sub.every((r) => r.kind !== 'TRAINING_INEFFECTIVE')).toBe(true);
    expect(await list({ year: { eq: 2023 } })).toEqual([]);
    const id = await list({ kind: { eq: 'DEVELOPMENT_HOURS_SHORTFALL' } });
    expect(id[0]!.title).toMatch(/Kekurangan JP 2024/);
    const en = await list({ kind: { eq: 'DEVELOPMENT_HOURS_SHORTFALL' } }, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en[0]!.title).toMatch(/Lesson-hour shortfall 2024/);
    expect(en[0]!.rationale).toContain('18 JP');
  });

  it('generates after a mutation of the same request was rolled back (its savepoint stays open: no snapshot lanes then)', async () => {
    const r = await server.gql(`mutation($asOf: String, $year: Int) {
      failed: setRecommendationStatus(id: "UmVjb21tZW5kYXRpb246OTk5OTk5", status: ACCEPTED) { userErrors { field code } }
      generateRecommendations(asOf: $asOf, year: $year) { created updated resolved unchanged userErrors { message } } }`, { asOf: AS_OF, year: YEAR });
    expect(r.errors).toBeUndefined();
    expect(r.data!.failed.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
    expect(r.data!.generateRecommendations).toMatchObject({ created: 0, updated: 0, resolved: 0, unchanged: 7, userErrors: [] });
  });

  it('is idempotent, keeps decisions with history, and resolves what no longer holds', async () => {
    const again = await server.gql(GENERATE, { asOf: AS_OF, year: YEAR });
    expect(again.data!.generateRecommendations).toMatchObject({ created: 0, updated: 0, resolved: 0, unchanged: 7 });

    const [suc] = await list({ kind: { eq: 'SUCCESSION_RISK' } });
    const set = `mutation($id: ID!, $s: RecommendationStatus!, $note: String) { setRecommendationStatus(id: $id, status: $s, note: $note) {
      recommendation { status statusHistory { fromStatus toStatus changedBy note } } userErrors { field code } } }`;
    const dismissed = await server.gql(set, { id: suc!.id, s: 'DISMISSED', note: 'Jabatan akan dihapus tahun depan' });
    expect(dismissed.errors).toBeUndefined();
    const history = dismissed.data!.setRecommendationStatus.recommendation.statusHistory;
    expect(history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([[null, 'OPEN'], ['OPEN', 'DISMISSED']]);
    expect(history[1].note).toBe('Jabatan akan dihapus tahun depan');
    expect(typeof history[1].changedBy).toBe('string');
    const same = await server.gql(set, { id: suc!.id, s: 'DISMISSED' });
    expect(same.data!.setRecommendationStatus.userErrors).toEqual([{ field: 'status', code: 'CONFLICT' }]);
    const [hours] = await list({ kind: { eq: 'DEVELOPMENT_HOURS_SHORTFALL' } });
    await server.gql(set, { id: hours!.id, s: 'ACCEPTED', note: 'Dijadwalkan' });

    // e1 completes 2 more JP in 2024: the shortfall no longer holds.
    const extra = await server.gql(IMPORT, { d: {
      formatVersion: 1,
      trainings: [{ code: 'SEM-PB', title: 'Seminar Wawasan Kebangsaan', form: 'KLASIKAL', type: 'SEMINAR', hours: 2, competencies: ['PB'] }],
      participations: [done(nip.e1, 'SEM-PB', '2024-11-01', '2024-11-01')],
    } });
    expect(extra.data!.importDataset.errors).toEqual([]);
    const third = await server.gql(GENERATE, { asOf: AS_OF, year: YEAR });
    expect(third.data!.generateRecommendations).toMatchObject({ created: 0, resolved: 1 });
    const after = await list({ or: [{ kind: { eq: 'DEVELOPMENT_HOURS_SHORTFALL' } }, { kind: { eq: 'SUCCESSION_RISK' } }] }, [{ field: 'KIND', direction: 'ASC' }]);
    expect(after.map((r) => [r.kind, r.status])).toEqual([['DEVELOPMENT_HOURS_SHORTFALL', 'RESOLVED'], ['SUCCESSION_RISK', 'DISMISSED']]);
    expect(after[0]!.statusHistory.map((h) => h.toStatus)).toEqual(['OPEN', 'ACCEPTED', 'RESOLVED']);
  });
});

describe('policy versions and what-if', () => {
  const PV = 'id version name status parameters activatedBy retiredAt retiredBy';

  it('creates, validates, compares and activates versions (one active, history kept)', async () => {
    const all = await server.gql(`{ policyVersions { ${PV} } activePolicy { version } }`);
    expect(all.data!.policyVersions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'DRAFT'], [1, 'ACTIVE']]);
    const create = `mutation($name: String!, $p: PolicyParametersInput!) { createPolicyVersion(name: $name, parameters: $p) { policyVersion { ${PV} } userErrors { field code message } } }`;
    const bad = await server.gql(create, { name: 'Salah', p: { jpmOptimal: 70, jpmAdequate: 75, talentPoolBoxes: [0, 9], performanceYears: 11 } });
    expect(bad.data!.createPolicyVersion.policyVersion).toBeNull();
    expect(bad.data!.createPolicyVersion.userErrors.map((e: { field: string }) => e.field).sort())
      .toEqual(['parameters.jpmAdequate', 'parameters.performanceYears', 'parameters.talentPoolBoxes']);
    const ok = await server.gql(create, { name: 'JP 24', p: { annualDevelopmentHours: 24 } });
    const draft = ok.data!.createPolicyVersion.policyVersion;
    expect(draft).toMatchObject({ version: 3, status: 'DRAFT' });
    expect(draft.parameters).toMatchObject({ annualDevelopmentHours: 24, jpmOptimal: 90, jpmAdequate: 78 });
    const active = all.data!.policyVersions.find((v: { status: string }) => v.status === 'ACTIVE');
    const legacy = all.data!.policyVersions.find((v: { version: number }) => v.version === 2);
    const cmp = await server.gql(`query($a: ID!, $b: ID!) { comparePolicyVersions(a: $a, b: $b) { changes { key a b } } }`, { a: active.id, b: draft.id });
    expect(cmp.data!.comparePolicyVersions.changes).toEqual([{ key: 'annualDevelopmentHours', a: 20, b: 24 }]);
    const cmpLegacy = await server.gql(`query($a: ID!, $b: ID!) { comparePolicyVersions(a: $a, b: $b) { changes { key a b } } }`, { a: active.id, b: legacy.id });
    expect(cmpLegacy.data!.comparePolicyVersions.changes).toEqual([{ key: 'jpmAdequate', a: 78, b: 68 }, { key: 'jpmOptimal', a: 90, b: 80 }]);

    const update = `mutation($id: ID!, $p: PolicyParametersInput) { updatePolicyVersion(id: $id, parameters: $p) { policyVersion { parameters } userErrors { field code } } }`;
    const renamed = await server.gql(update, { id: draft.id, p: { trainingMinCompletions: 5 } });
    expect(renamed.data!.updatePolicyVersion.policyVersion.parameters).toMatchObject({ trainingMinCompletions: 5, annualDevelopmentHours: 24 });
    const locked = await server.gql(update, { id: active.id, p: { jpmOptimal: 85 } });
    expect(locked.data!.updatePolicyVersion.userErrors).toEqual([{ field: 'id', code: 'CONFLICT' }]);

    const activate = `mutation($id: ID!) { activatePolicyVersion(id: $id) { policyVersion { version status activatedBy activatedAt } retired { version status retiredBy retiredAt } userErrors { field code } } }`;
    const act = await server.gql(activate, { id: legacy.id });
    expect(act.errors).toBeUndefined();
    expect(act.data!.activatePolicyVersion.policyVersion).toMatchObject({ version: 2, status: 'ACTIVE' });
    expect(act.data!.activatePolicyVersion.retired).toMatchObject({ version: 1, status: 'RETIRED' });
    expect(act.data!.activatePolicyVersion.retired.retiredAt).toBeTruthy();
    const now = await server.gql(`{ activePolicy { version parameters } policyVersions { version status } }`);
    expect(now.data!.activePolicy.parameters).toMatchObject({ jpmOptimal: 80, jpmAdequate: 68 });
    expect(now.data!.policyVersions.filter((v: { status: string }) => v.status === 'ACTIVE')).toHaveLength(1);
    // Back to the default so the what-if figures below are against 90/78.
    const back = await server.gql(activate, { id: active.id });
    expect(back.data!.activatePolicyVersion.policyVersion).toMatchObject({ version: 1, status: 'ACTIVE' });
  });

  const SIM = `categories { category before after } talentBoxes { box before after talentPool }
    recommendations { unit { code } kind before after } changedKeys userErrors { field code }`;

  it('simulatePolicy: the legacy scheme moves holders up a category; 24 JP adds shortfalls; nothing is written', async () => {
    const before = await list();
    const r = await server.gql(`query($c: PolicyParametersInput!) { simulatePolicy(changes: $c, asOf: "${AS_OF}", year: ${YEAR}) { ${SIM} } }`, { c: { jpmOptimal: 80, jpmAdequate: 68 } });
    expect(r.errors).toBeUndefined();
    const sim = r.data!.simulatePolicy;
    expect(sim.changedKeys).toEqual(['jpmAdequate', 'jpmOptimal']);
    // Holders: e1 92.6, p1 60, p2 80, p3 100, b1 75, b2 95, m1 50.
    expect(sim.categories).toEqual([
      { category: 'OPTIMAL', before: 3, after: 4 }, { category: 'CUKUP_OPTIMAL', before: 1, after: 1 }, { category: 'KURANG_OPTIMAL', before: 3, after: 2 },
    ]);
    const hours = await server.gql(`query($c: PolicyParametersInput!) { simulatePolicy(changes: $c, asOf: "${AS_OF}", year: ${YEAR}) { ${SIM} } }`, { c: { annualDevelopmentHours: 24 } });
    const rows = hours.data!.simulatePolicy.recommendations.filter((x: { kind: string }) => x.kind === 'DEVELOPMENT_HOURS_SHORTFALL');
    // Everyone has exactly 20 JP in 2024 (e1 now 20 too): none before, all seven after.
    expect(rows.reduce((s: number, x: { before: number }) => s + x.before, 0)).toBe(0);
    expect(rows.reduce((s: number, x: { after: number }) => s + x.after, 0)).toBe(7);
    const invalid = await server.gql(`query { simulatePolicy(changes: { jpmAdequate: 95 }) { userErrors { field code } } }`);
    expect(invalid.data!.simulatePolicy.userErrors).toEqual([{ field: 'changes.jpmAdequate', code: 'OUT_OF_RANGE' }]);
    expect(await list()).toEqual(before);
  });

  it('simulateStandard: a lower KOM standard for PLK-YANKES lifts a holder to OPTIMAL and halves the unit gap, in a rolled-back transaction', async () => {
    const pos = await server.gql(`{ position(code: "PLK-YANKES") { id requirements { competency { id code } level } } competency(code: "KOM") { id } }`);
    const pp = pos.data!.position.requirements.find((r: { competency: { code: string } }) => r.competency.code === 'PP').competency.id;
    const r = await server.gql(`query($p: ID!, $req: [RequirementInput!]!) { simulateStandard(position: $p, requirements: $req, asOf: "${AS_OF}", year: ${YEAR}) { ${SIM} } }`, {
      p: pos.data!.position.id, req: [{ competency: pos.data!.competency.id, level: 2 }, { competency: pp, level: 2 }],
    });
    expect(r.errors).toBeUndefined();
    const sim = r.data!.simulateStandard;
    // p2 80 → 100 (OPTIMAL); p1 60 → 75 stays KURANG_OPTIMAL.
    expect(sim.categories).toEqual([
      { category: 'OPTIMAL', before: 3, after: 4 }, { category: 'CUKUP_OPTIMAL', before: 1, after: 0 }, { category: 'KURANG_OPTIMAL', before: 3, after: 3 },
    ]);
    const gap = sim.recommendations.find((x: { unit: { code: string } | null; kind: string }) => x.unit?.code === 'DINKES-YANKES' && x.kind === 'UNIT_COMPETENCY_GAP');
    expect(gap).toMatchObject({ before: 1, after: 1 }); // mean shortfall 1 → 0.5, still at the threshold
    const still = await server.gql(`{ position(code: "PLK-YANKES") { requirements { competency { code } level } } }`);
    expect(still.data!.position.requirements).toEqual(pos.data!.position.requirements.map((x: { competency: { code: string }; level: number }) => ({ competency: { code: x.competency.code }, level: x.level })));
    const bad = await server.gql(`query($p: ID!) { simulateStandard(position: $p, requirements: [{ competency: "bad", level: 7 }]) { userErrors { field code } } }`, { p: pos.data!.position.id });
    expect(bad.data!.simulateStandard.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(['requirements[0].competency', 'requirements[0].level']);
  });

  it('simulatePolicy: "before" counts what generateRecommendations stores, and "after" is what activating the change gives', async () => {
    type Shift = { unit: { code: string } | null; kind: string; before: number; after: number };
    const sim = async (c: Record<string, unknown>) => {
      const r = await server.gql(`query($c: PolicyParametersInput!) { simulatePolicy(changes: $c, asOf: "${AS_OF}", year: ${YEAR}) { ${SIM} } }`, { c });
      expect(r.errors).toBeUndefined();
      expect(r.data!.simulatePolicy.userErrors).toEqual([]);
      return r.data!.simulatePolicy as { categories: unknown[]; talentBoxes: unknown[]; recommendations: Shift[] };
    };
    const side = (s: { categories: unknown[]; talentBoxes: unknown[]; recommendations: Shift[] }, which: 'before' | 'after') => ({
      categories: s.categories.map((c) => (c as Record<string, unknown>)[which]),
      talentBoxes: s.talentBoxes.map((b) => (b as Record<string, unknown>)[which]),
      recommendations: Object.fromEntries(s.recommendations.filter((x) => x[which] > 0).map((x) => [`${x.unit?.code ?? ''}|${x.kind}`, x[which]])),
    });

    // The what-if counts subjects without building the drafts: they must match the stored recommendations.
    const gen = await server.gql(GENERATE, { asOf: AS_OF, year: YEAR });
    expect(gen.data!.generateRecommendations.userErrors).toEqual([]);
    const stored: Record<string, number> = {};
    for (const r of await list({ year: { eq: YEAR }, status: { ne: 'RESOLVED' } })) stored[`${r.unit?.code ?? ''}|${r.kind}`] = (stored[`${r.unit?.code ?? ''}|${r.kind}`] ?? 0) + 1;
    expect(side(await sim({}), 'before').recommendations).toEqual(stored);

    // The "after" side reuses the rows of rules the change cannot touch: each change, activated, must give the same figures.
    const versions = await server.gql(`{ policyVersions { id version status } }`);
    const original = versions.data!.policyVersions.find((v: { status: string }) => v.status === 'ACTIVE');
    const create = `mutation($name: String!, $p: PolicyParametersInput!) { createPolicyVersion(name: $name, parameters: $p) { policyVersion { id } userErrors { field } } }`;
    const activate = `mutation($id: ID!) { activatePolicyVersion(id: $id) { userErrors { field } } }`;
    const changes: Record<string, unknown>[] = [
      { jpmOptimal: 80, jpmAdequate: 68 },
      { annualDevelopmentHours: 24 },
      { talentPoolBoxes: [5, 6, 8, 9], candidateMinCategory: 'KURANG_OPTIMAL' },
      { unitGapMinMeanShortfall: 0.25, unitGapMinHolders: 1, trainingMinCompletions: 1, minPredicate: 'BUTUH_PERBAIKAN' },
    ];
    try {
      for (const [i, c] of changes.entries()) {
        const predicted = side(await sim(c), 'after');
        const made = await server.gql(create, { name: `What-if ${i}`, p: c });
        expect(made.data!.createPolicyVersion.userErrors).toEqual([]);
        expect((await server.gql(activate, { id: made.data!.createPolicyVersion.policyVersion.id })).data!.activatePolicyVersion.userErrors).toEqual([]);
        expect(side(await sim({}), 'before'), JSON.stringify(c)).toEqual(predicted);
        expect((await server.gql(activate, { id: original.id })).data!.activatePolicyVersion.userErrors).toEqual([]);
      }
    } finally {
      await server.gql(activate, { id: original.id });
    }
  });
});
