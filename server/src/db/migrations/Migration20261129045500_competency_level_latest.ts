import { Migration } from '@mikro-orm/migrations';

/**
 * The latest assessment per (employee, competency), kept by the database
 * itself. Matching reads current levels for thousands of employees per
 * request; taking them from this table instead of sorting the whole history
 * is what keeps a candidate list fast. Statement-level triggers with
 * transition tables keep it exact for every insert, update and delete,
 * including bulk imports, so application code never writes it.
 */
export class Migration20261129045500_competency_level_latest extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "competency_level_latest" (
      "employee_id" int not null references "employee" ("id") on delete cascade,
      "competency_id" int not null references "competency" ("id") on delete cascade,
      "level" numeric(3,2) not null,
      "assessed_at" date not null,
      primary key ("employee_id", "competency_id"));`);
    this.addSql(`create index "competency_level_latest_competency_index" on "competency_level_latest" ("competency_id", "employee_id") include ("level", "assessed_at");`);
    this.addSql(`insert into competency_level_latest (employee_id, competency_id, level, assessed_at)
      select distinct on (employee_id, competency_id) employee_id, competency_id, level, assessed_at
      from competency_assessment order by employee_id, competency_id, assessed_at desc;`);
    // Upsert rather than delete + insert, so two transactions refreshing the
    // same pair cannot collide on the primary key. An insert can only make the
    // latest row newer, hence the date guard on that path: a concurrent
    // writer that did not see a newer committed row cannot move it backwards.
    this.addSql(`create function competency_level_latest_refresh() returns trigger language plpgsql as $fn$
      begin
        create temp table if not exists _cll_pairs (employee_id int, competency_id int) on commit drop;
        if tg_op = 'INSERT' then
          insert into _cll_pairs select distinct employee_id, competency_id from new_rows;
        elsif tg_op = 'DELETE' then
          insert into _cll_pairs select distinct employee_id, competency_id from old_rows;
        else
          insert into _cll_pairs select employee_id, competency_id from new_rows union select employee_id, competency_id from old_rows;
        end if;
        insert into competency_level_latest as cur (employee_id, competency_id, level, assessed_at)
          select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level, a.assessed_at
          from competency_assessment a join (select distinct employee_id, competency_id from _cll_pairs) p
            on p.employee_id = a.employee_id and p.competency_id = a.competency_id
          order by a.employee_id, a.competency_id, a.assessed_at desc
          on conflict (employee_id, competency_id) do update set level = excluded.level, assessed_at = excluded.assessed_at
          where tg_op <> 'INSERT' or excluded.assessed_at >= cur.assessed_at;
        delete from competency_level_latest l using _cll_pairs p
          where l.employee_id = p.employee_id and l.competency_id = p.competency_id
            and not exists (select 1 from competency_assessment a where a.employee_id = l.employee_id and a.competency_id = l.competency_id);
        delete from _cll_pairs;
        return null;
      end $fn$;`);
    this.addSql(`create trigger competency_level_latest_ins after insert on competency_assessment
      referencing new table as new_rows for each statement execute function competency_level_latest_refresh();`);
    this.addSql(`create trigger competency_level_latest_upd after update on competency_assessment
      referencing old table as old_rows new table as new_rows for each statement execute function competency_level_latest_refresh();`);
    this.addSql(`create trigger competency_level_latest_del after delete on competency_assessment
      referencing old table as old_rows for each statement execute function competency_level_latest_refresh();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists competency_level_latest_ins on competency_assessment;`);
    this.addSql(`drop trigger if exists competency_level_latest_upd on competency_assessment;`);
    this.addSql(`drop trigger if exists competency_level_latest_del on competency_assessment;`);
    this.addSql(`drop function if exists competency_level_latest_refresh();`);
    this.addSql(`drop table if exists "competency_level_latest";`);
  }

}
