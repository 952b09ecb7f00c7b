import { describe, expect, it } from 'vitest';
import { parseNip } from '../../domain/nip';
import { INEFFECTIVE_TRAININGS, KECAMATAN, NATIONAL_CODES } from './demo-catalogue';
import { generateDemoDataset } from './demo-generator';
import { validateDatasetReferences, validateDatasetShape, type Dataset, type DatasetEmployee } from './dataset.schema';

const none = () => ({ units: new Set<string>(), competencies: new Set<string>(), positions: new Set<string>(), trainings: new Set<string>(), employees: new Set<string>() });

const small = generateDemoDataset({ employees: 2_000, seed: 1 });

/** Every date-valued field in the document, with where it came from. */
function allDates(d: Dataset): string[] {
  return [
    ...(d.employees ?? []).flatMap((e) => [...(e.assessments ?? []).map((a) => a.assessedAt), ...(e.appraisals ?? []).map((a) => a.periodStart)]),
    ...(d.participations ?? []).flatMap((p) => [p.startedAt, ...(p.completedAt ? [p.completedAt] : [])]),
    ...(d.trainingEvaluations ?? []).map((v) => v.evaluatedAt),
    ...(d.stakeholderInputs ?? []).map((s) => s.submittedAt),
  ];
}

/** Mean change of targeted competencies per training: latest assessment before start vs first after end (domain.md §8). */
function deltaByTraining(d: Dataset): Map<string, number> {
  const employees = new Map((d.employees ?? []).map((e) => [e.nip, e]));
  const targets = new Map((d.trainings ?? []).map((t) => [t.code, t.competencies ?? []]));
  const sums = new Map<string, [number, number]>();
  for (const p of d.participations ?? []) {
    if (p.status !== 'COMPLETED' || !p.completedAt) continue;
    const e = employees.get(p.nip) as DatasetEmployee;
    for (const c of targets.get(p.training) ?? []) {
      const own = (e.assessments ?? []).filter((a) => a.competency === c);
      const before = own.filter((a) => a.assessedAt < p.startedAt).sort((a, b) => b.assessedAt.localeCompare(a.assessedAt))[0];
      const after = own.filter((a) => a.assessedAt > p.completedAt!).sort((a, b) => a.assessedAt.localeCompare(b.assessedAt))[0];
      if (!before || !after) continue;
      const s = sums.get(p.training) ?? [0, 0];
      sums.set(p.training, [s[0] + after.level - before.level, s[1] + 1]);
    }
  }
  return new Map([...sums].map(([k, [sum, n]]) => [k, sum / n]));
}

describe('generateDemoDataset', () => {
  it('produces a document that passes shape and reference validation with zero errors', () => {
    // Through JSON, as a file would travel.
    const shape = validateDatasetShape(JSON.parse(JSON.stringify(small)));
    if (!shape.ok) expect(shape.errors.slice(0, 10)).toEqual([]);
    expect(shape.ok).toBe(true);
    if (shape.ok) expect(validateDatasetReferences(shape.dataset, none())).toEqual([]);
  });

  it('issues structurally valid, unique NIPs consistent with the rules of domain.md §3', () => {
    const nips = (small.employees ?? []).map((e) => e.nip);
    expect(new Set(nips).size).toBe(nips.length);
    for (const nip of nips) {
      const parsed = parseNip(nip);
      expect(parsed.ok, nip).toBe(true);
      const birthYear = Number(nip.slice(0, 4));
      expect(birthYear).toBeGreaterThanOrEqual(1965);
      expect(birthYear).toBeLessThanOrEqual(2000);
      expect(Number(nip.slice(8, 12)) - birthYear).toBeGreaterThanOrEqual(19);
      expect(['1', '2']).toContain(nip[14]);
    }
  });

  it('dates everything before asOf', () => {
    const dates = allDates(small);
    expect(dates.length).toBeGreaterThan(10_000);
    expect(dates.every((d) => d < '2025-01-01')).toBe(true);
  });

  it('has the Kota Medan organisation and the national dictionary', () => {
    const units = small.units ?? [];
    const codes = new Set(units.map((u) => u.code));
    for (const code of ['SETDA', 'BKPSDM', 'INSPEKTORAT', 'BAPPEDA', 'DISDIKBUD', 'DINKES', 'RSUD-PIRNGADI', 'RSUD-BACHTIAR']) expect(codes).toContain(code);
    expect(units.filter((u) => u.type === 'KECAMATAN')).toHaveLength(21);
    expect(units.filter((u) => u.type === 'KECAMATAN').map((u) => u.name)).toEqual(KECAMATAN.map(([, name]) => `Kecamatan ${name}`));
    expect(units.filter((u) => u.type === 'BADAN')).toHaveLength(5);
    expect(units.filter((u) => u.type === 'DINAS').length).toBeGreaterThanOrEqual(20);
    expect(units.some((u) => u.type === 'SEKOLAH' && /^SDN-\d{6}$/.test(u.code))).toBe(true);
    expect(units.some((u) => u.type === 'PUSKESMAS' && u.parent === 'DINKES')).toBe(true);
    const competencies = small.competencies ?? [];
    expect(competencies.slice(0, 9).map((c) => [c.code, c.type])).toEqual(NATIONAL_CODES.map((c) => [c, c === 'PB' ? 'SOCIOCULTURAL' : 'MANAGERIAL']));
    expect(competencies.every((c) => c.levels?.length === 5)).toBe(true);
    const technical = competencies.filter((c) => c.type === 'TECHNICAL').length;
    expect(technical).toBeGreaterThanOrEqual(20);
    expect(technical).toBeLessThanOrEqual(35);
    expect(small.trainings?.length).toBe(60);
  });

  it('places holders within quota, leaves vacancies and some staff unplaced', () => {
    const employees = small.employees ?? [];
    const holders = new Map<string, number>();
    for (const e of employees) if (e.position) holders.set(e.position, (holders.get(e.position) ?? 0) + 1);
    const positions = small.positions ?? [];
    for (const p of positions) expect(holders.get(p.code) ?? 0).toBeLessThanOrEqual(p.quota);
    expect(positions.some((p) => (holders.get(p.code) ?? 0) < p.quota && p.kind === 'ADMINISTRATOR')).toBe(true);
    const unplaced = employees.filter((e) => e.position === null).length / employees.length;
    expect(unplaced).toBeGreaterThanOrEqual(0.05);
    expect(unplaced).toBeLessThanOrEqual(0.08);
    // Standards: nine national competencies plus two to four technical ones.
    for (const p of positions) {
      const req = p.requirements ?? [];
      expect(req.slice(0, 9).map((r) => r.competency)).toEqual(NATIONAL_CODES);
      expect(req.length - 9).toBeGreaterThanOrEqual(2);
      expect(req.length - 9).toBeLessThanOrEqual(4);
    }
  });

  it('makes the designated trainings ineffective and the others effective', () => {
    const delta = deltaByTraining(small);
    for (const code of INEFFECTIVE_TRAININGS) expect(delta.get(code), code).toBeLessThan(0.5);
    const others = [...delta].filter(([code]) => !INEFFECTIVE_TRAININGS.includes(code));
    expect(others.length).toBeGreaterThan(40);
    for (const [code, d] of others) expect(d, code).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves a realistic share under 20 JP in the last year', () => {
    const hours = new Map((small.trainings ?? []).map((t) => [t.code, t.hours]));
    const jp = new Map<string, number>();
    for (const p of small.participations ?? []) {
      if (p.status === 'COMPLETED' && p.completedAt?.startsWith('2024')) jp.set(p.nip, (jp.get(p.nip) ?? 0) + (hours.get(p.training) ?? 0));
    }
    const employees = small.employees ?? [];
    const under = employees.filter((e) => (jp.get(e.nip) ?? 0) < 20).length / employees.length;
    expect(under).toBeGreaterThanOrEqual(0.2);
    expect(under).toBeLessThanOrEqual(0.4);
  });

  it('is deterministic: same seed, same bytes; another seed, other data', () => {
    const a = JSON.stringify(generateDemoDataset({ employees: 1_500, seed: 7 }));
    const b = JSON.stringify(generateDemoDataset({ employees: 1_500, seed: 7 }));
    const c = JSON.stringify(generateDemoDataset({ employees: 1_500, seed: 8 }));
    expect(a === b).toBe(true);
    expect(a === c).toBe(false);
  });

  it('rejects an invalid asOf or employee count', () => {
    expect(() => generateDemoDataset({ employees: 10, asOf: '2024-02-30' })).toThrow(/asOf/);
    expect(() => generateDemoDataset({ employees: 0 })).toThrow(/employees/);
  });

  // Generation time is measured by the benchmark (pnpm bench), not asserted here.
  it('generates the full 15,000 employees with counts in the expected ranges', () => {
    const d = generateDemoDataset({ employees: 15_000, seed: 1 });
    const employees = d.employees ?? [];
    const count = (n: number | undefined, lo: number, hi: number) => {
      expect(n).toBeGreaterThanOrEqual(lo);
      expect(n).toBeLessThanOrEqual(hi);
    };
    expect(employees).toHaveLength(15_000);
    count(d.units?.length, 700, 900);
    count(d.positions?.length, 2_000, 3_000);
    count(employees.reduce((s, e) => s + (e.assessments?.length ?? 0), 0), 300_000, 500_000);
    count(employees.reduce((s, e) => s + (e.appraisals?.length ?? 0), 0), 22_000, 30_000);
    count(d.trainings?.length, 55, 65);
    count(d.participations?.length, 60_000, 110_000);
    count(d.trainingEvaluations?.length, 80_000, 160_000);
    count(d.stakeholderInputs?.length, 150, 600);
    count(employees.filter((e) => e.status === 'PPPK').length, 1_000, 2_500);
  });
});
