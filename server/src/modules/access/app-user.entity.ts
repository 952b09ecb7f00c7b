import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Unit } from '../unit/unit.entity';
import { ROLES, type Role } from './viewer';

/**
 * A person who signs in. Deliberately not a GraphQL Node: `node(id:)` is open
 * to every reader, accounts are not. Only an argon2 hash of the password is
 * kept.
 */
@Entity({ tableName: 'app_user' })
export class AppUser {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 255, unique: true })
  email!: string;

  /** Display name; optional because accounts created before names existed have none. */
  @Property({ type: 'string', length: 255, nullable: true })
  name?: string | null;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Enum({ items: () => [...ROLES], type: 'string' })
  role!: Role;

  /** Row scope root; required for UNIT_ADMIN, optional for other roles (ADMIN ignores it). */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict', index: true })
  unit?: Unit | null;

  /** Leaky-bucket capacity in cost points; null = the default. */
  @Property({ type: 'integer', nullable: true })
  budget?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;
}
