/**
 * Benchmark of the recommendation rules on the 15,000-employee demo data.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter @sikap/server bench:recommendations
 * (a throw-away database is created on that server and dropped afterwards; without DATABASE_URL it runs on PGlite).
 * BENCH_AS_OF=<YYYY-MM-DD> measures that date and its year instead of 2025-01-01 and 2024.
 * BENCH_KEEP_URL=<url> reuses that database instead (imported once and kept, for iterating on the SQL); the
 * recommendations of the benchmark year are deleted first, so that run 1 measures creation every time.
 *
 * Prints each rule's time (one after another on one connection, with generateRecommendations' transaction
 * settings, the holders' own matches computed once and shared), the rules and the merge separately (rolled
 * back), then two real generateRecommendations runs, whose rules share SIKAP_ANALYTICS_LANES connections (default
 * 2) on one snapshot: the first creates everything, the second must create nothing. Like a mutation request, each
 * run is one transaction with an audit entry and sikap.audit_id set, so the audit trigger records its row changes;
 * BENCH_AUDIT=0 runs them without (to see what the audit trail costs).
 * The machine is shared, so besides wall time each line shows CPU time: this process's, and (when the
 * database runs on this host, as in CI) the PostgreSQL backend's from /proc, which load elsewhere barely moves
 * (for generateRecommendations, the request connection's backend: the lanes' are not counted).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../../testing/harness';
import { migrate, openOrm } from '../../db/orm';
import { ensurePolicyVersions } from '../../db/bootstrap';
import { createContext } from '../../graphql/context';
import { setAuditId } from '../../graphql/data-scope';
import { startAuditEntry } from '../access/audit';
import { ANONYMOUS } from '../access/viewer';
import { generateDemoDataset } from '../dataset/demo-generator';
import { importDataset } from '../dataset/dataset-import.service';
import { recommendationPolicy } from '../../domain/recommendation-rules';
import { PolicyVersion } from '../policy/policy-version.entity';
import {
  hoursShortfallSql, misplacementSql, ownMatchesSql, prepareRuleTransaction, standardReviewSql, successionSql, trainingSql, unitGapSql, type OwnMatchRow,
} from './recommendation.sql';
import { buildDrafts } from './recommendation-drafts';
import { generateRecommendations, mergeDrafts } from './recommendation.service';

const employees = Number(process.env.BENCH_EMPLOYEES ?? 15000);
// A fixed date by default so runs on different days compare; BENCH_AS_OF (YYYY-MM-DD) measures another
// one, e.g. today's, whose year holds about twice as many recommendations on the demo data.
const AS_OF = process.env.BENCH_AS_OF ?? '2025-01-01';
if (!/^\d{4}-\d{2}-\d{2}$/.test(AS_OF)) throw new Error('BENCH_AS_OF must be a date as YYYY-MM-DD');
const YEAR = process.env.BENCH_AS_OF ? Number(AS_OF.slice(0, 4)) : 2024;
const keep = process.env.BENCH_KEEP_URL;
const audited = process.env.BENCH_AUDIT !== '0';
const { orm, dispose } = keep
  ? await (async () => {
    const o = await openOrm({ kind: 'postgres', url: keep });
    await migrate(o);
    await ensurePolicyVersions(o.em.fork() as EntityManager);
    return { orm: o, dispose: () => o.close(true) };
  })()
  : await openTestOrm();

class Rollback extends Error {}
const pad = (ms: number): string => `${String(ms).padStart(6)} ms`;

/** CPU milliseconds of this process and of a database backend (null when its /proc entry is not readable). */
function cpu(backendPid: number | null): { node: number; db: number | null } {
  const u = process.cpuUsage();
  let db: number | null = null;
  try {
    if (backendPid !== null) {
      const f = fs.readFileSync(`/proc/${backendPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      db = (Number(f[11]) + Number(f[12])) * 10;
    }
  } catch {
    db = null;
  }
  return { node: Math.round((u.user + u.system) / 1000), db };
}
function cpuSince(start: { node: number; db: number | null }, pid: number | null): string {
  const now = cpu(pid);
  return `(cpu: node ${pad(now.node - start.node)}${now.db === null || start.db === null ? '' : `, db ${pad(now.db - start.db)}`})`;
}
async function backendPid(em: EntityManager): Promise<number | null> {
  const [row] = await em.getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid', [], 'all', em.getTransactionContext());
  return keep || process.env.DATABASE_URL ? Number(row!.pid) : null;
}

try {
  const em = orm.em.fork() as EntityManager;
  let t = Date.now();
  if ((await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from employee'))[0]!.n === 0) {
    const report = await importDataset(em, generateDemoDataset({ employees }));
    if (report.errors.length) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
    console.log(`imported ${employees} employees in ${Date.now() - t} ms`);
  }
  if (keep) await em.getConnection().execute(`delete from recommendation where year = ${YEAR}`);
  await em.getConnection().execute('analyze');
  const version = await em.findOneOrFail(PolicyVersion, { status: 'ACTIVE' });
  const o = { asOf: AS_OF, year: YEAR, policy: recommendationPolicy(version.parameters) };

  try {
    await em.transactional(async (tx) => {
      const x = tx as EntityManager;
      await prepareRuleTransaction(x);
      const pid = await backendPid(x);
      let total = 0;
      const all = cpu(pid);
      const time = async <R extends unknown[]>(name: string, rule: () => Promise<R>): Promise<R> => {
        const t0 = Date.now();
        const c0 = cpu(pid);
        const rows = await rule();
        const ms = Date.now() - t0;
        total += ms;
        console.log(`${name.padEnd(20)} ${String(rows.length).padStart(6)} rows ${pad(ms)} ${cpuSince(c0, pid)}`);
        return rows;
      };
      const own: OwnMatchRow[] = await time('ownMatchesSql', () => ownMatchesSql(x, o));
      await time('hoursShortfallSql', () => hoursShortfallSql(x, o));
      await time('unitGapSql', () => unitGapSql(x, o));
      await time('trainingSql', () => trainingSql(x, o));
      await time('misplacementSql', () => misplacementSql(x, o, own));
      await time('successionSql', () => successionSql(x, o, own));
      await time('standardReviewSql', () => standardReviewSql(x, o));
      console.log(`${'rules'.padEnd(20)} ${' '.repeat(11)} ${pad(total)} ${cpuSince(all, pid)}`);

      t = Date.now();
      let c = cpu(pid);
      const drafts = await buildDrafts((task) => task(x), o);
      console.log(`buildDrafts (one lane) ${pad(Date.now() - t)} ${cpuSince(c, pid)} ${drafts.length} drafts`);
      for (const pass of ['creates', 'repeats']) {
        t = Date.now();
        c = cpu(pid);
        const counts = await mergeDrafts(x, drafts, { asOf: AS_OF, year: YEAR, policyVersionId: version.id, actor: 'bench' });
        console.log(`mergeDrafts ${pad(Date.now() - t)} ${cpuSince(c, pid)} ${pass}: created ${counts.created}, unchanged ${counts.unchanged}`);
      }
      console.log('(rolled back)');
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }

  for (const run of [1, 2]) {
    const ctx = createContext(orm.em as EntityManager, { statements: 0 }, { actor: 'bench' });
    t = Date.now();
    let pid: number | null = null;
    let c = cpu(null);
    const r = await ctx.em.transactional(async (tx) => {
      const x = tx as EntityManager;
      // The request's own backend: the merge and the audit trail run there (the rules also on the lanes').
      pid = await backendPid(x);
      c = cpu(pid);
      if (audited) {
        const mutations = ['generateRecommendations'];
        await setAuditId(x, await startAuditEntry(x, { viewer: ANONYMOUS, operationName: 'bench', mutations, variables: { asOf: AS_OF, year: YEAR } }));
      }
      return generateRecommendations({ ...ctx, em: x }, AS_OF, YEAR);
    });
    const v = r.value!;
    console.log(`generateRecommendations run ${run}${audited ? ' (audited)' : ''}: ${pad(Date.now() - t)} ${cpuSince(c, pid)}, created ${v.created}, updated ${v.updated}, resolved ${v.resolved}, unchanged ${v.unchanged}; `
      + v.byKind.map((k) => `${k.kind} ${k.count}`).join(', '));
  }
} finally {
  await dispose();
}
