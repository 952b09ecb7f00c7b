import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { execute } from '../../graphql/list';
import { sql } from '../../graphql/sql';
import { Unit } from './unit.entity';
import type { UnitInput } from './unit.types';
import { subtreeIds } from './unit.sql';

const constraintField = (c: string): string | null => (c.includes('code') ? 'input.code' : c.includes('parent') ? 'input.parent' : null);

function checkInput(input: UnitInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  if (creating) {
    check.required('input.code', input.code);
    check.required('input.name', input.name);
    check.required('input.type', input.type);
  }
  check.code('input.code', input.code);
  check.text('input.name', input.name);
  return check;
}

async function resolveParent(em: EntityManager, input: UnitInput): Promise<Unit | null | undefined> {
  if (input.parent === undefined) return undefined;
  if (input.parent === null) return null;
  return requireEntity(em, Unit, input.parent, 'input.parent');
}

export async function createUnit(ctx: Context, input: UnitInput): Promise<MutationResult<Unit>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, true);
    check.throwIfAny();
    const parent = await resolveParent(em, input);
    const unit = em.create(Unit, { code: input.code!, name: input.name!.trim(), type: input.type!, parent: parent ?? null });
    await em.flush();
    return unit;
  }, constraintField);
}

export async function updateUnit(ctx: Context, id: string, input: UnitInput): Promise<MutationResult<Unit>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, false);
    check.throwIfAny();
    const unit = await requireEntity(em, Unit, id, 'id');
    const parent = await resolveParent(em, input);
    if (parent) {
      // A unit may not move under itself or one of its descendants.
      const rows = await execute(em, sql`select 1 from ${subtreeIds(unit.id)} s where s.id = ${parent.id}`);
      if (rows.length > 0) check.add('input.parent', UserErrorCode.CONFLICT, `Unit ${parent.code} is inside ${unit.code}'s subtree; moving there would make a cycle.`);
      check.throwIfAny();
    }
    em.assign(unit, {
      ...(input.code !== undefined && input.code !== null ? { code: input.code } : {}),
      ...(input.name !== undefined && input.name !== null ? { name: input.name.trim() } : {}),
      ...(input.type !== undefined && input.type !== null ? { type: input.type } : {}),
      ...(parent !== undefined ? { parent } : {}),
    });
    await em.flush();
    return unit;
  }, constraintField);
}

export async function deleteUnit(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const unit = await requireEntity(em, Unit, id, 'id');
    em.remove(unit);
    await em.flush();
    return id;
  }, constraintField);
}

