import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { execute } from '../graphql/list';
import { raw } from '../graphql/sql';

/** Runs one read-only task on a connection that sees the caller's snapshot. */
export type LaneRunner = <R>(task: (em: EntityManager) => Promise<R>) => Promise<R>;

export interface SnapshotLaneOptions {
  /** Connections to spread the tasks over; 1 (or an embedded database) runs them one by one on `em`. */
  lanes: number;
  /** Transaction-local settings for each lane (work_mem, jit, …), run before its first task. */
  prepare?: (em: EntityManager) => Promise<void>;
}

/**
 * Independent read-only statements of one request (the recommendation rules,
 * each a whole-dataset aggregate) run side by side on extra connections, the
 * way pg_dump's parallel mode does: the request's transaction exports its
 * snapshot and every lane imports it (REPEATABLE READ, READ ONLY), so all
 * tasks see exactly the data the request sees, as if they ran on its own
 * connection, and a write committed meanwhile by someone else is invisible to
 * all of them alike. PostgreSQL runs one statement per backend on one core:
 * with lanes, a multi-core server works on several rules at once.
 *
 * Falls back to running the tasks one at a time on `em` itself when only one
 * lane is asked for, when `em` is not in a transaction (nothing to export), on
 * the embedded database (one connection only), after a rolled-back nested
 * transaction (see savepointsLeftOpen), or while another run of this process
 * holds the lanes.
 */
export async function withSnapshotLanes<T>(
  em: EntityManager,
  options: SnapshotLaneOptions,
  work: (run: LaneRunner) => Promise<T>,
): Promise<T> {
  const trx = em.getTransactionContext<object>();
  const sequential = options.lanes <= 1 || !trx || savepointsLeftOpen.has(trx) || em.getDriver() instanceof PGliteDriver;
  // Lanes are a process-wide allowance, not per request: a run that finds them taken works on its own
  // connection, so concurrent runs never hold their connections while waiting for lanes from the same pool.
  const granted = sequential ? 0 : options.lanes - lanesInUse;
  if (granted < 1) return work((task) => task(em));
  lanesInUse += granted;
  try {
    return await onLanes(em, granted, options, work);
  } finally {
    lanesInUse -= granted;
  }
}

let lanesInUse = 0;

/**
 * Transactions in which a nested transaction was rolled back. ROLLBACK TO
 * SAVEPOINT keeps the savepoint, so the rest of the request runs inside a
 * subtransaction, where PostgreSQL refuses pg_export_snapshot() (and the
 * failed call would abort the request's transaction): such a request runs its
 * tasks on its own connection.
 */
const savepointsLeftOpen = new WeakSet<object>();

/** Records that a nested transaction of `em`'s transaction was rolled back (see savepointsLeftOpen). */
export function noteSavepointRolledBack(em: EntityManager): void {
  const trx = em.getTransactionContext<object>();
  if (trx) savepointsLeftOpen.add(trx);
}

async function onLanes<T>(em: EntityManager, count: number, options: SnapshotLaneOptions, work: (run: LaneRunner) => Promise<T>): Promise<T> {

  const [{ snapshot }] = await execute<{ snapshot: string }>(em, raw('select pg_export_snapshot() as snapshot'));
  const setSnapshot = raw(`set transaction snapshot '${snapshot.replace(/[^0-9A-F-]/gi, '')}'`);
  const opens: Promise<EntityManager>[] = [];
  const running = new Set<Promise<unknown>>();
  const idle: Promise<EntityManager>[] = [];
  const waiting: ((lane: Promise<EntityManager>) => void)[] = [];

  const open = async (lane: EntityManager): Promise<EntityManager> => {
    await lane.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
    // Must be the transaction's first statement: it replaces the snapshot the first query would take.
    await execute(lane, setSnapshot);
    if (options.prepare) await options.prepare(lane);
    return lane;
  };
  const lanes = Array.from({ length: count }, () => em.fork({ clear: true }) as EntityManager);
  for (const lane of lanes) {
    const opening = open(lane);
    // Handled here so a lane no task ever takes cannot fail as an unhandled rejection; acquirers still see the error.
    opening.catch(() => undefined);
    opens.push(opening);
    idle.push(opening);
  }
  const acquire = (): Promise<EntityManager> => idle.shift() ?? new Promise<EntityManager>((resolve, reject) => {
    waiting.push((lane) => lane.then(resolve, reject));
  });
  // A lane that failed to open stays in circulation as its rejection, so every later task fails fast instead of waiting.
  const handOn = (slot: Promise<EntityManager>): void => {
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };

  try {
    return await work((task) => {
      const done = (async () => {
        const slot = acquire();
        const lane = await slot.catch((error: unknown) => {
          handOn(slot);
          throw error;
        });
        try {
          return await task(lane);
        } finally {
          handOn(Promise.resolve(lane));
        }
      })();
      running.add(done);
      return done;
    });
  } finally {
    // A failed task must not leave its siblings running on a lane that is being ended,
    // nor a lane still opening: wait for both, then end every lane (read-only: roll back).
    await Promise.allSettled([...running, ...opens]);
    await Promise.allSettled(lanes.map(async (lane) => {
      if (lane.isInTransaction()) await lane.rollback();
    }));
  }
}
