import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import {
  GraphQLError, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType,
  type GraphQLSchema, type DocumentNode, TypeInfo, visit, visitWithTypeInfo, valueFromAST,
} from 'graphql';
import type { Context } from './context';
import { seesPersonalData, type Viewer } from '../modules/access/viewer';
import { toGlobalId } from './node';

/**
 * Field scope for personal data (UU 27/2022), in one place: fields carry a
 * `personalData` extension set by the decorators below, and
 *  - output fields are masked by a middleware for viewers without the `pii`
 *    capability (VIEWER role, keys without the `pii` scope);
 *  - input fields (filters) and enum values (sort keys) on personal data are
 *    refused for those viewers before execution, so nobody can recover a NIP
 *    or birth date by filtering or sorting on it.
 */
export const PERSONAL_DATA_NOTE = 'Personal data: masked for the VIEWER role and API keys without the `pii` scope.';
export const PERSONAL_FILTER_NOTE = 'Personal data: refused for the VIEWER role and API keys without the `pii` scope.';

export type PersonalDataMode = 'mask' | 'null' | 'filter' | 'text';

/** What a masked NIP reads as, wherever it is masked. */
export const NIP_MASK = '******************';

/**
 * How a message (user error, stored rationale) names an employee: by NIP
 * only for viewers who may see personal data, by name and global id for the
 * others. A NIP in a message would otherwise bypass the field masking.
 */
export function employeeLabel(viewer: Viewer, employee: { id: number; nip: string; name: string }): string {
  return seesPersonalData(viewer) ? `${employee.name} (NIP ${employee.nip})` : `${employee.name} (${toGlobalId('Employee', employee.id)})`;
}

/** 18 digits in a row, not part of a longer number: the shape of a NIP inside free text. */
const NIP_IN_TEXT = /(?<!\d)\d{18}(?!\d)/g;

/** Masks NIP-shaped digit runs in a text, or in every string of a JSON value. */
export function maskNips<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NIP_IN_TEXT, NIP_MASK) as T;
  if (Array.isArray(value)) return value.map((v) => maskNips(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskNips(v)])) as T;
  }
  return value;
}

/**
 * Marks a free-text (or JSON) output field that may mention NIPs, such as a
 * stored query or rationale: viewers without `pii` get them masked.
 */
export function MasksNipsInText(): MethodDecorator & PropertyDecorator {
  const middleware: MiddlewareFn<Context> = async ({ context }, next) => {
    const value: unknown = await next();
    return seesPersonalData(context.viewer) ? value : maskNips(value);
  };
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ personalData: 'text' })(target, key, descriptor as never);
    UseMiddleware(middleware)(target, key, descriptor as never);
  };
}

export interface PersonalDataOptions {
  /** What masked viewers get instead of the value; null when omitted (the field must then be nullable). */
  masked?: string;
}

const maskMiddleware = (masked: string | null): MiddlewareFn<Context> => async ({ context }, next) => {
  if (seesPersonalData(context.viewer)) return next();
  return masked;
};

/** Marks an output field as personal data: masked (or null) for viewers without `pii`. */
export function PersonalData(options: PersonalDataOptions = {}): MethodDecorator & PropertyDecorator {
  const masked = options.masked ?? null;
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ personalData: masked === null ? 'null' : 'mask' })(target, key, descriptor as never);
    UseMiddleware(maskMiddleware(masked))(target, key, descriptor as never);
  };
}

/** Marks an input field (a filter on personal data) as refused for viewers without `pii`. */
export function PersonalDataFilter(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Extensions({ personalData: 'filter' })(target, key);
  };
}

/** Enum values (e.g. sort keys) that reveal personal data; by enum name. */
const personalEnumValues = new Map<string, Set<string>>();

/** Declares enum values (GraphQL names) that order or group by personal data. */
export function personalDataEnumValues(enumName: string, values: readonly string[]): void {
  personalEnumValues.set(enumName, new Set([...(personalEnumValues.get(enumName) ?? []), ...values]));
}

function findPersonalInput(type: GraphQLInputType, value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return findPersonalInput(type.ofType, value, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [i, item] of items.entries()) {
      const hit = findPersonalInput(type.ofType, item, `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (isEnumType(type)) {
    const personal = personalEnumValues.get(type.name);
    if (!personal) return null;
    const name = type.getValues().find((v) => v.value === value)?.name ?? String(value);
    return personal.has(name) ? `${path} = ${name}` : null;
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field || v === null || v === undefined) continue;
      if (field.extensions?.personalData === 'filter') return `${path}.${name}`;
      const hit = findPersonalInput(field.type, v, `${path}.${name}`);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Refuses a document whose arguments filter or sort on personal data when
 * the viewer may not see it. Arguments are coerced with the request's
 * variables, so hiding the filter in a variable changes nothing.
 */
export function checkPersonalDataArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, viewer: Viewer): void {
  if (seesPersonalData(viewer)) return;
  const typeInfo = new TypeInfo(schema);
  let found: string | null = null;
  visit(document, visitWithTypeInfo(typeInfo, {
    Argument(node) {
      if (found) return;
      const arg: GraphQLArgument | null | undefined = typeInfo.getArgument();
      if (!arg || !isPersonalCandidate(arg.type)) return;
      const value = valueFromAST(node.value, arg.type, variables);
      const hit = findPersonalInput(arg.type, value, arg.name);
      if (hit) found = hit;
    },
  }));
  if (found) {
    throw new GraphQLError(`Filtering or sorting on personal data (${found}) needs the pii permission.`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
}

function isPersonalCandidate(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isInputObjectType(named) || isEnumType(named);
}
