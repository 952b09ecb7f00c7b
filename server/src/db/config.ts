import path from 'node:path';

/**
 * One place that reads the environment, shared by the server, the CLI, the
 * benchmark and the tests, so `pnpm sikap import` and `pnpm start` always
 * talk to the same database.
 */
export interface AppConfig {
  /** A PostgreSQL URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  port: number;
  seedDemo: boolean;
  production: boolean;
  /**
   * Connections the whole-dataset rules of one generateRecommendations (or
   * simulatePolicy) run spread over, each on the request's snapshot; about the
   * database server's free cores. 1 runs them one after another.
   */
  analyticsLanes: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const analyticsLanes = Number(env.SIKAP_ANALYTICS_LANES ?? 2);
  if (!Number.isInteger(analyticsLanes) || analyticsLanes < 1 || analyticsLanes > 16) {
    throw new Error(`SIKAP_ANALYTICS_LANES must be a whole number from 1 to 16, got ${env.SIKAP_ANALYTICS_LANES}`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? '.data'),
    port,
    seedDemo: !/^(false|0|no)$/i.test(env.SEED_DEMO ?? 'true'),
    production: env.NODE_ENV === 'production',
    analyticsLanes,
  };
}
