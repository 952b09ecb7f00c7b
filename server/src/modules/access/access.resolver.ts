import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { userError, UserErrorCode } from '../../graphql/errors';
import { execute, listConnection, type ListSpec } from '../../graphql/list';
import { scalarConditions } from '../../graphql/filters';
import { expectGlobalId, fromGlobalId, toGlobalId } from '../../graphql/node';
import { ConnectionArgs, paginate, type Connection } from '../../graphql/pagination';
import { and, inList, or, raw, sql, type Sql } from '../../graphql/sql';
import { Unit } from '../unit/unit.entity';
import { subtreeIdsByCode } from '../unit/unit.sql';
import { AppUser } from './app-user.entity';
import { ApiKey } from './api-key.entity';
import { Session } from './session.entity';
import { PersistedOperation } from './persisted-operation.entity';
import {
  AccessInputError, createApiKey, createSession, createUser, registerPersistedOperation, resetUserPassword, SESSION_DAYS, setUserDisabled, updateUser,
} from './access.service';
import { decoyHash, verifyPassword } from './secrets';
import { loginThrottle } from './login-throttle';
import { auditChanges, auditTableChangesLoader, changedRows } from './audit.loaders';
import {
  ApiKeyInfo, AuditChangeConnection, AuditChangeInfo, AuditEntryConnection, AuditEntryInfo, AuditTableChanges, CreateApiKeyInput, CreateApiKeyPayload, CreateUserInput, CreateUserPayload,
  LoginPayload, LogoutPayload, PersistedOperationInfo, RegisterPersistedOperationPayload, ResetUserPasswordPayload, RevokeApiKeyPayload,
  UpdateUserInput, UserConnection, UserInfo, UserOrder, UserPayload, UserWhere, ViewerInfo, type UserStatus,
} from './access.types';
import { DEFAULT_USER_BUDGET, ROLE_CAPABILITIES, ROLES, type Role, type Viewer } from './viewer';

async function unitOf(ctx: Context, id: number | null | undefined): Promise<Unit | null> {
  return id ? ctx.loaders.byId(Unit).load(id) : null;
}

async function viewerInfo(ctx: Context, viewer: Viewer): Promise<ViewerInfo> {
  return {
    signedIn: viewer.kind !== 'anonymous', kind: viewer.kind, label: viewer.label, role: viewer.role,
    permissions: [...viewer.capabilities].sort(), unit: await unitOf(ctx, viewer.unitId), budget: viewer.budget,
  };
}

async function userInfo(ctx: Context, u: AppUser): Promise<UserInfo> {
  return {
    id: toGlobalId('User', u.id), email: u.email, name: u.name ?? null, role: u.role, unit: await unitOf(ctx, u.unit?.id), createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt ?? null, disabledAt: u.disabledAt ?? null,
  };
}

async function keyInfo(ctx: Context, k: ApiKey): Promise<ApiKeyInfo> {
  return {
    id: toGlobalId('ApiKey', k.id), name: k.name, prefix: k.prefix, scopes: [...k.scopes], unit: await unitOf(ctx, k.unit?.id), expiresAt: k.expiresAt ?? null,
    budget: k.budget, persistedOnly: k.persistedOnly, createdAt: k.createdAt, createdBy: k.createdBy ?? null, revokedAt: k.revokedAt ?? null, lastUsedAt: k.lastUsedAt ?? null,
  };
}

export function opInfo(o: PersistedOperation): PersistedOperationInfo {
  return { hash: o.hash, name: o.name, document: o.document, createdAt: o.createdAt, createdBy: o.createdBy ?? null };
}

function inputErrors(error: unknown): ReturnType<typeof userError>[] {
  // `id` names the mutation's argument; everything else is a field of its input.
  if (error instanceof AccessInputError) return [userError(error.field === 'id' ? 'id' : `input.${error.field}`, UserErrorCode[error.code], error.message)];
  throw error;
}

function userDbId(id: string): number {
  const decoded = fromGlobalId(id);
  if (decoded?.typeName !== 'User') throw new AccessInputError('id', `No user ${JSON.stringify(id)}.`, 'NOT_FOUND');
  return decoded.id;
}

const ROLE_RANK = raw(`array[${ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`);

/** Accounts are few (hundreds), but the console filters, sorts and pages them like every other list. */
const USER_LIST: ListSpec<AppUser> = {
  entity: AppUser,
  table: 'app_user',
  alias: 'u',
  where: {
    search: (value: string, a) => or([...scalarConditions(raw(`${a}.email`), { contains: value }), ...scalarConditions(raw(`${a}.name`), { contains: value })]),
    roles: (value: Role[], a) => inList(raw(`${a}.role`), value),
    unitSubtreeOf: (value: string, a) => sql`${raw(`${a}.unit_id`)} in ${subtreeIdsByCode(value)}`,
    status: (value: UserStatus, a) => raw(`${a}.disabled_at is ${value === 'ACTIVE' ? '' : 'not '}null`),
  },
  order: {
    email: raw('u.email'),
    name: raw('u.name'),
    role: sql`array_position(${ROLE_RANK}, u.role)`,
    createdAt: raw('u.created_at'),
    lastLoginAt: raw('u.last_login_at'),
  },
  defaultOrder: raw('u.email asc'),
};

async function userConnection(ctx: Context, page: ConnectionArgs, where: UserWhere | null, orderBy: UserOrder[] | null): Promise<Connection<UserInfo>> {
  const found = await listConnection(ctx, USER_LIST, { ...page, where: where ? { ...where, search: where.search?.trim() || null } : null, orderBy });
  const nodes = await Promise.all(found.nodes.map((u) => userInfo(ctx, u)));
  return { ...found, nodes, edges: found.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i]! })) };
}

interface AuditRow {
  id: number;
  at: Date | string;
  actor_kind: string;
  actor_label: string;
  operation_name: string | null;
  mutations: string[] | string;
  variables: unknown;
  result_ids: string[] | string;
  ok: boolean;
}

const pgArray = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter((s) => s !== '').map((s) => s.replace(/^"|"$/g, '')));

function auditEntryInfo(r: AuditRow): AuditEntryInfo {
  return Object.assign(new AuditEntryInfo(), {
    dbId: Number(r.id), id: toGlobalId('AuditEntry', Number(r.id)), at: new Date(r.at), actorKind: r.actor_kind, actor: r.actor_label,
    operationName: r.operation_name, mutations: pgArray(r.mutations), variables: r.variables, resultIds: pgArray(r.result_ids), ok: r.ok,
  });
}

@Resolver()
export class AccessResolver {
  @Query(() => ViewerInfo, { description: 'Who is calling (signedIn: false when anonymous), with role, permissions, unit scope and rate budget.' })
  async me(@Ctx() ctx: Context): Promise<ViewerInfo> {
    return viewerInfo(ctx, ctx.viewer);
  }

  @Mutation(() => LoginPayload, {
    description: 'Sign in with e-mail and password. Sets an httpOnly session cookie (console) and returns the session token (scripts). '
      + 'After 5 failed attempts for an e-mail or client address within 15 minutes, further attempts are refused for the rest of that window.',
  })
  async login(
    @Arg('email', () => String, { description: 'E-mail.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    const normalized = email.trim().toLowerCase();
    const keys = [`email:${normalized}`, `ip:${ctx.clientAddress ?? '?'}`];
    const wait = loginThrottle.retryAfter(keys);
    if (wait > 0) {
      throw new GraphQLError(`Too many failed sign-ins; try again in ${wait} s.`, { extensions: { code: 'THROTTLED', retryAfter: wait } });
    }
    const user = await ctx.em.findOne(AppUser, { email: normalized });
    const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
    if (!user || !valid) {
      loginThrottle.fail(keys);
      return { token: null, viewer: null, userErrors: [userError('password', UserErrorCode.INVALID, 'Wrong e-mail or password.')] };
    }
    loginThrottle.succeed(keys[0]!);
    const { token } = await createSession(ctx.em, user);
    ctx.http?.setSessionCookie(token, SESSION_DAYS * 86_400_000);
    const unitId = user.role === 'ADMIN' ? null : (user.unit?.id ?? null);
    const viewer: Viewer = {
      ...ctx.viewer, kind: 'user', id: user.id, label: user.email, role: user.role, unitId, capabilities: new Set(ROLE_CAPABILITIES[user.role]),
      budget: user.budget ?? DEFAULT_USER_BUDGET,
    };
    return { token, viewer: await viewerInfo(ctx, viewer), userErrors: [] };
  }

  @Mutation(() => LogoutPayload, { description: 'End the current session (cookie or session token) and clear the cookie.' })
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    ctx.http?.clearSessionCookie();
    if (ctx.viewer.sessionId === null) return { ended: false };
    await ctx.em.nativeDelete(Session, { id: ctx.viewer.sessionId });
    return { ended: true };
  }

  @Query(() => UserConnection, { description: 'Users, by e-mail unless orderBy says otherwise; filterable by text, role, unit subtree and status. ADMIN only.' })
  async users(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('where', () => UserWhere, { nullable: true, description: 'Filter.' }) where: UserWhere | null,
    @Arg('orderBy', () => [UserOrder], { nullable: true, description: 'Sort keys, first is primary; the id breaks ties.' }) orderBy: UserOrder[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<UserInfo>> {
    return userConnection(ctx, page, where, orderBy);
  }

  @Mutation(() => CreateUserPayload, { description: 'Create a user. ADMIN only. A generated password is returned once.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<CreateUserPayload> {
    try {
      const { user, password } = await createUser(ctx.em, { email: input.email, name: input.name, role: input.role, unitCode: input.unit, password: input.password });
      return { user: await userInfo(ctx, user), password: input.password ? null : password, userErrors: [] };
    } catch (error) {
      return { user: null, password: null, userErrors: inputErrors(error) };
    }
  }

  @Mutation(() => UserPayload, {
    description: 'Change a user\'s name, role and/or unit. ADMIN only. An ADMIN cannot change its own role, the last active ADMIN keeps its role, and a UNIT_ADMIN needs a unit.',
  })
  async updateUser(
    @Arg('id', () => ID, { description: 'User id.' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'The changes.' }) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    try {
      const user = await updateUser(ctx.em, ctx.viewer, userDbId(id), { name: input.name, role: input.role, unitCode: input.unit });
      return { user: await userInfo(ctx, user), userErrors: [] };
    } catch (error) {
      return { user: null, userErrors: inputErrors(error) };
    }
  }

  @Mutation(() => UserPayload, { description: 'Disable a user: it can no longer sign in and its sessions end at once. ADMIN only; not one\'s own account, nor the last active ADMIN.' })
  async disableUser(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Ctx() ctx: Context): Promise<UserPayload> {
    try {
      return { user: await userInfo(ctx, await setUserDisabled(ctx.em, ctx.viewer, userDbId(id), true)), userErrors: [] };
    } catch (error) {
      return { user: null, userErrors: inputErrors(error) };
    }
  }

  @Mutation(() => UserPayload, { description: 'Enable a disabled user again (it signs in with its existing password). ADMIN only.' })
  async enableUser(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Ctx() ctx: Context): Promise<UserPayload> {
    try {
      return { user: await userInfo(ctx, await setUserDisabled(ctx.em, ctx.viewer, userDbId(id), false)), userErrors: [] };
    } catch (error) {
      return { user: null, userErrors: inputErrors(error) };
    }
  }

  @Mutation(() => ResetUserPasswordPayload, { description: 'Replace a user\'s password with a generated one, returned once, and end its sessions. ADMIN only.' })
  async resetUserPassword(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Ctx() ctx: Context): Promise<ResetUserPasswordPayload> {
    try {
      const { user, password } = await resetUserPassword(ctx.em, userDbId(id));
      return { user: await userInfo(ctx, user), password, userErrors: [] };
    } catch (error) {
      return { user: null, password: null, userErrors: inputErrors(error) };
    }
  }

  @Query(() => [ApiKeyInfo], { description: 'All API keys, newest first (secrets are never shown again). ADMIN only.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyInfo[]> {
    const rows = await ctx.em.find(ApiKey, {}, { orderBy: { id: 'desc' } });
    return Promise.all(rows.map((k) => keyInfo(ctx, k)));
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Create an API key. ADMIN only. The key is returned once; only its hash is stored.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreateApiKeyPayload> {
    try {
      const { apiKey, key } = await createApiKey(ctx.em, {
        name: input.name, scopes: input.scopes, unitCode: input.unit, expiresAt: input.expiresAt, budget: input.budget, persistedOnly: input.persistedOnly, createdBy: ctx.viewer.label,
      });
      return { apiKey: await keyInfo(ctx, apiKey), key, userErrors: [] };
    } catch (error) {
      return { apiKey: null, key: null, userErrors: inputErrors(error) };
    }
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'Revoke an API key at once. ADMIN only.' })
  async revokeApiKey(@Arg('id', () => ID, { description: 'ApiKey id.' }) id: string, @Ctx() ctx: Context): Promise<RevokeApiKeyPayload> {
    const decoded = fromGlobalId(id);
    const key = decoded?.typeName === 'ApiKey' ? await ctx.em.findOne(ApiKey, { id: decoded.id }) : null;
    if (!key) return { apiKey: null, userErrors: [userError('id', UserErrorCode.NOT_FOUND, `No API key ${JSON.stringify(id)}.`)] };
    key.revokedAt ??= new Date();
    await ctx.em.flush();
    return { apiKey: await keyInfo(ctx, key), userErrors: [] };
  }

  @Query(() => [PersistedOperationInfo], { description: 'Registered operations, by name. ADMIN only.' })
  async persistedOperations(@Ctx() ctx: Context): Promise<PersistedOperationInfo[]> {
    return (await ctx.em.find(PersistedOperation, {}, { orderBy: { name: 'asc' } })).map(opInfo);
  }

  @Mutation(() => RegisterPersistedOperationPayload, {
    description: 'Register a GraphQL document on the allow-list (keys with persistedOnly may run only registered documents). The document must be valid against the schema. ADMIN only.',
  })
  async registerPersistedOperation(
    @Arg('name', () => String, { description: 'Name, e.g. "teachersWithGaps".' }) name: string,
    @Arg('document', () => String, { description: 'The exact document text clients will send.' }) document: string,
    @Ctx() ctx: Context,
  ): Promise<RegisterPersistedOperationPayload> {
    const { getSchema } = await import('../../graphql/schema');
    const schema: GraphQLSchema = await getSchema();
    const { operation, problems } = await registerPersistedOperation(ctx.em, schema, name, document, ctx.viewer.label);
    if (!operation) return { operation: null, userErrors: problems.map((m) => userError('document', UserErrorCode.INVALID, m)) };
    return { operation: opInfo(operation), userErrors: [] };
  }

  @Query(() => AuditEntryConnection, { description: 'The audit log of mutations, newest first. ADMIN only.' })
  async auditLog(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('mutation', () => String, { nullable: true, description: 'Only requests calling this mutation field.' }) mutation: string | null,
    @Arg('actor', () => String, { nullable: true, description: 'Only this actor (e-mail or "key:<name>").' }) actor: string | null,
    @Arg('since', () => Date, { nullable: true, description: 'Only entries at or after this time.' }) since: Date | null,
    @Arg('until', () => Date, { nullable: true, description: 'Only entries before this time.' }) until: Date | null,
    @Arg('table', () => String, { nullable: true, description: 'Only requests that changed a row of this table (e.g. "employee", "api_key").' }) table: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditEntryInfo>> {
    const conds: Sql[] = [];
    if (mutation) conds.push(sql`${mutation} = any(a.mutations)`);
    if (actor) conds.push(sql`a.actor_label = ${actor}`);
    if (since) conds.push(sql`a.at >= ${since}`);
    if (until) conds.push(sql`a.at < ${until}`);
    if (table) conds.push(sql`exists (select 1 from audit_change c where c.entry_id = a.id and c.table_name = ${table})`);
    const where = and(conds);
    const em: EntityManager = ctx.em;
    return paginate<AuditEntryInfo>(
      page,
      async (limit, offset) => {
        const rows = await execute<AuditRow>(em, sql`select * from audit_entry a where ${where} order by a.id desc limit ${limit} offset ${offset}`);
        return rows.map(auditEntryInfo);
      },
      async () => Number((await execute<{ n: string }>(em, sql`select count(*) as n from audit_entry a where ${where}`))[0]?.n ?? 0),
    );
  }

  @Query(() => AuditEntryInfo, { nullable: true, description: 'One audit log entry by id, e.g. to page through its changes; null when it does not exist. ADMIN only.' })
  async auditEntry(@Arg('id', () => ID, { description: 'AuditEntry id.' }) id: string, @Ctx() ctx: Context): Promise<AuditEntryInfo | null> {
    const [row] = await execute<AuditRow>(ctx.em, sql`select * from audit_entry a where a.id = ${expectGlobalId(id, 'AuditEntry', 'id')}`);
    return row ? auditEntryInfo(row) : null;
  }
}

@Resolver(() => AuditEntryInfo)
export class AuditEntryResolver {
  @FieldResolver(() => Int, { description: 'Number of rows the request changed, over all tables.' })
  async changeCount(@Root() entry: AuditEntryInfo, @Ctx() ctx: Context): Promise<number> {
    return changedRows(await auditTableChangesLoader(ctx).load(entry.dbId));
  }

  @FieldResolver(() => [AuditTableChanges], { description: 'Rows the request changed per table, with the number inserted, updated and deleted; most changed table first.' })
  async changedTables(@Root() entry: AuditEntryInfo, @Ctx() ctx: Context): Promise<AuditTableChanges[]> {
    return auditTableChangesLoader(ctx).load(entry.dbId);
  }

  @FieldResolver(() => AuditChangeConnection, {
    description: 'Rows the request changed, in the order it changed them, with before/after of the changed columns. Paged: a bulk mutation changes thousands of rows.',
  })
  async changes(
    @Root() entry: AuditEntryInfo,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('table', () => String, { nullable: true, description: 'Only rows of this table (e.g. "recommendation").' }) table: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditChangeInfo>> {
    // An argument bound to a variable the request left out arrives undefined.
    return auditChanges(ctx, entry.dbId, page, table ?? null);
  }
}
