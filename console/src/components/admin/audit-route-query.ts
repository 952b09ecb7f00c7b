import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { AuditLogQueryVariables } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { one, parsePosition, writePosition } from '../../composables/route-query';

export interface AuditViewState {
  actor: string;
  action: string | null;
  table: string | null;
  /** Inclusive local days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 20;
/** Rows of one entry's changes per page: each is a before/after table, so fewer than entries. */
export const changePageSizes = [10, 25, 50] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string | null): string | null => (v && DAY.test(v) && !Number.isNaN(new Date(`${v}T00:00:00`).getTime()) ? v : null);

export function parseAuditQuery(query: LocationQuery): AuditViewState {
  const size = Number(one(query.size));
  return {
    actor: one(query.actor)?.trim() ?? '',
    action: one(query.action),
    table: one(query.table),
    from: day(one(query.from)),
    to: day(one(query.to)),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeAuditQuery(state: AuditViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.actor.trim()) query.actor = state.actor.trim();
  if (state.action) query.action = state.action;
  if (state.table) query.table = state.table;
  if (state.from) query.from = state.from;
  if (state.to) query.to = state.to;
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

/** Local midnight of a YYYY-MM-DD day. */
export function dayStart(value: string): Date {
  return new Date(`${value}T00:00:00`);
}

/** A local day as YYYY-MM-DD (what the date picker's timestamps mean). */
export function dayOf(timestamp: number): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The API's filters: `to` is inclusive here, so the range ends at the next local midnight. */
export function auditVariables(state: AuditViewState): Omit<AuditLogQueryVariables, 'first' | 'after' | 'last' | 'before'> {
  const until = state.to ? dayStart(state.to) : null;
  until?.setDate(until.getDate() + 1);
  return {
    actor: state.actor.trim() || null,
    mutation: state.action,
    table: state.table,
    since: state.from ? dayStart(state.from).toISOString() : null,
    until: until ? until.toISOString() : null,
  };
}

/**
 * Tables whose rows the database records in the audit log (the audit triggers' list). The
 * filter also takes any other name typed in, so a table added later is still reachable.
 */
export const auditedTables = [
  'unit', 'competency', 'competency_level', 'position', 'position_requirement', 'employee', 'competency_assessment', 'performance_appraisal',
  'training', 'training_competency', 'training_participation', 'training_evaluation', 'stakeholder_input', 'policy_version',
  'assignment_plan', 'assignment_plan_item', 'recommendation_status_change', 'app_user', 'api_key', 'persisted_operation',
] as const;

export interface DiffRow {
  column: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const show = (value: unknown): string | null => (value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One changed row as column / before / after. Updates hold only the changed columns; inserts
 * only `after` and deletes only `before`, with every column.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const columns = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return columns.map((column) => {
    const x = show(b[column]);
    const y = show(a[column]);
    return { column, before: column in b ? x : null, after: column in a ? y : null, changed: x !== y };
  });
}
