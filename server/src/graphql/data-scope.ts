import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { execute } from './list';
import { raw, sql } from './sql';

/**
 * Row scope, applied by the database: row-level security policies on every
 * table that carries unit membership (migration ..._access) read the
 * transaction-local setting `sikap.unit_scope`, a comma list of unit ids.
 * A scoped request runs inside one transaction that sets it first, so list
 * queries, `node(id:)`, DataLoaders, aggregates and matching SQL are all
 * filtered without any of them knowing. Unset = unrestricted.
 *
 * The same transaction carries `sikap.audit_id` for mutations, which the
 * audit trigger stamps on every row change.
 */
export interface RequestScope {
  /** Unit ids the request may see; null = all. */
  unitIds: readonly number[] | null;
  /** Audit entry the row changes of this request belong to. */
  auditId: number | null;
}

interface RoleSupport {
  /** The connecting user bypasses RLS (superuser/BYPASSRLS): switch role for scoped work. */
  mustSwitch: boolean;
  canSwitch: boolean;
}

const roleSupport = new WeakMap<object, Promise<RoleSupport>>();

async function detectRoleSupport(em: EntityManager): Promise<RoleSupport> {
  const [row] = await execute<{ bypass: boolean; can_switch: boolean }>(em, raw(`select
      (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) as bypass,
      exists (select 1 from pg_roles where rolname = 'sikap_scoped')
        and pg_has_role(current_user, (select oid from pg_roles where rolname = 'sikap_scoped'), 'member') as can_switch`));
  return { mustSwitch: Boolean(row?.bypass), canSwitch: Boolean(row?.can_switch) };
}

/** Starts the request transaction on `em` (the request's fork) and applies the scope. */
export async function beginScopedTransaction(em: EntityManager, scope: RequestScope): Promise<void> {
  const driver = em.getDriver();
  let support = roleSupport.get(driver);
  if (!support) {
    support = detectRoleSupport(em);
    roleSupport.set(driver, support);
  }
  const { mustSwitch, canSwitch } = await support;
  if (scope.unitIds && mustSwitch && !canSwitch) {
    // Fail closed: without the role the policies would not apply.
    throw new GraphQLError('Row scope cannot be enforced: the database role sikap_scoped is missing. Run the migrations as a user that may create roles.', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  await em.begin();
  // An empty subtree must not read as "unrestricted": 0 is never a unit id.
  const units = scope.unitIds ? (scope.unitIds.length > 0 ? scope.unitIds.join(',') : '0') : '';
  // One round trip: the scope, the audit id and, when needed, the role switch
  // (set_config('role', …, true) is SET LOCAL ROLE).
  const role = scope.unitIds && mustSwitch ? raw(`, set_config('role', 'sikap_scoped', true)`) : raw('');
  await execute(em, sql`select set_config('sikap.unit_scope', ${units}, true), set_config('sikap.audit_id', ${scope.auditId === null ? '' : String(scope.auditId)}, true)${role}`);
}

export async function setAuditId(em: EntityManager, auditId: number): Promise<void> {
  await execute(em, sql`select set_config('sikap.audit_id', ${String(auditId)}, true)`);
}

/** Ends the request transaction: commit when the request went through, roll back after a server error. */
export async function endScopedTransaction(em: EntityManager, commit: boolean): Promise<void> {
  if (!em.isInTransaction()) return;
  if (commit) {
    try {
      await em.commit();
      return;
    } catch (error) {
      if (em.isInTransaction()) await em.rollback();
      throw error;
    }
  }
  await em.rollback();
}

/** A write refused by a row-level security policy (a UNIT_ADMIN writing outside its subtree). */
export function isRowScopeViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return !!e && (e.code === '42501' || /row-level security policy/i.test(String(e.message ?? '')));
}
