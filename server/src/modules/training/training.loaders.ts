import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { inList, raw, sql } from '../../graphql/sql';
import { Competency } from '../competency/competency.entity';

/**
 * Targeted competencies per training, by code, in one query over the pivot
 * for every training of the request (the ORM collection would load per
 * training).
 */
export function trainingCompetenciesLoader(ctx: Context): DataLoader<number, Competency[]> {
  return ctx.loaders.get('Training.competencies', (em) => new DataLoader<number, Competency[]>(async (ids) => {
    const rows = await execute<Record<string, unknown> & { training_key: number }>(
      em,
      sql`select tc.training_id as training_key, c.* from training_competency tc join competency c on c.id = tc.competency_id
          where ${inList(raw('tc.training_id'), [...ids])} order by tc.training_id, c.code, c.id`,
    );
    const groups = new Map<number, Competency[]>();
    for (const { training_key: key, ...row } of rows) {
      const competency = em.map(Competency, row as never);
      const list = groups.get(Number(key));
      if (list) list.push(competency);
      else groups.set(Number(key), [competency]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

/** Completed participations per training, one grouped count for the request. */
export function completionsLoader(ctx: Context): DataLoader<number, number> {
  return ctx.loaders.get('Training.completions', (em) => new DataLoader<number, number>(async (ids) => {
    const rows = await execute<{ training_id: number; n: string | number }>(
      em,
      sql`select training_id, count(*) as n from training_participation
          where status = 'COMPLETED' and ${inList(raw('training_id'), [...ids])} group by training_id`,
    );
    const counts = new Map(rows.map((r) => [Number(r.training_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  }));
}
