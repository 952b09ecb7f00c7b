import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { linearSumAssignment } from 'linear-sum-assignment';
import type { EntityManager } from '@mikro-orm/postgresql';
import { computeJpm, type CompetencyGroup } from '../../domain/jpm';
import { checkEligibility, type EligibilityReason } from '../../domain/eligibility';
import type { Education, Grade, JpmCategory, Predicate } from '../../domain/enums';
import type { PolicyParameters } from '../../domain/policy';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { join, raw, sql, type Sql } from '../../graphql/sql';
import {
  candidatePageSql, categoryRankSql, matchCtes, standardMatchCtes, standardsSql, toStandard, type PositionStandard, type StandardRow,
} from './matching.sql';
import { MatchType, type MatchRecord } from './matching.types';

export function idsSql(ids: readonly number[]): Sql {
  return ids.length ? join(ids.map((id) => sql`${id}::int`), ', ') : raw('null::int');
}

export interface MatchRow {
  employee_id: number;
  position_id: number;
  raw_jpm: number;
  jpm: number;
  category: JpmCategory;
  eligible: boolean;
  short_sum: number;
  short_max: number;
  missing: number;
}

export function toMatch(row: MatchRow, asOf: string, rank: number | null): MatchType {
  return Object.assign(new MatchType(), {
    employeeId: Number(row.employee_id),
    positionId: Number(row.position_id),
    asOf,
    rawJpm: Number(row.raw_jpm),
    jpm: Number(row.jpm),
    ikk: 100 - Number(row.jpm),
    category: row.category,
    eligible: row.eligible,
    totalShortfall: Number(row.short_sum),
    maxShortfall: Number(row.short_max),
    rank,
  });
}

const MATCH_COLUMNS = raw('employee_id, position_id, nip, raw_jpm, jpm, category, eligible, short_sum, short_max, missing, latest_ordinal');

export interface CandidateFilter {
  eligibleOnly: boolean;
  minCategory: JpmCategory;
}

function candidateConditions(f: CandidateFilter): Sql {
  return sql`${f.eligibleOnly ? raw('eligible') : raw('true')} and category_rank >= ${categoryRankSql(sql`${f.minCategory}::text`)}`;
}

/** The standards of the given positions (those without requirements are left out), in one statement. */
export async function loadStandards(em: EntityManager, positionIds: readonly number[]): Promise<PositionStandard[]> {
  const rows = await execute<StandardRow>(em, standardsSql(idsSql(positionIds)));
  return rows.map(toStandard);
}

/**
 * One position's ranked candidate list: its standard, then every employee
 * matching `candidates` scored set-based in one statement written for that
 * standard.
 */
export async function rankedCandidates(
  em: EntityManager,
  positionId: number,
  candidates: Sql,
  asOf: string,
  policy: PolicyParameters,
  filter: CandidateFilter,
  limit: number,
  offset: number,
): Promise<MatchType[]> {
  const standards = await loadStandards(em, [positionId]);
  if (!standards.length) return [];
  const rows = await execute<MatchRow>(em, candidatePageSql({
    standards, candidates, asOf, policy, prefilterEligible: filter.eligibleOnly, minCategory: filter.minCategory, eligibleOnly: filter.eligibleOnly,
  }, limit, offset));
  return rows.map((r, i) => toMatch(r, asOf, offset + i + 1));
}

export async function countCandidates(em: EntityManager, positionId: number, candidates: Sql, asOf: string, policy: PolicyParameters, filter: CandidateFilter): Promise<number> {
  const standards = await loadStandards(em, [positionId]);
  if (!standards.length) return 0;
  const [row] = await execute<{ n: number }>(em, sql`with ${standardMatchCtes({
    standards, candidates, asOf, policy, prefilterEligible: filter.eligibleOnly, minCategory: filter.minCategory,
  })}
    select count(*)::int as n from ranked where ${candidateConditions(filter)}`);
  return Number(row?.n ?? 0);
}

/** Matches for arbitrary (employee, position) pairs, batched per request and date. */
export function matchLoader(ctx: Context, policy: PolicyParameters, asOf: string): DataLoader<string, MatchType | null> {
  return ctx.loaders.get(`match:${asOf}`, (em) => new DataLoader<string, MatchType | null>(async (keys) => {
    const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const employees = [...new Set(pairs.map((p) => p[0]))];
    const positions = [...new Set(pairs.map((p) => p[1]))];
    const rows = await execute<MatchRow>(em, sql`with ${matchCtes({
      positions: idsSql(positions), candidates: sql`e.id in (${idsSql(employees)})`, asOf, policy,
    })} select ${MATCH_COLUMNS} from ranked`);
    const byKey = new Map(rows.map((r) => [`${r.employee_id}:${r.position_id}`, r]));
    return keys.map((k) => {
      const row = byKey.get(k);
      return row ? toMatch(row, asOf, null) : null;
    });
  }));
}

export function matchKey(employeeId: number, positionId: number): string {
  return `${employeeId}:${positionId}`;
}

/** Best-fitting positions for one employee (vacant ones by default), ranked by JPM. */
export async function bestPositions(
  em: EntityManager, employeeId: number, asOf: string, policy: PolicyParameters, vacantOnly: boolean, limit: number, offset: number,
): Promise<MatchType[]> {
  const positions = vacantOnly ? vacantPositionsSql() : raw('select id from position');
  const rows = await execute<MatchRow>(em, sql`with ${matchCtes({ positions, candidates: sql`e.id = ${employeeId}::int`, asOf, policy })}
    select ${MATCH_COLUMNS} from ranked r
    where r.position_id is distinct from (select position_id from employee where id = ${employeeId}::int)
    order by round(jpm::numeric, 9) desc, eligible desc, short_sum asc, position_id asc limit ${limit} offset ${offset}`);
  return rows.map((r, i) => toMatch(r, asOf, offset + i + 1));
}

export async function countBestPositions(em: EntityManager, employeeId: number, vacantOnly: boolean): Promise<number> {
  const positions = vacantOnly ? vacantPositionsSql() : raw('select id from position');
  const [row] = await execute<{ n: number }>(em, sql`select count(*)::int as n from (${positions}) p
    where exists (select 1 from position_requirement r where r.position_id = p.id)
      and p.id is distinct from (select position_id from employee where id = ${employeeId}::int)`);
  return Number(row?.n ?? 0);
}

/** Positions with fewer holders than their quota. */
export function vacantPositionsSql(): Sql {
  return raw(`select p.id from position p left join (select position_id, count(*) as n from employee where position_id is not null group by position_id) h
    on h.position_id = p.id where coalesce(h.n, 0) < p.quota`);
}

interface ExplanationInputs {
  requirements: Map<number, { competencyId: number; required: number; technical: boolean }[]>;
  positions: Map<number, { minGrade: Grade | null; minEducation: Education | null; maxAge: number | null; technicalWeight: number | null }>;
  levels: Map<number, Map<number, number>>;
  employees: Map<number, { grade: Grade; education: Education; birthDate: string; predicates: { periodStart: string; predicate: Predicate }[] }>;
}

/**
 * The reference implementation explains a match (gaps, failed rules) from
 * the same inputs the SQL used, loaded for all matches of a request in four
 * statements.
 */
export function explanationLoader(ctx: Context, asOf: string): DataLoader<string, ExplanationInputs> {
  return ctx.loaders.get(`explain:${asOf}`, (em) => new DataLoader<string, ExplanationInputs>(async (keys) => {
    const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const employeeIds = [...new Set(pairs.map((p) => p[0]))];
    const positionIds = [...new Set(pairs.map((p) => p[1]))];
    const reqRows = await execute<{ position_id: number; competency_id: number; level: number; technical: boolean }>(em, sql`
      select r.position_id, r.competency_id, r.level, (c.type = 'TECHNICAL') as technical
      from position_requirement r join competency c on c.id = r.competency_id
      where r.position_id in (${idsSql(positionIds)}) order by r.position_id, c.code`);
    const posRows = await execute<{ id: number; min_grade: Grade | null; min_education: Education | null; max_age: number | null; technical_weight: string | null }>(em, sql`
      select id, min_grade, min_education, max_age, technical_weight from position where id in (${idsSql(positionIds)})`);
    const lvlRows = await execute<{ employee_id: number; competency_id: number; level: string }>(em, sql`
      select distinct on (employee_id, competency_id) employee_id, competency_id, level from competency_assessment
      where employee_id in (${idsSql(employeeIds)}) and assessed_at <= ${asOf}::date
        and competency_id in (select competency_id from position_requirement where position_id in (${idsSql(positionIds)}))
      order by employee_id, competency_id, assessed_at desc`);
    const empRows = await execute<{ id: number; grade: Grade; education: Education; birth_date: string; predicates: { periodStart: string; predicate: Predicate }[] | null }>(em, sql`
      select e.id, e.grade, e.education, e.birth_date::text as birth_date,
        (select json_agg(json_build_object('periodStart', pa.period_start::text, 'predicate', pa.predicate) order by pa.period_start desc)
           from performance_appraisal pa where pa.employee_id = e.id and pa.period = 'ANNUAL') as predicates
      from employee e where e.id in (${idsSql(employeeIds)})`);
    const inputs: ExplanationInputs = { requirements: new Map(), positions: new Map(), levels: new Map(), employees: new Map() };
    for (const r of reqRows) {
      const list = inputs.requirements.get(Number(r.position_id)) ?? [];
      list.push({ competencyId: Number(r.competency_id), required: Number(r.level), technical: r.technical });
      inputs.requirements.set(Number(r.position_id), list);
    }
    for (const p of posRows) {
      inputs.positions.set(Number(p.id), {
        minGrade: p.min_grade, minEducation: p.min_education, maxAge: p.max_age === null ? null : Number(p.max_age),
        technicalWeight: p.technical_weight === null ? null : Number(p.technical_weight),
      });
    }
    for (const l of lvlRows) {
      const m = inputs.levels.get(Number(l.employee_id)) ?? new Map<number, number>();
      m.set(Number(l.competency_id), Number(l.level));
      inputs.levels.set(Number(l.employee_id), m);
    }
    for (const e of empRows) {
      inputs.employees.set(Number(e.id), { grade: e.grade, education: e.education, birthDate: e.birth_date, predicates: e.predicates ?? [] });
    }
    return keys.map(() => inputs);
  }));
}

export interface Explanation {
  gaps: { competencyId: number; required: number; achieved: number | null; gap: number; shortfall: number; technical: boolean }[];
  missing: number[];
  reasons: EligibilityReason[];
}

export async function explainMatch(ctx: Context, match: MatchType, policy: PolicyParameters): Promise<Explanation> {
  const inputs = await explanationLoader(ctx, match.asOf).load(matchKey(match.employeeId, match.positionId));
  const reqs = inputs.requirements.get(match.positionId) ?? [];
  const position = inputs.positions.get(match.positionId);
  const employee = inputs.employees.get(match.employeeId);
  if (!position || !employee || reqs.length === 0) throw new GraphQLError('Match inputs are no longer available.');
  const levels = inputs.levels.get(match.employeeId) ?? new Map<number, number>();
  const technical = new Map(reqs.map((r) => [String(r.competencyId), r.technical]));
  const result = computeJpm({
    requirements: reqs.map((r) => ({ competencyId: String(r.competencyId), required: r.required, group: (r.technical ? 'TECHNICAL' : 'MANAGERIAL_SOCIOCULTURAL') as CompetencyGroup })),
    achieved: new Map([...levels].map(([k, v]) => [String(k), v])),
    technicalWeight: position.technicalWeight,
    policy,
  });
  const eligibility = checkEligibility(
    { grade: employee.grade, education: employee.education, birthDate: employee.birthDate, annualPredicates: employee.predicates },
    position, match.asOf, policy,
  );
  return {
    gaps: result.gaps.map((g) => ({ ...g, competencyId: Number(g.competencyId), technical: technical.get(g.competencyId) ?? false })),
    missing: result.missing.map(Number),
    reasons: eligibility.reasons,
  };
}

export type { MatchRecord };
