// PostGraphile 4 over the Sikap database, as `pnpm bench` measures it:
// simplify inflector, connection-filter plugin, the tables of `public` plus
// the SQL functions the harness creates in `bench_api`. Production settings:
// no GraphiQL, no query log, no extended errors.
//
// Environment: DATABASE_URL, PORT, POOL_SIZE (default 10), SCHEMAS
// (default "public,bench_api"). GET /stats answers the number of SQL
// statements sent so far (transaction control excluded), so the harness can
// count statements per request without pg_stat_statements.
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const port = Number(process.env.PORT ?? 5050);
const poolSize = Number(process.env.POOL_SIZE ?? 10);
const schemas = (process.env.SCHEMAS ?? 'public,bench_api').split(',');

const stats = { statements: 0 };
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set |select set_config|reset)/i;
const pool = new pg.Pool({ connectionString: url, max: poolSize });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text ?? '';
    if (!CONTROL.test(text)) stats.statements++;
    return query(...args);
  };
});

const middleware = postgraphile(pool, schemas, {
  appendPlugins: [PgSimplifyInflectorPlugin, ConnectionFilterPlugin],
  graphileBuildOptions: { connectionFilterSetofFunctions: true, connectionFilterRelations: false },
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  disableQueryLog: true,
  graphiql: false,
  enhanceGraphiql: false,
  extendedErrors: [],
  showErrorStack: false,
  watchPg: false,
  retryOnInitFail: false,
  ignoreRBAC: false,
  enableQueryBatching: false,
});

const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
    return;
  }
  middleware(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
