import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  ForeignKeyConstraintViolationException, NotNullConstraintViolationException, UniqueConstraintViolationException,
  CheckConstraintViolationException,
} from '@mikro-orm/core';

export enum UserErrorCode {
  REQUIRED = 'REQUIRED',
  INVALID = 'INVALID',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  REFERENCED = 'REFERENCED',
  CONFLICT = 'CONFLICT',
  STALE = 'STALE',
  FORBIDDEN = 'FORBIDDEN',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    REQUIRED: { description: 'A required value is missing.' },
    INVALID: { description: 'The value has the wrong form (e.g. a NIP that is not 18 digits).' },
    OUT_OF_RANGE: { description: 'The value is outside its allowed range (e.g. a level outside 1–5).' },
    NOT_FOUND: { description: 'A referenced object does not exist.' },
    DUPLICATE: { description: 'Another object already has this natural key.' },
    REFERENCED: { description: 'The object is still referenced by others and cannot be deleted.' },
    CONFLICT: { description: 'The change conflicts with the current state (e.g. a cycle in the unit tree).' },
    STALE: { description: 'The data changed since this was prepared (e.g. a candidate moved).' },
    FORBIDDEN: { description: 'The caller may not make this change.' },
  },
});

@ObjectType('UserError', { description: 'A mistake in the input of a mutation, shown next to the field it concerns. Nothing was written.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Path of the input field, e.g. "input.nip"; null when the error concerns the whole input.' })
  field!: string | null;

  @Field(() => UserErrorCode, { description: 'Machine-readable reason.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'Human-readable explanation naming the field and value.' })
  message!: string;
}

export function userError(field: string | null, code: UserErrorCode, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message });
}

/** Thrown inside a transaction to roll it back and report user errors instead of a server error. */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * Turns a database constraint violation into user errors. The constraints
 * are the last line of defence; services validate first, but races (two
 * admins creating the same code) still end here rather than as a 500.
 */
export function constraintToUserErrors(error: unknown, fieldOf: (constraint: string) => string | null): UserError[] | null {
  const constraint = (error as { constraint?: string }).constraint ?? /constraint "([^"]+)"/.exec(String((error as Error).message))?.[1] ?? '';
  if (error instanceof UniqueConstraintViolationException) {
    return [userError(fieldOf(constraint), UserErrorCode.DUPLICATE, `Another record already has this value (${constraint}).`)];
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    const msg = String((error as Error).message);
    if (/update or delete/i.test(msg)) {
      const table = /on table "([^"]+)"/g.exec(msg.split('violates')[1] ?? '')?.[1] ?? 'other records';
      return [userError(null, UserErrorCode.REFERENCED, `Still referenced by ${table.replace(/_/g, ' ')}; remove those references first.`)];
    }
    return [userError(fieldOf(constraint), UserErrorCode.NOT_FOUND, `Referenced record does not exist (${constraint}).`)];
  }
  if (error instanceof CheckConstraintViolationException) {
    return [userError(fieldOf(constraint), UserErrorCode.OUT_OF_RANGE, `Value violates the rule ${constraint}.`)];
  }
  if (error instanceof NotNullConstraintViolationException) {
    return [userError(fieldOf(constraint), UserErrorCode.REQUIRED, 'A required value is missing.')];
  }
  return null;
}
