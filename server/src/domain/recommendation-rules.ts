import { computeJpm, categoryAtLeast, JPM_EPSILON, type CompetencyGroup } from './jpm';
import { checkEligibility } from './eligibility';
import { developmentHours, hoursShortfall } from './development-hours';
import { predicateOrdinal } from './ordinal';
import { talentBox } from './talent';
import type {
  Education, EmployeeStatus, Grade, JpmCategory, ParticipationStatus, PositionKind, Predicate, StakeholderGroup,
} from './enums';
import { DEFAULT_POLICY, type PolicyParameters } from './policy';

/**
 * Reference implementations of the recommendation rules (domain.md §7–§8).
 * The production rules are set-based SQL (modules/recommendation/
 * recommendation.sql.ts); these functions define the same figures on plain
 * data so property tests can hold the two together, and they document each
 * rule in one readable place.
 */

export const RECOMMENDATION_KINDS = [
  'TRAINING_INEFFECTIVE', 'UNIT_COMPETENCY_GAP', 'DEVELOPMENT_HOURS_SHORTFALL', 'MISPLACEMENT', 'SUCCESSION_RISK', 'STANDARD_REVIEW',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Lowest first, so the tuple index is the rank used for ordering. */
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RECOMMENDATION_STATUSES = ['OPEN', 'ACCEPTED', 'DISMISSED', 'RESOLVED'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * Thresholds of the recommendation rules that PolicyParameters does not
 * carry. They live in the same policy-version JSON (extra keys are kept by
 * every reader), so they are versioned with the rest of the policy.
 */
export interface RecommendationThresholds {
  /** UNIT_COMPETENCY_GAP: flag a unit × competency when the mean shortfall of the holders is at least this. */
  unitGapMinMeanShortfall: number;
  /** UNIT_COMPETENCY_GAP: ignore a unit × competency with fewer holders than this (one person is not a unit pattern). */
  unitGapMinHolders: number;
  /** STANDARD_REVIEW: a stakeholder group needs at least this many responses before its view counts. */
  standardReviewMinResponses: number;
}

export const DEFAULT_RECOMMENDATION_THRESHOLDS: Readonly<RecommendationThresholds> = Object.freeze({
  unitGapMinMeanShortfall: 0.5,
  unitGapMinHolders: 2,
  standardReviewMinResponses: 1,
});

export type RecommendationPolicy = PolicyParameters & RecommendationThresholds;

/** The full parameter set of a stored version: missing keys (older versions) come from the defaults. */
export function recommendationPolicy(p: Partial<RecommendationPolicy> | null | undefined): RecommendationPolicy {
  return { ...DEFAULT_POLICY, ...DEFAULT_RECOMMENDATION_THRESHOLDS, ...(p ?? {}) };
}

/** Tolerance for threshold comparisons, as in JPM: averages of decimals are not exact in binary. */
export const RULE_EPSILON = JPM_EPSILON;

/** z for a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/** Job positions whose succession is watched (domain.md §8). */
export const SUCCESSION_KINDS: readonly PositionKind[] = ['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR'];

/**
 * Stakeholder importance (1–5) is read on the proficiency scale (1–5): a
 * group's mean importance, rounded half up, is the level it implies
 * (1.5 → 2, 3.49 → 3, 4.5 → 5). Computed from the integer sum and count so
 * SQL and TypeScript agree exactly: floor((2·Σ + n) / (2·n)).
 */
export function impliedLevel(importanceSum: number, responses: number): number {
  return Math.floor((2 * importanceSum + responses) / (2 * responses));
}

// ---------------------------------------------------------------- the world

export interface RwAssessment { competencyId: number; level: number; assessedAt: string }
/** ANNUAL appraisals only. */
export interface RwAppraisal { periodStart: string; predicate: Predicate }
export interface RwEmployee {
  id: number;
  nip: string;
  status: EmployeeStatus;
  unitId: number;
  positionId: number | null;
  grade: Grade;
  education: Education;
  birthDate: string;
  assessments: RwAssessment[];
  annual: RwAppraisal[];
}
export interface RwRequirement { competencyId: number; level: number; technical: boolean }
export interface RwPosition {
  id: number;
  code: string;
  unitId: number;
  kind: PositionKind;
  quota: number;
  technicalWeight: number | null;
  minGrade: Grade | null;
  minEducation: Education | null;
  maxAge: number | null;
  requirements: RwRequirement[];
}
export interface RwTraining { id: number; code: string; hours: number; competencyIds: number[] }
export interface RwParticipation { employeeId: number; trainingId: number; startedAt: string; completedAt: string | null; status: ParticipationStatus }
export interface RwStakeholderInput { positionId: number; competencyId: number; group: StakeholderGroup; importance: number; submittedAt: string }

export interface RuleWorld {
  asOf: string;
  year: number;
  policy: RecommendationPolicy;
  employees: RwEmployee[];
  positions: RwPosition[];
  trainings: RwTraining[];
  participations: RwParticipation[];
  stakeholderInputs: RwStakeholderInput[];
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sampleVariance = (xs: readonly number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Current level: the latest assessment on or before asOf. */
export function currentLevel(e: RwEmployee, competencyId: number, asOf: string): number | null {
  let best: RwAssessment | null = null;
  for (const a of e.assessments) {
    if (a.competencyId === competencyId && a.assessedAt <= asOf && (best === null || a.assessedAt > best.assessedAt)) best = a;
  }
  return best?.level ?? null;
}

function latestBefore(e: RwEmployee, competencyId: number, before: string): number | null {
  let best: RwAssessment | null = null;
  for (const a of e.assessments) {
    if (a.competencyId === competencyId && a.assessedAt < before && (best === null || a.assessedAt > best.assessedAt)) best = a;
  }
  return best?.level ?? null;
}

function firstAfter(e: RwEmployee, competencyId: number, after: string, asOf: string): number | null {
  let best: RwAssessment | null = null;
  for (const a of e.assessments) {
    if (a.competencyId === competencyId && a.assessedAt > after && a.assessedAt <= asOf && (best === null || a.assessedAt < best.assessedAt)) best = a;
  }
  return best?.level ?? null;
}

function predicateBefore(e: RwEmployee, before: string): Predicate | null {
  const known = e.annual.filter((a) => a.periodStart < before).sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1));
  return known[0]?.predicate ?? null;
}

/** First annual appraisal whose period starts after `after` and is known by asOf (period started before asOf). */
function predicateAfter(e: RwEmployee, after: string, asOf: string): Predicate | null {
  const known = e.annual.filter((a) => a.periodStart > after && a.periodStart < asOf).sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
  return known[0]?.predicate ?? null;
}

// ---------------------------------------------------------------- DEVELOPMENT_HOURS_SHORTFALL

export interface HoursShortfallRow { employeeId: number; year: number; hours: number; required: number; shortfall: number }

/**
 * PNS with fewer lesson hours (JP) completed in the year than the policy's
 * annualDevelopmentHours (domain.md §7: the duty is every PNS's). Only the
 * completion year counts: a workshop completed on 2023-12-20 is 2023's.
 */
export function hoursShortfallRule(w: RuleWorld): HoursShortfallRow[] {
  const required = w.policy.annualDevelopmentHours;
  const hoursByTraining = new Map(w.trainings.map((t) => [t.id, t.hours]));
  return w.employees.filter((e) => e.status === 'PNS').flatMap((e) => {
    const hours = developmentHours(w.participations.filter((p) => p.employeeId === e.id)
      .map((p) => ({ hours: hoursByTraining.get(p.trainingId) ?? 0, status: p.status, completedAt: p.completedAt })), w.year);
    if (!(hours < required - RULE_EPSILON)) return [];
    return [{ employeeId: e.id, year: w.year, hours, required, shortfall: hoursShortfall(hours, required) }];
  });
}

export function hoursSeverity(row: Pick<HoursShortfallRow, 'hours' | 'required'>): Severity {
  if (row.hours < 0.25 * row.required) return 'HIGH';
  if (row.hours < 0.75 * row.required) return 'MEDIUM';
  return 'LOW';
}

// ---------------------------------------------------------------- UNIT_COMPETENCY_GAP

export interface UnitGapRow {
  unitId: number;
  competencyId: number;
  holders: number;
  meanShortfall: number;
  shortfallRate: number;
  /** Mean required level over the holders (positions of one unit may differ). */
  required: number;
  /** A training targeting the competency: the most focused (fewest targets), then by code; null when the catalogue has none. */
  suggestedTrainingId: number | null;
}

/**
 * Per unit (of the position) and competency, over the holders of positions
 * whose standard requires it: shortfall = max(0, required − current level),
 * never assessed = 0. Flagged when holders ≥ unitGapMinHolders and mean
 * shortfall ≥ unitGapMinMeanShortfall. Ranked by mean shortfall, then rate.
 */
export function unitGapRule(w: RuleWorld): UnitGapRow[] {
  const positions = new Map(w.positions.map((p) => [p.id, p]));
  const groups = new Map<string, { unitId: number; competencyId: number; shortfalls: number[]; required: number[] }>();
  for (const e of w.employees) {
    const p = e.positionId === null ? undefined : positions.get(e.positionId);
    if (!p) continue;
    for (const r of p.requirements) {
      const key = `${p.unitId}:${r.competencyId}`;
      const g = groups.get(key) ?? { unitId: p.unitId, competencyId: r.competencyId, shortfalls: [], required: [] };
      g.shortfalls.push(Math.max(0, r.level - (currentLevel(e, r.competencyId, w.asOf) ?? 0)));
      g.required.push(r.level);
      groups.set(key, g);
    }
  }
  const rows: UnitGapRow[] = [];
  for (const g of groups.values()) {
    const meanShortfall = mean(g.shortfalls);
    if (g.shortfalls.length < w.policy.unitGapMinHolders || meanShortfall < w.policy.unitGapMinMeanShortfall - RULE_EPSILON) continue;
    rows.push({
      unitId: g.unitId, competencyId: g.competencyId, holders: g.shortfalls.length, meanShortfall,
      shortfallRate: g.shortfalls.filter((s) => s > RULE_EPSILON).length / g.shortfalls.length,
      required: mean(g.required), suggestedTrainingId: suggestTraining(w.trainings, g.competencyId),
    });
  }
  return rows.sort((a, b) => b.meanShortfall - a.meanShortfall || b.shortfallRate - a.shortfallRate || a.unitId - b.unitId || a.competencyId - b.competencyId);
}

export function suggestTraining(trainings: readonly RwTraining[], competencyId: number): number | null {
  const targeting = trainings.filter((t) => t.competencyIds.includes(competencyId))
    .sort((a, b) => a.competencyIds.length - b.competencyIds.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return targeting[0]?.id ?? null;
}

export function unitGapSeverity(row: Pick<UnitGapRow, 'meanShortfall' | 'shortfallRate'>): Severity {
  if (row.meanShortfall >= 1 - RULE_EPSILON) return 'HIGH';
  if (row.meanShortfall >= 0.5 - RULE_EPSILON || row.shortfallRate >= 0.5) return 'MEDIUM';
  return 'LOW';
}

// ---------------------------------------------------------------- TRAINING_INEFFECTIVE

export interface TrainingEffectRow {
  trainingId: number;
  n: number;
  deltaCompetency: number;
  deltaPredicate: number;
  comparisonN: number;
  comparisonDeltaCompetency: number | null;
  comparisonDeltaPredicate: number | null;
  didCompetency: number | null;
  didPredicate: number | null;
  /** 95 % interval of didCompetency; null when either group has fewer than 2 members. */
  ci95: [number, number] | null;
}

interface Change { dc: number; dp: number }

/** Mean change over the given competencies between `pre` (latest before) and `post` (first after); null when no competency has both. */
function competencyChange(e: RwEmployee, competencyIds: readonly number[], before: string, after: string, asOf: string): number | null {
  const deltas: number[] = [];
  for (const c of competencyIds) {
    const pre = latestBefore(e, c, before);
    const post = firstAfter(e, c, after, asOf);
    if (pre !== null && post !== null) deltas.push(post - pre);
  }
  return deltas.length ? mean(deltas) : null;
}

function change(e: RwEmployee, competencyIds: readonly number[], before: string, after: string, asOf: string): Change | null {
  const dc = competencyChange(e, competencyIds, before, after, asOf);
  const pre = predicateBefore(e, before);
  const post = predicateAfter(e, after, asOf);
  if (dc === null || pre === null || post === null) return null;
  return { dc, dp: predicateOrdinal(post) - predicateOrdinal(pre) };
}

/**
 * domain.md §8. Participants: completions (COMPLETED, completed by asOf)
 * with a pre and a post value for both measures — ΔC per completion is the
 * mean over the targeted competencies of (first assessment after completion
 * − latest assessment before the start); ΔP is the predicate ordinal of the
 * first annual appraisal whose period starts after completion minus that of
 * the latest whose period starts before the start. Judged when n ≥
 * trainingMinCompletions; flagged when mean ΔC < trainingMinDeltaCompetency
 * and mean ΔP ≤ trainingMaxDeltaPredicate.
 * Comparison (difference-in-differences): employees who never took part in
 * the training and hold a position requiring at least one targeted
 * competency, measured the same way over the training's span [earliest
 * start, latest completion] of the judged completions, on the targeted
 * competencies their position requires. did = participants − comparison;
 * the 95 % interval of didCompetency is did ± z·√(s²ₜ/n + s²꜀/m) (Welch,
 * normal approximation).
 */
export function trainingRule(w: RuleWorld): TrainingEffectRow[] {
  const employees = new Map(w.employees.map((e) => [e.id, e]));
  const positions = new Map(w.positions.map((p) => [p.id, p]));
  const rows: TrainingEffectRow[] = [];
  for (const t of w.trainings) {
    const judged: (Change & { start: string; end: string })[] = [];
    for (const p of w.participations) {
      if (p.trainingId !== t.id || p.status !== 'COMPLETED' || p.completedAt === null || p.completedAt > w.asOf) continue;
      const e = employees.get(p.employeeId)!;
      const c = change(e, t.competencyIds, p.startedAt, p.completedAt, w.asOf);
      if (c) judged.push({ ...c, start: p.startedAt, end: p.completedAt });
    }
    if (judged.length < w.policy.trainingMinCompletions || judged.length === 0) continue;
    const dc = mean(judged.map((j) => j.dc));
    const dp = mean(judged.map((j) => j.dp));
    if (!(dc < w.policy.trainingMinDeltaCompetency - RULE_EPSILON && dp <= w.policy.trainingMaxDeltaPredicate + RULE_EPSILON)) continue;
    const start = judged.map((j) => j.start).sort()[0]!;
    const end = judged.map((j) => j.end).sort().at(-1)!;
    const participants = new Set(w.participations.filter((p) => p.trainingId === t.id).map((p) => p.employeeId));
    const comparison: Change[] = [];
    for (const e of w.employees) {
      if (participants.has(e.id) || e.positionId === null) continue;
      const required = (positions.get(e.positionId)?.requirements ?? []).map((r) => r.competencyId).filter((c) => t.competencyIds.includes(c));
      if (required.length === 0) continue;
      const c = change(e, required, start, end, w.asOf);
      if (c) comparison.push(c);
    }
    const m = comparison.length;
    const cdc = m ? mean(comparison.map((c) => c.dc)) : null;
    const cdp = m ? mean(comparison.map((c) => c.dp)) : null;
    const didC = cdc === null ? null : dc - cdc;
    let ci95: [number, number] | null = null;
    if (didC !== null && judged.length >= 2 && m >= 2) {
      const se = Math.sqrt(sampleVariance(judged.map((j) => j.dc)) / judged.length + sampleVariance(comparison.map((c) => c.dc)) / m);
      ci95 = [didC - Z95 * se, didC + Z95 * se];
    }
    rows.push({
      trainingId: t.id, n: judged.length, deltaCompetency: dc, deltaPredicate: dp, comparisonN: m,
      comparisonDeltaCompetency: cdc, comparisonDeltaPredicate: cdp, didCompetency: didC, didPredicate: cdp === null ? null : dp - cdp, ci95,
    });
  }
  return rows;
}

/** HIGH when even the optimistic end of the 95 % interval is below the threshold; LOW when the comparison group fared worse enough that the training's own effect reaches it. */
export function trainingSeverity(row: Pick<TrainingEffectRow, 'ci95' | 'didCompetency'>, policy: Pick<PolicyParameters, 'trainingMinDeltaCompetency'>): Severity {
  const t = policy.trainingMinDeltaCompetency;
  if (row.ci95 && row.ci95[1] < t - RULE_EPSILON) return 'HIGH';
  if (row.didCompetency === null || row.didCompetency < t - RULE_EPSILON) return 'MEDIUM';
  return 'LOW';
}

// ---------------------------------------------------------------- JPM helpers for the placement rules

function jpmOf(w: RuleWorld, e: RwEmployee, p: RwPosition): { jpm: number; category: JpmCategory } {
  const achieved = new Map<string, number>();
  for (const r of p.requirements) {
    const level = currentLevel(e, r.competencyId, w.asOf);
    if (level !== null) achieved.set(String(r.competencyId), level);
  }
  const result = computeJpm({
    requirements: p.requirements.map((r) => ({
      competencyId: String(r.competencyId), required: r.level, group: (r.technical ? 'TECHNICAL' : 'MANAGERIAL_SOCIOCULTURAL') as CompetencyGroup,
    })),
    achieved, technicalWeight: p.technicalWeight, policy: w.policy,
  });
  return { jpm: result.jpm, category: result.category };
}

function holderCounts(w: RuleWorld): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of w.employees) if (e.positionId !== null) counts.set(e.positionId, (counts.get(e.positionId) ?? 0) + 1);
  return counts;
}

/** Compares JPMs equal to 9 decimals as equal, like the SQL ordering. */
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

// ---------------------------------------------------------------- MISPLACEMENT

export interface MisplacementRow { employeeId: number; currentPositionId: number; currentJpm: number; betterPositionId: number; betterJpm: number }

/**
 * A holder at KURANG_OPTIMAL in the current position while a vacancy
 * (holders < quota, with a standard) exists where the same person is
 * OPTIMAL. The best such vacancy is named: highest JPM, then lowest id.
 */
export function misplacementRule(w: RuleWorld): MisplacementRow[] {
  const positions = new Map(w.positions.map((p) => [p.id, p]));
  const counts = holderCounts(w);
  const vacant = w.positions.filter((p) => p.requirements.length > 0 && (counts.get(p.id) ?? 0) < p.quota);
  const rows: MisplacementRow[] = [];
  for (const e of w.employees) {
    const own = e.positionId === null ? undefined : positions.get(e.positionId);
    if (!own || own.requirements.length === 0) continue;
    const current = jpmOf(w, e, own);
    if (current.category !== 'KURANG_OPTIMAL') continue;
    let best: { id: number; jpm: number } | null = null;
    for (const v of vacant) {
      if (v.id === own.id) continue;
      const m = jpmOf(w, e, v);
      if (m.category !== 'OPTIMAL') continue;
      if (!best || round9(m.jpm) > round9(best.jpm) || (round9(m.jpm) === round9(best.jpm) && v.id < best.id)) best = { id: v.id, jpm: m.jpm };
    }
    if (best) rows.push({ employeeId: e.id, currentPositionId: own.id, currentJpm: current.jpm, betterPositionId: best.id, betterJpm: best.jpm });
  }
  return rows;
}

export function misplacementSeverity(row: Pick<MisplacementRow, 'currentJpm' | 'betterJpm'>): Severity {
  const gain = row.betterJpm - row.currentJpm;
  if (gain >= 30) return 'HIGH';
  if (gain >= 20) return 'MEDIUM';
  return 'LOW';
}

// ---------------------------------------------------------------- SUCCESSION_RISK

export interface SuccessionRow {
  positionId: number;
  /** Eligible talent-pool members (holders of the position excluded) at the policy's candidateMinCategory or better — none of them OPTIMAL. */
  candidates: number;
  /** Best JPM among the eligible talent-pool members; null when none is eligible. */
  bestJpm: number | null;
}

/** Talent-pool member ids: placed, box (latest annual predicate × category in the own position) in talentPoolBoxes. */
export function talentPool(w: RuleWorld): Set<number> {
  const positions = new Map(w.positions.map((p) => [p.id, p]));
  const pool = new Set<number>();
  for (const e of w.employees) {
    const own = e.positionId === null ? undefined : positions.get(e.positionId);
    if (!own || own.requirements.length === 0) continue;
    const box = talentBox(predicateBefore(e, w.asOf), jpmOf(w, e, own).category);
    if (box !== null && w.policy.talentPoolBoxes.includes(box)) pool.add(e.id);
  }
  return pool;
}

/**
 * A JPT or ADMINISTRATOR position (with a standard) for which no eligible
 * talent-pool member other than its holders is OPTIMAL.
 */
export function successionRule(w: RuleWorld): SuccessionRow[] {
  const pool = talentPool(w);
  const members = w.employees.filter((e) => pool.has(e.id));
  const rows: SuccessionRow[] = [];
  for (const p of w.positions) {
    if (!SUCCESSION_KINDS.includes(p.kind) || p.requirements.length === 0) continue;
    let candidates = 0;
    let bestJpm: number | null = null;
    let covered = false;
    for (const e of members) {
      if (e.positionId === p.id) continue;
      const eligible = checkEligibility({ ...e, annualPredicates: e.annual }, p, w.asOf, w.policy).eligible;
      if (!eligible) continue;
      const m = jpmOf(w, e, p);
      if (m.category === 'OPTIMAL') covered = true;
      if (categoryAtLeast(m.category, w.policy.candidateMinCategory)) candidates++;
      if (bestJpm === null || m.jpm > bestJpm) bestJpm = m.jpm;
    }
    if (!covered) rows.push({ positionId: p.id, candidates, bestJpm });
  }
  return rows;
}

export function successionSeverity(row: Pick<SuccessionRow, 'candidates'>): Severity {
  return row.candidates === 0 ? 'HIGH' : 'MEDIUM';
}

// ---------------------------------------------------------------- STANDARD_REVIEW

export interface StakeholderGroupView { group: StakeholderGroup; responses: number; meanImportance: number; impliedLevel: number }

export interface StandardReviewRow {
  positionId: number;
  competencyId: number;
  /** Responses of the groups that imply a higher level. */
  responses: number;
  /** Mean importance over those responses. */
  meanImportance: number;
  /** The standard's level; 0 when the standard does not include the competency. */
  requiredLevel: number;
  /** The groups that imply a higher level, by group code. */
  groups: StakeholderGroupView[];
}

/**
 * Per position, competency and stakeholder group (inputs submitted by
 * asOf): the implied level (see impliedLevel) above the required level, with
 * at least standardReviewMinResponses responses, flags the position's
 * standard for that competency.
 */
export function standardReviewRule(w: RuleWorld): StandardReviewRow[] {
  const byKey = new Map<string, { positionId: number; competencyId: number; groups: Map<StakeholderGroup, number[]> }>();
  for (const s of w.stakeholderInputs) {
    if (s.submittedAt > w.asOf) continue;
    const key = `${s.positionId}:${s.competencyId}`;
    const entry = byKey.get(key) ?? { positionId: s.positionId, competencyId: s.competencyId, groups: new Map() };
    entry.groups.set(s.group, [...(entry.groups.get(s.group) ?? []), s.importance]);
    byKey.set(key, entry);
  }
  const positions = new Map(w.positions.map((p) => [p.id, p]));
  const rows: StandardReviewRow[] = [];
  for (const entry of byKey.values()) {
    const requiredLevel = positions.get(entry.positionId)?.requirements.find((r) => r.competencyId === entry.competencyId)?.level ?? 0;
    const groups: StakeholderGroupView[] = [];
    for (const [group, values] of entry.groups) {
      const sum = values.reduce((s, v) => s + v, 0);
      const implied = impliedLevel(sum, values.length);
      if (values.length >= w.policy.standardReviewMinResponses && implied > requiredLevel) {
        groups.push({ group, responses: values.length, meanImportance: sum / values.length, impliedLevel: implied });
      }
    }
    if (groups.length === 0) continue;
    groups.sort((a, b) => (a.group < b.group ? -1 : 1));
    const responses = groups.reduce((s, g) => s + g.responses, 0);
    const total = groups.reduce((s, g) => s + g.meanImportance * g.responses, 0);
    rows.push({ positionId: entry.positionId, competencyId: entry.competencyId, responses, meanImportance: total / responses, requiredLevel, groups });
  }
  return rows;
}

export function standardReviewSeverity(row: Pick<StandardReviewRow, 'groups' | 'requiredLevel' | 'responses'>): Severity {
  const gap = Math.max(...row.groups.map((g) => g.impliedLevel)) - row.requiredLevel;
  if (gap >= 2) return 'HIGH';
  return row.responses >= 3 ? 'MEDIUM' : 'LOW';
}
