/**
 * `pnpm bench`: Sikap side by side with PostGraphile 4 and a raw-SQL lower
 * bound on one real PostgreSQL, in one run (issue 6), plus the placement
 * figures of issue 3 and the recommendation figures of issue 4. See ../README.md.
 *
 *   pnpm bench [--quick | --smoke] [--figures-only] [--employees N] [--seed S] [--db NAME] [--out DIR]
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
import { describePlan, expectedSeconds, planCell, type LoadPlan } from './load-plan';
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
  /** Budget of one repetition of a cell too slow for the window (see load-plan.ts). */
  slowRepSec: number;
  /** Smoke: a fixed number of requests per window instead of a duration (autocannon rounds durations up to whole seconds). */
  amount?: number;
  connections: number[];
  candidatePositions: number;
  planVacancies: number;
  planCandidates: number;
}
const MODES: Record<Mode['name'], Mode> = {
  full: { name: 'full', employees: 20_000, db: 'sikap_bench', warmupSec: 2, windowSec: 4, reps: 3, slowRepSec: 12, connections: [10, 50], candidatePositions: 50, planVacancies: 50, planCandidates: 5000 },
  quick: { name: 'quick', employees: 3000, db: 'sikap_bench_quick', warmupSec: 0.5, windowSec: 1, reps: 1, slowRepSec: 3, connections: [10, 50], candidatePositions: 20, planVacancies: 50, planCandidates: 5000 },
  smoke: { name: 'smoke', employees: 300, db: 'sikap_bench_smoke', warmupSec: 0, windowSec: 0, amount: 10, reps: 1, slowRepSec: 0, connections: [2], candidatePositions: 3, planVacancies: 5, planCandidates: 200 },
};
const POOL_SIZE = 10;

/** O6 is recommendations once the schema has them (server/src/modules/recommendation), the unit aggregate always. */
const HAS_RECOMMENDATIONS = /^\s+recommendations\(/m.test(fs.readFileSync(path.join(repoRoot, 'schema/schema.graphql'), 'utf8'));
const OPERATIONS = HAS_RECOMMENDATIONS ? [...BASE_OPERATIONS.slice(0, 6), RECOMMENDATIONS_OP, ...BASE_OPERATIONS.slice(6)] : BASE_OPERATIONS;

function parseArgs(argv: string[]): { mode: Mode; seed: number; out: string; figuresOnly: boolean } {
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
  return { mode, seed, out, figuresOnly: argv.includes('--figures-only') };
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

// A harness stopped by Ctrl-C or a failure must not leave its servers running (they hold the bench database open).
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of children) if (p.exitCode === null) p.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

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
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
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
interface Window {
  rps: number; p50: number; p99: number; errors: number;
  /** Requests completed and counted. */
  requests: number;
  /** Seconds measured: the window, or from the first request sent to the last answer. */
  seconds: number;
  /** A counted repetition stopped at its time limit (its unanswered requests not counted). */
  stopped?: boolean;
}

/**
 * One autocannon run. A window counts what completes inside it; a counted
 * run sends `plan.requests` requests and measures from the start to the last
 * answer (autocannon's own duration ends on its next whole-second tick), and
 * is stopped after `limitSec`.
 */
async function load(r: Running, headers: Record<string, string>, requests: Request[], plan: LoadPlan, counter: { i: number }, limitSec = 0): Promise<Window> {
  let gqlErrors = 0;
  let lastAnswer = 0;
  const options: autocannon.Options = {
    url: r.base + r.path,
    connections: plan.connections,
    ...(plan.kind === 'count' ? { amount: plan.requests, timeout: Math.max(10, Math.ceil(limitSec) + 5) } : { duration: plan.seconds }),
    method: 'POST',
    headers,
    requests: requests.map((q) => ({
      method: 'POST' as const,
      path: r.path,
      headers,
      body: q.body,
      ...(q.next ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: q.next!(counter.i++) }) } : {}),
      onResponse: (status: number, body: string) => {
        lastAnswer = performance.now();
        if (status === 200 && body && body.includes('"errors"')) gqlErrors++;
      },
    })),
  };
  const t0 = performance.now();
  let stopped = false;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, res) => (error ? reject(error) : resolve(res)));
    if (plan.kind === 'count' && limitSec > 0) {
      const timer = setTimeout(() => {
        stopped = true;
        instance.stop();
      }, limitSec * 1000);
      instance.once('done', () => clearTimeout(timer));
    }
  });
  const total = result.requests.total;
  const seconds = plan.kind === 'count'
    ? (stopped ? limitSec : Math.max(lastAnswer - t0, 1) / 1000)
    : (result.duration || plan.seconds || 1);
  return {
    rps: total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + gqlErrors,
    requests: total,
    seconds: Math.round(seconds * 1000) / 1000,
    ...(stopped ? { stopped } : {}),
  };
}

// ---------------------------------------------------------------- main
interface IntrospectionResponse { data?: { __type?: { fields?: { name: string }[] | null } | null } | null }
/** GET /stats of the PostGraphile and raw servers: statements run so far. */
interface StatsResponse { statements: number | string }

interface OpResult {
  op: string;
  system: SystemName;
  connections: number;
  /** How the cell was measured (the same for every system). */
  plan: LoadPlan;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  windows: Window[];
  /** The measurement is the one of this connection count (the same plan: both were capped to the same connections). */
  sameAs?: number;
}

async function main(): Promise<void> {
  const { mode, seed, out, figuresOnly } = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  log(`mode ${mode.name}${figuresOnly ? ' (figures only: Sikap, issues 3 and 4)' : ''}: ${mode.employees} employees, ${mode.connections.join('/')} connections, ${mode.amount ? `${mode.amount} requests per window` : `${mode.warmupSec}s warm-up + ${mode.reps}×${mode.windowSec}s`}`);
  const { url, facts } = await prepareDatabase(adminUrl, mode, seed);
  log(`dataset ready: load ${facts.loadSeconds?.toFixed(1) ?? '?'} s${facts.reused ? ' (earlier run)' : ''}, vacuum analyze ${facts.vacuumSeconds.toFixed(1)} s, ${(facts.sizeBytes / 2 ** 20).toFixed(0)} MB`);

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const pgVersion = (await db.query('show server_version')).rows[0].server_version as string;
  const statStatements = await db.query('select 1 from pg_stat_statements limit 1').then(() => true, () => false);
  const f = await fixtures(db, mode);
  if (!figuresOnly) for (const s of postgraphileFunctions(f.policy, HAS_RECOMMENDATIONS)) await db.query(s);
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
  const probeMs: Record<string, Partial<Record<SystemName, number>>> = {};
  // Decided on the first system's probe and kept for the others, so every system answers the same load.
  const plans: Record<string, Record<number, LoadPlan>> = {};
  const notes: string[] = [];
  let issue3: Issue3Figures | null = null;
  let issue4: Issue4Figures | null = null;
  let authenticated = false;
  let hasRecommendations = false;

  for (const system of figuresOnly ? (['sikap'] as const) : SYSTEMS) {
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
        if (HAS_RECOMMENDATIONS) {
          // Also what O6R reads: the recommendations of this year, freshly generated.
          issue4 = await issue4Figures(running, headers, db, f);
          await db.query('analyze recommendation');
        }
      }
      const send = async (body: string): Promise<GqlResponse> => {
        const r = await fetch(running.base + running.path, { method: 'POST', headers, body });
        return r.json() as Promise<GqlResponse>;
      };
      const stats = async () => (system === 'sikap' ? null : Number(((await (await fetch(`${running.base}/stats`)).json()) as StatsResponse).statements));

      for (const op of figuresOnly ? [] : OPERATIONS) {
        const prepared = await op.prepare(system, f, send, rawQuery);
        // Probe: one request per variable set, answers hashed, statements counted.
        const hashes: string[] = [];
        let statements: number | null = null;
        const times: number[] = [];
        await drain();
        for (const q of prepared.requests) {
          const before = await stats();
          const t0 = performance.now();
          const resp = await send(q.body);
          times.push(performance.now() - t0);
          const after = await stats();
          if (resp.errors) throw new Error(`${op.id} on ${system} answered errors: ${JSON.stringify(resp.errors).slice(0, 600)}`);
          hashes.push(hash(op.project(system, resp)));
          const n = system === 'sikap' ? (resp.extensions?.sqlStatements ?? null) : after! - before!;
          statements = statements === null ? n : Math.max(statements, n ?? 0);
        }
        if (op.write) await resetWrites();
        else {
          // The probe's first answers pay for cold caches and plans: time a second, warm pass.
          times.length = 0;
          for (const q of prepared.requests) {
            const t0 = performance.now();
            await send(q.body);
            times.push(performance.now() - t0);
          }
        }
        const latency = median(times);
        (answers[op.id] ??= {} as Record<SystemName, string[]>)[system] = hashes;
        (sqlPerRequest[op.id] ??= {})[system] = statements;
        (probeMs[op.id] ??= {})[system] = Math.round(latency * 10) / 10;
        const opPlans = (plans[op.id] ??= {});
        const measured = new Map<string, OpResult>();

        for (const connections of mode.connections) {
          const plan = (opPlans[connections] ??= planCell(mode, latency, connections));
          const same = measured.get(JSON.stringify(plan));
          if (same) {
            results.push({ ...same, connections, sameAs: same.connections });
            log(`${system.padEnd(12)} ${op.id} c=${String(connections).padEnd(2)} measured as c=${same.connections} (${describePlan(plan, mode.reps, connections)})`);
            continue;
          }
          const counter = { i: 1 };
          // A counted repetition a much slower system than the first one cannot finish in time is stopped and says so.
          const limitSec = plan.kind === 'count' && !mode.amount ? Math.max(10, 5 * expectedSeconds(plan, probeMs[op.id]![SYSTEMS[0]] ?? latency)) : 0;
          // autocannon finishes on whole-second ticks: smoke mode skips the warm-up to stay short, and counted cells
          // (slow operations) are warm from the probe.
          if (plan.kind === 'window') await load(running, headers, prepared.requests, { ...plan, seconds: mode.warmupSec }, counter);
          const windows: Window[] = [];
          for (let rep = 0; rep < mode.reps; rep++) {
            await drain();
            windows.push(await load(running, headers, prepared.requests, plan, counter, limitSec));
          }
          await drain();
          if (op.write) await resetWrites();
          const res: OpResult = {
            op: op.id, system, connections, plan,
            rps: median(windows.map((w) => w.rps)), p50: median(windows.map((w) => w.p50)), p99: median(windows.map((w) => w.p99)),
            errors: windows.reduce((s, w) => s + w.errors, 0), windows,
          };
          results.push(res);
          measured.set(JSON.stringify(plan), res);
          if (windows.some((w) => w.stopped)) notes.push(`${op.id} on ${system} at ${connections} connections: a counted repetition was stopped after ${limitSec} s; its unanswered requests are not counted.`);
          log(`${system.padEnd(12)} ${op.id} c=${String(connections).padEnd(2)} ${res.rps.toFixed(res.rps < 10 ? 2 : 0).padStart(6)} req/s  p50 ${res.p50} ms  p99 ${res.p99} ms  errors ${res.errors}  (${describePlan(plan, mode.reps, connections)}, probe ${latency.toFixed(0)} ms)`);
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
    figuresOnly,
    startedAt: new Date(startedAt).toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    machine: { loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, commit, platform: `${os.platform()} ${os.release()}` },
    settings: { poolSize: POOL_SIZE, connections: mode.connections, warmupSec: mode.warmupSec, windowSec: mode.windowSec, repetitions: mode.reps, slowRepSec: mode.slowRepSec, smokeRequests: mode.amount ?? null, statementsSource: statStatements ? 'pg_stat_statements' : 'probe (Sikap extensions.sqlStatements; counting pg wrapper in the PostGraphile and raw servers)', sikapAuthenticated: authenticated },
    dataset: facts,
    fixtures: { ...f, writeEmployees: f.writeEmployees.length, policy: undefined },
    operations: figuresOnly ? [] : OPERATIONS.map((o) => ({ id: o.id, title: o.title })),
    answers,
    probeMs,
    sqlPerRequest,
    results,
    issue3,
    issue4,
    notes,
  };
  fs.mkdirSync(out, { recursive: true });
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  const md = markdown(report);
  const name = `${mode.name}${figuresOnly ? '-figures' : ''}`;
  fs.writeFileSync(path.join(out, `${stamp}-${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `${stamp}-${name}.md`), md);
  fs.writeFileSync(path.join(out, `latest-${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `latest-${name}.md`), md);
  process.stdout.write(md);
  log(`done in ${report.seconds.toFixed(0)} s; results in ${path.relative(process.cwd(), out) || out}`);
  const mismatched = Object.entries(answers).filter(([, a]) => new Set(SYSTEMS.map((s) => (a[s] ?? []).join(','))).size > 1).map(([k]) => k);
  if (mismatched.length) {
    log(`answers differ between systems for ${mismatched.join(', ')}`);
    process.exitCode = 2;
  }
  if (issue4 && issue4.runs[1]!.created !== 0) {
    log(`generateRecommendations run 2 created ${issue4.runs[1]!.created} recommendations (must be 0)`);
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

// ---------------------------------------------------------------- issue 4
interface GenerateCounts { created: number; updated: number; unchanged: number; resolved: number; durationMs: number }
interface GenerateResponse { errors?: Json[]; data?: { generateRecommendations?: (GenerateCounts & { userErrors?: { message: string }[] | null }) | null } | null; extensions?: { timingMs?: number | null } }
interface GenerateRun extends GenerateCounts { wallMs: number; serverMs: number | null }
interface Issue4Figures { asOf: string; year: number; deleted: number; lanes: string; stored: number; runs: GenerateRun[]; targetMs: number }

/**
 * generateRecommendations over HTTP, twice (issue 4): run 1 after deleting
 * the year's stored recommendations of the bench database, so it creates
 * every one; run 2 on top of it, which must create none. `durationMs` is the
 * server's own wall time of the run; the request's time is beside it.
 */
async function issue4Figures(r: Running, headers: Record<string, string>, db: pg.Client, f: Fixtures): Promise<Issue4Figures> {
  const year = Number(f.asOf.slice(0, 4));
  const deleted = (await db.query('delete from recommendation where year = $1', [year])).rowCount ?? 0;
  await db.query('vacuum analyze recommendation');
  const query = `mutation G($asOf: String, $year: Int) { generateRecommendations(asOf: $asOf, year: $year) {
    created updated unchanged resolved durationMs userErrors { message } } }`;
  const runs: GenerateRun[] = [];
  for (let run = 1; run <= 2; run++) {
    const t0 = performance.now();
    const resp = await fetch(r.base + r.path, { method: 'POST', headers, body: JSON.stringify({ query, variables: { asOf: f.asOf, year } }) });
    const json = (await resp.json()) as GenerateResponse;
    const wallMs = performance.now() - t0;
    const g = json.data?.generateRecommendations;
    if (json.errors || !g || g.userErrors?.length) throw new Error(`generateRecommendations failed: ${JSON.stringify(json).slice(0, 500)}`);
    runs.push({ created: g.created, updated: g.updated, unchanged: g.unchanged, resolved: g.resolved, durationMs: g.durationMs, wallMs: Math.round(wallMs), serverMs: json.extensions?.timingMs ?? null });
    log(`issue 4: generateRecommendations run ${run}: ${g.durationMs} ms (request ${wallMs.toFixed(0)} ms), created ${g.created}, updated ${g.updated}, unchanged ${g.unchanged}, resolved ${g.resolved}`);
  }
  const stored = Number((await db.query('select count(*) as n from recommendation where year = $1', [year])).rows[0].n);
  return { asOf: f.asOf, year, deleted, lanes: process.env.SIKAP_ANALYTICS_LANES ?? '2 (default)', stored, runs, targetMs: 5000 };
}

// ---------------------------------------------------------------- report
interface Report {
  mode: Mode['name'];
  figuresOnly: boolean;
  startedAt: string;
  seconds: number;
  machine: { loadAverageAtStart: number[]; loadAverageAtEnd: number[]; cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; commit: string; platform: string };
  settings: { poolSize: number; connections: number[]; warmupSec: number; windowSec: number; repetitions: number; slowRepSec: number; smokeRequests: number | null; statementsSource: string; sikapAuthenticated: boolean };
  dataset: DatasetFacts;
  fixtures: Omit<Fixtures, 'writeEmployees' | 'policy'> & { writeEmployees: number; policy: undefined };
  operations: { id: string; title: string }[];
  answers: Record<string, Record<SystemName, string[]>>;
  /** Latency of one request on an idle server (median of a warm pass), per operation and system. */
  probeMs: Record<string, Partial<Record<SystemName, number>>>;
  sqlPerRequest: Record<string, Partial<Record<SystemName, number | null>>>;
  results: OpResult[];
  issue3: Issue3Figures | null;
  issue4: Issue4Figures | null;
  notes: string[];
}

function markdown(rep: Report): string {
  const fmt = (x: number | null | undefined, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  const L: string[] = [];
  const m = rep.machine;
  L.push(`# Sikap benchmark (${rep.mode}${rep.figuresOnly ? ', figures only' : ''})`, '');
  L.push(`${rep.startedAt} · commit ${m.commit} · ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB · Node ${m.node} · PostgreSQL ${m.postgres} · load generator, servers and PostgreSQL on the same machine · load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`, '');
  const d = rep.dataset;
  L.push(`Dataset: ${d.employees} employees (seed ${d.seed}); ${Object.entries(d.counts).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
    `Load ${fmt(d.loadSeconds, 1)} s${d.reused ? ' (earlier run, database reused)' : ''}, VACUUM ANALYZE ${fmt(d.vacuumSeconds, 1)} s, database ${fmt(d.sizeBytes / 2 ** 20)} MB.`, '');
  const s = rep.settings;
  if (!rep.figuresOnly) {
    const how = s.smokeRequests
      ? `autocannon ${s.connections.join(' and ')} connections, ${s.smokeRequests} requests per cell (smoke: no warm-up, timings not meaningful). `
      : `autocannon ${s.connections.join(' and ')} connections, ${s.warmupSec} s warm-up then ${s.repetitions} × ${s.windowSec} s (median). ` +
        `A cell whose probe latency × connections exceeds a quarter of the window is measured instead by a fixed number of requests per repetition, ` +
        `each counted to its answer (requests/s = requests ÷ time to the last answer), sized from Sikap's probe so one repetition takes about ${s.slowRepSec} s ` +
        `(fewer connections when not even one request per connection fits: "on N conns"); the "measured as" column says which, the same for the three systems. `;
    L.push(`Pool ${s.poolSize} connections per system; ${how}` +
      `SQL statements per request: ${s.statementsSource}. Sikap ${s.sikapAuthenticated ? 'called with an API key (bearer)' : 'called without credentials (no authentication in this build)'}.`, '');
    L.push('| op | conns | measured as | Sikap req/s | PostGraphile req/s | raw req/s | ours/PG | ours/raw | p50 ms S / PG / raw | p99 ms S / PG / raw | errors S / PG / raw | SQL/req S / PG / raw | same answer |');
    L.push('|---|---:|---|---:|---:|---:|---:|---:|---|---|---|---|---|');
  }
  for (const op of rep.operations) {
    for (const c of s.connections) {
      const get = (sys: SystemName) => rep.results.find((r) => r.op === op.id && r.system === sys && r.connections === c);
      const [a, b, r] = (['sikap', 'postgraphile', 'raw'] as const).map(get);
      const sq = rep.sqlPerRequest[op.id] ?? {};
      const ans: Partial<Record<SystemName, string[]>> = rep.answers[op.id] ?? {};
      const same = new Set((['sikap', 'postgraphile', 'raw'] as const).map((x) => (ans[x] ?? []).join(','))).size === 1 ? `✓ ${(ans.sikap ?? [''])[0].slice(0, 8)}` : '✗ differs';
      const rps = (x: OpResult | undefined) => fmt(x?.rps, x && x.rps < 10 ? 2 : 0);
      const first = a ?? b ?? r;
      const how = first ? `${describePlan(first.plan, s.repetitions, c)}${first.sameAs ? ` (= c ${first.sameAs} row)` : ''}` : '–';
      L.push(`| ${op.id} | ${c} | ${how} | ${rps(a)} | ${rps(b)} | ${rps(r)} | ${ratio(a?.rps, b?.rps)} | ${ratio(a?.rps, r?.rps)} | ${fmt(a?.p50)} / ${fmt(b?.p50)} / ${fmt(r?.p50)} | ${fmt(a?.p99)} / ${fmt(b?.p99)} / ${fmt(r?.p99)} | ${a?.errors ?? '–'} / ${b?.errors ?? '–'} / ${r?.errors ?? '–'} | ${sq.sikap ?? '–'} / ${sq.postgraphile ?? '–'} / ${sq.raw ?? '–'} | ${same} |`);
    }
  }
  if (rep.operations.length) L.push('', rep.operations.map((o) => `${o.id}: ${o.title}`).join(' · '), '');
  if (rep.issue3) {
    const c = rep.issue3.candidates;
    const p = rep.issue3.assignmentPlan;
    L.push('## Placement (issue 3)', '');
    L.push('| measurement | median server ms | other | target | holds |', '|---|---:|---|---:|---|');
    L.push(`| Position.candidates(first: 20) over all ${d.employees} employees, ${c.positions} positions × 3 | ${fmt(c.medianServerMs, 1)} | p90 ${fmt(c.p90ServerMs, 1)} ms, max ${fmt(c.maxServerMs, 1)} ms, median wall ${fmt(c.medianWallMs, 1)} ms | ${c.targetMs} | ${c.medianServerMs <= c.targetMs ? 'yes' : 'no'} |`);
    L.push(`| assignmentPlan ${p.vacancies} vacancies over ${p.candidates} candidates, ${p.runs} runs | ${fmt(p.medianServerMs, 0)} | max ${fmt(p.maxServerMs, 0)} ms, filled ${p.filled} (greedy ${p.greedyFilled}), total JPM ${fmt(p.totalJpm, 1)} (greedy ${fmt(p.greedyTotalJpm, 1)}) | ${p.targetMs} | ${p.medianServerMs <= p.targetMs ? 'yes' : 'no'} |`);
    L.push('');
  }
  if (rep.issue4) {
    const g = rep.issue4;
    const [r1, r2] = g.runs;
    const counts = (x: GenerateRun) => `created ${x.created}, updated ${x.updated}, unchanged ${x.unchanged}, resolved ${x.resolved}`;
    L.push('## Recommendations (issue 4)', '');
    L.push(`generateRecommendations(asOf: ${g.asOf}, year: ${g.year}) over HTTP, SIKAP_ANALYTICS_LANES ${g.lanes}; ${g.stored} recommendations of ${g.year} stored afterwards.`, '');
    L.push('| measurement | server ms (durationMs) | request ms | result | target | holds |', '|---|---:|---:|---|---:|---|');
    L.push(`| run 1, after deleting the ${g.deleted} stored recommendations of ${g.year} | ${r1!.durationMs} | ${r1!.wallMs} | ${counts(r1!)} | ${g.targetMs} | ${r1!.durationMs <= g.targetMs ? 'yes' : 'no'} |`);
    L.push(`| run 2, on top of run 1 (must create 0) | ${r2!.durationMs} | ${r2!.wallMs} | ${counts(r2!)} | ${g.targetMs} | ${r2!.durationMs <= g.targetMs && r2!.created === 0 ? 'yes' : 'no'} |`);
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
