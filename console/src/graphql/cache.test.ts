import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { createFakeClient, settle } from '../testing/fake-client';
import { asNode, pageOf, unitTree } from '../testing/units-fixture';
import { embeddedTypes } from './cache';
import { CreateUnitDocument, DeleteUnitDocument, UnitChildrenDocument, UnitsListDocument, UpdateUnitDocument } from './generated/graphql';

const root = path.resolve(import.meta.dirname, '../..');

function operationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? operationFiles(path.join(dir, e.name)) : e.name.endsWith('.graphql') ? [path.join(dir, e.name)] : [],
  );
}

describe('cache keys', () => {
  it('cover every object type the operations select: keyed by id, or embedded', () => {
    const schema = buildSchema(readFileSync(path.resolve(root, '../schema/schema.graphql'), 'utf8'));
    const selected = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    for (const file of operationFiles(path.join(root, 'src/graphql/operations'))) {
      visit(
        parse(readFileSync(file, 'utf8')),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const type = typeInfo.getType();
            const named = type ? getNamedType(type) : null;
            if (named && isObjectType(named)) selected.add(named.name);
          },
        }),
      );
    }
    const withoutId = [...selected].filter((name) => {
      const type = schema.getType(name);
      return isObjectType(type) && !('id' in type.getFields()) && !['Query', 'Mutation'].includes(name);
    });
    expect(withoutId.sort()).toEqual([...embeddedTypes].filter((t) => selected.has(t)).sort());
  });
});

/** Keeps a query subscribed, as a mounted component would, and counts how often it was sent. */
function watch<T>(source: { subscribe: (cb: (r: T) => void) => { unsubscribe: () => void } }) {
  const results: T[] = [];
  const sub = source.subscribe((r) => results.push(r));
  return { results, stop: () => sub.unsubscribe() };
}

describe('cache updates after unit mutations', () => {
  const units = unitTree();
  const byId = (id: string) => units.find((u) => u.id === id)!;
  const childrenOf = (id: string) =>
    units.filter((u) => u.parent === id).map((u) => ({ ...asNode(u), parent: { __typename: 'Unit', id }, children: [] }));

  function setup() {
    return createFakeClient(
      {
        UnitsList: (v) => ({ data: { units: pageOf(units.map((u) => ({ ...asNode(u), parent: null })), v) } }),
        UnitChildren: (v) => ({ data: { node: { __typename: 'Unit', id: v.id, children: childrenOf(String(v.id)) } } }),
        CreateUnit: (v) => {
          const input = v.input as { code: string; parent: string };
          return {
            data: {
              createUnit: {
                __typename: 'UnitPayload',
                unit: { ...asNode({ id: 'U9', code: input.code, name: 'Baru', type: 'SEKSI', parent: input.parent }), parent: { ...asNode(byId(input.parent)) } },
                userErrors: [],
              },
            },
          };
        },
        UpdateUnit: (v) => ({
          data: { updateUnit: { __typename: 'UnitPayload', unit: { ...asNode(byId(String(v.id))) }, userErrors: [] } },
        }),
        DeleteUnit: (v) => ({ data: { deleteUnit: { __typename: 'DeletePayload', deletedId: v.id, userErrors: [] } } }),
      },
      { cache: true },
    );
  }

  it('refetches the parent’s children and the lists when a unit is created', async () => {
    const fake = setup();
    const children = watch(fake.client.query(UnitChildrenDocument, { id: 'U1' }));
    const list = watch(fake.client.query(UnitsListDocument, { first: 50 }));
    await settle();
    await fake.client.mutation(CreateUnitDocument, { input: { code: 'SEKSI-X', name: 'Baru', type: 'SEKSI', parent: 'U1' } }).toPromise();
    await settle();
    expect(fake.calls('UnitChildren')).toHaveLength(2);
    expect(fake.calls('UnitsList')).toHaveLength(2);
    children.stop();
    list.stop();
  });

  it('refetches the old and the new parent when a unit moves', async () => {
    const fake = setup();
    const underOld = watch(fake.client.query(UnitChildrenDocument, { id: 'U1' }));
    const underNew = watch(fake.client.query(UnitChildrenDocument, { id: 'U3' }));
    expect(fake.calls('UnitChildren')).toHaveLength(2);
    await fake.client.mutation(UpdateUnitDocument, { id: 'U2', input: { parent: 'U3' } }).toPromise();
    await settle();
    expect(fake.calls('UnitChildren').map((v) => v.id).sort()).toEqual(['U1', 'U1', 'U3', 'U3']);
    underOld.stop();
    underNew.stop();
  });

  it('leaves children alone when an edit does not move the unit', async () => {
    const fake = setup();
    const children = watch(fake.client.query(UnitChildrenDocument, { id: 'U1' }));
    await fake.client.mutation(UpdateUnitDocument, { id: 'U2', input: { name: 'Puskesmas Deli' } }).toPromise();
    await settle();
    expect(fake.calls('UnitChildren')).toHaveLength(1);
    children.stop();
  });

  it('refetches what showed a deleted unit', async () => {
    const fake = setup();
    const list = watch(fake.client.query(UnitsListDocument, { first: 50 }));
    await fake.client.mutation(DeleteUnitDocument, { id: 'U2' }).toPromise();
    await settle();
    expect(fake.calls('UnitsList')).toHaveLength(2);
    list.stop();
  });

});
