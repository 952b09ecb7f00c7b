import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Read rows as instances of the entity classes without the ORM's unit of
 * work. MikroORM's `em.map`/`em.find` hydrate every row into the identity map,
 * build a reference entity (with change-tracking accessors) for each foreign
 * key and snapshot it for dirty checking: on a 50-row list with its units and
 * positions that was most of a request's CPU, for objects that are only ever
 * read by GraphQL resolvers.
 *
 * The instances here carry the same values `em.map` would give (same result
 * mapping, custom types and number/date fixes; rows.test.ts compares them for
 * every entity) and foreign keys as bare references holding only the id,
 * which is all resolvers use (they load relations through DataLoaders);
 * collections are not loaded, and reading one throws, as an uninitialised ORM
 * collection does. They are not managed: changing one persists nothing, so
 * services that write load their entities through the EntityManager, as they do.
 */

type Row = Record<string, unknown>;
type Mapper = (row: Row) => object;

interface Plan {
  /** Null when the entity has something this mapper does not reproduce (collections); the ORM maps it. */
  map: Mapper | null;
  meta: EntityMetadata;
}

const plans = new WeakMap<EntityMetadata, Plan>();

/** MikroORM's EntityValidator.fixNumberType: a numeric string becomes a number only when it round-trips. */
function fixNumber(value: string): number | string {
  const n = +value;
  return `${n}` === value ? n : value;
}

function scalarConverter(prop: EntityProperty, platform: Platform): ((value: unknown) => unknown) | null {
  const custom = prop.customType;
  if (custom) return (value) => custom.convertToJSValue(value, platform, { mode: 'serialization' });
  if (prop.runtimeType === 'number') return (value) => (typeof value === 'string' ? fixNumber(value) : value);
  // Booleans and dates are already normalised by the driver's result mapper.
  return null;
}

/**
 * A prototype for read instances: it inherits from the entity class (so
 * instanceof, getters such as the Node id and methods work) but shadows the
 * change-tracking accessors MikroORM puts on the class prototype with plain
 * fields. Without it every assignment would go through the ORM's setter,
 * which builds the entity's tracking wrapper and an accessor per property.
 */
function readPrototype(meta: EntityMetadata, names: readonly string[], collections: readonly string[] = []): object {
  const proto = Object.create((meta.class as { prototype: object }).prototype) as object;
  for (const name of names) Object.defineProperty(proto, name, { value: undefined, writable: true, enumerable: false, configurable: true });
  for (const name of collections) {
    // As an uninitialised ORM collection: reading it is a mistake, reported loudly.
    Object.defineProperty(proto, name, {
      get() {
        throw new Error(`${meta.className}.${name} is not loaded on rows read for GraphQL; load it through a DataLoader.`);
      },
      enumerable: false,
      configurable: true,
    });
  }
  return proto;
}

/** Bare reference holding only the primary key, as an unpopulated ManyToOne of the ORM. */
function referenceFactory(prop: EntityProperty): ((id: unknown) => object) | null {
  const target = prop.targetMeta;
  if (!target || target.primaryKeys.length !== 1 || prop.fieldNames?.length !== 1 || !target.class) return null;
  const pk = target.primaryKeys[0] as string;
  const proto = readPrototype(target, [pk]);
  return (id) => {
    const ref = Object.create(proto) as Record<string, unknown>;
    ref[pk] = id;
    return ref;
  };
}

function compile(em: EntityManager, meta: EntityMetadata): Plan {
  const platform = em.getPlatform();
  const driver = em.getDriver();
  const steps: ((target: Record<string, unknown>, data: Record<string, unknown>) => void)[] = [];
  const names: string[] = [];
  const collections: string[] = [];
  for (const prop of meta.props) {
    const name = prop.name;
    if (prop.kind === ReferenceKind.SCALAR) {
      if (prop.persist === false || !prop.fieldNames?.length) continue;
      if (prop.ref || prop.embedded) return { map: null, meta };
      const convert = scalarConverter(prop, platform);
      names.push(name);
      steps.push((target, data) => {
        const value = data[name];
        if (value === undefined) return;
        target[name] = value === null || !convert ? value : convert(value);
      });
    } else if ((prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) && !prop.ref) {
      const reference = referenceFactory(prop);
      if (!reference) return { map: null, meta };
      names.push(name);
      steps.push((target, data) => {
        const value = data[name];
        if (value === undefined) return;
        target[name] = value === null ? null : reference(value);
      });
    } else if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) {
      collections.push(name);
    } else {
      return { map: null, meta };
    }
  }
  const proto = readPrototype(meta, names, collections);
  return {
    meta,
    map: (row) => {
      const data = driver.mapResult(row as never, meta) as Record<string, unknown>;
      const entity = Object.create(proto) as Record<string, unknown>;
      for (const step of steps) step(entity, data);
      return entity;
    },
  };
}

function planFor(em: EntityManager, entity: EntityClass<object> | string): Plan {
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : entity.name);
  let plan = plans.get(meta);
  if (!plan) {
    plan = compile(em, meta);
    plans.set(meta, plan);
  }
  return plan;
}

/** Maps `select t.*` rows of the entity's table to read-only instances (see above); extra columns are ignored. */
export function readRows<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Row[]): T[] {
  const { map } = planFor(em, entity as EntityClass<object>);
  if (!map) return rows.map((row) => em.map(entity, row as never));
  return rows.map((row) => map(row) as T);
}

/** Table, primary-key column and property-to-column names of an entity, for hand-written reads. */
export interface TableInfo {
  table: string;
  primaryKey: string;
  column(property: string): string;
  /** True when readRows maps this entity itself (false: through the ORM). */
  direct: boolean;
}

export function tableInfo(em: EntityManager, entity: EntityClass<object> | string): TableInfo {
  const { meta, map } = planFor(em, entity);
  return {
    table: meta.tableName,
    primaryKey: meta.properties[meta.primaryKeys[0] as never]!.fieldNames[0]!,
    column(property) {
      const prop = meta.properties[property as never];
      const field = prop?.fieldNames?.length === 1 ? prop.fieldNames[0] : undefined;
      if (!field) throw new Error(`${meta.className}.${property} is not a single-column property.`);
      return field;
    },
    direct: map !== null,
  };
}
