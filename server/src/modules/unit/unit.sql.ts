import { sql, type Sql } from '../../graphql/sql';

/**
 * Ids of a unit and all its descendants. The tree is small (hundreds of
 * units), so a recursive CTE per query is cheaper and simpler than keeping a
 * materialised path in sync.
 */
export function subtreeIds(rootId: Sql | number): Sql {
  return sql`(with recursive sub(id) as (select id from unit where id = ${rootId} union all select u.id from unit u join sub on u.parent_id = sub.id) select id from sub)`;
}

export function subtreeIdsByCode(rootCode: string): Sql {
  return subtreeIds(sql`(select id from unit where code = ${rootCode})`);
}
