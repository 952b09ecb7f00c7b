import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { execute } from '../../graphql/list';
import { raw, sql, type Sql } from '../../graphql/sql';
import { readRows } from '../../graphql/rows';
import type { Predicate } from '../../domain/enums';
import { CompetencyAssessment } from '../assessment/competency-assessment.entity';
import { Employee } from './employee.entity';
import { CompetencyLevelEntry } from './employee.types';
import {
  competencyProfilesSql, currentLevelsSql, developmentHoursByEmployeeSql, idList, latestPredicatesSql,
} from './employee.sql';

/**
 * Batched derived fields of Employee. Each loader is keyed by the field and
 * its argument values, so every (field, arguments) pair costs one SQL
 * statement per request however many employees ask for it.
 */

function byEmployee<R extends { employee_id: number | string }, V>(rows: R[], value: (row: R) => V): Map<number, V> {
  return new Map(rows.map((r) => [Number(r.employee_id), value(r)]));
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function currentLevelLoader(ctx: Context, competency: string, asOf: string): DataLoader<number, number | null> {
  return ctx.loaders.get(`Employee.currentLevel:${competency}:${asOf}`, (em) => new DataLoader<number, number | null>(async (ids) => {
    const rows = await execute<{ employee_id: number; level: number | string }>(em, currentLevelsSql(idList(ids), competency, asOf));
    const map = byEmployee(rows, (r) => num(r.level));
    return ids.map((id) => map.get(id) ?? null);
  }));
}

export function latestPredicateLoader(ctx: Context, asOf: string): DataLoader<number, Predicate | null> {
  return ctx.loaders.get(`Employee.latestPredicate:${asOf}`, (em) => new DataLoader<number, Predicate | null>(async (ids) => {
    const rows = await execute<{ employee_id: number; predicate: Predicate }>(em, latestPredicatesSql(idList(ids), asOf));
    const map = byEmployee(rows, (r) => r.predicate);
    return ids.map((id) => map.get(id) ?? null);
  }));
}

export function developmentHoursLoader(ctx: Context, year: number): DataLoader<number, number> {
  return ctx.loaders.get(`Employee.developmentHours:${year}`, (em) => new DataLoader<number, number>(async (ids) => {
    const rows = await execute<{ employee_id: number; hours: number | string }>(em, developmentHoursByEmployeeSql(idList(ids), year));
    const map = byEmployee(rows, (r) => Number(r.hours));
    return ids.map((id) => map.get(id) ?? 0);
  }));
}

interface ProfileRow {
  employee_id: number;
  competency_id: number;
  level: number | string | null;
  assessed_at: string | null;
  required: number | string | null;
}

export function competencyProfileLoader(ctx: Context, asOf: string): DataLoader<number, CompetencyLevelEntry[]> {
  return ctx.loaders.get(`Employee.competencyProfile:${asOf}`, (em) => new DataLoader<number, CompetencyLevelEntry[]>(async (ids) => {
    const rows = await execute<ProfileRow>(em, competencyProfilesSql(idList(ids), asOf));
    const groups = new Map<number, CompetencyLevelEntry[]>();
    for (const r of rows) {
      const level = num(r.level);
      const required = num(r.required);
      const entry = Object.assign(new CompetencyLevelEntry(), {
        competencyId: Number(r.competency_id),
        level,
        assessedAt: r.assessed_at,
        required,
        // Rounded to the column's two decimals so 2.4 − 3 reads −0.6, not −0.6000000000000001.
        gap: level !== null && required !== null ? Math.round((level - required) * 100) / 100 : null,
      });
      const key = Number(r.employee_id);
      const list = groups.get(key);
      if (list) list.push(entry);
      else groups.set(key, [entry]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

/** Assessments newest first, optionally of one competency (by code). */
export function assessmentsLoader(ctx: Context, competency: string | null): DataLoader<number, CompetencyAssessment[]> {
  return ctx.loaders.get(`Employee.assessments:${competency ?? '*'}`, (em) => new DataLoader<number, CompetencyAssessment[]>(async (ids) => {
    const ofCompetency = competency !== null ? sql` and a.competency_id = (select c.id from competency c where c.code = ${competency})` : raw('');
    const rows = readRows(em, CompetencyAssessment, await execute(em, sql`select a.* from competency_assessment a
      where a.employee_id in (${idList(ids)})${ofCompetency} order by a.assessed_at desc, a.id desc`));
    ctx.loaders.remember(CompetencyAssessment, rows);
    const groups = new Map<number, CompetencyAssessment[]>();
    for (const row of rows) {
      const list = groups.get(row.employee.id);
      if (list) list.push(row);
      else groups.set(row.employee.id, [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

/** Direct members of units, by name, at most `limit` per unit, in one statement for all units. */
export function unitEmployeesLoader(ctx: Context, limit: number): DataLoader<number, Employee[]> {
  return ctx.loaders.get(`Unit.employees:${limit}`, (em) => new DataLoader<number, Employee[]>(async (ids) => {
    const rows = readRows(em, Employee, await execute(em, sqlUnitEmployees(ids, limit)));
    ctx.loaders.remember(Employee, rows);
    const groups = new Map<number, Employee[]>();
    for (const employee of rows) {
      const key = employee.unit.id;
      const list = groups.get(key);
      if (list) list.push(employee);
      else groups.set(key, [employee]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }));
}

function sqlUnitEmployees(ids: readonly number[], limit: number): Sql {
  return sql`select * from (
      select e.*, row_number() over (partition by e.unit_id order by e.name, e.id) as rn
      from employee e where e.unit_id in (${idList(ids)})
    ) x where x.rn <= ${limit} order by x.unit_id, x.rn`;
}
