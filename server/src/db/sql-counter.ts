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

/**
 * Runs plumbing (authentication, request transaction, audit) without adding
 * to the request's statement count. It runs in the request's own async
 * context (leaving it would let pooled connections carry the wrong context
 * into later resolver queries) and takes its statements back off the count;
 * exact because plumbing never overlaps resolver work.
 */
export async function uncounted<T>(work: () => Promise<T>): Promise<T> {
  const counter = sqlScope.getStore();
  const before = counter?.statements ?? 0;
  try {
    return await work();
  } finally {
    if (counter) counter.statements = before;
  }
}
