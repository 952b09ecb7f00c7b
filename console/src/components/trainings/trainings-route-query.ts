import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  ParticipationStatus, TrainingForm, TrainingOrder, TrainingOrderField, TrainingType, TrainingWhere,
} from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';

export type TrainingSortField = 'code' | 'title' | 'type' | 'form' | 'hours';

// `satisfies` makes these lists fail the typecheck when the schema adds or drops a value.
const typeSet = {
  PELATIHAN: true, WORKSHOP: true, SEMINAR: true, BIMTEK: true, KURSUS: true, COACHING: true, MENTORING: true,
  E_LEARNING: true, PELATIHAN_JARAK_JAUH: true, MAGANG: true, OTHER: true,
} as const satisfies Record<TrainingType, true>;
export const trainingTypes = Object.keys(typeSet) as TrainingType[];
const isType = (v: string): v is TrainingType => Object.hasOwn(typeSet, v);

const formSet = { KLASIKAL: true, NON_KLASIKAL: true } as const satisfies Record<TrainingForm, true>;
export const trainingForms = Object.keys(formSet) as TrainingForm[];
const isForm = (v: string): v is TrainingForm => Object.hasOwn(formSet, v);

const statusSet = { REGISTERED: true, COMPLETED: true, FAILED: true, WITHDRAWN: true } as const satisfies Record<ParticipationStatus, true>;
export const participationStatuses = Object.keys(statusSet) as ParticipationStatus[];
export const isParticipationStatus = (v: string | null): v is ParticipationStatus => v !== null && Object.hasOwn(statusSet, v);

export interface TrainingsViewState {
  search: string;
  types: TrainingType[];
  forms: TrainingForm[];
  /** Code of a targeted competency. */
  competency: string | null;
  sort: Sort<TrainingSortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const defaultSort: Sort<TrainingSortField> = { field: 'code', direction: 'asc' };
const sortFields: Record<TrainingSortField, TrainingOrderField> = { code: 'CODE', title: 'TITLE', type: 'TYPE', form: 'FORM', hours: 'HOURS' };
export const isTrainingSortField = (f: unknown): f is TrainingSortField => typeof f === 'string' && Object.hasOwn(sortFields, f);

export function parseTrainingsQuery(query: LocationQuery): TrainingsViewState {
  const size = Number(one(query.size));
  return {
    search: one(query.q)?.trim() ?? '',
    types: list(query.type, isType),
    forms: list(query.form, isForm),
    competency: one(query.competency),
    sort: parseSort(one(query.sort), Object.keys(sortFields) as TrainingSortField[], defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeTrainingsQuery(state: TrainingsViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query.q = state.search.trim();
  if (state.types.length > 0) query.type = state.types.join(',');
  if (state.forms.length > 0) query.form = state.forms.join(',');
  if (state.competency) query.competency = state.competency;
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

export function trainingsWhere(state: TrainingsViewState): TrainingWhere | null {
  const conditions: TrainingWhere[] = [];
  const search = state.search.trim();
  if (search) conditions.push({ or: [{ code: { contains: search } }, { title: { contains: search } }] });
  if (state.types.length > 0) conditions.push({ type: { in: state.types } });
  if (state.forms.length > 0) conditions.push({ form: { in: state.forms } });
  if (state.competency) conditions.push({ targetsCompetency: state.competency });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? (conditions[0] ?? null) : { and: conditions };
}

export function trainingsOrderBy(sort: Sort<TrainingSortField>): TrainingOrder[] {
  const primary: TrainingOrder = { field: sortFields[sort.field], direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  return sort.field === 'code' ? [primary] : [primary, { field: 'CODE', direction: 'ASC' }];
}

export type TrainingTab = 'overview' | 'participants' | 'evaluations' | 'impact';
const tabs: readonly TrainingTab[] = ['overview', 'participants', 'evaluations', 'impact'];

/** The training page's tab and the participant and evaluation filters, in the URL. */
export interface TrainingDetailViewState {
  tab: TrainingTab;
  status: ParticipationStatus | null;
  level: number | null;
}

export function parseTrainingDetailQuery(query: LocationQuery): TrainingDetailViewState {
  const tab = one(query.tab);
  const status = one(query.status);
  const level = Number(one(query.level));
  return {
    tab: tabs.find((t) => t === tab) ?? 'overview',
    status: isParticipationStatus(status) ? status : null,
    level: [1, 2, 3, 4].includes(level) ? level : null,
  };
}

export function serializeTrainingDetailQuery(state: TrainingDetailViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.tab !== 'overview') query.tab = state.tab;
  if (state.status) query.status = state.status;
  if (state.level) query.level = String(state.level);
  return query;
}
