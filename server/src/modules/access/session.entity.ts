import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { AppUser } from './app-user.entity';

/**
 * A signed-in session. The token (cookie or bearer) is random and long, so a
 * fast SHA-256 of it is enough to make a stolen table useless; argon2 is for
 * low-entropy passwords only.
 */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => AppUser, { deleteRule: 'cascade', index: true })
  user!: AppUser;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;
}
