import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { NATIONAL } from '../../testing/fixtures';
import { buildNip } from '../../domain/nip';
import { computeJpm, rankCandidates, type CompetencyGroup } from '../../domain/jpm';
import { checkEligibility, type AnnualPredicate, type EligibilityRule } from '../../domain/eligibility';
import { predicateOf } from '../../domain/predicate';
import {
  APPRAISAL_RATINGS, EDUCATIONS, GRADES, PREDICATES,
  type AppraisalRating, type CompetencyType, type Education, type Grade, type JpmCategory, type Predicate,
} from '../../domain/enums';
import type { PolicyParameters } from '../../domain/policy';
import { execute } from '../../graphql/list';
import { raw, sql } from '../../graphql/sql';
import { importDataset } from '../dataset/dataset-import.service';
import type { Dataset } from '../dataset/dataset.schema';
import { matchCtes, standardMatchCtes, standardsSql, toStandard, type StandardRow } from './matching.sql';

/**
 * The set-based SQL ranking and the TypeScript reference (domain/jpm.ts,
 * domain/eligibility.ts) are two implementations of domain.md §4; random
 * small worlds hold them together. One database for the whole file, emptied
 * between runs, because a fresh PGlite per run would cost seconds each.
 */

const TECHNICAL = ['T1', 'T2', 'T3', 'T4'] as const;
const COMPETENCIES: { code: string; name: string; type: CompetencyType }[] = [
  ...NATIONAL.map(([code, name, type]) => ({ code, name, type: type as CompetencyType })),
  ...TECHNICAL.map((code) => ({ code, name: `Teknis ${code}`, type: 'TECHNICAL' as const })),
];
const UNITS = ['PEMKO', 'DINAS-A', 'DINAS-B'] as const;
// Units stay: every world has the same three, and truncating them would
// cascade into app_user and end the test admin's session.
const DATA_TABLES = [
  'assignment_plan_item', 'assignment_plan', 'training_evaluation', 'training_participation', 'training_competency', 'training',
  'stakeholder_input', 'competency_assessment', 'performance_appraisal', 'employee', 'position_requirement', 'position',
  'competency_level', 'competency', 'policy_version',
];

// ---------- world description (relative to asOf, so every date edge is reachable) ----------

interface PositionSpec {
  competencies: number[];
  levels: number[];
  technicalWeight: number | null;
  minGrade: Grade | null;
  minEducation: Education | null;
  maxAge: number | null;
  quota: number;
}

type BirthdayKind = 'random' | 'onAsOf' | 'dayBefore' | 'dayAfter' | 'leapDay';

interface EmployeeSpec {
  age: number;
  birthday: BirthdayKind;
  month: number;
  day: number;
  female: boolean;
  grade: Grade;
  education: Education;
  /** Index into positions; out of range = unplaced. */
  position: number;
  unit: number;
  assessments: { competency: number; dayOffset: number; level: number }[];
  annual: { yearOffset: number; results: AppraisalRating; behaviour: AppraisalRating }[];
  /** A weak quarterly appraisal that must not count as an annual one. */
  weakQuarter: boolean;
}

interface WorldSpec {
  asOf: string;
  policy: Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate' | 'minPredicate' | 'performanceYears'>;
  positions: PositionSpec[];
  employees: EmployeeSpec[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function birthDateOf(e: EmployeeSpec, asOf: string): string {
  const year = Number(asOf.slice(0, 4)) - e.age;
  const sameDay = (): string => {
    const md = asOf.slice(5);
    return md === '02-29' && !isLeap(year) ? `${year}-03-01` : `${year}-${md}`;
  };
  switch (e.birthday) {
    case 'onAsOf': return sameDay();
    case 'dayBefore': return addDays(sameDay(), -1);
    case 'dayAfter': return addDays(sameDay(), 1);
    case 'leapDay': {
      let y = year;
      while (!isLeap(y)) y--;
      return `${y}-02-29`;
    }
    default: return `${year}-${pad2(e.month)}-${pad2(e.day)}`;
  }
}

// Biased upwards so that, against required levels 1–5, JPMs spread over all three categories and often tie at the 100 cap.
const levelArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(3, 4, 5) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 500 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 50 }).map((n) => n / 10) },
);

const positionArb: fc.Arbitrary<PositionSpec> = fc.record({
  competencies: fc.shuffledSubarray(COMPETENCIES.map((_, i) => i), { minLength: 2, maxLength: 9 }),
  levels: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 9, maxLength: 9 }),
  technicalWeight: fc.constantFrom(null, 0.4, 0.5, 0.6),
  minGrade: fc.option(fc.constantFrom(...GRADES), { nil: null }),
  minEducation: fc.option(fc.constantFrom(...EDUCATIONS), { nil: null }),
  maxAge: fc.option(fc.integer({ min: 25, max: 60 }), { nil: null }),
  quota: fc.integer({ min: 1, max: 2 }),
});

const ratingArb = fc.constantFrom(...APPRAISAL_RATINGS);

const employeeArb: fc.Arbitrary<EmployeeSpec> = fc.record({
  age: fc.integer({ min: 22, max: 60 }),
  birthday: fc.constantFrom<BirthdayKind>('random', 'random', 'onAsOf', 'dayBefore', 'dayAfter', 'leapDay'),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  female: fc.boolean(),
  grade: fc.constantFrom(...GRADES),
  education: fc.constantFrom(...EDUCATIONS),
  position: fc.integer({ min: 0, max: 6 }),
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
  // Per competency: never assessed (about one in five) or a short history.
  assessments: fc.array(fc.option(fc.array(fc.record({
    // 0 and +1 sit on the asOf boundary (inclusive, then excluded).
    dayOffset: fc.oneof(fc.constantFrom(0, 1, -1), fc.integer({ min: -1500, max: 400 })),
    level: levelArb,
  }), { minLength: 1, maxLength: 3 }), { nil: null, freq: 4 }), { minLength: COMPETENCIES.length, maxLength: COMPETENCIES.length })
    .map((perCompetency) => perCompetency.flatMap((history, competency) => (history ?? []).map((a) => ({ competency, ...a })))),
  annual: fc.uniqueArray(fc.record({ yearOffset: fc.integer({ min: -3, max: 1 }), results: ratingArb, behaviour: ratingArb }), {
    maxLength: 3, selector: (a) => a.yearOffset,
  }),
  weakQuarter: fc.boolean(),
});

const policyArb = fc.record({
  thresholds: fc.oneof(
    fc.constant({ jpmOptimal: 90, jpmAdequate: 78 }),
    fc.constant({ jpmOptimal: 80, jpmAdequate: 68 }),
    fc.tuple(fc.integer({ min: 50, max: 100 }), fc.integer({ min: 0, max: 30 })).map(([o, d]) => ({ jpmOptimal: o, jpmAdequate: Math.max(0, o - d) })),
  ),
  minPredicate: fc.constantFrom(...PREDICATES),
  performanceYears: fc.integer({ min: 0, max: 3 }),
}).map(({ thresholds, ...rest }) => ({ ...thresholds, ...rest }));

const asOfArb = fc.oneof(
  fc.constantFrom('2025-01-01', '2024-02-29', '2025-02-28', '2025-03-01', '2024-12-31'),
  fc.integer({ min: 0, max: 4 * 365 }).map((d) => addDays('2023-01-01', d)),
);

const worldArb: fc.Arbitrary<WorldSpec> = fc.record({
  asOf: asOfArb,
  policy: policyArb,
  positions: fc.array(positionArb, { minLength: 1, maxLength: 3 }),
  employees: fc.array(employeeArb, { minLength: 5, maxLength: 25 }),
});

// ---------- the world as a dataset, and the reference computed from the same facts ----------

interface RefEmployee {
  nip: string;
  grade: Grade;
  education: Education;
  birthDate: string;
  position: string | null;
  assessments: { competency: string; assessedAt: string; level: number }[];
  annual: AnnualPredicate[];
}

interface RefPosition {
  code: string;
  requirements: { competency: string; level: number }[];
  technicalWeight: number | null;
  minGrade: Grade | null;
  minEducation: Education | null;
  maxAge: number | null;
}

interface World {
  asOf: string;
  policy: WorldSpec['policy'];
  dataset: Dataset;
  employees: RefEmployee[];
  positions: RefPosition[];
}

function buildWorld(spec: WorldSpec): World {
  const { asOf } = spec;
  const asOfYear = Number(asOf.slice(0, 4));
  const positions: RefPosition[] = spec.positions.map((p, i) => ({
    code: `POS-${i + 1}`,
    requirements: p.competencies.map((c, k) => ({ competency: COMPETENCIES[c]!.code, level: p.levels[k]! })),
    technicalWeight: p.technicalWeight,
    minGrade: p.minGrade,
    minEducation: p.minEducation,
    maxAge: p.maxAge,
  }));
  const employees: RefEmployee[] = spec.employees.map((e, i) => {
    const birthDate = birthDateOf(e, asOf);
    const nip = buildNip({ birthDate, serviceStart: `${Number(birthDate.slice(0, 4)) + 20}-0${1 + (i % 9)}`, gender: e.female ? 'FEMALE' : 'MALE', sequence: i + 1 });
    const seen = new Set<string>();
    const assessments = e.assessments.flatMap((a) => {
      const competency = COMPETENCIES[a.competency]!.code;
      const assessedAt = addDays(asOf, a.dayOffset);
      const key = `${competency}@${assessedAt}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ competency, assessedAt, level: a.level }];
    });
    return {
      nip,
      grade: e.grade,
      education: e.education,
      birthDate,
      position: e.position < positions.length ? positions[e.position]!.code : null,
      assessments,
      annual: e.annual.map((a) => ({ periodStart: `${asOfYear + a.yearOffset}-01-01`, predicate: predicateOf(a.results, a.behaviour) })),
    };
  });
  const dataset = {
    formatVersion: 1,
    units: UNITS.map((code, i) => ({ code, name: `Unit ${code}`, type: i === 0 ? 'SEKRETARIAT' : 'DINAS', parent: i === 0 ? null : 'PEMKO' })),
    competencies: COMPETENCIES,
    positions: spec.positions.map((p, i) => ({
      code: positions[i]!.code, name: `Jabatan ${i + 1}`, unit: UNITS[i % UNITS.length]!, kind: 'ADMINISTRATOR', quota: p.quota,
      minGrade: p.minGrade, minEducation: p.minEducation, maxAge: p.maxAge, technicalWeight: p.technicalWeight,
      requirements: positions[i]!.requirements,
    })),
    employees: spec.employees.map((e, i) => ({
      nip: employees[i]!.nip, name: `Pegawai ${i + 1}`, status: 'PNS', grade: e.grade, education: e.education,
      unit: UNITS[e.unit]!, position: employees[i]!.position,
      assessments: employees[i]!.assessments.map((a) => ({ ...a, method: 'ASSESSMENT_CENTER' })),
      appraisals: [
        ...e.annual.map((a) => ({ periodStart: `${asOfYear + a.yearOffset}-01-01`, period: 'ANNUAL', results: a.results, behaviour: a.behaviour })),
        ...(e.weakQuarter ? [{ periodStart: `${asOfYear - 1}-04-01`, period: 'QUARTERLY', results: 'BELOW', behaviour: 'BELOW' }] : []),
      ],
    })),
    policy: spec.policy,
  } as Dataset;
  return { asOf, policy: spec.policy, dataset, employees, positions };
}

interface RefMatch {
  nip: string;
  jpm: number;
  rawJpm: number;
  category: JpmCategory;
  eligible: boolean;
  rules: EligibilityRule[];
  totalShortfall: number;
  maxShortfall: number;
  latestPredicate: Predicate | null;
}

function referenceMatch(world: World, e: RefEmployee, p: RefPosition): RefMatch {
  const { asOf, policy } = world;
  const achieved = new Map<string, number>();
  const latestDate = new Map<string, string>();
  for (const a of e.assessments) {
    if (a.assessedAt > asOf) continue;
    if ((latestDate.get(a.competency) ?? '') < a.assessedAt) {
      latestDate.set(a.competency, a.assessedAt);
      achieved.set(a.competency, a.level);
    }
  }
  const type = new Map(COMPETENCIES.map((c) => [c.code, c.type]));
  const jpm = computeJpm({
    requirements: p.requirements.map((r) => ({
      competencyId: r.competency, required: r.level,
      group: (type.get(r.competency) === 'TECHNICAL' ? 'TECHNICAL' : 'MANAGERIAL_SOCIOCULTURAL') as CompetencyGroup,
    })),
    achieved, technicalWeight: p.technicalWeight, policy,
  });
  const eligibility = checkEligibility({ ...e, annualPredicates: e.annual }, p, asOf, policy);
  const known = e.annual.filter((a) => a.periodStart < asOf).sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1));
  return {
    nip: e.nip, jpm: jpm.jpm, rawJpm: jpm.rawJpm, category: jpm.category, eligible: eligibility.eligible,
    rules: eligibility.reasons.map((r) => r.rule), totalShortfall: jpm.totalShortfall, maxShortfall: jpm.maxShortfall,
    latestPredicate: known[0]?.predicate ?? null,
  };
}

/** Candidates of a position: everyone but its current holders, best first. */
function referenceRanking(world: World, p: RefPosition): RefMatch[] {
  return rankCandidates(world.employees.filter((e) => e.position !== p.code).map((e) => referenceMatch(world, e, p)));
}

// ---------- the SQL side ----------

interface ApiNode {
  rank: number;
  jpm: number;
  rawJpm: number;
  category: JpmCategory;
  eligible: boolean;
  totalShortfall: number;
  maxShortfall: number;
  employee: { nip: string };
  ineligibility: { rule: EligibilityRule }[];
}

/** The per-rule flags of the SQL (the API shows only `eligible` from SQL; its reasons come from the reference). */
async function sqlRules(em: EntityManager, world: World): Promise<Map<string, EligibilityRule[]>> {
  const rows = await execute<{ nip: string; code: string; grade_ok: boolean; education_ok: boolean; age_ok: boolean; perf_ok: boolean; perf_count: number }>(em, sql`
    with ${matchCtes({ positions: raw('select id from position'), candidates: raw('true'), asOf: world.asOf, policy: world.policy })}
    select r.nip, p.code, r.grade_ok, r.education_ok, r.age_ok, r.perf_ok, r.perf_count from ranked r join position p on p.id = r.position_id`);
  return new Map(rows.map((r) => {
    const rules: EligibilityRule[] = [];
    if (!r.grade_ok) rules.push('GRADE_BELOW_MINIMUM');
    if (!r.education_ok) rules.push('EDUCATION_BELOW_MINIMUM');
    if (!r.perf_ok) rules.push('PERFORMANCE_BELOW_MINIMUM');
    if (Number(r.perf_count) < world.policy.performanceYears) rules.push('NO_PERFORMANCE_HISTORY');
    if (!r.age_ok) rules.push('AGE_ABOVE_MAXIMUM');
    return [`${r.nip}:${r.code}`, rules];
  }));
}

const PAIR_COLUMNS = raw(`r.employee_id, r.position_id, r.raw_jpm, r.jpm, r.category, r.short_sum, r.short_max, r.missing, r.grade_ok, r.education_ok,
  r.age_ok, r.perf_count, r.perf_ok, r.latest_ordinal, r.eligible`);

/**
 * The statement written for known standards (standardMatchCtes, used by
 * candidate lists and plans) gives exactly the generic statement's numbers
 * for every pair, floating-point bits included.
 */
async function compareBuilders(em: EntityManager, world: World): Promise<void> {
  const standards = (await execute<StandardRow>(em, standardsSql(raw('select id from position')))).map(toStandard);
  const order = raw('order by r.employee_id, r.position_id');
  const generic = await execute(em, sql`with ${matchCtes({ positions: raw('select id from position'), candidates: raw('true'), asOf: world.asOf, policy: world.policy })}
    select ${PAIR_COLUMNS} from ranked r ${order}`);
  const written = await execute(em, sql`with ${standardMatchCtes({ standards, candidates: raw('true'), asOf: world.asOf, policy: world.policy })}
    select ${PAIR_COLUMNS} from ranked r ${order}`);
  expect(written).toEqual(generic);
}

const CANDIDATES = `query($code: String!, $asOf: String) { position(code: $code) {
  candidates(asOf: $asOf, eligibleOnly: false, minCategory: KURANG_OPTIMAL, first: 500) {
    totalCount nodes { rank jpm rawJpm category eligible totalShortfall maxShortfall employee { nip } ineligibility { rule } } } } }`;
const CURRENT = `query($asOf: String) { employees(first: 500) { nodes { nip currentMatch(asOf: $asOf) { jpm rawJpm category eligible } } } }`;

let server: TestServer;
let em: EntityManager;

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork() as EntityManager;
});
afterAll(async () => {
  await server?.close();
});

async function load(world: World): Promise<void> {
  await execute(em, raw(`truncate ${DATA_TABLES.join(', ')} restart identity cascade`));
  em.clear();
  const report = await importDataset(em, world.dataset);
  expect(report.errors).toEqual([]);
}

/** Compares one world; returns a description of the first disagreement, for a readable failure. */
async function checkWorld(world: World): Promise<void> {
  await load(world);
  await compareBuilders(em, world);
  const rules = await sqlRules(em, world);
  for (const p of world.positions) {
    const expected = referenceRanking(world, p);
    const res = await server.gql<{ position: { candidates: { totalCount: number; nodes: ApiNode[] } } }>(CANDIDATES, { code: p.code, asOf: world.asOf });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const got = res.data!.position.candidates;
    const ctx = `${p.code} as of ${world.asOf}`;
    expect(got.nodes.map((n) => n.employee.nip), `order for ${ctx}`).toEqual(expected.map((m) => m.nip));
    expect(got.totalCount).toBe(expected.length);
    got.nodes.forEach((n, i) => {
      const want = expected[i]!;
      const at = `${ctx}, ${want.nip}`;
      expect(n.rank).toBe(i + 1);
      expect(Math.abs(n.jpm - want.jpm), `jpm ${at}: ${n.jpm} vs ${want.jpm}`).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(n.rawJpm - want.rawJpm), `rawJpm ${at}: ${n.rawJpm} vs ${want.rawJpm}`).toBeLessThanOrEqual(1e-9);
      expect(n.category, `category ${at} (jpm ${want.jpm})`).toBe(want.category);
      expect(n.eligible, `eligible ${at}`).toBe(want.eligible);
      expect(Math.abs(n.totalShortfall - want.totalShortfall), `total shortfall ${at}`).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(n.maxShortfall - want.maxShortfall), `max shortfall ${at}`).toBeLessThanOrEqual(1e-9);
      expect(rules.get(`${want.nip}:${p.code}`), `SQL rules ${at}`).toEqual(want.rules);
      expect(n.ineligibility.map((r) => r.rule), `API reasons ${at}`).toEqual(want.rules);
    });
  }
  // Holders are not candidates of their own position; their current match goes through matchLoader.
  const current = await server.gql<{ employees: { nodes: { nip: string; currentMatch: { jpm: number; rawJpm: number; category: JpmCategory; eligible: boolean } | null }[] } }>(CURRENT, { asOf: world.asOf });
  expect(current.errors).toBeUndefined();
  const byNip = new Map(current.data!.employees.nodes.map((n) => [n.nip, n.currentMatch]));
  for (const e of world.employees) {
    const got = byNip.get(e.nip);
    if (e.position === null) {
      expect(got).toBeNull();
      continue;
    }
    const want = referenceMatch(world, e, world.positions.find((p) => p.code === e.position)!);
    expect(got).not.toBeNull();
    expect(Math.abs(got!.jpm - want.jpm)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(got!.rawJpm - want.rawJpm)).toBeLessThanOrEqual(1e-9);
    expect(got!.category).toBe(want.category);
    expect(got!.eligible).toBe(want.eligible);
    expect(rules.get(`${e.nip}:${e.position}`)).toEqual(want.rules);
  }
}

describe('SQL ranking agrees with the TypeScript reference on random worlds', () => {
  it('jpm, rawJpm, category, eligibility rules and order', async () => {
    await fc.assert(fc.asyncProperty(worldArb, async (spec) => {
      await checkWorld(buildWorld(spec));
    }), { seed: 20250101, numRuns: 40 });
  });

  it('holds on hand-picked edges: exact thresholds, leap-day birthdays, appraisal starting on asOf, zero-year performance policy', async () => {
    const asOf = '2025-03-01';
    const base: EmployeeSpec = {
      age: 40, birthday: 'random', month: 6, day: 15, female: false, grade: 'III/d', education: 'S1', position: 9, unit: 1,
      assessments: [], annual: [], weakQuarter: false,
    };
    // Standard: T1 at 5, INT at 5 (Σ 10); 7.8/10 → exactly 78, 9/10 → exactly 90.
    const levelsFor = (t: number, m: number) => [{ competency: 9, dayOffset: -10, level: t }, { competency: 0, dayOffset: -10, level: m }];
    const spec: WorldSpec = {
      asOf,
      policy: { jpmOptimal: 90, jpmAdequate: 78, minPredicate: 'BAIK', performanceYears: 0 },
      positions: [
        { competencies: [9, 0], levels: [5, 5, 1, 1, 1, 1, 1, 1, 1], technicalWeight: null, minGrade: null, minEducation: null, maxAge: 40, quota: 1 },
        { competencies: [9, 0], levels: [5, 5, 1, 1, 1, 1, 1, 1, 1], technicalWeight: 0.6, minGrade: 'III/c', minEducation: 'D4', maxAge: null, quota: 1 },
        // The first standard again: scored once for both positions by the statement written for known standards.
        { competencies: [9, 0], levels: [5, 5, 1, 1, 1, 1, 1, 1, 1], technicalWeight: null, minGrade: null, minEducation: null, maxAge: 40, quota: 1 },
      ],
      employees: [
        { ...base, assessments: levelsFor(3.9, 3.9), age: 41, birthday: 'leapDay' },
        { ...base, assessments: levelsFor(4.5, 4.5), birthday: 'onAsOf', age: 40, annual: [{ yearOffset: 0, results: 'BELOW', behaviour: 'BELOW' }] },
        { ...base, assessments: levelsFor(4, 5), birthday: 'dayAfter', age: 41, annual: [{ yearOffset: -1, results: 'ABOVE', behaviour: 'ABOVE' }] },
        { ...base, assessments: levelsFor(5, 4), birthday: 'dayBefore', age: 40, education: 'D4' },
        { ...base, assessments: levelsFor(3.9, 3.89), grade: 'III/b', annual: [{ yearOffset: -1, results: 'MEETS', behaviour: 'MEETS' }] },
      ],
    };
    await checkWorld(buildWorld(spec));
    await checkWorld(buildWorld({ ...spec, asOf: '2025-01-01', policy: { jpmOptimal: 80, jpmAdequate: 68, minPredicate: 'SANGAT_BAIK', performanceYears: 1 } }));
  });
});
