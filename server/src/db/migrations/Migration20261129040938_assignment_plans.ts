import { Migration } from '@mikro-orm/migrations';

export class Migration20261129040938_assignment_plans extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "assignment_plan" ("id" serial primary key, "status" text check ("status" in ('DRAFT', 'APPLIED')) not null default 'DRAFT', "as_of" date not null, "total_jpm" double precision not null, "greedy_total_jpm" double precision not null, "greedy_filled" smallint not null, "created_by" varchar(255) not null, "created_at" timestamptz not null default current_timestamp, "applied_by" varchar(255) null, "applied_at" timestamptz null);`);

    this.addSql(`create table "assignment_plan_item" ("id" serial primary key, "plan_id" int not null, "position_id" int not null, "seat" smallint not null, "employee_id" int null, "from_position_id" int null, "jpm" double precision null, "reason" text null);`);
    this.addSql(`create index "assignment_plan_item_plan_id_index" on "assignment_plan_item" ("plan_id");`);
    this.addSql(`create index "assignment_plan_item_position_id_index" on "assignment_plan_item" ("position_id");`);
    this.addSql(`create index "assignment_plan_item_employee_id_index" on "assignment_plan_item" ("employee_id");`);
    this.addSql(`create index "assignment_plan_item_from_position_id_index" on "assignment_plan_item" ("from_position_id");`);

    this.addSql(`alter table "assignment_plan_item" add constraint "assignment_plan_item_plan_id_foreign" foreign key ("plan_id") references "assignment_plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assignment_plan_item" add constraint "assignment_plan_item_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assignment_plan_item" add constraint "assignment_plan_item_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assignment_plan_item" add constraint "assignment_plan_item_from_position_id_foreign" foreign key ("from_position_id") references "position" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assignment_plan_item" cascade;`);
    this.addSql(`drop table if exists "assignment_plan" cascade;`);
  }

}
