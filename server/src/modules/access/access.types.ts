import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { UserError } from '../../graphql/errors';
import { MasksNipsInText } from '../../graphql/personal-data';
import { OrderDirection } from '../../graphql/filters';
import { connectionType } from '../../graphql/pagination';
import { Unit } from '../unit/unit.entity';
import type { Role, ViewerKind } from './viewer';

export const RoleEnum = { ADMIN: 'ADMIN', UNIT_ADMIN: 'UNIT_ADMIN', ANALYST: 'ANALYST', VIEWER: 'VIEWER' } as const;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything, in every unit: users, keys, audit log, import/export.' },
    UNIT_ADMIN: { description: 'Read and write personnel data inside its unit\'s subtree only.' },
    ANALYST: { description: 'Read everything including personal data and aggregates; no writes.' },
    VIEWER: { description: 'Read; personal data (NIP, birth date, gender, age) masked.' },
  },
});

export const ApiKeyScopeEnum = { read: 'read', write: 'write', pii: 'pii', introspection: 'introspection', admin: 'admin' } as const;
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'A permission granted to an API key.',
  valuesConfig: {
    read: { description: 'Queries.' },
    write: { description: 'Mutations on personnel data (inside the key\'s unit subtree when it has one).' },
    pii: { description: 'Personal data unmasked (NIP, birth date, gender, age) and filters on it.' },
    introspection: { description: 'Schema introspection.' },
    admin: { description: 'Administration: users, keys, audit log, import/export (keys without a unit only).' },
  },
});

export const ViewerKindEnum = { ANONYMOUS: 'anonymous', USER: 'user', API_KEY: 'key' } as const;
registerEnumType(ViewerKindEnum, { name: 'ViewerKind', description: 'How the caller identified itself.' });

@ObjectType('Viewer', { description: 'Who is calling, and what they may do.' })
export class ViewerInfo {
  @Field(() => Boolean, { description: 'False for anonymous callers.' }) signedIn!: boolean;
  @Field(() => ViewerKindEnum, { description: 'User, API key or anonymous.' }) kind!: ViewerKind;
  @Field(() => String, { description: 'E-mail of the user, or "key:<name>".' }) label!: string;
  @Field(() => RoleEnum, { nullable: true, description: 'Role of a user; null for keys.' }) role!: Role | null;
  @Field(() => [String], { description: 'Effective permissions: read, write, pii, introspection, admin.' }) permissions!: string[];
  @Field(() => Unit, { nullable: true, description: 'Root of the unit subtree the caller is limited to; null = every unit.' }) unit!: Unit | null;
  @Field(() => Int, { description: 'Rate budget in cost points (leaky bucket, refills in 60 s).' }) budget!: number;
}

@ObjectType('User', { description: 'A person who signs in to Sikap.' })
export class UserInfo {
  @Field(() => ID, { description: 'Opaque id.' }) id!: string;
  @Field(() => String, { description: 'E-mail, used to sign in.' }) email!: string;
  @Field(() => String, { nullable: true, description: 'Display name; null when none was given.' }) name!: string | null;
  @Field(() => RoleEnum, { description: 'Role.' }) role!: Role;
  @Field(() => Unit, { nullable: true, description: 'Unit subtree the user is limited to; null = every unit.' }) unit!: Unit | null;
  @Field(() => Date, { description: 'Created.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last successful sign-in.' }) lastLoginAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the account was disabled (it cannot sign in, its sessions ended); null while active.' }) disabledAt!: Date | null;
}

export const UserConnection = connectionType(UserInfo, 'User', 'A page of users.');

export const UserStatusEnum = { ACTIVE: 'ACTIVE', DISABLED: 'DISABLED' } as const;
export type UserStatus = keyof typeof UserStatusEnum;
registerEnumType(UserStatusEnum, {
  name: 'UserStatus',
  description: 'Whether a user may sign in.',
  valuesConfig: { ACTIVE: { description: 'May sign in.' }, DISABLED: { description: 'Disabled by an administrator.' } },
});

@InputType('UserWhere', { description: 'Filter for users. All given conditions must hold.' })
export class UserWhere {
  @Field(() => String, { nullable: true, description: 'E-mail or name contains this text (case-insensitive).' }) search?: string | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Role is one of these.' }) roles?: Role[] | null;
  @Field(() => String, { nullable: true, description: 'Unit code: users limited to this unit or a unit below it.' }) unitSubtreeOf?: string | null;
  @Field(() => UserStatusEnum, { nullable: true, description: 'Active or disabled accounts only.' }) status?: UserStatus | null;
}

export enum UserOrderField { EMAIL = 'email', NAME = 'name', ROLE = 'role', CREATED_AT = 'createdAt', LAST_LOGIN_AT = 'lastLoginAt' }
registerEnumType(UserOrderField, { name: 'UserOrderField', description: 'Sortable user fields; ROLE sorts ADMIN, UNIT_ADMIN, ANALYST, VIEWER.' });

@InputType('UserOrder', { description: 'One sort key for users.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'Field to sort by.' }) field!: UserOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

@InputType('UpdateUserInput', { description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Display name; an empty text removes it.' }) name?: string | null;
  @Field(() => RoleEnum, { nullable: true, description: 'New role. An ADMIN cannot change its own role, and the last active ADMIN keeps it.' }) role?: Role | null;
  @Field(() => String, { nullable: true, description: 'Unit code limiting the user to that subtree; null removes the unit (not allowed for UNIT_ADMIN).' }) unit?: string | null;
}

@ObjectType('UserPayload', { description: 'Result of updateUser, disableUser and enableUser.' })
export class UserPayload {
  @Field(() => UserInfo, { nullable: true, description: 'The user as it is now; null on errors.' }) user!: UserInfo | null;
  @Field(() => [UserError], { description: 'Mistakes in the input.' }) userErrors!: UserError[];
}

@ObjectType('ResetUserPasswordPayload', { description: 'Result of resetUserPassword.' })
export class ResetUserPasswordPayload {
  @Field(() => UserInfo, { nullable: true, description: 'The user; null on errors.' }) user!: UserInfo | null;
  @Field(() => String, { nullable: true, description: 'The new generated password, shown only this once; null on errors.' }) password!: string | null;
  @Field(() => [UserError], { description: 'Mistakes in the input.' }) userErrors!: UserError[];
}

@ObjectType('ApiKey', { description: 'A partner application\'s key. The secret itself is shown only once, when created.' })
export class ApiKeyInfo {
  @Field(() => ID, { description: 'Opaque id (for revokeApiKey).' }) id!: string;
  @Field(() => String, { description: 'Name given by the admin.' }) name!: string;
  @Field(() => String, { description: 'Non-secret start of the key, to recognise it.' }) prefix!: string;
  @Field(() => [ApiKeyScopeEnum], { description: 'Granted permissions.' }) scopes!: string[];
  @Field(() => Unit, { nullable: true, description: 'Unit subtree the key is limited to; null = every unit.' }) unit!: Unit | null;
  @Field(() => Date, { nullable: true, description: 'Expiry; null = none.' }) expiresAt!: Date | null;
  @Field(() => Int, { description: 'Rate budget in cost points.' }) budget!: number;
  @Field(() => Boolean, { description: 'Only registered (persisted) operations may be run with it.' }) persistedOnly!: boolean;
  @Field(() => Date, { description: 'Created.' }) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who created it.' }) createdBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while valid.' }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last use (to the minute).' }) lastUsedAt!: Date | null;
}

@ObjectType('LoginPayload', { description: 'Result of signing in. The session is also set as an httpOnly cookie.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Session token for scripts ("Authorization: Bearer <token>"); null when sign-in failed.' }) token!: string | null;
  @Field(() => ViewerInfo, { nullable: true, description: 'Who is now signed in.' }) viewer!: ViewerInfo | null;
  @Field(() => [UserError], { description: 'Why sign-in failed; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('LogoutPayload', { description: 'Result of signing out.' })
export class LogoutPayload {
  @Field(() => Boolean, { description: 'True when a session was ended.' }) ended!: boolean;
}

@InputType('CreateUserInput', { description: 'A new user.' })
export class CreateUserInput {
  @Field(() => String, { description: 'E-mail, used to sign in.' }) email!: string;
  @Field(() => String, { nullable: true, description: 'Display name.' }) name?: string | null;
  @Field(() => RoleEnum, { description: 'Role.' }) role!: Role;
  @Field(() => String, { nullable: true, description: 'Unit code limiting the user to that subtree (required for UNIT_ADMIN).' }) unit?: string | null;
  @Field(() => String, { nullable: true, description: 'Password (at least 12 characters); generated and returned once when omitted.' }) password?: string | null;
}

@ObjectType('CreateUserPayload', { description: 'Result of createUser.' })
export class CreateUserPayload {
  @Field(() => UserInfo, { nullable: true, description: 'The user; null on errors.' }) user!: UserInfo | null;
  @Field(() => String, { nullable: true, description: 'The generated password, shown only this once; null when one was given.' }) password!: string | null;
  @Field(() => [UserError], { description: 'Mistakes in the input.' }) userErrors!: UserError[];
}

@InputType('CreateApiKeyInput', { description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Name of the partner or purpose.' }) name!: string;
  @Field(() => [ApiKeyScopeEnum], { description: 'Permissions.' }) scopes!: string[];
  @Field(() => String, { nullable: true, description: 'Unit code limiting the key to that subtree.' }) unit?: string | null;
  @Field(() => Date, { nullable: true, description: 'Expiry; none when omitted.' }) expiresAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Rate budget in cost points; 10000 when omitted.' }) budget?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Only registered operations may be run with it.' }) persistedOnly?: boolean | null;
}

@ObjectType('CreateApiKeyPayload', { description: 'Result of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyInfo, { nullable: true, description: 'The key\'s record; null on errors.' }) apiKey!: ApiKeyInfo | null;
  @Field(() => String, { nullable: true, description: 'The key itself ("Authorization: Bearer <key>"), shown only this once.' }) key!: string | null;
  @Field(() => [UserError], { description: 'Mistakes in the input.' }) userErrors!: UserError[];
}

@ObjectType('RevokeApiKeyPayload', { description: 'Result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyInfo, { nullable: true, description: 'The revoked key.' }) apiKey!: ApiKeyInfo | null;
  @Field(() => [UserError], { description: 'Mistakes in the input.' }) userErrors!: UserError[];
}

@ObjectType('PersistedOperation', { description: 'A registered GraphQL operation; keys with persistedOnly may run only these.' })
export class PersistedOperationInfo {
  @Field(() => String, { description: 'SHA-256 (hex) of the document text; clients may send it as extensions.persistedQuery.sha256Hash.' }) hash!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  // A registered document may inline a NIP (e.g. a recommendation's evidence query).
  @Field(() => String, { description: 'The document (NIPs in it masked for callers without pii).' }) @MasksNipsInText() document!: string;
  @Field(() => Date, { description: 'Registered.' }) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who registered it.' }) createdBy!: string | null;
}

@ObjectType('RegisterPersistedOperationPayload', { description: 'Result of registerPersistedOperation.' })
export class RegisterPersistedOperationPayload {
  @Field(() => PersistedOperationInfo, { nullable: true, description: 'The registered operation.' }) operation!: PersistedOperationInfo | null;
  @Field(() => [UserError], { description: 'Mistakes in the document.' }) userErrors!: UserError[];
}

@ObjectType('AuditChange', { description: 'One row changed by an audited mutation (recorded by the database).' })
export class AuditChangeInfo {
  @Field(() => String, { description: 'Table.' }) table!: string;
  @Field(() => Int, { nullable: true, description: 'Row id.' }) rowId!: number | null;
  @Field(() => String, { description: 'INSERT, UPDATE or DELETE.' }) operation!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed columns before (all columns for DELETE).' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed columns after (all columns for INSERT).' }) after!: unknown;
}

export const AuditChangeConnection = connectionType(AuditChangeInfo, 'AuditChange', 'A page of the rows an audited request changed, in the order it changed them.');

@ObjectType('AuditTableChanges', { description: 'How many rows of one table an audited request inserted, updated and deleted.' })
export class AuditTableChanges {
  @Field(() => String, { description: 'Table, e.g. "recommendation".' }) table!: string;
  @Field(() => Int, { description: 'Rows changed in this table (inserted + updated + deleted).' }) total!: number;
  @Field(() => Int, { description: 'Rows inserted.' }) inserted!: number;
  @Field(() => Int, { description: 'Rows updated.' }) updated!: number;
  @Field(() => Int, { description: 'Rows deleted.' }) deleted!: number;
}

@ObjectType('AuditEntry', { description: 'One mutation request: who, when, what was asked and what changed.' })
export class AuditEntryInfo {
  dbId!: number;
  @Field(() => ID, { description: 'Opaque id.' }) id!: string;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field(() => String, { description: 'user, key or anonymous.' }) actorKind!: string;
  @Field(() => String, { description: 'E-mail of the user or "key:<name>".' }) actor!: string;
  @Field(() => String, { nullable: true, description: 'Operation name sent by the client.' }) operationName!: string | null;
  @Field(() => [String], { description: 'Mutation fields called.' }) mutations!: string[];
  @Field(() => GraphQLJSON, { nullable: true, description: 'Variables as sent (secrets redacted, very large values summarised).' }) variables!: unknown;
  @Field(() => [String], { description: 'Global ids in the result.' }) resultIds!: string[];
  @Field(() => Boolean, { description: 'False when the request failed or reported user errors.' }) ok!: boolean;
}

export const AuditEntryConnection = connectionType(AuditEntryInfo, 'AuditEntry', 'A page of the audit log, newest first.');
