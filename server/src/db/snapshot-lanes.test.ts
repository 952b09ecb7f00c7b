import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../graphql/list';
import { raw, sql } from '../graphql/sql';
import { openTestOrm } from '../testing/harness';
import type { Orm } from './orm';
import { withSnapshotLanes } from './snapshot-lanes';

const onPostgres = Boolean(process.env.DATABASE_URL);
let orm: Orm;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ orm, dispose } = await openTestOrm());
  await execute(orm.em.fork() as EntityManager, raw(`create table lane_probe (n int primary key)`));
}, 120_000);
afterAll(async () => dispose?.());

const pid = async (em: EntityManager): Promise<number> => Number((await execute<{ pid: number }>(em, raw('select pg_backend_pid() as pid')))[0]!.pid);
const probeCount = async (em: EntityManager): Promise<number> => Number((await execute<{ n: number }>(em, raw('select count(*)::int as n from lane_probe')))[0]!.n);

/** Open transactions of this database besides the test's own (`own`): a lane left open would show here. */
async function openTransactions(own: EntityManager): Promise<number> {
  const em = orm.em.fork() as EntityManager;
  const [row] = await execute<{ n: number }>(em, sql`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid not in (pg_backend_pid(), ${await pid(own)}::int) and state like 'idle in transaction%'`);
  return Number(row!.n);
}

describe('withSnapshotLanes', () => {
  it.runIf(onPostgres)('runs tasks on other connections that see the request\'s snapshot, not later commits', async () => {
    const em = orm.em.fork() as EntityManager;
    await em.begin();
    try {
      await execute(em, sql`insert into lane_probe values (1)`);
      const own = await pid(em);
      // The request's own uncommitted row is not part of what a lane sees; committed rows are.
      const other = orm.em.fork() as EntityManager;
      await execute(other, sql`insert into lane_probe values (2)`);
      const result = await withSnapshotLanes(em, { lanes: 2 }, async (run) => {
        // Committed after the snapshot was exported: no lane may see it.
        await execute(orm.em.fork() as EntityManager, sql`insert into lane_probe values (3)`);
        return Promise.all([1, 2, 3, 4].map(() => run(async (lane) => ({ pid: await pid(lane), count: await probeCount(lane) }))));
      });
      expect(result.map((r) => r.count)).toEqual([1, 1, 1, 1]);
      const pids = new Set(result.map((r) => r.pid));
      expect(pids.size).toBe(2);
      expect(pids.has(own)).toBe(false);
      expect(await openTransactions(em)).toBe(0);
    } finally {
      await em.rollback();
      await execute(orm.em.fork() as EntityManager, sql`delete from lane_probe`);
    }
  });

  it.runIf(onPostgres)('applies the lane settings and refuses writes', async () => {
    const em = orm.em.fork() as EntityManager;
    await em.begin();
    try {
      const prepare = async (lane: EntityManager): Promise<void> => {
        await execute(lane, sql`select set_config('work_mem', '48MB', true)`);
      };
      const [mem, write] = await withSnapshotLanes(em, { lanes: 2, prepare }, (run) => Promise.all([
        run(async (lane) => (await execute<{ w: string }>(lane, raw(`select current_setting('work_mem') as w`)))[0]!.w),
        run(async (lane) => execute(lane, sql`insert into lane_probe values (9)`).then(() => 'written', (e: Error) => e.message)),
      ]));
      expect(mem).toBe('48MB');
      expect(write).toMatch(/read-only transaction/);
    } finally {
      await em.rollback();
    }
  });

  it.runIf(onPostgres)('ends every lane when a task fails, after its siblings finish', async () => {
    const em = orm.em.fork() as EntityManager;
    await em.begin();
    let siblingFinished = false;
    try {
      await expect(withSnapshotLanes(em, { lanes: 3 }, (run) => Promise.all([
        run((lane) => execute(lane, raw('select no_such_column from lane_probe'))),
        run(async (lane) => {
          await execute(lane, raw('select pg_sleep(0.2)'));
          siblingFinished = true;
        }),
      ]))).rejects.toThrow(/no_such_column/);
      expect(siblingFinished).toBe(true);
      expect(await openTransactions(em)).toBe(0);
    } finally {
      await em.rollback();
    }
  });

  it.runIf(onPostgres)('lets one run at a time use the lanes: a concurrent run works on its own connection', async () => {
    const a = orm.em.fork() as EntityManager;
    const b = orm.em.fork() as EntityManager;
    await a.begin();
    await b.begin();
    try {
      const ownB = await pid(b);
      const [pidsA, pidsB] = await withSnapshotLanes(a, { lanes: 2 }, async (runA) => {
        const inB = await withSnapshotLanes(b, { lanes: 2 }, (runB) => Promise.all([runB(pid), runB(pid)]));
        return [await Promise.all([runA(pid), runA(pid)]), inB];
      });
      expect(pidsB).toEqual([ownB, ownB]);
      expect(pidsA).not.toContain(await pid(a));
      // Released afterwards: the next run gets lanes again.
      const again = await withSnapshotLanes(b, { lanes: 2 }, (run) => Promise.all([run(pid), run(pid)]));
      expect(again).not.toContain(ownB);
    } finally {
      await a.rollback();
      await b.rollback();
    }
  });

  it('runs the tasks one by one on the caller\'s own connection with one lane, outside a transaction or on PGlite', async () => {
    const em = orm.em.fork() as EntityManager;
    const own = await pid(em);
    const outside = await withSnapshotLanes(em, { lanes: 4 }, (run) => Promise.all([run(pid), run(pid)]));
    await em.begin();
    try {
      const inside = await withSnapshotLanes(em, { lanes: 1 }, (run) => Promise.all([run((lane) => Promise.resolve(lane === em))]));
      expect(inside).toEqual([true]);
      if (!onPostgres) {
        const embedded = await withSnapshotLanes(em, { lanes: 4 }, (run) => Promise.all([run((lane) => Promise.resolve(lane === em))]));
        expect(embedded).toEqual([true]);
      }
    } finally {
      await em.rollback();
    }
    // Outside a transaction every statement may take any pooled connection; they are the caller's own em all the same.
    expect(outside).toHaveLength(2);
    if (!onPostgres) expect(outside).toEqual([own, own]);
  });
});
