import type { EmployeeWhere, UnitRollupQuery } from '../../graphql/generated/graphql';
import { talentFigures, type CategoryShare } from '../dashboard/nine-box';
import { jpCompliance, summaryVariables, type JpCompliance } from '../dashboard/dashboard-data';

/** Variables of UnitRollup: the unit's subtree, its PNS, and its PNS short of the year's JP. */
export function rollupVariables(code: string, year: number): { code: string; where: EmployeeWhere; pns: EmployeeWhere; pnsShort: EmployeeWhere } {
  const v = summaryVariables(code, year);
  return { code, where: v.where!, pns: v.pns, pnsShort: v.pnsShort };
}

export interface RollupFigures {
  headcount: number;
  positions: number;
  vacant: number;
  shares: CategoryShare[];
  /** Employees with a category (placed in a position with a standard). */
  categorised: number;
  jp: JpCompliance;
}

export function rollupFigures(data: UnitRollupQuery): RollupFigures {
  // No talent boxes here: the category rows alone give the shares, and NONE completes the headcount.
  const talent = talentFigures(data.categories, []);
  return {
    headcount: talent.categorised + talent.uncategorised,
    positions: data.positions.totalCount,
    vacant: data.vacant.totalCount,
    shares: talent.shares,
    categorised: talent.categorised,
    jp: jpCompliance(data.pns[0]?.headcount ?? 0, data.pnsShort[0]?.headcount ?? 0),
  };
}

/** Subtree headcount per unit code from UnitHeadcounts. */
export function headcountsByCode(rows: readonly { group: readonly { value: string }[]; headcount: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.group[0]?.value ?? '', r.headcount]));
}
