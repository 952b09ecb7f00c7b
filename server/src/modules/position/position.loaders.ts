import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { inList, raw, sql } from '../../graphql/sql';
import { PositionRequirement } from './position.entity';

/**
 * Holders per position, one grouped count for every position of the request;
 * holderCount and vacancies share it, so asking for both costs one query.
 */
export function holderCountLoader(ctx: Context): DataLoader<number, number> {
  return ctx.loaders.get('Position.holderCount', (em) => new DataLoader<number, number>(async (ids) => {
    const rows = await execute<{ position_id: number; n: string | number }>(
      em,
      sql`select position_id, count(*) as n from employee where ${inList(raw('position_id'), [...ids])} group by position_id`,
    );
    const counts = new Map(rows.map((r) => [Number(r.position_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  }));
}

/**
 * Standard lines per position ordered by competency code. The generic
 * hasMany loader can only order by the child's own columns, so the join to
 * competency is done here in SQL.
 */
export function requirementsLoader(ctx: Context): DataLoader<number, PositionRequirement[]> {
  return ctx.loaders.get('Position.requirements', (em) => new DataLoader<number, PositionRequirement[]>(async (ids) => {
    const rows = await execute<Record<string, unknown> & { position_id: number }>(
      em,
      sql`select pr.* from position_requirement pr join competency c on c.id = pr.competency_id
          where ${inList(raw('pr.position_id'), [...ids])} order by pr.position_id, c.code, pr.id`,
    );
    const groups = new Map<number, PositionRequirement[]>();
    for (const row of rows) {
      const key = Number(row.position_id);
      const entity = em.map(PositionRequirement, row as never);
      const list = groups.get(key);
      if (list) list.push(entity);
      else groups.set(key, [entity]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}
