/**
 * The raw-SQL lower bound: a `pg` pool and one hand-written statement per
 * operation (prepared, named), answering the JSON that Sikap would answer,
 * built by PostgreSQL itself. POST /op {"op": "O1", "values": [...]}.
 * Environment: DATABASE_URL, PORT, POOL_SIZE, RAW_SQL_FILE (JSON map op → SQL).
 */
import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const statements = JSON.parse(fs.readFileSync(process.env.RAW_SQL_FILE!, 'utf8')) as Record<string, string>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const stats = { statements: 0 };

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url === '/stats' ? stats : { ok: true }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let op = '';
    let values: unknown[] = [];
    try {
      ({ op, values } = JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const text = statements[op];
    if (!text) {
      res.writeHead(404).end();
      return;
    }
    stats.statements++;
    pool.query<{ data: string }>({ name: op, text, values }).then(
      (r) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"data":${r.rows[0]?.data ?? 'null'}}`);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 5060), '127.0.0.1', () => console.log('raw ready'));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
