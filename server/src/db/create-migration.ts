/**
 * Developer tool: diff the entities against a scratch PostgreSQL database
 * with all committed migrations applied, and write the next migration.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm tsx src/db/create-migration.ts [name]
 */
import path from 'node:path';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `sikap_migration_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${scratch}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const orm = await MikroORM.init({
    entities, driver: PostgreSqlDriver, clientUrl: url.toString(), extensions: [Migrator],
    discovery: { requireEntitiesArray: true },
    migrations: { migrationsList, path: path.resolve(import.meta.dirname, 'migrations'), emit: 'ts', snapshot: false },
  });
  await orm.getMigrator().up();
  const result = await orm.getMigrator().createMigration(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  await orm.close();
} finally {
  await admin.query(`drop database ${scratch}`);
  await admin.end();
}
