import { ArrayType, Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Unit } from '../unit/unit.entity';
import type { KeyScope } from './viewer';

/**
 * A partner application's key. The secret is shown once at creation; only
 * its SHA-256 is stored (keys are random, 32 bytes). `prefix` is the
 * non-secret start of the key so an admin can tell keys apart.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'string', length: 32 })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  scopes!: KeyScope[];

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict', index: true })
  unit?: Unit | null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  /** Leaky-bucket capacity in cost points. */
  @Property({ type: 'integer' })
  budget!: number;

  /** Only operations registered in persisted_operation may be run with this key. */
  @Property({ type: 'boolean', default: false })
  persistedOnly: Opt<boolean> = false;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'string', length: 255, nullable: true })
  createdBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;
}
