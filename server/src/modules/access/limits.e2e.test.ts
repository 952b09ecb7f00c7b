import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { createApp } from '../../app';
import { DEFAULT_MAX_QUERY_COST } from '../../graphql/security';
import { bearer, keyToken, seedAccessFixture } from './access.fixture';
import { createUser } from './access.service';
import { ApiKey } from './api-key.entity';
import { sha256 } from './secrets';
import { LOGIN_MAX_FAILURES } from './throttle';

/** Cost analysis, armor limits, sign-in, sessions, keys and persisted operations over HTTP. */

let server: TestServer;

interface Raw {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { cost?: Record<string, number> } };
}

async function post(body: unknown, headers: Record<string, string> = {}, url = server.url): Promise<Raw> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Raw['body'] };
}

const admin = (): Record<string, string> => bearer(server.adminToken);

beforeAll(async () => {
  server = await startTestServer({ maxQueryCost: DEFAULT_MAX_QUERY_COST });
  await seedAccessFixture(server);
});
afterAll(async () => {
  await server?.close();
});

describe('query cost', () => {
  it('reports extensions.cost { requested, actual, budget, remaining } on every response', async () => {
    const ok = await post({ query: '{ employees(first: 10) { nodes { unit { code } } } }' }, admin());
    expect(ok.body.extensions!.cost).toMatchObject({ requested: 21, budget: 1_000_000_000 });
    expect(ok.body.extensions!.cost!.actual).toBeGreaterThan(0);
    expect(ok.body.extensions!.cost!.actual).toBeLessThanOrEqual(21);
    const twice = await post({ query: '{ employees(first: 20) { nodes { unit { code } } } }' }, admin());
    expect(twice.body.extensions!.cost!.requested).toBe(41);
    const last = await post({ query: '{ employees(last: 5) { nodes { unit { code } } } }' }, admin());
    expect(last.body.extensions!.cost!.requested).toBe(11);
    const anonymous = await post({ query: '{ me { signedIn } }' });
    expect(anonymous.body.extensions!.cost).toMatchObject({ requested: 1, budget: 1000 });
    const invalid = await post({ query: '{ nope }' }, admin());
    expect(invalid.status).toBe(400);
    expect(invalid.body.extensions!.cost).toMatchObject({ requested: 0, actual: 0 });
  });

  it('rejects a query above the maximum before running it, with a clear error', async () => {
    const r = await post({ query: '{ units(first: 500) { nodes { employees(first: 500) { name assessments { level } } } } }' }, admin());
    expect(r.status).toBe(400);
    expect(r.body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COSTLY');
    expect(r.body.errors![0]!.message).toMatch(/Query cost \d+ exceeds the maximum of 50000 points per request/);
    expect(r.body.data).toBeUndefined();
  });

  it('limits depth, aliases and tokens', async () => {
    const deep = `{ units { nodes { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } } }`;
    const d = await post({ query: deep }, admin());
    expect(d.status).toBe(400);
    expect(JSON.stringify(d.body.errors)).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: me { signedIn }`).join(' ')} }`;
    const a = await post({ query: aliases }, admin());
    expect(a.status).toBe(400);
    expect(JSON.stringify(a.body.errors)).toMatch(/alias/i);
    const tokens = `{ me { ${'signedIn '.repeat(12_000)} } }`;
    const t = await post({ query: tokens }, admin());
    expect(t.status).toBe(400);
    expect(JSON.stringify(t.body.errors)).toMatch(/token/i);
  });

  it('marks every answer, refusals included, as not cacheable', async () => {
    const ok = await post({ query: '{ me { signedIn } }' }, admin());
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const refused = await post({ query: '{ me { nope } }' }, admin());
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps Apollo CSRF prevention on', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ me { signedIn } }')}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});

describe('sign-in, sessions and keys', () => {
  it('signs in with a cookie session, reports me, signs out', async () => {
    await createUser(server.orm.em.fork() as EntityManager, { email: 'Ana@Pemko.go.id', role: 'ANALYST', password: 'correct horse battery' });
    const login = await post({ query: 'mutation { login(email: "ana@pemko.go.id", password: "correct horse battery") { token viewer { role permissions } userErrors { code } } }' }, { authorization: '' });
    expect(login.body.errors).toBeUndefined();
    const payload = login.body.data!.login as { token: string; viewer: { role: string; permissions: string[] } };
    expect(payload.viewer).toEqual({ role: 'ANALYST', permissions: ['introspection', 'pii', 'read'] });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sikap_session=sks_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;
    const me = await post({ query: '{ me { signedIn label role } }' }, { cookie: session });
    expect(me.body.data!.me).toEqual({ signedIn: true, label: 'ana@pemko.go.id', role: 'ANALYST' });
    const asBearer = await post({ query: '{ me { label } }' }, bearer(payload.token));
    expect(asBearer.body.data!.me).toEqual({ label: 'ana@pemko.go.id' });
    const out = await post({ query: 'mutation { logout { ended } }' }, { cookie: session });
    expect(out.body.data!.logout).toEqual({ ended: true });
    const after = await post({ query: '{ me { signedIn } }' }, { cookie: session });
    expect(after.body.data!.me).toEqual({ signedIn: false });
    const stale = await post({ query: '{ me { signedIn } }' }, bearer(payload.token));
    expect(stale.status).toBe(401);
  });

  it('throttles guessing: after 5 failures even the right password is refused for a while', async () => {
    await createUser(server.orm.em.fork() as EntityManager, { email: 'guess@pemko.go.id', role: 'VIEWER', password: 'the right password' });
    const attempt = (password: string) => post({ query: 'mutation($p: String!) { login(email: "guess@pemko.go.id", password: $p) { token userErrors { code } } }', variables: { p: password } }, { authorization: '' });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const r = await attempt(`wrong ${i}`);
      expect(r.body.data!.login).toEqual({ token: null, userErrors: [{ code: 'INVALID' }] });
    }
    const blocked = await attempt('the right password');
    expect(blocked.body.errors![0]!.extensions!.code).toBe('THROTTLED');
    expect(blocked.body.errors![0]!.message).toMatch(/try again in \d+ s/);
    const log = await post({ query: '{ auditLog(first: 10, mutation: "login") { nodes { ok variables } } }' }, admin());
    const entries = (log.body.data!.auditLog as { nodes: { ok: boolean; variables: { p: string } | null }[] }).nodes.filter((e) => e.variables);
    expect(entries.length).toBeGreaterThanOrEqual(LOGIN_MAX_FAILURES);
    expect(entries.every((e) => e.variables!.p === '[redacted]')).toBe(true);
  });

  it('creates a key shown once and stored as a hash; revoked and expired keys are refused', async () => {
    const created = await post({ query: 'mutation { createApiKey(input: { name: "Dapodik", scopes: [read], unit: "DISDIK", budget: 500 }) { key apiKey { id prefix scopes unit { code } budget } userErrors { message } } }' }, admin());
    const p = created.body.data!.createApiKey as { key: string; apiKey: { id: string; prefix: string; unit: { code: string } } };
    expect(p.key.startsWith(p.apiKey.prefix)).toBe(true);
    expect(p.apiKey.unit).toEqual({ code: 'DISDIK' });
    const stored = await (server.orm.em.fork() as EntityManager).findOneOrFail(ApiKey, { prefix: p.apiKey.prefix });
    expect(stored.keyHash).toBe(sha256(p.key));
    expect(JSON.stringify(stored)).not.toContain(p.key);
    const me = await post({ query: '{ me { label unit { code } permissions budget } }' }, bearer(p.key));
    expect(me.body.data!.me).toEqual({ label: 'key:Dapodik', unit: { code: 'DISDIK' }, permissions: ['read'], budget: 500 });
    const listed = await post({ query: '{ apiKeys { prefix lastUsedAt } }' }, admin());
    expect((listed.body.data!.apiKeys as { prefix: string; lastUsedAt: string | null }[]).find((k) => k.prefix === p.apiKey.prefix)!.lastUsedAt).not.toBeNull();
    await post({ query: 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } } }', variables: { id: p.apiKey.id } }, admin());
    const revoked = await post({ query: '{ me { label } }' }, bearer(p.key));
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors![0]!.message).toMatch(/revoked/);

    const expiring = await keyToken(server.orm, ['read']);
    await (server.orm.em.fork() as EntityManager).nativeUpdate(ApiKey, { keyHash: sha256(expiring) }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await post({ query: '{ me { label } }' }, bearer(expiring));
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0]!.message).toMatch(/expired/);
    const garbage = await post({ query: '{ me { label } }' }, bearer('sik_nonsense'));
    expect(garbage.status).toBe(401);
  });

  it('restricts persisted-only keys to registered operations, also by hash alone', async () => {
    const doc = 'query Teachers { employees(first: 5) { nodes { name } } }';
    const reg = await post({ query: 'mutation($n: String!, $d: String!) { registerPersistedOperation(name: $n, document: $d) { operation { hash } userErrors { message } } }', variables: { n: 'teachers', d: doc } }, admin());
    const hash = (reg.body.data!.registerPersistedOperation as { operation: { hash: string } }).operation.hash;
    expect(hash).toBe(sha256(doc));
    const bad = await post({ query: 'mutation { registerPersistedOperation(name: "x", document: "{ nope }") { operation { hash } userErrors { message } } }' }, admin());
    expect((bad.body.data!.registerPersistedOperation as { userErrors: unknown[] }).userErrors.length).toBeGreaterThan(0);

    const key = bearer(await keyToken(server.orm, ['read'], 'DISDIK', null, true));
    const allowed = await post({ query: doc }, key);
    expect(allowed.body.errors).toBeUndefined();
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, key);
    expect(byHash.body.errors).toBeUndefined();
    expect((byHash.body.data!.employees as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
    const other = await post({ query: '{ employees(first: 5) { nodes { name } } }' }, key);
    expect(other.status).toBe(403);
    expect(other.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('production', () => {
  it('hides stack traces', async () => {
    const { app, apollo } = await createApp({ orm: server.orm, production: true });
    const http: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
      const r = await post({ query: '{ employees(first: 100000) { totalCount } }' }, admin(), url);
      expect(r.body.errors!.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|\.ts:\d+/);
      const denied = await post({ query: '{ users { nodes { email } } }' }, { authorization: '' }, url);
      expect(JSON.stringify(denied.body)).not.toMatch(/stacktrace/);
    } finally {
      await new Promise((resolve) => http.close(resolve));
      await apollo.stop();
    }
  });
});
