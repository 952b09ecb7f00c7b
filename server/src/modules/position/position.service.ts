import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { execute } from '../../graphql/list';
import { sql } from '../../graphql/sql';
import { EDUCATIONS, GRADES, POSITION_KINDS } from '../../domain/enums';
import { Unit } from '../unit/unit.entity';
import { Competency } from '../competency/competency.entity';
import { Position, PositionRequirement } from './position.entity';
import type { PositionInput, RequirementInput } from './position.types';

/** Maps a violated constraint to the input path it guards; `prefix` is "input." for create/update, "" for setPositionRequirements. */
const constraintFieldFor = (prefix: string) => (c: string): string | null => {
  if (c.includes('position_requirement')) return `${prefix}requirements`;
  if (c.includes('code')) return `${prefix}code`;
  if (c.includes('unit')) return `${prefix}unit`;
  if (c.includes('quota')) return `${prefix}quota`;
  if (c.includes('max_age')) return `${prefix}maxAge`;
  if (c.includes('technical_weight')) return `${prefix}technicalWeight`;
  return null;
};

interface ResolvedRequirement {
  competency: Competency;
  level: number;
}

function checkEnum(check: InputCheck, field: string, value: string | null | undefined, allowed: readonly string[]): void {
  if (value === null || value === undefined || allowed.includes(value)) return;
  check.add(field, UserErrorCode.INVALID, `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`);
}

/**
 * Checks a whole standard at once (levels, repeated competencies, unknown
 * ids) so every bad line is reported with its index; loads the competencies
 * in one query.
 */
async function resolveRequirements(
  em: EntityManager,
  check: InputCheck,
  path: string,
  requirements: readonly RequirementInput[],
): Promise<ResolvedRequirement[]> {
  const firstIndex = new Map<number, number>();
  const ids = requirements.map((r, i) => {
    const at = `${path}[${i}]`;
    check.range(`${at}.level`, r.level, 1, 5, true);
    const id = check.id(`${at}.competency`, r.competency, 'Competency');
    if (id === null) return null;
    const first = firstIndex.get(id);
    if (first !== undefined) {
      check.add(`${at}.competency`, UserErrorCode.DUPLICATE, `${at}.competency: the competency is already listed at ${path}[${first}]; list each competency once.`);
      return null;
    }
    firstIndex.set(id, i);
    return id;
  });
  const wanted = [...firstIndex.keys()];
  const found = wanted.length > 0 ? await em.find(Competency, { id: { $in: wanted } }) : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const out: ResolvedRequirement[] = [];
  ids.forEach((id, i) => {
    if (id === null) return;
    const competency = byId.get(id);
    if (!competency) {
      check.add(`${path}[${i}].competency`, UserErrorCode.NOT_FOUND, `${path}[${i}].competency: Competency ${requirements[i]!.competency} does not exist.`);
      return;
    }
    out.push({ competency, level: requirements[i]!.level });
  });
  return out;
}

async function replaceRequirements(em: EntityManager, position: Position, requirements: readonly ResolvedRequirement[]): Promise<void> {
  // Delete first and immediately: the unit of work would insert before deleting and trip the (position, competency) key.
  await em.nativeDelete(PositionRequirement, { position: position.id });
  for (const r of requirements) em.create(PositionRequirement, { position, competency: r.competency, level: r.level });
}

function checkInput(input: PositionInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  // On update an omitted field stays as it is, but an explicit null would clear a required column.
  for (const [field, value] of [['input.code', input.code], ['input.name', input.name], ['input.unit', input.unit], ['input.kind', input.kind]] as const) {
    if (creating || value === null) check.required(field, value);
  }
  if (!creating && input.quota === null) check.required('input.quota', input.quota);
  check.code('input.code', input.code);
  check.text('input.name', input.name);
  checkEnum(check, 'input.kind', input.kind, POSITION_KINDS);
  checkEnum(check, 'input.minGrade', input.minGrade, GRADES);
  checkEnum(check, 'input.minEducation', input.minEducation, EDUCATIONS);
  if (input.quota !== null && input.quota !== undefined && (!Number.isInteger(input.quota) || input.quota < 1)) {
    check.add('input.quota', UserErrorCode.OUT_OF_RANGE, `input.quota must be a whole number of at least 1, got ${input.quota}.`);
  }
  check.range('input.maxAge', input.maxAge, 18, 70, true);
  const w = input.technicalWeight;
  check.range('input.technicalWeight', w, 0, 1);
  // The column keeps two decimals; refusing more avoids silently storing a different weight.
  if (w !== null && w !== undefined && Math.abs(w * 100 - Math.round(w * 100)) > 1e-9) {
    check.add('input.technicalWeight', UserErrorCode.INVALID, `input.technicalWeight must have at most two decimals, got ${w}.`);
  }
  return check;
}

export async function createPosition(ctx: Context, input: PositionInput): Promise<MutationResult<Position>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, true);
    const unit = await check.reference(em, Unit, 'input.unit', input.unit);
    const requirements = input.requirements ? await resolveRequirements(em, check, 'input.requirements', input.requirements) : [];
    check.throwIfAny();
    const position = em.create(Position, {
      code: input.code!, name: input.name!.trim(), unit: unit!, kind: input.kind!, quota: input.quota ?? 1,
      minGrade: input.minGrade ?? null, minEducation: input.minEducation ?? null, maxAge: input.maxAge ?? null,
      technicalWeight: input.technicalWeight ?? null,
    });
    for (const r of requirements) em.create(PositionRequirement, { position, competency: r.competency, level: r.level });
    await em.flush();
    return position;
  }, constraintFieldFor('input.'));
}

export async function updatePosition(ctx: Context, id: string, input: PositionInput): Promise<MutationResult<Position>> {
  return runMutation(ctx, async (em) => {
    const check = checkInput(input, false);
    const position = await requireEntity(em, Position, id, 'id');
    const unit = input.unit != null ? await check.reference(em, Unit, 'input.unit', input.unit) : null;
    const requirements = input.requirements ? await resolveRequirements(em, check, 'input.requirements', input.requirements) : null;
    check.throwIfAny();
    em.assign(position, {
      ...(input.code != null ? { code: input.code } : {}),
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(unit ? { unit } : {}),
      ...(input.kind != null ? { kind: input.kind } : {}),
      ...(input.quota != null ? { quota: input.quota } : {}),
      ...(input.minGrade !== undefined ? { minGrade: input.minGrade } : {}),
      ...(input.minEducation !== undefined ? { minEducation: input.minEducation } : {}),
      ...(input.maxAge !== undefined ? { maxAge: input.maxAge } : {}),
      ...(input.technicalWeight !== undefined ? { technicalWeight: input.technicalWeight } : {}),
    });
    await em.flush();
    if (requirements) {
      await replaceRequirements(em, position, requirements);
      await em.flush();
    }
    return position;
  }, constraintFieldFor('input.'));
}

/** Replaces the whole competency standard of a position in one transaction. */
export async function setPositionRequirements(ctx: Context, positionId: string, requirements: readonly RequirementInput[]): Promise<MutationResult<Position>> {
  return runMutation(ctx, async (em) => {
    const check = new InputCheck();
    const position = await check.reference(em, Position, 'position', positionId);
    const resolved = await resolveRequirements(em, check, 'requirements', requirements);
    check.throwIfAny();
    await replaceRequirements(em, position!, resolved);
    await em.flush();
    return position!;
  }, constraintFieldFor(''));
}

export async function deletePosition(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const position = await requireEntity(em, Position, id, 'id');
    // The foreign key would refuse too; counting first gives a message that says what to do.
    const [row] = await execute<{ n: string | number }>(em, sql`select count(*) as n from employee where position_id = ${position.id}`);
    const holders = Number(row?.n ?? 0);
    if (holders > 0) {
      const check = new InputCheck();
      check.add('id', UserErrorCode.REFERENCED, `Position ${position.code} still has ${holders} holder(s); move them to another position first.`);
      check.throwIfAny();
    }
    em.remove(position);
    await em.flush();
    return id;
  }, constraintFieldFor('input.'));
}
