import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { execute } from '../../graphql/list';
import { raw } from '../../graphql/sql';
import { ALL_NIPS, bearer, DISDIK_STAFF, DISDIK_UNITS, keyToken, NURSES, seedAccessFixture, TEACHERS, userToken } from './access.fixture';

/**
 * The acceptance case of the access issue: a partner key limited to Dinas
 * Pendidikan without `pii` lists that agency's teachers and their gaps,
 * never sees a NIP, never sees another agency's rows by any path (lists,
 * node(id:), nested relations, aggregates, matching), and is throttled past
 * its budget. Row scope is enforced by PostgreSQL row-level security.
 */

let server: TestServer;
let partner: Record<string, string>;
let unitAdmin: Record<string, string>;
const ids = new Map<string, string>();
const DISDIK_NAMES = [...TEACHERS, DISDIK_STAFF].map((e) => e.name).sort();
const NURSE_NAMES = new Set(NURSES.map((e) => e.name));

beforeAll(async () => {
  server = await startTestServer();
  await seedAccessFixture(server);
  partner = bearer(await keyToken(server.orm, ['read'], 'DISDIK', 100_000));
  unitAdmin = bearer(await userToken(server.orm, 'UNIT_ADMIN', 'DISDIK'));
  const all = await server.gql<{ employees: { nodes: { id: string; name: string }[] }; units: { nodes: { id: string; code: string }[] }; positions: { nodes: { id: string; code: string }[] } }>(
    '{ employees(first: 100) { nodes { id name } } units { nodes { id code } } positions { nodes { id code } } }');
  for (const e of all.data!.employees.nodes) ids.set(e.name, e.id);
  for (const u of all.data!.units.nodes) ids.set(u.code, u.id);
  for (const p of all.data!.positions.nodes) ids.set(p.code, p.id);
});
afterAll(async () => {
  await server?.close();
});

/** Every string anywhere in a response: a NIP or a nurse's name must not be among them. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function expectNothingForeign(data: unknown): void {
  const all = strings(data);
  for (const s of all) {
    expect(ALL_NIPS.some((n) => s.includes(n)), `a NIP leaked: ${s}`).toBe(false);
    expect(NURSE_NAMES.has(s), `another agency's employee leaked: ${s}`).toBe(false);
    expect(['DINKES', 'PKM-01', 'PERAWAT-PKM01', 'Dinas Kesehatan'].includes(s), `another agency's unit leaked: ${s}`).toBe(false);
  }
}

describe('a partner key limited to Dinas Pendidikan without pii', () => {
  it('lists the agency\'s teachers and their competency gaps, with NIPs masked', async () => {
    const r = await server.gql<{ employees: { totalCount: number; nodes: { name: string; nip: string; unit: { code: string }; competencyProfile: { gap: number | null; competency: { code: string } }[] }[] } }>(`{
      employees(first: 100) { totalCount nodes { name nip unit { code } competencyProfile(asOf: "2025-01-01") { competency { code } required level gap } } }
    }`, undefined, partner);
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.employees.nodes;
    expect(r.data!.employees.totalCount).toBe(DISDIK_NAMES.length);
    expect(nodes.map((n) => n.name).sort()).toEqual(DISDIK_NAMES);
    for (const n of nodes) {
      expect(DISDIK_UNITS).toContain(n.unit.code);
      expect(n.nip).toBe('******************');
      expect(n.competencyProfile.length).toBeGreaterThan(0);
    }
    // Half of the fixture falls short of the level-3 standard somewhere.
    expect(nodes.filter((n) => n.competencyProfile.some((c) => c.gap !== null && c.gap < 0)).length).toBeGreaterThan(0);
    expectNothingForeign(r.data);
  });

  it('never sees another agency through node(id:), nodes, look-ups or nested relations', async () => {
    const nurse = ids.get(NURSES[0]!.name)!;
    const teacher = ids.get(TEACHERS[0]!.name)!;
    const r = await server.gql<{ node: unknown; nodes: unknown[]; unit: unknown; position: unknown; dinkes: unknown; pkm: unknown }>(`query($nurse: ID!, $teacher: ID!, $dinkes: ID!, $pkm: ID!) {
      node(id: $nurse) { id ... on Employee { name } }
      nodes(ids: [$teacher, $nurse]) { id ... on Employee { name } }
      dinkes: node(id: $dinkes) { id }
      pkm: node(id: $pkm) { id }
      unit(code: "DINKES") { name }
      position(code: "PERAWAT-PKM01") { name }
    }`, { nurse, teacher, dinkes: ids.get('DINKES'), pkm: ids.get('PERAWAT-PKM01') }, partner);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ node: null, nodes: [{ id: teacher, name: TEACHERS[0]!.name }, null], dinkes: null, pkm: null, unit: null, position: null });

    const nested = await server.gql(`{
      units { nodes { code parent { code } children { code } employees { name } positions { code holders { name } stakeholderInputs { importance } } } }
      trainings { nodes { code participations { employee { name unit { code } } } evaluations { employee { name } } } }
      stakeholderInputs { nodes { position { code } } }
      positions { nodes { code unit { code } } }
    }`, undefined, partner);
    expect(nested.errors).toBeUndefined();
    expectNothingForeign(nested.data);
    const d = nested.data as { units: { nodes: { code: string; parent: { code: string } | null }[] }; trainings: { nodes: { participations: unknown[] }[] }; positions: { nodes: unknown[] } };
    expect(d.units.nodes.map((u) => u.code).sort()).toEqual([...DISDIK_UNITS].sort());
    expect(d.units.nodes.find((u) => u.code === 'DISDIK')!.parent).toBeNull();
    expect(d.trainings.nodes[0]!.participations).toHaveLength(1);
    expect(d.positions.nodes).toHaveLength(3);
  });

  it('gets aggregates and matching over its subtree only', async () => {
    const agg = await server.gql<{ all: { headcount: number }[]; byUnit: { group: { value: string }[]; headcount: number }[] }>(`{
      all: employeeAggregate(groupBy: []) { headcount }
      byUnit: employeeAggregate(groupBy: [UNIT], rollUp: true) { group { value label } headcount }
    }`, undefined, partner);
    expect(agg.errors).toBeUndefined();
    expect(agg.data!.all).toEqual([{ headcount: DISDIK_NAMES.length }]);
    expectNothingForeign(agg.data);
    const m = await server.gql(`{ position(code: "GURU-SD01") { candidates(eligibleOnly: false, asOf: "2025-01-01") { totalCount nodes { employee { name nip unit { code } } } } } }`, undefined, partner);
    expect(m.errors).toBeUndefined();
    expectNothingForeign(m.data);
    const names = (m.data as { position: { candidates: { nodes: { employee: { name: string } }[] } } }).position.candidates.nodes.map((c) => c.employee.name);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(DISDIK_NAMES).toContain(n);
  });

  it('may not look up, filter or sort by NIP', async () => {
    const byNip = await server.gql(`{ employee(nip: "${TEACHERS[0]!.nip}") { name } }`, undefined, partner);
    expect(byNip.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const filter = await server.gql(`{ employees(where: { nip: { startsWith: "198" } }) { totalCount } }`, undefined, partner);
    expect(filter.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await server.gql(`mutation($id: ID!) { deleteEmployee(id: $id) { deletedId } }`, { id: ids.get(TEACHERS[0]!.name) }, partner);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is throttled past its budget, with a clear error and Retry-After', async () => {
    const small = await keyToken(server.orm, ['read'], 'DISDIK', 100);
    const query = '{ employees(first: 40) { nodes { name unit { code } } } }';
    interface Body { errors?: { message: string; extensions: Record<string, unknown> }[]; extensions?: { cost?: Record<string, number> } }
    let throttled: { status: number; retryAfter: string | null; body: Body } | null = null;
    const costs: number[] = [];
    for (let i = 0; i < 20 && !throttled; i++) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(small) }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as Body;
      if (res.status === 429) throttled = { status: res.status, retryAfter: res.headers.get('retry-after'), body };
      else costs.push(body.extensions!.cost!.remaining!);
    }
    expect(throttled, 'never throttled').not.toBeNull();
    expect(costs.length).toBeGreaterThan(0);
    expect(Number(throttled!.retryAfter)).toBeGreaterThan(0);
    expect(throttled!.body.errors![0]!.extensions.code).toBe('THROTTLED');
    expect(throttled!.body.errors![0]!.message).toMatch(/Throttled: this request costs \d+ points .* retry after \d+ s/);
  });
});

describe('a UNIT_ADMIN of Dinas Pendidikan', () => {
  it('writes inside its subtree only; the audit log records who changed what', async () => {
    const teacher = ids.get(TEACHERS[1]!.name)!;
    const nurse = ids.get(NURSES[1]!.name)!;
    const ok = await server.gql<{ updateEmployee: { employee: { name: string }; userErrors: unknown[] } }>(
      'mutation($id: ID!) { updateEmployee(id: $id, input: { name: "Guru Dua Baru" }) { employee { name } userErrors { code } } }', { id: teacher }, unitAdmin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateEmployee).toEqual({ employee: { name: 'Guru Dua Baru' }, userErrors: [] });

    const foreign = await server.gql<{ updateEmployee: { employee: unknown; userErrors: { code: string }[] } }>(
      'mutation($id: ID!) { updateEmployee(id: $id, input: { name: "X" }) { employee { name } userErrors { code } } }', { id: nurse }, unitAdmin);
    expect(foreign.data!.updateEmployee.employee).toBeNull();
    expect(foreign.data!.updateEmployee.userErrors[0]!.code).toBe('NOT_FOUND');

    const move = await server.gql<{ updateEmployee: { employee: unknown; userErrors: { code: string }[] } }>(
      'mutation($id: ID!, $unit: ID!) { updateEmployee(id: $id, input: { unit: $unit, position: null }) { employee { name } userErrors { code } } }',
      { id: teacher, unit: ids.get('PKM-01') }, unitAdmin);
    expect(move.data!.updateEmployee.employee).toBeNull();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(move.data!.updateEmployee.userErrors[0]!.code);

    const shared = await server.gql('mutation { createCompetency(input: { code: "X1", name: "X", type: TECHNICAL }) { userErrors { code } } }', undefined, unitAdmin);
    expect(shared.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const still = await server.gql<{ node: { name: string; unit: { code: string } } }>('query($id: ID!) { node(id: $id) { ... on Employee { name unit { code } } } }', { id: teacher });
    expect(still.data!.node).toEqual({ name: 'Guru Dua Baru', unit: { code: 'SD-01' } });

    const log = await server.gql<{ auditLog: { nodes: { actor: string; mutations: string[]; ok: boolean; variables: unknown; resultIds: string[]; changes: { nodes: { table: string; before: Record<string, unknown>; after: Record<string, unknown> }[] } }[] } }>(
      '{ auditLog(first: 10, mutation: "updateEmployee") { nodes { actor mutations ok variables resultIds changes { nodes { table operation rowId before after } } } } }');
    expect(log.errors).toBeUndefined();
    const entries = log.data!.auditLog.nodes;
    const success = entries.find((e) => e.ok)!;
    expect(success.actor).toMatch(/^unit_admin-.*@sikap\.test$/);
    expect(success.variables).toEqual({ id: teacher });
    expect(success.changes.nodes).toEqual([{ table: 'employee', operation: 'UPDATE', rowId: expect.any(Number), before: { name: TEACHERS[1]!.name }, after: { name: 'Guru Dua Baru' } }]);
    expect(entries.filter((e) => !e.ok).length).toBeGreaterThanOrEqual(2);
  });
});

describe('row-level security coverage', () => {
  it('every table whose rows belong to a unit, position or employee has the scope policy', async () => {
    const em = server.orm.em.fork() as EntityManager;
    const rows = await execute<{ table_name: string; secured: boolean; forced: boolean }>(em, raw(`
      select c.relname as table_name, c.relrowsecurity as secured, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.relname
                    and k.column_name in ('unit_id', 'position_id', 'employee_id', 'from_position_id', 'recommendation_id'))
      order by 1`));
    // Accounts carry a unit to scope the account, not rows of that unit; admin-only.
    const exempt = new Set(['app_user', 'api_key']);
    const unsecured = rows.filter((r) => !exempt.has(r.table_name) && !(r.secured && r.forced)).map((r) => r.table_name);
    expect(unsecured, 'tables needing a row-scope policy (see db/row-scope.ts)').toEqual([]);
  });
});
