/**
 * `pnpm bench`: Sikap side by side with PostGraphile 4 and a raw-SQL lower
 * bound on one real PostgreSQL, in one run (issue 6), plus the placement
 * figures of issue 3. See ../README.md.
 *
 *   pnpm bench [--quick | --smoke] [--employees N] [--seed S] [--db NAME] [--out DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEFAULT_POLICY, type PolicyParameters } from './matching-sql';
import { OPERATIONS as BASE_OPERATIONS, RECOMMENDATIONS_OP, postgraphileFunctions, rawStatements, SYSTEMS, WRITE_BEFORE, type Fixtures, type GqlResponse, type Json, type RawQuery, type Request, type SystemName } from './ops';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const serverDir = path.join(repoRoot, 'server');
const pgDir = path.join(repoRoot, 'test/bench-postgraphile');
const benchDir = path.join(repoRoot, 'test/bench');

// ---------------------------------------------------------------- options
interface Mode {
  name: 'full' | 'quick' | 'smoke';
  employees: number;
  db: string;
  warmupSec: number;
  windowSec: number;
  reps: number;
  /** Smoke: a fixed number of requests per window instead of a duration (autocannon rounds durations up to whole seconds). */
  amount?: number;
  connections: number[];
  candidatePositions: number;
  planVacancies: number;
  planCandidates: number;
}
const MODES: Record<Mode['name'], Mode> = {
  full: { name: 'full', employees: 20_000, db: 'sikap_bench', warmupSec: 2, windowSec: 4, reps: 3, connections: [10, 50], candidatePositions: 50, planVacancies: 50, planCandidates: 5000 },
  quick: { name: 'quick', employees: 3000, db: 'sikap_bench_quick', warmupSec: 0.5, windowSec: 1, reps: 1, connections: [10, 50], candidatePositions: 20, planVacancies: 50, planCandidates: 5000 },
  smoke: { name: 'smoke', employees: 300, db: 'sikap_bench_smoke', warmupSec: 0, windowSec: 0, amount: 10, reps: 1, connections: [2], candidatePositions: 3, planVacancies: 5, planCandidates: 200 },
};
const POOL_SIZE = 10;

/** O6 is recommendations once the schema has them (server/src/modules/recommendation), the unit aggregate always. */
const HAS_RECOMMENDATIONS = /^\s+recommendations\(/m.test(fs.readFileSync(path.join(repoRoot, 'schema/schema.graphql'), 'utf8'));
const OPERATIONS = HAS_RECOMMENDATIONS ? [...BASE_OPERATIONS.slice(0, 6), RECOMMENDATIONS_OP, ...BASE_OPERATIONS.slice(6)] : BASE_OPERATIONS;

function parseArgs(argv: string[]): { mode: Mode; seed: number; out: string } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const base = argv.includes('--smoke') ? MODES.smoke : argv.includes('--quick') ? MODES.quick : MODES.full;
  const mode = { ...base };
  if (get('--employees')) mode.employees = Number(get('--employees'));
  if (!Number.isInteger(mode.employees) || mode.employees < 50) throw new Error('--employees must be a whole number ≥ 50');
  if (get('--db')) mode.db = get('--db')!;
  if (!/^[a-z_][a-z0-9_]*$/.test(mode.db)) throw new Error('--db must be a plain lower-case identifier');
  const seed = Number(get('--seed') ?? 1);
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), get('--out') ?? path.join(repoRoot, 'bench-results'));
  return { mode, seed, out };
}

const t00 = performance.now();
const log = (m: string) => process.stderr.write(`[bench ${((performance.now() - t00) / 1000).toFixed(1).padStart(5)}s] ${m}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const hash = (v: unknown) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

// ---------------------------------------------------------------- database
function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

interface DatasetFacts { employees: number; seed: number; loadSeconds: number | null; vacuumSeconds: number; reused: boolean; sizeBytes: number; counts: Record<string, number> }

async function prepareDatabase(adminUrl: string, mode: Mode, seed: number): Promise<{ url: string; facts: DatasetFacts }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const url = withDb(adminUrl, mode.db);
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [mode.db])).rowCount! > 0;
    let reuse = false;
    if (exists) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const marker = await c.query(`select employees, seed from bench_state.dataset`).catch(() => null);
        const row = marker?.rows[0];
        reuse = !!row && Number(row.employees) === mode.employees && Number(row.seed) === seed;
      } finally {
        await c.end();
      }
      if (!reuse) {
        const others = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [mode.db]);
        if (others.rows[0].n > 0) throw new Error(`database ${mode.db} holds another dataset and has ${others.rows[0].n} open connection(s); close them or pass --db`);
        log(`database ${mode.db} holds another dataset: recreating it`);
        await admin.query(`drop database ${mode.db}`);
      }
    }
    if (!reuse) await admin.query(`create database ${mode.db}`);
    let loadSeconds: number | null = null;
    if (!reuse) {
      log(`seeding ${mode.employees} employees (seed ${seed}) into ${mode.db} …`);
      const t0 = performance.now();
      await run(process.execPath, ['--import', 'tsx', 'src/cli/sikap.ts', 'seed', '--employees', String(mode.employees), '--seed', String(seed)], {
        cwd: serverDir, env: { ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', NODE_ENV: 'production' },
      });
      loadSeconds = (performance.now() - t0) / 1000;
    } else log(`reusing ${mode.db} (${mode.employees} employees, seed ${seed})`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`create schema if not exists bench_state`);
      await c.query(`create table if not exists bench_state.dataset (employees int not null, seed int not null, loaded_at timestamptz not null default now(), load_seconds float8)`);
      if (!reuse) {
        await c.query(`delete from bench_state.dataset`);
        await c.query(`insert into bench_state.dataset (employees, seed, load_seconds) values ($1, $2, $3)`, [mode.employees, seed, loadSeconds]);
      } else {
        loadSeconds = (await c.query(`select load_seconds from bench_state.dataset`)).rows[0]?.load_seconds ?? null;
      }
      await c.query(`delete from competency_assessment where assessed_at < $1::date`, [WRITE_BEFORE]);
      const t1 = performance.now();
      await c.query('vacuum analyze');
      const vacuumSeconds = (performance.now() - t1) / 1000;
      const sizeBytes = Number((await c.query('select pg_database_size(current_database()) as s')).rows[0].s);
      const counts: Record<string, number> = {};
      for (const t of ['unit', 'position', 'position_requirement', 'competency', 'employee', 'competency_assessment', 'training', 'training_participation', 'performance_appraisal']) {
        counts[t] = Number((await c.query(`select count(*) as n from ${t}`)).rows[0].n);
      }
      return { url, facts: { employees: mode.employees, seed, loadSeconds, vacuumSeconds, reused: reuse, sizeBytes, counts } };
    } finally {
      await c.end();
    }
  } finally {
    await admin.end();
  }
}

async function activePolicy(c: pg.Client): Promise<PolicyParameters> {
  type Row = { parameters: Partial<PolicyParameters> | null };
  const r = await c.query<Row>(`select parameters from policy_version where status = 'ACTIVE'`).catch(() => ({ rows: [] as Row[] }));
  return { ...DEFAULT_POLICY, ...(r.rows[0]?.parameters ?? {}) } as PolicyParameters;
}

async function fixtures(c: pg.Client, mode: Mode): Promise<Fixtures> {
  const asOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const subtree = `with recursive tree(root, id) as (select id, id from unit union all select t.root, u.id from tree t join unit u on u.parent_id = t.id)`;
  const root = (await c.query(`${subtree} select r.code, r.id from unit r join tree t on t.root = r.id join employee e on e.unit_id = t.id
    where r.parent_id is null group by r.code, r.id order by count(*) desc, r.code limit 1`)).rows[0] as { code: string; id: number };
  const deep = (await c.query(`select u.code from unit u join position p on p.unit_id = u.id join employee e on e.position_id = p.id
    group by u.code order by abs(count(*) - 30), u.code limit 1`)).rows[0].code as string;
  const positions = (await c.query(`select code from position p where exists (select 1 from position_requirement r where r.position_id = p.id)
    order by md5(code) limit 3`)).rows.map((r) => r.code as string);
  const nips = (await c.query(`select e.nip from employee e where exists (select 1 from training_participation tp where tp.employee_id = e.id)
    and exists (select 1 from performance_appraisal pa where pa.employee_id = e.id) order by md5(e.nip) limit 3`)).rows.map((r) => r.nip as string);
  const writeEmployees = (await c.query(`select id from employee order by md5(nip) limit 500`)).rows.map((r) => Number(r.id));
  const comp = (await c.query(`select id, code from competency order by code limit 1`)).rows[0];
  const grades = ['III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];
  void mode;
  return { asOf, rootUnit: root.code, rootUnitId: Number(root.id), deepUnit: deep, positions, profileNips: nips, gradesFromIIIa: grades, writeEmployees, writeCompetency: { id: Number(comp.id), code: comp.code }, policy: await activePolicy(c) };
}

// ---------------------------------------------------------------- processes
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Running { proc: ChildProcess; base: string; path: string; output: () => string }

async function startSystem(system: SystemName, dbUrl: string, rawSqlFile: string): Promise<Running> {
  const port = await freePort();
  let cmd: string[];
  let cwd: string;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), POOL_SIZE: String(POOL_SIZE) };
  if (system === 'sikap') {
    cmd = ['--import', 'tsx', 'src/main.ts'];
    cwd = serverDir;
    Object.assign(env, { NODE_ENV: 'production', SEED_DEMO: 'false', SIKAP_EXPOSE_SQL_COUNT: '1', SIKAP_LOG_SQL: '0' });
  } else if (system === 'postgraphile') {
    cmd = ['src/server.mjs'];
    cwd = pgDir;
    env.NODE_ENV = 'production';
  } else {
    cmd = ['--import', 'tsx', 'src/raw-server.ts'];
    cwd = benchDir;
    Object.assign(env, { NODE_ENV: 'production', RAW_SQL_FILE: rawSqlFile });
  }
  let output = '';
  const proc = spawn(process.execPath, cmd, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${system} exited during start:\n${output.slice(-3000)}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${system} did not start within 120 s:\n${output.slice(-3000)}`);
    await sleep(200);
  }
  return { proc, base, path: system === 'raw' ? '/op' : '/graphql', output: () => output };
}

async function stopSystem(r: Running): Promise<void> {
  if (r.proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => r.proc.once('exit', () => resolve()));
  r.proc.kill('SIGTERM');
  const t = setTimeout(() => r.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

// ---------------------------------------------------------------- auth
/**
 * When Sikap's authentication is in place (an api_key table), the harness
 * makes itself an unscoped key with every scope and a budget far above what
 * a load test spends, exactly as createApiKey stores one (SHA-256 of the
 * secret), and sends it as a bearer token. Nothing is needed otherwise.
 */
async function ensureApiKey(c: pg.Client): Promise<string | null> {
  const has = (await c.query(`select to_regclass('public.api_key') as t`)).rows[0].t;
  if (!has) return null;
  const visible = crypto.randomBytes(6).toString('base64url').slice(0, 8);
  const key = `sik_${visible}_${crypto.randomBytes(32).toString('base64url')}`;
  const keyHash = crypto.createHash('sha256').update(key, 'utf8').digest('hex');
  await c.query(`delete from api_key where name = 'pnpm bench'`).catch(() => undefined);
  await c.query(`insert into api_key (name, prefix, key_hash, scopes, budget, created_by) values ('pnpm bench', $1, $2, $3, 2000000000, 'pnpm bench')`,
    [`sik_${visible}`, keyHash, ['read', 'write', 'pii', 'introspection', 'admin']]);
  return key;
}

// ---------------------------------------------------------------- load
interface Window { rps: number; p50: number; p99: number; errors: number; requests: number }

async function load(r: Running, headers: Record<string, string>, requests: Request[], connections: number, seconds: number, counter: { i: number }, amount?: number): Promise<Window> {
  let gqlErrors = 0;
  const options: autocannon.Options = {
    url: r.base + r.path,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    method: 'POST',
    headers,
    requests: requests.map((q) => ({
      method: 'POST' as const,
      path: r.path,
      headers,
      body: q.body,
      ...(q.next ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: q.next!(counter.i++) }) } : {}),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body && body.includes('"errors"')) gqlErrors++;
      },
    })),
  };
  const result = await autocannon(options);
  const total = result.requests.total;
  return {
    rps: total / (result.duration || seconds || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + gqlErrors,
    requests: total,
  };
}

// ---------------------------------------------------------------- main
interface IntrospectionResponse { data?: { __type?: { fields?: { name: string }[] | null } | null } | null }
interface GenerateResponse { errors?: Json[]; data?: { generateRecommendations?: { userErrors?: { message: string }[] | null } | null } | null }
/** GET /stats of the PostGraphile and raw servers: statements run so far. */
interface StatsResponse { statements: number | string }

interface OpResult {
  op: string;
  system: SystemName;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  windows: Window[];
}

async function main(): Promise<void> {
  const { mode, seed, out } = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  log(`mode ${mode.name}: ${mode.employees} employees, ${mode.connections.join('/')} connections, ${mode.amount ? `${mode.amount} requests per window` : `${mode.warmupSec}s warm-up + ${mode.reps}×${mode.windowSec}s`}`);
  const { url, facts } = await prepareDatabase(adminUrl, mode, seed);
  log(`dataset ready: load ${facts.loadSeconds?.toFixed(1) ?? '?'} s${facts.reused ? ' (earlier run)' : ''}, vacuum analyze ${facts.vacuumSeconds.toFixed(1)} s, ${(facts.sizeBytes / 2 ** 20).toFixed(0)} MB`);

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const pgVersion = (await db.query('show server_version')).rows[0].server_version as string;
  const statStatements = await db.query('select 1 from pg_stat_statements limit 1').then(() => true, () => false);
  const f = await fixtures(db, mode);
  for (const s of postgraphileFunctions(f.policy, HAS_RECOMMENDATIONS)) await db.query(s);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sikap-bench-'));
  const rawSqlFile = path.join(tmp, 'raw.json');
  fs.writeFileSync(rawSqlFile, JSON.stringify(rawStatements(f.policy)));
  const rawQuery: RawQuery = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => (await db.query<R>(text, values)).rows;
  // Requests still in flight when a window ends may insert while this deletes; the latest-level
  // trigger then races (duplicate key): wait for them to drain and retry.
  // autocannon returns when its window ends, but a saturated server still works through
  // its queue: wait until no other statement runs on the database before the next step,
  // so a probe, a reset or the next window never overlaps the previous load.
  const drain = async () => {
    const deadline = Date.now() + 120_000;
    let quiet = 0;
    while (quiet < 3 && Date.now() < deadline) {
      const n = Number((await db.query(`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`)).rows[0].n);
      quiet = n === 0 ? quiet + 1 : 0;
      await sleep(100);
    }
  };
  const resetWrites = async () => {
    for (let attempt = 1; ; attempt++) {
      await drain();
      try {
        await db.query(`delete from competency_assessment where assessed_at < $1::date`, [WRITE_BEFORE]);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
      }
    }
  };

  const results: OpResult[] = [];
  const answers: Record<string, Record<SystemName, string[]>> = {};
  const sqlPerRequest: Record<string, Partial<Record<SystemName, number | null>>> = {};
  const notes: string[] = [];
  let issue3: Issue3Figures | null = null;
  let authenticated = false;
  let hasRecommendations = false;

  for (const system of SYSTEMS) {
    log(`starting ${system} …`);
    const running = await startSystem(system, url, rawSqlFile);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    try {
      await resetWrites();
      if (system === 'sikap') {
        const key = await ensureApiKey(db);
        if (key) {
          headers.authorization = `Bearer ${key}`;
          authenticated = true;
        }
        const intro = await fetch(running.base + running.path, { method: 'POST', headers, body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name } } }' }) }).then((r) => r.json()).catch(() => null) as IntrospectionResponse | null;
        hasRecommendations = !!intro?.data?.__type?.fields?.some((x) => x.name === 'recommendations');
        const stored = HAS_RECOMMENDATIONS ? Number((await db.query('select count(*) as n from recommendation')).rows[0].n) : 0;
        if (HAS_RECOMMENDATIONS && stored > 0) notes.push(`O6R reads the ${stored} recommendations generated by an earlier run on this dataset.`);
        else if (HAS_RECOMMENDATIONS && mode.name === 'smoke') notes.push('Smoke mode: recommendations not generated; O6R reads an empty table.');
        else if (HAS_RECOMMENDATIONS) {
          const t0 = performance.now();
          const g = await fetch(running.base + running.path, { method: 'POST', headers, body: JSON.stringify({
            query: 'mutation G($asOf: String) { generateRecommendations(asOf: $asOf) { created updated unchanged resolved userErrors { message } } }', variables: { asOf: f.asOf } }) }).then((r) => r.json()) as GenerateResponse;
          if (g.errors || g.data?.generateRecommendations?.userErrors?.length) throw new Error(`generateRecommendations failed: ${JSON.stringify(g).slice(0, 500)}`);
          const n = Number((await db.query('select count(*) as n from recommendation')).rows[0].n);
          notes.push(`Recommendations generated once before measuring (generateRecommendations, ${((performance.now() - t0) / 1000).toFixed(1)} s, ${n} rows); O6R reads them.`);
          await db.query('analyze recommendation');
        }
      }
      const send = async (body: string): Promise<GqlResponse> => {
        const r = await fetch(running.base + running.path, { method: 'POST', headers, body });
        return r.json() as Promise<GqlResponse>;
      };
      const stats = async () => (system === 'sikap' ? null : Number(((await (await fetch(`${running.base}/stats`)).json()) as StatsResponse).statements));

      for (const op of OPERATIONS) {
        const prepared = await op.prepare(system, f, send, rawQuery);
        // Probe: one request per variable set, answers hashed, statements counted.
        const hashes: string[] = [];
        let statements: number | null = null;
        await drain();
        for (const q of prepared.requests) {
          const before = await stats();
          const resp = await send(q.body);
          const after = await stats();
          if (resp.errors) throw new Error(`${op.id} on ${system} answered errors: ${JSON.stringify(resp.errors).slice(0, 600)}`);
          hashes.push(hash(op.project(system, resp)));
          const n = system === 'sikap' ? (resp.extensions?.sqlStatements ?? null) : after! - before!;
          statements = statements === null ? n : Math.max(statements, n ?? 0);
        }
        if (op.write) await resetWrites();
        (answers[op.id] ??= {} as Record<SystemName, string[]>)[system] = hashes;
        (sqlPerRequest[op.id] ??= {})[system] = statements;

        for (const connections of mode.connections) {
          const counter = { i: 1 };
          // autocannon finishes on whole-second ticks: smoke mode skips the warm-up to stay short.
          if (!mode.amount) await load(running, headers, prepared.requests, connections, mode.warmupSec, counter);
          const windows: Window[] = [];
          for (let rep = 0; rep < mode.reps; rep++) {
            await drain();
            windows.push(await load(running, headers, prepared.requests, connections, mode.windowSec, counter, mode.amount));
          }
          await drain();
          if (op.write) await resetWrites();
          const res: OpResult = {
            op: op.id, system, connections,
            rps: median(windows.map((w) => w.rps)), p50: median(windows.map((w) => w.p50)), p99: median(windows.map((w) => w.p99)),
            errors: windows.reduce((s, w) => s + w.errors, 0), windows,
          };
          results.push(res);
          log(`${system.padEnd(12)} ${op.id} c=${String(connections).padEnd(2)} ${res.rps.toFixed(0).padStart(6)} req/s  p50 ${res.p50} ms  p99 ${res.p99} ms  errors ${res.errors}`);
        }
      }
      if (system === 'sikap') issue3 = await issue3Figures(running, headers, db, f, mode);
    } finally {
      await stopSystem(running);
    }
  }
  await resetWrites();
  await db.end();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (hasRecommendations !== HAS_RECOMMENDATIONS) notes.push(`schema/schema.graphql and the running server disagree about \`recommendations\` (server: ${hasRecommendations}).`);

  const commit = gitCommit();
  const report: Report = {
    mode: mode.name,
    startedAt: new Date(startedAt).toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    machine: { loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, commit, platform: `${os.platform()} ${os.release()}` },
    settings: { poolSize: POOL_SIZE, connections: mode.connections, warmupSec: mode.warmupSec, windowSec: mode.windowSec, repetitions: mode.reps, statementsSource: statStatements ? 'pg_stat_statements' : 'probe (Sikap extensions.sqlStatements; counting pg wrapper in the PostGraphile and raw servers)', sikapAuthenticated: authenticated },
    dataset: facts,
    fixtures: { ...f, writeEmployees: f.writeEmployees.length, policy: undefined },
    operations: OPERATIONS.map((o) => ({ id: o.id, title: o.title })),
    answers,
    sqlPerRequest,
    results,
    issue3,
    notes,
  };
  fs.mkdirSync(out, { recursive: true });
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  const md = markdown(report);
  fs.writeFileSync(path.join(out, `${stamp}-${mode.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `${stamp}-${mode.name}.md`), md);
  fs.writeFileSync(path.join(out, `latest-${mode.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `latest-${mode.name}.md`), md);
  process.stdout.write(md);
  log(`done in ${report.seconds.toFixed(0)} s; results in ${path.relative(process.cwd(), out) || out}`);
  const mismatched = Object.entries(answers).filter(([, a]) => new Set(SYSTEMS.map((s) => (a[s] ?? []).join(','))).size > 1).map(([k]) => k);
  if (mismatched.length) {
    log(`answers differ between systems for ${mismatched.join(', ')}`);
    process.exitCode = 2;
  }
}

function gitCommit(): string {
  // Read .git directly: HEAD → ref → sha (no git process).
  try {
    const gitDir = path.join(repoRoot, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim().slice(0, 12);
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
    return packed ? packed.slice(0, 12) : 'unknown';
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- issue 3
interface AssignmentPlanTotals { filled: number; totalJpm: number }
interface Issue3Figures {
  candidates: { positions: number; samples: number; medianServerMs: number; p90ServerMs: number; maxServerMs: number; medianWallMs: number; targetMs: number };
  assignmentPlan: {
    vacancies: number; candidates: number; runs: number; medianServerMs: number; maxServerMs: number; medianWallMs: number; targetMs: number;
    filled: number; totalJpm: number; greedyFilled: number; greedyTotalJpm: number;
  };
}

async function issue3Figures(r: Running, headers: Record<string, string>, db: pg.Client, f: Fixtures, mode: Mode): Promise<Issue3Figures> {
  const post = async (query: string, variables: Record<string, unknown>) => {
    const t0 = performance.now();
    const resp = await fetch(r.base + r.path, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const json = (await resp.json()) as GqlResponse<{ assignmentPlan?: AssignmentPlanTotals & { greedy: AssignmentPlanTotals } }>;
    const wall = performance.now() - t0;
    if (json.errors) throw new Error(`issue-3 query failed: ${JSON.stringify(json.errors).slice(0, 500)}`);
    return { json, wall, server: Number(json.extensions?.timingMs ?? NaN) };
  };
  // Position.candidates(first: 20) over all employees, for a spread of positions with a standard.
  const positions = (await db.query(`select code from position p where exists (select 1 from position_requirement r where r.position_id = p.id) order by md5(code) limit $1`, [mode.candidatePositions])).rows.map((x) => x.code as string);
  const q = `query C($code: String!, $asOf: String) { position(code: $code) { candidates(first: 20, asOf: $asOf) { nodes { rank jpm category employee { name } } } } }`;
  for (const code of positions) await post(q, { code, asOf: f.asOf });
  const server: number[] = [];
  const wall: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const code of positions) {
      const x = await post(q, { code, asOf: f.asOf });
      server.push(x.server);
      wall.push(x.wall);
    }
  }
  log(`issue 3: candidates(first: 20) median server ${median(server).toFixed(1)} ms over ${positions.length} positions × 3`);
  // assignmentPlan: positions with exactly one vacant seat (and a standard), candidates a fixed spread of employees.
  const planPositions = (await db.query(`select p.id from position p
      where exists (select 1 from position_requirement r where r.position_id = p.id)
        and p.quota - (select count(*) from employee e where e.position_id = p.id) = 1
      order by md5(p.code) limit $1`, [mode.planVacancies])).rows.map((x) => globalId('Position', Number(x.id)));
  const candidateIds = (await db.query(`select id from employee order by md5(nip || 'plan') limit $1`, [mode.planCandidates])).rows.map((x) => globalId('Employee', Number(x.id)));
  const pq = `query P($positions: [ID!]!, $candidates: EmployeeWhere, $asOf: String) { assignmentPlan(positions: $positions, candidates: $candidates, asOf: $asOf) {
    filled totalJpm meanJpm greedy { filled totalJpm meanJpm } seats { seat reason match { jpm employee { name } } } } }`;
  const vars = { positions: planPositions, candidates: { id: { in: candidateIds } }, asOf: f.asOf };
  const warm = await post(pq, vars);
  const planServer: number[] = [];
  const planWall: number[] = [];
  for (let i = 0; i < 3; i++) {
    const x = await post(pq, vars);
    planServer.push(x.server);
    planWall.push(x.wall);
  }
  const plan = warm.json.data!.assignmentPlan!;
  log(`issue 3: assignmentPlan ${planPositions.length} vacancies × ${candidateIds.length} candidates median server ${median(planServer).toFixed(0)} ms`);
  return {
    candidates: {
      positions: positions.length, samples: server.length, medianServerMs: median(server), p90ServerMs: quantile(server, 0.9), maxServerMs: Math.max(...server),
      medianWallMs: median(wall), targetMs: 50,
    },
    assignmentPlan: {
      vacancies: planPositions.length, candidates: candidateIds.length, runs: planServer.length, medianServerMs: median(planServer), maxServerMs: Math.max(...planServer),
      medianWallMs: median(planWall), targetMs: 2000, filled: plan.filled, totalJpm: plan.totalJpm, greedyFilled: plan.greedy.filled, greedyTotalJpm: plan.greedy.totalJpm,
    },
  };
}

// ---------------------------------------------------------------- report
interface Report {
  mode: Mode['name'];
  startedAt: string;
  seconds: number;
  machine: { loadAverageAtStart: number[]; loadAverageAtEnd: number[]; cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; commit: string; platform: string };
  settings: { poolSize: number; connections: number[]; warmupSec: number; windowSec: number; repetitions: number; statementsSource: string; sikapAuthenticated: boolean };
  dataset: DatasetFacts;
  fixtures: Omit<Fixtures, 'writeEmployees' | 'policy'> & { writeEmployees: number; policy: undefined };
  operations: { id: string; title: string }[];
  answers: Record<string, Record<SystemName, string[]>>;
  sqlPerRequest: Record<string, Partial<Record<SystemName, number | null>>>;
  results: OpResult[];
  issue3: Issue3Figures | null;
  notes: string[];
}

function markdown(rep: Report): string {
  const fmt = (x: number | null | undefined, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  const L: string[] = [];
  const m = rep.machine;
  L.push(`# Sikap benchmark (${rep.mode})`, '');
  L.push(`${rep.startedAt} · commit ${m.commit} · ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB · Node ${m.node} · PostgreSQL ${m.postgres} · load generator, servers and PostgreSQL on the same machine · load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`, '');
  const d = rep.dataset;
  L.push(`Dataset: ${d.employees} employees (seed ${d.seed}); ${Object.entries(d.counts).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
    `Load ${fmt(d.loadSeconds, 1)} s${d.reused ? ' (earlier run, database reused)' : ''}, VACUUM ANALYZE ${fmt(d.vacuumSeconds, 1)} s, database ${fmt(d.sizeBytes / 2 ** 20)} MB.`, '');
  const s = rep.settings;
  L.push(`Pool ${s.poolSize} connections per system; autocannon ${s.connections.join(' and ')} connections, ${s.warmupSec} s warm-up then ${s.repetitions} × ${s.windowSec} s (median). ` +
    `SQL statements per request: ${s.statementsSource}. Sikap ${s.sikapAuthenticated ? 'called with an API key (bearer)' : 'called without credentials (no authentication in this build)'}.`, '');
  L.push('| op | conns | Sikap req/s | PostGraphile req/s | raw req/s | ours/PG | ours/raw | p50 ms S / PG / raw | p99 ms S / PG / raw | errors S / PG / raw | SQL/req S / PG / raw | same answer |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---|');
  for (const op of rep.operations) {
    for (const c of s.connections) {
      const get = (sys: SystemName) => rep.results.find((r) => r.op === op.id && r.system === sys && r.connections === c);
      const [a, b, r] = (['sikap', 'postgraphile', 'raw'] as const).map(get);
      const sq = rep.sqlPerRequest[op.id] ?? {};
      const ans: Partial<Record<SystemName, string[]>> = rep.answers[op.id] ?? {};
      const same = new Set((['sikap', 'postgraphile', 'raw'] as const).map((x) => (ans[x] ?? []).join(','))).size === 1 ? `✓ ${(ans.sikap ?? [''])[0].slice(0, 8)}` : '✗ differs';
      const rps = (x: OpResult | undefined) => (x && x.rps < 1 ? '<1' : fmt(x?.rps));
      L.push(`| ${op.id} | ${c} | ${rps(a)} | ${rps(b)} | ${rps(r)} | ${ratio(a?.rps, b?.rps)} | ${ratio(a?.rps, r?.rps)} | ${fmt(a?.p50)} / ${fmt(b?.p50)} / ${fmt(r?.p50)} | ${fmt(a?.p99)} / ${fmt(b?.p99)} / ${fmt(r?.p99)} | ${a?.errors ?? '–'} / ${b?.errors ?? '–'} / ${r?.errors ?? '–'} | ${sq.sikap ?? '–'} / ${sq.postgraphile ?? '–'} / ${sq.raw ?? '–'} | ${same} |`);
    }
  }
  L.push('', rep.operations.map((o) => `${o.id}: ${o.title}`).join(' · '), '');
  if (rep.issue3) {
    const c = rep.issue3.candidates;
    const p = rep.issue3.assignmentPlan;
    L.push('## Placement (issue 3)', '');
    L.push('| measurement | median server ms | other | target | holds |', '|---|---:|---|---:|---|');
    L.push(`| Position.candidates(first: 20) over all ${d.employees} employees, ${c.positions} positions × 3 | ${fmt(c.medianServerMs, 1)} | p90 ${fmt(c.p90ServerMs, 1)} ms, max ${fmt(c.maxServerMs, 1)} ms, median wall ${fmt(c.medianWallMs, 1)} ms | ${c.targetMs} | ${c.medianServerMs <= c.targetMs ? 'yes' : 'no'} |`);
    L.push(`| assignmentPlan ${p.vacancies} vacancies over ${p.candidates} candidates, ${p.runs} runs | ${fmt(p.medianServerMs, 0)} | max ${fmt(p.maxServerMs, 0)} ms, filled ${p.filled} (greedy ${p.greedyFilled}), total JPM ${fmt(p.totalJpm, 1)} (greedy ${fmt(p.greedyTotalJpm, 1)}) | ${p.targetMs} | ${p.medianServerMs <= p.targetMs ? 'yes' : 'no'} |`);
    L.push('');
  }
  for (const n of rep.notes) L.push(`- ${n}`);
  L.push('');
  return L.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
