import type { JpmCategory, PolicyParametersInput, Predicate } from '../../graphql/generated/graphql';
import type { UserError } from '../../composables/use-mutation-form';

/** Every key of the API's PolicyParametersInput, so a key the schema adds fails the typecheck here. */
export type ParameterKey = keyof PolicyParametersInput & string;

export type ParameterKind = 'number' | 'integer' | 'predicate' | 'category' | 'boxes';

export interface ParameterSpec {
  key: ParameterKey;
  kind: ParameterKind;
  min?: number;
  max?: number;
  step?: number;
}

/** The form's order: JPM thresholds and placement first, then the rule thresholds. */
export const parameterSpecs = [
  { key: 'jpmOptimal', kind: 'number', min: 0, max: 100, step: 0.5 },
  { key: 'jpmAdequate', kind: 'number', min: 0, max: 100, step: 0.5 },
  { key: 'candidateMinCategory', kind: 'category' },
  { key: 'talentPoolBoxes', kind: 'boxes' },
  { key: 'annualDevelopmentHours', kind: 'number', min: 0, max: 1000, step: 1 },
  { key: 'minPredicate', kind: 'predicate' },
  { key: 'performanceYears', kind: 'integer', min: 0, max: 10, step: 1 },
  { key: 'trainingMinCompletions', kind: 'integer', min: 1, max: 1000, step: 1 },
  { key: 'trainingMinDeltaCompetency', kind: 'number', min: -5, max: 5, step: 0.1 },
  { key: 'trainingMaxDeltaPredicate', kind: 'number', min: -4, max: 4, step: 0.1 },
  { key: 'unitGapMinMeanShortfall', kind: 'number', min: 0, max: 5, step: 0.1 },
  { key: 'unitGapMinHolders', kind: 'integer', min: 1, max: 10000, step: 1 },
  { key: 'standardReviewMinResponses', kind: 'integer', min: 1, max: 10000, step: 1 },
] as const satisfies readonly ParameterSpec[];

// Fails the typecheck when the schema gains a parameter the form does not list.
type Listed = (typeof parameterSpecs)[number]['key'];
const _everyKeyListed: Record<Exclude<ParameterKey, Listed>, never> = {};
void _everyKeyListed;

export const parameterKeys: ParameterKey[] = parameterSpecs.map((s) => s.key);

/** What the form edits: every parameter, null where a value is missing or cleared. */
export interface ParameterValues {
  jpmOptimal: number | null;
  jpmAdequate: number | null;
  candidateMinCategory: JpmCategory | null;
  talentPoolBoxes: number[];
  annualDevelopmentHours: number | null;
  minPredicate: Predicate | null;
  performanceYears: number | null;
  trainingMinCompletions: number | null;
  trainingMinDeltaCompetency: number | null;
  trainingMaxDeltaPredicate: number | null;
  unitGapMinMeanShortfall: number | null;
  unitGapMinHolders: number | null;
  standardReviewMinResponses: number | null;
}

const predicates: readonly Predicate[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
const categories: readonly JpmCategory[] = ['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL'];
export const predicateOptions = predicates;
export const categoryOptions = categories;

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The defaults the API documents (PolicyParametersInput) for keys added after a version was
 * stored: an older version keeps its JSON as it was, and the server reads a missing key as its
 * default (comparePolicyVersions says the same), so the console shows that value too.
 */
export const parameterDefaults = {
  unitGapMinMeanShortfall: 0.5,
  unitGapMinHolders: 2,
  standardReviewMinResponses: 1,
} as const satisfies Partial<Record<ParameterKey, number>>;

/** Form values from a version's `parameters` JSON, documented defaults filled in for keys it predates. */
export function valuesFrom(parameters: Record<string, unknown> | null | undefined): ParameterValues {
  const p: Record<string, unknown> = { ...(parameters ? parameterDefaults : {}), ...(parameters ?? {}) };
  return {
    jpmOptimal: numberOrNull(p.jpmOptimal),
    jpmAdequate: numberOrNull(p.jpmAdequate),
    candidateMinCategory: categories.find((c) => c === p.candidateMinCategory) ?? null,
    talentPoolBoxes: Array.isArray(p.talentPoolBoxes) ? p.talentPoolBoxes.filter((b): b is number => typeof b === 'number') : [],
    annualDevelopmentHours: numberOrNull(p.annualDevelopmentHours),
    minPredicate: predicates.find((x) => x === p.minPredicate) ?? null,
    performanceYears: numberOrNull(p.performanceYears),
    trainingMinCompletions: numberOrNull(p.trainingMinCompletions),
    trainingMinDeltaCompetency: numberOrNull(p.trainingMinDeltaCompetency),
    trainingMaxDeltaPredicate: numberOrNull(p.trainingMaxDeltaPredicate),
    unitGapMinMeanShortfall: numberOrNull(p.unitGapMinMeanShortfall),
    unitGapMinHolders: numberOrNull(p.unitGapMinHolders),
    standardReviewMinResponses: numberOrNull(p.standardReviewMinResponses),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The input sent to the API: the keys that differ from `base` (all keys when there is no base).
 * A cleared field is sent as null, which the server refuses next to that field, rather than
 * silently keeping the base value the user removed.
 */
export function parametersInput(values: ParameterValues, base: ParameterValues | null = null): PolicyParametersInput {
  const input: Record<string, unknown> = {};
  for (const key of parameterKeys) {
    const v = values[key];
    if (base && same(v, base[key])) continue;
    input[key] = key === 'talentPoolBoxes' ? [...(v as number[])].sort((a, b) => a - b) : v;
  }
  return input as PolicyParametersInput;
}

/** The legacy JPM category scheme (domain.md §4): OPTIMAL ≥ 80, CUKUP_OPTIMAL ≥ 68. */
export const legacyScheme = { jpmOptimal: 80, jpmAdequate: 68 } as const;

export function isLegacyScheme(parameters: Record<string, unknown> | null | undefined): boolean {
  return parameters?.jpmOptimal === legacyScheme.jpmOptimal && parameters.jpmAdequate === legacyScheme.jpmAdequate;
}

/** `parameters.jpmAdequate` → jpmAdequate; name and basedOn stay as they are; anything else is general. */
export function placePolicyErrors(errors: readonly UserError[], fields: readonly string[]): { fields: Record<string, UserError>; general: UserError[] } {
  const byField: Record<string, UserError> = {};
  const general: UserError[] = [];
  const known = new Set(fields);
  for (const e of errors) {
    const field = e.field?.replace(/^(?:parameters|changes)\./, '') ?? null;
    if (field !== null && known.has(field)) byField[field] ??= e;
    else general.push(e);
  }
  return { fields: byField, general };
}

export const isParameterKey = (key: string): key is ParameterKey => (parameterKeys as string[]).includes(key);
