import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * An allow-listed GraphQL document, addressed by the SHA-256 (hex) of its
 * exact text — the same hash Apollo's automatic persisted queries use, so a
 * client may send only `extensions.persistedQuery.sha256Hash`.
 */
@Entity({ tableName: 'persisted_operation' })
export class PersistedOperation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  hash!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'text' })
  document!: string;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'string', length: 255, nullable: true })
  createdBy?: string | null;
}
