import type { Command } from 'commander';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm';
import { AccessInputError, createApiKey, createUser } from './access.service';
import { ApiKey } from './api-key.entity';
import { KEY_SCOPES } from './viewer';

type WithOrm = <T>(work: (orm: Orm) => Promise<T>) => Promise<T>;

function fail(error: unknown): void {
  if (error instanceof AccessInputError) {
    console.error(`--${error.field}: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  throw error;
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);
  if (Number.isNaN(d.getTime())) throw new AccessInputError('expires', `not a date: ${JSON.stringify(value)} (use YYYY-MM-DD).`);
  return d;
}

/** `sikap user …` and `sikap api-key …`: bootstrapping and operating access without the API. */
export function registerAccessCommands(program: Command, withOrm: WithOrm): void {
  const user = program.command('user').description('Manage users.');
  user.command('create')
    .requiredOption('--email <email>', 'e-mail, used to sign in')
    .requiredOption('--role <role>', 'ADMIN, UNIT_ADMIN, ANALYST or VIEWER')
    .option('--unit <code>', 'unit code limiting the user to that subtree (required for UNIT_ADMIN)')
    .option('--password <password>', 'password (at least 12 characters); generated and printed when omitted')
    .description('Create a user; prints the generated password once.')
    .action(async (opts: { email: string; role: string; unit?: string; password?: string }) => {
      await withOrm(async (orm) => {
        try {
          const { user: created, password } = await createUser(orm.em.fork() as EntityManager, { email: opts.email, role: opts.role, unitCode: opts.unit, password: opts.password });
          console.log(`created ${created.role} ${created.email}${opts.unit ? ` limited to ${opts.unit}` : ''}`);
          if (!opts.password) console.log(`password (shown once): ${password}`);
        } catch (error) {
          fail(error);
        }
      });
    });

  const key = program.command('api-key').description('Manage partner API keys.');
  key.command('create')
    .requiredOption('--name <name>', 'name of the partner or purpose')
    .requiredOption('--scopes <list>', `comma list of ${KEY_SCOPES.join(', ')}`)
    .option('--unit <code>', 'unit code limiting the key to that subtree')
    .option('--expires <date>', 'expiry date (YYYY-MM-DD)')
    .option('--budget <points>', 'rate budget in cost points (default 10000)')
    .option('--persisted-only', 'allow only registered operations')
    .description('Create an API key; prints the key once (only its hash is stored).')
    .action(async (opts: { name: string; scopes: string; unit?: string; expires?: string; budget?: string; persistedOnly?: boolean }) => {
      await withOrm(async (orm) => {
        try {
          const budget = opts.budget === undefined ? null : Number(opts.budget);
          const { apiKey, key: secret } = await createApiKey(orm.em.fork() as EntityManager, {
            name: opts.name, scopes: opts.scopes.split(','), unitCode: opts.unit, expiresAt: parseDate(opts.expires), budget, persistedOnly: opts.persistedOnly ?? false, createdBy: 'cli',
          });
          console.log(`created key "${apiKey.name}" (${apiKey.prefix}…) scopes ${apiKey.scopes.join(',')}${opts.unit ? ` limited to ${opts.unit}` : ''}, budget ${apiKey.budget}`);
          console.log(`key (shown once): ${secret}`);
        } catch (error) {
          fail(error);
        }
      });
    });
  key.command('revoke')
    .argument('<prefix>', 'the key\'s prefix (sik_xxxxxxxx) as listed')
    .description('Revoke a key at once.')
    .action(async (prefix: string) => {
      await withOrm(async (orm) => {
        const em = orm.em.fork() as EntityManager;
        const n = await em.nativeUpdate(ApiKey, { prefix, revokedAt: null }, { revokedAt: new Date() });
        console.log(n > 0 ? `revoked ${prefix}` : `no active key ${prefix}`);
        if (n === 0) process.exitCode = 1;
      });
    });
  key.command('list')
    .description('List keys (never their secrets).')
    .action(async () => {
      await withOrm(async (orm) => {
        const keys = await (orm.em.fork() as EntityManager).find(ApiKey, {}, { orderBy: { id: 'asc' }, populate: ['unit'] });
        for (const k of keys) {
          console.log(`${k.prefix}  ${k.name}  [${k.scopes.join(',')}]  unit=${k.unit?.code ?? '*'}  budget=${k.budget}  ${k.revokedAt ? 'REVOKED' : 'active'}  last used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
        }
      });
    });
}
