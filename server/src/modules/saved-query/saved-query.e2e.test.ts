import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../../testing/harness';
import { getSchema } from '../../graphql/schema';
import { DEFAULT_MAX_QUERY_COST } from '../../graphql/security';
import { bearer, keyToken, seedAccessFixture, userToken } from '../access/access.fixture';
import { sha256 } from '../access/secrets';
import { SavedQuery, SavedQueryVersion } from './saved-query.entity';
import { ensureSavedQueryTemplates, templateDefinitions } from './saved-query.templates';

/** Saved queries, templates, cost estimates and publishing to partner keys, over HTTP. */

let server: TestServer;

interface Raw {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { cost?: Record<string, number> } };
}

async function post(body: unknown, headers: Record<string, string>): Promise<Raw> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Raw['body'] };
}

interface UserErrorShape { field: string | null; code: string; message: string }
interface SavedShape {
  id: string; name: string; description: string | null; document: string; variables: Record<string, unknown> | null; operationName: string | null;
  sharing: string; sharedRole: string | null; template: boolean; version: number; canEdit: boolean; publishedVersion: number | null;
  owner: { email: string } | null; published: { hash: string } | null;
  versions: { version: number; name: string; document: string; editedBy: { email: string } | null }[];
}

const FIELDS = `id name description document variables operationName sharing sharedRole template version canEdit publishedVersion
  owner { email } published { hash } versions { version name document editedBy { email } }`;
const SAVE = `mutation($input: SaveQueryInput!) { saveQuery(input: $input) { savedQuery { ${FIELDS} } userErrors { field code message } } }`;
const DELETE = 'mutation($id: ID!) { deleteSavedQuery(id: $id) { deletedId userErrors { field code message } } }';
const ONE = `query($id: ID!) { savedQuery(id: $id) { ${FIELDS} } }`;
const LIST = `query($where: SavedQueryWhere, $orderBy: [SavedQueryOrder!]) { savedQueries(first: 100, where: $where, orderBy: $orderBy) { totalCount nodes { ${FIELDS} } } }`;
const PUBLISH = `mutation($id: ID!) { publishSavedQuery(id: $id) { savedQuery { ${FIELDS} } operation { hash name document } userErrors { field code message } } }`;
const ESTIMATE = 'query($d: String!, $v: JSON, $o: String) { estimateCost(document: $d, variables: $v, operationName: $o) { valid errors requested maximum budget remaining } }';

const TEACHERS_DOC = 'query Teachers($unit: String!, $n: Int) { employees(first: $n, where: { unitSubtreeOfCode: $unit }) { totalCount nodes { name unit { code } } } }';

type Headers = Record<string, string>;
let analystA: Headers;
let analystB: Headers;
let viewer: Headers;
let unitAdmin: Headers;
let admin: Headers;
const emails = new Map<Headers, string>();

async function save(input: Record<string, unknown>, headers: Headers): Promise<{ savedQuery: SavedShape | null; userErrors: UserErrorShape[] }> {
  const r = await server.gql(SAVE, { input }, headers);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.saveQuery;
}

async function saved(input: Record<string, unknown>, headers: Headers): Promise<SavedShape> {
  const r = await save(input, headers);
  expect(r.userErrors).toEqual([]);
  return r.savedQuery!;
}

async function visibleNames(headers: Headers, where: Record<string, unknown> = { template: false }): Promise<string[]> {
  const r = await server.gql(LIST, { where }, headers);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return (r.data!.savedQueries.nodes as SavedShape[]).map((q) => q.name).sort();
}

async function me(headers: Headers): Promise<string> {
  const r = await server.gql('{ me { label } }', undefined, headers);
  return r.data!.me.label as string;
}

beforeAll(async () => {
  server = await startTestServer({ maxQueryCost: DEFAULT_MAX_QUERY_COST });
  await seedAccessFixture(server);
  const o = server.orm;
  const big = 1_000_000;
  analystA = bearer(await userToken(o, 'ANALYST', null, big));
  analystB = bearer(await userToken(o, 'ANALYST', null, big));
  viewer = bearer(await userToken(o, 'VIEWER', null, big));
  unitAdmin = bearer(await userToken(o, 'UNIT_ADMIN', 'DISDIK', big));
  admin = bearer(await userToken(o, 'ADMIN', null, big));
  for (const h of [analystA, analystB, viewer, unitAdmin, admin]) emails.set(h, await me(h));
});
afterAll(async () => {
  await server?.close();
});

describe('templates', () => {
  it('offers the six domain templates to every role, each valid against the schema and runnable on the fixture', async () => {
    const schema = await getSchema();
    for (const h of [analystA, viewer, unitAdmin, admin]) {
      const r = await server.gql(LIST, { where: { template: true } }, h);
      expect(r.errors).toBeUndefined();
      expect(r.data!.savedQueries.totalCount).toBe(6);
    }
    const r = await server.gql(LIST, { where: { template: true }, orderBy: [{ field: 'NAME' }] }, viewer);
    const templates = r.data!.savedQueries.nodes as SavedShape[];
    for (const t of templates) {
      expect(t).toMatchObject({ template: true, sharing: 'EVERYONE', owner: null, canEdit: false, version: 1 });
      expect(validate(schema, parse(t.document)).map((e) => e.message), t.name).toEqual([]);
      for (const h of [viewer, analystA, unitAdmin]) {
        const run = await post({ query: t.document, variables: t.variables, operationName: t.operationName }, h);
        expect(run.body.errors, `${t.name}: ${JSON.stringify(run.body.errors)}`).toBeUndefined();
      }
    }
    // On the fixture's own codes every template finds its subject.
    const byOp = new Map(templates.map((t) => [t.operationName!, t]));
    const run = async (op: string, variables: Record<string, unknown>) => {
      const t = byOp.get(op)!;
      const res = await post({ query: t.document, variables: { ...t.variables, ...variables }, operationName: op }, analystA);
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      return res.body.data!;
    };
    expect((await run('PositionCandidates', { position: 'GURU-SD01', eligibleOnly: false, asOf: '2025-01-01' })).position.candidates.totalCount).toBeGreaterThan(0);
    expect((await run('CompetencyGapInUnit', { unit: 'DISDIK', competency: 'KOM', below: 5, asOf: '2025-01-01' })).employees.totalCount).toBe(5);
    // Four of the five DISDIK PNS completed nothing in 2024; the first teacher did 24 JP.
    expect((await run('DevelopmentHoursShortfall', { year: 2024, unit: 'DISDIK' })).employees.totalCount).toBe(4);
    expect((await run('TrainingImpact', { training: 'PELATIHAN-1' })).training.participations).toHaveLength(2);
    const matrix = (await run('UnitCompetencyGapMatrix', { unit: 'DISDIK', units: ['SD-01', 'SD-02'], asOf: '2025-01-01' })).competencyShortfalls as { unit: { code: string }; holders: number }[];
    expect(new Set(matrix.map((r) => r.unit.code))).toEqual(new Set(['SD-01', 'SD-02']));
    // Two teachers per school, every one required the competencies of the standard.
    expect(matrix.every((r) => r.holders === 2)).toBe(true);
    expect((await run('PositionTalentPool', { position: 'GURU-SD01', asOf: '2025-01-01' })).position.holders).toHaveLength(2);
  });

  it('are created idempotently at bootstrap; a changed definition becomes a new version', async () => {
    const em = () => server.orm.em.fork() as EntityManager;
    const before = await em().count(SavedQueryVersion, {});
    await ensureSavedQueryTemplates(em());
    expect(await em().count(SavedQueryVersion, {})).toBe(before);
    expect(await em().count(SavedQuery, { template: true })).toBe(6);
    // A year later only the JP template's default year changes.
    const nextYear = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 1));
    await ensureSavedQueryTemplates(em(), nextYear);
    expect(await em().count(SavedQueryVersion, {})).toBe(before + 1);
    const jp = await em().findOneOrFail(SavedQuery, { templateKey: 'development-hours-shortfall' });
    expect(jp.version).toBe(2);
    expect(jp.variables).toMatchObject({ year: nextYear.getUTCFullYear() - 1 });
    expect(templateDefinitions().map((d) => d.key)).toHaveLength(6);
    await ensureSavedQueryTemplates(em());
    expect((await em().findOneOrFail(SavedQuery, { templateKey: 'development-hours-shortfall' })).version).toBe(3);
  });

  it('cannot be changed or deleted, not even by an ADMIN', async () => {
    const [t] = (await server.gql(LIST, { where: { template: true } }, admin)).data!.savedQueries.nodes as SavedShape[];
    expect(t!.canEdit).toBe(false);
    const upd = await save({ id: t!.id, name: 'Mine now', document: t!.document }, admin);
    expect(upd.savedQuery).toBeNull();
    expect(upd.userErrors).toEqual([expect.objectContaining({ field: 'input.id', code: 'FORBIDDEN' })]);
    const del = await server.gql(DELETE, { id: t!.id }, admin);
    expect(del.data!.deleteSavedQuery).toEqual({ deletedId: null, userErrors: [expect.objectContaining({ field: 'id', code: 'FORBIDDEN' })] });
    const still = await server.gql(ONE, { id: t!.id }, viewer);
    expect(still.data!.savedQuery).toMatchObject({ name: t!.name, version: t!.version });
    // A copy is the way to adapt one.
    const copy = await saved({ name: `${t!.name} (copy)`, document: t!.document, variables: t!.variables, operationName: t!.operationName }, analystA);
    expect(copy).toMatchObject({ template: false, canEdit: true, owner: { email: emails.get(analystA) } });
  });
});

describe('saving', () => {
  it('saves, updates with versions, and deletes', async () => {
    const created = await saved({ name: 'Guru DISDIK', description: 'Teachers', document: TEACHERS_DOC, variables: { unit: 'DISDIK', n: 5 } }, analystA);
    expect(created).toMatchObject({
      name: 'Guru DISDIK', description: 'Teachers', sharing: 'PRIVATE', sharedRole: null, template: false, version: 1, canEdit: true,
      variables: { unit: 'DISDIK', n: 5 }, owner: { email: emails.get(analystA) }, published: null,
    });
    expect(created.versions).toEqual([{ version: 1, name: 'Guru DISDIK', document: TEACHERS_DOC, editedBy: { email: emails.get(analystA) } }]);

    // Sharing alone is not a new version of the content.
    const shared = await saved({ id: created.id, name: 'Guru DISDIK', description: 'Teachers', document: TEACHERS_DOC, variables: { n: 5, unit: 'DISDIK' }, sharing: 'EVERYONE' }, analystA);
    expect(shared).toMatchObject({ version: 1, sharing: 'EVERYONE' });

    const doc2 = TEACHERS_DOC.replace('name unit', 'name grade unit');
    const v2 = await saved({ id: created.id, name: 'Guru DISDIK', description: 'Teachers', document: doc2, variables: { unit: 'DISDIK', n: 5 } }, analystA);
    expect(v2).toMatchObject({ version: 2, document: doc2, sharing: 'EVERYONE' });
    expect(v2.versions.map((v) => [v.version, v.document])).toEqual([[2, doc2], [1, TEACHERS_DOC]]);

    // Another analyst sees it (EVERYONE) but may not change or delete it.
    const other = await server.gql(ONE, { id: created.id }, analystB);
    expect(other.data!.savedQuery).toMatchObject({ version: 2, canEdit: false });
    const refused = await save({ id: created.id, name: 'Hijacked', document: doc2 }, analystB);
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: 'input.id', code: 'FORBIDDEN' })]);
    const refusedDelete = await server.gql(DELETE, { id: created.id }, analystB);
    expect(refusedDelete.data!.deleteSavedQuery.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    // An ADMIN may edit anyone's query; the version names the editor.
    const v3 = await saved({ id: created.id, name: 'Guru DISDIK (admin)', document: doc2, variables: { unit: 'DISDIK', n: 5 } }, admin);
    expect(v3).toMatchObject({ version: 3, name: 'Guru DISDIK (admin)', owner: { email: emails.get(analystA) } });
    expect(v3.versions[0]).toMatchObject({ version: 3, editedBy: { email: emails.get(admin) } });

    const deleted = await server.gql(DELETE, { id: created.id }, analystA);
    expect(deleted.data!.deleteSavedQuery).toEqual({ deletedId: created.id, userErrors: [] });
    expect((await server.gql(ONE, { id: created.id }, analystA)).data!.savedQuery).toBeNull();
    expect(await (server.orm.em.fork() as EntityManager).count(SavedQueryVersion, { savedQuery: { name: 'Guru DISDIK (admin)' } })).toBe(0);
    const again = await server.gql(DELETE, { id: created.id }, analystA);
    expect(again.data!.deleteSavedQuery.userErrors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })]);
  });

  it('validates the document, variables, operation name and sharing, and writes nothing on a mistake', async () => {
    const count = () => (server.orm.em.fork() as EntityManager).count(SavedQuery, {});
    const before = await count();
    const errorsOf = async (input: Record<string, unknown>) => (await save({ name: 'Q', document: '{ me { label } }', ...input }, analystA)).userErrors;

    const syntax = await errorsOf({ document: '{ employees(first: 5) { nodes { name }' });
    expect(syntax).toEqual([expect.objectContaining({ field: 'input.document', code: 'INVALID', message: expect.stringMatching(/Syntax Error/) })]);
    const unknown = await errorsOf({ document: '{ employees { nodes { salary } } }' });
    expect(unknown).toEqual([expect.objectContaining({ field: 'input.document', message: expect.stringMatching(/Cannot query field "salary"/) })]);
    const mutation = await errorsOf({ document: 'mutation { logout { ended } }' });
    expect(mutation).toEqual([expect.objectContaining({ field: 'input.document', message: expect.stringMatching(/Only queries/) })]);
    const several = await errorsOf({ document: 'query A { me { label } } query B { me { role } }' });
    expect(several).toEqual([expect.objectContaining({ field: 'input.operationName', code: 'REQUIRED' })]);
    const wrongOp = await errorsOf({ document: 'query A { me { label } } query B { me { role } }', operationName: 'C' });
    expect(wrongOp).toEqual([expect.objectContaining({ field: 'input.operationName', code: 'NOT_FOUND' })]);
    expect(await errorsOf({ document: 'query A { me { label } } query B { me { role } }', operationName: 'B' })).toEqual([]);
    const all = await errorsOf({ name: ' ', variables: [1, 2], sharing: 'ROLE', document: '' });
    expect(all.map((e) => e.field).sort()).toEqual(['input.document', 'input.name', 'input.sharedRole', 'input.variables']);
    expect(await count()).toBe(before + 1);
  });
});

describe('sharing', () => {
  it('shows each role only its own, its role\'s, everyone\'s and the templates; keys and VIEWERs cannot save', async () => {
    const doc = '{ units(first: 5) { nodes { code } } }';
    const priv = await saved({ name: 'S private', document: doc }, analystA);
    const forViewers = await saved({ name: 'S viewers', document: doc, sharing: 'ROLE', sharedRole: 'VIEWER' }, analystA);
    const forAnalysts = await saved({ name: 'S analysts', document: doc, sharing: 'ROLE', sharedRole: 'ANALYST' }, analystA);
    const everyone = await saved({ name: 'S everyone', document: doc, sharing: 'EVERYONE', sharedRole: 'ADMIN' }, analystA);
    expect(everyone.sharedRole).toBeNull();
    const mine = await saved({ name: 'S unit admin', document: doc }, unitAdmin);

    const names = async (h: Headers) => (await visibleNames(h, { template: false, search: 'S ' })).filter((n) => n.startsWith('S '));
    expect(await names(analystA)).toEqual(['S analysts', 'S everyone', 'S private', 'S viewers']);
    expect(await names(analystB)).toEqual(['S analysts', 'S everyone']);
    expect(await names(viewer)).toEqual(['S everyone', 'S viewers']);
    expect(await names(unitAdmin)).toEqual(['S everyone', 'S unit admin']);
    expect(await names(admin)).toEqual(['S analysts', 'S everyone', 'S private', 'S unit admin', 'S viewers']);

    expect((await server.gql(ONE, { id: priv.id }, analystB)).data!.savedQuery).toBeNull();
    expect((await server.gql(ONE, { id: forViewers.id }, viewer)).data!.savedQuery).toMatchObject({ name: 'S viewers', canEdit: false });
    expect((await server.gql(ONE, { id: forAnalysts.id }, analystB)).data!.savedQuery).toMatchObject({ name: 'S analysts', canEdit: false });
    expect((await server.gql(ONE, { id: mine.id }, admin)).data!.savedQuery).toMatchObject({ canEdit: true });
    // A private query of someone else is "not found" for changes too: its id reveals nothing.
    expect((await save({ id: priv.id, name: 'x', document: doc }, analystB)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);

    expect(await visibleNames(analystA, { mine: true, search: 'S ' })).toEqual(['S analysts', 'S everyone', 'S private', 'S viewers']);
    expect(await visibleNames(analystB, { mine: false, sharing: 'ROLE' })).toEqual(['S analysts']);
    expect(await visibleNames(analystA, { search: 'VIEW', template: false })).toEqual(['S viewers']);

    const v = await server.gql(SAVE, { input: { name: 'V', document: doc } }, viewer);
    expect(v.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const scopes of [['read'], ['read', 'write', 'pii', 'admin']]) {
      const key = bearer(await keyToken(server.orm, scopes));
      for (const q of [LIST, `query { savedQuery(id: "${priv.id}") { name } }`]) {
        const r = await server.gql(q, {}, key);
        expect(r.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
        expect(r.data ?? null).toBeNull();
      }
      const k = await server.gql(SAVE, { input: { name: 'K', document: doc } }, key);
      expect(k.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('estimateCost', () => {
  it('reports the cost the pipeline charges, without running the document or taking any budget', async () => {
    const budget = 600;
    const user = bearer(await userToken(server.orm, 'ANALYST', null, budget));
    const variables = { unit: 'DISDIK', n: 250 };
    for (let i = 0; i < 3; i++) {
      const e = await server.gql(ESTIMATE, { d: TEACHERS_DOC, v: variables }, user);
      expect(e.errors).toBeUndefined();
      expect(e.data!.estimateCost).toMatchObject({ valid: true, errors: [], requested: 501, maximum: DEFAULT_MAX_QUERY_COST, budget });
      expect(e.data!.estimateCost.remaining).toBeGreaterThanOrEqual(budget - 10);
      expect(e.data!.estimateCost.remaining).toBeLessThanOrEqual(budget);
    }
    // Had any estimate taken its 501 points, this run would be throttled.
    const ran = await post({ query: TEACHERS_DOC, variables }, user);
    expect(ran.body.errors).toBeUndefined();
    expect(ran.body.extensions!.cost!.requested).toBe(501);

    for (const [d, v, o] of [
      ['{ employees(first: 10) { nodes { unit { code } } } }', null, null],
      ['query A { units(first: 7) { nodes { code positions { code } } } } query B { employeeAggregate(groupBy: [UNIT]) { headcount } }', null, 'B'],
      ['query A { units(first: 7) { nodes { code positions { code } } } } query B { employeeAggregate(groupBy: [UNIT]) { headcount } }', null, 'A'],
      ['query($p: String!) { position(code: $p) { candidates(first: 30) { nodes { jpm gaps { shortfall } employee { name } } } } }', { p: 'GURU-SD01' }, null],
    ] as const) {
      const e = await server.gql(ESTIMATE, { d, v, o }, admin);
      const r = await post({ query: d, variables: v, operationName: o }, admin);
      expect(r.body.errors).toBeUndefined();
      expect(e.data!.estimateCost.requested, d).toBe(r.body.extensions!.cost!.requested);
    }
  });

  it('explains invalid documents and variables, and is open to keys with read', async () => {
    const key = bearer(await keyToken(server.orm, ['read'], null, 5000));
    const ok = await server.gql(ESTIMATE, { d: '{ units(first: 10) { nodes { code } } }' }, key);
    expect(ok.data!.estimateCost).toMatchObject({ valid: true, requested: 11, budget: 5000 });
    const bad = await server.gql(ESTIMATE, { d: '{ units { nodes { nope } } }' }, key);
    expect(bad.data!.estimateCost).toMatchObject({ valid: false, requested: null, errors: [expect.stringMatching(/Cannot query field "nope"/)] });
    const syntax = await server.gql(ESTIMATE, { d: '{ units(' }, key);
    expect(syntax.data!.estimateCost).toMatchObject({ valid: false, errors: [expect.stringMatching(/Syntax Error/)] });
    const missing = await server.gql(ESTIMATE, { d: 'query($n: Int!) { units(first: $n) { nodes { code } } }', v: {} }, key);
    expect(missing.data!.estimateCost).toMatchObject({ valid: false, errors: [expect.stringMatching(/\$n/)] });
    const notObject = await server.gql(ESTIMATE, { d: '{ me { label } }', v: [1] }, key);
    expect(notObject.data!.estimateCost).toMatchObject({ valid: false, errors: ['variables must be a JSON object.'] });
  });
});

describe('publishing', () => {
  it('lets a persisted-only partner key run a published saved query by hash and nothing else', async () => {
    const published = await saved({ name: 'Teachers for Dapodik', document: TEACHERS_DOC, variables: { unit: 'DISDIK', n: 10 }, sharing: 'EVERYONE' }, analystA);
    const otherDoc = 'query Nurses { employees(first: 5, where: { unitSubtreeOfCode: "DINKES" }) { nodes { name } } }';
    const unpublished = await saved({ name: 'Nurses', document: otherDoc }, analystA);

    const notAdmin = await server.gql(PUBLISH, { id: published.id }, analystA);
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await server.gql(PUBLISH, { id: published.id }, admin);
    expect(r.errors).toBeUndefined();
    const p = r.data!.publishSavedQuery;
    expect(p.userErrors).toEqual([]);
    expect(p.operation).toEqual({ hash: sha256(TEACHERS_DOC), name: 'Teachers for Dapodik', document: TEACHERS_DOC });
    expect(p.savedQuery).toMatchObject({ publishedVersion: 1, published: { hash: sha256(TEACHERS_DOC) } });
    const missing = await server.gql(PUBLISH, { id: 'U2F2ZWRRdWVyeTo5OTk5OTk' }, admin);
    expect(missing.data!.publishSavedQuery.userErrors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })]);

    const partner = bearer(await keyToken(server.orm, ['read'], null, 10_000, true));
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TEACHERS_DOC) } }, variables: { unit: 'DISDIK', n: 10 } }, partner);
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data!.employees.totalCount).toBe(5);
    const byText = await post({ query: TEACHERS_DOC, variables: { unit: 'SD-01', n: 10 } }, partner);
    expect(byText.body.errors).toBeUndefined();
    expect(byText.body.data!.employees.totalCount).toBe(2);

    // Anything else is refused: another document, the unpublished saved query, the saved-query API itself.
    for (const query of [otherDoc, '{ employees(first: 5) { nodes { name } } }', LIST]) {
      const refused = await post({ query }, partner);
      expect(refused.status, query).toBe(403);
      expect(refused.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      expect(refused.body.data ?? null).toBeNull();
    }
    const unknownHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(unpublished.document) } } }, partner);
    expect(unknownHash.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknownHash.body.data ?? null).toBeNull();

    // Editing after publication: the partners keep the published text until it is published again.
    const doc2 = TEACHERS_DOC.replace('name unit', 'name grade unit');
    const edited = await saved({ id: published.id, name: 'Teachers for Dapodik', document: doc2, variables: { unit: 'DISDIK', n: 10 }, sharing: 'EVERYONE' }, analystA);
    expect(edited).toMatchObject({ version: 2, publishedVersion: 1, published: { hash: sha256(TEACHERS_DOC) } });
    expect((await post({ query: doc2, variables: { unit: 'DISDIK' } }, partner)).status).toBe(403);
    const again = await server.gql(PUBLISH, { id: published.id }, admin);
    expect(again.data!.publishSavedQuery.savedQuery).toMatchObject({ publishedVersion: 2, published: { hash: sha256(doc2) } });
    expect((await post({ query: doc2, variables: { unit: 'DISDIK' } }, partner)).body.errors).toBeUndefined();
  });
});
