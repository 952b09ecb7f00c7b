import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { parseNip } from '../../domain/nip';
import { ALL_NIPS, bearer, keyToken, NURSES, seedAccessFixture, TEACHERS, userToken } from './access.fixture';

/**
 * Issue #5: a caller without `pii` never sees a NIP (or a birth date) by any
 * path. Field masking covers the data itself; these are the other paths:
 * user-error messages that name an employee, stored texts that mention one
 * (recommendation rationales and evidence queries, saved queries), and the
 * administration fields that return personnel rows verbatim.
 */

let server: TestServer;
let writerWithoutPii: Record<string, string>;
let writerWithPii: Record<string, string>;
const BIRTH_DATES = ALL_NIPS.map((n) => {
  const parsed = parseNip(n);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.birthDate;
});

/** Every NIP or birth date of the fixture that occurs anywhere in a response. */
function personalDataIn(body: unknown): string[] {
  const text = JSON.stringify(body);
  return [...ALL_NIPS, ...BIRTH_DATES].filter((value) => text.includes(value));
}

async function idOf(query: string, path: (d: Record<string, any>) => string): Promise<string> {
  const r = await server.gql(query);
  expect(r.errors).toBeUndefined();
  return path(r.data!);
}

const EMPLOYEE = 'mutation($id: ID, $input: EmployeeInput!) { result: EMPLOYEE_MUTATION { employee { id name } userErrors { field code message } } }';
const createEmployee = EMPLOYEE.replace('$id: ID, ', '').replace('EMPLOYEE_MUTATION', 'createEmployee(input: $input)');
const updateEmployee = EMPLOYEE.replace('$id: ID,', '$id: ID!,').replace('EMPLOYEE_MUTATION', 'updateEmployee(id: $id, input: $input)');
const PARTICIPATION = 'mutation($input: TrainingParticipationInput!) { result: createTrainingParticipation(input: $input) { trainingParticipation { id } userErrors { field code message } } }';
const EVALUATION = 'mutation($input: TrainingEvaluationInput!) { result: createTrainingEvaluation(input: $input) { trainingEvaluation { id } userErrors { field code message } } }';
const PLAN_SAVE = 'mutation($p: [ID!]!, $asOf: String) { saveAssignmentPlan(positions: $p, asOf: $asOf) { plan { id seats { match { employee { id } } } } userErrors { message } } }';
const PLAN_APPLY = 'mutation($id: ID!) { result: applyAssignmentPlan(id: $id) { plan { id } userErrors { field code message } } }';

let teacher0: string;
let teacher2: string;
let training: string;
let guruSd01: string;
let guruSd02: string;
let sd01: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedAccessFixture(server);
  writerWithoutPii = bearer(await keyToken(server.orm, ['read', 'write'], null, 1_000_000));
  writerWithPii = bearer(await keyToken(server.orm, ['read', 'write', 'pii'], null, 1_000_000));
  const byNip = async (nip: string) => idOf(`{ employee(nip: "${nip}") { id } }`, (d) => d.employee.id);
  teacher0 = await byNip(TEACHERS[0]!.nip);
  teacher2 = await byNip(TEACHERS[2]!.nip);
  training = await idOf('{ training(code: "PELATIHAN-1") { id } }', (d) => d.training.id);
  guruSd01 = await idOf('{ position(code: "GURU-SD01") { id } }', (d) => d.position.id);
  sd01 = await idOf('{ unit(code: "SD-01") { id } }', (d) => d.unit.id);
  guruSd02 = await idOf('{ position(code: "GURU-SD02") { id } }', (d) => d.position.id);
});
afterAll(async () => {
  await server?.close();
});

describe('user errors name employees without their NIP for callers without pii', () => {
  const cases: [string, () => [string, Record<string, unknown>]][] = [
    ['createEmployee with a NIP already taken', () => [createEmployee, {
      input: { nip: TEACHERS[1]!.nip, name: 'Duplikat', status: 'PNS', grade: 'III_A', education: 'S1', unit: sd01 },
    }]],
    ['updateEmployee to a NIP already taken', () => [updateEmployee, { id: teacher0, input: { nip: NURSES[2]!.nip } }]],
    ['createTrainingParticipation that exists already', () => [PARTICIPATION, {
      input: { employee: teacher0, training, startedAt: '2024-03-01', completedAt: '2024-03-05', status: 'COMPLETED' },
    }]],
    ['createTrainingEvaluation that exists already', () => [EVALUATION, {
      input: { training, employee: teacher0, level: 1, score: 90, respondent: 'PARTICIPANT', evaluatedAt: '2024-03-06' },
    }]],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const [query, variables] = make();
    const refused = await server.gql(query, variables, writerWithoutPii);
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.result.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    expect(personalDataIn(refused)).toEqual([]);
    // The same mistake by a caller with pii names the NIP: the masking above is what made the difference.
    const withPii = await server.gql(query, variables, writerWithPii);
    expect(withPii.data!.result.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    expect(personalDataIn(withPii).length).toBeGreaterThan(0);
  });

  it('applyAssignmentPlan on a plan whose candidate has moved', async () => {
    const saved = await server.gql(PLAN_SAVE, { p: [guruSd01, guruSd02], asOf: '2025-01-01' });
    expect(saved.data!.saveAssignmentPlan.userErrors).toEqual([]);
    const plan = saved.data!.saveAssignmentPlan.plan as { id: string; seats: { match: { employee: { id: string } } | null }[] };
    const moved = plan.seats.find((s) => s.match)?.match?.employee.id ?? teacher2;
    expect(plan.seats.some((s) => s.match), 'the fixture must give the plan at least one candidate').toBe(true);
    const move = await server.gql(updateEmployee, { id: moved, input: { position: null } });
    expect(move.data!.result.userErrors).toEqual([]);
    const stale = await server.gql(PLAN_APPLY, { id: plan.id }, writerWithoutPii);
    expect(stale.data!.result.userErrors).toEqual([expect.objectContaining({ code: 'STALE', message: expect.stringContaining(moved) })]);
    expect(personalDataIn(stale)).toEqual([]);
    const withPii = await server.gql(PLAN_APPLY, { id: plan.id }, writerWithPii);
    expect(withPii.data!.result.userErrors).toEqual([expect.objectContaining({ code: 'STALE' })]);
    expect(personalDataIn(withPii).length).toBeGreaterThan(0);
  });
});

describe('stored texts and administration', () => {
  it('masks NIPs in recommendation rationales and evidence queries', async () => {
    const gen = await server.gql('mutation { generateRecommendations(asOf: "2025-01-01", year: 2024) { byKind { kind count } userErrors { message } } }');
    expect(gen.data!.generateRecommendations.userErrors).toEqual([]);
    const q = '{ recommendations(first: 500, where: { kind: { eq: DEVELOPMENT_HOURS_SHORTFALL } }) { totalCount nodes { title rationale action evidence evidenceQuery } } }';
    const viewer = bearer(await userToken(server.orm, 'VIEWER'));
    for (const who of [writerWithoutPii, viewer]) {
      const r = await server.gql(q, undefined, who);
      expect(r.errors).toBeUndefined();
      expect(r.data!.recommendations.totalCount).toBeGreaterThan(0);
      expect(personalDataIn(r)).toEqual([]);
      expect(r.data!.recommendations.nodes[0].evidenceQuery).toContain('employee(nip: "******************")');
    }
    const analyst = await server.gql(q, undefined, bearer(await userToken(server.orm, 'ANALYST')));
    expect(personalDataIn(analyst).length).toBeGreaterThan(0);
  });

  it('masks NIPs written into a saved query for VIEWERs', async () => {
    const nip = TEACHERS[3]!.nip;
    const document = `query Evidence { employee(nip: "${nip}") { name } }`;
    const analyst = bearer(await userToken(server.orm, 'ANALYST'));
    const saved = await server.gql('mutation($input: SaveQueryInput!) { saveQuery(input: $input) { savedQuery { id } userErrors { message } } }', {
      input: { name: `Evidence ${nip}`, description: `Checks ${nip}`, document, variables: { nip }, sharing: 'EVERYONE' },
    }, analyst);
    expect(saved.data!.saveQuery.userErrors).toEqual([]);
    const read = `{ savedQuery(id: "${saved.data!.saveQuery.savedQuery.id}") { name description document variables versions { name description document variables } } }`;
    const asViewer = await server.gql(read, undefined, bearer(await userToken(server.orm, 'VIEWER')));
    expect(asViewer.data!.savedQuery.document).toBe('query Evidence { employee(nip: "******************") { name } }');
    expect(personalDataIn(asViewer)).toEqual([]);
    const asAnalyst = await server.gql(read, undefined, analyst);
    expect(asAnalyst.data!.savedQuery.document).toBe(document);
  });

  it('refuses the export and the audit log to an admin key without pii', async () => {
    const adminKey = bearer(await keyToken(server.orm, ['read', 'admin'], null, 1_000_000));
    for (const q of ['{ exportDataset }', '{ auditLog(first: 50) { nodes { variables changes { nodes { before after } } } } }', '{ auditEntry(id: "QXVkaXRFbnRyeTox") { changes { nodes { before after } } } }']) {
      const r = await server.gql(q, undefined, adminKey);
      expect(r.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
      expect(personalDataIn(r)).toEqual([]);
    }
    const full = bearer(await keyToken(server.orm, ['read', 'admin', 'pii'], null, 1_000_000));
    const exported = await server.gql('{ exportDataset }', undefined, full);
    expect(personalDataIn(exported).length).toBeGreaterThan(0);
  });
});
