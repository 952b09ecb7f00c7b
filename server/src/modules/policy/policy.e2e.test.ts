import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { baseDataset } from '../../testing/fixtures';
import { toGlobalId } from '../../graphql/node';
import { bearer, userToken } from '../access/access.fixture';

/**
 * Policy versions over HTTP: drafts are created from a base and edited with
 * every mistake named by field, versions are compared key by key, exactly one
 * is ACTIVE, activation records who and when on both the new and the retired
 * version, the legacy JPM scheme (80/68) is a seeded draft one activation
 * away, and only ADMIN may change any of it.
 */
let server: TestServer;
let adminLabel: string;

const PV = 'id version name status parameters createdBy createdAt activatedAt activatedBy retiredAt retiredBy';
const LIST = `{ policyVersions { ${PV} } activePolicy { id version parameters } }`;
const CREATE = `mutation($name: String!, $p: PolicyParametersInput!, $basedOn: ID) {
  createPolicyVersion(name: $name, parameters: $p, basedOn: $basedOn) { policyVersion { ${PV} } userErrors { field code message } } }`;
const UPDATE = `mutation($id: ID!, $name: String, $p: PolicyParametersInput) {
  updatePolicyVersion(id: $id, name: $name, parameters: $p) { policyVersion { ${PV} } userErrors { field code message } } }`;
const ACTIVATE = `mutation($id: ID!) { activatePolicyVersion(id: $id) { policyVersion { ${PV} } retired { ${PV} } userErrors { field code message } } }`;
const COMPARE = `query($a: ID!, $b: ID!) { comparePolicyVersions(a: $a, b: $b) { a { version } b { version } changes { key a b } } }`;

interface Version {
  id: string; version: number; name: string; status: string; parameters: Record<string, unknown>; createdBy: string | null; createdAt: string;
  activatedAt: string | null; activatedBy: string | null; retiredAt: string | null; retiredBy: string | null;
}
interface UserErr { field: string | null; code: string; message: string }

async function versions(): Promise<{ all: Version[]; active: { id: string; version: number; parameters: Record<string, unknown> } }> {
  const r = await server.gql(LIST);
  expect(r.errors).toBeUndefined();
  return { all: r.data!.policyVersions as Version[], active: r.data!.activePolicy };
}
const byVersion = async (n: number): Promise<Version> => (await versions()).all.find((v) => v.version === n)!;
const MISSING = toGlobalId('PolicyVersion', 9999);
const fields = (errors: UserErr[]): (string | null)[] => errors.map((e) => e.field).sort();

beforeAll(async () => {
  server = await startTestServer();
  const imported = await server.gql(`mutation($d: JSONObject!) { importDataset(dataset: $d) { ok } }`, { d: baseDataset() });
  expect(imported.data!.importDataset.ok).toBe(true);
  adminLabel = (await server.gql(`{ me { label } }`)).data!.me.label;
});

afterAll(async () => {
  await server?.close();
});

describe('policy versions', () => {
  it('starts with the default active and the legacy 80/68 scheme as a draft', async () => {
    const { all, active } = await versions();
    expect(all.map((v) => [v.version, v.status])).toEqual([[2, 'DRAFT'], [1, 'ACTIVE']]);
    expect(active.version).toBe(1);
    expect(active.parameters).toMatchObject({ jpmOptimal: 90, jpmAdequate: 78, annualDevelopmentHours: 20 });
    expect(all[0]!.parameters).toMatchObject({ jpmOptimal: 80, jpmAdequate: 68, annualDevelopmentHours: 20 });
  });

  it('creates a draft from the active version (or a given base), numbered next, with who and when', async () => {
    const r = await server.gql(CREATE, { name: '  JP 24 mulai 2026  ', p: { annualDevelopmentHours: 24 } });
    expect(r.errors).toBeUndefined();
    const { policyVersion: v, userErrors } = r.data!.createPolicyVersion as { policyVersion: Version; userErrors: UserErr[] };
    expect(userErrors).toEqual([]);
    expect(v).toMatchObject({ version: 3, name: 'JP 24 mulai 2026', status: 'DRAFT', createdBy: adminLabel, activatedAt: null, activatedBy: null });
    expect(Date.now() - new Date(v.createdAt).getTime()).toBeLessThan(60_000);
    // Everything else comes from the active version.
    expect(v.parameters).toMatchObject({ annualDevelopmentHours: 24, jpmOptimal: 90, jpmAdequate: 78, talentPoolBoxes: [7, 8, 9], unitGapMinHolders: 2 });

    const legacy = await byVersion(2);
    const onLegacy = await server.gql(CREATE, { name: 'Legacy + 30 JP', p: { annualDevelopmentHours: 30 }, basedOn: legacy.id });
    expect(onLegacy.data!.createPolicyVersion.policyVersion).toMatchObject({ version: 4, status: 'DRAFT' });
    expect(onLegacy.data!.createPolicyVersion.policyVersion.parameters).toMatchObject({ jpmOptimal: 80, jpmAdequate: 68, annualDevelopmentHours: 30 });
    // Creating never touches the active version.
    expect((await versions()).active.version).toBe(1);
  });

  it('refuses an invalid draft with every mistake named by field, and writes nothing', async () => {
    const before = (await versions()).all.length;
    const r = await server.gql(CREATE, {
      name: ' ',
      p: { jpmOptimal: 120, jpmAdequate: 101, performanceYears: 11, talentPoolBoxes: [7, 7], trainingMinCompletions: 0, unitGapMinMeanShortfall: -1 },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createPolicyVersion.policyVersion).toBeNull();
    const errors = r.data!.createPolicyVersion.userErrors as UserErr[];
    expect(fields(errors)).toEqual([
      'name', 'parameters.jpmAdequate', 'parameters.jpmOptimal', 'parameters.performanceYears', 'parameters.talentPoolBoxes',
      'parameters.trainingMinCompletions', 'parameters.unitGapMinMeanShortfall',
    ]);
    expect(errors.find((e) => e.field === 'name')!.code).toBe('REQUIRED');
    expect(errors.find((e) => e.field === 'parameters.jpmOptimal')!.code).toBe('OUT_OF_RANGE');
    expect(errors.find((e) => e.field === 'parameters.talentPoolBoxes')!.message).toMatch(/distinct boxes 1–9/);
    expect((await versions()).all.length).toBe(before);

    const empty = await server.gql(CREATE, { name: 'Tanpa talent pool', p: { talentPoolBoxes: [] } });
    expect(empty.data!.createPolicyVersion.userErrors).toMatchObject([{ field: 'parameters.talentPoolBoxes', code: 'REQUIRED' }]);
    const nulls = await server.gql(CREATE, { name: 'Null', p: { minPredicate: null } });
    expect(nulls.data!.createPolicyVersion.userErrors).toMatchObject([{ field: 'parameters.minPredicate', code: 'REQUIRED' }]);
    const missingBase = await server.gql(CREATE, { name: 'Dari mana?', p: {}, basedOn: MISSING });
    expect(missingBase.data!.createPolicyVersion.policyVersion).toBeNull();
    expect(fields(missingBase.data!.createPolicyVersion.userErrors)).toEqual(['basedOn']);
  });

  it('updates a draft: name and parameters on top of its own values; mistakes named by field change nothing', async () => {
    const draft = await byVersion(3);
    const ok = await server.gql(UPDATE, { id: draft.id, name: 'JP 24, talent pool 8–9', p: { talentPoolBoxes: [9, 8], trainingMinCompletions: 5 } });
    expect(ok.data!.updatePolicyVersion.userErrors).toEqual([]);
    const updated = ok.data!.updatePolicyVersion.policyVersion as Version;
    expect(updated).toMatchObject({ version: 3, name: 'JP 24, talent pool 8–9', status: 'DRAFT' });
    // Earlier changes of the draft stay; boxes are stored sorted.
    expect(updated.parameters).toMatchObject({ annualDevelopmentHours: 24, talentPoolBoxes: [8, 9], trainingMinCompletions: 5, jpmOptimal: 90 });

    const bad = await server.gql(UPDATE, { id: draft.id, name: 'x'.repeat(256), p: { jpmAdequate: 91, trainingMaxDeltaPredicate: 5 } });
    expect(bad.data!.updatePolicyVersion.policyVersion).toBeNull();
    const errors = bad.data!.updatePolicyVersion.userErrors as UserErr[];
    expect(fields(errors)).toEqual(['name', 'parameters.jpmAdequate', 'parameters.trainingMaxDeltaPredicate']);
    expect(errors.find((e) => e.field === 'parameters.jpmAdequate')!.message).toMatch(/must not exceed jpmOptimal \(90\)/);
    expect(errors.find((e) => e.field === 'name')!.code).toBe('OUT_OF_RANGE');
    const after = await byVersion(3);
    expect(after.name).toBe('JP 24, talent pool 8–9');
    expect(after.parameters).toEqual(updated.parameters);
  });

  it('refuses to change the active version and an unknown id', async () => {
    const { active } = await versions();
    const locked = await server.gql(UPDATE, { id: active.id, p: { jpmOptimal: 85 } });
    expect(locked.data!.updatePolicyVersion.policyVersion).toBeNull();
    expect(locked.data!.updatePolicyVersion.userErrors).toMatchObject([{ field: 'id', code: 'CONFLICT' }]);
    expect((await versions()).active.parameters).toMatchObject({ jpmOptimal: 90 });
    const unknown = await server.gql(UPDATE, { id: MISSING, name: 'Hantu' });
    expect(unknown.data!.updatePolicyVersion.policyVersion).toBeNull();
    expect(fields(unknown.data!.updatePolicyVersion.userErrors)).toEqual(['id']);
  });

  it('compares two versions key by key, defaults filled in', async () => {
    const { all, active } = await versions();
    const draft = all.find((v) => v.version === 3)!;
    const legacy = all.find((v) => v.version === 2)!;
    const r = await server.gql(COMPARE, { a: active.id, b: draft.id });
    expect(r.errors).toBeUndefined();
    expect(r.data!.comparePolicyVersions).toMatchObject({ a: { version: 1 }, b: { version: 3 } });
    expect(r.data!.comparePolicyVersions.changes).toEqual([
      { key: 'annualDevelopmentHours', a: 20, b: 24 },
      { key: 'talentPoolBoxes', a: [7, 8, 9], b: [8, 9] },
      { key: 'trainingMinCompletions', a: 3, b: 5 },
    ]);
    const legacyDiff = await server.gql(COMPARE, { a: active.id, b: legacy.id });
    expect(legacyDiff.data!.comparePolicyVersions.changes).toEqual([{ key: 'jpmAdequate', a: 78, b: 68 }, { key: 'jpmOptimal', a: 90, b: 80 }]);
    const same = await server.gql(COMPARE, { a: legacy.id, b: legacy.id });
    expect(same.data!.comparePolicyVersions.changes).toEqual([]);
    const missing = await server.gql(COMPARE, { a: active.id, b: MISSING });
    expect(missing.data).toBeNull();
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('activates the legacy scheme in one call: one active at a time, who and when on both sides, history kept', async () => {
    const legacy = await byVersion(2);
    const started = Date.now();
    const r = await server.gql(ACTIVATE, { id: legacy.id });
    expect(r.errors).toBeUndefined();
    const { policyVersion: on, retired: off, userErrors } = r.data!.activatePolicyVersion as { policyVersion: Version; retired: Version; userErrors: UserErr[] };
    expect(userErrors).toEqual([]);
    expect(on).toMatchObject({ version: 2, status: 'ACTIVE', activatedBy: adminLabel, retiredAt: null, retiredBy: null });
    expect(off).toMatchObject({ version: 1, status: 'RETIRED', retiredBy: adminLabel, activatedBy: 'system' });
    expect(new Date(on.activatedAt!).getTime()).toBeGreaterThanOrEqual(started - 5_000);
    expect(off.retiredAt).toBe(on.activatedAt);

    const { all, active } = await versions();
    expect(active.version).toBe(2);
    expect(active.parameters).toMatchObject({ jpmOptimal: 80, jpmAdequate: 68 });
    expect(all.filter((v) => v.status === 'ACTIVE').map((v) => v.version)).toEqual([2]);
    // Nothing is deleted: every version is still listed, newest first.
    expect(all.map((v) => [v.version, v.status])).toEqual([[4, 'DRAFT'], [3, 'DRAFT'], [2, 'ACTIVE'], [1, 'RETIRED']]);

    // The rules now categorise with 80/68: a what-if of the legacy thresholds against the active policy changes nothing.
    const sim = await server.gql(`query { simulatePolicy(changes: { jpmOptimal: 80, jpmAdequate: 68 }) { changedKeys userErrors { field } } }`);
    expect(sim.data!.simulatePolicy).toEqual({ changedKeys: [], userErrors: [] });

    const again = await server.gql(ACTIVATE, { id: legacy.id });
    expect(again.data!.activatePolicyVersion.policyVersion).toBeNull();
    expect(again.data!.activatePolicyVersion.userErrors).toMatchObject([{ field: 'id', code: 'CONFLICT' }]);
    // A retired version is history too: it cannot be edited, only activated again.
    const editRetired = await server.gql(UPDATE, { id: off.id, p: { jpmOptimal: 85 } });
    expect(editRetired.data!.updatePolicyVersion.userErrors).toMatchObject([{ field: 'id', code: 'CONFLICT' }]);

    const back = await server.gql(ACTIVATE, { id: off.id });
    expect(back.data!.activatePolicyVersion.policyVersion).toMatchObject({ version: 1, status: 'ACTIVE', activatedBy: adminLabel, retiredAt: null, retiredBy: null });
    expect(back.data!.activatePolicyVersion.retired).toMatchObject({ version: 2, status: 'RETIRED', retiredBy: adminLabel, activatedBy: adminLabel });
    const now = await versions();
    expect(now.all.filter((v) => v.status === 'ACTIVE').map((v) => v.version)).toEqual([1]);
    expect(now.active.parameters).toMatchObject({ jpmOptimal: 90, jpmAdequate: 78 });

    // Each activation is in the audit log with its actor.
    const audit = await server.gql(`{ auditLog(mutation: "activatePolicyVersion", first: 10) { nodes { actor ok mutations } } }`);
    expect(audit.errors).toBeUndefined();
    const entries = audit.data!.auditLog.nodes as { actor: string; ok: boolean }[];
    expect(entries.filter((e) => e.ok).map((e) => e.actor)).toEqual([adminLabel, adminLabel]);
  });

  it('refuses creating, editing and activating versions for every role but ADMIN, and changes nothing', async () => {
    const draft = await byVersion(3);
    const before = await versions();
    const tokens = {
      UNIT_ADMIN: await userToken(server.orm, 'UNIT_ADMIN', 'DINKES'),
      ANALYST: await userToken(server.orm, 'ANALYST'),
      VIEWER: await userToken(server.orm, 'VIEWER'),
    };
    for (const [role, token] of Object.entries(tokens)) {
      const act = await server.gql(ACTIVATE, { id: draft.id }, bearer(token));
      expect(act.data ?? null, role).toBeNull();
      expect(act.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const create = await server.gql(CREATE, { name: `dari ${role}`, p: { annualDevelopmentHours: 40 } }, bearer(token));
      expect(create.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const update = await server.gql(UPDATE, { id: draft.id, p: { annualDevelopmentHours: 40 } }, bearer(token));
      expect(update.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      // Reading and comparing stay open to every reader.
      const read = await server.gql(COMPARE, { a: before.active.id, b: draft.id }, bearer(token));
      expect(read.errors, role).toBeUndefined();
    }
    const after = await versions();
    expect(after.all).toEqual(before.all);
    expect(after.active.version).toBe(1);
  });
});
