import { Field, ID, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context';
import { constraintToUserErrors, UserError, userError, UserErrorCode, UserErrorsException } from './errors';
import { fromGlobalId } from './node';
import { isRowScopeViolation } from './data-scope';
import { noteSavepointRolledBack } from '../db/snapshot-lanes';

@ObjectType('DeletePayload', { description: 'Result of a delete mutation.' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted object; null when nothing was deleted.' })
  deletedId?: string | null;

  @Field(() => [UserError], { description: 'Why it was not deleted; empty on success.' })
  userErrors!: UserError[];
}

export interface MutationResult<T> {
  value: T | null;
  userErrors: UserError[];
}

/**
 * Runs a write in one transaction. User mistakes (thrown as
 * UserErrorsException, or surfacing as constraint violations) roll the whole
 * transaction back and come back as userErrors; anything else is a server
 * error. `fieldOf` maps a constraint name to the input field it guards.
 */
export async function runMutation<T>(
  ctx: Context,
  work: (em: EntityManager) => Promise<T>,
  fieldOf: (constraint: string) => string | null = () => null,
): Promise<MutationResult<T>> {
  try {
    const value = await ctx.em.transactional((em) => work(em as EntityManager));
    return { value, userErrors: [] };
  } catch (error) {
    ctx.em.clear();
    // Inside the request's transaction this was a savepoint, and a rolled-back one stays open.
    noteSavepointRolledBack(ctx.em);
    if (error instanceof UserErrorsException) return { value: null, userErrors: error.errors };
    // The database's row scope refused a write outside the viewer's unit subtree.
    if (isRowScopeViolation(error)) return { value: null, userErrors: [userError(null, UserErrorCode.FORBIDDEN, 'This change is outside the units you may change.')] };
    const mapped = constraintToUserErrors(error, fieldOf);
    if (mapped) return { value: null, userErrors: mapped };
    throw error;
  }
}

/**
 * Collects every problem in an input before anything is written, so the
 * client sees all of them at once, each naming its field.
 */
export class InputCheck {
  readonly errors: UserError[] = [];

  /** One error per field is enough to act on; later checks of the same field are skipped. */
  add(field: string | null, code: UserErrorCode, message: string): void {
    if (field !== null && this.errors.some((e) => e.field === field)) return;
    this.errors.push(userError(field, code, message));
  }

  required<T>(field: string, value: T | null | undefined, label = field): value is T {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      this.add(field, UserErrorCode.REQUIRED, `${label} is required.`);
      return false;
    }
    return true;
  }

  code(field: string, value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value)) {
      this.add(field, UserErrorCode.INVALID, `${field} must be 1–64 letters, digits, "-" or "_", got ${JSON.stringify(value)}.`);
    }
  }

  text(field: string, value: string | null | undefined, max = 255): void {
    if (value === null || value === undefined) return;
    if (value.trim() === '') this.add(field, UserErrorCode.REQUIRED, `${field} must not be empty.`);
    else if (value.length > max) this.add(field, UserErrorCode.OUT_OF_RANGE, `${field} must be at most ${max} characters, got ${value.length}.`);
  }

  range(field: string, value: number | null | undefined, min: number, max: number, integer = false): void {
    if (value === null || value === undefined) return;
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      this.add(field, UserErrorCode.OUT_OF_RANGE, `${field} must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}, got ${value}.`);
    }
  }

  date(field: string, value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    if (!isIsoDate(value)) this.add(field, UserErrorCode.INVALID, `${field} must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }

  /** Decodes a global id of the given type; records an error naming the field otherwise. */
  id(field: string, value: string | null | undefined, typeName: string): number | null {
    if (value === null || value === undefined) return null;
    const decoded = fromGlobalId(value);
    if (!decoded || decoded.typeName !== typeName) {
      this.add(field, UserErrorCode.INVALID, `${field} must be a ${typeName} id, got ${JSON.stringify(value)}.`);
      return null;
    }
    return decoded.id;
  }

  /**
   * Loads a referenced row by global id, recording INVALID (wrong id) or
   * NOT_FOUND against `field` instead of stopping, so every input problem is
   * reported together. Returns null when it could not be resolved.
   */
  async reference<T extends object>(
    em: EntityManager,
    entity: { new (...args: never[]): T; name: string },
    field: string,
    globalId: string | null | undefined,
  ): Promise<T | null> {
    const id = this.id(field, globalId, entity.name);
    if (id === null) return null;
    const found = await em.findOne(entity, { id } as never);
    if (!found) this.add(field, UserErrorCode.NOT_FOUND, `${field}: ${entity.name} ${globalId} does not exist.`);
    return found;
  }

  /** Throws the collected errors (rolling back the surrounding transaction). */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new UserErrorsException(this.errors);
  }
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Loads an entity by global id inside a mutation, or throws a NOT_FOUND user error naming the field. */
export async function requireEntity<T extends object>(
  em: EntityManager,
  entity: { new (...args: never[]): T; name: string },
  globalId: string,
  field: string,
): Promise<T> {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.typeName !== entity.name) {
    throw new UserErrorsException([userError(field, UserErrorCode.INVALID, `${field} must be a ${entity.name} id, got ${JSON.stringify(globalId)}.`)]);
  }
  const found = await em.findOne(entity, { id: decoded.id } as never);
  if (!found) throw new UserErrorsException([userError(field, UserErrorCode.NOT_FOUND, `${entity.name} ${globalId} does not exist.`)]);
  return found;
}
