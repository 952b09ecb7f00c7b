import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { PGlite } from '@electric-sql/pglite';
import { PGliteConnection, PGliteDriver } from 'mikro-orm-pglite';
import { entities } from './entities';
import { migrationsList } from './migrations';
import { sqlLogger } from './sql-counter';

export type Orm = MikroORM;

/**
 * knex-pglite sends a statement through PGlite's multi-statement `exec`
 * whenever its SQL (with values inlined by MikroORM) contains ";" — e.g. a
 * user searching for "a;b" — and then returns one result per statement, so
 * a single query came back as [[rows]] and MikroORM mapped the inner array
 * as an empty entity. One statement's result is unwrapped here, for every
 * query of the process.
 */
interface RawResultTransformer {
  transformRawResult(response: unknown, method: string): unknown;
}
const pgliteConnection = PGliteConnection.prototype as unknown as RawResultTransformer;
const transformRawResult = pgliteConnection.transformRawResult;
pgliteConnection.transformRawResult = function unwrapSingleStatement(this: RawResultTransformer, response: unknown, method: string): unknown {
  return transformRawResult.call(this, Array.isArray(response) && response.length === 1 ? response[0] : response, method);
};

const DATE_OID = 1082;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */ };

function baseOptions(): Options {
  return {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, tableName: 'mikro_orm_migrations' },
    // Explicit types in every decorator: tsx/esbuild emit no decorator metadata.
    discovery: { requireEntitiesArray: true },
    debug: ['query'],
    logger: sqlLogger,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
  };
}

export async function openOrm(target: DatabaseTarget): Promise<Orm> {
  if (target.kind === 'postgres') {
    return MikroORM.init({
      ...baseOptions(), driver: PostgreSqlDriver, clientUrl: target.url, pool: { min: 0, max: 10 },
      // JIT off for every connection: the graph's statements are short, and the planner's estimates
      // for their CTE chains and subtree filters often cross jit_above_cost, where PostgreSQL then
      // spends longer compiling than running (measured: a filtered employee page 2.0 s with JIT, 0.9 s without).
      driverOptions: { connection: { options: '-c jit=off' } },
    });
  }
  if (target.dataDir) fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  // Same value shapes as the pg driver under MikroORM: `date` stays a
  // 'YYYY-MM-DD' string instead of a JS Date at local midnight.
  const pglite = new PGlite({ dataDir: target.dataDir ?? undefined, parsers: { [DATE_OID]: (value: string) => value } });
  await pglite.waitReady;
  return MikroORM.init({
    ...baseOptions(),
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
  });
}

/** Applies committed migrations; never `schema:update` outside tests of the migrations themselves. */
export async function migrate(orm: Orm): Promise<void> {
  await orm.getMigrator().up();
}
