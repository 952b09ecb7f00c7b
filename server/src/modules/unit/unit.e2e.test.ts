import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const CREATE = `mutation($input: UnitInput!) { createUnit(input: $input) { unit { id code name type parent { code } } userErrors { field code message } } }`;

describe('units over HTTP', () => {
  it('creates a tree, filters by subtree and refuses a cycle and a referenced delete', async () => {
    const root = await server.gql(CREATE, { input: { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS' } });
    expect(root.errors).toBeUndefined();
    const rootId = root.data!.createUnit.unit.id;
    const child = await server.gql(CREATE, { input: { code: 'PKM-DELI', name: 'Puskesmas Medan Deli', type: 'PUSKESMAS', parent: rootId } });
    expect(child.data!.createUnit.unit.parent.code).toBe('DINKES');
    await server.gql(CREATE, { input: { code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', type: 'DINAS' } });

    const sub = await server.gql(`query($id: ID!) { units(where: { subtreeOf: $id }) { totalCount nodes { code } } }`, { id: rootId });
    expect(sub.data!.units.nodes.map((n: { code: string }) => n.code)).toEqual(['DINKES', 'PKM-DELI']);
    expect(sub.data!.units.totalCount).toBe(2);

    const dup = await server.gql(CREATE, { input: { code: 'DINKES', name: 'x', type: 'DINAS' } });
    expect(dup.data!.createUnit.userErrors[0]).toMatchObject({ field: 'input.code', code: 'DUPLICATE' });

    const bad = await server.gql(CREATE, { input: { code: 'bad code!', name: '', type: 'DINAS' } });
    expect(bad.data!.createUnit.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(['input.code', 'input.name']);

    const cycle = await server.gql(`mutation($id: ID!, $p: ID) { updateUnit(id: $id, input: { parent: $p }) { userErrors { field code } } }`, {
      id: rootId, p: child.data!.createUnit.unit.id,
    });
    expect(cycle.data!.updateUnit.userErrors[0]).toMatchObject({ field: 'input.parent', code: 'CONFLICT' });

    const del = await server.gql(`mutation($id: ID!) { deleteUnit(id: $id) { deletedId userErrors { code message } } }`, { id: rootId });
    expect(del.data!.deleteUnit.deletedId).toBeNull();
    expect(del.data!.deleteUnit.userErrors[0].code).toBe('REFERENCED');

    const node = await server.gql(`query($id: ID!) { node(id: $id) { id ... on Unit { code children { code } } } }`, { id: rootId });
    expect(node.data!.node).toMatchObject({ id: rootId, code: 'DINKES', children: [{ code: 'PKM-DELI' }] });
  });

  it('pages with cursors and rejects an invalid cursor with a clear error', async () => {
    const p1 = await server.gql(`{ units(first: 2, orderBy: [{ field: CODE }]) { nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    expect(p1.data!.units.nodes.map((n: { code: string }) => n.code)).toEqual(['DINKES', 'DISDIK']);
    expect(p1.data!.units.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await server.gql(`query($after: String) { units(first: 2, after: $after, orderBy: [{ field: CODE }]) { nodes { code } pageInfo { hasNextPage hasPreviousPage } } }`, {
      after: p1.data!.units.pageInfo.endCursor,
    });
    expect(p2.data!.units.nodes.map((n: { code: string }) => n.code)).toEqual(['PKM-DELI']);
    expect(p2.data!.units.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = await server.gql(`{ units(where: { code: { eq: "NONE" } }) { totalCount nodes { code } pageInfo { startCursor endCursor hasNextPage } } }`);
    expect(empty.data!.units).toEqual({ totalCount: 0, nodes: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false } });
    const invalid = await server.gql(`{ units(after: "garbage") { nodes { code } } }`);
    expect(invalid.errors![0].message).toMatch(/Argument "after" is not a valid cursor/);
    expect(invalid.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const tooBig = await server.gql(`{ units(first: 501) { nodes { code } } }`);
    expect(tooBig.errors![0].message).toMatch(/"first" must be between 0 and 500/);
  });
});
