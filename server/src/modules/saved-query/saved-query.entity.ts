import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node, toGlobalId } from '../../graphql/node';
import { MasksNipsInText } from '../../graphql/personal-data';
import { AppUser } from '../access/app-user.entity';
import { PersistedOperation } from '../access/persisted-operation.entity';
import { RoleEnum } from '../access/access.types';
import { ROLES, type Role } from '../access/viewer';

export const QUERY_SHARINGS = ['PRIVATE', 'ROLE', 'EVERYONE'] as const;
export type QuerySharing = (typeof QUERY_SHARINGS)[number];
export const QuerySharingEnum = { PRIVATE: 'PRIVATE', ROLE: 'ROLE', EVERYONE: 'EVERYONE' } as const;
registerEnumType(QuerySharingEnum, {
  name: 'QuerySharing',
  description: 'Who besides the owner (and ADMINs) may open a saved query.',
  valuesConfig: {
    PRIVATE: { description: 'Only the owner.' },
    ROLE: { description: 'Every user holding `sharedRole`.' },
    EVERYONE: { description: 'Every signed-in user.' },
  },
});

/**
 * An analyst's saved GraphQL query. Deliberately not a subclass of Node:
 * `node(id:)` loads any Node subclass for every reader, while a saved query
 * is visible only under its sharing rule, which `savedQuery(id:)` enforces.
 * It still implements the Node interface (global id) for client caches.
 */
@ObjectType('SavedQuery', { implements: Node, description: 'A saved GraphQL query of the query builder: its document, variables, sharing, version history and publication to partner API keys. Built-in domain templates are read-only and shared with everyone. NIPs written into its texts are masked for the VIEWER role.' })
@Entity({ tableName: 'saved_query' })
export class SavedQuery {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Globally unique, opaque identifier of this object.' })
  get nodeId(): Opt<string> {
    return toGlobalId('SavedQuery', this.id);
  }

  @Field(() => String, { description: 'Name, 1–255 characters.' })
  @MasksNipsInText()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the query answers and how to use its variables.' })
  @MasksNipsInText()
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { description: 'The GraphQL document (queries only), exactly as saved.' })
  @MasksNipsInText()
  @Property({ type: 'text' })
  document!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Default variables (a JSON object) to run the document with.' })
  @MasksNipsInText()
  @Property({ type: 'json', nullable: true })
  variables?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Operation to run when the document has several.' })
  @Property({ type: 'string', length: 255, nullable: true })
  operationName?: string | null;

  @Field(() => QuerySharingEnum, { description: 'Who may open it: the owner only, every user of a role, or everyone.' })
  @Enum({ items: () => [...QUERY_SHARINGS], type: 'string', default: 'PRIVATE' })
  sharing: Opt<QuerySharing> = 'PRIVATE';

  @Field(() => RoleEnum, { nullable: true, description: 'The role it is shared with when sharing is ROLE; null otherwise.' })
  @Enum({ items: () => [...ROLES], type: 'string', nullable: true })
  sharedRole?: Role | null;

  /** Null for built-in templates. */
  @ManyToOne(() => AppUser, { nullable: true, deleteRule: 'cascade', index: true })
  owner?: AppUser | null;

  @Field(() => Boolean, { description: 'A built-in domain template: read-only, shared with everyone, a starting point to save a copy from.' })
  @Property({ type: 'boolean', default: false })
  template: Opt<boolean> = false;

  /** Stable key of a built-in template, so bootstrap updates it in place. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  templateKey?: string | null;

  @Field(() => Int, { description: 'Current version number; every change of name, description, document, variables or operation name adds one.' })
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  /** The persisted operation it was last published as. */
  @ManyToOne(() => PersistedOperation, { nullable: true, deleteRule: 'set null', index: true })
  publishedOperation?: PersistedOperation | null;

  @Field(() => Int, { nullable: true, description: 'The version that was published; when it is below `version`, partners still run the published document until it is published again.' })
  @Property({ type: 'integer', nullable: true })
  publishedVersion?: number | null;

  @Field(() => Date, { description: 'Created.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'Last changed (content, sharing or publication).' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  updatedAt: Opt<Date> = new Date();
}

@ObjectType('SavedQueryVersion', { description: 'One version of a saved query, as it was saved.' })
@Entity({ tableName: 'saved_query_version' })
@Unique({ properties: ['savedQuery', 'version'] })
@Index({ properties: ['savedQuery'] })
export class SavedQueryVersion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SavedQuery, { deleteRule: 'cascade' })
  savedQuery!: SavedQuery;

  @Field(() => Int, { description: 'Version number, from 1.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => String, { description: 'Name in this version.' })
  @MasksNipsInText()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description in this version.' })
  @MasksNipsInText()
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { description: 'Document in this version.' })
  @MasksNipsInText()
  @Property({ type: 'text' })
  document!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Variables in this version.' })
  @MasksNipsInText()
  @Property({ type: 'json', nullable: true })
  variables?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Operation name in this version.' })
  @Property({ type: 'string', length: 255, nullable: true })
  operationName?: string | null;

  /** Null for template versions written by bootstrap. */
  @ManyToOne(() => AppUser, { nullable: true, deleteRule: 'set null', index: true })
  editedBy?: AppUser | null;

  @Field(() => Date, { description: 'When this version was saved.' })
  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();
}
