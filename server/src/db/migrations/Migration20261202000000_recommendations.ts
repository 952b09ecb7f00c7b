import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000_recommendations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "policy_version" add column "retired_at" timestamptz null, add column "retired_by" varchar(255) null;`);

    this.addSql(`create table "recommendation" ("id" serial primary key, "key" varchar(255) not null, "kind" text check ("kind" in ('TRAINING_INEFFECTIVE', 'UNIT_COMPETENCY_GAP', 'DEVELOPMENT_HOURS_SHORTFALL', 'MISPLACEMENT', 'SUCCESSION_RISK', 'STANDARD_REVIEW')) not null, "severity" text check ("severity" in ('LOW', 'MEDIUM', 'HIGH')) not null, "impact" double precision not null, "impact_secondary" double precision not null default 0, "status" text check ("status" in ('OPEN', 'ACCEPTED', 'DISMISSED', 'RESOLVED')) not null default 'OPEN', "year" int not null, "as_of" date not null, "unit_id" int null, "position_id" int null, "training_id" int null, "employee_id" int null, "competency_id" int null, "evidence" jsonb not null, "texts" jsonb not null, "evidence_query" text not null, "policy_version_id" int not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp);`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_key_unique" unique ("key");`);
    this.addSql(`create index "recommendation_unit_id_index" on "recommendation" ("unit_id");`);
    this.addSql(`create index "recommendation_position_id_index" on "recommendation" ("position_id");`);
    this.addSql(`create index "recommendation_training_id_index" on "recommendation" ("training_id");`);
    this.addSql(`create index "recommendation_employee_id_index" on "recommendation" ("employee_id");`);
    this.addSql(`create index "recommendation_competency_id_index" on "recommendation" ("competency_id");`);
    this.addSql(`create index "recommendation_policy_version_id_index" on "recommendation" ("policy_version_id");`);
    this.addSql(`create index "recommendation_year_kind_index" on "recommendation" ("year", "kind");`);

    this.addSql(`create table "recommendation_status_change" ("id" serial primary key, "recommendation_id" int not null, "from_status" text check ("from_status" in ('OPEN', 'ACCEPTED', 'DISMISSED', 'RESOLVED')) null, "to_status" text check ("to_status" in ('OPEN', 'ACCEPTED', 'DISMISSED', 'RESOLVED')) not null, "changed_by" varchar(255) not null, "changed_at" timestamptz not null default current_timestamp, "note" text null);`);
    this.addSql(`create index "recommendation_status_change_recommendation_id_index" on "recommendation_status_change" ("recommendation_id");`);

    this.addSql(`alter table "recommendation" add constraint "recommendation_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_version" ("id") on update cascade;`);
    this.addSql(`alter table "recommendation_status_change" add constraint "recommendation_status_change_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recommendation_status_change" cascade;`);
    this.addSql(`drop table if exists "recommendation" cascade;`);
    this.addSql(`alter table "policy_version" drop column "retired_at", drop column "retired_by";`);
  }

}
