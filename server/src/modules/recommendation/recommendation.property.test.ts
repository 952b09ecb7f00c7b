import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../../testing/harness';
import { NATIONAL } from '../../testing/fixtures';
import { buildNip } from '../../domain/nip';
import { predicateOf } from '../../domain/predicate';
import {
  APPRAISAL_RATINGS, GRADES, STAKEHOLDER_GROUPS,
  type AppraisalRating, type CompetencyType, type Grade, type PositionKind, type StakeholderGroup,
} from '../../domain/enums';
import {
  hoursShortfallRule, misplacementRule, recommendationPolicy, standardReviewRule, successionRule, trainingRule, unitGapRule,
  type RecommendationPolicy, type RuleWorld,
} from '../../domain/recommendation-rules';
import { execute } from '../../graphql/list';
import { raw } from '../../graphql/sql';
import { importDataset } from '../dataset/dataset-import.service';
import type { Dataset } from '../dataset/dataset.schema';
import { hoursShortfallSql, misplacementSql, standardReviewSql, successionSql, trainingSql, unitGapSql, withRuleLanes } from './recommendation.sql';

/**
 * The set-based SQL of each recommendation rule against its TypeScript
 * reference (domain/recommendation-rules.ts) on random small worlds, as the
 * placement-matching property tests do. One database for the file, emptied
 * between runs.
 */

const COMPETENCIES: { code: string; name: string; type: CompetencyType }[] = [
  ...NATIONAL.slice(0, 4).map(([code, name, type]) => ({ code, name, type: type as CompetencyType })),
  { code: 'T1', name: 'Teknis 1', type: 'TECHNICAL' }, { code: 'T2', name: 'Teknis 2', type: 'TECHNICAL' },
];
const UNITS = ['PEMKO', 'DINAS-A', 'DINAS-B'] as const;
const KINDS: PositionKind[] = ['ADMINISTRATOR', 'JPT_PRATAMA', 'PENGAWAS', 'PELAKSANA'];
const TABLES = [
  'recommendation_status_change', 'recommendation', 'training_evaluation', 'training_participation', 'training_competency', 'training',
  'stakeholder_input', 'competency_assessment', 'performance_appraisal', 'employee', 'position_requirement', 'position', 'competency_level', 'competency',
];

const dayArb = fc.integer({ min: 0, max: 3 * 365 + 180 });
const dateOf = (day: number): string => new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10);
const levelArb = fc.oneof(fc.constantFrom(1, 2, 3, 4, 5), fc.integer({ min: 10, max: 50 }).map((n) => n / 10));

interface Spec {
  asOf: string;
  year: number;
  policy: RecommendationPolicy;
  positions: { kind: PositionKind; quota: number; unit: number; reqs: { c: number; level: number }[]; weight: number | null; minGrade: Grade | null }[];
  employees: {
    pns: boolean; grade: Grade; unit: number; position: number;
    assessments: { c: number; day: number; level: number }[];
    annual: { year: number; results: AppraisalRating; behaviour: AppraisalRating }[];
  }[];
  trainings: { comps: number[]; hours: number }[];
  participations: { e: number; t: number; day: number; length: number; completed: boolean }[];
  inputs: { p: number; c: number; group: StakeholderGroup; importance: number; day: number }[];
  /**
   * One batch of the first training that everybody is measured around (an
   * assessment 20 days before, one 40 days after, annual appraisals for the
   * years on both sides), so training effects and comparison groups are
   * common instead of rare.
   */
  cohort: { day: number; members: boolean[]; pre: number[]; post: number[]; r1: AppraisalRating[]; r2: AppraisalRating[] };
}

const ratingArb = fc.constantFrom(...APPRAISAL_RATINGS);

const specArb: fc.Arbitrary<Spec> = fc.record({
  asOf: fc.constantFrom('2024-07-01', '2025-01-01', '2025-03-15'),
  year: fc.constantFrom(2023, 2024),
  policy: fc.record({
    thresholds: fc.constantFrom({ jpmOptimal: 90, jpmAdequate: 78 }, { jpmOptimal: 80, jpmAdequate: 68 }, { jpmOptimal: 60, jpmAdequate: 40 }),
    annualDevelopmentHours: fc.constantFrom(20, 24),
    performanceYears: fc.integer({ min: 0, max: 2 }),
    talentPoolBoxes: fc.constantFrom<number[]>([7, 8, 9], [5, 7, 8, 9], [2, 4, 5, 6, 7, 8, 9]),
    trainingMinCompletions: fc.integer({ min: 1, max: 3 }),
    trainingMinDeltaCompetency: fc.constantFrom(0.5, 1, 3),
    trainingMaxDeltaPredicate: fc.constantFrom(0, 1, 4),
    unitGapMinMeanShortfall: fc.constantFrom(0, 0.5, 1),
    unitGapMinHolders: fc.constantFrom(1, 2),
    standardReviewMinResponses: fc.constantFrom(1, 2),
  }).map(({ thresholds, ...rest }) => recommendationPolicy({ ...thresholds, ...rest })),
  positions: fc.array(fc.record({
    kind: fc.constantFrom(...KINDS),
    quota: fc.integer({ min: 1, max: 2 }),
    unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
    reqs: fc.uniqueArray(fc.record({ c: fc.integer({ min: 0, max: COMPETENCIES.length - 1 }), level: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4, selector: (r) => r.c }),
    weight: fc.constantFrom(null, null, 0.5),
    minGrade: fc.constantFrom(null, null, 'III/a' as Grade),
  }), { minLength: 1, maxLength: 4 }),
  employees: fc.array(fc.record({
    pns: fc.boolean(),
    grade: fc.constantFrom(...GRADES.slice(6, 14)),
    unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
    position: fc.integer({ min: 0, max: 4 }),
    assessments: fc.array(fc.record({ c: fc.integer({ min: 0, max: COMPETENCIES.length - 1 }), day: dayArb, level: levelArb }), { minLength: 2, maxLength: 18 }),
    annual: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2021, max: 2025 }), results: ratingArb, behaviour: ratingArb }), { maxLength: 4, selector: (a) => a.year, minLength: 1 }),
  }), { minLength: 4, maxLength: 14 }),
  trainings: fc.array(fc.record({
    comps: fc.uniqueArray(fc.integer({ min: 0, max: COMPETENCIES.length - 1 }), { minLength: 1, maxLength: 3 }),
    hours: fc.constantFrom(2, 4, 8, 12, 20, 30),
  }), { minLength: 1, maxLength: 3 }),
  participations: fc.array(fc.record({
    e: fc.nat(), t: fc.nat(), day: dayArb, length: fc.integer({ min: 0, max: 10 }), completed: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }), { maxLength: 25 }),
  inputs: fc.array(fc.record({
    p: fc.nat(), c: fc.integer({ min: 0, max: COMPETENCIES.length - 1 }), group: fc.constantFrom(...STAKEHOLDER_GROUPS.slice(0, 3)),
    importance: fc.integer({ min: 1, max: 5 }), day: fc.integer({ min: 700, max: 1200 }),
  }), { maxLength: 12 }),
  cohort: fc.record({
    day: fc.integer({ min: 200, max: 700 }),
    members: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    pre: fc.array(levelArb, { minLength: 14, maxLength: 14 }),
    post: fc.array(levelArb, { minLength: 14, maxLength: 14 }),
    r1: fc.array(ratingArb, { minLength: 14, maxLength: 14 }),
    r2: fc.array(ratingArb, { minLength: 14, maxLength: 14 }),
  }),
});

/** The spec as an importable dataset and as the reference world (database ids filled in after the import). */
function toDataset(s: Spec): Dataset {
  const posCode = (i: number): string => `POS-${i + 1}`;
  const nips = s.employees.map((_, i) => buildNip({ birthDate: '1980-05-05', serviceStart: '2005-01', gender: 'MALE', sequence: i + 1 }));
  const seenP = new Set<string>();
  const seenI = new Set<string>();
  // The cohort is measured on a competency the first position requires, so a comparison group can exist.
  const cohortComp = s.positions[0]!.reqs[0]!.c;
  const trainingComps = (t: number): number[] => (t === 0 ? [...new Set([cohortComp, ...s.trainings[0]!.comps])] : s.trainings[t]!.comps);
  const cohort = s.employees.flatMap((_, i) => (s.cohort.members[i] ? [{ e: i, t: 0, day: s.cohort.day, length: 3, completed: true }] : []));
  return {
    formatVersion: 1,
    units: UNITS.map((code, i) => ({ code, name: `Unit ${code}`, type: i === 0 ? 'SEKRETARIAT' : 'DINAS', parent: i === 0 ? null : 'PEMKO' })),
    competencies: COMPETENCIES,
    positions: s.positions.map((p, i) => ({
      code: posCode(i), name: `Jabatan ${i + 1}`, unit: UNITS[p.unit]!, kind: p.kind, quota: p.quota, minGrade: p.minGrade, minEducation: null, maxAge: null,
      technicalWeight: p.weight, requirements: p.reqs.map((r) => ({ competency: COMPETENCIES[r.c]!.code, level: r.level })),
    })),
    employees: s.employees.map((e, i) => {
      const seen = new Set<string>();
      const cohortYear = Number(dateOf(s.cohort.day).slice(0, 4));
      const cohortAssessments = [{ c: cohortComp, day: s.cohort.day - 20, level: s.cohort.pre[i]! }, { c: cohortComp, day: s.cohort.day + 40, level: s.cohort.post[i]! }];
      const years = new Set(e.annual.map((a) => a.year));
      const annual = [
        ...e.annual,
        ...(years.has(cohortYear) ? [] : [{ year: cohortYear, results: s.cohort.r1[i]!, behaviour: s.cohort.r1[i]! }]),
        ...(years.has(cohortYear + 1) ? [] : [{ year: cohortYear + 1, results: s.cohort.r2[i]!, behaviour: 'MEETS' as AppraisalRating }]),
      ];
      e = { ...e, assessments: [...cohortAssessments, ...e.assessments], annual };
      return {
        nip: nips[i]!, name: `Pegawai ${i + 1}`, status: e.pns ? 'PNS' : 'PPPK', grade: e.grade, education: 'S1', unit: UNITS[e.unit]!,
        position: e.position < s.positions.length ? posCode(e.position) : null,
        assessments: e.assessments.filter((a) => {
          const k = `${a.c}@${a.day}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        }).map((a) => ({ competency: COMPETENCIES[a.c]!.code, level: a.level, assessedAt: dateOf(a.day), method: 'SJT' })),
        appraisals: e.annual.map((a) => ({ periodStart: `${a.year}-01-01`, period: 'ANNUAL', results: a.results, behaviour: a.behaviour })),
      };
    }),
    trainings: s.trainings.map((t, i) => ({ code: `TR-${i + 1}`, title: `Pelatihan ${i + 1}`, form: 'KLASIKAL', type: 'PELATIHAN', hours: t.hours, competencies: trainingComps(i).map((c) => COMPETENCIES[c]!.code) })),
    participations: [...cohort, ...s.participations].flatMap((p) => {
      const e = p.e % s.employees.length;
      const t = p.t % s.trainings.length;
      const key = `${e}|${t}|${p.day}`;
      if (seenP.has(key)) return [];
      seenP.add(key);
      return [{ nip: nips[e]!, training: `TR-${t + 1}`, startedAt: dateOf(p.day), completedAt: p.completed ? dateOf(p.day + p.length) : null, status: p.completed ? 'COMPLETED' : 'WITHDRAWN', preTest: null, postTest: null }];
    }),
    stakeholderInputs: s.inputs.flatMap((x) => {
      const p = x.p % s.positions.length;
      const key = `${p}|${x.c}|${x.group}|${x.day}`;
      if (seenI.has(key)) return [];
      seenI.add(key);
      return [{ position: posCode(p), competency: COMPETENCIES[x.c]!.code, group: x.group, importance: x.importance, comment: null, submittedAt: dateOf(x.day) }];
    }),
  } as Dataset;
}

async function worldFromDatabase(em: EntityManager, s: Spec, d: Dataset): Promise<RuleWorld> {
  const ids = async (table: string, key: string): Promise<Map<string, number>> =>
    new Map((await execute<{ k: string; id: number }>(em, raw(`select ${key} as k, id from ${table}`))).map((r) => [r.k, Number(r.id)]));
  const [units, comps, positions, employees, trainings] = await Promise.all([
    ids('unit', 'code'), ids('competency', 'code'), ids('position', 'code'), ids('employee', 'nip'), ids('training', 'code'),
  ]);
  const technical = new Set(COMPETENCIES.filter((c) => c.type === 'TECHNICAL').map((c) => c.code));
  return {
    asOf: s.asOf, year: s.year, policy: s.policy,
    positions: d.positions!.map((p) => ({
      id: positions.get(p.code)!, code: p.code, unitId: units.get(p.unit)!, kind: p.kind, quota: p.quota ?? 1, technicalWeight: p.technicalWeight ?? null,
      minGrade: p.minGrade ?? null, minEducation: null, maxAge: null,
      requirements: (p.requirements ?? []).map((r) => ({ competencyId: comps.get(r.competency)!, level: r.level, technical: technical.has(r.competency) })),
    })),
    employees: d.employees!.map((e) => ({
      id: employees.get(e.nip)!, nip: e.nip, status: e.status, unitId: units.get(e.unit)!, positionId: e.position ? positions.get(e.position)! : null,
      grade: e.grade, education: e.education, birthDate: '1980-05-05',
      assessments: (e.assessments ?? []).map((a) => ({ competencyId: comps.get(a.competency)!, level: a.level, assessedAt: a.assessedAt })),
      annual: (e.appraisals ?? []).map((a) => ({ periodStart: a.periodStart, predicate: predicateOf(a.results, a.behaviour) })),
    })),
    trainings: d.trainings!.map((t) => ({ id: trainings.get(t.code)!, code: t.code, hours: t.hours, competencyIds: (t.competencies ?? []).map((c) => comps.get(c)!) })),
    participations: d.participations!.map((p) => ({
      employeeId: employees.get(p.nip)!, trainingId: trainings.get(p.training)!, startedAt: p.startedAt, completedAt: p.completedAt ?? null, status: p.status,
    })),
    stakeholderInputs: d.stakeholderInputs!.map((x) => ({
      positionId: positions.get(x.position)!, competencyId: comps.get(x.competency)!, group: x.group, importance: x.importance, submittedAt: x.submittedAt,
    })),
  };
}

const close = (a: number | null, b: number | null, label: string, tol = 1e-7): void => {
  if (a === null || b === null) {
    expect(a, label).toBe(b);
    return;
  }
  expect(Math.abs(a - b), `${label}: ${a} vs ${b}`).toBeLessThanOrEqual(tol);
};

let em: EntityManager;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const t = await openTestOrm();
  em = t.orm.em.fork() as EntityManager;
  dispose = t.dispose;
});
afterAll(async () => {
  await dispose?.();
});

/** Rows seen per rule over all runs: a property that never fires would prove nothing. */
const fired: Record<string, number> = { hours: 0, gaps: 0, trainings: 0, misplacements: 0, successions: 0, reviews: 0, comparisons: 0 };

async function check(s: Spec): Promise<void> {
  await execute(em, raw(`truncate ${TABLES.join(', ')} restart identity cascade`));
  em.clear();
  const d = toDataset(s);
  const report = await importDataset(em, d);
  expect(report.errors).toEqual([]);
  const w = await worldFromDatabase(em, s, d);
  const o = { asOf: s.asOf, year: s.year, policy: s.policy };

  const hours = await hoursShortfallSql(em, o);
  const refHours = hoursShortfallRule(w);
  expect(hours.map((h) => h.employee_id)).toEqual(refHours.map((h) => h.employeeId));
  hours.forEach((h, i) => close(h.hours, refHours[i]!.hours, `hours of ${h.employee_id}`));

  const gaps = await unitGapSql(em, o);
  const refGaps = unitGapRule(w);
  const gapKey = (u: number, c: number): string => `${u}:${c}`;
  expect(gaps.map((g) => gapKey(g.unit_id, g.competency_id)).sort()).toEqual(refGaps.map((g) => gapKey(g.unitId, g.competencyId)).sort());
  for (const g of gaps) {
    const r = refGaps.find((x) => x.unitId === g.unit_id && x.competencyId === g.competency_id)!;
    expect(g.holders).toBe(r.holders);
    close(g.mean_shortfall, r.meanShortfall, 'meanShortfall');
    close(g.shortfall_rate, r.shortfallRate, 'shortfallRate');
    close(g.required, r.required, 'required');
    expect(g.training_id).toBe(r.suggestedTrainingId);
  }

  const trainings = await trainingSql(em, o);
  const refTrainings = trainingRule(w);
  expect(trainings.map((t) => t.training_id)).toEqual(refTrainings.map((t) => t.trainingId));
  trainings.forEach((t, i) => {
    const r = refTrainings[i]!;
    expect(t.n).toBe(r.n);
    expect(t.m).toBe(r.comparisonN);
    close(t.dc, r.deltaCompetency, 'ΔC');
    close(t.dp, r.deltaPredicate, 'ΔP');
    close(t.cdc, r.comparisonDeltaCompetency, 'comparison ΔC');
    close(t.cdp, r.comparisonDeltaPredicate, 'comparison ΔP');
    close(t.ci_low, r.ci95?.[0] ?? null, 'ci low', 1e-6);
    close(t.ci_high, r.ci95?.[1] ?? null, 'ci high', 1e-6);
  });

  const mis = await misplacementSql(em, o);
  const refMis = misplacementRule(w);
  expect(mis.map((m) => [m.employee_id, m.better_position_id])).toEqual(refMis.map((m) => [m.employeeId, m.betterPositionId]));
  mis.forEach((m, i) => {
    close(m.current_jpm, refMis[i]!.currentJpm, 'currentJpm');
    close(m.better_jpm, refMis[i]!.betterJpm, 'betterJpm');
  });

  const suc = await successionSql(em, o);
  const refSuc = successionRule(w);
  expect(suc.map((x) => [x.position_id, x.candidates])).toEqual(refSuc.map((x) => [x.positionId, x.candidates]));
  suc.forEach((x, i) => close(x.best_jpm, refSuc[i]!.bestJpm, 'bestJpm'));

  fired.hours! += hours.length;
  fired.gaps! += gaps.length;
  fired.trainings! += trainings.length;
  fired.comparisons! += trainings.filter((t) => t.ci_low !== null).length;
  fired.misplacements! += mis.length;
  fired.successions! += suc.length;
  const rev = await standardReviewSql(em, o);
  fired.reviews! += rev.length;
  const refRev = standardReviewRule(w).sort((a, b) => a.positionId - b.positionId || a.competencyId - b.competencyId);
  expect(rev.map((x) => [x.position_id, x.competency_id, x.required_level, x.responses])).toEqual(refRev.map((x) => [x.positionId, x.competencyId, x.requiredLevel, x.responses]));
  rev.forEach((x, i) => {
    close(x.mean_importance, refRev[i]!.meanImportance, 'meanImportance');
    expect(x.groups.map((g) => [g.group, g.responses, g.impliedLevel])).toEqual(refRev[i]!.groups.map((g) => [g.group, g.responses, g.impliedLevel]));
  });
}

describe('recommendation rules: SQL agrees with the TypeScript reference on random worlds', () => {
  it('all six rules', async () => {
    await fc.assert(fc.asyncProperty(specArb, async (s) => {
      await check(s);
    }), { seed: 20240601, numRuns: 50 });
    console.log('rows per rule over all runs', fired);
    for (const [rule, n] of Object.entries(fired)) expect(n, `${rule} never fired`).toBeGreaterThan(0);
  });

  it('rules called outside a transaction (an unscoped query request) still run with their settings, on one snapshot', async () => {
    expect(em.isInTransaction()).toBe(false);
    const seen = await withRuleLanes(em, 2, (run) => Promise.all([1, 2].map(() => run(async (x) => ({
      inTransaction: x.isInTransaction(),
      workMem: (await execute<{ v: string }>(x, raw(`select current_setting('work_mem') as v`)))[0]!.v,
    })))));
    expect(seen).toEqual([{ inTransaction: true, workMem: '64MB' }, { inTransaction: true, workMem: '64MB' }]);
  });

  it('the succession rule hands back the planner setting it changes for its statement', async () => {
    const setting = async (x: EntityManager) => (await execute<{ v: string }>(x, raw(`select current_setting('enable_nestloop') as v`)))[0]!.v;
    const o = { asOf: '2025-01-01', year: 2024, policy: recommendationPolicy({}) };
    for (const before of ['on', 'off']) {
      await em.transactional(async (tx) => {
        const x = tx as EntityManager;
        await execute(x, raw(`select set_config('enable_nestloop', '${before}', true)`));
        await successionSql(x, o);
        expect(await setting(x)).toBe(before);
      });
    }
  });
});
