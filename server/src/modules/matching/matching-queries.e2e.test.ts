import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import { toGlobalId } from '../../graphql/node';
import type { Dataset, DatasetEmployee } from '../dataset/dataset.schema';

/**
 * The matching read API beyond the worked examples: best positions, single
 * matches and their errors, successors from the talent pool, the unit filter,
 * pagination, and the SQL statement budget of a candidate list.
 */
let server: TestServer;
const AS_OF = '2025-01-01';
const FILLERS = 20;
const nip = {
  s9: fixtureNip(), s8: fixtureNip(), s7: fixtureNip(), s5: fixtureNip(), s6: fixtureNip(), u: fixtureNip(),
  fillers: Array.from({ length: FILLERS }, () => fixtureNip('1990-02-01')),
};
const all9 = (level: number): number[] => Array.from({ length: 9 }, () => level);
const CUKUP = [3, 2, 2, 3, 3, 2, 2, 3, 3]; // 23/27 = 85.19 against standard 3

type PositionRow = NonNullable<Dataset['positions']>[number];
const pos = (code: string, unit: string, level: number | null, quota = 1): PositionRow => ({
  code, name: `Jabatan ${code}`, unit, kind: 'ADMINISTRATOR', quota, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null,
  requirements: level === null ? [] : standard(level),
});

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.positions = [
    pos('ADM-1', 'BKPSDM', 3), pos('FULL', 'DINKES', 2), pos('ADM-P', 'DINKES-YANKES', 3), pos('ADM-Q', 'DINKES', 3),
    pos('ADM-R', 'DINKES', 3), pos('VAC', 'BKPSDM', 3, 2), pos('VAC2', 'DINKES', 4), pos('NOSTD', 'PEMKO', null),
  ];
  const emp = (n: string, name: string, unit: string, position: string | null, levels: number[], appraisals: DatasetEmployee['appraisals']): DatasetEmployee => ({
    nip: n, name, status: 'PNS', grade: 'III/d', education: 'S1', unit, position, assessments: nationalAssessments(levels), appraisals,
  });
  d.employees = [
    emp(nip.s9, 'Box 9', 'BKPSDM', 'ADM-1', all9(3), annualAppraisals('ABOVE', 'ABOVE')),
    emp(nip.s8, 'Box 8', 'DINKES', 'FULL', all9(2), annualAppraisals('MEETS', 'MEETS')),
    emp(nip.s7, 'Box 7', 'DINKES-YANKES', 'ADM-P', CUKUP, annualAppraisals('ABOVE', 'ABOVE')),
    emp(nip.s5, 'Box 5', 'DINKES', 'ADM-Q', CUKUP, annualAppraisals('MEETS', 'MEETS')),
    emp(nip.s6, 'Box 6', 'DINKES', 'ADM-R', all9(3), annualAppraisals('BELOW', 'MEETS')),
    emp(nip.u, 'Unplaced', 'DINKES-YANKES', null, all9(3), annualAppraisals('ABOVE', 'ABOVE')),
    ...nip.fillers.map((n, i) => emp(n, `Filler ${i + 1}`, 'BKPSDM', null, all9(1.5 + (i % 4) * 0.5), annualAppraisals('MEETS', i % 3 ? 'MEETS' : 'BELOW'))),
  ];
  const res = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(res.errors).toBeUndefined();
  expect(res.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

async function ids(kind: 'position' | 'unit', codes: string[]): Promise<string[]> {
  const r = await server.gql<Record<string, { id: string }>>(`query { ${codes.map((c, i) => `x${i}: ${kind}(code: "${c}") { id }`).join(' ')} }`);
  expect(r.errors).toBeUndefined();
  return codes.map((_, i) => r.data![`x${i}`]!.id);
}

interface Node { rank: number; jpm: number; employee: { nip: string } }
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  nodes: Node[];
}

describe('Employee.bestPositions', () => {
  const Q = `query($n: String!, $v: Boolean, $asOf: String) { employee(nip: $n) {
    bestPositions(vacantOnly: $v, asOf: $asOf, first: 50) { totalCount nodes { rank jpm eligible position { code } } } } }`;
  type Best = { employee: { bestPositions: { totalCount: number; nodes: { rank: number; jpm: number; eligible: boolean; position: { code: string } }[] } } };

  it('lists vacant positions with a standard by JPM, skipping full ones and positions without a standard', async () => {
    const r = await server.gql<Best>(Q, { n: nip.u, v: true, asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    const b = r.data!.employee.bestPositions;
    expect(b.nodes.map((n) => n.position.code)).toEqual(['VAC', 'VAC2']);
    expect(b.nodes.map((n) => n.jpm)).toEqual([100, 75]);
    expect(b.nodes.map((n) => n.rank)).toEqual([1, 2]);
    expect(b.totalCount).toBe(2);
  });

  it('with vacantOnly: false covers every position with a standard except the employee\'s own', async () => {
    const u = (await server.gql<Best>(Q, { n: nip.u, v: false, asOf: AS_OF })).data!.employee.bestPositions;
    expect(u.totalCount).toBe(7);
    expect(u.nodes).toHaveLength(7);
    expect(u.nodes.at(-1)!.position.code).toBe('VAC2');
    const s9 = (await server.gql<Best>(Q, { n: nip.s9, v: false, asOf: AS_OF })).data!.employee.bestPositions;
    expect(s9.nodes.map((n) => n.position.code)).not.toContain('ADM-1');
    expect(s9.totalCount).toBe(6);
    expect(s9.nodes).toHaveLength(6);
  });
});

describe('Employee.match', () => {
  const Q = `query($n: String!, $p: ID!, $asOf: String) { employee(nip: $n) { match(position: $p, asOf: $asOf) { jpm category eligible position { code } } } }`;

  it('scores one employee against one position', async () => {
    const [vac] = await ids('position', ['VAC']);
    const r = await server.gql<{ employee: { match: { jpm: number; category: string; eligible: boolean; position: { code: string } } } }>(Q, { n: nip.s7, p: vac, asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    expect(r.data!.employee.match.jpm).toBeCloseTo((100 * 23) / 27, 9);
    expect(r.data!.employee.match).toMatchObject({ category: 'CUKUP_OPTIMAL', eligible: true, position: { code: 'VAC' } });
  });

  it('answers a clear BAD_USER_INPUT error for a malformed id, an id of another type, an unknown position and one without a standard', async () => {
    const [unit] = await ids('unit', ['DINKES']);
    const [noStd] = await ids('position', ['NOSTD']);
    const cases: [string, RegExp][] = [
      ['garbage', /Argument "position" is not a valid Position id/],
      [unit!, /Argument "position" is not a valid Position id/],
      [toGlobalId('Position', 987_654), /does not exist or has no competency standard/],
      [noStd!, /does not exist or has no competency standard/],
    ];
    for (const [p, message] of cases) {
      const r = await server.gql(Q, { n: nip.u, p, asOf: AS_OF });
      expect(r.errors, p).toHaveLength(1);
      expect(r.errors![0]!.message).toMatch(message);
      expect(r.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Position.successors', () => {
  const Q = `query($c: String!, $asOf: String) { position(code: $c) { successors(asOf: $asOf, first: 50) {
    totalCount nodes { rank jpm eligible employee { nip talentBox(asOf: $asOf) } } } } }`;
  type Succ = { position: { successors: { totalCount: number; nodes: { rank: number; jpm: number; employee: { nip: string; talentBox: number } }[] } } };

  it('lists only talent-pool members (boxes 7, 8, 9), ranked for the position', async () => {
    const r = await server.gql<Succ>(Q, { c: 'VAC', asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    const s = r.data!.position.successors;
    // Against standard 3: box 9 at 100, box 7 at 85.19, box 8 (levels 2) at 66.67; boxes 5 and 6 and the unplaced employee are out.
    expect(s.nodes.map((n) => n.employee.nip)).toEqual([nip.s9, nip.s7, nip.s8]);
    expect(s.nodes.map((n) => n.employee.talentBox)).toEqual([9, 7, 8]);
    expect(s.totalCount).toBe(3);
  });

  it('excludes the position\'s own holder', async () => {
    const s = (await server.gql<Succ>(Q, { c: 'ADM-1', asOf: AS_OF })).data!.position.successors;
    expect(s.nodes.map((n) => n.employee.nip)).toEqual([nip.s7, nip.s8]);
  });
});

describe('Position.candidates', () => {
  const Q = `query($c: String!, $asOf: String, $unit: ID, $sub: Boolean, $first: Int, $after: String) { position(code: $c) {
    candidates(asOf: $asOf, eligibleOnly: false, minCategory: KURANG_OPTIMAL, unit: $unit, includeSubunits: $sub, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { rank jpm employee { nip } } } } }`;
  const page = async (vars: Record<string, unknown>): Promise<Page> => {
    const r = await server.gql<{ position: { candidates: Page } }>(Q, { c: 'VAC', asOf: AS_OF, first: 100, ...vars });
    expect(r.errors).toBeUndefined();
    return r.data!.position.candidates;
  };

  it('restricts to a unit, with or without its subunits', async () => {
    const [dinkes] = await ids('unit', ['DINKES']);
    const withSub = await page({ unit: dinkes, sub: true });
    expect(withSub.nodes.map((n) => n.employee.nip).sort()).toEqual([nip.s8, nip.s5, nip.s6, nip.s7, nip.u].sort());
    expect(withSub.totalCount).toBe(5);
    const only = await page({ unit: dinkes, sub: false });
    expect(only.nodes.map((n) => n.employee.nip).sort()).toEqual([nip.s8, nip.s5, nip.s6].sort());
    expect(only.totalCount).toBe(3);
    // Same relative order as the unfiltered ranking.
    const everyone = (await page({})).nodes.map((n) => n.employee.nip);
    const inUnit = new Set(withSub.nodes.map((n) => n.employee.nip));
    expect(withSub.nodes.map((n) => n.employee.nip)).toEqual(everyone.filter((n) => inUnit.has(n)));
  });

  it('pages with first/after through the same ranking, with totalCount on every page', async () => {
    const full = await page({});
    expect(full.totalCount).toBe(6 + FILLERS);
    expect(full.nodes).toHaveLength(6 + FILLERS);
    const seen: Node[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p: Page = await page({ first: 7, after });
      pages++;
      expect(p.totalCount).toBe(full.totalCount);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...p.nodes);
      if (!p.pageInfo.hasNextPage) break;
      expect(p.nodes).toHaveLength(7);
      after = p.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(full.totalCount / 7));
    expect(seen).toEqual(full.nodes);
    expect(seen.map((n) => n.rank)).toEqual(seen.map((_, i) => i + 1));
  });

  it('runs the same small number of SQL statements for 1 or 26 candidates, explanations included', async () => {
    const heavy = `query($first: Int, $asOf: String) { position(code: "VAC") {
      candidates(asOf: $asOf, eligibleOnly: false, minCategory: KURANG_OPTIMAL, first: $first) { totalCount nodes {
        rank jpm category eligible ineligibility { rule } gaps { competency { code } shortfall } missingCompetencies { code }
        employee { nip name unit { code } position { code } talentBox(asOf: $asOf) } position { code } } } } }`;
    const counts: number[] = [];
    for (const first of [1, 5, 26]) {
      const r = await server.gql<{ position: { candidates: { nodes: unknown[] } } }>(heavy, { first, asOf: AS_OF });
      expect(r.errors).toBeUndefined();
      expect(r.data!.position.candidates.nodes).toHaveLength(first);
      counts.push(r.extensions!.sqlStatements!);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(20);
  });
});
