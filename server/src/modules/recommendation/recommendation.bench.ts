/**
 * Benchmark of the recommendation rules on the 15,000-employee demo data.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm tsx src/modules/recommendation/recommendation.bench.ts
 * (a throw-away database is created on that server and dropped afterwards; without DATABASE_URL it runs on PGlite).
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTestOrm } from '../../testing/harness';
import { migrate, openOrm } from '../../db/orm';
import { ensurePolicyVersions } from '../../db/bootstrap';
import { createContext } from '../../graphql/context';
import { generateDemoDataset } from '../dataset/demo-generator';
import { importDataset } from '../dataset/dataset-import.service';
import { recommendationPolicy } from '../../domain/recommendation-rules';
import { DEFAULT_POLICY } from '../../domain/policy';
import { hoursShortfallSql, misplacementSql, ownMatchesSql, standardReviewSql, successionSql, trainingSql, unitGapSql } from './recommendation.sql';
import { generateRecommendations } from './recommendation.service';

const employees = Number(process.env.BENCH_EMPLOYEES ?? 15000);
// BENCH_KEEP_URL: an existing database to (re)use, imported once and kept, for iterating on the SQL.
const keep = process.env.BENCH_KEEP_URL;
const { orm, dispose } = keep
  ? await (async () => {
    const o = await openOrm({ kind: 'postgres', url: keep });
    await migrate(o);
    await ensurePolicyVersions(o.em.fork() as EntityManager);
    return { orm: o, dispose: () => o.close(true) };
  })()
  : await openTestOrm();
try {
  const em = orm.em.fork() as EntityManager;
  let t = Date.now();
  if ((await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from employee'))[0]!.n === 0) {
    const report = await importDataset(em, generateDemoDataset({ employees }));
    if (report.errors.length) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
    console.log(`imported ${employees} employees in ${Date.now() - t} ms`);
  }
  await em.getConnection().execute('analyze');
  const o = { asOf: '2025-01-01', year: 2024, policy: recommendationPolicy(DEFAULT_POLICY) };
  for (const [name, rule] of Object.entries({ ownMatchesSql, hoursShortfallSql, unitGapSql, trainingSql, misplacementSql, successionSql, standardReviewSql })) {
    t = Date.now();
    const rows = await rule(em, o);
    console.log(`${name.padEnd(20)} ${String(rows.length).padStart(6)} rows ${String(Date.now() - t).padStart(6)} ms`);
  }
  for (const run of [1, 2]) {
    const ctx = createContext(orm.em as EntityManager, { statements: 0 }, { actor: 'bench' });
    t = Date.now();
    const r = await generateRecommendations(ctx, '2025-01-01', 2024);
    const v = r.value!;
    console.log(`generateRecommendations run ${run}: ${Date.now() - t} ms, created ${v.created}, updated ${v.updated}, resolved ${v.resolved}, unchanged ${v.unchanged}; `
      + v.byKind.map((k) => `${k.kind} ${k.count}`).join(', '));
  }
} finally {
  await dispose();
}
