import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREDICATES } from './enums';
import {
  categoryAtLeast, categoryOf, compareCandidates, computeJpm, rankCandidates,
  type JpmRequirement, type RankableCandidate,
} from './jpm';
import { DEFAULT_POLICY, LEGACY_JPM_SCHEME } from './policy';

const NATIONAL = ['INT', 'KS', 'KOM', 'OPH', 'PP', 'PDO', 'MP', 'PK', 'PB'] as const;
const standard = (level: number): JpmRequirement[] =>
  NATIONAL.map((competencyId) => ({ competencyId, group: 'MANAGERIAL_SOCIOCULTURAL', required: level }));
const levels = (values: readonly number[]): Map<string, number> => new Map(NATIONAL.map((c, i) => [c, values[i] ?? 0]));
const policy = DEFAULT_POLICY;

describe('computeJpm: worked examples (domain.md §10)', () => {
  it('example 1: administrator at 3,3,2,3,3,2,3,3,3 → 92.59 OPTIMAL, gaps KOM and PDO', () => {
    const r = computeJpm({ requirements: standard(3), achieved: levels([3, 3, 2, 3, 3, 2, 3, 3, 3]), technicalWeight: null, policy });
    expect(r.jpm).toBeCloseTo(92.59, 2);
    expect(r.rawJpm).toBeCloseTo((100 * 25) / 27, 10);
    expect(r.category).toBe('OPTIMAL');
    expect(r.ikk).toBeCloseTo(7.41, 2);
    expect(r.missing).toEqual([]);
    const withGap = r.gaps.filter((g) => g.gap !== 0);
    expect(withGap.map((g) => [g.competencyId, g.gap, g.shortfall])).toEqual([['KOM', -1, 1], ['PDO', -1, 1]]);
    // AKPK (training-needs analysis) = competencies with shortfall > 0.
    expect(r.gaps.filter((g) => g.shortfall > 0).map((g) => g.competencyId)).toEqual(['KOM', 'PDO']);
    expect(r.totalShortfall).toBe(2);
    expect(r.maxShortfall).toBe(1);
  });

  it('example 2: 3,2,2,3,3,2,2,3,3 → 85.19 CUKUP_OPTIMAL', () => {
    const r = computeJpm({ requirements: standard(3), achieved: levels([3, 2, 2, 3, 3, 2, 2, 3, 3]), technicalWeight: null, policy });
    expect(r.jpm).toBeCloseTo(85.19, 2);
    expect(r.category).toBe('CUKUP_OPTIMAL');
    expect(r.totalShortfall).toBe(4);
  });

  it('example 2 boundaries', () => {
    expect(categoryOf(90, policy)).toBe('OPTIMAL');
    expect(categoryOf(89.99, policy)).toBe('CUKUP_OPTIMAL');
    expect(categoryOf(78, policy)).toBe('CUKUP_OPTIMAL');
    expect(categoryOf(77.99, policy)).toBe('KURANG_OPTIMAL');
  });

  it('the legacy scheme (≥80 / 68–80 / <68) is selectable', () => {
    expect(categoryOf(85.19, LEGACY_JPM_SCHEME)).toBe('OPTIMAL');
    expect(categoryOf(80, LEGACY_JPM_SCHEME)).toBe('OPTIMAL');
    expect(categoryOf(79.99, LEGACY_JPM_SCHEME)).toBe('CUKUP_OPTIMAL');
    expect(categoryOf(68, LEGACY_JPM_SCHEME)).toBe('CUKUP_OPTIMAL');
    expect(categoryOf(67.99, LEGACY_JPM_SCHEME)).toBe('KURANG_OPTIMAL');
  });

  it('example 3: pengawas standard 2, employee at 3 → raw 150, JPM 100, OPTIMAL, IKK 0', () => {
    const r = computeJpm({ requirements: standard(2), achieved: levels(Array(9).fill(3)), technicalWeight: null, policy });
    expect(r.rawJpm).toBe(150);
    expect(r.jpm).toBe(100);
    expect(r.category).toBe('OPTIMAL');
    expect(r.ikk).toBe(0);
    expect(r.gaps.every((g) => g.gap === 1 && g.shortfall === 0)).toBe(true);
    expect(r.totalShortfall).toBe(0);
    expect(r.maxShortfall).toBe(0);
  });
});

describe('computeJpm: details', () => {
  it('counts never-assessed competencies as 0 and lists them', () => {
    const achieved = levels([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    achieved.delete('PB');
    achieved.delete('MP');
    const r = computeJpm({ requirements: standard(3), achieved, technicalWeight: null, policy });
    expect(r.missing).toEqual(['MP', 'PB']);
    expect(r.gaps.find((g) => g.competencyId === 'PB')).toEqual({ competencyId: 'PB', required: 3, achieved: null, gap: -3, shortfall: 3 });
    expect(r.jpm).toBeCloseTo((100 * 21) / 27, 10);
    expect(r.maxShortfall).toBe(3);
    expect(r.totalShortfall).toBe(6);
  });

  it('an assessed level of 0 is not "missing"', () => {
    const r = computeJpm({
      requirements: [{ competencyId: 'X', group: 'TECHNICAL', required: 2 }],
      achieved: new Map([['X', 0]]), technicalWeight: null, policy,
    });
    expect(r.missing).toEqual([]);
    expect(r.gaps[0]?.achieved).toBe(0);
  });

  it('categorises an exact 90 % made of decimal levels as OPTIMAL despite float noise', () => {
    const r = computeJpm({ requirements: standard(3), achieved: levels(Array(9).fill(2.7)), technicalWeight: null, policy });
    expect(r.jpm).toBeCloseTo(90, 9);
    expect(r.category).toBe('OPTIMAL');
  });

  it('rejects invalid input', () => {
    expect(() => computeJpm({ requirements: [], achieved: new Map(), technicalWeight: null, policy })).toThrow(/at least one/);
    expect(() => computeJpm({ requirements: [...standard(3), ...standard(3)], achieved: new Map(), technicalWeight: null, policy }))
      .toThrow(/required twice/);
    expect(() => computeJpm({ requirements: standard(0), achieved: new Map(), technicalWeight: null, policy })).toThrow(/positive/);
    expect(() => computeJpm({ requirements: standard(3), achieved: levels(Array(9).fill(-1)), technicalWeight: null, policy }))
      .toThrow(/non-negative/);
    expect(() => computeJpm({ requirements: standard(3), achieved: new Map(), technicalWeight: 1.5, policy })).toThrow(/technicalWeight/);
  });
});

describe('computeJpm: weighted technical vs managerial+socio-cultural', () => {
  const technical: JpmRequirement[] = [
    { competencyId: 'T1', group: 'TECHNICAL', required: 3 },
    { competencyId: 'T2', group: 'TECHNICAL', required: 3 },
  ];
  const requirements = [...technical, ...standard(3)];
  const exampleOne = levels([3, 3, 2, 3, 3, 2, 3, 3, 3]);

  it('50/50 (JF Ahli Muda): technical fully met, managerial at example 1', () => {
    const achieved = new Map([...exampleOne, ['T1', 3], ['T2', 3]]);
    const weighted = computeJpm({ requirements, achieved, technicalWeight: 0.5, policy });
    expect(weighted.jpm).toBeCloseTo(0.5 * 100 + 0.5 * ((100 * 25) / 27), 10); // 96.30
    expect(weighted.category).toBe('OPTIMAL');
    // Unweighted pools all eleven: 31 / 33.
    const pooled = computeJpm({ requirements, achieved, technicalWeight: null, policy });
    expect(pooled.jpm).toBeCloseTo((100 * 31) / 33, 10);
  });

  it('40/60 and 60/40 weight the groups differently', () => {
    const achieved = new Map([...exampleOne, ['T1', 1.5], ['T2', 1.5]]); // technical 50 %
    const ms = (100 * 25) / 27;
    expect(computeJpm({ requirements, achieved, technicalWeight: 0.4, policy }).jpm).toBeCloseTo(0.4 * 50 + 0.6 * ms, 10); // 75.56
    expect(computeJpm({ requirements, achieved, technicalWeight: 0.6, policy }).jpm).toBeCloseTo(0.6 * 50 + 0.4 * ms, 10); // 67.04
  });

  it('does not cap a group before weighting; caps only the final value', () => {
    const achieved = new Map([...exampleOne, ['T1', 4], ['T2', 4]]); // technical 133.33 %
    const r = computeJpm({ requirements, achieved, technicalWeight: 0.5, policy });
    expect(r.rawJpm).toBeCloseTo(0.5 * ((100 * 8) / 6) + 0.5 * ((100 * 25) / 27), 10); // 112.96
    expect(r.jpm).toBe(100);
    expect(r.ikk).toBe(0);
  });

  it('uses the other group alone when one group has no requirements', () => {
    const onlyMs = computeJpm({ requirements: standard(3), achieved: exampleOne, technicalWeight: 0.6, policy });
    expect(onlyMs.jpm).toBeCloseTo((100 * 25) / 27, 10);
    const onlyT = computeJpm({ requirements: technical, achieved: new Map([['T1', 3], ['T2', 2]]), technicalWeight: 0, policy });
    expect(onlyT.jpm).toBeCloseTo((100 * 5) / 6, 10);
  });
});

describe('computeJpm: properties', () => {
  const level = fc.double({ min: 0, max: 5, noNaN: true });
  const arbitraryCase = fc.record({
    requirements: fc.array(
      fc.record({ group: fc.constantFrom('TECHNICAL' as const, 'MANAGERIAL_SOCIOCULTURAL' as const), required: fc.integer({ min: 1, max: 5 }) }),
      { minLength: 1, maxLength: 12 },
    ).map((rs) => rs.map((r, i): JpmRequirement => ({ ...r, competencyId: `C${i}` }))),
    levels: fc.array(fc.option(level, { nil: undefined }), { minLength: 12, maxLength: 12 }),
    technicalWeight: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  });
  const toMap = (ls: readonly (number | undefined)[]): Map<string, number> => {
    const m = new Map<string, number>();
    ls.forEach((v, i) => { if (v !== undefined) m.set(`C${i}`, v); });
    return m;
  };

  it('jpm is in [0, 100], ikk = 100 − jpm, category agrees with thresholds', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ requirements, levels: ls, technicalWeight }) => {
        const r = computeJpm({ requirements, achieved: toMap(ls), technicalWeight, policy });
        expect(r.jpm).toBeGreaterThanOrEqual(0);
        expect(r.jpm).toBeLessThanOrEqual(100);
        expect(r.jpm).toBe(Math.min(100, r.rawJpm));
        expect(r.ikk).toBe(100 - r.jpm);
        expect(r.category).toBe(categoryOf(r.jpm, policy));
        expect(r.totalShortfall).toBeGreaterThanOrEqual(r.maxShortfall);
      }),
    );
  });

  it('raising one achieved level never lowers jpm', () => {
    fc.assert(
      fc.property(arbitraryCase, fc.nat(11), fc.double({ min: 0, max: 5, noNaN: true }), ({ requirements, levels: ls, technicalWeight }, i, bump) => {
        const before = computeJpm({ requirements, achieved: toMap(ls), technicalWeight, policy });
        const raised = [...ls];
        raised[i] = (raised[i] ?? 0) + bump;
        const after = computeJpm({ requirements, achieved: toMap(raised), technicalWeight, policy });
        expect(after.jpm).toBeGreaterThanOrEqual(before.jpm - 1e-9);
        expect(after.totalShortfall).toBeLessThanOrEqual(before.totalShortfall + 1e-9);
      }),
    );
  });
});

describe('categoryAtLeast', () => {
  it('orders KURANG_OPTIMAL < CUKUP_OPTIMAL < OPTIMAL', () => {
    expect(categoryAtLeast('OPTIMAL', 'CUKUP_OPTIMAL')).toBe(true);
    expect(categoryAtLeast('CUKUP_OPTIMAL', 'CUKUP_OPTIMAL')).toBe(true);
    expect(categoryAtLeast('KURANG_OPTIMAL', 'CUKUP_OPTIMAL')).toBe(false);
    expect(categoryAtLeast('KURANG_OPTIMAL', 'KURANG_OPTIMAL')).toBe(true);
    expect(categoryAtLeast('CUKUP_OPTIMAL', 'OPTIMAL')).toBe(false);
  });
});

describe('compareCandidates', () => {
  const base: RankableCandidate = { nip: '198609262015051001', jpm: 90, latestPredicate: 'BAIK', totalShortfall: 2, maxShortfall: 1 };
  const first = (a: RankableCandidate, b: RankableCandidate): string => {
    expect(Math.sign(compareCandidates(a, b))).toBe(-Math.sign(compareCandidates(b, a)));
    return rankCandidates([b, a])[0]?.nip ?? '';
  };

  it('1. higher JPM first', () => {
    const a = { ...base, nip: '2', jpm: 92.59, latestPredicate: 'BUTUH_PERBAIKAN' as const, totalShortfall: 5 };
    const b = { ...base, nip: '1', jpm: 85.19, latestPredicate: 'SANGAT_BAIK' as const };
    expect(first(a, b)).toBe('2');
  });

  it('2. equal JPM: better latest predicate first; no predicate lowest', () => {
    const a = { ...base, nip: '2', latestPredicate: 'SANGAT_BAIK' as const, totalShortfall: 5, maxShortfall: 3 };
    const b = { ...base, nip: '1', latestPredicate: 'BAIK' as const };
    expect(first(a, b)).toBe('2');
    const none = { ...base, nip: '0', latestPredicate: null };
    const worst = { ...base, nip: '3', latestPredicate: 'SANGAT_KURANG' as const, totalShortfall: 9 };
    expect(first(worst, none)).toBe('3');
  });

  it('3. equal JPM and predicate: smaller total shortfall first', () => {
    const a = { ...base, nip: '2', totalShortfall: 2, maxShortfall: 2 };
    const b = { ...base, nip: '1', totalShortfall: 3, maxShortfall: 1 };
    expect(first(a, b)).toBe('2');
  });

  it('4. then smaller largest single shortfall first', () => {
    const a = { ...base, nip: '2', totalShortfall: 2, maxShortfall: 1 };
    const b = { ...base, nip: '1', totalShortfall: 2, maxShortfall: 2 };
    expect(first(a, b)).toBe('2');
  });

  it('5. then NIP ascending', () => {
    const a = { ...base, nip: '198609262015051001' };
    const b = { ...base, nip: '198609262015051002' };
    expect(first(a, b)).toBe('198609262015051001');
    expect(compareCandidates(a, { ...a })).toBe(0);
  });

  it('treats JPMs equal up to float noise as a tie', () => {
    const a = { ...base, nip: '2', jpm: 0.1 + 0.2, latestPredicate: 'SANGAT_BAIK' as const };
    const b = { ...base, nip: '1', jpm: 0.3 };
    expect(first(a, b)).toBe('2');
  });

  it('sorting is deterministic regardless of input order (property)', () => {
    const candidate = fc.record({
      nip: fc.string({ minLength: 18, maxLength: 18, unit: fc.constantFrom(...'0123456789') }),
      jpm: fc.constantFrom(70, 85.19, 92.59, 100),
      latestPredicate: fc.constantFrom(null, ...PREDICATES),
      totalShortfall: fc.integer({ min: 0, max: 4 }),
      maxShortfall: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.nip, maxLength: 15 }), (cs) => {
        const sorted = rankCandidates(cs);
        expect(rankCandidates([...cs].reverse())).toEqual(sorted);
        for (let i = 1; i < sorted.length; i++) {
          expect(compareCandidates(sorted[i - 1] as RankableCandidate, sorted[i] as RankableCandidate)).toBeLessThan(0);
        }
      }),
    );
  });
});
