import { Migration } from '@mikro-orm/migrations';
import { dropRowScopeStatements, IN_SCOPE, rowScopeStatements } from '../row-scope';

/**
 * Every employee's current levels as one row: `levels[competency_id]` is
 * the latest assessed level (0 or null = not assessed) and `assessed_max` is
 * not before the newest of those dates. Matching scores a position against
 * thousands of employees per request: indexing one short array per employee
 * by the required competencies replaces joining and regrouping ~10
 * latest-level rows per employee (issue 3). Kept from
 * competency_level_latest by statement-level triggers, so it follows every
 * write path that table follows.
 */

/**
 * Applies `changes(employee_id, competency_id, level)` (level 0 = no longer
 * assessed) as a sparse patch (null = unchanged). ON CONFLICT DO UPDATE
 * merges the patch into the newest committed row version, so two
 * transactions changing different competencies of one employee both keep
 * their change without taking any lock beyond the row's own.
 */
function applyChanges(changes: string): string {
  return `insert into competency_level_vector as cur (employee_id, levels, assessed_max)
      select d.employee_id,
        array(select d.lvls[array_position(d.cids, g)] from generate_series(1, d.top) g order by g),
        d.assessed_max
      from (select c.employee_id, max(c.competency_id) as top, array_agg(c.competency_id) as cids, array_agg(c.level) as lvls,
              coalesce(max(c.assessed_at), '-infinity'::date) as assessed_max
            from (${changes}) c group by c.employee_id) d
      where exists (select 1 from employee e where e.id = d.employee_id)
      order by d.employee_id
      on conflict (employee_id) do update set
        levels = array(select coalesce(excluded.levels[g], cur.levels[g])
          from generate_series(1, greatest(cardinality(cur.levels), cardinality(excluded.levels))) g order by g),
        assessed_max = greatest(cur.assessed_max, excluded.assessed_max)`;
}

const NEW = 'select employee_id, competency_id, level::float8 as level, assessed_at from new_rows';
const GONE = (rows: string) => `select o.employee_id, o.competency_id, 0::float8 as level, null::date as assessed_at from ${rows} o`;

const REFRESH = `create function competency_level_vector_refresh() returns trigger language plpgsql as $fn$
  begin
    if tg_op = 'INSERT' then
      ${applyChanges(NEW)};
    elsif tg_op = 'DELETE' then
      ${applyChanges(GONE('old_rows'))};
    else
      ${applyChanges(`${NEW} union all ${GONE('old_rows')} where not exists (select 1 from new_rows n where n.employee_id = o.employee_id and n.competency_id = o.competency_id)`)};
    end if;
    return null;
  end $fn$;`;

/**
 * The level on a date from the history, for the rare employee whose vector
 * holds an assessment made after that date. A function rather than an
 * inline subquery so the planner costs it as the cheap call it is: costed
 * as a subplan per required competency, it made small matching statements
 * look expensive enough to be JIT-compiled, which took seconds.
 */
const LEVEL_ON = `create function competency_level_on(p_employee int, p_competency int, p_as_of date) returns float8
  language sql stable cost 1 as $fn$
    select a.level::float8 from competency_assessment a
    where a.employee_id = p_employee and a.competency_id = p_competency and a.assessed_at <= p_as_of
    order by a.assessed_at desc limit 1
  $fn$;`;

export class Migration20261210000000_competency_level_vector extends Migration {

  override async up(): Promise<void> {
    this.addSql(LEVEL_ON);
    this.addSql(`create table "competency_level_vector" (
      "employee_id" int not null primary key references "employee" ("id") on delete cascade,
      "levels" float8[] not null,
      "assessed_max" date not null);`);
    this.addSql(REFRESH);
    this.addSql(`create trigger competency_level_vector_ins after insert on competency_level_latest
      referencing new table as new_rows for each statement execute function competency_level_vector_refresh();`);
    this.addSql(`create trigger competency_level_vector_upd after update on competency_level_latest
      referencing old table as old_rows new table as new_rows for each statement execute function competency_level_vector_refresh();`);
    this.addSql(`create trigger competency_level_vector_del after delete on competency_level_latest
      referencing old table as old_rows for each statement execute function competency_level_vector_refresh();`);
    this.addSql(`${applyChanges('select employee_id, competency_id, level::float8 as level, assessed_at from competency_level_latest')};`);
    for (const s of rowScopeStatements('competency_level_vector', IN_SCOPE.employee())) this.addSql(s);
  }

  override async down(): Promise<void> {
    for (const s of dropRowScopeStatements('competency_level_vector')) this.addSql(s);
    this.addSql(`drop trigger if exists competency_level_vector_ins on competency_level_latest;`);
    this.addSql(`drop trigger if exists competency_level_vector_upd on competency_level_latest;`);
    this.addSql(`drop trigger if exists competency_level_vector_del on competency_level_latest;`);
    this.addSql(`drop function if exists competency_level_vector_refresh();`);
    this.addSql(`drop table if exists "competency_level_vector";`);
    this.addSql(`drop function if exists competency_level_on(int, int, date);`);
  }

}
