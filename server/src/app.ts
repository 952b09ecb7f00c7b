import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './db/orm';
import { sqlScope, uncounted, type SqlCounter } from './db/sql-counter';
import { createContext, type Context } from './graphql/context';
import { getSchema } from './graphql/schema';
import { httpBridge, requestAuth, securityOptions } from './graphql/security';

export interface AppOptions {
  orm: Orm;
  production: boolean;
  /** Folder of the built console; served at / when it exists. */
  consoleDir?: string;
  /** Largest cost of one request; SIKAP_MAX_QUERY_COST or 50000 when omitted. */
  maxQueryCost?: number;
}

/**
 * Reports how many SQL statements a request needed, so tests and the
 * benchmark can hold the N+1 line, with the server time of the request
 * (`timingMs`). Off in production unless SIKAP_EXPOSE_SQL_COUNT=1.
 */
function sqlCountPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single') {
            // timingMs: server time from request start to response, for the benchmark's medians.
            const timingMs = Math.round((performance.now() - started) * 1000) / 1000;
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: contextValue.sql.statements, timingMs };
          }
        },
      };
    },
  };
}

/**
 * Responses are never cacheable (they depend on who asks and carry personal
 * data): `Cache-Control: no-store` on every response, which is all Apollo's
 * default cache-control plugin produced here, since no field declares a cache
 * hint. That plugin is off because it hooks into the resolution of every
 * field, a per-field cost on large nested answers.
 */
function noStorePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

export async function createApp(options: AppOptions): Promise<{ app: express.Express; apollo: ApolloServer<Context> }> {
  const schema = await getSchema();
  // Access control, cost/rate limits, armor and persisted operations; CSRF
  // prevention stays Apollo's default (on). Introspection is gated per viewer.
  const security = securityOptions(schema, options.orm, options.production, options.maxQueryCost);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    validationRules: security.validationRules,
    parseOptions: security.parseOptions,
    formatError: security.formatError,
    persistedQueries: security.persistedQueries,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      ...security.plugins,
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.production && process.env.SIKAP_EXPOSE_SQL_COUNT !== '1' ? [] : [sqlCountPlugin()]),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json({ limit: '50mb' }),
    (_req, res, next) => {
      const counter: SqlCounter = { statements: 0 };
      res.locals.sql = counter;
      sqlScope.run(counter, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(options.orm.em as EntityManager, res.locals.sql as SqlCounter, {
        lang: /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'id',
        ...(await uncounted(() => requestAuth(options.orm, req))),
        clientAddress: req.ip,
        http: httpBridge(res, options.production),
      }),
    }),
  );

  const consoleDir = options.consoleDir;
  if (consoleDir && fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET that wants HTML gets the console shell.
    app.get(/^\/(?!graphql).*/, (_req, res) => {
      res.sendFile(path.join(consoleDir, 'index.html'));
    });
  }
  return { app, apollo };
}
