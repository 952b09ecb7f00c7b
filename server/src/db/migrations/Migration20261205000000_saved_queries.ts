import { Migration } from '@mikro-orm/migrations';

/**
 * Saved queries of the query builder and their versions. They hold no unit,
 * position or employee column, so no row-scope policy: visibility (owner,
 * sharing, templates) is decided by the service. Changes are audited like
 * every other table written by mutations.
 */
export class Migration20261205000000_saved_queries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "saved_query" ("id" serial primary key, "name" varchar(255) not null, "description" text null, "document" text not null, "variables" jsonb null, "operation_name" varchar(255) null, "sharing" text check ("sharing" in ('PRIVATE', 'ROLE', 'EVERYONE')) not null default 'PRIVATE', "shared_role" text check ("shared_role" in ('ADMIN', 'UNIT_ADMIN', 'ANALYST', 'VIEWER')) null, "owner_id" int null, "template" boolean not null default false, "template_key" varchar(64) null, "version" int not null default 1, "published_operation_id" int null, "published_version" int null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp);`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_template_key_unique" unique ("template_key");`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_role_sharing_check" check (("sharing" = 'ROLE') = ("shared_role" is not null));`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_template_or_owner_check" check ("template" or "owner_id" is not null);`);
    this.addSql(`create index "saved_query_owner_id_index" on "saved_query" ("owner_id");`);
    this.addSql(`create index "saved_query_published_operation_id_index" on "saved_query" ("published_operation_id");`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_published_operation_id_foreign" foreign key ("published_operation_id") references "persisted_operation" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "saved_query_version" ("id" serial primary key, "saved_query_id" int not null, "version" int not null, "name" varchar(255) not null, "description" text null, "document" text not null, "variables" jsonb null, "operation_name" varchar(255) null, "edited_by_id" int null, "created_at" timestamptz not null default current_timestamp);`);
    this.addSql(`alter table "saved_query_version" add constraint "saved_query_version_saved_query_id_version_unique" unique ("saved_query_id", "version");`);
    this.addSql(`create index "saved_query_version_saved_query_id_index" on "saved_query_version" ("saved_query_id");`);
    this.addSql(`create index "saved_query_version_edited_by_id_index" on "saved_query_version" ("edited_by_id");`);
    this.addSql(`alter table "saved_query_version" add constraint "saved_query_version_saved_query_id_foreign" foreign key ("saved_query_id") references "saved_query" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "saved_query_version" add constraint "saved_query_version_edited_by_id_foreign" foreign key ("edited_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    for (const table of ['saved_query', 'saved_query_version']) {
      this.addSql(`create trigger "sikap_audit" after insert or update or delete on "${table}" for each row when (current_setting('sikap.audit_id', true) <> '') execute function sikap_audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_query_version" cascade;`);
    this.addSql(`drop table if exists "saved_query" cascade;`);
  }

}
