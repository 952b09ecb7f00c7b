import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { PERSONAL_DATA_NOTE, PersonalData } from '../../graphql/personal-data';
import {
  EDUCATIONS, EMPLOYEE_STATUSES, GENDERS, GRADES, type Education, type EmployeeStatus, type Gender, type Grade,
} from '../../domain/enums';
import { EducationEnum, EmployeeStatusEnum, GenderEnum, GradeEnum } from '../../graphql/enums';
import { Unit } from '../unit/unit.entity';
import { Position } from '../position/position.entity';

/**
 * Birth date, service start and gender are encoded in the NIP; they are
 * stored as generated columns so they can never disagree with it and SQL
 * (age rules, analytics) can use them directly.
 */
@ObjectType('Employee', { implements: Node, description: 'A civil servant (pegawai ASN), identified by NIP.' })
@Entity({ tableName: 'employee' })
export class Employee extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: `NIP, 18 digits: birth date YYYYMMDD, service start YYYYMM, gender digit, sequence NNN. ${PERSONAL_DATA_NOTE} (shown as 18 asterisks)` })
  @PersonalData({ masked: '******************' })
  @Property({ type: 'string', length: 18, unique: true, check: "nip ~ '^[0-9]{18}$'" })
  nip!: string;

  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'string', length: 255, index: true })
  name!: string;

  @Field(() => EmployeeStatusEnum, { description: 'PNS or PPPK.' })
  @Enum({ items: () => [...EMPLOYEE_STATUSES], type: 'string' })
  status!: EmployeeStatus;

  @Field(() => GradeEnum, { description: 'Current grade (golongan/ruang).' })
  @Enum({ items: () => [...GRADES], type: 'string' })
  grade!: Grade;

  @Field(() => EducationEnum, { description: 'Highest education.' })
  @Enum({ items: () => [...EDUCATIONS], type: 'string' })
  education!: Education;

  @ManyToOne(() => Unit, { deleteRule: 'restrict', index: true })
  unit!: Unit;

  @ManyToOne(() => Position, { nullable: true, deleteRule: 'restrict', index: true })
  position?: Position | null;

  @Field(() => String, { nullable: true, description: `Birth date decoded from the NIP (YYYY-MM-DD). ${PERSONAL_DATA_NOTE} (null)` })
  @PersonalData()
  @Property({
    type: 'date',
    generated: '(make_date(substr(nip, 1, 4)::int, substr(nip, 5, 2)::int, substr(nip, 7, 2)::int)) stored',
  })
  birthDate!: Opt<string>;

  @Field(() => String, { description: 'Start of service (TMT CPNS) decoded from the NIP, as YYYY-MM.' })
  @Property({ type: 'string', length: 7, generated: "(substr(nip, 9, 4) || '-' || substr(nip, 13, 2)) stored" })
  serviceStart!: Opt<string>;

  @Field(() => GenderEnum, { nullable: true, description: `Gender decoded from the NIP. ${PERSONAL_DATA_NOTE} (null)` })
  @PersonalData()
  @Property({ type: 'string', length: 6, generated: "(case substr(nip, 15, 1) when '1' then 'MALE' else 'FEMALE' end) stored" })
  gender!: Opt<Gender>;
}
