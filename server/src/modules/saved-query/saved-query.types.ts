import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { OrderDirection } from '../../graphql/filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { RoleEnum, PersistedOperationInfo } from '../access/access.types';
import type { Role } from '../access/viewer';
import { QuerySharingEnum, SavedQuery, type QuerySharing } from './saved-query.entity';

@InputType('SavedQueryWhere', { description: 'Filter for saved queries; all given conditions must hold. Only queries the caller may see are ever listed.' })
export class SavedQueryWhere {
  @Field(() => String, { nullable: true, description: 'Name or description contains this text, ignoring case.' }) search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: built-in templates only; false: no templates.' }) template?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the caller\'s own queries only; false: only those of others (and templates).' }) mine?: boolean | null;
  @Field(() => QuerySharingEnum, { nullable: true, description: 'Only queries with this sharing.' }) sharing?: QuerySharing | null;
}

export enum SavedQueryOrderField {
  NAME = 'name', CREATED_AT = 'createdAt', UPDATED_AT = 'updatedAt',
}
registerEnumType(SavedQueryOrderField, { name: 'SavedQueryOrderField', description: 'Sortable saved-query fields.' });

@InputType('SavedQueryOrder', { description: 'One sort key for saved queries.' })
export class SavedQueryOrder {
  @Field(() => SavedQueryOrderField, { description: 'Field to sort by.' }) field!: SavedQueryOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const SavedQueryConnection = connectionType(SavedQuery, 'SavedQuery', 'A page of saved queries the caller may see.');

@InputType('SaveQueryInput', { description: 'A saved query to create (no id) or update (id given: only its owner or an ADMIN may).' })
export class SaveQueryInput {
  @Field(() => ID, { nullable: true, description: 'The saved query to update; a new one is created when omitted.' }) id?: string | null;
  @Field(() => String, { description: 'Name, 1–255 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'What it answers (at most 4000 characters).' }) description?: string | null;
  @Field(() => String, { description: 'The GraphQL document: must parse and validate against the schema and contain only queries (no mutations or subscriptions).' }) document!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Default variables: a JSON object.' }) variables?: unknown;
  @Field(() => String, { nullable: true, description: 'Operation to run when the document has several; must name one of them.' }) operationName?: string | null;
  @Field(() => QuerySharingEnum, { nullable: true, description: 'Who may open it; PRIVATE when a new query omits it, unchanged when an update omits it.' }) sharing?: QuerySharing | null;
  @Field(() => RoleEnum, { nullable: true, description: 'The role to share with; required when sharing is ROLE, ignored otherwise.' }) sharedRole?: Role | null;
}

@ObjectType('SaveQueryPayload', { description: 'Result of saveQuery.' })
export class SaveQueryPayload {
  @Field(() => SavedQuery, { nullable: true, description: 'The saved query after the change; null when userErrors is not empty.' }) savedQuery!: SavedQuery | null;
  @Field(() => [UserError], { description: 'Mistakes in the input (field "input.document" carries the GraphQL parse or validation message); empty on success.' }) userErrors!: UserError[];
}

@ObjectType('DeleteSavedQueryPayload', { description: 'Result of deleteSavedQuery.' })
export class DeleteSavedQueryPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted saved query; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why it was not deleted; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('PublishSavedQueryPayload', { description: 'Result of publishSavedQuery.' })
export class PublishSavedQueryPayload {
  @Field(() => SavedQuery, { nullable: true, description: 'The saved query, now linked to its persisted operation.' }) savedQuery!: SavedQuery | null;
  @Field(() => PersistedOperationInfo, { nullable: true, description: 'The registered operation: partner keys call it by `hash` (extensions.persistedQuery.sha256Hash) or by sending the exact document.' }) operation!: PersistedOperationInfo | null;
  @Field(() => [UserError], { description: 'Why it was not published; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('CostEstimate', { description: 'What a document would cost, computed without running it, and the caller\'s current rate budget (not consumed by estimating).' })
export class CostEstimate {
  @Field(() => Boolean, { description: 'The document parses and validates against the schema and its cost could be computed with the given variables.' }) valid!: boolean;
  @Field(() => [String], { description: 'Parse, validation or variable errors; empty when valid.' }) errors!: string[];
  @Field(() => Int, { nullable: true, description: 'Cost points the request would be charged up front (the same figure as extensions.cost.requested when it runs); null when invalid.' }) requested!: number | null;
  @Field(() => Int, { description: 'Largest cost one request may have; dearer requests are refused before running.' }) maximum!: number;
  @Field(() => Int, { nullable: true, description: 'The caller\'s rate budget in cost points (leaky bucket, refills in 60 s); null when unknown.' }) budget!: number | null;
  @Field(() => Int, { nullable: true, description: 'Points the caller may spend right now; null when unknown.' }) remaining!: number | null;
}
