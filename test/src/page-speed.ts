/**
 * Page-speed check of issue #8: "every page works on the 15,000-employee demo without a request
 * over 1 s on real PostgreSQL". Not a test (timings on a shared machine would make it flaky): a
 * benchmark-style script that starts the real server in production mode on an existing, seeded
 * database, signs in through the console in Debian's chromium, visits every console route (and
 * the filtered and detail views the issue names, a vacancy's candidates, a large position's holders
 * and both what-if simulators), records the duration of every /graphql request as the browser saw
 * it, prints the slowest operations per page, and exits 1 when any request took longer than the
 * limit. Long-running actions (LONG_RUNNING below) are timed and printed, not held to the limit.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sikap_bench pnpm --filter @sikap/test page-speed [--limit 1000] [--runs 1] [--console-dist DIR]
 *
 * The console is built into a temporary folder (or DIR is served), never console/dist, which
 * other builds may replace while the pages load.
 *
 * The database is used as it is (no throw-away copy): the server applies pending migrations and,
 * on a database without users, creates the first ADMIN from SIKAP_ADMIN_EMAIL/SIKAP_ADMIN_PASSWORD
 * (defaults below). Pages are only read; the placement plan is computed, never saved.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launchChromium } from './chromium';
import { consoleDir, serverDir } from './paths';

interface Options {
  databaseUrl: string;
  limitMs: number;
  /** Folder of a built console to serve; built into a temporary folder when absent. */
  consoleDist: string | null;
  runs: number;
  email: string;
  password: string;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the seeded PostgreSQL database to measure, e.g. postgres://postgres@127.0.0.1:5432/sikap_bench');
  return {
    databaseUrl,
    limitMs: Number(value('--limit') ?? 1000),
    consoleDist: value('--console-dist') ?? null,
    runs: Math.max(1, Number(value('--runs') ?? 1)),
    email: process.env.SIKAP_ADMIN_EMAIL ?? 'page-speed@sikap.local',
    password: process.env.SIKAP_ADMIN_PASSWORD ?? 'page-speed-admin-password',
  };
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

/** Builds the console into its own folder: console/dist is shared with whoever else builds meanwhile. */
async function buildConsole(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'sikap-page-speed-console-'));
  execFileSync(process.execPath, [path.join(consoleDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: consoleDir,
    stdio: 'inherit',
  });
  return outDir;
}

async function startServer(o: Options, dist: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(serverDir, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env, NODE_ENV: 'production', SEED_DEMO: 'false', PORT: String(port), DATABASE_URL: o.databaseUrl,
      SIKAP_ADMIN_EMAIL: o.email, SIKAP_ADMIN_PASSWORD: o.password, SIKAP_CONSOLE_DIR: dist,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, output: () => output };
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

/** A GraphQL client for looking up what to visit (ids, codes), signed in with a bearer token. */
async function apiClient(url: string, o: Options) {
  const post = async (query: string, variables: Record<string, unknown>, token: string | null) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  };
  const login = await post('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token userErrors { message } } }',
    { email: o.email, password: o.password }, null);
  const token = (login.data?.login as { token: string | null } | undefined)?.token ?? null;
  if (!token) {
    throw new Error(`could not sign in as ${o.email} (${JSON.stringify(login)}): on a database that already has users, set SIKAP_ADMIN_EMAIL and SIKAP_ADMIN_PASSWORD of an ADMIN`);
  }
  return async <D>(query: string, variables: Record<string, unknown> = {}): Promise<D> => {
    const r = await post(query, variables, token);
    if (r.errors?.length || !r.data) throw new Error(`lookup failed: ${JSON.stringify(r.errors)}`);
    return r.data as D;
  };
}

interface Timed {
  operation: string;
  ms: number;
  status: number | null;
}

/**
 * Operations the console runs as long-running actions, like generating recommendations (issue #8:
 * progress shown, no double submit): a what-if recomputes every recommendation rule for the whole
 * city, before and after the change. Their durations are reported on their own lines, not held to
 * the page limit.
 */
const LONG_RUNNING = new Set(['SimulatePolicy', 'SimulateStandard', 'GenerateRecommendations', 'ImportDataset']);

interface Visit {
  /** Label in the report. */
  name: string;
  path: string;
  /** Something to do once the page has settled (e.g. run the placement plan). */
  act?: (page: Page) => Promise<void>;
}

function operationOf(request: Request): string {
  try {
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string; query?: string };
    return body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? 'anonymous';
  } catch {
    return 'unparsable';
  }
}

/**
 * Opens a path and waits until the console has stopped asking the API for 1.5 s, recording every
 * /graphql request that finished meanwhile with the duration the browser measured (request sent
 * to last response byte).
 */
async function visit(page: Page, baseUrl: string, v: Visit): Promise<Timed[]> {
  const timed: Timed[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const isApi = (r: Request) => r.url().startsWith(`${baseUrl}/graphql`) && r.method() === 'POST';
  const onRequest = (r: Request) => {
    if (!isApi(r)) return;
    inFlight.add(r);
    lastActivity = Date.now();
  };
  const onDone = async (r: Request) => {
    if (!isApi(r)) return;
    const t = r.timing();
    const response = await r.response().catch(() => null);
    timed.push({ operation: operationOf(r), ms: t.responseEnd >= 0 ? t.responseEnd : Number.NaN, status: response?.status() ?? null });
    inFlight.delete(r);
    lastActivity = Date.now();
  };
  const onFailed = (r: Request) => {
    if (!isApi(r)) return;
    timed.push({ operation: operationOf(r), ms: Number.NaN, status: null });
    inFlight.delete(r);
    lastActivity = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onFailed);
  const quiet = async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - lastActivity < 1500)) await page.waitForTimeout(100);
  };
  try {
    await page.goto(`${baseUrl}${v.path}`);
    await page.waitForSelector('[data-testid="viewer-label"]', { timeout: 60_000 });
    await quiet();
    if (v.act) {
      await v.act(page);
      await quiet();
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onFailed);
  }
  return timed;
}

/** Every route the console's router knows, read from the running app (so new pages are visited without editing this script). */
async function consoleRoutes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Router = { getRoutes(): { path: string }[] };
    const app = (document.querySelector('#app') as (Element & { __vue_app__?: { config: { globalProperties: { $router?: Router } } } }) | null)?.__vue_app__;
    const router = app?.config.globalProperties.$router;
    return router ? router.getRoutes().map((r) => r.path) : [];
  });
}

/** The first link on a list page to a detail route like /positions/:code. */
async function firstDetailLink(page: Page, baseUrl: string, listPath: string, prefix: string): Promise<string | null> {
  await page.goto(`${baseUrl}${listPath}`);
  const pattern = new RegExp(`^${prefix.replace(/[/]/g, '\\/')}/[^/?#]+$`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    const found = hrefs.find((h) => pattern.test(h));
    if (found) return found;
    await page.waitForTimeout(250);
  }
  return null;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  console.log(o.consoleDist ? `serving the console built in ${o.consoleDist}` : 'building the console…');
  const dist = o.consoleDist ?? await buildConsole();
  console.log('starting the server on', o.databaseUrl.replace(/:[^:@/]*@/, ':***@'));
  const server = await startServer(o, dist);
  const browser = await launchChromium();
  let slow = 0;
  try {
    const api = await apiClient(server.url, o);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(120_000);
    // A console that fails to start says why in the browser's console; show it rather than a bare timeout.
    page.on('pageerror', (e) => console.error('  page error:', e.message));
    page.on('console', (m) => { if (m.type() === 'error') console.error('  console error:', m.text()); });
    await page.goto(`${server.url}/login`);
    await page.fill('[data-testid="login-email"] input', o.email);
    await page.fill('[data-testid="login-password"] input', o.password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="viewer-label"]', { timeout: 60_000 });

    // Figures to build realistic views from: the biggest unit, and a few vacancies for a plan.
    const lookups = await api<{
      units: { nodes: { code: string }[] };
      vacant: { nodes: { code: string }[] };
      largest: { nodes: { code: string }[] };
    }>(`{ units(first: 1, where: { code: { eq: "DINKES" } }) { nodes { code } }
      vacant: positions(first: 5, where: { vacant: true, requiresCompetency: "KOM" }, orderBy: [{ field: CODE }]) { nodes { code } }
      largest: positions(first: 1, orderBy: [{ field: QUOTA, direction: DESC }, { field: CODE }]) { nodes { code } } }`);
    const unit = lookups.units.nodes[0]?.code ?? (await api<{ units: { nodes: { code: string }[] } }>('{ units(first: 1) { nodes { code } } }')).units.nodes[0]?.code ?? '';
    const year = new Date().getFullYear();

    const visits: Visit[] = [
      { name: 'dashboard', path: '/dashboard' },
      { name: `dashboard, unit ${unit}`, path: `/dashboard?unit=${unit}` },
      { name: 'units', path: '/units' },
      { name: `units, ${unit} drawer with roll-up`, path: `/units?unit=${unit}` },
      { name: 'employees', path: '/employees' },
      { name: 'employees: unit subtree', path: `/employees?unit=${unit}` },
      { name: 'employees: grade', path: '/employees?gmin=III_A&gmax=III_D' },
      { name: 'employees: competency below 3', path: '/employees?comp=KOM&below=3' },
      { name: `employees: JP shortfall ${year}`, path: '/employees?jp=short' },
      { name: 'employees: JP below 10', path: '/employees?jp=10' },
      { name: 'employees: category', path: '/employees?category=KURANG_OPTIMAL' },
      { name: 'employees: talent box 9', path: '/employees?talentBox=9' },
      { name: 'employees: all filters', path: `/employees?unit=${unit}&gmin=III_A&comp=KOM&below=3&jp=short&category=CUKUP_OPTIMAL&talentBox=5` },
      { name: 'employees: sorted by unit, page 2', path: '/employees?sort=-unit' , act: async (p) => { await p.click('[data-testid="pager-next"]').catch(() => undefined); } },
      { name: 'positions', path: '/positions' },
      { name: `positions: ${unit} vacant`, path: `/positions?unit=${unit}&vacant=1` },
      {
        name: `placement: plan of ${lookups.vacant.nodes.length} vacancies`,
        path: `/placement?pos=${lookups.vacant.nodes.map((p) => p.code).join(',')}`,
        act: async (p) => {
          await p.waitForSelector('[data-testid="placement-run"]:not([disabled])', { timeout: 60_000 });
          await p.click('[data-testid="placement-run"]');
        },
      },
    ];
    // The interactive views of a vacancy and of a large position, and the two what-if simulators.
    const vacancy = lookups.vacant.nodes[0]?.code;
    if (vacancy) {
      visits.push(
        { name: `positions: ${vacancy} ranked candidates`, path: `/positions/${vacancy}?tab=candidates` },
        { name: `positions: ${vacancy} all candidates, page 2`, path: `/positions/${vacancy}?tab=candidates&all=1`,
          act: async (p) => { await p.click('[data-testid="pager-next"]').catch(() => undefined); } },
      );
    }
    const largest = lookups.largest.nodes[0]?.code;
    if (largest) visits.push({ name: `positions: ${largest} holders and their match`, path: `/positions/${largest}?tab=holders` });
    visits.push({
      name: 'what-if: policy (annual JP 30)',
      path: '/policy?tab=simulate',
      act: async (p) => {
        await p.fill('[data-testid="param-annualDevelopmentHours"] input', '30');
        await p.click('[data-testid="simulation-run"]');
        await p.waitForSelector('[data-testid="simulation-result"], [data-testid="simulation-failed"]', { timeout: 120_000 });
      },
    });
    if (largest) {
      visits.push({
        name: `what-if: standard of ${largest}`,
        path: `/policy?tab=simulate&mode=standard&pos=${largest}`,
        act: async (p) => {
          await p.waitForSelector('[data-testid="simulate-standard-run"]:not([disabled])', { timeout: 60_000 });
          await p.click('[data-testid="simulate-standard-run"]');
          await p.waitForSelector('[data-testid="simulation-result"], [data-testid="simulation-failed"]', { timeout: 120_000 });
        },
      });
    }

    // Detail pages and every other route of the console's router.
    const routes = await consoleRoutes(page);
    if (routes.length === 0) throw new Error('could not read the console\'s routes (no Vue app on #app)');
    const visited = new Set(visits.map((v) => v.path.split('?')[0]!));
    for (const route of routes) {
      if (route === '/' || route.includes('pathMatch') || route === '/login' || visited.has(route)) continue;
      const param = /^(.*)\/:[^/]+$/.exec(route);
      if (param) {
        const list = param[1]!;
        const link = await firstDetailLink(page, server.url, list, list);
        if (link) visits.push({ name: `${route} (${decodeURIComponent(link.slice(list.length + 1))})`, path: link });
        else console.log(`  (no ${route} to open: the list ${list} links to none)`);
      } else if (!route.includes(':')) {
        visits.push({ name: route, path: route });
      }
      visited.add(route);
    }

    const results: { visit: Visit; timed: Timed[] }[] = [];
    for (let run = 0; run < o.runs; run++) {
      for (const v of visits) {
        const timed = await visit(page, server.url, v);
        results.push({ visit: v, timed });
        const held = timed.filter((t) => !LONG_RUNNING.has(t.operation));
        const worst = held.reduce((m, t) => (Number.isNaN(t.ms) ? m : Math.max(m, t.ms)), 0);
        const actions = timed.filter((t) => LONG_RUNNING.has(t.operation)).map((t) => `; ${t.operation} ${Number.isNaN(t.ms) ? 'failed' : `${Math.round(t.ms)} ms`} (long-running action)`).join('');
        console.log(`${worst > o.limitMs ? 'SLOW' : 'ok  '} ${String(Math.round(worst)).padStart(6)} ms  ${String(timed.length).padStart(3)} requests  ${v.name}${actions}`);
      }
    }

    console.log(`\nSlowest /graphql operations per page (limit ${o.limitMs} ms):`);
    const rows: string[][] = [['page', 'operation', 'ms', 'status']];
    for (const { visit: v, timed } of results) {
      const sorted = [...timed].sort((a, b) => (Number.isNaN(b.ms) ? Infinity : b.ms) - (Number.isNaN(a.ms) ? Infinity : a.ms));
      for (const t of sorted.slice(0, 3)) rows.push([v.name, t.operation, Number.isNaN(t.ms) ? 'failed' : String(Math.round(t.ms)), String(t.status ?? '-')]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '));

    const offenders = results.flatMap(({ visit: v, timed }) => timed
      .filter((t) => Number.isNaN(t.ms) || (t.ms > o.limitMs && !LONG_RUNNING.has(t.operation)) || (t.status !== null && t.status >= 400))
      .map((t) => ({ page: v.name, ...t })));
    slow = offenders.length;
    if (offenders.length > 0) {
      console.log(`\n${offenders.length} request(s) over ${o.limitMs} ms or failed:`);
      for (const x of offenders) console.log(`  ${x.page}: ${x.operation} ${Number.isNaN(x.ms) ? 'failed' : `${Math.round(x.ms)} ms`} (HTTP ${x.status ?? '-'})`);
    } else {
      console.log(`\nEvery request finished within ${o.limitMs} ms (long-running actions: ${[...LONG_RUNNING].join(', ')}, reported above).`);
    }
  } finally {
    await browser.close();
    await stop(server.child);
    if (!o.consoleDist) await rm(dist, { recursive: true, force: true });
  }
  process.exitCode = slow > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
