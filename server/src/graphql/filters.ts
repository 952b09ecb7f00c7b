import { Field, Float, ID, InputType, Int, registerEnumType, type ClassType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { and, inList, join, or, raw, sql, type Sql } from './sql';
import { fromGlobalId } from './node';

/**
 * Shared `where` building blocks. Every list takes a `<Type>Where` input made
 * of per-field operator inputs plus `and`/`or`/`not`; a module describes how
 * each field maps to SQL (a column, a relation subquery, …) and
 * `compileWhere` turns the whole tree into one parameterised SQL condition.
 */

@InputType('StringFilter', { description: 'Conditions on a text field; all given operators must hold.' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to.' }) eq?: string;
  @Field(() => String, { nullable: true, description: 'Not equal to.' }) ne?: string;
  @Field(() => [String], { nullable: true, description: 'One of.' }) in?: string[];
  @Field(() => String, { nullable: true, description: 'Contains, ignoring case.' }) contains?: string;
  @Field(() => String, { nullable: true, description: 'Starts with, ignoring case.' }) startsWith?: string;
  @Field(() => String, { nullable: true, description: 'Less than (text order).' }) lt?: string;
  @Field(() => String, { nullable: true, description: 'Less than or equal (text order).' }) lte?: string;
  @Field(() => String, { nullable: true, description: 'Greater than (text order).' }) gt?: string;
  @Field(() => String, { nullable: true, description: 'Greater than or equal (text order).' }) gte?: string;
}

@InputType('IntFilter', { description: 'Conditions on an integer field; all given operators must hold.' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: 'Equal to.' }) eq?: number;
  @Field(() => Int, { nullable: true, description: 'Not equal to.' }) ne?: number;
  @Field(() => [Int], { nullable: true, description: 'One of.' }) in?: number[];
  @Field(() => Int, { nullable: true, description: 'Less than.' }) lt?: number;
  @Field(() => Int, { nullable: true, description: 'Less than or equal.' }) lte?: number;
  @Field(() => Int, { nullable: true, description: 'Greater than.' }) gt?: number;
  @Field(() => Int, { nullable: true, description: 'Greater than or equal.' }) gte?: number;
}

@InputType('FloatFilter', { description: 'Conditions on a decimal field; all given operators must hold.' })
export class FloatFilter {
  @Field(() => Float, { nullable: true, description: 'Equal to.' }) eq?: number;
  @Field(() => Float, { nullable: true, description: 'Not equal to.' }) ne?: number;
  @Field(() => [Float], { nullable: true, description: 'One of.' }) in?: number[];
  @Field(() => Float, { nullable: true, description: 'Less than.' }) lt?: number;
  @Field(() => Float, { nullable: true, description: 'Less than or equal.' }) lte?: number;
  @Field(() => Float, { nullable: true, description: 'Greater than.' }) gt?: number;
  @Field(() => Float, { nullable: true, description: 'Greater than or equal.' }) gte?: number;
}

@InputType('DateFilter', { description: 'Conditions on a date field (YYYY-MM-DD); all given operators must hold.' })
export class DateFilter {
  @Field(() => String, { nullable: true, description: 'On this date.' }) eq?: string;
  @Field(() => String, { nullable: true, description: 'Not on this date.' }) ne?: string;
  @Field(() => String, { nullable: true, description: 'Before.' }) lt?: string;
  @Field(() => String, { nullable: true, description: 'On or before.' }) lte?: string;
  @Field(() => String, { nullable: true, description: 'After.' }) gt?: string;
  @Field(() => String, { nullable: true, description: 'On or after.' }) gte?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: the date is empty; false: it is set.' }) isNull?: boolean;
}

@InputType('IDFilter', { description: 'Conditions on a reference, by global id.' })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: 'Equal to.' }) eq?: string;
  @Field(() => ID, { nullable: true, description: 'Not equal to.' }) ne?: string;
  @Field(() => [ID], { nullable: true, description: 'One of.' }) in?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: no reference; false: a reference is set.' }) isNull?: boolean;
}

export interface EnumFilterValue<T extends string> {
  eq?: T; ne?: T; in?: T[]; lt?: T; lte?: T; gt?: T; gte?: T; isNull?: boolean;
}

/**
 * Filter input for an enum. Ordered enums (grade, education, predicate) also
 * get lt/lte/gt/gte, compared by rank in the domain order, not alphabetically.
 */
export function enumFilterType<T extends string>(enumObj: Record<string, T>, name: string, ordered: boolean): ClassType<EnumFilterValue<T>> {
  const description = ordered
    ? `Conditions on a ${name}; lt/lte/gt/gte compare in the domain order (lowest first).`
    : `Conditions on a ${name}.`;
  @InputType(`${name}Filter`, { description })
  class EnumFilter {
    @Field(() => enumObj, { nullable: true, description: 'Equal to.' }) eq?: T;
    @Field(() => enumObj, { nullable: true, description: 'Not equal to.' }) ne?: T;
    @Field(() => [enumObj], { nullable: true, description: 'One of.' }) in?: T[];
    @Field(() => Boolean, { nullable: true, description: 'true: empty; false: set.' }) isNull?: boolean;
  }
  if (!ordered) return EnumFilter;
  @InputType(`${name}RangeFilter`, { description })
  class OrderedEnumFilter extends EnumFilter {
    @Field(() => enumObj, { nullable: true, description: 'Lower in the order.' }) lt?: T;
    @Field(() => enumObj, { nullable: true, description: 'Lower or equal.' }) lte?: T;
    @Field(() => enumObj, { nullable: true, description: 'Higher in the order.' }) gt?: T;
    @Field(() => enumObj, { nullable: true, description: 'Higher or equal.' }) gte?: T;
  }
  return OrderedEnumFilter;
}

export enum OrderDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });

type Operators = Record<string, unknown>;

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Operator conditions on one SQL expression. `rank`, for ordered enums, is
 * the domain order used for lt/gt (compared by array position).
 */
export function scalarConditions(column: Sql, ops: Operators, rank?: readonly string[]): Sql[] {
  const out: Sql[] = [];
  const ranked = (v: unknown): Sql => (rank ? sql`array_position(${rankArray(rank)}, ${v}::text)` : sql`${v}`);
  const col = rank ? sql`array_position(${rankArray(rank)}, ${column}::text)` : column;
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    // null means "is null" for eq/ne only; for any other operator it is "not given" (found by fuzzing: `in: null`).
    if (value === null && op !== 'eq' && op !== 'ne') continue;
    switch (op) {
      case 'eq': out.push(value === null ? sql`${column} is null` : sql`${column} = ${value}`); break;
      case 'ne': out.push(value === null ? sql`${column} is not null` : sql`${column} is distinct from ${value}`); break;
      case 'in': out.push(inList(column, value as unknown[])); break;
      case 'contains': out.push(sql`${column} ilike ${`%${likeEscape(String(value))}%`}`); break;
      case 'startsWith': out.push(sql`${column} ilike ${`${likeEscape(String(value))}%`}`); break;
      case 'lt': out.push(sql`${col} < ${ranked(value)}`); break;
      case 'lte': out.push(sql`${col} <= ${ranked(value)}`); break;
      case 'gt': out.push(sql`${col} > ${ranked(value)}`); break;
      case 'gte': out.push(sql`${col} >= ${ranked(value)}`); break;
      case 'isNull': out.push(value ? sql`${column} is null` : sql`${column} is not null`); break;
      default: throw new Error(`Unknown filter operator ${op}`);
    }
  }
  return out;
}

function rankArray(rank: readonly string[]): Sql {
  // Domain constants, not user input: safe to inline, and lets the planner fold it.
  return raw(`array[${rank.map((r) => `'${r.replace(/'/g, "''")}'`).join(', ')}]::text[]`);
}

/** Reference filter by global id, checked to be of the expected type. */
export function idConditions(column: Sql, ops: Operators, typeName: string, argument: string): Sql[] {
  const decode = (g: unknown): number => {
    const d = fromGlobalId(String(g));
    if (!d || d.typeName !== typeName) {
      throw new GraphQLError(`Filter "${argument}" expects ${typeName} ids, got ${JSON.stringify(g)}.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
      });
    }
    return d.id;
  };
  const mapped: Operators = {};
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined || value === null) continue;
    if (op === 'in') mapped.in = (value as unknown[]).map(decode);
    else if (op === 'isNull') mapped.isNull = value;
    else mapped[op] = decode(value);
  }
  return scalarConditions(column, mapped);
}

/** How one `where` field becomes SQL, given the alias of the row being filtered. */
export type FieldCompiler<C> = (value: never, alias: string, ctx: C) => Sql | Sql[];

export type WhereSpec<C> = Record<string, FieldCompiler<C>>;

/**
 * Where fields that are conditions on one costly relation (e.g. a set
 * computed over the whole city). When several of them stand in the same
 * where object, compileWhere hands their values to `compile` together, so
 * the relation is evaluated once instead of once per field.
 *
 * `rest(alias)` is the conditions of the fields named in `restrictedBy`
 * that stand in the same where object, compiled against `alias`, each as
 * `is not false`: a row it excludes fails the where object whatever the
 * joint says, so the relation may be computed only for the rows it keeps.
 * (`is not false`, not the conditions themselves: where a condition is
 * null the object is null rather than false, and must stay so under `not`.)
 * Name only cheap fields: `rest` is evaluated for every row the relation
 * would cover, on top of the where object's own evaluation.
 */
export interface JointFields<C> {
  restrictedBy: readonly string[];
  compile: (values: Readonly<Record<string, unknown>>, alias: string, ctx: C, rest: (alias: string) => Sql) => Sql | Sql[];
}

const jointOf = new WeakMap<FieldCompiler<never>, { joint: JointFields<never>; field: string }>();

/** The compiler of `field` as a member of `joint`: alone it compiles as `joint` with only its own value. */
export function jointField<C>(joint: JointFields<C>, field: string): FieldCompiler<C> {
  const compiler: FieldCompiler<C> = (value, alias, ctx) => joint.compile({ [field]: value }, alias, ctx, () => raw('true'));
  jointOf.set(compiler as FieldCompiler<never>, { joint: joint as JointFields<never>, field });
  return compiler;
}

/** Whether a `where` tree uses a joint field anywhere (and/or/not included): a condition on a costly relation. */
export function hasJointFields<C>(where: object | null | undefined, spec: WhereSpec<C>): boolean {
  if (!where) return false;
  return Object.entries(where).some(([key, value]) => {
    if (value === undefined || value === null) return false;
    if (key === 'and' || key === 'or') return (value as object[]).some((w) => hasJointFields(w, spec));
    if (key === 'not') return hasJointFields(value as object, spec);
    return spec[key] !== undefined && jointOf.has(spec[key] as FieldCompiler<never>);
  });
}

interface Logical {
  and?: unknown[] | null;
  or?: unknown[] | null;
  not?: unknown | null;
}

/** Compiles a `where` tree (fields plus and/or/not) into one SQL condition. */
export function compileWhere<C>(where: object | null | undefined, spec: WhereSpec<C>, alias: string, ctx: C): Sql {
  if (!where) return raw('true');
  const parts: Sql[] = [];
  const joints = new Map<JointFields<C>, Record<string, unknown>>();
  const fields: [string, FieldCompiler<C>, unknown][] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    const member = spec[key] ? jointOf.get(spec[key] as FieldCompiler<never>) : undefined;
    if (member) {
      const joint = member.joint as JointFields<C>;
      joints.set(joint, { ...joints.get(joint), [member.field]: value });
    } else if (key === 'and') parts.push(and((value as object[]).map((w) => compileWhere(w, spec, alias, ctx))));
    else if (key === 'or') parts.push(or((value as object[]).map((w) => compileWhere(w, spec, alias, ctx))));
    else if (key === 'not') parts.push(sql`not (${compileWhere(value as object, spec, alias, ctx)})`);
    else {
      const compile = spec[key];
      if (!compile) throw new Error(`No SQL mapping for where field ${key}`);
      fields.push([key, compile, value]);
      const out = compile(value as never, alias, ctx);
      parts.push(...(Array.isArray(out) ? out : [out]));
    }
  }
  for (const [joint, values] of joints) {
    const rest = (restAlias: string): Sql => and(fields.filter(([key]) => joint.restrictedBy.includes(key)).flatMap(([, compile, value]) => {
      const out = compile(value as never, restAlias, ctx);
      return (Array.isArray(out) ? out : [out]).map((p) => sql`(${p}) is not false`);
    }));
    const out = joint.compile(values, alias, ctx, rest);
    parts.push(...(Array.isArray(out) ? out : [out]));
  }
  return and(parts);
}

export type { Logical };

/** `order by` from a list of {field, direction}, always ending with the id so pages are stable. */
export function compileOrder(
  orderBy: readonly { field: string; direction?: OrderDirection | null }[] | null | undefined,
  columns: Record<string, Sql>,
  alias: string,
  fallback: Sql,
): Sql {
  const parts = (orderBy ?? []).map((o) => {
    const col = columns[o.field];
    if (!col) throw new Error(`No SQL mapping for order field ${o.field}`);
    return sql`${col} ${raw(o.direction === OrderDirection.DESC ? 'desc nulls last' : 'asc nulls last')}`;
  });
  if (parts.length === 0) parts.push(fallback);
  parts.push(raw(`${alias}.id asc`));
  return join(parts, ', ');
}
