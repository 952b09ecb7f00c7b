import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { toGlobalId } from '../../graphql/node';
import { Employee } from '../employee/employee.entity';
import { Competency } from '../competency/competency.entity';
import { CompetencyAssessment } from './competency-assessment.entity';
import type { AssessmentCorrectionInput, AssessmentInput } from './assessment.types';

// The (employee, competency, assessed_at) key is the only unique constraint: a clash means the date is taken.
const constraintField = (c: string): string | null =>
  (c.includes('unique') ? 'input.assessedAt' : c.includes('level') ? 'input.level' : c.includes('competency_id') ? 'input.competency' : c.includes('employee_id') ? 'input.employee' : null);

function checkValues(check: InputCheck, input: AssessmentCorrectionInput): void {
  check.range('input.level', input.level, 1, 5);
  // numeric(3,2): a third decimal would be rounded silently by the database.
  if (input.level != null && Number.isFinite(input.level) && Math.abs(Math.round(input.level * 100) - input.level * 100) > 1e-6) {
    check.add('input.level', UserErrorCode.INVALID, `input.level must have at most two decimals, got ${input.level}.`);
  }
  check.date('input.assessedAt', input.assessedAt);
}

async function checkDateFree(
  em: EntityManager, check: InputCheck, employeeId: number, competencyId: number, assessedAt: string, selfId: number | null,
): Promise<void> {
  if (check.errors.some((e) => e.field === 'input.assessedAt')) return;
  const other = await em.findOne(CompetencyAssessment, { employee: employeeId, competency: competencyId, assessedAt });
  if (other && other.id !== selfId) {
    check.add('input.assessedAt', UserErrorCode.DUPLICATE,
      `An assessment of this competency on ${assessedAt} already exists (${toGlobalId('CompetencyAssessment', other.id)}); history is never overwritten — correct it with updateAssessment or use another date.`);
  }
}

export async function recordAssessment(ctx: Context, input: AssessmentInput): Promise<MutationResult<CompetencyAssessment>> {
  return runMutation(ctx, async (em) => {
    const check = new InputCheck();
    for (const field of ['employee', 'competency', 'level', 'assessedAt', 'method'] as const) check.required(`input.${field}`, input[field]);
    checkValues(check, input);
    const employeeId = check.id('input.employee', input.employee, 'Employee');
    const competencyId = check.id('input.competency', input.competency, 'Competency');
    const employee = employeeId !== null ? await em.findOne(Employee, { id: employeeId }) : null;
    if (employeeId !== null && !employee) check.add('input.employee', UserErrorCode.NOT_FOUND, `input.employee: Employee ${input.employee} does not exist.`);
    const competency = competencyId !== null ? await em.findOne(Competency, { id: competencyId }) : null;
    if (competencyId !== null && !competency) check.add('input.competency', UserErrorCode.NOT_FOUND, `input.competency: Competency ${input.competency} does not exist.`);
    if (employee && competency && input.assessedAt) await checkDateFree(em, check, employee.id, competency.id, input.assessedAt, null);
    check.throwIfAny();
    const assessment = em.create(CompetencyAssessment, {
      employee: employee!, competency: competency!, level: input.level!, assessedAt: input.assessedAt!, method: input.method!,
    });
    await em.flush();
    return assessment;
  }, constraintField);
}

export async function updateAssessment(ctx: Context, id: string, input: AssessmentCorrectionInput): Promise<MutationResult<CompetencyAssessment>> {
  return runMutation(ctx, async (em) => {
    const assessment = await requireEntity(em, CompetencyAssessment, id, 'id');
    const check = new InputCheck();
    for (const field of ['level', 'assessedAt', 'method'] as const) if (input[field] === null) check.required(`input.${field}`, input[field]);
    checkValues(check, input);
    if (input.assessedAt != null && input.assessedAt !== assessment.assessedAt) {
      await checkDateFree(em, check, assessment.employee.id, assessment.competency.id, input.assessedAt, assessment.id);
    }
    check.throwIfAny();
    em.assign(assessment, {
      ...(input.level != null ? { level: input.level } : {}),
      ...(input.assessedAt != null ? { assessedAt: input.assessedAt } : {}),
      ...(input.method != null ? { method: input.method } : {}),
    });
    await em.flush();
    return assessment;
  }, constraintField);
}

export async function deleteAssessment(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const assessment = await requireEntity(em, CompetencyAssessment, id, 'id');
    em.remove(assessment);
    await em.flush();
    return id;
  }, constraintField);
}
