import { z } from 'zod';
import {
  APPRAISAL_PERIODS, APPRAISAL_RATINGS, ASSESSMENT_METHODS, COMPETENCY_TYPES, EDUCATIONS, EMPLOYEE_STATUSES, GRADES,
  JPM_CATEGORIES, PARTICIPATION_STATUSES, POSITION_KINDS, PREDICATES, RESPONDENTS, STAKEHOLDER_GROUPS, TRAINING_FORMS,
  TRAINING_TYPES, UNIT_TYPES,
} from '../../domain/enums';
import type { PolicyParameters } from '../../domain/policy';

/*
 * The dataset exchange document (shared/dataset-format.md) as a zod schema.
 *
 * Null versus absent: every field the format shows as possibly null
 * (unit.parent, position.minGrade/minEducation/maxAge/technicalWeight,
 * employee.position, participation.completedAt/preTest/postTest,
 * stakeholderInput.comment) accepts both null and absence, and both mean
 * "not set". Export writes null, hand-written files often leave the key out;
 * rejecting either would make the format needlessly brittle. Optional
 * collections (competency.levels, position.requirements, employee.assessments
 * and .appraisals, training.competencies) are NOT nullable: for those the
 * importer distinguishes "absent = leave the stored set alone" from
 * "[] = the set is now empty", and null would blur that.
 *
 * Some bounds are tighter than the prose spec because the database column
 * would otherwise round or reject the value after validation passed: codes
 * ≤ 64 characters, names ≤ 255, maxAge 18..70, and decimals stored with two
 * fractional digits (a third digit would be rounded silently, so a re-import
 * of the exported file would never be a no-op).
 */

const CODE_MAX = 64;
const NAME_MAX = 255;

/** True when `s` is YYYY-MM-DD and names a day that exists (2023-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // Date.UTC normalises overflow (Feb 30 → Mar 2), so a round trip exposes impossible days.
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const hasAtMostTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-7;

const code = (what: string) =>
  z.string().min(1, { error: `${what} must not be empty` }).max(CODE_MAX, { error: `${what} is longer than ${CODE_MAX} characters` });
const name = (what: string) =>
  z.string().min(1, { error: `${what} must not be empty` }).max(NAME_MAX, { error: `${what} is longer than ${NAME_MAX} characters` });
const isoDate = z.string().refine(isCalendarDate, { error: 'must be a real calendar date written YYYY-MM-DD' });
const twoDecimals = (schema: z.ZodNumber) => schema.refine(hasAtMostTwoDecimals, { error: 'at most two decimal places are stored' });
const nip = z.string().regex(/^\d{18}$/, { error: 'NIP must be exactly 18 digits' });
/** Null and absent both mean "not set" (see the note at the top). */
const unset = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const unitSchema = z.object({
  code: code('unit code'),
  name: name('unit name'),
  type: z.enum(UNIT_TYPES),
  parent: unset(code('parent unit code')),
}).strict();

const competencyLevelSchema = z.object({
  level: z.number().int().min(1).max(5),
  description: z.string().min(1, { error: 'level description must not be empty' }),
}).strict();

const competencySchema = z.object({
  code: code('competency code'),
  name: name('competency name'),
  type: z.enum(COMPETENCY_TYPES),
  levels: z.array(competencyLevelSchema).optional(),
}).strict();

const requirementSchema = z.object({
  competency: code('competency code'),
  level: z.number().int({ error: 'a required level is a whole number 1..5' }).min(1).max(5),
}).strict();

const positionSchema = z.object({
  code: code('position code'),
  name: name('position name'),
  unit: code('unit code'),
  kind: z.enum(POSITION_KINDS),
  quota: z.number().int().min(1).default(1),
  minGrade: unset(z.enum(GRADES)),
  minEducation: unset(z.enum(EDUCATIONS)),
  maxAge: unset(z.number().int().min(18).max(70)),
  technicalWeight: unset(twoDecimals(z.number().min(0).max(1))),
  requirements: z.array(requirementSchema).optional(),
}).strict();

const assessmentSchema = z.object({
  competency: code('competency code'),
  // A decimal level such as 2.4 is allowed (domain.md §3).
  level: twoDecimals(z.number().min(1).max(5)),
  assessedAt: isoDate,
  method: z.enum(ASSESSMENT_METHODS),
}).strict();

const appraisalSchema = z.object({
  periodStart: isoDate,
  period: z.enum(APPRAISAL_PERIODS),
  results: z.enum(APPRAISAL_RATINGS),
  behaviour: z.enum(APPRAISAL_RATINGS),
}).strict();

const employeeSchema = z.object({
  nip,
  name: name('employee name'),
  status: z.enum(EMPLOYEE_STATUSES),
  grade: z.enum(GRADES),
  education: z.enum(EDUCATIONS),
  unit: code('unit code'),
  position: unset(code('position code')),
  assessments: z.array(assessmentSchema).optional(),
  appraisals: z.array(appraisalSchema).optional(),
}).strict();

const trainingSchema = z.object({
  code: code('training code'),
  title: name('training title'),
  form: z.enum(TRAINING_FORMS),
  type: z.enum(TRAINING_TYPES),
  hours: twoDecimals(z.number().gt(0, { error: 'hours must be greater than 0' }).lt(10_000)),
  competencies: z.array(code('competency code')).optional(),
}).strict();

const testScore = unset(twoDecimals(z.number().min(0).max(100)));

const participationSchema = z.object({
  nip,
  training: code('training code'),
  startedAt: isoDate,
  completedAt: unset(isoDate),
  status: z.enum(PARTICIPATION_STATUSES),
  preTest: testScore,
  postTest: testScore,
}).strict();

const trainingEvaluationSchema = z.object({
  training: code('training code'),
  nip,
  // Kirkpatrick: 1 reaction, 2 learning, 3 behaviour, 4 results.
  level: z.number().int().min(1).max(4),
  score: twoDecimals(z.number().gt(-10_000).lt(10_000)),
  respondent: z.enum(RESPONDENTS),
  evaluatedAt: isoDate,
}).strict();

const stakeholderInputSchema = z.object({
  position: code('position code'),
  competency: code('competency code'),
  group: z.enum(STAKEHOLDER_GROUPS),
  importance: z.number().int().min(1).max(5),
  comment: unset(z.string()),
  submittedAt: isoDate,
}).strict();

/*
 * `satisfies` ties the keys to PolicyParameters: adding a parameter there
 * without adding it here is a compile error, so the file format cannot
 * silently fall behind the policy model.
 */
const policyShape = {
  jpmOptimal: z.number().min(0).max(100),
  jpmAdequate: z.number().min(0).max(100),
  annualDevelopmentHours: z.number().min(0),
  minPredicate: z.enum(PREDICATES),
  performanceYears: z.number().int().min(0),
  candidateMinCategory: z.enum(JPM_CATEGORIES),
  talentPoolBoxes: z.array(z.number().int().min(1).max(9)),
  trainingMinCompletions: z.number().int().min(1),
  trainingMinDeltaCompetency: z.number(),
  trainingMaxDeltaPredicate: z.number(),
} satisfies { [K in keyof PolicyParameters]-?: z.ZodType<PolicyParameters[K]> };

const policySchema = z.object(policyShape).partial().strict().superRefine((p, ctx) => {
  if (p.jpmOptimal !== undefined && p.jpmAdequate !== undefined && p.jpmAdequate > p.jpmOptimal) {
    ctx.addIssue({ code: 'custom', path: ['jpmAdequate'], input: p.jpmAdequate, message: 'jpmAdequate must not exceed jpmOptimal' });
  }
});

export const datasetSchema = z.object({
  formatVersion: z.literal(1, { error: 'formatVersion must be 1' }).optional(),
  asOf: isoDate.optional(),
  units: z.array(unitSchema).optional(),
  competencies: z.array(competencySchema).optional(),
  positions: z.array(positionSchema).optional(),
  employees: z.array(employeeSchema).optional(),
  trainings: z.array(trainingSchema).optional(),
  participations: z.array(participationSchema).optional(),
  trainingEvaluations: z.array(trainingEvaluationSchema).optional(),
  stakeholderInputs: z.array(stakeholderInputSchema).optional(),
  policy: policySchema.optional(),
}).strict();

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetUnit = z.infer<typeof unitSchema>;
export type DatasetCompetency = z.infer<typeof competencySchema>;
export type DatasetPosition = z.infer<typeof positionSchema>;
export type DatasetEmployee = z.infer<typeof employeeSchema>;
export type DatasetAssessment = z.infer<typeof assessmentSchema>;
export type DatasetAppraisal = z.infer<typeof appraisalSchema>;
export type DatasetTraining = z.infer<typeof trainingSchema>;
export type DatasetParticipation = z.infer<typeof participationSchema>;
export type DatasetTrainingEvaluation = z.infer<typeof trainingEvaluationSchema>;
export type DatasetStakeholderInput = z.infer<typeof stakeholderInputSchema>;
/** Input side of the schema: what a file may contain before defaults (quota) are applied. */
export type DatasetInput = z.input<typeof datasetSchema>;

export interface DatasetError {
  /** JSON path of the offending value, e.g. `$.employees[3].nip`. */
  path: string;
  /** The value found there; undefined when the key is missing. */
  value: unknown;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `$.a[0].b`, quoting keys that are not plain identifiers. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}

function isMissingKey(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !Object.hasOwn(parent, path[path.length - 1]);
}

/**
 * Checks the document's shape and returns every problem zod found, not only
 * the first. An unknown key is reported at the key's own path (zod reports
 * it on the enclosing object), so a user can find it directly.
 */
export function validateDatasetShape(input: unknown): { ok: true; dataset: Dataset } | { ok: false; errors: DatasetError[] } {
  const result = datasetSchema.safeParse(input);
  if (result.success) return { ok: true, dataset: result.data };
  const errors: DatasetError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        errors.push({ path: jsonPath(path), value: valueAt(input, path), message: `unknown key "${key}"` });
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    // zod words a missing key as a type or enum mismatch; say plainly that it is missing.
    const message = isMissingKey(input, issue.path) ? 'required value is missing' : issue.message;
    errors.push({ path: jsonPath(issue.path), value, message });
  }
  return { ok: false, errors };
}

/** Natural keys already in the database, against which references may also resolve. */
export interface KnownKeys {
  units: Set<string>;
  competencies: Set<string>;
  positions: Set<string>;
  trainings: Set<string>;
  employees: Set<string>;
}

/**
 * Checks what the shape cannot: references resolve (inside the file or to
 * `known`, i.e. the database), natural keys are not repeated in the file,
 * the unit tree has no cycle, and participations do not end before they
 * start. Duplicates are reported at the later occurrence, naming the first,
 * because the importer upserts on these keys and a repeat would make the
 * outcome depend on order (or fail the statement outright).
 * Cycles are detected among the file's own units; a cycle that passes through
 * stored parents the file does not restate is left to the database.
 */
export function validateDatasetReferences(dataset: Dataset, known: KnownKeys): DatasetError[] {
  const errors: DatasetError[] = [];
  const err = (path: string, value: unknown, message: string) => errors.push({ path, value, message });

  /** Records the first path of each key; later occurrences are errors. */
  const uniqueIndex = (what: string) => {
    const first = new Map<string, string>();
    return (key: string, path: string, value: unknown) => {
      const seen = first.get(key);
      if (seen !== undefined) err(path, value, `duplicate ${what}; first given at ${seen}`);
      else first.set(key, path);
    };
  };

  const units = dataset.units ?? [];
  const competencies = dataset.competencies ?? [];
  const positions = dataset.positions ?? [];
  const employees = dataset.employees ?? [];
  const trainings = dataset.trainings ?? [];

  const fileUnits = new Set(units.map((u) => u.code));
  const fileCompetencies = new Set(competencies.map((c) => c.code));
  const filePositions = new Set(positions.map((p) => p.code));
  const fileTrainings = new Set(trainings.map((t) => t.code));
  const fileEmployees = new Set(employees.map((e) => e.nip));

  const resolves = (inFile: Set<string>, inDb: Set<string>, what: string) => (value: string, path: string) => {
    if (!inFile.has(value) && !inDb.has(value)) err(path, value, `unknown ${what} "${value}": not in this file nor in the database`);
  };
  const unitRef = resolves(fileUnits, known.units, 'unit');
  const competencyRef = resolves(fileCompetencies, known.competencies, 'competency');
  const positionRef = resolves(filePositions, known.positions, 'position');
  const trainingRef = resolves(fileTrainings, known.trainings, 'training');
  const employeeRef = resolves(fileEmployees, known.employees, 'employee (NIP)');

  const unitKey = uniqueIndex('unit code');
  units.forEach((u, i) => {
    unitKey(u.code, `$.units[${i}].code`, u.code);
    if (u.parent != null) unitRef(u.parent, `$.units[${i}].parent`);
  });
  errors.push(...unitCycles(units));

  const competencyKey = uniqueIndex('competency code');
  competencies.forEach((c, i) => {
    competencyKey(c.code, `$.competencies[${i}].code`, c.code);
    const levelKey = uniqueIndex('level description for this competency');
    c.levels?.forEach((l, j) => levelKey(String(l.level), `$.competencies[${i}].levels[${j}].level`, l.level));
  });

  const positionKey = uniqueIndex('position code');
  positions.forEach((p, i) => {
    positionKey(p.code, `$.positions[${i}].code`, p.code);
    unitRef(p.unit, `$.positions[${i}].unit`);
    const reqKey = uniqueIndex('requirement for this competency in the position');
    p.requirements?.forEach((r, j) => {
      const path = `$.positions[${i}].requirements[${j}].competency`;
      competencyRef(r.competency, path);
      reqKey(r.competency, path, r.competency);
    });
  });

  const nipKey = uniqueIndex('NIP');
  employees.forEach((e, i) => {
    const base = `$.employees[${i}]`;
    nipKey(e.nip, `${base}.nip`, e.nip);
    unitRef(e.unit, `${base}.unit`);
    if (e.position != null) positionRef(e.position, `${base}.position`);
    const assessmentKey = uniqueIndex('assessment (competency + assessedAt) for this employee');
    e.assessments?.forEach((a, j) => {
      competencyRef(a.competency, `${base}.assessments[${j}].competency`);
      assessmentKey(`${a.competency}|${a.assessedAt}`, `${base}.assessments[${j}]`, a);
    });
    const appraisalKey = uniqueIndex('appraisal (periodStart + period) for this employee');
    e.appraisals?.forEach((a, j) => appraisalKey(`${a.periodStart}|${a.period}`, `${base}.appraisals[${j}]`, a));
  });

  const trainingKey = uniqueIndex('training code');
  trainings.forEach((t, i) => {
    trainingKey(t.code, `$.trainings[${i}].code`, t.code);
    const targetKey = uniqueIndex('target competency for this training');
    t.competencies?.forEach((c, j) => {
      competencyRef(c, `$.trainings[${i}].competencies[${j}]`);
      targetKey(c, `$.trainings[${i}].competencies[${j}]`, c);
    });
  });

  const participationKey = uniqueIndex('participation (nip + training + startedAt)');
  (dataset.participations ?? []).forEach((p, i) => {
    const base = `$.participations[${i}]`;
    employeeRef(p.nip, `${base}.nip`);
    trainingRef(p.training, `${base}.training`);
    participationKey(`${p.nip}|${p.training}|${p.startedAt}`, base, p);
    // ISO dates compare correctly as strings.
    if (p.completedAt != null && p.completedAt < p.startedAt) {
      err(`${base}.completedAt`, p.completedAt, `completedAt is before startedAt (${p.startedAt})`);
    }
  });

  const evaluationKey = uniqueIndex('evaluation (training + nip + level + respondent + evaluatedAt)');
  (dataset.trainingEvaluations ?? []).forEach((v, i) => {
    const base = `$.trainingEvaluations[${i}]`;
    trainingRef(v.training, `${base}.training`);
    employeeRef(v.nip, `${base}.nip`);
    evaluationKey(`${v.training}|${v.nip}|${v.level}|${v.respondent}|${v.evaluatedAt}`, base, v);
  });

  const inputKey = uniqueIndex('stakeholder input (position + competency + group + submittedAt)');
  (dataset.stakeholderInputs ?? []).forEach((s, i) => {
    const base = `$.stakeholderInputs[${i}]`;
    positionRef(s.position, `${base}.position`);
    competencyRef(s.competency, `${base}.competency`);
    inputKey(`${s.position}|${s.competency}|${s.group}|${s.submittedAt}`, base, s);
  });

  return errors;
}

/** One error per unit that sits on a parent cycle, so every offending record is named. */
function unitCycles(units: readonly DatasetUnit[]): DatasetError[] {
  const index = new Map<string, number>();
  units.forEach((u, i) => { if (!index.has(u.code)) index.set(u.code, i); });
  // 0 = unvisited, 1 = on the current walk, 2 = done (known acyclic or already reported).
  const state = new Map<string, 0 | 1 | 2>();
  const errors: DatasetError[] = [];
  for (const start of index.keys()) {
    if (state.get(start)) continue;
    const walk: string[] = [];
    let cur: string | null | undefined = start;
    while (cur != null && index.has(cur) && !state.get(cur)) {
      state.set(cur, 1);
      walk.push(cur);
      cur = units[index.get(cur)!].parent;
    }
    if (cur != null && state.get(cur) === 1) {
      const cycle = walk.slice(walk.indexOf(cur));
      const text = [...cycle, cur].join(' → ');
      for (const member of cycle) {
        const i = index.get(member)!;
        errors.push({ path: `$.units[${i}].parent`, value: units[i].parent, message: `unit parent chain forms a cycle: ${text}` });
      }
    }
    for (const code of walk) state.set(code, 2);
  }
  return errors;
}
