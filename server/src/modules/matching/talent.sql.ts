import { NINE_BOX } from '../../domain/talent';
import type { PolicyParameters } from '../../domain/policy';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../graphql/list';
import { raw, sql, type Sql } from '../../graphql/sql';
import { matchCtes } from './matching.sql';

/** 9-box of domain.md §6 as SQL over `category` (potential) and `predicate` (performance), from the same table as the reference. */
const BOX_SQL = raw(`(case
  ${(['HIGH', 'MIDDLE', 'LOW'] as const).map((pot) => {
    const cat = pot === 'HIGH' ? 'OPTIMAL' : pot === 'MIDDLE' ? 'CUKUP_OPTIMAL' : 'KURANG_OPTIMAL';
    return `when r.category = '${cat}' then (case lp.predicate when 'SANGAT_BAIK' then ${NINE_BOX[pot].ABOVE} when 'BAIK' then ${NINE_BOX[pot].MEETS} else ${NINE_BOX[pot].BELOW} end)`;
  }).join('\n  ')}
  end)`);

/**
 * Talent box of every placed employee matching `candidates`: potential from
 * the JPM category in their current position, performance from the latest
 * annual predicate before asOf. Employees without either get no box.
 */
export function talentBoxesCte(candidates: Sql, asOf: string, policy: PolicyParameters): Sql {
  return sql`${matchCtes({
    positions: sql`select distinct e.position_id from employee e where (${candidates}) and e.position_id is not null`,
    candidates: sql`(${candidates}) and e.position_id is not null`,
    asOf, policy, pairing: 'own',
  })},
    lp as (
      select distinct on (pa.employee_id) pa.employee_id, pa.predicate from performance_appraisal pa
      where pa.period = 'ANNUAL' and pa.period_start < ${asOf}::date and pa.employee_id in (select id from cand)
      order by pa.employee_id, pa.period_start desc
    ),
    boxes as (
      select r.employee_id, ${BOX_SQL} as box from ranked r join lp on lp.employee_id = r.employee_id
    )`;
}

export async function talentMap(em: EntityManager, candidates: Sql, asOf: string, policy: PolicyParameters): Promise<Map<number, number>> {
  const rows = await execute<{ box: number; n: number }>(em, sql`with ${talentBoxesCte(candidates, asOf, policy)}
    select box, count(*)::int as n from boxes group by box`);
  return new Map(rows.map((r) => [Number(r.box), Number(r.n)]));
}

/** Employees in the policy's talent-pool boxes. */
export async function talentPoolIds(em: EntityManager, candidates: Sql, asOf: string, policy: PolicyParameters): Promise<number[]> {
  const boxes = policy.talentPoolBoxes.length ? policy.talentPoolBoxes : [0];
  const rows = await execute<{ employee_id: number }>(em, sql`with ${talentBoxesCte(candidates, asOf, policy)}
    select employee_id from boxes where box in (${raw(boxes.map((b) => String(Math.trunc(b))).join(', '))})`);
  return rows.map((r) => Number(r.employee_id));
}
