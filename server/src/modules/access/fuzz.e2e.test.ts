import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { getSchema } from '../../graphql/schema';
import { DEFAULT_MAX_QUERY_COST } from '../../graphql/security';
import { toGlobalId } from '../../graphql/node';
import { bearer, keyToken, seedAccessFixture, userToken } from './access.fixture';

/**
 * Random documents and variables, generated from the schema, sent as each
 * kind of caller: whatever the input, the server answers with data or
 * clear errors, never a 500 or an INTERNAL_SERVER_ERROR.
 */

let server: TestServer;
let schema: GraphQLSchema;
let callers: Record<string, string>[] = [];

/** Small deterministic PRNG so one fast-check seed = one document (shrinks by seed). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

const SAMPLE_IDS = [
  toGlobalId('Employee', 1), toGlobalId('Employee', 6), toGlobalId('Unit', 2), toGlobalId('Position', 1), toGlobalId('Training', 1),
  toGlobalId('Employee', 99999999), toGlobalId('Nope', 1), 'garbage', '', '%%%', toGlobalId('PolicyVersion', 1),
];
const STRINGS = ['', 'x', 'KOM', 'DISDIK', 'SD-01', '2024-01-01', '2024-02-30', '9999-99-99', 'é漢字🙂', 'a'.repeat(300), "'; drop table employee; --", '%', '_', '\\', 'null'];
const INTS = [0, 1, -1, 2, 5, 50, 500, 501, 2024, 2_147_483_647, -2_147_483_648];
const FLOATS = [0, 0.5, 1.25, -3, 5, 100, 1e308, -1e-308];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function value(rnd: () => number, type: GraphQLInputType, depth: number): unknown {
  if (rnd() < 0.03) return pick(rnd, [null, 'wrong', 42, [], {}, true]);
  if (isNonNullType(type)) return value(rnd, type.ofType, depth);
  if (rnd() < 0.1) return null;
  if (isListType(type)) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(rnd, type.ofType, depth + 1));
  if (isEnumType(type)) return pick(rnd, type.getValues()).name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth > 3) return out;
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) || rnd() < 0.25) out[f.name] = value(rnd, f.type, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': return pick(rnd, INTS);
      case 'Float': return pick(rnd, FLOATS);
      case 'Boolean': return rnd() < 0.5;
      case 'ID': return pick(rnd, SAMPLE_IDS);
      case 'JSON': case 'JSONObject': return pick(rnd, [{}, { units: [] }, { employees: [{ nip: 'x' }] }, { formatVersion: 1, units: [{ code: 'Z', name: 'Z', type: 'DINAS', parent: 'NOPE' }] }]);
      case 'DateTimeISO': case 'DateTime': case 'Date': return pick(rnd, ['2030-01-01T00:00:00.000Z', '2020-01-01T00:00:00Z', 'not a date']);
      default: return pick(rnd, STRINGS);
    }
  }
  return null;
}

interface Built {
  text: string;
  variables: Record<string, unknown>;
}

function build(rnd: () => number): Built {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  let n = 0;
  const args = (field: GraphQLField<unknown, unknown>): string => {
    const parts: string[] = [];
    for (const a of field.args) {
      if (!isNonNullType(a.type) && rnd() < 0.6) continue;
      const v = `v${n++}`;
      defs.push(`$${v}: ${a.type.toString()}`);
      variables[v] = value(rnd, a.type, 0);
      parts.push(`${a.name}: $${v}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  };
  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isLeafType(type)) return '';
    if (isUnionType(type) || depth > 3) return '{ __typename }';
    if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
    const fields = Object.values(type.getFields());
    const chosen = fields.filter(() => rnd() < 0.35).slice(0, 6);
    if (chosen.length === 0) chosen.push(pick(rnd, fields));
    return `{ __typename ${chosen.map((f) => `${f.name}${args(f)} ${selection(getNamedType(f.type), depth + 1)}`).join(' ')} }`;
  };
  const mutation = rnd() < 0.15;
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const candidates = Object.values(root.getFields()).filter((f) => f.name !== 'logout');
  const roots = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(rnd, candidates));
  const body = roots.map((f, i) => `r${i}: ${f.name}${args(f)} ${selection(getNamedType(f.type), 1)}`).join(' ');
  return { text: `${mutation ? 'mutation' : 'query'}${defs.length ? `(${defs.join(', ')})` : ''} { ${body} }`, variables };
}

async function send(query: string, variables: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.text() };
}

function expectNoCrash(r: { status: number; body: string }, what: string): void {
  expect(r.status, `${what}\n${r.body.slice(0, 2000)}`).toBeLessThan(500);
  let body: { errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } }[] } = {};
  try {
    body = JSON.parse(r.body || '{}') as typeof body;
  } catch {
    // Not JSON: express's own 4xx page for an unparsable body.
  }
  const internal = (body.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR').map((e) => `${e.message} ${JSON.stringify(e.extensions?.stacktrace ?? '')}`);
  expect(internal, what).toEqual([]);
}

beforeAll(async () => {
  server = await startTestServer({ maxQueryCost: DEFAULT_MAX_QUERY_COST });
  await seedAccessFixture(server);
  schema = await getSchema();
  const big = 10_000_000;
  callers = [
    bearer(server.adminToken),
    bearer(await userToken(server.orm, 'UNIT_ADMIN', 'DISDIK', big)),
    bearer(await userToken(server.orm, 'VIEWER', null, big)),
    bearer(await keyToken(server.orm, ['read'], 'DISDIK', big)),
    bearer(await keyToken(server.orm, ['read', 'write', 'pii'], 'SD-01', big)),
    { authorization: '' },
  ];
});
afterAll(async () => {
  await server?.close();
});

describe('fuzzing', () => {
  it('random schema-shaped documents and variables never crash the server', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat({ max: 5 }), async (seed, who) => {
      const doc = build(prng(seed));
      expectNoCrash(await send(doc.text, doc.variables, callers[who]!), `${doc.text}\n${JSON.stringify(doc.variables)}`);
    }), { numRuns: Number(process.env.SIKAP_FUZZ_RUNS ?? 250) });
  });

  it('random text, broken documents and odd request bodies never crash the server', async () => {
    const valid = '{ employees(first: 5) { nodes { name unit { code } } } }';
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 5 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
      ),
      fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
      fc.nat({ max: 5 }),
      async (query, variables, who) => {
        expectNoCrash(await send(query, variables, callers[who]!), `${JSON.stringify(query)} ${JSON.stringify(variables)}`);
      },
    ), { numRuns: 150 });
    for (const raw of ['', 'null', '[]', '{"query": 5}', '{"query": "{ me { signedIn } }", "variables": "x"}', '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "zz"}}}']) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...callers[0]! }, body: raw });
      expectNoCrash({ status: res.status, body: await res.text() }, raw);
    }
  });
});
