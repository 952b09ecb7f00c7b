/** Assessments grouped per competency, newest first within each, groups by competency code. */
export interface AssessmentGroup<A> {
  competency: { code: string; name: string };
  latest: number;
  assessments: A[];
}

export function groupAssessments<A extends { assessedAt: string; level: number; competency: { code: string; name: string } }>(assessments: readonly A[]): AssessmentGroup<A>[] {
  const groups = new Map<string, AssessmentGroup<A>>();
  for (const a of assessments) {
    const group = groups.get(a.competency.code) ?? { competency: a.competency, latest: a.level, assessments: [] };
    group.assessments.push(a);
    groups.set(a.competency.code, group);
  }
  for (const group of groups.values()) {
    group.assessments.sort((x, y) => y.assessedAt.localeCompare(x.assessedAt));
    group.latest = group.assessments[0]?.level ?? group.latest;
  }
  return [...groups.values()].sort((x, y) => x.competency.code.localeCompare(y.competency.code));
}
