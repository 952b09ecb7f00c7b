import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './db/orm';
import { sqlScope, type SqlCounter } from './db/sql-counter';
import { createContext, type Context } from './graphql/context';
import { getSchema } from './graphql/schema';

export interface AppOptions {
  orm: Orm;
  production: boolean;
  /** Folder of the built console; served at / when it exists. */
  consoleDir?: string;
}

/**
 * Reports how many SQL statements a request needed, so tests and the
 * benchmark can hold the N+1 line. Off in production.
 */
function sqlCountPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: contextValue.sql.statements };
          }
        },
      };
    },
  };
}

export async function createApp(options: AppOptions): Promise<{ app: express.Express; apollo: ApolloServer<Context> }> {
  const schema = await getSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    plugins: [
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
