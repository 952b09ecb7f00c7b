import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import type { DatasetEmployee } from '../dataset/dataset.schema';
import type { Education, Grade } from '../../domain/enums';

/**
 * domain.md §10 examples 1–3 and 5, the ranking tie-breaks and every
 * ineligibility rule, through the API on a small imported fixture.
 */
let server: TestServer;
const AS_OF = '2025-01-01';
const nip = {
  ex1: fixtureNip(), ex2: fixtureNip(), ex3: fixtureNip(), box4: fixtureNip(),
  // tie-break candidates for VACANT: all JPM 25/27 except where noted
  tieBetterPredicate: fixtureNip(), tieTotal: fixtureNip(), tieMax: fixtureNip(), tieMaxB: fixtureNip(), tieNipA: fixtureNip(), tieNipB: fixtureNip(),
  lowGrade: fixtureNip(), lowEducation: fixtureNip(), weak: fixtureNip(), noHistory: fixtureNip('1960-01-10'),
};

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.positions = [
    { code: 'ADM-1', name: 'Kepala Bidang Pelayanan Kesehatan', unit: 'DINKES-YANKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'ADM-2', name: 'Kepala Bidang Sumber Daya Kesehatan', unit: 'DINKES', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'PGW-1', name: 'Kepala Seksi Pelayanan Primer', unit: 'DINKES-YANKES', kind: 'PENGAWAS', quota: 1, minGrade: 'III/b', minEducation: 'D3', maxAge: null, technicalWeight: null, requirements: standard(2) },
    { code: 'ADM-3', name: 'Kepala Bidang Pengembangan Kompetensi', unit: 'BKPSDM', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null, requirements: standard(3) },
    { code: 'VACANT', name: 'Kepala Bidang Penilaian Kinerja', unit: 'BKPSDM', kind: 'ADMINISTRATOR', quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: 58, technicalWeight: null, requirements: standard(3) },
  ];
  const emp = (n: string, name: string, position: string | null, levels: number[], appraisals: ReturnType<typeof annualAppraisals>, extra: { grade?: Grade; education?: Education } = {}): DatasetEmployee => ({
    nip: n, name, status: 'PNS', grade: extra.grade ?? 'III/d', education: extra.education ?? 'S1', unit: 'DINKES', position,
    assessments: nationalAssessments(levels), appraisals,
  });
  d.employees = [
    emp(nip.ex1, 'Example One', 'ADM-1', [3, 3, 2, 3, 3, 2, 3, 3, 3], annualAppraisals('ABOVE', 'ABOVE')),
    emp(nip.ex2, 'Example Two', 'ADM-2', [3, 2, 2, 3, 3, 2, 2, 3, 3], annualAppraisals('ABOVE', 'MEETS')),
    emp(nip.ex3, 'Example Three', 'PGW-1', [3, 3, 3, 3, 3, 3, 3, 3, 3], annualAppraisals('MEETS', 'MEETS')),
    // 18.9 / 27 = 70 → KURANG_OPTIMAL; with SANGAT_BAIK → box 4
    emp(nip.box4, 'Box Four', 'ADM-3', [2.1, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1], annualAppraisals('ABOVE', 'ABOVE')),
    // Σ 25 each (92.59): predicate decides first, then total shortfall, then largest shortfall, then NIP
    emp(nip.tieBetterPredicate, 'Tie Predicate', null, [3, 3, 2, 3, 3, 2, 3, 3, 3], annualAppraisals('ABOVE', 'ABOVE')),
    // shortfall (total, max): Tie Max (2, 1) < Tie Max B (2, 1.5) < NIP pair (2.5, 2) < Tie Total (4, 2)
    emp(nip.tieTotal, 'Tie Total', null, [4, 4, 2, 3, 3, 1, 3, 2, 3], annualAppraisals('ABOVE', 'MEETS')),
    emp(nip.tieMax, 'Tie Max', null, [3, 3, 2, 3, 3, 2, 3, 3, 3], annualAppraisals('ABOVE', 'MEETS')),
    emp(nip.tieMaxB, 'Tie Max B', null, [3, 3, 1.5, 3, 3, 2.5, 3, 3, 3], annualAppraisals('ABOVE', 'MEETS')),
    emp(nip.tieNipA, 'Tie Nip A', null, [3.5, 3, 2.5, 3, 3, 1, 3, 3, 3], annualAppraisals('ABOVE', 'MEETS')),
    emp(nip.tieNipB, 'Tie Nip B', null, [3.5, 3, 2.5, 3, 3, 1, 3, 3, 3], annualAppraisals('ABOVE', 'MEETS')),
    // ineligible but strong
    emp(nip.lowGrade, 'Low Grade', null, [3, 3, 3, 3, 3, 3, 3, 3, 3], annualAppraisals('ABOVE', 'ABOVE'), { grade: 'III/a' }),
    emp(nip.lowEducation, 'Low Education', null, [3, 3, 3, 3, 3, 3, 3, 3, 3], annualAppraisals('ABOVE', 'ABOVE'), { education: 'D3' }),
    emp(nip.weak, 'Weak Performer', null, [3, 3, 3, 3, 3, 3, 3, 3, 3], [...annualAppraisals('ABOVE', 'ABOVE', [2023]), ...annualAppraisals('MEETS', 'BELOW', [2024])]),
    emp(nip.noHistory, 'No History', null, [3, 3, 3, 3, 3, 3, 3, 3, 3], annualAppraisals('ABOVE', 'ABOVE', [2024])),
  ];
  const res = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(res.errors).toBeUndefined();
  expect(res.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

const MATCH = `jpm rawJpm category ikk eligible rank totalShortfall maxShortfall
  ineligibility { rule message } gaps { competency { code } required achieved gap shortfall } missingCompetencies { code }`;

describe('placement matching through the API', () => {
  it('example 1: 25/27 → 92.59 OPTIMAL with gaps KOM and PDO; AKPK = {KOM, PDO}; SANGAT_BAIK → box 9', async () => {
    const r = await server.gql(`query($nip: String!, $asOf: String) { employee(nip: $nip) {
      currentMatch(asOf: $asOf) { ${MATCH} } talentBox(asOf: $asOf) trainingNeeds(asOf: $asOf) { competency { code } shortfall } } }`, { nip: nip.ex1, asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    const m = r.data!.employee.currentMatch;
    expect(m.jpm).toBeCloseTo(92.5926, 3);
    expect(m.category).toBe('OPTIMAL');
    expect(m.ikk).toBeCloseTo(100 - 92.5926, 3);
    expect(m.gaps.filter((g: { gap: number }) => g.gap < 0).map((g: { competency: { code: string }; gap: number }) => [g.competency.code, g.gap]).sort())
      .toEqual([['KOM', -1], ['PDO', -1]]);
    // Recompute the jpm from the gaps list alone.
    const achieved = m.gaps.reduce((s: number, g: { achieved: number | null }) => s + (g.achieved ?? 0), 0);
    const required = m.gaps.reduce((s: number, g: { required: number }) => s + g.required, 0);
    expect(Math.min(100, (100 * achieved) / required)).toBeCloseTo(m.jpm, 9);
    expect(r.data!.employee.trainingNeeds.map((n: { competency: { code: string } }) => n.competency.code).sort()).toEqual(['KOM', 'PDO']);
    expect(r.data!.employee.talentBox).toBe(9);
  });

  it('example 2: 23/27 → 85.19 CUKUP_OPTIMAL; BAIK → box 5', async () => {
    const r = await server.gql(`query($nip: String!, $asOf: String) { employee(nip: $nip) { currentMatch(asOf: $asOf) { jpm category } talentBox(asOf: $asOf) } }`, { nip: nip.ex2, asOf: AS_OF });
    expect(r.data!.employee.currentMatch.jpm).toBeCloseTo(85.1852, 3);
    expect(r.data!.employee.currentMatch.category).toBe('CUKUP_OPTIMAL');
    expect(r.data!.employee.talentBox).toBe(5);
  });

  it('example 3: level 3 against standard 2 → raw 150, JPM 100, OPTIMAL, IKK 0', async () => {
    const r = await server.gql(`query($nip: String!, $asOf: String) { employee(nip: $nip) { currentMatch(asOf: $asOf) { jpm rawJpm category ikk } } }`, { nip: nip.ex3, asOf: AS_OF });
    expect(r.data!.employee.currentMatch).toEqual({ jpm: 100, rawJpm: 150, category: 'OPTIMAL', ikk: 0 });
  });

  it('example 5: SANGAT_BAIK with JPM 70 → box 4; the unit talent map counts boxes 9, 5 and 4', async () => {
    const r = await server.gql(`query($nip: String!, $asOf: String) { employee(nip: $nip) { currentMatch(asOf: $asOf) { jpm category } talentBox(asOf: $asOf) }
      unit(code: "DINKES") { talentMap(asOf: $asOf) { box count talentPool } } }`, { nip: nip.box4, asOf: AS_OF });
    expect(r.data!.employee.currentMatch.jpm).toBeCloseTo(70, 6);
    expect(r.data!.employee.talentBox).toBe(4);
    const map = Object.fromEntries(r.data!.unit.talentMap.map((b: { box: number; count: number }) => [b.box, b.count]));
    expect(map).toMatchObject({ 9: 1, 5: 1, 4: 1 });
    expect(r.data!.unit.talentMap.filter((b: { talentPool: boolean }) => b.talentPool).map((b: { box: number }) => b.box)).toEqual([7, 8, 9]);
  });

  it('ranks candidates by JPM, then predicate, total shortfall, largest shortfall, NIP; lists every ineligibility reason', async () => {
    const q = `query($asOf: String, $eligibleOnly: Boolean) { position(code: "VACANT") { candidates(asOf: $asOf, eligibleOnly: $eligibleOnly, first: 50) {
      totalCount nodes { rank employee { nip name } ${MATCH} } } } }`;
    const eligible = await server.gql(q, { asOf: AS_OF, eligibleOnly: true });
    expect(eligible.errors).toBeUndefined();
    const names = eligible.data!.position.candidates.nodes.map((n: { employee: { name: string } }) => n.employee.name);
    const byNip = (pairs: [string, string][]) => pairs.sort(([x], [y]) => (x < y ? -1 : 1)).map(([, name]) => name);
    expect(names).toEqual([
      'Example Three', // JPM 100 against standard 3
      ...byNip([[nip.ex1, 'Example One'], [nip.tieBetterPredicate, 'Tie Predicate']]), // 92.59, SANGAT_BAIK, equal shortfalls
      'Tie Max', 'Tie Max B', // 92.59, BAIK, total 2: largest shortfall 1 before 1.5
      ...byNip([[nip.tieNipA, 'Tie Nip A'], [nip.tieNipB, 'Tie Nip B']]), // total 2.5, identical: NIP decides
      'Tie Total', // total 4
      'Example Two', // 85.19 CUKUP_OPTIMAL
    ]);
    expect(eligible.data!.position.candidates.totalCount).toBe(names.length);
    expect(eligible.data!.position.candidates.nodes.map((n: { rank: number }) => n.rank)).toEqual(names.map((_: string, i: number) => i + 1));
    const all = await server.gql(q, { asOf: AS_OF, eligibleOnly: false });
    const byName = Object.fromEntries(all.data!.position.candidates.nodes.map((n: { employee: { name: string }; ineligibility: { rule: string }[] }) => [n.employee.name, n.ineligibility.map((x) => x.rule)]));
    expect(byName['Low Grade']).toEqual(['GRADE_BELOW_MINIMUM']);
    expect(byName['Low Education']).toEqual(['EDUCATION_BELOW_MINIMUM']);
    expect(byName['Weak Performer']).toEqual(['PERFORMANCE_BELOW_MINIMUM']);
    expect(byName['No History']).toEqual(['NO_PERFORMANCE_HISTORY', 'AGE_ABOVE_MAXIMUM']);
  });
});
