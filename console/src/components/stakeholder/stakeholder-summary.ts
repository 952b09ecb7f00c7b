import type { StakeholderGroup } from '../../graphql/generated/graphql';

// `satisfies` keeps this list in step with the schema's groups; ordered as the seed names them.
const groupSet = {
  GURU: true, ORANG_TUA: true, SISWA: true, PASIEN: true, TENAGA_KESEHATAN: true, MASYARAKAT: true, OTHER: true,
} as const satisfies Record<StakeholderGroup, true>;
export const stakeholderGroups = Object.keys(groupSet) as StakeholderGroup[];
export const isStakeholderGroup = (v: string | null | undefined): v is StakeholderGroup => typeof v === 'string' && Object.hasOwn(groupSet, v);

interface CompetencyRef { id: string; code: string; name: string }
export interface SummaryRequirement { level: number; competency: CompetencyRef }
export interface SummaryInput { group: StakeholderGroup; importance: number; competency: CompetencyRef }

export interface GroupSummary { group: StakeholderGroup; n: number; meanImportance: number; impliedLevel: number }
export interface CompetencySummary {
  competency: CompetencyRef;
  /** Level the standard requires; null when the standard does not include the competency. */
  required: number | null;
  groups: GroupSummary[];
  /** The highest level a group implies; null without input. */
  impliedLevel: number | null;
  /** Some group implies a level above the standard (or rates a competency the standard leaves out). */
  aboveStandard: boolean;
}

/**
 * Implied level of a group = its mean importance rounded half up, in integers as the
 * recommendation engine computes it (STANDARD_REVIEW): floor((2Σ + n) / 2n).
 */
export const impliedLevel = (total: number, n: number): number => Math.floor((2 * total + n) / (2 * n));

/**
 * A position's standard beside its stakeholder input: one row per competency that is required or
 * rated, with each group's response count, mean importance and implied level. Required
 * competencies come first in standard order, then the ones only stakeholders mention, by code.
 */
export function stakeholderSummary(requirements: readonly SummaryRequirement[], inputs: readonly SummaryInput[]): CompetencySummary[] {
  const rows = new Map<string, { competency: CompetencyRef; required: number | null; totals: Map<StakeholderGroup, { total: number; n: number }> }>();
  for (const r of requirements) rows.set(r.competency.id, { competency: r.competency, required: r.level, totals: new Map() });
  const extra: string[] = [];
  for (const i of inputs) {
    let row = rows.get(i.competency.id);
    if (!row) {
      row = { competency: i.competency, required: null, totals: new Map() };
      rows.set(i.competency.id, row);
      extra.push(i.competency.id);
    }
    const t = row.totals.get(i.group) ?? { total: 0, n: 0 };
    row.totals.set(i.group, { total: t.total + i.importance, n: t.n + 1 });
  }
  const ordered = [
    ...requirements.map((r) => r.competency.id),
    ...extra.sort((a, b) => (rows.get(a)?.competency.code ?? '').localeCompare(rows.get(b)?.competency.code ?? '')),
  ];
  return ordered.map((id) => {
    const row = rows.get(id)!;
    const groups = stakeholderGroups
      .filter((g) => row.totals.has(g))
      .map((group) => {
        const { total, n } = row.totals.get(group)!;
        return { group, n, meanImportance: total / n, impliedLevel: impliedLevel(total, n) };
      });
    const implied = groups.length ? Math.max(...groups.map((g) => g.impliedLevel)) : null;
    return { competency: row.competency, required: row.required, groups, impliedLevel: implied, aboveStandard: implied !== null && implied > (row.required ?? 0) };
  });
}
