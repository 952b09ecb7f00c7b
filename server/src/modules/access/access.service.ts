import type { EntityManager } from '@mikro-orm/postgresql';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { execute } from '../../graphql/list';
import { sql } from '../../graphql/sql';
import { readRows } from '../../graphql/rows';
import { subtreeIds } from '../unit/unit.sql';
import { Unit } from '../unit/unit.entity';
import { AppUser } from './app-user.entity';
import { ApiKey } from './api-key.entity';
import { Session } from './session.entity';
import { PersistedOperation } from './persisted-operation.entity';
import {
  generatePassword, hashPassword, KEY_PREFIX, newApiKey, newSessionToken, SESSION_PREFIX, sha256,
} from './secrets';
import {
  ANONYMOUS, DEFAULT_KEY_BUDGET, DEFAULT_USER_BUDGET, KEY_SCOPES, ROLE_CAPABILITIES, ROLES, type Capability, type KeyScope, type Role, type Viewer,
} from './viewer';

export const SESSION_DAYS = 14;

/** The user-error codes the access services report (a subset of UserErrorCode). */
export type AccessErrorCode = 'INVALID' | 'REQUIRED' | 'NOT_FOUND' | 'DUPLICATE' | 'CONFLICT' | 'FORBIDDEN';

export class AccessInputError extends Error {
  constructor(readonly field: string, message: string, readonly code: AccessErrorCode = 'INVALID') {
    super(message);
  }
}

export function parseRole(value: string): Role {
  const role = value.trim().toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new AccessInputError('role', `role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(value)}.`);
  return role as Role;
}

export function parseScopes(values: readonly string[]): KeyScope[] {
  const out = new Set<KeyScope>();
  for (const raw of values) {
    const s = raw.trim().toLowerCase();
    if (s === '') continue;
    if (!(KEY_SCOPES as readonly string[]).includes(s)) throw new AccessInputError('scopes', `unknown scope ${JSON.stringify(raw)}; scopes are ${KEY_SCOPES.join(', ')}.`);
    out.add(s as KeyScope);
  }
  if (out.size === 0) throw new AccessInputError('scopes', 'give at least one scope.');
  return [...out];
}

async function unitByCode(em: EntityManager, code: string | null | undefined): Promise<Unit | null> {
  if (code === null || code === undefined || code === '') return null;
  const unit = await em.findOne(Unit, { code });
  if (!unit) throw new AccessInputError('unit', `unit ${JSON.stringify(code)} does not exist.`, 'NOT_FOUND');
  return unit;
}

export interface CreateUserInput {
  email: string;
  name?: string | null;
  role: string;
  unitCode?: string | null;
  password?: string | null;
  budget?: number | null;
}

/** Creates a user; returns the password when it was generated (shown once, never stored). */
export async function createUser(em: EntityManager, input: CreateUserInput): Promise<{ user: AppUser; password: string }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 255) throw new AccessInputError('email', `not an e-mail address: ${JSON.stringify(input.email)}.`);
  const name = parseName(input.name);
  const role = parseRole(input.role);
  const unit = await unitByCode(em, input.unitCode);
  if (role === 'UNIT_ADMIN' && !unit) throw new AccessInputError('unit', UNIT_REQUIRED, 'REQUIRED');
  const password = input.password ?? generatePassword();
  if (password.length < 12) throw new AccessInputError('password', 'passwords must have at least 12 characters.');
  if (await em.findOne(AppUser, { email })) throw new AccessInputError('email', `a user ${email} already exists.`, 'DUPLICATE');
  const user = em.create(AppUser, { email, name, passwordHash: await hashPassword(password), role, unit, budget: input.budget ?? null });
  await em.flush();
  return { user, password };
}

const UNIT_REQUIRED = 'a UNIT_ADMIN needs a unit (its subtree is what it may see and change).';

function parseName(value: string | null | undefined): string | null {
  const name = value?.trim() ?? '';
  if (name.length > 255) throw new AccessInputError('name', 'a name has at most 255 characters.');
  return name === '' ? null : name;
}

/** Changes to a user; an absent field stays as it is, `unitCode: null` removes the unit. */
export interface UpdateUserInput {
  name?: string | null;
  role?: string | null;
  unitCode?: string | null;
}

async function userById(em: EntityManager, id: number): Promise<AppUser> {
  const user = await em.findOne(AppUser, { id }, { populate: ['unit'] });
  if (!user) throw new AccessInputError('id', `no user ${id}.`, 'NOT_FOUND');
  return user;
}

/**
 * Refuses to leave the organisation without an active ADMIN: nobody could
 * then manage accounts, keys or the audit log except through the CLI.
 */
async function keepAnAdmin(em: EntityManager, user: AppUser, field: string): Promise<void> {
  if (user.role !== 'ADMIN' || user.disabledAt) return;
  const others = await em.count(AppUser, { role: 'ADMIN', disabledAt: null, id: { $ne: user.id } });
  if (others === 0) throw new AccessInputError(field, `${user.email} is the only active ADMIN; make another user ADMIN first.`, 'CONFLICT');
}

const isSelf = (actor: Viewer, user: AppUser): boolean => actor.kind === 'user' && actor.id === user.id;

/** Ends every session of a user, so a disabled account or a replaced password takes effect at once. */
async function endSessions(em: EntityManager, user: AppUser): Promise<void> {
  await em.nativeDelete(Session, { user: user.id });
}

/** Changes a user's name, role and/or unit. Administrators cannot change their own role (no accidental lock-out). */
export async function updateUser(em: EntityManager, actor: Viewer, id: number, input: UpdateUserInput): Promise<AppUser> {
  const user = await userById(em, id);
  // Everything is checked before anything changes, so a refused update leaves nothing dirty in the request's EntityManager.
  const name = input.name !== undefined ? parseName(input.name) : (user.name ?? null);
  const role = input.role !== undefined && input.role !== null ? parseRole(input.role) : user.role;
  const unit = input.unitCode !== undefined ? await unitByCode(em, input.unitCode) : (user.unit ?? null);
  if (role !== user.role) {
    if (isSelf(actor, user)) throw new AccessInputError('role', 'you cannot change your own role; ask another ADMIN.', 'FORBIDDEN');
    await keepAnAdmin(em, user, 'role');
  }
  if (role === 'UNIT_ADMIN' && !unit) throw new AccessInputError('unit', UNIT_REQUIRED, 'REQUIRED');
  Object.assign(user, { name, role, unit });
  await em.flush();
  return user;
}

/** Disables (or enables again) a user; disabling ends the user's sessions. */
export async function setUserDisabled(em: EntityManager, actor: Viewer, id: number, disabled: boolean): Promise<AppUser> {
  const user = await userById(em, id);
  if (disabled && !user.disabledAt) {
    if (isSelf(actor, user)) throw new AccessInputError('id', 'you cannot disable your own account.', 'FORBIDDEN');
    await keepAnAdmin(em, user, 'id');
    user.disabledAt = new Date();
    await endSessions(em, user);
  } else if (!disabled) {
    user.disabledAt = null;
  }
  await em.flush();
  return user;
}

/** Replaces a user's password with a generated one (returned once) and ends the user's sessions. */
export async function resetUserPassword(em: EntityManager, id: number): Promise<{ user: AppUser; password: string }> {
  const user = await userById(em, id);
  const password = generatePassword();
  user.passwordHash = await hashPassword(password);
  await endSessions(em, user);
  await em.flush();
  return { user, password };
}

export interface CreateKeyInput {
  name: string;
  scopes: readonly string[];
  unitCode?: string | null;
  expiresAt?: Date | null;
  budget?: number | null;
  persistedOnly?: boolean | null;
  createdBy: string;
}

/** Creates an API key; the returned secret is the only copy. */
export async function createApiKey(em: EntityManager, input: CreateKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > 255) throw new AccessInputError('name', 'a key needs a name of 1–255 characters.');
  const scopes = parseScopes(input.scopes);
  const unit = await unitByCode(em, input.unitCode);
  if (input.expiresAt && !(input.expiresAt.getTime() > Date.now())) throw new AccessInputError('expiresAt', 'the expiry must be in the future.');
  const budget = input.budget ?? DEFAULT_KEY_BUDGET;
  if (!Number.isInteger(budget) || budget < 1 || budget > 10_000_000) throw new AccessInputError('budget', `the budget must be a whole number of points between 1 and 10000000, got ${budget}.`);
  const { key, prefix } = newApiKey();
  const apiKey = em.create(ApiKey, {
    name, prefix, keyHash: sha256(key), scopes, unit, expiresAt: input.expiresAt ?? null, budget, persistedOnly: input.persistedOnly ?? false, createdBy: input.createdBy,
  });
  await em.flush();
  return { apiKey, key };
}

export async function createSession(em: EntityManager, user: AppUser): Promise<{ token: string; session: Session }> {
  const token = newSessionToken();
  const session = em.create(Session, { tokenHash: sha256(token), user, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) });
  user.lastLoginAt = new Date();
  await em.flush();
  return { token, session };
}

/** Ids of a unit's subtree: the rows a scoped viewer may see. */
export async function unitSubtree(em: EntityManager, unitId: number): Promise<number[]> {
  const rows = await execute<{ id: number }>(em, sql`select id from ${subtreeIds(unitId)} s order by id`);
  return rows.map((r) => Number(r.id));
}

export type Authentication =
  | { ok: true; viewer: Viewer }
  | { ok: false; reason: string };

function userViewer(user: AppUser, sessionId: number | null): Viewer {
  const unitId = user.role === 'ADMIN' ? null : (user.unit?.id ?? null);
  return {
    kind: 'user', id: user.id, label: user.email, role: user.role, capabilities: new Set<Capability>(ROLE_CAPABILITIES[user.role]),
    unitId, sessionId, budget: user.budget ?? DEFAULT_USER_BUDGET, persistedOnly: false,
  };
}

interface SessionRow {
  session_id: number;
  session_expires_at: Date | string;
  session_last_used_at: Date | string | null;
}

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/**
 * Resolves a session token or API key to a viewer, recording last use.
 * Runs before the request's own transaction, on its own fork, on every
 * request: one statement each, read as plain rows (graphql/rows.ts) rather
 * than hydrated into the ORM, and never cached, so a revoked key, an ended
 * session or a disabled account is refused from the next request on.
 */
export async function authenticateToken(em: EntityManager, token: string): Promise<Authentication> {
  const now = new Date();
  if (token.startsWith(SESSION_PREFIX)) {
    const rows = await execute<Record<string, unknown> & SessionRow>(em, sql`select u.*, s.id as session_id, s.expires_at as session_expires_at, s.last_used_at as session_last_used_at
      from session s join app_user u on u.id = s.user_id where s.token_hash = ${sha256(token)}`);
    const session = rows[0];
    const [user] = readRows(em, AppUser, rows);
    if (!session || !user || asDate(session.session_expires_at) <= now) return { ok: false, reason: 'The session has expired or was ended; sign in again.' };
    if (user.disabledAt) return { ok: false, reason: 'This account is disabled.' };
    // Written at most once a minute: a busy console should not turn reads into writes.
    const lastUsed = session.session_last_used_at === null ? null : asDate(session.session_last_used_at);
    if (!lastUsed || now.getTime() - lastUsed.getTime() > 60_000) {
      await em.nativeUpdate(Session, { id: Number(session.session_id) }, { lastUsedAt: now });
    }
    return { ok: true, viewer: userViewer(user, Number(session.session_id)) };
  }
  if (token.startsWith(KEY_PREFIX)) {
    const [key] = readRows(em, ApiKey, await execute(em, sql`select k.* from api_key k where k.key_hash = ${sha256(token)}`));
    if (!key) return { ok: false, reason: 'Unknown API key.' };
    if (key.revokedAt) return { ok: false, reason: 'This API key was revoked.' };
    if (key.expiresAt && key.expiresAt <= now) return { ok: false, reason: 'This API key has expired.' };
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
      await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: now });
    }
    return {
      ok: true,
      viewer: {
        kind: 'key', id: key.id, label: `key:${key.name}`, role: null, capabilities: new Set<Capability>(key.scopes),
        unitId: key.unit?.id ?? null, sessionId: null, budget: key.budget, persistedOnly: key.persistedOnly,
      },
    };
  }
  return { ok: false, reason: 'Unrecognised credentials: send a session token (sks_…) or an API key (sik_…) as "Authorization: Bearer <token>".' };
}

export { ANONYMOUS };

/**
 * First start: when there is no user at all, create one ADMIN with a random
 * password and hand it to the caller to print once. SIKAP_ADMIN_EMAIL and
 * SIKAP_ADMIN_PASSWORD let automated environments choose them instead.
 */
export async function ensureFirstAdmin(em: EntityManager, env: NodeJS.ProcessEnv = process.env): Promise<{ email: string; password: string; generated: boolean } | null> {
  if ((await em.count(AppUser, {})) > 0) return null;
  const email = env.SIKAP_ADMIN_EMAIL || 'admin@sikap.local';
  const given = env.SIKAP_ADMIN_PASSWORD || null;
  const { password } = await createUser(em, { email, role: 'ADMIN', password: given });
  return { email, password, generated: given === null };
}

/**
 * Grants the scoped role access to every table, including tables added by
 * later migrations, so a new module never fails only for scoped viewers.
 * Idempotent; quietly does nothing where the role cannot be managed.
 */
export async function ensureScopedRoleGrants(em: EntityManager): Promise<void> {
  await em.getConnection().execute(`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'sikap_scoped') then
      execute 'grant select, insert, update, delete on all tables in schema public to sikap_scoped';
      execute 'grant usage, select on all sequences in schema public to sikap_scoped';
    end if;
  exception when others then null; end $$;`);
}

/**
 * Puts a document on the allow-list of persisted-only keys, addressed by the
 * SHA-256 of its exact text. The same text registered twice is one operation.
 * Returns the problems instead when the document does not validate.
 */
export async function registerPersistedOperation(
  em: EntityManager, schema: GraphQLSchema, name: string, document: string, createdBy: string,
): Promise<{ operation: PersistedOperation | null; problems: string[] }> {
  let problems: string[];
  try {
    problems = validate(schema, parse(document)).map((e) => e.message);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (name.trim() === '' || name.length > 255) problems.push('name must be 1–255 characters.');
  if (problems.length > 0) return { operation: null, problems };
  const hash = sha256(document);
  const existing = await em.findOne(PersistedOperation, { hash });
  if (existing) return { operation: existing, problems: [] };
  const operation = em.create(PersistedOperation, { hash, name: name.trim(), document, createdBy });
  await em.flush();
  return { operation, problems: [] };
}
