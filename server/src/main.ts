import 'reflect-metadata';
import path from 'node:path';
import type { Server } from 'node:http';
import { readConfig } from './db/config';
import { migrate, openOrm } from './db/orm';
import { createApp } from './app';
import { prepareDatabase } from './db/bootstrap';

const started = Date.now();
const config = readConfig();
const orm = await openOrm(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
await migrate(orm);
await prepareDatabase(orm, { seedDemo: config.seedDemo, log: (m) => console.log(m) });
const { app, apollo } = await createApp({
  orm,
  production: config.production,
  // SIKAP_CONSOLE_DIR: a console built elsewhere (the page-speed check builds its own, so a concurrent build cannot swap the files under it).
  consoleDir: process.env.SIKAP_CONSOLE_DIR ?? path.resolve(import.meta.dirname, '../../console/dist'),
});
const server: Server = app.listen(config.port, () => {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`Sikap ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${where}`);
  console.log(`  console  http://localhost:${config.port}/`);
  console.log(`  GraphQL  http://localhost:${config.port}/graphql`);
});

async function shutdown(): Promise<void> {
  server.close();
  await apollo.stop();
  await orm.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
