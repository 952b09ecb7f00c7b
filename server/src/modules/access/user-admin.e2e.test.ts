import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { bearer, keyToken, seedAccessFixture } from './access.fixture';

/**
 * Running accounts day to day over HTTP: the users list (filters, sorting,
 * paging), role and unit changes, disabling and enabling, password resets,
 * the guards against locking the organisation out, and how all of it reads
 * in the audit log.
 */

let server: TestServer;

interface UserNode {
  id: string;
  email: string;
  name: string | null;
  role: string;
  unit: { code: string } | null;
  disabledAt: string | null;
}
interface UserError {
  field: string | null;
  code: string;
  message: string;
}

const USER_FIELDS = 'id email name role unit { code } disabledAt';
const PAYLOAD = `user { ${USER_FIELDS} } userErrors { field code message }`;

async function createUser(input: Record<string, unknown>): Promise<{ user: UserNode; password: string }> {
  const r = await server.gql<{ createUser: { user: UserNode | null; password: string | null; userErrors: UserError[] } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } password userErrors { field code message } } }`, { input });
  expect(r.errors).toBeUndefined();
  expect(r.data!.createUser.userErrors).toEqual([]);
  return { user: r.data!.createUser.user!, password: r.data!.createUser.password! };
}

async function login(email: string, password: string): Promise<string | null> {
  const r = await server.gql<{ login: { token: string | null } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password }, { authorization: '' });
  return r.data?.login.token ?? null;
}

async function whoAmI(token: string): Promise<{ signedIn: boolean; role: string | null; unit: { code: string } | null } | null> {
  const r = await server.gql<{ me: { signedIn: boolean; role: string | null; unit: { code: string } | null } }>('{ me { signedIn role unit { code } } }', undefined, bearer(token));
  return r.data?.me ?? null;
}

async function employeeCount(token: string): Promise<number | null> {
  const r = await server.gql<{ employees: { totalCount: number } }>('{ employees { totalCount } }', undefined, bearer(token));
  return r.data?.employees.totalCount ?? null;
}

type UsersResult = { users: { totalCount: number; nodes: UserNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const USERS = `query($where: UserWhere, $orderBy: [UserOrder!], $first: Int, $after: String) {
  users(where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { ${USER_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
async function users(variables: Record<string, unknown>): Promise<UsersResult['users']> {
  const r = await server.gql<UsersResult>(USERS, variables);
  expect(r.errors).toBeUndefined();
  return r.data!.users;
}

let teacherAdmin: { user: UserNode; password: string };
let analyst: { user: UserNode; password: string };
let viewer: { user: UserNode; password: string };

beforeAll(async () => {
  server = await startTestServer();
  await seedAccessFixture(server);
  teacherAdmin = await createUser({ email: 'kasubag.disdik@pemko.go.id', name: 'Rina Kasubag', role: 'UNIT_ADMIN', unit: 'DISDIK' });
  analyst = await createUser({ email: 'analis@pemko.go.id', name: 'Budi Analis', role: 'ANALYST' });
  viewer = await createUser({ email: 'tamu@pemko.go.id', role: 'VIEWER', unit: 'SD-01' });
});
afterAll(async () => {
  await server?.close();
});

describe('users list', () => {
  it('filters by text, role, unit subtree and status, sorts and pages', async () => {
    const byName = await users({ where: { search: 'rina' } });
    expect(byName.nodes.map((u) => u.email)).toEqual(['kasubag.disdik@pemko.go.id']);
    expect(byName.nodes[0]).toMatchObject({ name: 'Rina Kasubag', role: 'UNIT_ADMIN', unit: { code: 'DISDIK' }, disabledAt: null });

    expect((await users({ where: { search: 'PEMKO.GO' } })).totalCount).toBe(3);
    expect((await users({ where: { roles: ['ANALYST', 'VIEWER'] } })).nodes.map((u) => u.email)).toEqual(['analis@pemko.go.id', 'tamu@pemko.go.id']);
    // SD-01 is below DISDIK: both the unit admin and the viewer limited to the school.
    expect((await users({ where: { unitSubtreeOf: 'DISDIK' } })).nodes.map((u) => u.email)).toEqual(['kasubag.disdik@pemko.go.id', 'tamu@pemko.go.id']);
    expect((await users({ where: { unitSubtreeOf: 'DINKES' } })).totalCount).toBe(0);

    const byRole = await users({ where: { search: 'pemko.go' }, orderBy: [{ field: 'ROLE', direction: 'DESC' }] });
    expect(byRole.nodes.map((u) => u.role)).toEqual(['VIEWER', 'ANALYST', 'UNIT_ADMIN']);

    const first = await users({ where: { search: 'pemko.go' }, first: 2 });
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await users({ where: { search: 'pemko.go' }, first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((u) => u.email)).toEqual(['tamu@pemko.go.id']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('creating a UNIT_ADMIN without a unit names the unit field', async () => {
    const r = await server.gql<{ createUser: { user: null; userErrors: UserError[] } }>(
      'mutation { createUser(input: { email: "tanpa.unit@pemko.go.id", role: UNIT_ADMIN }) { user { id } userErrors { field code message } } }');
    expect(r.data!.createUser.userErrors).toEqual([expect.objectContaining({ field: 'input.unit', code: 'REQUIRED' })]);
    const dup = await server.gql<{ createUser: { userErrors: UserError[] } }>(
      'mutation { createUser(input: { email: "ANALIS@pemko.go.id", role: VIEWER }) { userErrors { field code } } }');
    expect(dup.data!.createUser.userErrors).toEqual([{ field: 'input.email', code: 'DUPLICATE' }]);
  });
});

describe('changing users', () => {
  it('changes role and unit, effective on the user\'s next request', async () => {
    const token = (await login(analyst.user.email, analyst.password))!;
    expect(await employeeCount(token)).toBe(8);

    const missingUnit = await server.gql<{ updateUser: { user: null; userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: UNIT_ADMIN }) { ${PAYLOAD} } }`, { id: analyst.user.id });
    expect(missingUnit.data!.updateUser).toEqual({ user: null, userErrors: [expect.objectContaining({ field: 'input.unit', code: 'REQUIRED' })] });
    const unknownUnit = await server.gql<{ updateUser: { userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: UNIT_ADMIN, unit: "NOPE" }) { userErrors { field code } } }`, { id: analyst.user.id });
    expect(unknownUnit.data!.updateUser.userErrors).toEqual([{ field: 'input.unit', code: 'NOT_FOUND' }]);
    // Nothing was written by the refused attempts.
    expect(await whoAmI(token)).toMatchObject({ role: 'ANALYST', unit: null });

    const moved = await server.gql<{ updateUser: { user: UserNode; userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: UNIT_ADMIN, unit: "DINKES", name: "Budi Dinkes" }) { ${PAYLOAD} } }`, { id: analyst.user.id });
    expect(moved.data!.updateUser.userErrors).toEqual([]);
    expect(moved.data!.updateUser.user).toMatchObject({ role: 'UNIT_ADMIN', unit: { code: 'DINKES' }, name: 'Budi Dinkes' });
    expect(await whoAmI(token)).toMatchObject({ role: 'UNIT_ADMIN', unit: { code: 'DINKES' } });
    expect(await employeeCount(token)).toBe(3);

    const cleared = await server.gql<{ updateUser: { user: UserNode; userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: ANALYST, unit: null, name: "" }) { ${PAYLOAD} } }`, { id: analyst.user.id });
    expect(cleared.data!.updateUser.user).toMatchObject({ role: 'ANALYST', unit: null, name: null });
    expect(await employeeCount(token)).toBe(8);
  });

  it('disables a user at once (sessions end, sign-in refused) and enables it again', async () => {
    const token = (await login(viewer.user.email, viewer.password))!;
    expect((await whoAmI(token))?.signedIn).toBe(true);
    const off = await server.gql<{ disableUser: { user: UserNode; userErrors: UserError[] } }>(`mutation($id: ID!) { disableUser(id: $id) { ${PAYLOAD} } }`, { id: viewer.user.id });
    expect(off.data!.disableUser.userErrors).toEqual([]);
    expect(off.data!.disableUser.user.disabledAt).toMatch(/^\d{4}-/);
    const refused = await server.gql('{ me { signedIn } }', undefined, bearer(token));
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await login(viewer.user.email, viewer.password)).toBeNull();
    expect((await users({ where: { status: 'DISABLED' } })).nodes.map((u) => u.email)).toEqual([viewer.user.email]);
    expect((await users({ where: { status: 'ACTIVE', search: 'tamu' } })).totalCount).toBe(0);

    const on = await server.gql<{ enableUser: { user: UserNode; userErrors: UserError[] } }>(`mutation($id: ID!) { enableUser(id: $id) { ${PAYLOAD} } }`, { id: viewer.user.id });
    expect(on.data!.enableUser.user.disabledAt).toBeNull();
    expect(await login(viewer.user.email, viewer.password)).not.toBeNull();
  });

  it('resets a password: the new one is returned once, the old one and its sessions stop working', async () => {
    const oldToken = (await login(teacherAdmin.user.email, teacherAdmin.password))!;
    const r = await server.gql<{ resetUserPassword: { user: UserNode; password: string; userErrors: UserError[] } }>(
      `mutation($id: ID!) { resetUserPassword(id: $id) { user { email } password userErrors { field code message } } }`, { id: teacherAdmin.user.id });
    const { password, userErrors } = r.data!.resetUserPassword;
    expect(userErrors).toEqual([]);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await server.gql('{ me { signedIn } }', undefined, bearer(oldToken))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await login(teacherAdmin.user.email, teacherAdmin.password)).toBeNull();
    const fresh = (await login(teacherAdmin.user.email, password))!;
    expect(await employeeCount(fresh)).toBe(5);
    teacherAdmin.password = password;
  });

  it('refuses unknown ids, changing one\'s own role or account, and leaving no active ADMIN', async () => {
    const unknown = await server.gql<{ disableUser: { userErrors: UserError[] } }>('mutation { disableUser(id: "nope") { userErrors { field code } } }');
    expect(unknown.data!.disableUser.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);

    const admins = await users({ where: { roles: ['ADMIN'], status: 'ACTIVE' } });
    expect(admins.totalCount).toBe(1);
    const me = admins.nodes[0]!;
    const self = await server.gql<{ disableUser: { userErrors: UserError[] } }>(`mutation($id: ID!) { disableUser(id: $id) { userErrors { field code } } }`, { id: me.id });
    expect(self.data!.disableUser.userErrors).toEqual([{ field: 'id', code: 'FORBIDDEN' }]);
    const demoteSelf = await server.gql<{ updateUser: { userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { userErrors { field code } } }`, { id: me.id });
    expect(demoteSelf.data!.updateUser.userErrors).toEqual([{ field: 'input.role', code: 'FORBIDDEN' }]);

    // An admin key is not the account itself, but still may not remove the last active ADMIN.
    const key = bearer(await keyToken(server.orm, ['read', 'admin']));
    const last = await server.gql<{ disableUser: { userErrors: UserError[] } }>(`mutation($id: ID!) { disableUser(id: $id) { userErrors { field code } } }`, { id: me.id }, key);
    expect(last.data!.disableUser.userErrors).toEqual([{ field: 'id', code: 'CONFLICT' }]);
    const demote = await server.gql<{ updateUser: { userErrors: UserError[] } }>(
      `mutation($id: ID!) { updateUser(id: $id, input: { role: ANALYST }) { userErrors { field code } } }`, { id: me.id }, key);
    expect(demote.data!.updateUser.userErrors).toEqual([{ field: 'input.role', code: 'CONFLICT' }]);

    // With a second ADMIN, the key may disable the first.
    const second = await createUser({ email: 'admin2@pemko.go.id', role: 'ADMIN' });
    const ok = await server.gql<{ disableUser: { user: UserNode; userErrors: UserError[] } }>(`mutation($id: ID!) { disableUser(id: $id) { ${PAYLOAD} } }`, { id: second.user.id }, key);
    expect(ok.data!.disableUser.userErrors).toEqual([]);
  });
});

describe('audit log of user administration', () => {
  type Entry = { actor: string; mutations: string[]; ok: boolean; variables: unknown; changeCount: number; changes: { nodes: { table: string; operation: string; before: unknown; after: unknown }[] } };
  const AUDIT = `query($mutation: String, $actor: String, $since: DateTimeISO, $until: DateTimeISO, $table: String, $first: Int) {
    auditLog(mutation: $mutation, actor: $actor, since: $since, until: $until, table: $table, first: $first) {
      totalCount nodes { actor mutations ok variables changeCount changes { nodes { table operation before after } } }
    }
  }`;
  async function audit(variables: Record<string, unknown>) {
    const r = await server.gql<{ auditLog: { totalCount: number; nodes: Entry[] } }>(AUDIT, variables);
    expect(r.errors).toBeUndefined();
    return r.data!.auditLog;
  }

  it('filters by action, actor, changed table and date range, with before/after of each change', async () => {
    const updates = await audit({ mutation: 'updateUser' });
    const accepted = updates.nodes.filter((e) => e.ok);
    // Newest first: the role back to ANALYST, then the move to DINKES.
    expect(accepted[1]!.changes.nodes).toEqual([
      expect.objectContaining({ table: 'app_user', operation: 'UPDATE', before: expect.objectContaining({ role: 'ANALYST', unit_id: null }), after: expect.objectContaining({ role: 'UNIT_ADMIN' }) }),
    ]);
    // Refused attempts are logged as not ok, and wrote nothing.
    expect(updates.nodes.filter((e) => !e.ok).every((e) => e.changeCount === 0 && e.changes.nodes.length === 0)).toBe(true);

    const resets = await audit({ mutation: 'resetUserPassword' });
    expect(resets.totalCount).toBe(1);
    // The trigger leaves the hash out: a reset shows as a change of nothing readable.
    expect(JSON.stringify(resets.nodes[0])).not.toMatch(/password_hash|argon2/);

    const disables = await audit({ mutation: 'disableUser' });
    const keyActor = disables.nodes.find((e) => e.actor.startsWith('key:'))!.actor;
    // The key's refused attempts changed nothing; only the accepted one touched app_user.
    expect((await audit({ actor: keyActor })).totalCount).toBe(3);
    const byKey = await audit({ actor: keyActor, table: 'app_user' });
    expect(byKey.nodes.map((e) => [e.mutations, e.ok])).toEqual([[['disableUser'], true]]);
    const onUsers = await audit({ table: 'app_user' });
    // Signing in records the time of the last sign-in on the account, so it is there too.
    expect(new Set(onUsers.nodes.flatMap((e) => e.mutations))).toEqual(new Set(['createUser', 'updateUser', 'disableUser', 'enableUser', 'resetUserPassword', 'login']));
    expect(onUsers.nodes.every((e) => e.changes.nodes.some((c) => c.table === 'app_user'))).toBe(true);
    const onApiKeys = await audit({ table: 'api_key' });
    expect(onApiKeys.totalCount).toBe(0);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit({ since: future })).totalCount).toBe(0);
    const all = await audit({});
    expect((await audit({ until: future })).totalCount).toBe(all.totalCount);
    expect((await audit({ until: new Date(0).toISOString() })).totalCount).toBe(0);
  });
});
