import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureFirstAdmin, ensureScopedRoleGrants } from './access.service';

/**
 * Start-up step of the access module: grants for the row-scope role on
 * every table (including ones added since), and on a database without any
 * user, one ADMIN whose password is printed once — never a fixed default.
 */
export async function ensureAccessSetup(em: EntityManager, log: (message: string) => void): Promise<void> {
  await ensureScopedRoleGrants(em);
  const created = await ensureFirstAdmin(em);
  if (!created) return;
  if (created.generated) {
    log(`Created the first ADMIN ${created.email} with the one-time password: ${created.password}`);
    log('  Sign in and keep it safe; it is not stored anywhere and will not be shown again. (`pnpm sikap user create` adds more users.)');
  } else {
    log(`Created the first ADMIN ${created.email} with the password from SIKAP_ADMIN_PASSWORD.`);
  }
}
