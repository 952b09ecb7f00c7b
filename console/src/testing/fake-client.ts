import { Client, getOperationName, makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/vue';
import { delay, filter, fromValue, mergeMap, pipe } from 'wonka';
import { createCacheExchange } from '../graphql/cache';

/** What a handler answers: data, or an error to simulate a failed request. */
export type FakeAnswer =
  | { data: object }
  | { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[] }
  | { networkError: Error };

export type FakeHandler = (variables: Record<string, unknown>, operation: Operation) => FakeAnswer;

/**
 * A real urql Client whose last exchange answers from handlers by operation name instead of
 * the network, so tests exercise the same request building, caching and Vue bindings as the app.
 */
export function createFakeClient(handlers: Record<string, FakeHandler>, options: { cache?: boolean } = {}) {
  const operations: Operation[] = [];

  function answer(op: Operation): OperationResult {
    operations.push(op);
    const name = getOperationName(op.query) ?? '';
    const handler = handlers[name];
    if (!handler) return makeErrorResult(op, new Error(`no fake handler for ${name}`));
    const reply = handler((op.variables ?? {}) as Record<string, unknown>, op);
    if ('networkError' in reply) return makeErrorResult(op, reply.networkError);
    if ('graphQLErrors' in reply) return makeResult(op, { errors: reply.graphQLErrors });
    return makeResult(op, { data: reply.data });
  }

  const fakeFetch: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      // Answers arrive a tick later, as over the network; synchronous answers hide ordering bugs.
      mergeMap((op) => pipe(fromValue(answer(op)), delay(0))),
    );

  const client = new Client({
    url: 'http://sikap.test/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    exchanges: options.cache ? [createCacheExchange(), fakeFetch] : [fakeFetch],
  });

  return {
    client,
    operations,
    /** Variables of every request sent for one operation, oldest first. */
    calls: (name: string) => operations.filter((op) => getOperationName(op.query) === name).map((op) => op.variables as Record<string, unknown>),
  };
}

/** Waits until fake answers, cache re-executions and Vue updates have all run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
