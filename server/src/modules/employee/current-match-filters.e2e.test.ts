import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip, nationalAssessments, standard } from '../../testing/fixtures';
import type { DatasetEmployee } from '../dataset/dataset.schema';

/**
 * The filters and aggregate dimensions on each employee's match in their own
 * position (currentCategory, talentBox, JP shortfall, JPM_CATEGORY and
 * TALENT_BOX) against the per-employee fields computed by the matching
 * module: the two must never disagree.
 */
let server: TestServer;
const nips: Record<string, string> = {};
const year = 2024;

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.competencies!.push({ code: 'TEK', name: 'Keperawatan Klinis', type: 'TECHNICAL' });
  const position = (code: string, unit: string, kind: 'ADMINISTRATOR' | 'PENGAWAS' | 'FUNGSIONAL_KEAHLIAN' | 'PELAKSANA', quota: number,
    requirements: { competency: string; level: number }[], technicalWeight: number | null = null) => ({
    code, name: `Jabatan ${code}`, unit, kind, quota, minGrade: null, minEducation: null, maxAge: null, technicalWeight, requirements,
  });
  d.positions = [
    position('KABID', 'DINKES-YANKES', 'ADMINISTRATOR', 2, standard(3)),
    position('KASI', 'DINKES', 'PENGAWAS', 3, standard(3)),
    // 60/40 technical weight: TEK at 3 of 3 (100 %) and the nine at 2 of 3 (66.7 %) → 86.7, where the pooled ratio would be 70.
    position('AHLI', 'BKPSDM', 'FUNGSIONAL_KEAHLIAN', 1, [...standard(3), { competency: 'TEK', level: 3 }], 0.6),
    position('NOSTD', 'BKPSDM', 'PELAKSANA', 1, []),
  ];
  const emp = (key: string, unit: string, positionCode: string | null, levels: number[] | null, appraisal: ['ABOVE' | 'MEETS' | 'BELOW', 'ABOVE' | 'MEETS' | 'BELOW'] | null,
    extra: { competency: string; level: number }[] = []): DatasetEmployee => {
    nips[key] = fixtureNip();
    return {
      nip: nips[key]!, name: `Pegawai ${key}`, status: 'PNS', grade: 'III/b', education: 'S1', unit, position: positionCode,
      assessments: [...(levels ? nationalAssessments(levels) : []), ...extra.map((x) => ({ ...x, assessedAt: '2024-06-01', method: 'ASSESSMENT_CENTER' as const }))],
      appraisals: appraisal ? annualAppraisals(appraisal[0], appraisal[1]) : [],
    };
  };
  d.employees = [
    emp('optimal9', 'DINKES-YANKES', 'KABID', [3, 3, 2, 3, 3, 2, 3, 3, 3], ['ABOVE', 'ABOVE']), // 92.59 OPTIMAL, SANGAT_BAIK → 9
    emp('cukup5', 'DINKES', 'KASI', [3, 2, 2, 3, 3, 2, 2, 3, 3], ['MEETS', 'MEETS']), // 85.19 CUKUP_OPTIMAL, BAIK → 5
    emp('kurang2', 'DINKES', 'KASI', [2, 2, 2, 2, 2, 2, 2, 2, 2], ['ABOVE', 'MEETS']), // 66.67 KURANG_OPTIMAL, BAIK → 2
    emp('neverAssessed4', 'DINKES', 'KASI', null, ['ABOVE', 'ABOVE']), // 0 KURANG_OPTIMAL, SANGAT_BAIK → 4
    emp('unappraised', 'DINKES-YANKES', 'KABID', [3, 3, 3, 3, 3, 3, 3, 3, 3], null), // 100 OPTIMAL, no box
    emp('weighted', 'BKPSDM', 'AHLI', [2, 2, 2, 2, 2, 2, 2, 2, 2], ['BELOW', 'BELOW'], [{ competency: 'TEK', level: 3 }]), // 86.67 CUKUP, → 3
    emp('unplaced', 'BKPSDM', null, [3, 3, 3, 3, 3, 3, 3, 3, 3], ['ABOVE', 'ABOVE']),
    emp('noStandard', 'BKPSDM', 'NOSTD', [3, 3, 3, 3, 3, 3, 3, 3, 3], ['ABOVE', 'ABOVE']),
  ];
  d.trainings = [
    { code: 'PLT-A', title: 'Pelatihan A', form: 'KLASIKAL', type: 'WORKSHOP', hours: 12, competencies: ['KOM'] },
    { code: 'PLT-B', title: 'Pelatihan B', form: 'NON_KLASIKAL', type: 'E_LEARNING', hours: 8, competencies: ['KOM'] },
  ];
  const done = (key: string, training: string, completedAt: string) => ({ nip: nips[key]!, training, startedAt: completedAt, completedAt, status: 'COMPLETED' as const });
  d.participations = [
    done('optimal9', 'PLT-A', '2024-03-01'), done('optimal9', 'PLT-B', '2024-05-01'), // 20 JP: met
    done('cukup5', 'PLT-A', '2024-03-01'), // 12 JP: short
    done('kurang2', 'PLT-A', '2023-12-20'), done('kurang2', 'PLT-B', '2024-01-05'), // 8 JP in 2024: short
  ];
  const r = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(r.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

const LIST = `query($where: EmployeeWhere) { employees(first: 100, where: $where) { totalCount nodes { nip currentMatch { jpm category } talentBox } } }`;
type Listed = { nip: string; currentMatch: { jpm: number; category: string } | null; talentBox: number | null };

async function list(where: unknown): Promise<Listed[]> {
  const r = await server.gql(LIST, { where });
  expect(r.errors).toBeUndefined();
  const conn = r.data!.employees as { totalCount: number; nodes: Listed[] };
  expect(conn.totalCount).toBe(conn.nodes.length);
  return conn.nodes;
}
const keysOf = (rows: Listed[]) => rows.map((r) => Object.entries(nips).find(([, nip]) => nip === r.nip)![0]).sort();

describe('EmployeeWhere.currentCategory', () => {
  it('selects by the category in the current position, the weighted formula included', async () => {
    expect(keysOf(await list({ currentCategory: { eq: 'OPTIMAL' } }))).toEqual(['optimal9', 'unappraised']);
    expect(keysOf(await list({ currentCategory: { eq: 'CUKUP_OPTIMAL' } }))).toEqual(['cukup5', 'weighted']);
    expect(keysOf(await list({ currentCategory: { in: ['KURANG_OPTIMAL'] } }))).toEqual(['kurang2', 'neverAssessed4']);
    expect(keysOf(await list({ currentCategory: { gte: 'CUKUP_OPTIMAL' } }))).toEqual(['cukup5', 'optimal9', 'unappraised', 'weighted']);
    expect(keysOf(await list({ currentCategory: { isNull: true } }))).toEqual(['noStandard', 'unplaced']);
    // ne keeps null semantics of a column: employees without a category are "not OPTIMAL" too.
    expect(keysOf(await list({ currentCategory: { ne: 'OPTIMAL' } }))).toHaveLength(6);
  });

  it('agrees with currentMatch.category for every employee, also inside not/or', async () => {
    const all = await list(null);
    for (const category of ['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL']) {
      const expected = all.filter((e) => e.currentMatch?.category === category).map((e) => e.nip).sort();
      expect((await list({ currentCategory: { eq: category } })).map((e) => e.nip).sort()).toEqual(expected);
      const others = all.filter((e) => e.currentMatch?.category !== category).map((e) => e.nip).sort();
      expect((await list({ not: { currentCategory: { eq: category } } })).map((e) => e.nip).sort()).toEqual(others);
    }
    const weighted = all.find((e) => e.nip === nips.weighted)!;
    expect(weighted.currentMatch!.jpm).toBeCloseTo(86.667, 3);
  });

  it('follows the active policy\'s thresholds (the legacy 80/68 scheme)', async () => {
    const created = await server.gql(`mutation { createPolicyVersion(name: "Legacy 80/68", parameters: { jpmOptimal: 80, jpmAdequate: 68 }) { policyVersion { id } userErrors { message } } }`);
    expect(created.data!.createPolicyVersion.userErrors).toEqual([]);
    const id = created.data!.createPolicyVersion.policyVersion.id as string;
    const activated = await server.gql(`mutation($id: ID!) { activatePolicyVersion(id: $id) { userErrors { message } } }`, { id });
    expect(activated.data!.activatePolicyVersion.userErrors).toEqual([]);
    try {
      expect(keysOf(await list({ currentCategory: { eq: 'OPTIMAL' } }))).toEqual(['cukup5', 'optimal9', 'unappraised', 'weighted']);
      expect(keysOf(await list({ currentCategory: { eq: 'KURANG_OPTIMAL' } }))).toEqual(['kurang2', 'neverAssessed4']);
      // 66.67 is below 68: still KURANG_OPTIMAL, box 2; cukup5 becomes OPTIMAL with BAIK: box 8.
      expect(keysOf(await list({ talentBox: { eq: 8 } }))).toEqual(['cukup5']);
      const all = await list(null);
      for (const e of all) {
        if (e.talentBox === null) continue;
        expect(keysOf(await list({ and: [{ talentBox: { eq: e.talentBox } }, { nip: { eq: e.nip } }] }))).toHaveLength(1);
      }
    } finally {
      const versions = await server.gql(`{ policyVersions { id version } }`);
      const first = (versions.data!.policyVersions as { id: string; version: number }[]).sort((a, b) => a.version - b.version)[0]!;
      const back = await server.gql(`mutation($id: ID!) { activatePolicyVersion(id: $id) { userErrors { message } } }`, { id: first.id });
      expect(back.data!.activatePolicyVersion.userErrors).toEqual([]);
    }
  });
});

describe('EmployeeWhere.talentBox', () => {
  it('selects by 9-box and agrees with the talentBox field', async () => {
    expect(keysOf(await list({ talentBox: { eq: 9 } }))).toEqual(['optimal9']);
    expect(keysOf(await list({ talentBox: { in: [2, 3, 4, 5] } }))).toEqual(['cukup5', 'kurang2', 'neverAssessed4', 'weighted']);
    expect(keysOf(await list({ talentBox: { gte: 7 } }))).toEqual(['optimal9']);
    const all = await list(null);
    for (let box = 1; box <= 9; box++) {
      const expected = all.filter((e) => e.talentBox === box).map((e) => e.nip).sort();
      expect((await list({ talentBox: { eq: box } })).map((e) => e.nip).sort()).toEqual(expected);
    }
  });

  it('combines with other conditions (unit subtree)', async () => {
    expect(keysOf(await list({ and: [{ unitSubtreeOfCode: 'DINKES' }, { talentBox: { lte: 5 } }] }))).toEqual(['cukup5', 'kurang2', 'neverAssessed4']);
  });

  it('with currentCategory in the same where object (one match set for both): the intersection, also under not', async () => {
    const all = await list({});
    const inBoth = (category: string, maxBox: number) => all.filter((e) => e.currentMatch?.category === category && e.talentBox !== null && e.talentBox <= maxBox);
    for (const [category, maxBox] of [['CUKUP_OPTIMAL', 5], ['KURANG_OPTIMAL', 4], ['OPTIMAL', 9], ['OPTIMAL', 8]] as const) {
      const expected = inBoth(category, maxBox).map((e) => e.nip).sort();
      const joint = await list({ currentCategory: { eq: category }, talentBox: { lte: maxBox } });
      expect(joint.map((e) => e.nip).sort()).toEqual(expected);
      const separate = await list({ and: [{ currentCategory: { eq: category } }, { talentBox: { lte: maxBox } }] });
      expect(separate.map((e) => e.nip).sort()).toEqual(expected);
      const negated = await list({ not: { currentCategory: { eq: category }, talentBox: { lte: maxBox } } });
      expect(negated.map((e) => e.nip).sort()).toEqual(all.map((e) => e.nip).filter((n) => !expected.includes(n)).sort());
    }
    expect(keysOf(await list({ currentCategory: { eq: 'CUKUP_OPTIMAL' }, talentBox: { lte: 5 } }))).toEqual(['cukup5', 'weighted']);
  });
});

describe('currentCategory and talentBox beside column conditions (the match set computed only for the employees those leave)', () => {
  const columns: Record<string, unknown>[] = [
    { unitSubtreeOfCode: 'DINKES' },
    { unitSubtreeOfCode: 'BKPSDM', grade: { gte: 'III_A' } },
    // null for the unplaced: the where object is null there, not false, also under not.
    { positionKind: { eq: 'PELAKSANA' } },
    { positionKind: { ne: 'PENGAWAS' }, name: { contains: 'Pegawai' } },
  ];
  const matches: Record<string, unknown>[] = [
    { currentCategory: { eq: 'KURANG_OPTIMAL' } },
    { currentCategory: { isNull: true } },
    { currentCategory: { ne: 'OPTIMAL' }, talentBox: { lte: 5 } },
    { talentBox: { eq: null } },
    { currentCategory: { isNull: false }, talentBox: { ne: 9 } },
  ];

  it('gives what the conditions give in separate and members, also under not', async () => {
    const nipsOf = async (where: unknown) => (await list(where)).map((e) => e.nip).sort();
    for (const column of columns) {
      for (const match of matches) {
        const separate = Object.entries({ ...column, ...match }).map(([k, v]) => ({ [k]: v }));
        expect(await nipsOf({ ...column, ...match }), JSON.stringify({ column, match })).toEqual(await nipsOf({ and: separate }));
        expect(await nipsOf({ not: { ...column, ...match } }), JSON.stringify({ not: { column, match } })).toEqual(await nipsOf({ not: { and: separate } }));
      }
    }
    expect(keysOf(await list({ unitSubtreeOfCode: 'DINKES', currentCategory: { ne: 'OPTIMAL' }, talentBox: { lte: 5 } }))).toEqual(['cukup5', 'kurang2', 'neverAssessed4']);
    expect(keysOf(await list({ unitSubtreeOfCode: 'BKPSDM', grade: { gte: 'III_A' }, currentCategory: { isNull: true } }))).toEqual(['noStandard', 'unplaced']);
    expect(keysOf(await list({ not: { positionKind: { eq: 'PELAKSANA' }, currentCategory: { isNull: true } } }))).toEqual(
      ['cukup5', 'kurang2', 'neverAssessed4', 'optimal9', 'unappraised', 'weighted'],
    );
  });
});

describe('totalCount of a list filtered by the current match (counted in the page statement)', () => {
  it('counts every match whichever page is read, an empty page past the end and last-paging included', async () => {
    const PAGE = `query($where: EmployeeWhere, $first: Int, $after: String, $last: Int) {
      employees(first: $first, after: $after, last: $last, where: $where) { totalCount nodes { nip } pageInfo { hasNextPage endCursor } } }`;
    type Page = { totalCount: number; nodes: { nip: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const page = async (variables: Record<string, unknown>): Promise<Page> => {
      const r = await server.gql(PAGE, { where: { currentCategory: { isNull: false } }, ...variables });
      expect(r.errors).toBeUndefined();
      return r.data!.employees as Page;
    };
    const first = await page({ first: 4 });
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    expect(first.nodes).toHaveLength(4);
    const second = await page({ first: 4, after: first.pageInfo.endCursor });
    expect(second).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
    expect(second.nodes).toHaveLength(2);
    const past = await page({ first: 4, after: second.pageInfo.endCursor });
    expect(past).toMatchObject({ totalCount: 6, nodes: [] });
    const last = await page({ last: 2 });
    expect(last.totalCount).toBe(6);
    expect(last.nodes.map((n) => n.nip)).toEqual(second.nodes.map((n) => n.nip));
    expect((await page({ first: 2, where: { not: { talentBox: { gte: 1 } } } })).totalCount).toBe(3);
  });
});

describe('DevelopmentHoursCondition.belowRequirement', () => {
  it('selects employees short of the policy\'s annual JP, agreeing with developmentHoursShortfall', async () => {
    const r = await server.gql(`query($where: EmployeeWhere, $year: Int!) { employees(first: 100, where: $where) { nodes { nip developmentHoursShortfall(year: $year) } } }`,
      { where: { developmentHours: { year, belowRequirement: true } }, year });
    expect(r.errors).toBeUndefined();
    const short = r.data!.employees.nodes as { nip: string; developmentHoursShortfall: number }[];
    expect(short).toHaveLength(7);
    expect(short.every((e) => e.developmentHoursShortfall > 0)).toBe(true);
    expect(short.find((e) => e.nip === nips.cukup5)!.developmentHoursShortfall).toBe(8);
    expect(short.find((e) => e.nip === nips.kurang2)!.developmentHoursShortfall).toBe(12);
    expect(keysOf(await list({ developmentHours: { year, belowRequirement: false } }))).toEqual(['optimal9']);
  });
});

const AGG = `query($groupBy: [EmployeeGroupKey!]!, $where: EmployeeWhere) {
  employeeAggregate(groupBy: $groupBy, where: $where) { group { key value } headcount } }`;
type AggRow = { group: { key: string; value: string }[]; headcount: number };

describe('employeeAggregate by JPM_CATEGORY and TALENT_BOX', () => {
  it('counts employees per category (NONE for the rest), best first', async () => {
    const r = await server.gql(AGG, { groupBy: ['JPM_CATEGORY'] });
    expect(r.errors).toBeUndefined();
    expect((r.data!.employeeAggregate as AggRow[]).map((x) => [x.group[0]!.value, x.headcount])).toEqual([
      ['OPTIMAL', 2], ['CUKUP_OPTIMAL', 2], ['KURANG_OPTIMAL', 2], ['NONE', 2],
    ]);
  });

  it('counts boxes, combined with another dimension and a where filter', async () => {
    const r = await server.gql(AGG, { groupBy: ['TALENT_BOX'] });
    expect((r.data!.employeeAggregate as AggRow[]).map((x) => [x.group[0]!.value, x.headcount])).toEqual([
      ['2', 1], ['3', 1], ['4', 1], ['5', 1], ['9', 1], ['NONE', 3],
    ]);
    const byUnit = await server.gql(AGG, { groupBy: ['UNIT', 'JPM_CATEGORY'], where: { unitSubtreeOfCode: 'DINKES' } });
    expect(byUnit.errors).toBeUndefined();
    expect((byUnit.data!.employeeAggregate as AggRow[]).map((x) => [x.group[0]!.value, x.group[1]!.value, x.headcount])).toEqual([
      ['DINKES', 'CUKUP_OPTIMAL', 1], ['DINKES', 'KURANG_OPTIMAL', 2], ['DINKES-YANKES', 'OPTIMAL', 2],
    ]);
  });
});

const SHORT = `query($byUnit: Boolean, $units: [String!], $competencies: [String!], $mostRequired: Int, $where: EmployeeWhere) {
  competencyShortfalls(byUnit: $byUnit, units: $units, competencies: $competencies, mostRequired: $mostRequired, where: $where, asOf: "2025-01-01") {
    unit { code } competency { code } holders assessed meanShortfall shortfallShare meanRequired } }`;
type ShortRow = { unit: { code: string } | null; competency: { code: string }; holders: number; assessed: number; meanShortfall: number; shortfallShare: number; meanRequired: number };

describe('competencyShortfalls', () => {
  it('gives the mean shortfall per competency over the holders of positions requiring it', async () => {
    const r = await server.gql(SHORT, { competencies: ['KOM', 'TEK'] });
    expect(r.errors).toBeUndefined();
    const rows = r.data!.competencyShortfalls as ShortRow[];
    // KOM (3 everywhere): optimal9 2→1, cukup5 2→1, kurang2 2→1, neverAssessed4 0→3, unappraised 3→0, weighted 2→1.
    const kom = rows.find((x) => x.competency.code === 'KOM')!;
    expect(kom).toMatchObject({ unit: null, holders: 6, assessed: 5, meanRequired: 3 });
    expect(kom.meanShortfall).toBeCloseTo(7 / 6, 9);
    expect(kom.shortfallShare).toBeCloseTo(5 / 6, 9);
    expect(rows.find((x) => x.competency.code === 'TEK')).toMatchObject({ holders: 1, assessed: 1, meanShortfall: 0, shortfallShare: 0 });
  });

  it('rolls units up their subtree, limited to the given units and the most-required competencies', async () => {
    const r = await server.gql(SHORT, { byUnit: true, units: ['PEMKO', 'DINKES'], mostRequired: 1, competencies: ['KOM', 'TEK'] });
    expect(r.errors).toBeUndefined();
    const rows = r.data!.competencyShortfalls as ShortRow[];
    expect(rows.map((x) => [x.unit!.code, x.competency.code, x.holders])).toEqual([['DINKES', 'KOM', 5], ['PEMKO', 'KOM', 6]]);
    expect(rows[0]!.meanShortfall).toBeCloseTo(6 / 5, 9);
  });

  it('refuses an out-of-range mostRequired', async () => {
    const r = await server.gql(SHORT, { mostRequired: 0 });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('PositionWhere.unitSubtreeOfCode', () => {
  it('lists the positions of a unit subtree by code', async () => {
    const r = await server.gql(`query($code: String!) { positions(first: 50, where: { unitSubtreeOfCode: $code }, orderBy: [{ field: CODE }]) { nodes { code } } }`, { code: 'DINKES' });
    expect(r.errors).toBeUndefined();
    expect((r.data!.positions.nodes as { code: string }[]).map((p) => p.code)).toEqual(['KABID', 'KASI']);
    const none = await server.gql(`{ positions(first: 5, where: { unitSubtreeOfCode: "NOPE" }) { totalCount } }`);
    expect(none.data!.positions.totalCount).toBe(0);
  });
});
