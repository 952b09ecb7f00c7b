import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { UNIT_TYPES, type UnitType } from '../../domain/enums';
import { UnitTypeEnum } from '../../graphql/enums';

@ObjectType('Unit', { implements: Node, description: 'An organisational unit (OPD, bidang, seksi, kecamatan, RSUD, school, puskesmas…) in the unit tree.' })
@Entity({ tableName: 'unit' })
export class Unit extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Stable natural key, e.g. "DINKES".' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Official name, e.g. "Dinas Kesehatan".' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => UnitTypeEnum, { description: 'Kind of unit.' })
  @Enum({ items: () => [...UNIT_TYPES], type: 'string' })
  type!: UnitType;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict', index: true })
  parent?: Unit | null;
}

