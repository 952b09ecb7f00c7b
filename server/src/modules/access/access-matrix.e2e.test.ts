import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { getSchema } from '../../graphql/schema';
import { MUTATION_RULES, QUERY_RULES } from './rules';
import { bearer, keyToken, seedAccessFixture, userToken } from './access.fixture';
import type { Capability, Role } from './viewer';

/**
 * The authorisation matrix, generated from the schema: every root Query and
 * Mutation field × every kind of caller → allowed or refused, compared with
 * the expectation written below independently of rules.ts. A new root field
 * without a rule fails the first test; one whose rule departs from the
 * defaults (query = read, mutation = write) must be listed here.
 */

const PUBLIC = new Set(['me', 'login', 'logout']);
const ADMIN_ONLY = new Set(['exportDataset', 'users', 'apiKeys', 'auditLog', 'auditEntry', 'persistedOperations', 'importDataset', 'createUser', 'updateUser', 'disableUser', 'enableUser', 'resetUserPassword', 'createApiKey', 'revokeApiKey', 'registerPersistedOperation']);
const SHARED_WRITES = new Set([
  'createUnit', 'updateUnit', 'deleteUnit', 'createCompetency', 'updateCompetency', 'deleteCompetency', 'createTraining', 'updateTraining', 'deleteTraining',
  'createPolicyVersion', 'updatePolicyVersion', 'activatePolicyVersion', 'generateRecommendations',
]);
const NEEDS_PII = new Set(['employee']);
/** Saved queries are people's work: signed-in users only, never API keys. */
const USERS_ONLY = new Set(['savedQueries', 'savedQuery']);
/** Saving needs a role that analyses: ADMIN, UNIT_ADMIN or ANALYST users. */
const ANALYST_WRITES = new Set(['saveQuery', 'deleteSavedQuery']);
const ADMIN_USERS_ONLY = new Set(['publishSavedQuery']);
const ADMIN_WITH_PII = new Set(['exportDataset', 'auditLog', 'auditEntry']);
/** Not executed in the matrix: they change who is signed in (tested in limits.e2e.test.ts). */
const NOT_EXECUTED = new Set(['login', 'logout']);

interface Principal {
  name: string;
  headers: Record<string, string>;
  caps: Capability[];
  scoped: boolean;
  anonymous?: boolean;
  /** Role of a signed-in user; absent for keys. */
  role?: Role;
}

type Outcome = 'allowed' | 'refused';

function expected(p: Principal, kind: 'query' | 'mutation', field: string): Outcome {
  if (PUBLIC.has(field)) return 'allowed';
  if (p.anonymous) return 'refused';
  const has = (c: Capability) => p.caps.includes(c);
  if (USERS_ONLY.has(field)) return p.role && has('read') ? 'allowed' : 'refused';
  if (ANALYST_WRITES.has(field)) return p.role && p.role !== 'VIEWER' ? 'allowed' : 'refused';
  if (ADMIN_USERS_ONLY.has(field)) return p.role === 'ADMIN' ? 'allowed' : 'refused';
  // The export and the audit log carry personnel rows verbatim: admin keys need pii as well.
  if (ADMIN_WITH_PII.has(field)) return has('admin') && has('pii') && !p.scoped ? 'allowed' : 'refused';
  if (ADMIN_ONLY.has(field)) return has('admin') && !p.scoped ? 'allowed' : 'refused';
  if (SHARED_WRITES.has(field)) return has('write') && !p.scoped ? 'allowed' : 'refused';
  if (NEEDS_PII.has(field)) return has('read') && has('pii') ? 'allowed' : 'refused';
  return has(kind === 'query' ? 'read' : 'write') ? 'allowed' : 'refused';
}

/** A GraphQL literal of the right type: enough to pass validation and reach authorisation. */
function dummy(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${dummy(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': case 'Float': return '1';
      case 'Boolean': return 'false';
      case 'JSON': case 'JSONObject': return '{}';
      case 'DateTimeISO': case 'DateTime': case 'Date': return '"2030-01-01T00:00:00.000Z"';
      default: return '"x"';
    }
  }
  return '"x"';
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => `${a.name}: ${dummy(a.type)}`);
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

let server: TestServer;
const principals: Principal[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await seedAccessFixture(server);
  const o = server.orm;
  const big = 1_000_000;
  principals.push(
    { name: 'anonymous', headers: { authorization: '' }, caps: [], scoped: false, anonymous: true },
    { name: 'ADMIN', headers: bearer(await userToken(o, 'ADMIN', null, big)), caps: ['read', 'write', 'pii', 'introspection', 'admin'], scoped: false, role: 'ADMIN' },
    { name: 'UNIT_ADMIN(DISDIK)', headers: bearer(await userToken(o, 'UNIT_ADMIN', 'DISDIK', big)), caps: ['read', 'write', 'pii', 'introspection'], scoped: true, role: 'UNIT_ADMIN' },
    { name: 'ANALYST', headers: bearer(await userToken(o, 'ANALYST', null, big)), caps: ['read', 'pii', 'introspection'], scoped: false, role: 'ANALYST' },
    { name: 'VIEWER', headers: bearer(await userToken(o, 'VIEWER', null, big)), caps: ['read', 'introspection'], scoped: false, role: 'VIEWER' },
    { name: 'key[read]', headers: bearer(await keyToken(o, ['read'], null, big)), caps: ['read'], scoped: false },
    { name: 'key[read,pii]', headers: bearer(await keyToken(o, ['read', 'pii'], null, big)), caps: ['read', 'pii'], scoped: false },
    { name: 'key[read,write]', headers: bearer(await keyToken(o, ['read', 'write'], null, big)), caps: ['read', 'write'], scoped: false },
    { name: 'key[read,write]@DISDIK', headers: bearer(await keyToken(o, ['read', 'write'], 'DISDIK', big)), caps: ['read', 'write'], scoped: true },
    { name: 'key[introspection]', headers: bearer(await keyToken(o, ['introspection'], null, big)), caps: ['introspection'], scoped: false },
    { name: 'key[admin]', headers: bearer(await keyToken(o, ['read', 'admin'], null, big)), caps: ['read', 'admin'], scoped: false },
    { name: 'key[all]', headers: bearer(await keyToken(o, ['read', 'write', 'pii', 'introspection', 'admin'], null, big)), caps: ['read', 'write', 'pii', 'introspection', 'admin'], scoped: false },
  );
});
afterAll(async () => {
  await server?.close();
});

describe('authorisation matrix', () => {
  it('every root field of the schema has exactly one rule', async () => {
    const schema = await getSchema();
    const missing = [
      ...Object.keys(schema.getQueryType()!.getFields()).filter((f) => !QUERY_RULES[f]).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).filter((f) => !MUTATION_RULES[f]).map((f) => `Mutation.${f}`),
    ];
    expect(missing, 'root fields without an access rule in modules/access/rules.ts').toEqual([]);
  });

  it('allows and refuses every role and key kind × every root field as specified', async () => {
    const schema = await getSchema();
    const mismatches: string[] = [];
    const internal: string[] = [];
    for (const [kind, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const field of Object.values(type.getFields())) {
        if (NOT_EXECUTED.has(field.name)) continue;
        const doc = documentFor(kind, field);
        for (const p of principals) {
          const r = await server.gql(doc, undefined, p.headers);
          const codes = (r.errors ?? []).map((e) => String(e.extensions?.code));
          if (codes.includes('GRAPHQL_VALIDATION_FAILED')) throw new Error(`matrix document invalid: ${doc}: ${JSON.stringify(r.errors)}`);
          if (codes.includes('THROTTLED')) throw new Error(`throttled in the matrix: ${p.name} ${field.name}`);
          const got: Outcome = codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED') && !r.data ? 'refused' : 'allowed';
          const want = expected(p, kind, field.name);
          if (got !== want) mismatches.push(`${p.name} × ${kind} ${field.name}: expected ${want}, got ${got} ${JSON.stringify(r.errors?.[0]?.message ?? '')}`);
          if (codes.includes('INTERNAL_SERVER_ERROR')) internal.push(`${p.name} × ${field.name}: ${r.errors?.[0]?.message}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Dummy arguments may be refused as bad input, never crash the server.
    expect(internal).toEqual([]);
    // Over a thousand requests one after another (allowed ones really run), growing with every new root field.
  }, 300_000);

  it('masks personal data for VIEWER and keys without pii, shows it to the others', async () => {
    for (const p of principals.filter((x) => x.caps.includes('read'))) {
      const r = await server.gql<{ employees: { nodes: { nip: string; birthDate: string | null; gender: string | null; age: number | null }[] } }>(
        '{ employees(first: 50) { nodes { nip birthDate gender age } } }', undefined, p.headers);
      expect(r.errors, p.name).toBeUndefined();
      const nodes = r.data!.employees.nodes;
      expect(nodes.length, p.name).toBeGreaterThan(0);
      for (const e of nodes) {
        if (p.caps.includes('pii')) {
          expect(e.nip, p.name).toMatch(/^\d{18}$/);
          expect(e.birthDate, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(e.gender, p.name).toMatch(/^(MALE|FEMALE)$/);
        } else {
          expect(e, p.name).toEqual({ nip: '******************', birthDate: null, gender: null, age: null });
        }
      }
    }
  });

  it('refuses filtering and sorting on personal data without pii, even through variables', async () => {
    const viewer = principals.find((p) => p.name === 'VIEWER')!;
    const analyst = principals.find((p) => p.name === 'ANALYST')!;
    const byNip = 'query($w: EmployeeWhere) { employees(where: $w) { totalCount } }';
    const w = { or: [{ name: { eq: 'x' } }, { nip: { startsWith: '1980' } }] };
    const refused = await server.gql(byNip, { w }, viewer.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/personal data/);
    const sorted = await server.gql('{ employees(orderBy: [{ field: BIRTH_DATE }]) { totalCount } }', undefined, viewer.headers);
    expect(sorted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await server.gql(byNip, { w }, analyst.headers);
    expect(allowed.errors).toBeUndefined();
  });

  it('offers introspection to signed-in users and keys with the introspection scope only', async () => {
    const q = '{ __schema { queryType { name } } }';
    for (const p of principals) {
      const r = await server.gql(q, undefined, p.headers);
      const allowed = !p.anonymous && p.caps.includes('introspection');
      expect(r.errors === undefined, p.name).toBe(allowed);
    }
  });
});
