import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../domain/enums';
import { Position } from '../position/position.entity';
import { Competency } from '../competency/competency.entity';
import { StakeholderInput } from './stakeholder-input.entity';
import type { StakeholderInputInput } from './stakeholder-input.types';

const constraintField = (c: string): string | null => {
  if (c.includes('unique')) return 'input.submittedAt';
  if (c.includes('importance')) return 'input.importance';
  if (c.includes('position_id')) return 'input.position';
  if (c.includes('competency_id')) return 'input.competency';
  return null;
};

function checkInput(input: StakeholderInputInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  const required = { position: input.position, competency: input.competency, group: input.group, importance: input.importance, submittedAt: input.submittedAt };
  for (const [field, value] of Object.entries(required)) {
    // On update an omitted field stays as it is, but an explicit null would clear a required column.
    if (creating || value === null) check.required(`input.${field}`, value);
  }
  if (input.group != null && !STAKEHOLDER_GROUPS.includes(input.group)) {
    check.add('input.group', UserErrorCode.INVALID, `input.group must be one of ${STAKEHOLDER_GROUPS.join(', ')}, got ${JSON.stringify(input.group)}.`);
  }
  check.range('input.importance', input.importance, 1, 5, true);
  check.date('input.submittedAt', input.submittedAt);
  if (input.comment != null && input.comment.length > 4000) {
    check.add('input.comment', UserErrorCode.OUT_OF_RANGE, `input.comment must be at most 4000 characters, got ${input.comment.length}.`);
  }
  return check;
}

interface InputKey { position: Position; competency: Competency; group: StakeholderGroup; submittedAt: string }

/** One rating per position, competency, group and day; said up front because the constraint name is truncated. */
async function refuseDuplicate(em: EntityManager, check: InputCheck, k: InputKey, selfId: number | null): Promise<void> {
  const other = await em.findOne(StakeholderInput, {
    position: k.position.id, competency: k.competency.id, group: k.group, submittedAt: k.submittedAt, ...(selfId ? { id: { $ne: selfId } } : {}),
  });
  if (other) {
    check.add('input.submittedAt', UserErrorCode.DUPLICATE,
      `${k.group} already rated ${k.competency.code} for position ${k.position.code} on ${k.submittedAt}; update that input instead.`);
  }
}

const cleanComment = (c: string | null | undefined): string | null => (c == null || c.trim() === '' ? null : c.trim());

export async function createStakeholderInput(ctx: Context, input: StakeholderInputInput): Promise<MutationResult<StakeholderInput>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, true);
    const position = await check.reference(em, Position, 'input.position', input.position);
    const competency = await check.reference(em, Competency, 'input.competency', input.competency);
    check.throwIfAny();
    const key: InputKey = { position: position!, competency: competency!, group: input.group!, submittedAt: input.submittedAt! };
    await refuseDuplicate(em, check, key, null);
    check.throwIfAny();
    const row = em.create(StakeholderInput, { ...key, importance: input.importance!, comment: cleanComment(input.comment) });
    await em.flush();
    return row;
  }, constraintField);
}

export async function updateStakeholderInput(ctx: Context, id: string, input: StakeholderInputInput): Promise<MutationResult<StakeholderInput>> {
  return runMutation(ctx, async (em) => {
    const row = await requireEntity(em, StakeholderInput, id, 'id');
    const check = checkInput(input, false);
    const position = input.position != null ? await check.reference(em, Position, 'input.position', input.position) : await em.findOneOrFail(Position, row.position.id);
    const competency = input.competency != null ? await check.reference(em, Competency, 'input.competency', input.competency) : await em.findOneOrFail(Competency, row.competency.id);
    check.throwIfAny();
    const key: InputKey = {
      position: position!, competency: competency!, group: input.group ?? row.group, submittedAt: input.submittedAt ?? row.submittedAt,
    };
    await refuseDuplicate(em, check, key, row.id);
    check.throwIfAny();
    em.assign(row, {
      ...key,
      ...(input.importance != null ? { importance: input.importance } : {}),
      ...(input.comment !== undefined ? { comment: cleanComment(input.comment) } : {}),
    });
    await em.flush();
    return row;
  }, constraintField);
}

export async function deleteStakeholderInput(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    em.remove(await requireEntity(em, StakeholderInput, id, 'id'));
    await em.flush();
    return id;
  }, constraintField);
}
