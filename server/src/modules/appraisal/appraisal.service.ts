import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { toGlobalId } from '../../graphql/node';
import type { AppraisalPeriod } from '../../domain/enums';
import { Employee } from '../employee/employee.entity';
import { PerformanceAppraisal } from './performance-appraisal.entity';
import type { AppraisalChangeInput, AppraisalInput } from './appraisal.types';

// The (employee, period_start, period) key is the only unique constraint: a clash means the period is taken.
const constraintField = (c: string): string | null =>
  (c.includes('unique') ? 'input.periodStart' : c.includes('employee_id') ? 'input.employee' : null);

async function checkPeriodFree(
  em: EntityManager, check: InputCheck, employeeId: number, periodStart: string, period: AppraisalPeriod, selfId: number | null,
): Promise<void> {
  if (check.errors.some((e) => e.field === 'input.periodStart')) return;
  const other = await em.findOne(PerformanceAppraisal, { employee: employeeId, periodStart, period });
  if (other && other.id !== selfId) {
    check.add('input.periodStart', UserErrorCode.DUPLICATE,
      `A ${period} appraisal starting ${periodStart} already exists for this employee (${toGlobalId('PerformanceAppraisal', other.id)}).`);
  }
}

/** Reads the predicate the database derived, so the payload shows it. */
async function withPredicate(em: EntityManager, appraisal: PerformanceAppraisal): Promise<PerformanceAppraisal> {
  await em.refresh(appraisal);
  return appraisal;
}

export async function createAppraisal(ctx: Context, input: AppraisalInput): Promise<MutationResult<PerformanceAppraisal>> {
  return runMutation(ctx, async (em) => {
    const check = new InputCheck();
    for (const field of ['employee', 'periodStart', 'period', 'results', 'behaviour'] as const) check.required(`input.${field}`, input[field]);
    check.date('input.periodStart', input.periodStart);
    const employeeId = check.id('input.employee', input.employee, 'Employee');
    const employee = employeeId !== null ? await em.findOne(Employee, { id: employeeId }) : null;
    if (employeeId !== null && !employee) check.add('input.employee', UserErrorCode.NOT_FOUND, `input.employee: Employee ${input.employee} does not exist.`);
    if (employee && input.periodStart && input.period) await checkPeriodFree(em, check, employee.id, input.periodStart, input.period, null);
    check.throwIfAny();
    const appraisal = em.create(PerformanceAppraisal, {
      employee: employee!, periodStart: input.periodStart!, period: input.period!, results: input.results!, behaviour: input.behaviour!,
    });
    await em.flush();
    return withPredicate(em, appraisal);
  }, constraintField);
}

export async function updateAppraisal(ctx: Context, id: string, input: AppraisalChangeInput): Promise<MutationResult<PerformanceAppraisal>> {
  return runMutation(ctx, async (em) => {
    const appraisal = await requireEntity(em, PerformanceAppraisal, id, 'id');
    const check = new InputCheck();
    for (const field of ['periodStart', 'period', 'results', 'behaviour'] as const) if (input[field] === null) check.required(`input.${field}`, input[field]);
    check.date('input.periodStart', input.periodStart);
    const periodStart = input.periodStart ?? appraisal.periodStart;
    const period = input.period ?? appraisal.period;
    if (periodStart !== appraisal.periodStart || period !== appraisal.period) {
      await checkPeriodFree(em, check, appraisal.employee.id, periodStart, period, appraisal.id);
    }
    check.throwIfAny();
    em.assign(appraisal, {
      ...(input.periodStart != null ? { periodStart: input.periodStart } : {}),
      ...(input.period != null ? { period: input.period } : {}),
      ...(input.results != null ? { results: input.results } : {}),
      ...(input.behaviour != null ? { behaviour: input.behaviour } : {}),
    });
    await em.flush();
    return withPredicate(em, appraisal);
  }, constraintField);
}

export async function deleteAppraisal(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const appraisal = await requireEntity(em, PerformanceAppraisal, id, 'id');
    em.remove(appraisal);
    await em.flush();
    return id;
  }, constraintField);
}
