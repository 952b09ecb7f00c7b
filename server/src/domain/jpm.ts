import { JPM_CATEGORIES, type JpmCategory, type Predicate } from './enums';
import { predicateOrdinal } from './ordinal';
import type { PolicyParameters } from './policy';

export const COMPETENCY_GROUPS = ['TECHNICAL', 'MANAGERIAL_SOCIOCULTURAL'] as const;
export type CompetencyGroup = (typeof COMPETENCY_GROUPS)[number];

export interface JpmRequirement {
  competencyId: string;
  group: CompetencyGroup;
  required: number;
}

export interface CompetencyGap {
  competencyId: string;
  required: number;
  /** null = never assessed (counted as 0 in the sums). */
  achieved: number | null;
  /** achieved − required, with a missing level taken as 0. */
  gap: number;
  /** max(0, −gap) */
  shortfall: number;
}

export type JpmPolicy = Pick<PolicyParameters, 'jpmOptimal' | 'jpmAdequate'>;

export interface JpmInput {
  requirements: readonly JpmRequirement[];
  /** Current level per competencyId; absent = never assessed. */
  achieved: ReadonlyMap<string, number>;
  /** Weight of the technical group in [0, 1]; null = one pooled ratio over all competencies. */
  technicalWeight: number | null;
  policy: JpmPolicy;
}

export interface JpmResult {
  /** Uncapped 100 × achieved / required (weighted when technicalWeight is set). */
  rawJpm: number;
  /** min(100, rawJpm), unrounded. */
  jpm: number;
  category: JpmCategory;
  /** Gap index IKK = 100 − jpm. */
  ikk: number;
  /** In requirement order. */
  gaps: CompetencyGap[];
  /** competencyIds never assessed, in requirement order. */
  missing: string[];
  totalShortfall: number;
  maxShortfall: number;
}

/**
 * Tolerance for threshold and tie comparisons. Levels are decimals such as
 * 2.4, so a sum that is exactly 90 % on paper can come out as 89.99999999999999
 * in binary floating point; that must still be OPTIMAL, and two candidates
 * equal on paper must tie. Far below any precision the inputs carry.
 */
export const JPM_EPSILON = 1e-9;

/** Categorise the unrounded JPM (domain.md §4); thresholds come from the active policy version. */
export function categoryOf(jpm: number, policy: JpmPolicy): JpmCategory {
  if (jpm >= policy.jpmOptimal - JPM_EPSILON) return 'OPTIMAL';
  if (jpm >= policy.jpmAdequate - JPM_EPSILON) return 'CUKUP_OPTIMAL';
  return 'KURANG_OPTIMAL';
}

/** True when cat is min or better (KURANG_OPTIMAL < CUKUP_OPTIMAL < OPTIMAL). */
export function categoryAtLeast(cat: JpmCategory, min: JpmCategory): boolean {
  return JPM_CATEGORIES.indexOf(cat) >= JPM_CATEGORIES.indexOf(min);
}

function assertLevel(value: number, what: string, allowZero: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`${what} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${value}`);
  }
}

/**
 * Job Person Match of one employee against one position standard.
 *
 * Weighted mode: JPM = w·JPM_T + (1 − w)·JPM_MS on the uncapped group ratios,
 * so surplus in one group can offset a gap in the other exactly as in the
 * pooled formula. When a position has requirements in only one group, that
 * group's ratio is used alone: re-normalising the weights is the only reading
 * that keeps a fully met standard at 100 rather than scaling it by w.
 *
 * Throws RangeError for a standard with no requirements (a ratio over zero
 * has no meaning; callers must skip positions without a standard), for
 * duplicate competencies, non-positive required levels, negative achieved
 * levels or a weight outside [0, 1].
 */
export function computeJpm(input: JpmInput): JpmResult {
  const { requirements, achieved, technicalWeight, policy } = input;
  if (requirements.length === 0) throw new RangeError('JPM needs at least one required competency');
  if (technicalWeight !== null && !(technicalWeight >= 0 && technicalWeight <= 1)) {
    throw new RangeError(`technicalWeight must be in [0, 1] or null, got ${technicalWeight}`);
  }

  const seen = new Set<string>();
  const sums: Record<CompetencyGroup, { achieved: number; required: number }> = {
    TECHNICAL: { achieved: 0, required: 0 },
    MANAGERIAL_SOCIOCULTURAL: { achieved: 0, required: 0 },
  };
  const gaps: CompetencyGap[] = [];
  const missing: string[] = [];

  for (const req of requirements) {
    if (seen.has(req.competencyId)) throw new RangeError(`competency ${req.competencyId} is required twice`);
    seen.add(req.competencyId);
    assertLevel(req.required, `required level of ${req.competencyId}`, false);
    const level = achieved.get(req.competencyId);
    if (level === undefined) missing.push(req.competencyId);
    else assertLevel(level, `achieved level of ${req.competencyId}`, true);
    const value = level ?? 0;
    const gap = value - req.required;
    gaps.push({ competencyId: req.competencyId, required: req.required, achieved: level ?? null, gap, shortfall: Math.max(0, -gap) });
    sums[req.group].achieved += value;
    sums[req.group].required += req.required;
  }

  const ratio = (g: CompetencyGroup): number => (100 * sums[g].achieved) / sums[g].required;
  let rawJpm: number;
  const t = sums.TECHNICAL.required > 0;
  const ms = sums.MANAGERIAL_SOCIOCULTURAL.required > 0;
  if (technicalWeight === null) {
    rawJpm = (100 * (sums.TECHNICAL.achieved + sums.MANAGERIAL_SOCIOCULTURAL.achieved))
      / (sums.TECHNICAL.required + sums.MANAGERIAL_SOCIOCULTURAL.required);
  } else if (t && ms) {
    rawJpm = technicalWeight * ratio('TECHNICAL') + (1 - technicalWeight) * ratio('MANAGERIAL_SOCIOCULTURAL');
  } else {
    rawJpm = ratio(t ? 'TECHNICAL' : 'MANAGERIAL_SOCIOCULTURAL');
  }

  const jpm = Math.min(100, rawJpm);
  const shortfalls = gaps.map((g) => g.shortfall);
  return {
    rawJpm,
    jpm,
    category: categoryOf(jpm, policy),
    ikk: 100 - jpm,
    gaps,
    missing,
    totalShortfall: shortfalls.reduce((s, x) => s + x, 0),
    maxShortfall: Math.max(0, ...shortfalls),
  };
}

/** What ranking needs to know about a candidate for one position. */
export interface RankableCandidate {
  nip: string;
  jpm: number;
  /** Latest annual predicate; null (no appraisal) ranks lowest. */
  latestPredicate: Predicate | null;
  totalShortfall: number;
  maxShortfall: number;
}

function compareWithTolerance(a: number, b: number): number {
  return Math.abs(a - b) <= JPM_EPSILON ? 0 : a - b;
}

/**
 * Sort comparator, best candidate first (domain.md §4): JPM desc, latest
 * annual predicate desc, total shortfall asc, largest single shortfall asc,
 * NIP asc. The NIP makes the order total, so rankings are reproducible.
 */
export function compareCandidates(a: RankableCandidate, b: RankableCandidate): number {
  const byJpm = compareWithTolerance(b.jpm, a.jpm);
  if (byJpm !== 0) return byJpm;
  const pa = a.latestPredicate === null ? 0 : predicateOrdinal(a.latestPredicate);
  const pb = b.latestPredicate === null ? 0 : predicateOrdinal(b.latestPredicate);
  if (pa !== pb) return pb - pa;
  const byTotal = compareWithTolerance(a.totalShortfall, b.totalShortfall);
  if (byTotal !== 0) return byTotal;
  const byMax = compareWithTolerance(a.maxShortfall, b.maxShortfall);
  if (byMax !== 0) return byMax;
  return a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0;
}

/** A sorted copy; the input is left untouched. */
export function rankCandidates<T extends RankableCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort(compareCandidates);
}
