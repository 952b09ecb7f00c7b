import { describe, expect, it } from 'vitest';
import { gapMatrix, jpCompliance, predicateTrend, recommendationCounts, summaryVariables, trendYears } from './dashboard-data';

describe('dashboard figures', () => {
  it('asks for everyone, the placed, PNS and PNS short of the JP, within the unit subtree', () => {
    expect(summaryVariables('DINKES', 2026)).toEqual({
      where: { unitSubtreeOfCode: 'DINKES' },
      placed: { and: [{ unitSubtreeOfCode: 'DINKES' }, { position: { isNull: false } }] },
      pns: { and: [{ unitSubtreeOfCode: 'DINKES' }, { status: { eq: 'PNS' } }] },
      pnsShort: { and: [{ unitSubtreeOfCode: 'DINKES' }, { status: { eq: 'PNS' } }, { developmentHours: { year: 2026, belowRequirement: true } }] },
    });
    expect(summaryVariables(null, 2026).pns).toEqual({ and: [{ status: { eq: 'PNS' } }] });
  });

  it('gives JP compliance as met of all PNS, none without PNS', () => {
    expect(jpCompliance(8, 2)).toEqual({ total: 8, met: 6, percent: 75 });
    expect(jpCompliance(0, 0)).toEqual({ total: 0, met: 0, percent: null });
  });

  it('stacks predicates per year, best first, leaving out years nobody was appraised', () => {
    const years = trendYears(2026);
    expect(years).toEqual([2022, 2023, 2024, 2025, 2026]);
    const agg = (counts: Record<string, number>) => Object.entries(counts).map(([value, headcount]) => ({ group: [{ key: 'PREDICATE', value }], headcount }));
    const trend = predicateTrend(years, [
      agg({ NONE: 10 }), agg({ BAIK: 5, SANGAT_BAIK: 2, NONE: 3 }), agg({ BAIK: 6, KURANG: 1, NONE: 3 }), agg({ NONE: 10 }), agg({ NONE: 10 }),
    ]);
    expect(trend.years).toEqual([2023, 2024]);
    expect(trend.series.map((s) => [s.predicate, s.counts])).toEqual([
      ['SANGAT_BAIK', [2, 0]], ['BAIK', [5, 6]], ['BUTUH_PERBAIKAN', [0, 0]], ['KURANG', [0, 1]], ['SANGAT_KURANG', [0, 0]],
    ]);
  });

  it('lays out the shortfall heat map: units as given, competencies by holders', () => {
    const u = (code: string) => ({ code, name: `Unit ${code}` });
    const c = (code: string) => ({ code, name: `Komp ${code}` });
    const m = gapMatrix([
      { unit: u('A'), competency: c('INT'), holders: 2, meanShortfall: 0.5, shortfallShare: 0.5 },
      { unit: u('A'), competency: c('KOM'), holders: 4, meanShortfall: 1.234, shortfallShare: 0.75 },
      { unit: u('B'), competency: c('KOM'), holders: 1, meanShortfall: 2, shortfallShare: 1 },
    ]);
    expect(m.units.map((x) => x.code)).toEqual(['A', 'B']);
    expect(m.competencies.map((x) => x.code)).toEqual(['KOM', 'INT']);
    expect(m.cells).toEqual([[1, 0, 0.5, 50, 2], [0, 0, 1.23, 75, 4], [0, 1, 2, 100, 1]]);
    expect(m.max).toBe(2);
    expect(gapMatrix([]).cells).toEqual([]);
  });

  it('orders open recommendation counts by size', () => {
    const counts = recommendationCounts({ MISPLACEMENT: { totalCount: 3 }, UNIT_COMPETENCY_GAP: { totalCount: 1 } });
    expect(counts[0]).toEqual({ kind: 'MISPLACEMENT', count: 3 });
    expect(counts[1]).toEqual({ kind: 'UNIT_COMPETENCY_GAP', count: 1 });
    expect(counts).toHaveLength(6);
  });
});
