import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { toGlobalId } from '../../graphql/node';
import { parseNip } from '../../domain/nip';
import { Unit } from '../unit/unit.entity';
import { Position } from '../position/position.entity';
import { Employee } from './employee.entity';
import type { EmployeeInput } from './employee.types';
import { seesPersonalData, type Viewer } from '../access/viewer';

const constraintField = (c: string): string | null =>
  (c.includes('nip') ? 'input.nip' : c.includes('unit_id') ? 'input.unit' : c.includes('position_id') ? 'input.position' : null);

function checkInput(input: EmployeeInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  // On update an omitted field stays as it is, but an explicit null would clear a required column.
  for (const field of ['nip', 'name', 'status', 'grade', 'education', 'unit'] as const) {
    if (creating || input[field] === null) check.required(`input.${field}`, input[field]);
  }
  if (input.nip != null) {
    const parsed = parseNip(input.nip);
    if (!parsed.ok) check.add('input.nip', UserErrorCode.INVALID, parsed.message);
  }
  check.text('input.name', input.name);
  return check;
}

async function checkNipFree(em: EntityManager, check: InputCheck, nip: string | null | undefined, selfId: number | null, viewer: Viewer): Promise<void> {
  if (nip == null || check.errors.some((e) => e.field === 'input.nip')) return;
  const other = await em.findOne(Employee, { nip });
  if (other && other.id !== selfId) {
    // Who owns a NIP is personal data (like employee(nip:)): without pii the caller learns only that it is taken.
    check.add('input.nip', UserErrorCode.DUPLICATE, seesPersonalData(viewer)
      ? `NIP ${nip} already belongs to ${other.name} (${toGlobalId('Employee', other.id)}).`
      : 'This NIP already belongs to another employee.');
  }
}

export async function createEmployee(ctx: Context, input: EmployeeInput): Promise<MutationResult<Employee>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, true);
    const unit = await check.reference(em, Unit, 'input.unit', input.unit);
    const position = await check.reference(em, Position, 'input.position', input.position);
    await checkNipFree(em, check, input.nip, null, ctx.viewer);
    check.throwIfAny();
    const employee = em.create(Employee, {
      nip: input.nip!, name: input.name!.trim(), status: input.status!, grade: input.grade!, education: input.education!,
      unit: unit!, position,
    });
    await em.flush();
    // The generated columns (birth date, service start, gender) are computed by the database.
    await em.refresh(employee);
    return employee;
  }, constraintField);
}

export async function updateEmployee(ctx: Context, id: string, input: EmployeeInput): Promise<MutationResult<Employee>> {
  return runMutation(ctx, async (em) => {
    const employee = await requireEntity(em, Employee, id, 'id');
    const check = checkInput(input, false);
    const unit = input.unit != null ? await check.reference(em, Unit, 'input.unit', input.unit) : undefined;
    const position = input.position != null ? await check.reference(em, Position, 'input.position', input.position) : input.position;
    await checkNipFree(em, check, input.nip, employee.id, ctx.viewer);
    check.throwIfAny();
    em.assign(employee, {
      ...(input.nip != null ? { nip: input.nip } : {}),
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.status != null ? { status: input.status } : {}),
      ...(input.grade != null ? { grade: input.grade } : {}),
      ...(input.education != null ? { education: input.education } : {}),
      ...(unit ? { unit } : {}),
      ...(position !== undefined ? { position } : {}),
    });
    await em.flush();
    if (input.nip != null) await em.refresh(employee);
    return employee;
  }, constraintField);
}

export async function deleteEmployee(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const employee = await requireEntity(em, Employee, id, 'id');
    em.remove(employee);
    await em.flush();
    return id;
  }, constraintField);
}
