import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../testing/harness';
import { annualAppraisals, baseDataset, fixtureNip } from '../../testing/fixtures';
import type { Dataset, DatasetEmployee } from '../dataset/dataset.schema';
import type { Grade } from '../../domain/enums';
import { toGlobalId } from '../../graphql/node';
import { bruteForceBest } from './assignment';

/**
 * Assignment plans over HTTP: optimal versus greedy, seats and their
 * reasons, optimality against brute force on random instances built from the
 * API's own candidate lists, and the save → apply life cycle with its
 * conflict and staleness guards.
 */
let server: TestServer;
const AS_OF = '2025-01-01';
const TECH = ['TA', 'TB', 'TE'] as const;

type Levels = Partial<Record<string, number>>;
const assessments = (levels: Levels): NonNullable<DatasetEmployee['assessments']> =>
  Object.entries(levels).map(([competency, level]) => ({ competency, level: level!, assessedAt: '2024-06-01', method: 'ASSESSMENT_CENTER' as const }));

const nip = {
  x: fixtureNip(), y: fixtureNip(), z: fixtureNip(), w: fixtureNip(), v1: fixtureNip(), v2: fixtureNip(), v3: fixtureNip(), h: fixtureNip(),
};

function employee(n: string, name: string, levels: Levels, extra: Partial<DatasetEmployee> = {}): DatasetEmployee {
  return {
    nip: n, name, status: 'PNS', grade: 'III/d', education: 'S1', unit: 'DINKES', position: null,
    assessments: assessments(levels), appraisals: annualAppraisals('MEETS', 'MEETS'), ...extra,
  };
}

const position = (code: string, unit: string, requirements: Levels, quota = 1): NonNullable<Dataset['positions']>[number] => ({
  code, name: `Jabatan ${code}`, unit, kind: 'ADMINISTRATOR', quota, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null,
  requirements: Object.entries(requirements).map(([competency, level]) => ({ competency, level: level! })),
});

beforeAll(async () => {
  server = await startTestServer();
  const d = baseDataset();
  d.competencies = [...d.competencies!, ...TECH.map((code) => ({ code, name: `Teknis ${code}`, type: 'TECHNICAL' as const }))];
  d.positions = [
    position('A', 'BKPSDM', { TA: 5, INT: 5 }),
    position('B', 'DINKES-YANKES', { TB: 5, INT: 5 }),
    position('C', 'BKPSDM', { TA: 5, INT: 5 }),
    position('Q', 'DINKES', { KS: 3, PB: 3 }, 3),
    position('E', 'DINKES', { TE: 5 }),
    position('OTHER', 'PEMKO', { INT: 1 }, 5),
  ];
  d.employees = [
    // X: 100 in A and B, and the better predicate, so greedy (A first) takes X for A and leaves B to Y at 80.
    employee(nip.x, 'X', { TA: 5, TB: 5, INT: 5 }, { appraisals: annualAppraisals('ABOVE', 'ABOVE') }),
    employee(nip.y, 'Y', { TA: 5, TB: 3, INT: 5 }),
    employee(nip.z, 'Z strong but grade too low', { TA: 5, TB: 5, INT: 5, KS: 3, PB: 3 }, { grade: 'II/d' }),
    employee(nip.w, 'W eligible but KURANG', { TA: 2, TB: 2, INT: 3, KS: 2, PB: 2 }),
    employee(nip.v1, 'V1', { KS: 3, PB: 3 }),
    employee(nip.v2, 'V2', { KS: 3, PB: 3 }),
    employee(nip.v3, 'V3', { KS: 3, PB: 2.5 }),
    employee(nip.h, 'H holds Q', { KS: 3, PB: 3 }, { position: 'Q' }),
  ];
  const res = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d });
  expect(res.errors).toBeUndefined();
  expect(res.data!.importDataset.errors).toEqual([]);
});
afterAll(async () => {
  await server?.close();
});

interface SeatOut {
  seat: number;
  position: { code: string };
  match: { jpm: number; eligible: boolean; category: string; employee: { nip: string } } | null;
  reason: string | null;
}
interface PlanOut {
  id: string | null;
  totalJpm: number;
  meanJpm: number;
  filled: number;
  greedy: { totalJpm: number; meanJpm: number; filled: number };
  seats: SeatOut[];
  status: string | null;
  createdBy: string | null;
  createdAt: string | null;
  appliedBy: string | null;
  appliedAt: string | null;
}
const PLAN = `id totalJpm meanJpm filled greedy { totalJpm meanJpm filled } status createdBy createdAt appliedBy appliedAt
  seats { seat position { code } match { jpm eligible category employee { nip } } reason }`;

async function positionIds(codes: string[]): Promise<string[]> {
  const q = `query { ${codes.map((c, i) => `p${i}: position(code: ${JSON.stringify(c)}) { id }`).join(' ')} }`;
  const r = await server.gql<Record<string, { id: string }>>(q);
  expect(r.errors).toBeUndefined();
  return codes.map((_, i) => r.data![`p${i}`]!.id);
}

async function plan(codes: string[], candidates: Record<string, unknown> | null = null): Promise<PlanOut> {
  const r = await server.gql<{ assignmentPlan: PlanOut }>(`query($p: [ID!]!, $c: EmployeeWhere, $asOf: String) {
    assignmentPlan(positions: $p, candidates: $c, asOf: $asOf) { ${PLAN} } }`, { p: await positionIds(codes), c: candidates, asOf: AS_OF });
  expect(r.errors).toBeUndefined();
  return r.data!.assignmentPlan;
}

const assigned = (p: PlanOut): string[] => p.seats.flatMap((s) => (s.match ? [s.match.employee.nip] : []));
const seatOf = (p: PlanOut, code: string): SeatOut[] => p.seats.filter((s) => s.position.code === code);

interface EmployeeOut { position: { code: string } | null; unit: { code: string } }
async function whereIs(n: string): Promise<EmployeeOut> {
  const r = await server.gql<{ employee: EmployeeOut }>(`query($n: String!) { employee(nip: $n) { position { code } unit { code } } }`, { n });
  return r.data!.employee;
}

describe('assignmentPlan', () => {
  it('beats greedy, fills quota − holders seats, explains empty seats and never assigns ineligible or KURANG candidates', async () => {
    const p = await plan(['A', 'B', 'Q', 'E']);
    expect(p.id).toBeNull();
    expect(p.status).toBeNull();
    expect(p.totalJpm).toBeCloseTo(400, 9);
    expect(p.greedy.totalJpm).toBeCloseTo(380, 9);
    expect(p.totalJpm).toBeGreaterThan(p.greedy.totalJpm);
    expect(p.filled).toBe(4);
    expect(p.greedy.filled).toBe(4);
    expect(p.meanJpm).toBeCloseTo(100, 9);
    expect(p.greedy.meanJpm).toBeCloseTo(95, 9);

    expect(seatOf(p, 'A').map((s) => s.match?.employee.nip)).toEqual([nip.y]);
    expect(seatOf(p, 'B').map((s) => s.match?.employee.nip)).toEqual([nip.x]);
    // Quota 3 with one holder: two seats, numbered from 1.
    const q = seatOf(p, 'Q');
    expect(q.map((s) => s.seat)).toEqual([1, 2]);
    expect(q.map((s) => s.match?.employee.nip).sort()).toEqual([nip.v1, nip.v2].sort());
    const [e] = seatOf(p, 'E');
    expect(e!.match).toBeNull();
    expect(e!.reason).toMatch(/No eligible candidate at CUKUP_OPTIMAL or better/);

    const who = assigned(p);
    expect(new Set(who).size).toBe(who.length);
    expect(who).not.toContain(nip.z);
    expect(who).not.toContain(nip.w);
    expect(who).not.toContain(nip.h);
    for (const s of p.seats) {
      if (!s.match) continue;
      expect(s.match.eligible).toBe(true);
      expect(s.match.category).not.toBe('KURANG_OPTIMAL');
      expect(s.reason).toBeNull();
    }
  });

  it('leaves a seat empty, with the reason, when its allowed candidates score more elsewhere', async () => {
    const p = await plan(['A', 'B', 'C']);
    expect(p.totalJpm).toBeCloseTo(200, 9);
    expect(p.greedy.totalJpm).toBeCloseTo(180, 9);
    expect(p.filled).toBe(2);
    expect(seatOf(p, 'B')[0]!.match?.employee.nip).toBe(nip.x);
    const empty = p.seats.filter((s) => !s.match);
    expect(empty).toHaveLength(1);
    expect(['A', 'C']).toContain(empty[0]!.position.code);
    expect(empty[0]!.reason).toMatch(/assigned to another seat/);
  });

  it('rejects an unknown position and an empty list', async () => {
    const r = await server.gql(`query($p: [ID!]!) { assignmentPlan(positions: $p, asOf: "2025-01-01") { totalJpm } }`, { p: [] });
    expect(r.errors?.[0]?.message).toMatch(/1 to 200 positions/);
    const bad = await server.gql(`query($p: [ID!]!) { assignmentPlan(positions: $p, asOf: "2025-01-01") { totalJpm } }`, { p: ['not-an-id'] });
    expect(bad.errors?.length).toBeGreaterThan(0);
  });
});

describe('assignmentPlan optimality on random instances', () => {
  const COMPS = ['TA', 'TB', 'INT', 'KS'] as const;
  const levelArb = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 100, max: 500 }).map((n) => n / 100));
  const instanceArb = fc.record({
    positions: fc.array(fc.record({
      requirements: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: COMPS.length, maxLength: COMPS.length }),
      uses: fc.array(fc.boolean(), { minLength: COMPS.length, maxLength: COMPS.length }),
      quota: fc.integer({ min: 1, max: 2 }),
      minGrade: fc.constantFrom<Grade | null>(null, 'III/a', 'III/c'),
    }), { minLength: 1, maxLength: 3 }),
    employees: fc.array(fc.record({
      levels: fc.array(fc.option(levelArb, { nil: null, freq: 4 }), { minLength: COMPS.length, maxLength: COMPS.length }),
      grade: fc.constantFrom<Grade>('II/d', 'III/b', 'III/d'),
      good: fc.boolean(),
      holds: fc.integer({ min: 0, max: 5 }),
    }), { minLength: 3, maxLength: 6 }),
  });
  let run = 0;

  it('matches brute force over the allowed pairs listed by position.candidates(eligibleOnly: true)', async () => {
    await fc.assert(fc.asyncProperty(instanceArb, async (inst) => {
      run += 1;
      const unit = `RUN-${run}`;
      const codes = inst.positions.map((_, i) => `R${run}-P${i + 1}`);
      const dataset: Dataset = {
        units: [{ code: unit, name: `Unit ${unit}`, type: 'BIDANG', parent: 'PEMKO' }],
        positions: inst.positions.map((p, i) => {
          const used = COMPS.filter((_, k) => p.uses[k]);
          const reqs = (used.length ? used : [COMPS[0]]).map((c) => ({ competency: c, level: p.requirements[COMPS.indexOf(c)]! }));
          return {
            code: codes[i]!, name: `Jabatan ${codes[i]}`, unit, kind: 'ADMINISTRATOR' as const, quota: p.quota,
            minGrade: p.minGrade, minEducation: null, maxAge: null, technicalWeight: null, requirements: reqs,
          };
        }),
        employees: inst.employees.map((e, i) => ({
          nip: fixtureNip(), name: `Calon ${run}.${i + 1}`, status: 'PNS' as const, grade: e.grade, education: 'S1' as const, unit,
          position: e.holds < codes.length ? codes[e.holds]! : null,
          assessments: e.levels.flatMap((l, k) => (l === null ? [] : [{ competency: COMPS[k]!, level: l, assessedAt: '2024-06-01', method: 'SJT' as const }])),
          appraisals: e.good ? annualAppraisals('ABOVE', 'MEETS') : annualAppraisals('MEETS', 'BELOW'),
        })),
      };
      const imported = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }`, { d: dataset });
      expect(imported.data!.importDataset.errors).toEqual([]);

      const where = { unitSubtreeOfCode: unit };
      const lists = await server.gql<Record<string, { id: string; vacancies: number; candidates: { nodes: { jpm: number; employee: { nip: string } }[] } }>>(
        `query($w: EmployeeWhere, $asOf: String) { ${codes.map((c, i) => `p${i}: position(code: "${c}") { id vacancies
          candidates(asOf: $asOf, eligibleOnly: true, where: $w, first: 500) { nodes { jpm employee { nip } } } }`).join(' ')} }`,
        { w: where, asOf: AS_OF });
      expect(lists.errors).toBeUndefined();
      const perPosition = codes.map((c, i) => ({ code: c, ...lists.data![`p${i}`]! }));
      const nips = [...new Set(perPosition.flatMap((p) => p.candidates.nodes.map((n) => n.employee.nip)))];
      const allowed = new Map(perPosition.flatMap((p) => p.candidates.nodes.map((n) => [`${p.code}:${n.employee.nip}`, n.jpm] as const)));
      const score = perPosition.flatMap((p) => Array.from({ length: p.vacancies }, () => nips.map((n) => allowed.get(`${p.code}:${n}`) ?? null)));

      const r = await server.gql<{ assignmentPlan: PlanOut }>(`query($p: [ID!]!, $w: EmployeeWhere, $asOf: String) {
        assignmentPlan(positions: $p, candidates: $w, asOf: $asOf) { ${PLAN} } }`, { p: perPosition.map((p) => p.id), w: where, asOf: AS_OF });
      expect(r.errors).toBeUndefined();
      const got = r.data!.assignmentPlan;
      expect(got.totalJpm).toBeCloseTo(bruteForceBest(score, nips.length), 6);
      expect(got.greedy.totalJpm).toBeLessThanOrEqual(got.totalJpm + 1e-9);
      expect(got.seats).toHaveLength(score.length);
      for (const p of perPosition) expect(seatOf(got, p.code)).toHaveLength(p.vacancies);
      const who = assigned(got);
      expect(new Set(who).size).toBe(who.length);
      expect(got.filled).toBe(who.length);
      for (const s of got.seats) {
        if (s.match) expect(s.match.jpm).toBeCloseTo(allowed.get(`${s.position.code}:${s.match.employee.nip}`) ?? Number.NaN, 9);
        else expect(s.reason).toBeTruthy();
      }
    }), { seed: 7_2025, numRuns: 15 });
  });
});

describe('saving and applying a plan', () => {
  const SAVE = `mutation($p: [ID!]!, $asOf: String) { saveAssignmentPlan(positions: $p, asOf: $asOf) { plan { ${PLAN} } userErrors { field code message } } }`;
  const APPLY = `mutation($id: ID!) { applyAssignmentPlan(id: $id) { plan { ${PLAN} } userErrors { field code message } } }`;
  const SAVED = `query($id: ID!) { savedAssignmentPlan(id: $id) { ${PLAN} } }`;
  type Payload = { plan: PlanOut | null; userErrors: { field: string | null; code: string; message: string }[] };

  async function save(): Promise<PlanOut> {
    const r = await server.gql<{ saveAssignmentPlan: Payload }>(SAVE, { p: await positionIds(['A', 'B', 'Q', 'E']), asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    expect(r.data!.saveAssignmentPlan.userErrors).toEqual([]);
    return r.data!.saveAssignmentPlan.plan!;
  }
  async function apply(id: string): Promise<Payload> {
    const r = await server.gql<{ applyAssignmentPlan: Payload }>(APPLY, { id });
    expect(r.errors).toBeUndefined();
    return r.data!.applyAssignmentPlan;
  }
  async function moveTo(n: string, positionCode: string | null): Promise<void> {
    const e = await server.gql<{ employee: { id: string } }>(`query($n: String!) { employee(nip: $n) { id } }`, { n });
    const [pid] = positionCode ? await positionIds([positionCode]) : [null];
    const r = await server.gql<{ updateEmployee: { userErrors: unknown[] } }>(`mutation($id: ID!, $pos: ID) {
      updateEmployee(id: $id, input: { position: $pos }) { userErrors { field code message } } }`, { id: e.data!.employee.id, pos: pid });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateEmployee.userErrors).toEqual([]);
  }

  it('refuses a stale plan (a planned candidate moved since saving) and changes nothing', async () => {
    const draft = await save();
    expect(draft.status).toBe('DRAFT');
    await moveTo(nip.y, 'OTHER');
    const result = await apply(draft.id!);
    expect(result.plan).toBeNull();
    expect(result.userErrors.map((e) => e.code)).toEqual(['STALE']);
    expect(result.userErrors[0]!.message).toContain(nip.y);
    // Nothing moved, and the draft is still a draft.
    expect((await whereIs(nip.x)).position).toBeNull();
    expect((await whereIs(nip.v1)).position).toBeNull();
    expect((await whereIs(nip.y)).position?.code).toBe('OTHER');
    const saved = await server.gql<{ savedAssignmentPlan: PlanOut }>(SAVED, { id: draft.id });
    expect(saved.data!.savedAssignmentPlan.status).toBe('DRAFT');
    expect(saved.data!.savedAssignmentPlan.appliedAt).toBeNull();
    await moveTo(nip.y, null);
  });

  it('saves, reads back, applies (moving employees and their unit, recording who and when) and refuses a second apply', async () => {
    const draft = await save();
    expect(draft.id).toBeTruthy();
    expect(draft.createdBy).toBeTruthy();
    const saved = (await server.gql<{ savedAssignmentPlan: PlanOut }>(SAVED, { id: draft.id })).data!.savedAssignmentPlan;
    expect(saved.status).toBe('DRAFT');
    expect(saved.totalJpm).toBeCloseTo(draft.totalJpm, 9);
    expect(saved.greedy).toEqual(draft.greedy);
    expect(saved.seats.map((s) => [s.position.code, s.seat, s.match?.employee.nip ?? null, s.reason]))
      .toEqual(draft.seats.map((s) => [s.position.code, s.seat, s.match?.employee.nip ?? null, s.reason]));

    const before = Date.now();
    const result = await apply(draft.id!);
    expect(result.userErrors).toEqual([]);
    const applied = result.plan!;
    expect(applied.status).toBe('APPLIED');
    // The signed-in test admin, the same actor who saved it.
    expect(applied.appliedBy).toBeTruthy();
    expect(applied.appliedBy).not.toBe('anonymous');
    expect(applied.appliedBy).toBe(draft.createdBy);
    expect(Math.abs(Date.parse(applied.appliedAt!) - before)).toBeLessThan(60_000);

    expect(await whereIs(nip.y)).toEqual({ position: { code: 'A' }, unit: { code: 'BKPSDM' } });
    expect(await whereIs(nip.x)).toEqual({ position: { code: 'B' }, unit: { code: 'DINKES-YANKES' } });
    expect(await whereIs(nip.v1)).toEqual({ position: { code: 'Q' }, unit: { code: 'DINKES' } });
    expect(await whereIs(nip.v2)).toEqual({ position: { code: 'Q' }, unit: { code: 'DINKES' } });
    expect((await whereIs(nip.v3)).position).toBeNull();
    const vac = await server.gql<{ q: { vacancies: number; holderCount: number }; e: { vacancies: number } }>(
      `query { q: position(code: "Q") { vacancies holderCount } e: position(code: "E") { vacancies } }`);
    expect(vac.data!.q).toEqual({ vacancies: 0, holderCount: 3 });
    expect(vac.data!.e.vacancies).toBe(1);

    const again = await apply(draft.id!);
    expect(again.plan).toBeNull();
    expect(again.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(await whereIs(nip.x)).toEqual({ position: { code: 'B' }, unit: { code: 'DINKES-YANKES' } });
    const reread = (await server.gql<{ savedAssignmentPlan: PlanOut }>(SAVED, { id: draft.id })).data!.savedAssignmentPlan;
    expect(reread.status).toBe('APPLIED');
    expect(reread.appliedAt).toBe(applied.appliedAt);
  });

  it('answers null for an unknown plan and NOT_FOUND when applying one', async () => {
    const ghost = toGlobalId('AssignmentPlan', 999_999);
    const probe = await server.gql<{ savedAssignmentPlan: PlanOut | null }>(SAVED, { id: ghost });
    expect(probe.errors).toBeUndefined();
    expect(probe.data!.savedAssignmentPlan).toBeNull();
    const r = await apply(ghost);
    expect(r.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });
});
