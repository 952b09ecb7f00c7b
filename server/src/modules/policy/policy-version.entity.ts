import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Node } from '../../graphql/node';
import type { PolicyParameters } from '../../domain/policy';

export const POLICY_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const PolicyStatusEnum = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', RETIRED: 'RETIRED' } as const;
registerEnumType(PolicyStatusEnum, { name: 'PolicyStatus', description: 'Lifecycle of a policy version: one ACTIVE at a time; the previous active one becomes RETIRED.' });

/**
 * Policy parameters are data, not constants: a government changes them by
 * policy. A partial unique index (migration) keeps exactly one ACTIVE row.
 */
@ObjectType('PolicyVersion', { implements: Node, description: 'A versioned set of policy parameters (JPM thresholds, annual lesson hours, eligibility rules, …).' })
@Entity({ tableName: 'policy_version' })
export class PolicyVersion extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => Int, { description: 'Version number, increasing.' })
  @Property({ type: 'integer', unique: true })
  version!: number;

  @Field(() => String, { description: 'Short name, e.g. "Default 2024" or "Legacy 80/68".' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'The parameters: jpmOptimal, jpmAdequate, annualDevelopmentHours, minPredicate, performanceYears, candidateMinCategory, talentPoolBoxes, training thresholds.' })
  @Property({ type: 'json' })
  parameters!: PolicyParameters;

  @Field(() => PolicyStatusEnum, { description: 'DRAFT, ACTIVE or RETIRED.' })
  @Enum({ items: () => [...POLICY_STATUSES], type: 'string' })
  status!: PolicyStatus;

  @Field(() => Date, { description: 'When the version was created.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Field(() => String, { nullable: true, description: 'Who created it.' })
  @Property({ type: 'string', nullable: true })
  createdBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last activated.' })
  @Property({ type: 'datetime', nullable: true })
  activatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who activated it.' })
  @Property({ type: 'string', nullable: true })
  activatedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it stopped being the active version (another was activated).' })
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who activated the version that replaced it.' })
  @Property({ type: 'string', nullable: true })
  retiredBy?: string | null;
}
