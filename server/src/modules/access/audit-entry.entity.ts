import { ArrayType, Entity, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** One mutation request: who, when, which fields, with which variables, and what came back. */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp', index: true })
  at: Opt<Date> = new Date();

  @Property({ type: 'string', length: 16 })
  actorKind!: string;

  @Property({ type: 'integer', nullable: true })
  actorId?: number | null;

  @Property({ type: 'string', length: 255 })
  actorLabel!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  operationName?: string | null;

  /** Root mutation fields of the request, e.g. ["updateEmployee"]. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  mutations!: string[];

  /** Variables as sent, with secrets (passwords) redacted and very large values summarised. */
  @Property({ type: 'json', nullable: true })
  variables?: unknown;

  /** Global ids found in the result (created/changed/deleted objects). */
  @Property({ type: ArrayType, columnType: 'text[]' })
  resultIds: Opt<string[]> = [];

  /** False when the request ended with errors or user errors. */
  @Property({ type: 'boolean' })
  ok!: boolean;
}

/**
 * A row changed by an audited mutation, written by a database trigger so
 * every write path (services, bulk SQL) is covered without code in each
 * module. `before`/`after` hold only the changed columns on update.
 *
 * Indexed by (entry, id): a page of one entry's changes in order is a range
 * of that index, however many rows a bulk mutation wrote.
 */
@Entity({ tableName: 'audit_change' })
@Index({ properties: ['entry', 'id'] })
export class AuditChange {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => AuditEntry, { deleteRule: 'cascade' })
  entry!: AuditEntry;

  @Property({ type: 'string', length: 64 })
  tableName!: string;

  @Property({ type: 'integer', nullable: true })
  rowId?: number | null;

  @Property({ type: 'string', length: 8 })
  operation!: string;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;
}
