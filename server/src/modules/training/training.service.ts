import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { execute } from '../../graphql/list';
import { join, sql } from '../../graphql/sql';
import { employeeLabel } from '../../graphql/personal-data';
import { PARTICIPATION_STATUSES, RESPONDENTS, TRAINING_FORMS, TRAINING_TYPES } from '../../domain/enums';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import type { Viewer } from '../access/viewer';
import { Training, TrainingEvaluation, TrainingParticipation } from './training.entity';
import type { TrainingEvaluationInput, TrainingInput, TrainingParticipationInput } from './training.types';

const trainingConstraintField = (c: string): string | null =>
  (c.includes('training_competency') ? 'input.competencies' : c.includes('code') ? 'input.code' : c.includes('hours') ? 'input.hours' : null);

const participationConstraintField = (c: string): string | null => {
  if (c.includes('unique')) return 'input.startedAt';
  if (c.includes('completed_at')) return 'input.completedAt';
  if (c.includes('pre_test')) return 'input.preTest';
  if (c.includes('post_test')) return 'input.postTest';
  if (c.includes('employee_id')) return 'input.employee';
  if (c.includes('training_id')) return 'input.training';
  return null;
};

const evaluationConstraintField = (c: string): string | null => {
  if (c.includes('unique')) return 'input.evaluatedAt';
  if (c.includes('level')) return 'input.level';
  if (c.includes('employee_id')) return 'input.employee';
  if (c.includes('training_id')) return 'input.training';
  return null;
};

function checkEnum(check: InputCheck, field: string, value: string | null | undefined, allowed: readonly string[]): void {
  if (value === null || value === undefined || allowed.includes(value)) return;
  check.add(field, UserErrorCode.INVALID, `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`);
}

/** Decimal columns keep two places; refusing more avoids silently storing a different number. */
function checkTwoDecimals(check: InputCheck, field: string, value: number | null | undefined): void {
  if (value === null || value === undefined || !Number.isFinite(value)) return;
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) check.add(field, UserErrorCode.INVALID, `${field} must have at most two decimals, got ${value}.`);
}

/** Required on create; on update only an explicit null is a mistake (it would clear a required column). */
function requiredFields(check: InputCheck, creating: boolean, fields: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (creating || value === null) check.required(`input.${field}`, value);
  }
}

// ---------------------------------------------------------------- trainings

function checkTrainingInput(input: TrainingInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  requiredFields(check, creating, { code: input.code, title: input.title, form: input.form, type: input.type, hours: input.hours });
  check.code('input.code', input.code);
  check.text('input.title', input.title);
  checkEnum(check, 'input.form', input.form, TRAINING_FORMS);
  checkEnum(check, 'input.type', input.type, TRAINING_TYPES);
  if (input.hours !== null && input.hours !== undefined && (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 9999.99)) {
    check.add('input.hours', UserErrorCode.OUT_OF_RANGE, `input.hours must be more than 0 and at most 9999.99, got ${input.hours}.`);
  }
  checkTwoDecimals(check, 'input.hours', input.hours);
  return check;
}

/** The targeted competencies, loaded in one query; repeated ids count once. */
async function resolveCompetencies(em: EntityManager, check: InputCheck, ids: readonly string[]): Promise<Competency[]> {
  const decoded = ids.map((g, i) => check.id(`input.competencies[${i}]`, g, 'Competency'));
  const wanted = [...new Set(decoded.filter((id): id is number => id !== null))];
  const found = wanted.length > 0 ? await em.find(Competency, { id: { $in: wanted } }) : [];
  const known = new Set(found.map((c) => c.id));
  decoded.forEach((id, i) => {
    if (id !== null && !known.has(id)) check.add(`input.competencies[${i}]`, UserErrorCode.NOT_FOUND, `input.competencies[${i}]: Competency ${ids[i]} does not exist.`);
  });
  return found;
}

/**
 * Writes the pivot directly rather than through the ORM collection: the
 * collection would have to be loaded first, and only the SQL loader reads it.
 */
async function replaceTargets(em: EntityManager, training: Training, competencies: readonly Competency[]): Promise<void> {
  await execute(em, sql`delete from training_competency where training_id = ${training.id}`);
  if (competencies.length === 0) return;
  const values = join(competencies.map((c) => sql`(${training.id}, ${c.id})`), ', ');
  await execute(em, sql`insert into training_competency (training_id, competency_id) values ${values}`);
}

export async function createTraining(ctx: Context, input: TrainingInput): Promise<MutationResult<Training>> {
  return runMutation(ctx, async (em) => {
    const check = checkTrainingInput(input, true);
    const competencies = input.competencies ? await resolveCompetencies(em, check, input.competencies) : [];
    check.throwIfAny();
    const training = em.create(Training, { code: input.code!, title: input.title!.trim(), form: input.form!, type: input.type!, hours: input.hours! });
    await em.flush();
    await replaceTargets(em, training, competencies);
    return training;
  }, trainingConstraintField);
}

export async function updateTraining(ctx: Context, id: string, input: TrainingInput): Promise<MutationResult<Training>> {
  return runMutation(ctx, async (em) => {
    const check = checkTrainingInput(input, false);
    const training = await requireEntity(em, Training, id, 'id');
    const competencies = input.competencies ? await resolveCompetencies(em, check, input.competencies) : null;
    check.throwIfAny();
    em.assign(training, {
      ...(input.code != null ? { code: input.code } : {}),
      ...(input.title != null ? { title: input.title.trim() } : {}),
      ...(input.form != null ? { form: input.form } : {}),
      ...(input.type != null ? { type: input.type } : {}),
      ...(input.hours != null ? { hours: input.hours } : {}),
    });
    await em.flush();
    if (competencies) await replaceTargets(em, training, competencies);
    return training;
  }, trainingConstraintField);
}

export async function deleteTraining(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const training = await requireEntity(em, Training, id, 'id');
    // The foreign key would refuse too; counting first gives a message that says what to do.
    const [row] = await execute<{ n: string | number }>(em, sql`select count(*) as n from training_participation where training_id = ${training.id}`);
    const participations = Number(row?.n ?? 0);
    if (participations > 0) {
      const check = new InputCheck();
      check.add('id', UserErrorCode.REFERENCED, `Training ${training.code} has ${participations} participation(s); they are the record of lesson hours, delete them first.`);
      check.throwIfAny();
    }
    em.remove(training);
    await em.flush();
    return id;
  }, trainingConstraintField);
}

// ----------------------------------------------------------- participations

function checkParticipation(input: TrainingParticipationInput, current: TrainingParticipation | null): InputCheck {
  const check = new InputCheck();
  requiredFields(check, current === null, { employee: input.employee, training: input.training, startedAt: input.startedAt, status: input.status });
  check.date('input.startedAt', input.startedAt);
  check.date('input.completedAt', input.completedAt);
  checkEnum(check, 'input.status', input.status, PARTICIPATION_STATUSES);
  check.range('input.preTest', input.preTest, 0, 100);
  check.range('input.postTest', input.postTest, 0, 100);
  checkTwoDecimals(check, 'input.preTest', input.preTest);
  checkTwoDecimals(check, 'input.postTest', input.postTest);
  // Cross-field rules apply to the record as it will be, so an update is merged with what is stored.
  const startedAt = input.startedAt ?? current?.startedAt ?? null;
  const completedAt = input.completedAt !== undefined ? input.completedAt : (current?.completedAt ?? null);
  const status = input.status ?? current?.status ?? null;
  if (status === 'COMPLETED' && !completedAt) {
    check.add('input.completedAt', UserErrorCode.REQUIRED, 'input.completedAt is required when status is COMPLETED: its year is the year the lesson hours count for.');
  }
  if (startedAt && completedAt && completedAt < startedAt) {
    check.add('input.completedAt', UserErrorCode.OUT_OF_RANGE, `input.completedAt (${completedAt}) must not be before startedAt (${startedAt}).`);
  }
  return check;
}

async function refuseDuplicateParticipation(em: EntityManager, check: InputCheck, p: { employee: Employee; training: Training; startedAt: string }, selfId: number | null, viewer: Viewer): Promise<void> {
  const other = await em.findOne(TrainingParticipation, { employee: p.employee.id, training: p.training.id, startedAt: p.startedAt, ...(selfId ? { id: { $ne: selfId } } : {}) });
  if (other) {
    check.add('input.startedAt', UserErrorCode.DUPLICATE, `Employee ${employeeLabel(viewer, p.employee)} already has a participation in ${p.training.code} starting ${p.startedAt}.`);
  }
}

export async function createTrainingParticipation(ctx: Context, input: TrainingParticipationInput): Promise<MutationResult<TrainingParticipation>> {
  return runMutation(ctx, async (em) => {
    const check = checkParticipation(input, null);
    const employee = await check.reference(em, Employee, 'input.employee', input.employee);
    const training = await check.reference(em, Training, 'input.training', input.training);
    check.throwIfAny();
    await refuseDuplicateParticipation(em, check, { employee: employee!, training: training!, startedAt: input.startedAt! }, null, ctx.viewer);
    check.throwIfAny();
    const participation = em.create(TrainingParticipation, {
      employee: employee!, training: training!, startedAt: input.startedAt!, completedAt: input.completedAt ?? null, status: input.status!,
      preTest: input.preTest ?? null, postTest: input.postTest ?? null,
    });
    await em.flush();
    return participation;
  }, participationConstraintField);
}

export async function updateTrainingParticipation(ctx: Context, id: string, input: TrainingParticipationInput): Promise<MutationResult<TrainingParticipation>> {
  return runMutation(ctx, async (em) => {
    const participation = await requireEntity(em, TrainingParticipation, id, 'id');
    const check = checkParticipation(input, participation);
    const employee = input.employee != null ? await check.reference(em, Employee, 'input.employee', input.employee) : await em.findOneOrFail(Employee, participation.employee.id);
    const training = input.training != null ? await check.reference(em, Training, 'input.training', input.training) : await em.findOneOrFail(Training, participation.training.id);
    check.throwIfAny();
    await refuseDuplicateParticipation(em, check, { employee: employee!, training: training!, startedAt: input.startedAt ?? participation.startedAt }, participation.id, ctx.viewer);
    check.throwIfAny();
    em.assign(participation, {
      employee: employee!,
      training: training!,
      ...(input.startedAt != null ? { startedAt: input.startedAt } : {}),
      ...(input.completedAt !== undefined ? { completedAt: input.completedAt } : {}),
      ...(input.status != null ? { status: input.status } : {}),
      ...(input.preTest !== undefined ? { preTest: input.preTest } : {}),
      ...(input.postTest !== undefined ? { postTest: input.postTest } : {}),
    });
    await em.flush();
    return participation;
  }, participationConstraintField);
}

export async function deleteTrainingParticipation(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    em.remove(await requireEntity(em, TrainingParticipation, id, 'id'));
    await em.flush();
    return id;
  }, participationConstraintField);
}

// -------------------------------------------------------------- evaluations

function checkEvaluation(input: TrainingEvaluationInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  requiredFields(check, creating, {
    training: input.training, employee: input.employee, level: input.level, respondent: input.respondent, score: input.score, evaluatedAt: input.evaluatedAt,
  });
  check.range('input.level', input.level, 1, 4, true);
  checkEnum(check, 'input.respondent', input.respondent, RESPONDENTS);
  check.range('input.score', input.score, 0, 9999.99);
  checkTwoDecimals(check, 'input.score', input.score);
  check.date('input.evaluatedAt', input.evaluatedAt);
  return check;
}

interface EvaluationKey { training: Training; employee: Employee; level: number; respondent: TrainingEvaluation['respondent']; evaluatedAt: string }

async function refuseDuplicateEvaluation(em: EntityManager, check: InputCheck, k: EvaluationKey, selfId: number | null, viewer: Viewer): Promise<void> {
  const other = await em.findOne(TrainingEvaluation, {
    training: k.training.id, employee: k.employee.id, level: k.level, respondent: k.respondent, evaluatedAt: k.evaluatedAt,
    ...(selfId ? { id: { $ne: selfId } } : {}),
  });
  if (other) {
    check.add('input.evaluatedAt', UserErrorCode.DUPLICATE,
      `A level ${k.level} evaluation of ${k.training.code} for employee ${employeeLabel(viewer, k.employee)} by ${k.respondent} on ${k.evaluatedAt} already exists.`);
  }
}

export async function createTrainingEvaluation(ctx: Context, input: TrainingEvaluationInput): Promise<MutationResult<TrainingEvaluation>> {
  return runMutation(ctx, async (em) => {
    const check = checkEvaluation(input, true);
    const training = await check.reference(em, Training, 'input.training', input.training);
    const employee = await check.reference(em, Employee, 'input.employee', input.employee);
    check.throwIfAny();
    const key: EvaluationKey = { training: training!, employee: employee!, level: input.level!, respondent: input.respondent!, evaluatedAt: input.evaluatedAt! };
    await refuseDuplicateEvaluation(em, check, key, null, ctx.viewer);
    check.throwIfAny();
    const evaluation = em.create(TrainingEvaluation, { ...key, score: input.score! });
    await em.flush();
    return evaluation;
  }, evaluationConstraintField);
}

export async function updateTrainingEvaluation(ctx: Context, id: string, input: TrainingEvaluationInput): Promise<MutationResult<TrainingEvaluation>> {
  return runMutation(ctx, async (em) => {
    const evaluation = await requireEntity(em, TrainingEvaluation, id, 'id');
    const check = checkEvaluation(input, false);
    const training = input.training != null ? await check.reference(em, Training, 'input.training', input.training) : await em.findOneOrFail(Training, evaluation.training.id);
    const employee = input.employee != null ? await check.reference(em, Employee, 'input.employee', input.employee) : await em.findOneOrFail(Employee, evaluation.employee.id);
    check.throwIfAny();
    const key: EvaluationKey = {
      training: training!, employee: employee!, level: input.level ?? evaluation.level,
      respondent: input.respondent ?? evaluation.respondent, evaluatedAt: input.evaluatedAt ?? evaluation.evaluatedAt,
    };
    await refuseDuplicateEvaluation(em, check, key, evaluation.id, ctx.viewer);
    check.throwIfAny();
    em.assign(evaluation, { ...key, ...(input.score != null ? { score: input.score } : {}) });
    await em.flush();
    return evaluation;
  }, evaluationConstraintField);
}

export async function deleteTrainingEvaluation(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    em.remove(await requireEntity(em, TrainingEvaluation, id, 'id'));
    await em.flush();
    return id;
  }, evaluationConstraintField);
}
