/**
 * Operations O1–O8, each written three times — Sikap's GraphQL, PostGraphile's
 * GraphQL, one hand-written SQL statement for the raw bound — plus a
 * projection of each answer onto the same canonical shape, so the harness
 * can check by hash that the three systems answered the same question.
 */
import type { QueryResultRow } from 'pg';
import { candidatesSql, type PolicyParameters } from './matching-sql';

export type SystemName = 'sikap' | 'postgraphile' | 'raw';
export const SYSTEMS: SystemName[] = ['sikap', 'postgraphile', 'raw'];

export interface Fixtures {
  asOf: string;
  /** Unit with the largest subtree among top-level units (O2, O6). */
  rootUnit: string;
  rootUnitId: number;
  /** Unit whose positions have a few dozen holders (O3). */
  deepUnit: string;
  /** Positions with a standard (O5). */
  positions: string[];
  /** Employees with trainings and appraisals (O7). */
  profileNips: string[];
  /** Grades from III/a up, as stored ('III/a'). */
  gradesFromIIIa: string[];
  /** Employees and a competency for the write (O8). */
  writeEmployees: number[];
  writeCompetency: { id: number; code: string };
  policy: PolicyParameters;
}

/** What one request to one system looks like: an HTTP body (and, for writes, a body per request). */
export interface Request {
  body: string;
  /** For writes: a fresh body per request (unique natural keys). */
  next?: (i: number) => string;
}

export interface Prepared {
  requests: Request[];
}

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A numeric value as the systems send it (PostGraphile sends numerics and bigints as strings). */
type Num = number | string | null;

interface Connection<T> {
  nodes?: T[] | null;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null } | null;
}
interface Coded { code: string }
interface EmployeeNode { nip: string; name: string; grade: string; unit?: Coded | null; position?: Coded | null }
interface AssessmentNode { level: Num; assessedAt: string; competency: Coded }
interface SikapHolder { nip: string; name: string; assessments: AssessmentNode[] }
interface PgHolder { nip: string; name: string; competencyAssessments?: Connection<AssessmentNode> | null }
interface SikapPosition { code: string; name: string; holders: SikapHolder[] }
interface PgPosition { code: string; name: string; employees?: Connection<PgHolder> | null }
interface SikapUnit { code: string; name: string; positions: SikapPosition[] }
interface PgUnit { code: string; name: string; positions?: Connection<PgPosition> | null }
interface AggregateRow { group: { key?: string; value: string; label?: string }[]; headcount: number; assessed: number; meanLevel: Num; minLevel?: Num; maxLevel?: Num }
interface PgTypeSummaryRow { unitCode: string; competencyType: string; headcount: number; assessed: number; meanLevel: Num }
interface PgCompetencySummaryRow { competencyCode: string; competencyName: string; headcount: number; assessed: number; meanLevel: Num; minLevel: Num; maxLevel: Num }
interface SikapCandidate { rank: number; jpm: Num; category: string; eligible: boolean; employee: { nip: string; name: string } }
interface PgCandidate { rank: number; nip: string; name: string; jpm: Num; category: string; eligible: boolean }
interface Participation { status: string; startedAt: string; completedAt: string | null; training: { code: string; title: string; hours: Num } }
interface Appraisal { period: string; periodStart: string; predicate: string }
interface SikapProfile extends EmployeeNode { participations: Participation[]; appraisals: Appraisal[] }
interface PgProfile extends EmployeeNode { trainingParticipations?: Connection<Participation> | null; performanceAppraisals?: Connection<Appraisal> | null }
interface RecommendationNode { key: string; kind: string; severity: string; impact: Num; unit?: Coded | null }
interface AssessmentOut { level: Num; assessedAt: string; method: string; competency: Coded }

/** The `data` of the answers the projections read: Sikap's (and the raw server's) fields and PostGraphile's, by operation. */
export interface ResponseData {
  /** O1, O2 */ employees?: Connection<EmployeeNode> | null;
  unitSubtreeEmployees?: Connection<EmployeeNode> | null;
  /** O3 */ unit?: SikapUnit | null;
  unitByCode?: PgUnit | null;
  /** O4, O6 */ employeeAggregate?: AggregateRow[] | null;
  unitCompetencyTypeSummary?: Connection<PgTypeSummaryRow> | null;
  unitCompetencySummary?: Connection<PgCompetencySummaryRow> | null;
  /** O5 */ position?: { candidates?: Connection<SikapCandidate> | null } | null;
  positionCandidates?: Connection<PgCandidate> | null;
  /** O7 */ employee?: SikapProfile | null;
  employeeByNip?: PgProfile | null;
  /** O6R */ recommendations?: Connection<RecommendationNode> | null;
  unitSubtreeRecommendations?: Connection<RecommendationNode> | null;
  /** O8 */ recordAssessment?: { assessment?: AssessmentOut | null } | null;
  createCompetencyAssessment?: { competencyAssessment?: AssessmentOut | null } | null;
}

/** A GraphQL answer (the raw server answers in the same envelope). */
export interface GqlResponse<D = ResponseData> {
  data?: D | null;
  errors?: Json[];
  extensions?: { sqlStatements?: number | null; timingMs?: number | null; [k: string]: Json | undefined };
}

export type Send = (body: string) => Promise<GqlResponse>;
export type RawQuery = <R extends QueryResultRow = QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>;

export interface Operation {
  id: string;
  title: string;
  /** Builds the requests for one system; may query the system itself (cursors). */
  prepare(system: SystemName, f: Fixtures, send: Send, rawQuery: RawQuery): Promise<Prepared>;
  /** Canonical projection of one answer. */
  project(system: SystemName, response: GqlResponse): unknown;
  write?: boolean;
}

const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const rawBody = (op: string, values: unknown[]) => JSON.stringify({ op, values });
/**
 * A number rounded to 6 decimals for comparison. The systems sum float8 in different orders (their plans differ), so a
 * mean can come back as 1.3890625 from one and 1.3890624999999999 from another; means of levels with two decimals land
 * exactly on a half at the 7th decimal often enough (8 of 2,688 O4 rows at 20,000 employees) that plain rounding split
 * them. The rounding edge sits at .4999 of the last unit instead: such a mean of n levels is at least 1/(10,000 n) units
 * away from it, far more than summation noise.
 */
const r6 = (v: unknown) => (v === null || v === undefined ? null : Math.floor(Number(v) * 1e6 + 0.5001) / 1e6);
const grade = (g: string) => g.replace('/', '_').toUpperCase();
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const nodes = <T>(c: Connection<T> | null | undefined): T[] => c?.nodes ?? [];
const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** SQL of the raw server, by operation; each returns one row with one text column `data` (the JSON of `data`). */
export function rawStatements(policy: PolicyParameters): Record<string, string> {
  return {
    O1: `select json_build_object('employees', json_build_object('nodes', coalesce(json_agg(json_build_object(
        'nip', e.nip, 'name', e.name, 'grade', e.grade, 'unit', json_build_object('code', u.code, 'name', u.name),
        'position', case when p.id is null then null else json_build_object('code', p.code, 'name', p.name) end) order by e.name, e.id), '[]')))::text as data
      from (select * from employee order by name, id limit $1) e join unit u on u.id = e.unit_id left join position p on p.id = e.position_id`,
    O2: `with recursive sub as (select id from unit where code = $1 union all select u.id from unit u join sub on u.parent_id = sub.id),
      page as (select e.* from employee e where e.unit_id in (select id from sub) and e.grade = any($2::text[]) and (e.name, e.id) > ($3::text, $4::int)
        order by e.name, e.id limit 21)
      select json_build_object('employees', json_build_object(
        'nodes', coalesce((select json_agg(json_build_object('nip', x.nip, 'name', x.name, 'grade', x.grade, 'unit', json_build_object('code', u.code)) order by x.name, x.id)
          from (select * from page order by name, id limit 20) x join unit u on u.id = x.unit_id), '[]'),
        'pageInfo', json_build_object('hasNextPage', (select count(*) > 20 from page))))::text as data`,
    O3: `select json_build_object('unit', (select json_build_object('code', u.code, 'name', u.name, 'positions', coalesce((
        select json_agg(json_build_object('code', p.code, 'name', p.name, 'holders', coalesce((
          select json_agg(json_build_object('nip', e.nip, 'name', e.name, 'assessments', coalesce((
            select json_agg(json_build_object('level', a.level, 'assessedAt', a.assessed_at, 'competency', json_build_object('code', c.code)) order by a.assessed_at desc, a.id desc)
            from competency_assessment a join competency c on c.id = a.competency_id where a.employee_id = e.id), '[]')) order by e.name, e.id)
          from employee e where e.position_id = p.id), '[]')) order by p.code)
        from position p where p.unit_id = u.id), '[]')) from unit u where u.code = $1))::text as data`,
    O4: `with rows as (${aggregateByUnitSql('$1::date')})
      select json_build_object('employeeAggregate', coalesce(json_agg(json_build_object(
        'group', json_build_array(json_build_object('key', 'UNIT', 'value', unit_code), json_build_object('key', 'COMPETENCY_TYPE', 'value', competency_type)),
        'headcount', headcount, 'assessed', assessed, 'meanLevel', mean_level) order by unit_code, competency_type), '[]'))::text as data from rows`,
    O5: `with c as (${candidatesSql(policy, { positionCode: '$1', asOf: '$2::date', limit: '$3' })})
      select json_build_object('position', case when exists (select 1 from position where code = $1) then json_build_object('candidates', json_build_object('nodes',
        coalesce((select json_agg(json_build_object('rank', rank, 'jpm', jpm, 'category', category, 'eligible', eligible,
          'employee', json_build_object('nip', nip, 'name', name)) order by rank) from c), '[]'))) end)::text as data`,
    O6: `with rows as (${unitCompetencySql('$1', '$2::date')})
      select json_build_object('employeeAggregate', coalesce(json_agg(json_build_object(
        'group', json_build_array(json_build_object('value', competency_code, 'label', competency_name)),
        'headcount', headcount, 'assessed', assessed, 'meanLevel', mean_level, 'minLevel', min_level, 'maxLevel', max_level) order by competency_code), '[]'))::text as data from rows`,
    O7: `select json_build_object('employee', (select json_build_object('nip', e.nip, 'name', e.name, 'grade', e.grade,
        'unit', (select json_build_object('code', u.code, 'name', u.name) from unit u where u.id = e.unit_id),
        'position', (select json_build_object('code', p.code, 'name', p.name) from position p where p.id = e.position_id),
        'participations', coalesce((select json_agg(json_build_object('status', tp.status, 'startedAt', tp.started_at, 'completedAt', tp.completed_at,
          'training', json_build_object('code', t.code, 'title', t.title, 'hours', t.hours)) order by tp.started_at desc, tp.id)
          from training_participation tp join training t on t.id = tp.training_id where tp.employee_id = e.id), '[]'),
        'appraisals', coalesce((select json_agg(json_build_object('period', pa.period, 'periodStart', pa.period_start, 'predicate', pa.predicate) order by pa.period_start desc, pa.id)
          from performance_appraisal pa where pa.employee_id = e.id), '[]'))
        from employee e where e.nip = $1))::text as data`,
    O6R: `with recursive sub as (select id from unit where code = $1 union all select u.id from unit u join sub on u.parent_id = sub.id)
      select json_build_object('recommendations', json_build_object('nodes', coalesce(json_agg(json_build_object('key', r.key, 'kind', r.kind, 'severity', r.severity,
        'impact', r.impact, 'unit', json_build_object('code', u.code)) order by r.impact desc, r.id), '[]')))::text as data
      from (select * from recommendation where unit_id in (select id from sub) order by impact desc, id limit 20) r join unit u on u.id = r.unit_id`,
    O8: `with ins as (insert into competency_assessment (employee_id, competency_id, level, assessed_at, method) values ($1, $2, $3, $4::date, $5) returning *)
      select json_build_object('recordAssessment', json_build_object('assessment', json_build_object('level', ins.level, 'assessedAt', ins.assessed_at,
        'method', ins.method, 'competency', json_build_object('code', c.code)), 'userErrors', '[]'::json))::text as data
      from ins join competency c on c.id = ins.competency_id`,
  };
}

/** employeeAggregate(groupBy: [UNIT, COMPETENCY_TYPE]) as analytics.service.ts computes it. */
export function aggregateByUnitSql(asOf: string): string {
  return `with cur as (select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_assessment a where a.assessed_at <= ${asOf} order by a.employee_id, a.competency_id, a.assessed_at desc)
    select gu.code::text as unit_code, gc.type::text as competency_type, count(distinct e.id)::int as headcount,
      count(distinct cur.employee_id)::int as assessed, avg(cur.level) as mean_level
    from employee e join unit gu on gu.id = e.unit_id join cur on cur.employee_id = e.id left join competency gc on gc.id = cur.competency_id
    group by gu.code, gu.name, gu.id, gc.type`;
}

/** employeeAggregate(groupBy: [COMPETENCY], where: { unitSubtreeOfCode }) as analytics.service.ts computes it. */
export function unitCompetencySql(rootCode: string, asOf: string): string {
  return `with recursive sub as (select id from unit where code = ${rootCode} union all select u.id from unit u join sub on u.parent_id = sub.id),
    base as (select e.id from employee e where e.unit_id in (select id from sub)),
    cur as (select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level::float8 as level
      from competency_assessment a join base b on b.id = a.employee_id where a.assessed_at <= ${asOf}
      order by a.employee_id, a.competency_id, a.assessed_at desc)
    select gc.code::text as competency_code, gc.name::text as competency_name, count(distinct e.id)::int as headcount,
      count(distinct cur.employee_id)::int as assessed, avg(cur.level) as mean_level, min(cur.level) as min_level, max(cur.level) as max_level
    from base e join cur on cur.employee_id = e.id left join competency gc on gc.id = cur.competency_id
    group by gc.code, gc.name, gc.id`;
}

/** The SQL functions PostGraphile exposes (schema bench_api); the same SQL as the raw statements. */
export function postgraphileFunctions(policy: PolicyParameters, withRecommendations: boolean): string[] {
  return [
    `drop schema if exists bench_api cascade`,
    `create schema bench_api`,
    `create type bench_api.candidate as (rank int, nip text, name text, jpm float8, raw_jpm float8, category text, eligible boolean)`,
    `create function bench_api.position_candidates(position_code text, as_of date, lim int) returns setof bench_api.candidate
      language sql stable as $fn$ ${candidatesSql(policy, { positionCode: 'position_candidates.position_code', asOf: 'position_candidates.as_of', limit: 'position_candidates.lim' })} $fn$`,
    `create function bench_api.unit_subtree_employees(root_code text) returns setof public.employee language sql stable as $fn$
      with recursive sub as (select id from unit where code = unit_subtree_employees.root_code union all select u.id from unit u join sub on u.parent_id = sub.id)
      select e.* from employee e where e.unit_id in (select id from sub) $fn$`,
    `comment on function bench_api.unit_subtree_employees(text) is E'@sortable\\n@filterable'`,
    ...(withRecommendations ? [`create function bench_api.unit_subtree_recommendations(root_code text) returns setof public.recommendation language sql stable as $fn$
      with recursive sub as (select id from unit where code = unit_subtree_recommendations.root_code union all select u.id from unit u join sub on u.parent_id = sub.id)
      select r.* from recommendation r where r.unit_id in (select id from sub) $fn$`,
    `comment on function bench_api.unit_subtree_recommendations(text) is E'@sortable\\n@filterable'`] : []),
    `create function bench_api.unit_competency_type_summary(as_of date)
      returns table (unit_code text, competency_type text, headcount int, assessed int, mean_level float8) language sql stable as $fn$
      select * from (${aggregateByUnitSql('unit_competency_type_summary.as_of')}) x order by unit_code, competency_type $fn$`,
    `create function bench_api.unit_competency_summary(root_code text, as_of date)
      returns table (competency_code text, competency_name text, headcount int, assessed int, mean_level float8, min_level float8, max_level float8)
      language sql stable as $fn$ select * from (${unitCompetencySql('unit_competency_summary.root_code', 'unit_competency_summary.as_of')}) x order by competency_code $fn$`,
  ];
}

/** Write window keys: request i writes (employee i mod n, 1900-01-01 + ⌊i / n⌋ days); all such rows are removed afterwards. */
export const WRITE_BEFORE = '1950-01-01';
function writeKey(f: Fixtures, i: number): { employee: number; date: string } {
  const n = f.writeEmployees.length;
  const d = new Date(Date.UTC(1900, 0, 1) + Math.floor(i / n) * 86_400_000);
  return { employee: f.writeEmployees[i % n]!, date: d.toISOString().slice(0, 10) };
}

const O1_SIKAP = `query O1 { employees(first: 50, orderBy: [{ field: NAME }]) { nodes { nip name grade unit { code name } position { code name } } } }`;
const O1_PG = `query O1 { employees(first: 50, orderBy: [NAME_ASC, ID_ASC]) { nodes { nip name grade unit { code name } position { code name } } } }`;
const O2_SIKAP = `query O2($root: String!, $after: String) { employees(first: 20, after: $after, where: { unitSubtreeOfCode: $root, grade: { gte: III_A } }, orderBy: [{ field: NAME }]) {
  nodes { nip name grade unit { code } } pageInfo { hasNextPage endCursor } } }`;
const O2_PG = `query O2($root: String!, $grades: [String!], $after: Cursor) { unitSubtreeEmployees(rootCode: $root, first: 20, after: $after, orderBy: [NAME_ASC, ID_ASC], filter: { grade: { in: $grades } }) {
  nodes { nip name grade unit { code } } pageInfo { hasNextPage endCursor } } }`;
const O3_SIKAP = `query O3($code: String!) { unit(code: $code) { code name positions { code name holders { nip name assessments { level assessedAt competency { code } } } } } }`;
const O3_PG = `query O3($code: String!) { unitByCode(code: $code) { code name positions { nodes { code name employees { nodes { nip name
  competencyAssessments { nodes { level assessedAt competency { code } } } } } } } } }`;
const O4_SIKAP = `query O4($asOf: String) { employeeAggregate(groupBy: [UNIT, COMPETENCY_TYPE], asOf: $asOf) { group { key value } headcount assessed meanLevel } }`;
const O4_PG = `query O4($asOf: Date) { unitCompetencyTypeSummary(asOf: $asOf) { nodes { unitCode competencyType headcount assessed meanLevel } } }`;
const O5_SIKAP = `query O5($code: String!, $asOf: String) { position(code: $code) { candidates(first: 20, asOf: $asOf) { nodes { rank jpm category eligible employee { nip name } } } } }`;
const O5_PG = `query O5($code: String!, $asOf: Date) { positionCandidates(positionCode: $code, asOf: $asOf, lim: 20) { nodes { rank nip name jpm category eligible } } }`;
const O6_SIKAP = `query O6($root: String!, $asOf: String) { employeeAggregate(groupBy: [COMPETENCY], where: { unitSubtreeOfCode: $root }, asOf: $asOf) {
  group { value label } headcount assessed meanLevel minLevel maxLevel } }`;
const O6_PG = `query O6($root: String!, $asOf: Date) { unitCompetencySummary(rootCode: $root, asOf: $asOf) { nodes { competencyCode competencyName headcount assessed meanLevel minLevel maxLevel } } }`;
const O7_SIKAP = `query O7($nip: String!) { employee(nip: $nip) { nip name grade unit { code name } position { code name }
  participations { status startedAt completedAt training { code title hours } } appraisals { period periodStart predicate } } }`;
const O7_PG = `query O7($nip: String!) { employeeByNip(nip: $nip) { nip name grade unit { code name } position { code name }
  trainingParticipations { nodes { status startedAt completedAt training { code title hours } } } performanceAppraisals { nodes { period periodStart predicate } } } }`;
const O8_SIKAP = `mutation O8($input: AssessmentInput!) { recordAssessment(input: $input) { assessment { level assessedAt method competency { code } } userErrors { code message } } }`;
const O8_PG = `mutation O8($input: CreateCompetencyAssessmentInput!) { createCompetencyAssessment(input: $input) { competencyAssessment { level assessedAt method competency { code } } } }`;

const O6R_SIKAP = `query O6R($unit: ID!) { recommendations(first: 20, where: { unit: $unit }, orderBy: [{ field: IMPACT, direction: DESC }]) {
  nodes { key kind severity impact unit { code } } } }`;
const O6R_PG = `query O6R($root: String!) { unitSubtreeRecommendations(rootCode: $root, first: 20, orderBy: [IMPACT_DESC, ID_ASC]) { nodes { key kind severity impact unit { code } } } }`;

/** Recommendations for one unit (issue 6 O6), measured when the schema has `recommendations`. */
export const RECOMMENDATIONS_OP: Operation = {
  id: 'O6R', title: 'recommendations for one unit subtree (top 20 by impact)',
  async prepare(system, f) {
    if (system === 'raw') return { requests: [{ body: rawBody('O6R', [f.rootUnit]) }] };
    return { requests: [{ body: system === 'sikap' ? gql(O6R_SIKAP, { unit: globalId('Unit', f.rootUnitId) }) : gql(O6R_PG, { root: f.rootUnit }) }] };
  },
  project(system, r) {
    const conn = system === 'postgraphile' ? r.data?.unitSubtreeRecommendations : r.data?.recommendations;
    return nodes(conn).map((x) => [x.key, x.kind, x.severity, r6(x.impact), x.unit?.code ?? null]);
  },
};

const employeeRow = (e: EmployeeNode) => [e.nip, e.name, grade(e.grade), e.unit?.code ?? null, e.position?.code ?? null];

export const OPERATIONS: Operation[] = [
  {
    id: 'O1', title: 'employees first 50 by name, with unit and position',
    async prepare(system) {
      if (system === 'raw') return { requests: [{ body: rawBody('O1', [50]) }] };
      return { requests: [{ body: gql(system === 'sikap' ? O1_SIKAP : O1_PG) }] };
    },
    project(_s, r) { return nodes(r.data?.employees).map(employeeRow); },
  },
  {
    id: 'O2', title: 'filtered cursor pagination (unit subtree + grade ≥ III/a), page 3',
    async prepare(system, f, send, rawQuery) {
      if (system === 'raw') {
        const [found] = await rawQuery<{ name: string; id: number }>(`with recursive sub as (select id from unit where code = $1 union all select u.id from unit u join sub on u.parent_id = sub.id)
          select name, id from employee e where e.unit_id in (select id from sub) and e.grade = any($2::text[]) order by name, id offset 39 limit 1`, [f.rootUnit, f.gradesFromIIIa]);
        // Fewer than two pages (tiny datasets): a key after every name, so page 3 is empty as elsewhere.
        const last = found ?? { name: '\u{10FFFF}', id: 0 };
        return { requests: [{ body: rawBody('O2', [f.rootUnit, f.gradesFromIIIa, last.name, last.id]) }] };
      }
      const q = system === 'sikap' ? O2_SIKAP : O2_PG;
      const vars = system === 'sikap' ? { root: f.rootUnit } : { root: f.rootUnit, grades: f.gradesFromIIIa };
      let after: string | null = null;
      for (let page = 1; page <= 2; page++) {
        const r = await send(gql(q, { ...vars, after }));
        const conn = system === 'sikap' ? r.data?.employees : r.data?.unitSubtreeEmployees;
        if (!conn) throw new Error(`O2 page ${page} on ${system}: ${JSON.stringify(r).slice(0, 300)}`);
        after = conn.pageInfo!.endCursor;
      }
      return { requests: [{ body: gql(q, { ...vars, after }) }] };
    },
    project(system, r) {
      const conn = system === 'postgraphile' ? r.data?.unitSubtreeEmployees : r.data?.employees;
      return { nodes: nodes(conn).map(employeeRow), hasNextPage: conn?.pageInfo?.hasNextPage ?? null };
    },
  },
  {
    id: 'O3', title: 'deep nesting unit → positions → holders → assessments → competency',
    async prepare(system, f) {
      if (system === 'raw') return { requests: [{ body: rawBody('O3', [f.deepUnit]) }] };
      return { requests: [{ body: gql(system === 'sikap' ? O3_SIKAP : O3_PG, { code: f.deepUnit }) }] };
    },
    project(system, r) {
      // PostGraphile's connections read as Sikap's lists (a missing connection is an empty list).
      const fromPg = (u: PgUnit): SikapUnit => ({
        code: u.code, name: u.name,
        positions: nodes(u.positions).map((p) => ({
          code: p.code, name: p.name,
          holders: nodes(p.employees).map((h) => ({ nip: h.nip, name: h.name, assessments: nodes(h.competencyAssessments) })),
        })),
      });
      const pgUnit = r.data?.unitByCode;
      const u = system === 'postgraphile' ? (pgUnit ? fromPg(pgUnit) : pgUnit) : r.data?.unit;
      if (!u) return null;
      return {
        code: u.code, name: u.name,
        positions: byKey(u.positions.map((p) => ({
          code: p.code, name: p.name,
          holders: byKey(p.holders.map((h) => (
            { nip: h.nip, name: h.name, assessments: byKey(h.assessments.map((a) => [a.competency.code, a.assessedAt, r6(a.level)]), (x) => `${x[0]}|${x[1]}`) }
          )), (h) => h.nip),
        })), (p) => p.code),
      };
    },
  },
  {
    id: 'O4', title: 'aggregate by unit: headcount, mean level per competency type',
    async prepare(system, f) {
      if (system === 'raw') return { requests: [{ body: rawBody('O4', [f.asOf]) }] };
      return { requests: [{ body: gql(system === 'sikap' ? O4_SIKAP : O4_PG, { asOf: f.asOf }) }] };
    },
    project(system, r) {
      if (system === 'postgraphile') return nodes(r.data?.unitCompetencyTypeSummary).map((x) => [x.unitCode, x.competencyType, x.headcount, x.assessed, r6(x.meanLevel)]);
      return (r.data?.employeeAggregate ?? []).map((x) => [x.group[0].value, x.group[1].value, x.headcount, x.assessed, r6(x.meanLevel)]);
    },
  },
  {
    id: 'O5', title: 'placement ranking: Position.candidates(first: 20)',
    async prepare(system, f) {
      return {
        requests: f.positions.map((code) => ({
          body: system === 'raw' ? rawBody('O5', [code, f.asOf, 20]) : gql(system === 'sikap' ? O5_SIKAP : O5_PG, { code, asOf: f.asOf }),
        })),
      };
    },
    project(system, r) {
      if (system === 'postgraphile') return nodes(r.data?.positionCandidates).map((c) => [c.rank, c.nip, r6(c.jpm), c.category, c.eligible]);
      return nodes(r.data?.position?.candidates).map((c) => [c.rank, c.employee.nip, r6(c.jpm), c.category, c.eligible]);
    },
  },
  {
    id: 'O6', title: 'competency levels and gaps for one unit subtree (employeeAggregate by competency)',
    async prepare(system, f) {
      if (system === 'raw') return { requests: [{ body: rawBody('O6', [f.rootUnit, f.asOf]) }] };
      return { requests: [{ body: gql(system === 'sikap' ? O6_SIKAP : O6_PG, { root: f.rootUnit, asOf: f.asOf }) }] };
    },
    project(system, r) {
      if (system === 'postgraphile') {
        return nodes(r.data?.unitCompetencySummary).map((x) => [x.competencyCode, x.headcount, x.assessed, r6(x.meanLevel), r6(x.minLevel), r6(x.maxLevel)]);
      }
      return (r.data?.employeeAggregate ?? []).map((x) => [x.group[0].value, x.headcount, x.assessed, r6(x.meanLevel), r6(x.minLevel), r6(x.maxLevel)]);
    },
  },
  {
    id: 'O7', title: 'employee profile with trainings and appraisals',
    async prepare(system, f) {
      return {
        requests: f.profileNips.map((nip) => ({
          body: system === 'raw' ? rawBody('O7', [nip]) : gql(system === 'sikap' ? O7_SIKAP : O7_PG, { nip }),
        })),
      };
    },
    project(system, r) {
      let e: EmployeeNode;
      let parts: Participation[];
      let apps: Appraisal[];
      if (system === 'postgraphile') {
        const pe = r.data?.employeeByNip;
        if (!pe) return null;
        [e, parts, apps] = [pe, nodes(pe.trainingParticipations), nodes(pe.performanceAppraisals)];
      } else {
        const se = r.data?.employee;
        if (!se) return null;
        [e, parts, apps] = [se, se.participations, se.appraisals];
      }
      return {
        e: employeeRow(e),
        participations: byKey(parts.map((p) => [p.training.code, p.startedAt, p.status, p.completedAt, p.training.title, r6(p.training.hours)]), (x) => `${x[0]}|${x[1]}`),
        appraisals: byKey(apps.map((a) => [a.periodStart, a.period, a.predicate]), (x) => `${x[0]}|${x[1]}`),
      };
    },
  },
  {
    id: 'O8', title: 'write: record an assessment (rows removed after)', write: true,
    async prepare(system, f) {
      const body = (i: number) => {
        const k = writeKey(f, i);
        if (system === 'raw') return rawBody('O8', [k.employee, f.writeCompetency.id, 3, k.date, 'SELF']);
        if (system === 'sikap') {
          return gql(O8_SIKAP, { input: { employee: globalId('Employee', k.employee), competency: globalId('Competency', f.writeCompetency.id), level: 3, assessedAt: k.date, method: 'SELF' } });
        }
        return gql(O8_PG, { input: { competencyAssessment: { employeeId: k.employee, competencyId: f.writeCompetency.id, level: '3', assessedAt: k.date, method: 'SELF' } } });
      };
      return { requests: [{ body: body(0), next: body }] };
    },
    project(system, r) {
      const a = system === 'postgraphile' ? r.data?.createCompetencyAssessment?.competencyAssessment : r.data?.recordAssessment?.assessment;
      return a ? [r6(a.level), a.assessedAt, a.method, a.competency.code] : null;
    },
  },
];
