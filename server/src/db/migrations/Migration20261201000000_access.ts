import { Migration } from '@mikro-orm/migrations';

/** Tables carrying unit membership, and how each row reaches a unit. */
const SCOPE = `nullif(current_setting('sikap.unit_scope', true), '')`;
const IN_SCOPE = `(select unnest(string_to_array(${SCOPE}, ',')::int[]))`;
export const ROW_SCOPE_POLICIES: Record<string, string> = {
  unit: `id in ${IN_SCOPE}`,
  position: `unit_id in ${IN_SCOPE}`,
  employee: `unit_id in ${IN_SCOPE}`,
  // Children reach their unit through employee/position, whose own policies
  // apply inside these subqueries: one definition of the subtree.
  competency_assessment: 'employee_id in (select s.id from employee s)',
  competency_level_latest: 'employee_id in (select s.id from employee s)',
  performance_appraisal: 'employee_id in (select s.id from employee s)',
  training_participation: 'employee_id in (select s.id from employee s)',
  training_evaluation: 'employee_id in (select s.id from employee s)',
  stakeholder_input: 'position_id in (select s.id from position s)',
  position_requirement: 'position_id in (select s.id from position s)',
  assignment_plan_item: 'position_id in (select s.id from position s) and (employee_id is null or employee_id in (select s.id from employee s))',
};

const AUDITED_TABLES = [
  'unit', 'competency', 'competency_level', 'position', 'position_requirement', 'employee', 'competency_assessment', 'performance_appraisal',
  'training', 'training_competency', 'training_participation', 'training_evaluation', 'stakeholder_input', 'policy_version',
  'assignment_plan', 'assignment_plan_item', 'app_user', 'api_key', 'persisted_operation',
];

export class Migration20261201000000_access extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "app_user" ("id" serial primary key, "email" varchar(255) not null, "password_hash" text not null, "role" text check ("role" in ('ADMIN', 'UNIT_ADMIN', 'ANALYST', 'VIEWER')) not null, "unit_id" int null, "budget" int null, "created_at" timestamptz not null default current_timestamp, "last_login_at" timestamptz null, "disabled_at" timestamptz null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_unit_id_index" on "app_user" ("unit_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default current_timestamp, "expires_at" timestamptz not null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "api_key" ("id" serial primary key, "name" varchar(255) not null, "prefix" varchar(32) not null, "key_hash" varchar(64) not null, "scopes" text[] not null, "unit_id" int null, "expires_at" timestamptz null, "budget" int not null, "persisted_only" boolean not null default false, "created_at" timestamptz not null default current_timestamp, "created_by" varchar(255) null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(`create index "api_key_unit_id_index" on "api_key" ("unit_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "persisted_operation" ("id" serial primary key, "hash" varchar(64) not null, "name" varchar(255) not null, "document" text not null, "created_at" timestamptz not null default current_timestamp, "created_by" varchar(255) null);`);
    this.addSql(`alter table "persisted_operation" add constraint "persisted_operation_hash_unique" unique ("hash");`);

    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" timestamptz not null default current_timestamp, "actor_kind" varchar(16) not null, "actor_id" int null, "actor_label" varchar(255) not null, "operation_name" varchar(255) null, "mutations" text[] not null, "variables" jsonb null, "result_ids" text[] not null, "ok" boolean not null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create table "audit_change" ("id" serial primary key, "entry_id" int not null, "table_name" varchar(64) not null, "row_id" int null, "operation" varchar(8) not null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_change_entry_id_index" on "audit_change" ("entry_id");`);
    this.addSql(`alter table "audit_change" add constraint "audit_change_entry_id_foreign" foreign key ("entry_id") references "audit_entry" ("id") on update cascade on delete cascade;`);

    // Hand-written from here: row scope and the row-level audit trail.

    // Superusers (PGlite's only user, and often the dev/test PostgreSQL user)
    // bypass row-level security even with FORCE, so scoped requests switch to
    // this role for their transaction (SET LOCAL ROLE). Roles are cluster-wide:
    // concurrent test databases may race to create it, hence the handler; a
    // user without CREATEROLE skips it and relies on FORCE instead.
    this.addSql(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'sikap_scoped') then create role sikap_scoped nologin; end if;
    exception when others then null; end $$;`);
    this.addSql(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'sikap_scoped') then
        execute 'grant sikap_scoped to ' || quote_ident(current_user);
        execute 'grant usage on schema public to sikap_scoped';
        execute 'grant select, insert, update, delete on all tables in schema public to sikap_scoped';
        execute 'grant usage, select on all sequences in schema public to sikap_scoped';
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to sikap_scoped';
        execute 'alter default privileges in schema public grant usage, select on sequences to sikap_scoped';
      end if;
    exception when others then null; end $$;`);

    for (const [table, condition] of Object.entries(ROW_SCOPE_POLICIES)) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      // Unset or empty setting = unrestricted: migrations, imports, the CLI and
      // unscoped viewers never pay for or notice the policy.
      this.addSql(`create policy "sikap_unit_scope" on "${table}" using (${SCOPE} is null or (${condition}));`);
    }

    this.addSql(`create or replace function sikap_audit_row() returns trigger language plpgsql as $fn$
declare
  entry int := nullif(current_setting('sikap.audit_id', true), '')::int;
  b jsonb;
  a jsonb;
begin
  if entry is null then return null; end if;
  if tg_op = 'INSERT' then
    a := to_jsonb(new);
  elsif tg_op = 'DELETE' then
    b := to_jsonb(old);
  else
    select jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, n.value) into b, a
      from jsonb_each(to_jsonb(old)) o join jsonb_each(to_jsonb(new)) n on n.key = o.key
      where n.value is distinct from o.value;
    if a is null then return null; end if;
  end if;
  insert into audit_change (entry_id, table_name, row_id, operation, before, after)
  values (entry, tg_table_name, coalesce(to_jsonb(new)->>'id', to_jsonb(old)->>'id')::int, tg_op,
          b - 'password_hash' - 'key_hash', a - 'password_hash' - 'key_hash');
  return null;
end $fn$;`);
    for (const table of AUDITED_TABLES) {
      // The WHEN clause keeps bulk imports and seeding (no audit id set) free of trigger calls.
      this.addSql(`create trigger "sikap_audit" after insert or update or delete on "${table}" for each row when (current_setting('sikap.audit_id', true) <> '') execute function sikap_audit_row();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of AUDITED_TABLES) this.addSql(`drop trigger if exists "sikap_audit" on "${table}";`);
    this.addSql('drop function if exists sikap_audit_row();');
    for (const table of Object.keys(ROW_SCOPE_POLICIES)) {
      this.addSql(`drop policy if exists "sikap_unit_scope" on "${table}";`);
      this.addSql(`alter table "${table}" no force row level security;`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(`drop table if exists "audit_change" cascade;`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "persisted_operation" cascade;`);
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
