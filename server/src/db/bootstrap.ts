import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './orm';
import { DEFAULT_POLICY, LEGACY_JPM_SCHEME } from '../domain/policy';
import { PolicyVersion } from '../modules/policy/policy-version.entity';
import { ensureAccessSetup } from '../modules/access/bootstrap-access';
import { ensureSavedQueryTemplates } from '../modules/saved-query/saved-query.templates';

export interface PrepareOptions {
  seedDemo: boolean;
  log: (message: string) => void;
}

/**
 * Makes a migrated database usable: the default policy version (active) and
 * the legacy JPM scheme (as a draft one click away) exist, and an empty
 * database gets the demo dataset unless SEED_DEMO=false.
 */
export async function prepareDatabase(orm: Orm, options: PrepareOptions): Promise<void> {
  const em = orm.em.fork() as EntityManager;
  await ensurePolicyVersions(em);
  await ensureAccessSetup(em, options.log);
  await ensureSavedQueryTemplates(em);
  if (options.seedDemo) {
    const { seedDemoIfEmpty } = await import('../modules/dataset/demo-seed');
    await seedDemoIfEmpty(em, options.log);
  }
}

export async function ensurePolicyVersions(em: EntityManager): Promise<void> {
  if ((await em.count(PolicyVersion, {})) > 0) return;
  await em.transactional(async (tx) => {
    tx.create(PolicyVersion, {
      version: 1, name: 'Default (Permenpan RB: 90/78, 20 JP)', parameters: { ...DEFAULT_POLICY }, status: 'ACTIVE',
      createdBy: 'system', activatedAt: new Date(), activatedBy: 'system',
    });
    tx.create(PolicyVersion, {
      version: 2, name: 'Legacy JPM scheme (80/68)', parameters: { ...DEFAULT_POLICY, ...LEGACY_JPM_SCHEME }, status: 'DRAFT', createdBy: 'system',
    });
  });
}
