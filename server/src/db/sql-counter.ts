import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements per GraphQL request. MikroORM logs every query it
 * sends through this logger; the request's AsyncLocalStorage scope says which
 * counter to bump, so concurrent requests do not mix.
 */
export interface SqlCounter {
  statements: number;
}

export const sqlScope = new AsyncLocalStorage<SqlCounter>();

const verbose = process.env.SIKAP_LOG_SQL === '1';

export function sqlLogger(message: string): void {
  const counter = sqlScope.getStore();
  if (counter && !/^\[query\] (begin|commit|rollback|savepoint|release savepoint)/i.test(message)) counter.statements++;
  if (verbose) process.stderr.write(`${message}\n`);
}
