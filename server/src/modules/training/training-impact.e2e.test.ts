import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { baseDataset, fixtureNip, NATIONAL_CODES } from '../../testing/fixtures';
import { predicateOf } from '../../domain/predicate';
import { recommendationPolicy, trainingRule, Z95, type RuleWorld } from '../../domain/recommendation-rules';
import type { AppraisalRating } from '../../domain/enums';
import type { DatasetEmployee } from '../dataset/dataset.schema';

/**
 * Training.impact over HTTP on a small fixture whose figures are worked out
 * by hand next to each employee, checked again against the pure reference
 * (domain/recommendation-rules.ts trainingRule with thresholds that flag
 * everything) and, for the flagged training, against its recommendation.
 */
let server: TestServer;
const AS_OF = '2025-01-01';

type Level = [competency: string, level: number, assessedAt: string];
interface Person { nip: string; position: string; levels: Level[]; appraisals: [year: number, results: AppraisalRating, behaviour: AppraisalRating][] }
const steady: Person['appraisals'] = [[2023, 'MEETS', 'MEETS'], [2024, 'MEETS', 'MEETS']];

const positions = [
  { code: 'PLK-A', unit: 'DINKES-YANKES', requirements: [['KOM', 3], ['PP', 2]] },
  { code: 'PLK-B', unit: 'BKPSDM', requirements: [['KOM', 2]] },
  { code: 'PLK-X', unit: 'DINKES', requirements: [['INT', 1], ['KS', 1]] },
] as const;
const trainings = [
  { code: 'T-GOOD', competencies: ['KOM', 'PP'] },
  { code: 'T-BAD', competencies: ['KOM'] },
  { code: 'T-NOPOST', competencies: ['PB'] },
  { code: 'T-EMPTY', competencies: ['INT'] },
] as const;

const people: Record<string, Person> = {
  // T-GOOD participants, 2023-03-01 … 2023-03-05. p1: KOM 2 → 3, PP 2 → 2.5 (ΔC 0.75), BAIK → SANGAT_BAIK (ΔP +1).
  p1: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 2, '2023-01-10'], ['PP', 2, '2023-01-10'], ['KOM', 3, '2023-06-01'], ['PP', 2.5, '2023-06-01'], ['KOM', 3.5, '2024-03-01']],
    appraisals: [[2023, 'MEETS', 'MEETS'], [2024, 'ABOVE', 'ABOVE']] },
  // p2: KOM 1 → 2, PP never reassessed: ΔC 1 from KOM alone, ΔP 0.
  p2: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 1, '2023-01-10'], ['PP', 2, '2023-01-10'], ['KOM', 2, '2023-06-01']], appraisals: steady },
  // p3: no change (ΔC 0, ΔP 0).
  p3: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 3, '2023-01-10'], ['PP', 2, '2023-01-10'], ['KOM', 3, '2023-06-01'], ['PP', 2, '2023-06-01'], ['PB', 2, '2023-06-01']], appraisals: steady },
  // p4: never assessed after: not counted. p5: no annual appraisal after: not counted.
  p4: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 2, '2023-01-10']], appraisals: steady },
  p5: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 1, '2023-01-10'], ['KOM', 3, '2023-06-01']], appraisals: [[2023, 'MEETS', 'MEETS']] },
  // Comparison for T-GOOD (positions requiring KOM or PP, around 2023-03-01 … 2023-03-05): c1 ΔC 0.5, c2 mean(0, 0.5) = 0.25; ΔP 0.
  c1: { nip: fixtureNip(), position: 'PLK-B', levels: [['KOM', 1, '2022-12-01'], ['KOM', 1.5, '2023-06-01'], ['KOM', 2, '2024-03-01']], appraisals: steady },
  c2: { nip: fixtureNip(), position: 'PLK-A', levels: [['KOM', 2, '2022-12-01'], ['PP', 1, '2022-12-01'], ['KOM', 2, '2023-06-01'], ['PP', 1.5, '2023-06-01'], ['KOM', 2, '2024-03-01']],
    appraisals: steady },
  // Improves in KOM, but PLK-X does not require it: in no comparison group.
  x1: { nip: fixtureNip(), position: 'PLK-X', levels: [['KOM', 1, '2022-12-01'], ['KOM', 3, '2023-06-01'], ['KOM', 4, '2024-03-01']], appraisals: steady },
  // T-BAD participants, 2023-09-01 … 2023-09-05: KOM 2 → 2, 2.2, 1.8 (ΔC mean 0), ΔP 0: flagged.
  q1: { nip: fixtureNip(), position: 'PLK-X', levels: [['KOM', 2, '2023-08-01'], ['KOM', 2, '2024-03-01']], appraisals: steady },
  q2: { nip: fixtureNip(), position: 'PLK-X', levels: [['KOM', 2, '2023-08-01'], ['KOM', 2.2, '2024-03-01']], appraisals: steady },
  q3: { nip: fixtureNip(), position: 'PLK-X', levels: [['KOM', 2, '2023-08-01'], ['KOM', 1.8, '2024-03-01']], appraisals: steady },
};
const participations: { who: string; training: string; startedAt: string; completedAt: string }[] = [
  ...['p1', 'p2', 'p3', 'p4', 'p5'].map((who) => ({ who, training: 'T-GOOD', startedAt: '2023-03-01', completedAt: '2023-03-05' })),
  ...['q1', 'q2', 'q3'].map((who) => ({ who, training: 'T-BAD', startedAt: '2023-09-01', completedAt: '2023-09-05' })),
  // PB was assessed only before: no post value, so no impact.
  { who: 'p3', training: 'T-NOPOST', startedAt: '2024-01-10', completedAt: '2024-01-12' },
];

/** The same fixture as the pure reference's world (ids are indexes; only the training rule reads it). */
function world(): RuleWorld {
  const competencyId = (code: string) => NATIONAL_CODES.indexOf(code as (typeof NATIONAL_CODES)[number]) + 1;
  const positionId = (code: string) => positions.findIndex((p) => p.code === code) + 1;
  const keys = Object.keys(people);
  return {
    asOf: AS_OF,
    year: 2024,
    policy: recommendationPolicy({ trainingMinCompletions: 1, trainingMinDeltaCompetency: Number.POSITIVE_INFINITY, trainingMaxDeltaPredicate: Number.POSITIVE_INFINITY }),
    employees: keys.map((k, i) => ({
      id: i + 1, nip: people[k]!.nip, status: 'PNS', unitId: 1, positionId: positionId(people[k]!.position), grade: 'III/d', education: 'S1', birthDate: '1985-06-15',
      assessments: people[k]!.levels.map(([c, level, assessedAt]) => ({ competencyId: competencyId(c), level, assessedAt })),
      annual: people[k]!.appraisals.map(([y, r, b]) => ({ periodStart: `${y}-01-01`, predicate: predicateOf(r, b) })),
    })),
    positions: positions.map((p, i) => ({
      id: i + 1, code: p.code, unitId: 1, kind: 'PELAKSANA', quota: 10, technicalWeight: null, minGrade: null, minEducation: null, maxAge: null,
      requirements: p.requirements.map(([c, level]) => ({ competencyId: competencyId(c), level, technical: false })),
    })),
    trainings: trainings.map((t, i) => ({ id: i + 1, code: t.code, hours: 10, competencyIds: t.competencies.map(competencyId) })),
    participations: participations.map((p) => ({
      employeeId: keys.indexOf(p.who) + 1, trainingId: trainings.findIndex((t) => t.code === p.training) + 1, startedAt: p.startedAt, completedAt: p.completedAt, status: 'COMPLETED',
    })),
    stakeholderInputs: [],
  };
}

const IMPACT = `query($code: String!, $asOf: String) { training(code: $code) { code impact(asOf: $asOf) {
  n meanDeltaCompetency meanDeltaPredicate windowStart windowEnd comparisonN comparisonDeltaCompetency comparisonDeltaPredicate
  difference differencePredicate ciLow ciHigh competencies { competency { code } n meanBefore meanAfter delta } } } }`;
interface Impact {
  n: number; meanDeltaCompetency: number; meanDeltaPredicate: number; windowStart: string; windowEnd: string; comparisonN: number;
  comparisonDeltaCompetency: number | null; comparisonDeltaPredicate: number | null; difference: number | null; differencePredicate: number | null;
  ciLow: number | null; ciHigh: number | null; competencies: { competency: { code: string }; n: number; meanBefore: number; meanAfter: number; delta: number }[];
}
async function impact(code: string, asOf: string = AS_OF): Promise<Impact | null> {
  const r = await server.gql(IMPACT, { code, asOf });
  expect(r.errors).toBeUndefined();
  return r.data!.training.impact as Impact | null;
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.positions = positions.map((p) => ({
    code: p.code, name: `Jabatan ${p.code}`, unit: p.unit, kind: 'PELAKSANA', quota: 10, minGrade: null, minEducation: null, maxAge: null, technicalWeight: null,
    requirements: p.requirements.map(([competency, level]) => ({ competency, level })),
  }));
  d.trainings = trainings.map((t) => ({ code: t.code, title: `Pelatihan ${t.code}`, form: 'KLASIKAL', type: 'PELATIHAN', hours: 10, competencies: [...t.competencies] })) as typeof d.trainings;
  d.employees = Object.entries(people).map(([k, p]): DatasetEmployee => ({
    nip: p.nip, name: `Pegawai ${k}`, status: 'PNS', grade: 'III/d', education: 'S1', unit: positions.find((x) => x.code === p.position)!.unit, position: p.position,
    assessments: p.levels.map(([competency, level, assessedAt]) => ({ competency, level, assessedAt, method: 'ASSESSMENT_CENTER' as const })),
    appraisals: p.appraisals.map(([y, results, behaviour]) => ({ periodStart: `${y}-01-01`, period: 'ANNUAL' as const, results, behaviour })),
  }));
  d.participations = participations.map((p) => ({
    nip: people[p.who]!.nip, training: p.training, startedAt: p.startedAt, completedAt: p.completedAt, status: 'COMPLETED' as const, preTest: null, postTest: null,
  }));
  const res = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(res.errors).toBeUndefined();
  expect(res.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

describe('Training.impact over HTTP', () => {
  it('before/after, comparison group, difference-in-differences and its interval, as worked out by hand', async () => {
    const i = (await impact('T-GOOD'))!;
    const participants = [0.75, 1, 0];
    const comparison = [0.5, 0.25];
    const difference = mean(participants) - mean(comparison);
    const half = Z95 * Math.sqrt(variance(participants) / 3 + variance(comparison) / 2);
    expect(i).toMatchObject({ n: 3, windowStart: '2023-03-01', windowEnd: '2023-03-05', comparisonN: 2 });
    expect(i.meanDeltaCompetency).toBeCloseTo(1.75 / 3, 9);
    expect(i.meanDeltaPredicate).toBeCloseTo(1 / 3, 9);
    expect(i.comparisonDeltaCompetency).toBeCloseTo(0.375, 9);
    expect(i.comparisonDeltaPredicate).toBeCloseTo(0, 9);
    expect(i.difference).toBeCloseTo(1.75 / 3 - 0.375, 9);
    expect(i.differencePredicate).toBeCloseTo(1 / 3, 9);
    expect(i.ciLow).toBeCloseTo(difference - half, 9);
    expect(i.ciHigh).toBeCloseTo(difference + half, 9);
    // KOM over p1–p3: 2, 1, 3 → 3, 2, 3. PP only p1 and p3 have a pair: 2, 2 → 2.5, 2.
    expect(i.competencies.map((c) => c.competency.code)).toEqual(['KOM', 'PP']);
    const [kom, pp] = i.competencies;
    expect(kom).toMatchObject({ n: 3, meanBefore: 2 });
    expect(kom!.meanAfter).toBeCloseTo(8 / 3, 9);
    expect(kom!.delta).toBeCloseTo(2 / 3, 9);
    expect(pp).toMatchObject({ n: 2, meanBefore: 2, meanAfter: 2.25, delta: 0.25 });
  });

  it('agrees with the pure reference for every training', async () => {
    const reference = trainingRule(world());
    for (const [index, t] of trainings.entries()) {
      const got = await impact(t.code);
      const want = reference.find((r) => r.trainingId === index + 1);
      if (!want) {
        expect(got, t.code).toBeNull();
        continue;
      }
      expect(got, t.code).not.toBeNull();
      expect(got!.n).toBe(want.n);
      expect(got!.comparisonN).toBe(want.comparisonN);
      const pairs: [number | null, number | null][] = [
        [got!.meanDeltaCompetency, want.deltaCompetency], [got!.meanDeltaPredicate, want.deltaPredicate],
        [got!.comparisonDeltaCompetency, want.comparisonDeltaCompetency], [got!.comparisonDeltaPredicate, want.comparisonDeltaPredicate],
        [got!.difference, want.didCompetency], [got!.differencePredicate, want.didPredicate], [got!.ciLow, want.ci95?.[0] ?? null], [got!.ciHigh, want.ci95?.[1] ?? null],
      ];
      for (const [g, w] of pairs) {
        if (w === null) expect(g, t.code).toBeNull();
        else expect(g, t.code).toBeCloseTo(w, 9);
      }
    }
    // The fixture exercises both answers.
    expect(reference.map((r) => r.trainingId).sort()).toEqual([1, 2]);
  });

  it('a flagged training\'s impact is its TRAINING_INEFFECTIVE evidence', async () => {
    const g = await server.gql(`mutation { generateRecommendations(asOf: "${AS_OF}", year: 2024) { userErrors { message } } }`);
    expect(g.errors).toBeUndefined();
    expect(g.data!.generateRecommendations.userErrors).toEqual([]);
    const r = await server.gql(`{ recommendations(first: 10, where: { kind: { eq: TRAINING_INEFFECTIVE } }) { nodes { training { code } evidence } } }`);
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.recommendations.nodes as { training: { code: string }; evidence: Record<string, number | number[] | null> }[];
    expect(nodes.map((n) => n.training.code)).toEqual(['T-BAD']);
    const e = nodes[0]!.evidence;
    const i = (await impact('T-BAD'))!;
    expect(i.n).toBe(e.n);
    // The evidence is rounded to six places.
    expect(i.meanDeltaCompetency).toBeCloseTo(e.deltaCompetency as number, 6);
    expect(i.meanDeltaPredicate).toBeCloseTo(e.deltaPredicate as number, 6);
    expect(i.comparisonDeltaCompetency).toBeCloseTo(e.comparisonDeltaCompetency as number, 6);
    expect(i.comparisonDeltaPredicate).toBeCloseTo(e.comparisonDeltaPredicate as number, 6);
    expect(i.difference).toBeCloseTo(e.didCompetency as number, 6);
    expect(i.differencePredicate).toBeCloseTo(e.didPredicate as number, 6);
    const ci = e.ci95 as number[];
    expect(i.ciLow).toBeCloseTo(ci[0]!, 6);
    expect(i.ciHigh).toBeCloseTo(ci[1]!, 6);
  });

  it('counts only what happened by asOf, and is null without a before and after value', async () => {
    // On 2023-05-01 nobody has been assessed after T-GOOD yet.
    expect(await impact('T-GOOD', '2023-05-01')).toBeNull();
    expect(await impact('T-NOPOST')).toBeNull();
    expect(await impact('T-EMPTY')).toBeNull();
    const bad = await server.gql(IMPACT, { code: 'T-GOOD', asOf: '2024-02-30' });
    expect(bad.errors?.[0]?.message).toMatch(/real date as YYYY-MM-DD/);
  });

  it('loads the impact of every training of a request in one statement', async () => {
    const plain = await server.gql(`{ trainings { nodes { code } } }`);
    const r = await server.gql(`query($asOf: String) { trainings { nodes { code impact(asOf: $asOf) { n competencies { competency { code } } } } } }`, { asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    const byCode = Object.fromEntries((r.data!.trainings.nodes as { code: string; impact: { n: number } | null }[]).map((n) => [n.code, n.impact?.n ?? null]));
    expect(byCode).toEqual({ 'T-BAD': 3, 'T-EMPTY': null, 'T-GOOD': 3, 'T-NOPOST': null });
    // The impact statement, then the competencies of its rows by id.
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual((plain.extensions!.sqlStatements as number) + 2);
  });
});
