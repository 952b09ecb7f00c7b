import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { execute } from '../../graphql/list';
import { raw } from '../../graphql/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DISDIK_STAFF, seedAccessFixture, TEACHERS } from './access.fixture';

/**
 * The audit log of bulk mutations: an entry's changes are summarised per
 * table and operation and read a page at a time, and a page of the log costs
 * the same few statements however many entries it lists.
 */

let server: TestServer;

interface TableChanges {
  table: string;
  total: number;
  inserted: number;
  updated: number;
  deleted: number;
}
interface Change {
  table: string;
  rowId: number | null;
  operation: string;
}
interface ChangePage {
  totalCount: number;
  nodes: Change[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

/** What the database holds for one entry, computed without the API. */
async function storedChanges(entryId: number): Promise<Change[]> {
  const rows = await execute<{ table_name: string; row_id: number | null; operation: string }>(
    server.orm.em.fork() as EntityManager,
    raw(`select table_name, row_id, operation from audit_change where entry_id = ${entryId} order by id`),
  );
  return rows.map((r) => ({ table: r.table_name, rowId: r.row_id === null ? null : Number(r.row_id), operation: r.operation }));
}

function tally(changes: Change[]): TableChanges[] {
  const byTable = new Map<string, TableChanges>();
  for (const c of changes) {
    const t = byTable.get(c.table) ?? { table: c.table, total: 0, inserted: 0, updated: 0, deleted: 0 };
    byTable.set(c.table, t);
    t.total++;
    if (c.operation === 'INSERT') t.inserted++;
    if (c.operation === 'UPDATE') t.updated++;
    if (c.operation === 'DELETE') t.deleted++;
  }
  return [...byTable.values()];
}

const dbId = (globalId: string): number => Number(/:(\d+)$/.exec(Buffer.from(globalId, 'base64').toString('utf8'))![1]);

/** Newest entry of a request that called `mutation`. */
async function entryOf(mutation: string): Promise<{ id: string; changeCount: number; changedTables: TableChanges[] }> {
  const r = await server.gql<{ auditLog: { nodes: { id: string; changeCount: number; changedTables: TableChanges[] }[] } }>(
    `query($m: String) { auditLog(mutation: $m, first: 1) { nodes { id changeCount changedTables { table total inserted updated deleted } } } }`, { m: mutation });
  expect(r.errors).toBeUndefined();
  return r.data!.auditLog.nodes[0]!;
}

async function changePage(id: string, args: Record<string, unknown>): Promise<ChangePage> {
  const r = await server.gql<{ auditEntry: { changes: ChangePage } }>(
    `query($id: ID!, $first: Int, $after: String, $table: String) {
      auditEntry(id: $id) { changes(first: $first, after: $after, table: $table) {
        totalCount nodes { table rowId operation } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor }
      } }
    }`, { id, ...args });
  expect(r.errors).toBeUndefined();
  return r.data!.auditEntry.changes;
}

async function allPages(id: string, first: number, table: string | null = null): Promise<{ changes: Change[]; pages: number }> {
  const changes: Change[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: ChangePage = await changePage(id, { first, after, table });
    pages++;
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    changes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  return { changes, pages };
}

/** The bulk request below calls only this mutation (and createUser). */
const BULK = 'deleteEmployee';

beforeAll(async () => {
  server = await startTestServer();
  await seedAccessFixture(server);
  // One request deleting the Disdik staff with their assessments, appraisals and training records, and creating a
  // user: one audit entry of several tables and operations, well over a page of changes. (The import itself
  // runs without the row trigger.)
  const ids: string[] = [];
  for (const e of [...TEACHERS, DISDIK_STAFF]) {
    const r = await server.gql<{ employee: { id: string } }>('query($nip: String!) { employee(nip: $nip) { id } }', { nip: e.nip });
    ids.push(r.data!.employee.id);
  }
  const deletes = ids.map((id, i) => `d${i}: deleteEmployee(id: "${id}") { userErrors { message } }`).join('\n');
  const bulk = await server.gql(`mutation { ${deletes}
    u: createUser(input: { email: "audit.bulk@sikap.test", role: VIEWER }) { userErrors { message } } }`);
  expect(bulk.errors).toBeUndefined();
  expect(JSON.stringify(bulk.data)).not.toMatch(/message/);
  const users = await server.gql<{ users: { nodes: { id: string }[] } }>('{ users(first: 1) { nodes { id } } }');
  const renamed = await server.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Admin Uji" }) { userErrors { message } } }', { id: users.data!.users.nodes[0]!.id });
  expect(renamed.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

describe('audit entry summaries', () => {
  it('counts the changed rows per table and operation, as stored', async () => {
    const entry = await entryOf(BULK);
    const stored = await storedChanges(dbId(entry.id));
    expect(stored.length).toBeGreaterThan(60);
    expect(entry.changeCount).toBe(stored.length);
    expect(entry.changedTables).toEqual(expect.arrayContaining(tally(stored)));
    expect(entry.changedTables).toHaveLength(tally(stored).length);
    expect(entry.changedTables).toContainEqual({ table: 'employee', total: 5, inserted: 0, updated: 0, deleted: 5 });
    // Nine national competencies assessed per employee, gone with them.
    expect(entry.changedTables).toContainEqual({ table: 'competency_assessment', total: 45, inserted: 0, updated: 0, deleted: 45 });
    expect(entry.changedTables).toContainEqual({ table: 'app_user', total: 1, inserted: 1, updated: 0, deleted: 0 });
    // Most changed table first.
    const totals = entry.changedTables.map((t) => t.total);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    expect(entry.changedTables[0]!.table).toBe('competency_assessment');

    const update = await entryOf('updateUser');
    expect(update).toMatchObject({ changeCount: 1, changedTables: [{ table: 'app_user', total: 1, inserted: 0, updated: 1, deleted: 0 }] });
  });

  it('reports no changes for a request that wrote nothing', async () => {
    const refused = await server.gql('mutation { updateUser(id: "VXNlcjo5OTk5", input: { name: "x" }) { userErrors { code } } }');
    expect(refused.errors).toBeUndefined();
    const entry = await entryOf('updateUser');
    expect(entry).toMatchObject({ changeCount: 0, changedTables: [] });
    expect(await changePage(entry.id, {})).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('paging through an entry\'s changes', () => {
  it('pages with first/after in change order, ending exactly at the last change', async () => {
    const entry = await entryOf(BULK);
    const stored = await storedChanges(dbId(entry.id));
    const { changes, pages } = await allPages(entry.id, 25);
    expect(changes).toEqual(stored);
    expect(pages).toBe(Math.ceil(stored.length / 25));

    const firstPage = await changePage(entry.id, {});
    // 50 by default, with the total from the summary.
    expect(firstPage.nodes).toEqual(stored.slice(0, 50));
    expect(firstPage.totalCount).toBe(stored.length);
    expect(firstPage.pageInfo.hasNextPage).toBe(stored.length > 50);
    const second = await changePage(entry.id, { first: 10, after: firstPage.edges[49]!.cursor });
    expect(second.nodes).toEqual(stored.slice(50, 60));
  });

  it('filters by table, paging within it', async () => {
    const entry = await entryOf(BULK);
    const stored = (await storedChanges(dbId(entry.id))).filter((c) => c.table === 'competency_assessment');
    expect(stored).toHaveLength(45);
    const { changes } = await allPages(entry.id, 7, 'competency_assessment');
    expect(changes).toEqual(stored);
    expect((await changePage(entry.id, { first: 1, table: 'competency_assessment' })).totalCount).toBe(stored.length);
    expect(await changePage(entry.id, { table: 'no_such_table' })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('refuses a page larger than the shared maximum and ids of other types', async () => {
    const entry = await entryOf(BULK);
    const big = await server.gql('query($id: ID!) { auditEntry(id: $id) { changes(first: 501) { nodes { table } } } }', { id: entry.id });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const user = await server.gql<{ users: { nodes: { id: string }[] } }>('{ users(first: 1) { nodes { id } } }');
    const wrongType = await server.gql('query($id: ID!) { auditEntry(id: $id) { id } }', { id: user.data!.users.nodes[0]!.id });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.gql('query($id: ID!) { auditEntry(id: $id) { id } }', { id: Buffer.from('AuditEntry:999999').toString('base64') });
    expect(missing).toMatchObject({ data: { auditEntry: null } });
  });
});

describe('statements per request', () => {
  const PAGE = `query($first: Int) { auditLog(first: $first) { nodes {
    id changeCount changedTables { table total } changes(first: 3) { totalCount nodes { table rowId } pageInfo { hasNextPage } }
    employees: changes(first: 3, table: "employee") { nodes { rowId } }
  } } }`;

  it('does not grow with the number of entries listed', async () => {
    // A few more entries: the created user disabled and enabled again.
    const created = await server.gql<{ users: { nodes: { id: string }[] } }>('{ users(first: 1, where: { search: "audit.bulk" }) { nodes { id } } }');
    const userId = created.data!.users.nodes[0]!.id;
    for (const m of ['disableUser', 'enableUser', 'disableUser']) {
      expect((await server.gql(`mutation($id: ID!) { ${m}(id: $id) { userErrors { message } } }`, { id: userId })).errors).toBeUndefined();
    }
    const one = await server.gql<{ auditLog: { nodes: unknown[] } }>(PAGE, { first: 1 });
    const many = await server.gql<{ auditLog: { nodes: { changes: { nodes: Change[] } }[] } }>(PAGE, { first: 50 });
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(one.data!.auditLog.nodes).toHaveLength(1);
    expect(many.data!.auditLog.nodes.length).toBeGreaterThan(5);
    expect(many.data!.auditLog.nodes.filter((n) => n.changes.nodes.length > 0).length).toBeGreaterThan(2);
    // The log page, the grouped counts, and one statement per distinct window of changes.
    expect(one.extensions!.sqlStatements).toBe(4);
    expect(many.extensions!.sqlStatements).toBe(4);
  });
});
