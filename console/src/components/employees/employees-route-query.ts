import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { EmployeeOrder, EmployeeOrderField, EmployeeWhere, Grade, JpmCategory } from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { num, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';
import { isGrade, isJpmCategory } from '../common/domain';

export type EmployeeSortField = 'name' | 'nip' | 'grade' | 'unit';

/** Everything the employee list shows, as kept in the URL so a link reproduces the view. */
export interface EmployeesViewState {
  search: string;
  /** Unit code: the unit and its whole subtree. */
  unit: string | null;
  gradeMin: Grade | null;
  gradeMax: Grade | null;
  /** Competency code and the level the employee's current level must be below. */
  competency: string | null;
  below: number | null;
  /** Lesson hours (JP) this year below the active policy's requirement (a JP shortfall). */
  jpShort: boolean;
  /** Lesson hours (JP) this year below this number instead; null for none. */
  jpBelow: number | null;
  /** JPM category in the current position. */
  category: JpmCategory | null;
  /** 9-box 1–9. */
  talentBox: number | null;
  sort: Sort<EmployeeSortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const defaultSort: Sort<EmployeeSortField> = { field: 'name', direction: 'asc' };
/** The annual requirement of the default policy (20 JP); the filter starts there. */
export const defaultJpRequirement = 20;

const sortFields: Record<EmployeeSortField, EmployeeOrderField> = { name: 'NAME', nip: 'NIP', grade: 'GRADE', unit: 'UNIT_CODE' };
const sortKeys = Object.keys(sortFields) as EmployeeSortField[];

function grade(value: LocationQuery[string] | undefined): Grade | null {
  const v = one(value);
  return isGrade(v) ? v : null;
}

export function parseEmployeesQuery(query: LocationQuery): EmployeesViewState {
  const size = Number(one(query.size));
  const below = num(query.below);
  // `jp=short`: below the policy's requirement; `jp=<n>`: below n hours.
  const jpShort = one(query.jp) === 'short';
  const jp = jpShort ? null : num(query.jp);
  const competency = one(query.comp);
  const category = one(query.category);
  const box = num(query.talentBox);
  return {
    search: one(query.q)?.trim() ?? '',
    unit: one(query.unit),
    gradeMin: grade(query.gmin),
    gradeMax: grade(query.gmax),
    competency,
    below: competency && below !== null && below > 0 && below <= 5 ? below : null,
    jpShort,
    jpBelow: jp !== null && jp > 0 ? jp : null,
    category: isJpmCategory(category) ? category : null,
    talentBox: box !== null && Number.isInteger(box) && box >= 1 && box <= 9 ? box : null,
    sort: parseSort(one(query.sort), sortKeys, defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeEmployeesQuery(state: EmployeesViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.unit) query.unit = state.unit;
  if (state.gradeMin) query.gmin = state.gradeMin;
  if (state.gradeMax) query.gmax = state.gradeMax;
  if (state.competency) {
    query.comp = state.competency;
    if (state.below !== null) query.below = String(state.below);
  }
  if (state.jpShort) query.jp = 'short';
  else if (state.jpBelow !== null) query.jp = String(state.jpBelow);
  if (state.category) query.category = state.category;
  if (state.talentBox !== null) query.talentBox = String(state.talentBox);
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

export function hasFilters(state: EmployeesViewState): boolean {
  return Boolean(state.search || state.unit || state.gradeMin || state.gradeMax || state.competency || state.jpShort || state.jpBelow !== null
    || state.category || state.talentBox !== null);
}

/**
 * The API filter for the view; `year` is the calendar year the JP filter counts.
 * One where object, not an `and` list: every condition has its own field, and
 * side by side the server filters category and talent box on one computed
 * match set, restricted to the employees the other conditions leave.
 */
export function employeesWhere(state: EmployeesViewState, year: number): EmployeeWhere | null {
  const where: EmployeeWhere = {};
  const search = state.search.trim();
  if (search) {
    if (/^\d+$/.test(search)) where.nip = { startsWith: search };
    else where.name = { contains: search };
  }
  if (state.unit) where.unitSubtreeOfCode = state.unit;
  if (state.gradeMin || state.gradeMax) {
    where.grade = { ...(state.gradeMin ? { gte: state.gradeMin } : {}), ...(state.gradeMax ? { lte: state.gradeMax } : {}) };
  }
  // Never assessed counts as level 0, so "below 3" includes those nobody has assessed yet.
  if (state.competency && state.below !== null) where.competencyLevel = { competency: state.competency, lt: state.below };
  if (state.jpShort) where.developmentHours = { year, belowRequirement: true };
  else if (state.jpBelow !== null) where.developmentHours = { year, lt: state.jpBelow };
  if (state.category) where.currentCategory = { eq: state.category };
  if (state.talentBox !== null) where.talentBox = { eq: state.talentBox };
  return Object.keys(where).length === 0 ? null : where;
}

/** NIPs are unique: they break ties so pages never overlap. */
export function employeesOrderBy(sort: Sort<EmployeeSortField>): EmployeeOrder[] {
  const primary: EmployeeOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'nip' ? [primary] : [primary, { field: 'NIP', direction: 'ASC' }];
}
