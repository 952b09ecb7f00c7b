import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { InputCheck, requireEntity, runMutation, type MutationResult } from '../../graphql/mutation';
import { execute } from '../../graphql/list';
import { sql } from '../../graphql/sql';
import { Competency, CompetencyLevel } from './competency.entity';
import type { CompetencyInput, CompetencyLevelInput } from './competency.types';

const constraintField = (c: string): string | null =>
  (c.includes('competency_level') ? 'input.levels' : c.includes('code') ? 'input.code' : null);

/** Level descriptions: each level 1–5 at most once, each with a non-empty description. */
function checkLevels(check: InputCheck, path: string, levels: readonly CompetencyLevelInput[] | null | undefined): void {
  if (!levels) return;
  const seen = new Map<number, number>();
  levels.forEach((l, i) => {
    const at = `${path}[${i}]`;
    check.range(`${at}.level`, l.level, 1, 5, true);
    if (check.required(`${at}.description`, l.description)) check.text(`${at}.description`, l.description, 2000);
    const first = seen.get(l.level);
    if (first !== undefined) check.add(`${at}.level`, UserErrorCode.DUPLICATE, `${at}.level: level ${l.level} is already described at ${path}[${first}].`);
    else seen.set(l.level, i);
  });
}

function checkInput(input: CompetencyInput, creating: boolean): InputCheck {
  const check = new InputCheck();
  // On update an omitted field stays as it is, but an explicit null would clear a required column.
  if (creating || input.code === null) check.required('input.code', input.code);
  if (creating || input.name === null) check.required('input.name', input.name);
  if (creating || input.type === null) check.required('input.type', input.type);
  check.code('input.code', input.code);
  check.text('input.name', input.name);
  checkLevels(check, 'input.levels', input.levels);
  return check;
}

async function replaceLevels(em: EntityManager, competency: Competency, levels: readonly CompetencyLevelInput[]): Promise<void> {
  // Delete first and immediately: the unit of work would insert before deleting and trip the (competency, level) key.
  await em.nativeDelete(CompetencyLevel, { competency: competency.id });
  for (const l of levels) em.create(CompetencyLevel, { competency, level: l.level, description: l.description.trim() });
}

export async function createCompetency(ctx: Context, input: CompetencyInput): Promise<MutationResult<Competency>> {
  return runMutation(ctx, async (em) => {
    checkInput(input, true).throwIfAny();
    const competency = em.create(Competency, { code: input.code!, name: input.name!.trim(), type: input.type! });
    for (const l of input.levels ?? []) em.create(CompetencyLevel, { competency, level: l.level, description: l.description.trim() });
    await em.flush();
    return competency;
  }, constraintField);
}

export async function updateCompetency(ctx: Context, id: string, input: CompetencyInput): Promise<MutationResult<Competency>> {
  return runMutation(ctx, async (em) => {
    checkInput(input, false).throwIfAny();
    const competency = await requireEntity(em, Competency, id, 'id');
    em.assign(competency, {
      ...(input.code != null ? { code: input.code } : {}),
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.type != null ? { type: input.type } : {}),
    });
    await em.flush();
    if (input.levels != null) {
      await replaceLevels(em, competency, input.levels);
      await em.flush();
    }
    return competency;
  }, constraintField);
}

interface UsageRow { requirements: string | number; trainings: string | number; inputs: string | number; assessments: string | number }

export async function deleteCompetency(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    const competency = await requireEntity(em, Competency, id, 'id');
    // The foreign keys would refuse too, but only name the first table; this says what to clean up.
    const [usage] = await execute<UsageRow>(em, sql`select
      (select count(*) from position_requirement where competency_id = ${competency.id}) as requirements,
      (select count(*) from training_competency where competency_id = ${competency.id}) as trainings,
      (select count(*) from stakeholder_input where competency_id = ${competency.id}) as inputs,
      (select count(*) from competency_assessment where competency_id = ${competency.id}) as assessments`);
    const uses = [
      [Number(usage?.requirements ?? 0), 'position requirement(s)'],
      [Number(usage?.trainings ?? 0), 'training target(s)'],
      [Number(usage?.inputs ?? 0), 'stakeholder input(s)'],
      [Number(usage?.assessments ?? 0), 'assessment(s)'],
    ] as const;
    const listed = uses.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    if (listed.length > 0) {
      const check = new InputCheck();
      check.add('id', UserErrorCode.REFERENCED, `Competency ${competency.code} is still used by ${listed.join(', ')}; remove those references first.`);
      check.throwIfAny();
    }
    em.remove(competency);
    await em.flush();
    return id;
  }, constraintField);
}
