export interface UnitRef { id: string; code: string; name: string }
export interface UnitNode extends UnitRef { parent: { id: string } | null }
export interface CompetencyRef { id: string; code: string; name: string }

export interface SectorCompetency { competency: CompetencyRef; positions: number }
export interface Sector { agency: UnitRef | null; competencies: SectorCompetency[] }

/** The top of a unit's chain: the agency (dinas, badan, kecamatan…) it belongs to. */
export function agencyOf(unitId: string, units: ReadonlyMap<string, UnitNode>): UnitRef | null {
  let current = units.get(unitId);
  const seen = new Set<string>();
  while (current?.parent && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = units.get(current.parent.id);
    if (!parent) break;
    current = parent;
  }
  return current ? { id: current.id, code: current.code, name: current.name } : null;
}

/**
 * Groups technical competencies by the agencies whose position standards require them, counting
 * positions per agency; competencies no standard requires form one group without an agency, last.
 * `positionUnits` gives, per competency id, the unit of every position requiring it.
 */
export function groupBySector(
  competencies: readonly CompetencyRef[],
  positionUnits: ReadonlyMap<string, readonly string[]>,
  units: readonly UnitNode[],
): Sector[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byAgency = new Map<string, { agency: UnitRef; counts: Map<string, number> }>();
  const unused: CompetencyRef[] = [];
  for (const c of competencies) {
    const unitIds = positionUnits.get(c.id) ?? [];
    if (unitIds.length === 0) unused.push(c);
    for (const unitId of unitIds) {
      const agency = agencyOf(unitId, byId);
      if (!agency) continue;
      const entry = byAgency.get(agency.id) ?? { agency, counts: new Map<string, number>() };
      byAgency.set(agency.id, entry);
      entry.counts.set(c.id, (entry.counts.get(c.id) ?? 0) + 1);
    }
  }
  const byCompetencyId = new Map(competencies.map((c) => [c.id, c]));
  const sectors: Sector[] = [...byAgency.values()]
    .map((e) => ({
      agency: e.agency,
      competencies: [...e.counts.entries()]
        .map(([id, n]) => ({ competency: byCompetencyId.get(id) as CompetencyRef, positions: n }))
        .sort((a, b) => b.positions - a.positions || a.competency.code.localeCompare(b.competency.code)),
    }))
    .sort((a, b) => a.agency.name.localeCompare(b.agency.name));
  if (unused.length > 0) sectors.push({ agency: null, competencies: unused.map((competency) => ({ competency, positions: 0 })) });
  return sectors;
}
