import { Migration } from '@mikro-orm/migrations';

export class Migration20261129034604_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "competency" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(255) not null, "type" text check ("type" in ('TECHNICAL', 'MANAGERIAL', 'SOCIOCULTURAL')) not null);`);
    this.addSql(`alter table "competency" add constraint "competency_code_unique" unique ("code");`);

    this.addSql(`create table "competency_level" ("id" serial primary key, "competency_id" int not null, "level" smallint not null, "description" text not null, constraint competency_level_level_check check (level between 1 and 5));`);
    this.addSql(`alter table "competency_level" add constraint "competency_level_competency_id_level_unique" unique ("competency_id", "level");`);

    this.addSql(`create table "policy_version" ("id" serial primary key, "version" int not null, "name" varchar(255) not null, "parameters" jsonb not null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'RETIRED')) not null, "created_at" timestamptz not null default current_timestamp, "created_by" varchar(255) null, "activated_at" timestamptz null, "activated_by" varchar(255) null);`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_version_unique" unique ("version");`);

    this.addSql(`create table "training" ("id" serial primary key, "code" varchar(64) not null, "title" varchar(255) not null, "form" text check ("form" in ('KLASIKAL', 'NON_KLASIKAL')) not null, "type" text check ("type" in ('PELATIHAN', 'WORKSHOP', 'SEMINAR', 'BIMTEK', 'KURSUS', 'COACHING', 'MENTORING', 'E_LEARNING', 'PELATIHAN_JARAK_JAUH', 'MAGANG', 'OTHER')) not null, "hours" numeric(6,2) not null, constraint training_hours_check check (hours > 0));`);
    this.addSql(`alter table "training" add constraint "training_code_unique" unique ("code");`);

    this.addSql(`create table "training_competency" ("training_id" int not null, "competency_id" int not null, constraint "training_competency_pkey" primary key ("training_id", "competency_id"));`);

    this.addSql(`create table "unit" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(255) not null, "type" text check ("type" in ('DINAS', 'BADAN', 'KECAMATAN', 'KELURAHAN', 'RSUD', 'SEKRETARIAT', 'BIDANG', 'SEKSI', 'UPT', 'SEKOLAH', 'PUSKESMAS')) not null, "parent_id" int null);`);
    this.addSql(`alter table "unit" add constraint "unit_code_unique" unique ("code");`);
    this.addSql(`create index "unit_parent_id_index" on "unit" ("parent_id");`);

    this.addSql(`create table "position" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(255) not null, "unit_id" int not null, "kind" text check ("kind" in ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL_KEAHLIAN', 'FUNGSIONAL_KETERAMPILAN')) not null, "quota" int not null default 1, "min_grade" text check ("min_grade" in ('I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e')) null, "min_education" text check ("min_education" in ('SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3')) null, "max_age" smallint null, "technical_weight" numeric(3,2) null, constraint position_quota_check check (quota >= 1), constraint position_max_age_check check (max_age is null or max_age between 18 and 70), constraint position_technical_weight_check check (technical_weight is null or technical_weight between 0 and 1));`);
    this.addSql(`alter table "position" add constraint "position_code_unique" unique ("code");`);
    this.addSql(`create index "position_unit_id_index" on "position" ("unit_id");`);

    this.addSql(`create table "stakeholder_input" ("id" serial primary key, "position_id" int not null, "competency_id" int not null, "stakeholder_group" text check ("stakeholder_group" in ('MASYARAKAT', 'GURU', 'ORANG_TUA', 'SISWA', 'PASIEN', 'TENAGA_KESEHATAN', 'OTHER')) not null, "importance" smallint not null, "comment" text null, "submitted_at" date not null, constraint stakeholder_input_importance_check check (importance between 1 and 5));`);
    this.addSql(`create index "stakeholder_input_position_id_index" on "stakeholder_input" ("position_id");`);
    this.addSql(`create index "stakeholder_input_competency_id_index" on "stakeholder_input" ("competency_id");`);
    this.addSql(`alter table "stakeholder_input" add constraint "stakeholder_input_position_id_competency_id_stake_2735a_unique" unique ("position_id", "competency_id", "stakeholder_group", "submitted_at");`);

    this.addSql(`create table "position_requirement" ("id" serial primary key, "position_id" int not null, "competency_id" int not null, "level" smallint not null, constraint position_requirement_level_check check (level between 1 and 5));`);
    this.addSql(`create index "position_requirement_position_id_index" on "position_requirement" ("position_id");`);
    this.addSql(`create index "position_requirement_competency_id_index" on "position_requirement" ("competency_id");`);
    this.addSql(`alter table "position_requirement" add constraint "position_requirement_position_id_competency_id_unique" unique ("position_id", "competency_id");`);

    this.addSql(`create table "employee" ("id" serial primary key, "nip" varchar(18) not null, "name" varchar(255) not null, "status" text check ("status" in ('PNS', 'PPPK')) not null, "grade" text check ("grade" in ('I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e')) not null, "education" text check ("education" in ('SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3')) not null, "unit_id" int not null, "position_id" int null, "birth_date" date generated always as (make_date(substr(nip, 1, 4)::int, substr(nip, 5, 2)::int, substr(nip, 7, 2)::int)) stored not null, "service_start" varchar(7) generated always as (substr(nip, 9, 4) || '-' || substr(nip, 13, 2)) stored not null, "gender" varchar(6) generated always as (case substr(nip, 15, 1) when '1' then 'MALE' else 'FEMALE' end) stored not null, constraint employee_nip_check check (nip ~ '^[0-9]{18}\$'));`);
    this.addSql(`alter table "employee" add constraint "employee_nip_unique" unique ("nip");`);
    this.addSql(`create index "employee_name_index" on "employee" ("name");`);
    this.addSql(`create index "employee_unit_id_index" on "employee" ("unit_id");`);
    this.addSql(`create index "employee_position_id_index" on "employee" ("position_id");`);

    this.addSql(`create table "training_participation" ("id" serial primary key, "employee_id" int not null, "training_id" int not null, "started_at" date not null, "completed_at" date null, "status" text check ("status" in ('REGISTERED', 'COMPLETED', 'FAILED', 'WITHDRAWN')) not null, "pre_test" numeric(5,2) null, "post_test" numeric(5,2) null, constraint training_participation_completed_at_check check (completed_at is null or completed_at >= started_at), constraint training_participation_pre_test_check check (pre_test is null or pre_test between 0 and 100), constraint training_participation_post_test_check check (post_test is null or post_test between 0 and 100));`);
    this.addSql(`create index "training_participation_employee_id_index" on "training_participation" ("employee_id");`);
    this.addSql(`create index "training_participation_training_id_index" on "training_participation" ("training_id");`);
    this.addSql(`alter table "training_participation" add constraint "training_participation_employee_id_training_id_st_84a24_unique" unique ("employee_id", "training_id", "started_at");`);

    this.addSql(`create table "training_evaluation" ("id" serial primary key, "training_id" int not null, "employee_id" int not null, "level" smallint not null, "score" numeric(6,2) not null, "respondent" text check ("respondent" in ('PARTICIPANT', 'SUPERVISOR', 'PEER')) not null, "evaluated_at" date not null, constraint training_evaluation_level_check check (level between 1 and 4));`);
    this.addSql(`create index "training_evaluation_training_id_index" on "training_evaluation" ("training_id");`);
    this.addSql(`create index "training_evaluation_employee_id_index" on "training_evaluation" ("employee_id");`);
    this.addSql(`alter table "training_evaluation" add constraint "training_evaluation_training_id_employee_id_level_0a706_unique" unique ("training_id", "employee_id", "level", "respondent", "evaluated_at");`);

    this.addSql(`create table "performance_appraisal" ("id" serial primary key, "employee_id" int not null, "period_start" date not null, "period" text check ("period" in ('MONTHLY', 'QUARTERLY', 'ANNUAL')) not null, "results" text check ("results" in ('BELOW', 'MEETS', 'ABOVE')) not null, "behaviour" text check ("behaviour" in ('BELOW', 'MEETS', 'ABOVE')) not null, "predicate" varchar(16) generated always as (case
  when results = 'ABOVE' and behaviour = 'ABOVE' then 'SANGAT_BAIK'
  when results in ('ABOVE', 'MEETS') and behaviour in ('ABOVE', 'MEETS') then 'BAIK'
  when results in ('ABOVE', 'MEETS') and behaviour = 'BELOW' then 'KURANG'
  when results = 'BELOW' and behaviour = 'BELOW' then 'SANGAT_KURANG'
  else 'BUTUH_PERBAIKAN' end) stored not null);`);
    this.addSql(`alter table "performance_appraisal" add constraint "performance_appraisal_employee_id_period_start_period_unique" unique ("employee_id", "period_start", "period");`);

    this.addSql(`create table "competency_assessment" ("id" serial primary key, "employee_id" int not null, "competency_id" int not null, "level" numeric(3,2) not null, "assessed_at" date not null, "method" text check ("method" in ('ASSESSMENT_CENTER', 'UJI_KOMPETENSI', 'SJT', 'SUPERVISOR', 'SELF')) not null, constraint competency_assessment_level_check check (level between 1 and 5));`);
    this.addSql(`create index "competency_assessment_competency_id_employee_id_as_7b079_index" on "competency_assessment" ("competency_id", "employee_id", "assessed_at");`);
    this.addSql(`alter table "competency_assessment" add constraint "competency_assessment_employee_id_competency_id_a_ce7b2_unique" unique ("employee_id", "competency_id", "assessed_at");`);

    this.addSql(`alter table "competency_level" add constraint "competency_level_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "training_competency" add constraint "training_competency_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_competency" add constraint "training_competency_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "unit" add constraint "unit_parent_id_foreign" foreign key ("parent_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "position" add constraint "position_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stakeholder_input" add constraint "stakeholder_input_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stakeholder_input" add constraint "stakeholder_input_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "position_requirement" add constraint "position_requirement_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "position_requirement" add constraint "position_requirement_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "employee" add constraint "employee_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_participation" add constraint "training_participation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_participation" add constraint "training_participation_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_evaluation" add constraint "training_evaluation_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_evaluation" add constraint "training_evaluation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "performance_appraisal" add constraint "performance_appraisal_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "competency_assessment" add constraint "competency_assessment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "competency_assessment" add constraint "competency_assessment_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);
    // Hand-written: what the entity decorators cannot express.
    this.addSql(`create index "training_competency_competency_id_index" on "training_competency" ("competency_id");`);
    this.addSql(`create unique index "policy_version_one_active" on "policy_version" ("status") where "status" = 'ACTIVE';`);
    this.addSql(`create index "performance_appraisal_annual_index" on "performance_appraisal" ("employee_id", "period_start" desc) where "period" = 'ANNUAL';`);
    this.addSql(`create index "training_participation_completed_index" on "training_participation" ("employee_id", "completed_at") where "status" = 'COMPLETED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "competency_level" drop constraint "competency_level_competency_id_foreign";`);

    this.addSql(`alter table "training_competency" drop constraint "training_competency_competency_id_foreign";`);

    this.addSql(`alter table "stakeholder_input" drop constraint "stakeholder_input_competency_id_foreign";`);

    this.addSql(`alter table "position_requirement" drop constraint "position_requirement_competency_id_foreign";`);

    this.addSql(`alter table "competency_assessment" drop constraint "competency_assessment_competency_id_foreign";`);

    this.addSql(`alter table "training_competency" drop constraint "training_competency_training_id_foreign";`);

    this.addSql(`alter table "training_participation" drop constraint "training_participation_training_id_foreign";`);

    this.addSql(`alter table "training_evaluation" drop constraint "training_evaluation_training_id_foreign";`);

    this.addSql(`alter table "unit" drop constraint "unit_parent_id_foreign";`);

    this.addSql(`alter table "position" drop constraint "position_unit_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_unit_id_foreign";`);

    this.addSql(`alter table "stakeholder_input" drop constraint "stakeholder_input_position_id_foreign";`);

    this.addSql(`alter table "position_requirement" drop constraint "position_requirement_position_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_position_id_foreign";`);

    this.addSql(`alter table "training_participation" drop constraint "training_participation_employee_id_foreign";`);

    this.addSql(`alter table "training_evaluation" drop constraint "training_evaluation_employee_id_foreign";`);

    this.addSql(`alter table "performance_appraisal" drop constraint "performance_appraisal_employee_id_foreign";`);

    this.addSql(`alter table "competency_assessment" drop constraint "competency_assessment_employee_id_foreign";`);

    this.addSql(`drop table if exists "competency" cascade;`);

    this.addSql(`drop table if exists "competency_level" cascade;`);

    this.addSql(`drop table if exists "policy_version" cascade;`);

    this.addSql(`drop table if exists "training" cascade;`);

    this.addSql(`drop table if exists "training_competency" cascade;`);

    this.addSql(`drop table if exists "unit" cascade;`);

    this.addSql(`drop table if exists "position" cascade;`);

    this.addSql(`drop table if exists "stakeholder_input" cascade;`);

    this.addSql(`drop table if exists "position_requirement" cascade;`);

    this.addSql(`drop table if exists "employee" cascade;`);

    this.addSql(`drop table if exists "training_participation" cascade;`);

    this.addSql(`drop table if exists "training_evaluation" cascade;`);

    this.addSql(`drop table if exists "performance_appraisal" cascade;`);

    this.addSql(`drop table if exists "competency_assessment" cascade;`);
  }

}
