import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, visit, type DocumentNode } from 'graphql';
import { execute } from '../../graphql/list';
import { sql, type Sql } from '../../graphql/sql';
import type { Viewer } from './viewer';

/** Variables bigger than this (an imported dataset) are summarised, not stored. */
export const MAX_AUDITED_VARIABLES_BYTES = 64 * 1024;

const SECRET_KEY = /(password|secret|token|apikey|^key$)/i;

/** Variables passed to an argument or input field named like a secret (`login(password: $p)`). */
export function secretVariables(document: DocumentNode | undefined): Set<string> {
  const names = new Set<string>();
  if (!document) return names;
  const note = (name: string, value: { kind: string; name?: { value: string } }) => {
    if (SECRET_KEY.test(name) && value.kind === Kind.VARIABLE && value.name) names.add(value.name.value);
  };
  visit(document, {
    Argument(node) {
      note(node.name.value, node.value);
    },
    ObjectField(node) {
      note(node.name.value, node.value);
    },
  });
  return names;
}

/** Secrets never reach the audit log; huge documents are reduced to their shape. */
export function redactVariables(variables: Record<string, unknown> | undefined, secret: ReadonlySet<string> = new Set()): unknown {
  if (!variables) return null;
  variables = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, secret.has(k) ? '[redacted]' : v]));
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v)]));
    }
    return value;
  };
  const redacted = redact(variables);
  const size = Buffer.byteLength(JSON.stringify(redacted) ?? '', 'utf8');
  if (size <= MAX_AUDITED_VARIABLES_BYTES) return redacted;
  return { omitted: `${size} bytes`, keys: Object.keys(variables) };
}

/** Global ids in the result: what was created, changed or deleted. */
export function resultIds(data: unknown): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'id' || k === 'deletedId') && typeof v === 'string') out.add(v);
        else walk(v);
      }
    }
  };
  walk(data);
  return [...out].slice(0, 1000);
}

/** A text[] from a JSON parameter: drivers differ in how they bind JS arrays, JSON text binds the same everywhere. */
function textArray(values: readonly string[]): Sql {
  return sql`(select coalesce(array_agg(x), '{}'::text[]) from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) x)`;
}

export interface AuditStart {
  viewer: Viewer;
  document?: DocumentNode;
  operationName: string | null;
  mutations: string[];
  variables: Record<string, unknown> | undefined;
}

/** Opens the audit entry of a mutation request (inside its transaction, so row changes can point at it). */
export async function startAuditEntry(em: EntityManager, start: AuditStart): Promise<number> {
  const [row] = await execute<{ id: number }>(em, sql`insert into audit_entry (actor_kind, actor_id, actor_label, operation_name, mutations, variables, result_ids, ok)
    values (${start.viewer.kind}, ${start.viewer.id || null}, ${start.viewer.label}, ${start.operationName}, ${textArray(start.mutations)},
      ${JSON.stringify(redactVariables(start.variables, secretVariables(start.document)))}::jsonb, '{}'::text[], false) returning id`);
  return Number(row!.id);
}

export async function finishAuditEntry(em: EntityManager, id: number, data: unknown, ok: boolean): Promise<void> {
  await execute(em, sql`update audit_entry set result_ids = ${textArray(resultIds(data))}, ok = ${ok} where id = ${id}`);
}

/** True when any mutation payload in the result reports user errors (nothing written by it). */
export function hasUserErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  return Object.values(data).some((payload) => {
    if (!payload || typeof payload !== 'object') return false;
    const ue = (payload as { userErrors?: unknown; errors?: unknown }).userErrors ?? (payload as { errors?: unknown }).errors;
    return Array.isArray(ue) && ue.length > 0;
  });
}
