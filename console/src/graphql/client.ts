import { Client, fetchExchange, mapExchange, type Exchange } from '@urql/vue';
import { createCacheExchange } from './cache';

export interface ClientOptions {
  /** GraphQL endpoint; the server serves the console and the API from the same origin. */
  url?: string;
  /** Current console language, sent as Accept-Language so server-side texts can follow it. */
  locale?: () => string;
  /** Replaces the cache and fetch exchanges, for tests. */
  exchanges?: Exchange[];
  fetch?: typeof globalThis.fetch;
  /** Called when the server says the session is gone (UNAUTHENTICATED), e.g. to go to sign-in. */
  onUnauthenticated?: () => void;
}

export function createClient(options: ClientOptions = {}): Client {
  return new Client({
    url: options.url ?? '/graphql',
    // Apollo Server's CSRF prevention answers GET queries without a preflight header with 400.
    preferGetMethod: false,
    // Show what the cache has at once, then refresh it: other administrators change the same data.
    requestPolicy: 'cache-and-network',
    exchanges: options.exchanges ?? [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated?.();
        },
      }),
      createCacheExchange(),
      fetchExchange,
    ],
    fetch: options.fetch,
    // The session is an httpOnly cookie on the same origin.
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = {};
      if (options.locale) headers['accept-language'] = options.locale();
      return { headers, credentials: 'same-origin' };
    },
  });
}
