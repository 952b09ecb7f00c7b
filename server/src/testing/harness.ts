import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openOrm, type DatabaseTarget, type Orm } from '../db/orm';
import { ensurePolicyVersions } from '../db/bootstrap';
import { ensureSavedQueryTemplates } from '../modules/saved-query/saved-query.templates';
import { createApp } from '../app';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createSession, createUser, ensureScopedRoleGrants } from '../modules/access/access.service';

/**
 * Each test file gets its own database: a fresh in-memory PGlite, or with
 * DATABASE_URL a throw-away database on that server, so files can run in
 * parallel and never see each other's rows.
 */
export interface TestDatabase {
  target: DatabaseTarget;
  /** Removes the throw-away database (nothing to do for in-memory PGlite). */
  drop: () => Promise<void>;
}

/** A database of its own: in-memory PGlite, or with DATABASE_URL a new database on that server. */
export async function createTestDatabase(prefix = 'sikap_test'): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) return { target: { kind: 'pglite', dataDir: null }, drop: async () => {} };
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: u.toString() },
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function openTestOrm(): Promise<{ orm: Orm; dispose: () => Promise<void> }> {
  const { target, drop } = await createTestDatabase();
  const orm = await openOrm(target);
  await migrate(orm);
  await ensurePolicyVersions(orm.em.fork() as EntityManager);
  await ensureSavedQueryTemplates(orm.em.fork() as EntityManager);
  await ensureScopedRoleGrants(orm.em.fork() as EntityManager);
  return {
    orm,
    dispose: async () => {
      await orm.close(true);
      await drop();
    },
  };
}

export interface GraphQLResponse<D = Record<string, unknown>> {
  data?: D;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  extensions?: { sqlStatements?: number } & Record<string, unknown>;
}

export interface TestServer {
  orm: Orm;
  url: string;
  /**
   * Session token of the ADMIN every test server starts with (unlimited rate
   * budget). `gql` sends it unless the headers carry their own
   * `authorization` or `cookie`; send `authorization: ''` to call anonymously.
   */
  adminToken: string;
  /** POSTs a GraphQL document over HTTP, exactly as a client would. */
  gql<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<D>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * Largest cost of one request. Unlimited by default: module tests check
   * behaviour (deep N+1 guards included); the access tests pass the
   * production default to check the limit itself.
   */
  maxQueryCost?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { orm, dispose } = await openTestOrm();
  const { app, apollo } = await createApp({ orm, production: false, maxQueryCost: options.maxQueryCost ?? Number.MAX_SAFE_INTEGER });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  let adminToken = await createTestAdmin(orm);
  const post = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<never>;
  };
  return {
    orm,
    url,
    get adminToken() {
      return adminToken;
    },
    async gql(query, variables, headers) {
      const own = headers && Object.keys(headers).some((h) => /^(authorization|cookie)$/i.test(h));
      if (own) return post(query, variables, headers);
      const first = await post(query, variables, { authorization: `Bearer ${adminToken}`, ...headers });
      // Tests that empty the database (TRUNCATE … CASCADE reaches app_user
      // through unit) take the test admin with them: recreate it and retry.
      if (first.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        adminToken = await createTestAdmin(orm);
        return post(query, variables, { authorization: `Bearer ${adminToken}`, ...headers });
      }
      return first;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await dispose();
    },
  };
}

/** An ADMIN with an effectively unlimited budget, so module tests exercise behaviour, not rate limits. */
export async function createTestAdmin(orm: Orm): Promise<string> {
  const em = orm.em.fork() as EntityManager;
  const { user } = await createUser(em, { email: `test-admin-${randomBytes(4).toString('hex')}@sikap.test`, role: 'ADMIN', budget: 1_000_000_000 });
  return (await createSession(em, user)).token;
}
