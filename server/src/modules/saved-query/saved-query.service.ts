import { Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { userError, UserErrorCode, UserErrorsException } from '../../graphql/errors';
import { InputCheck, runMutation, type MutationResult } from '../../graphql/mutation';
import { fromGlobalId } from '../../graphql/node';
import { raw, sql, type Sql } from '../../graphql/sql';
import { ARMOR_LIMITS, DEFAULT_MAX_QUERY_COST } from '../../graphql/security';
import { requestedCost } from '../access/cost';
import { registerPersistedOperation } from '../access/access.service';
import { AppUser } from '../access/app-user.entity';
import type { PersistedOperation } from '../access/persisted-operation.entity';
import type { Role, Viewer } from '../access/viewer';
import { SavedQuery, SavedQueryVersion, type QuerySharing } from './saved-query.entity';
import type { CostEstimate, SaveQueryInput } from './saved-query.types';

export const MAX_DOCUMENT_LENGTH = 100_000;
export const MAX_DESCRIPTION_LENGTH = 4000;

/** The schema is built from the resolvers, which import this file: load it lazily. */
async function apiSchema(): Promise<GraphQLSchema> {
  const { getSchema } = await import('../../graphql/schema');
  return getSchema();
}

/**
 * Who may open a saved query: ADMINs every one (they publish and moderate),
 * other users their own, templates, those shared with everyone and those
 * shared with their role. API keys none (the rules refuse them before this).
 */
export function canSee(viewer: Viewer, q: SavedQuery): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.role === 'ADMIN' || q.template || q.sharing === 'EVERYONE') return true;
  if (q.owner?.id === viewer.id) return true;
  return q.sharing === 'ROLE' && q.sharedRole === viewer.role;
}

/** Only the owner or an ADMIN changes a saved query; templates change only with the code. */
export function canEdit(viewer: Viewer, q: SavedQuery): boolean {
  if (viewer.kind !== 'user' || q.template) return false;
  return viewer.role === 'ADMIN' || q.owner?.id === viewer.id;
}

/** canSee as an SQL condition on the saved_query row `alias`. */
export function visibleCondition(viewer: Viewer, alias: string): Sql {
  const a = raw(alias);
  if (viewer.kind !== 'user') return raw('false');
  if (viewer.role === 'ADMIN') return raw('true');
  return sql`(${a}.template or ${a}.owner_id = ${viewer.id} or ${a}.sharing = 'EVERYONE' or (${a}.sharing = 'ROLE' and ${a}.shared_role = ${viewer.role}))`;
}

export interface DocumentCheck {
  errors: string[];
  document: DocumentNode | null;
  operations: OperationDefinitionNode[];
}

/** Parses (with the request pipeline's token limit) and validates a document against the schema. */
export function checkDocument(schema: GraphQLSchema, text: string): DocumentCheck {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: ARMOR_LIMITS.maxTokens });
  } catch (error) {
    return { errors: [(error as Error).message], document: null, operations: [] };
  }
  const errors = validate(schema, document).map((e) => e.message);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return { errors, document: errors.length === 0 ? document : null, operations };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The cost the request pipeline would charge for the document (same
 * function, same variables), and the caller's budget as it stands, without
 * running the document or taking any points.
 */
export async function estimateCost(ctx: Context, text: string, variables: unknown, operationName: string | null): Promise<CostEstimate> {
  const schema = await apiSchema();
  const limits = ctx.limits;
  const base = {
    maximum: limits?.maxCost ?? DEFAULT_MAX_QUERY_COST,
    budget: limits?.budget ?? null,
    remaining: limits ? limits.remaining() : null,
  };
  const invalid = (errors: string[]): CostEstimate => ({ ...base, valid: false, errors, requested: null });
  if (text.length > MAX_DOCUMENT_LENGTH) return invalid([`The document has ${text.length} characters; at most ${MAX_DOCUMENT_LENGTH} are accepted.`]);
  if (variables !== null && variables !== undefined && !isJsonObject(variables)) return invalid(['variables must be a JSON object.']);
  const check = checkDocument(schema, text);
  if (!check.document) return invalid(check.errors);
  try {
    const requested = requestedCost(schema, check.document, (variables ?? undefined) as Record<string, unknown> | undefined, operationName ?? undefined);
    return { ...base, valid: true, errors: [], requested };
  } catch (error) {
    return invalid([(error as Error).message]);
  }
}

export interface Content {
  name: string;
  description: string | null;
  document: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

/** Checks the input of saveQuery; every problem is reported at once. */
async function checkInput(input: SaveQueryInput, check: InputCheck): Promise<Content | null> {
  check.required('input.name', input.name, 'name');
  check.text('input.name', input.name, 255);
  const description = input.description?.trim() ? input.description.trim() : null;
  if (description !== null && description.length > MAX_DESCRIPTION_LENGTH) {
    check.add('input.description', UserErrorCode.OUT_OF_RANGE, `description must be at most ${MAX_DESCRIPTION_LENGTH} characters, got ${description.length}.`);
  }
  const operationName = input.operationName?.trim() ? input.operationName.trim() : null;
  check.text('input.operationName', operationName, 255);
  if (input.variables !== null && input.variables !== undefined && !isJsonObject(input.variables)) {
    check.add('input.variables', UserErrorCode.INVALID, 'variables must be a JSON object, e.g. { "unit": "DISDIK" }.');
  }
  if (input.sharing === 'ROLE' && !input.sharedRole) check.add('input.sharedRole', UserErrorCode.REQUIRED, 'sharedRole is required when sharing is ROLE.');
  if (check.required('input.document', input.document, 'document')) {
    if (input.document.length > MAX_DOCUMENT_LENGTH) {
      check.add('input.document', UserErrorCode.OUT_OF_RANGE, `document must be at most ${MAX_DOCUMENT_LENGTH} characters, got ${input.document.length}.`);
    } else {
      const { errors, operations } = checkDocument(await apiSchema(), input.document);
      for (const message of errors) check.errors.push(userError('input.document', UserErrorCode.INVALID, message));
      if (errors.length === 0) {
        const writes = operations.filter((o) => o.operation !== 'query');
        if (writes.length > 0) check.add('input.document', UserErrorCode.INVALID, `Only queries can be saved; the document contains a ${writes[0]!.operation}.`);
        else if (operationName !== null && !operations.some((o) => o.name?.value === operationName)) {
          check.add('input.operationName', UserErrorCode.NOT_FOUND, `The document has no operation named ${JSON.stringify(operationName)}.`);
        } else if (operationName === null && operations.length > 1) {
          check.add('input.operationName', UserErrorCode.REQUIRED, 'The document has several operations: name the one to run in operationName.');
        }
      }
    }
  }
  if (check.errors.length > 0) return null;
  return {
    name: input.name.trim(), description, document: input.document,
    variables: isJsonObject(input.variables) ? input.variables : null, operationName,
  };
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain stringify would see changes that are not there. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => (isJsonObject(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

export function sameContent(q: SavedQuery, c: Content): boolean {
  return q.name === c.name && (q.description ?? null) === c.description && q.document === c.document
    && (q.operationName ?? null) === c.operationName && canonicalJson(q.variables) === canonicalJson(c.variables);
}

function addVersion(em: EntityManager, q: SavedQuery, editedBy: AppUser | null): void {
  em.create(SavedQueryVersion, {
    savedQuery: q, version: q.version, name: q.name, description: q.description ?? null, document: q.document,
    variables: q.variables ?? null, operationName: q.operationName ?? null, editedBy,
  });
}

/**
 * Loads a saved query for a change by the viewer: NOT_FOUND when it does not
 * exist or the viewer may not see it (so ids of private queries reveal
 * nothing), FORBIDDEN for templates and for queries of other people.
 */
async function editable(em: EntityManager, viewer: Viewer, globalId: string, field: string, what: string): Promise<SavedQuery> {
  const decoded = fromGlobalId(globalId);
  const found = decoded?.typeName === 'SavedQuery' ? await em.findOne(SavedQuery, { id: decoded.id }) : null;
  if (!found || !canSee(viewer, found)) throw new UserErrorsException([userError(field, UserErrorCode.NOT_FOUND, `No saved query ${JSON.stringify(globalId)}.`)]);
  if (found.template) throw new UserErrorsException([userError(field, UserErrorCode.FORBIDDEN, `Built-in templates cannot be ${what}; save a copy (saveQuery without id) and change that.`)]);
  if (!canEdit(viewer, found)) throw new UserErrorsException([userError(field, UserErrorCode.FORBIDDEN, `Only its owner or an ADMIN may ${what === 'changed' ? 'change' : 'delete'} this saved query.`)]);
  return found;
}

function requireUser(viewer: Viewer): void {
  if (viewer.kind !== 'user') throw new UserErrorsException([userError(null, UserErrorCode.FORBIDDEN, 'Saved queries belong to signed-in users.')]);
}

/** Creates or updates a saved query; a change of its content adds a version. */
export async function saveQuery(ctx: Context, input: SaveQueryInput): Promise<MutationResult<SavedQuery>> {
  return runMutation(ctx, async (em) => {
    requireUser(ctx.viewer);
    const check = new InputCheck();
    const content = await checkInput(input, check);
    const existing = input.id ? await editable(em, ctx.viewer, input.id, 'input.id', 'changed') : null;
    check.throwIfAny();
    const editor = em.getReference(AppUser, ctx.viewer.id);
    const sharing: QuerySharing = input.sharing ?? existing?.sharing ?? 'PRIVATE';
    const sharedRole: Role | null = sharing === 'ROLE' ? (input.sharedRole ?? existing?.sharedRole ?? null) : null;
    if (!existing) {
      const q = em.create(SavedQuery, { ...content!, sharing, sharedRole, owner: editor, template: false, version: 1 });
      addVersion(em, q, editor);
      await em.flush();
      return q;
    }
    const changed = !sameContent(existing, content!);
    if (changed) {
      Object.assign(existing, content!, { version: existing.version + 1 });
      addVersion(em, existing, editor);
    }
    if (changed || existing.sharing !== sharing || (existing.sharedRole ?? null) !== sharedRole) {
      Object.assign(existing, { sharing, sharedRole, updatedAt: new Date() });
    }
    await em.flush();
    return existing;
  });
}

export async function deleteSavedQuery(ctx: Context, id: string): Promise<MutationResult<string>> {
  return runMutation(ctx, async (em) => {
    requireUser(ctx.viewer);
    const q = await editable(em, ctx.viewer, id, 'id', 'deleted');
    const deletedId = q.nodeId;
    // The persisted operation stays registered: partners may call it still; only an admin retires it.
    em.remove(q);
    await em.flush();
    return deletedId;
  });
}

/**
 * Registers the saved query's current document as a persisted operation
 * (the allow-list of persisted-only keys) and links it. Publishing the same
 * text again links the same operation.
 */
export async function publishSavedQuery(ctx: Context, id: string): Promise<MutationResult<{ savedQuery: SavedQuery; operation: PersistedOperation }>> {
  return runMutation(ctx, async (em) => {
    requireUser(ctx.viewer);
    const decoded = fromGlobalId(id);
    const q = decoded?.typeName === 'SavedQuery' ? await em.findOne(SavedQuery, { id: decoded.id }) : null;
    if (!q || !canSee(ctx.viewer, q)) throw new UserErrorsException([userError('id', UserErrorCode.NOT_FOUND, `No saved query ${JSON.stringify(id)}.`)]);
    const { operation, problems } = await registerPersistedOperation(em, await apiSchema(), q.name, q.document, ctx.viewer.label);
    if (!operation) throw new UserErrorsException(problems.map((m) => userError('id', UserErrorCode.INVALID, `The saved document no longer validates: ${m}`)));
    Object.assign(q, { publishedOperation: operation, publishedVersion: q.version, updatedAt: new Date() });
    await em.flush();
    return { savedQuery: q, operation };
  });
}
