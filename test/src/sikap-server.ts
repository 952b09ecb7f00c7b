import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { serverDir } from './paths';

/** The first ADMIN the server creates on an empty database (SIKAP_ADMIN_EMAIL / SIKAP_ADMIN_PASSWORD). */
export const admin = { email: 'admin@sikap.test', password: 'browser-test-admin-password' };

export interface SikapServer {
  url: string;
  /** POSTs a GraphQL document to the server as the first ADMIN (session token from `login`). */
  gql<D = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<D>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** With DATABASE_URL, a throw-away database on that server (as server/src/testing/harness.ts does). */
async function throwAwayDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sikap_browser_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real server (`server/src/main.ts`, as `pnpm start` does) in production mode on a
 * free port with an empty database: an embedded one in a temporary folder, or a throw-away
 * database when DATABASE_URL is set. It serves the built console at / and the API at /graphql.
 */
export async function startSikapServer(): Promise<SikapServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sikap-data-'));
  const database = process.env.DATABASE_URL ? await throwAwayDatabase(process.env.DATABASE_URL) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    PORT: String(port),
    DATA_DIR: dataDir,
    SIKAP_ADMIN_EMAIL: admin.email,
    SIKAP_ADMIN_PASSWORD: admin.password,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, [path.join(serverDir, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const url = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await stop(child);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanup();
      throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await cleanup();
      throw new Error(`the server was not ready within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  let token: string | null = null;
  async function post(query: string, variables?: Record<string, unknown>): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  }
  const login = await post(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token userErrors { message } } }`, admin);
  const signedIn = (await login.json()) as { data?: { login: { token: string | null; userErrors: { message: string }[] } } };
  token = signedIn.data?.login.token ?? null;
  if (!token) {
    await cleanup();
    throw new Error(`the first ADMIN could not sign in: ${JSON.stringify(signedIn)}\n${output}`);
  }

  return {
    url,
    async gql<D>(query: string, variables?: Record<string, unknown>): Promise<D> {
      const res = await post(query, variables);
      const body = (await res.json()) as { data?: D; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    close: cleanup,
  };
}
