import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  RecommendationKind, RecommendationOrder, RecommendationOrderField, RecommendationStatus, RecommendationWhere, Severity,
} from '../../graphql/generated/graphql';
import type { PagePosition } from '../../composables/use-connection';
import { list, num, one, parsePosition, parseSort, writePosition, writeSort, type Sort } from '../../composables/route-query';

// `satisfies` makes these lists fail the typecheck when the schema adds or drops a value.
const kindSet = {
  UNIT_COMPETENCY_GAP: true, TRAINING_INEFFECTIVE: true, DEVELOPMENT_HOURS_SHORTFALL: true, MISPLACEMENT: true, SUCCESSION_RISK: true, STANDARD_REVIEW: true,
} as const satisfies Record<RecommendationKind, true>;
export const recommendationKinds = Object.keys(kindSet) as RecommendationKind[];
const isKind = (v: string): v is RecommendationKind => Object.hasOwn(kindSet, v);

const severitySet = { HIGH: true, MEDIUM: true, LOW: true } as const satisfies Record<Severity, true>;
export const severities = Object.keys(severitySet) as Severity[];
const isSeverity = (v: string): v is Severity => Object.hasOwn(severitySet, v);

const statusSet = { OPEN: true, ACCEPTED: true, DISMISSED: true, RESOLVED: true } as const satisfies Record<RecommendationStatus, true>;
export const recommendationStatuses = Object.keys(statusSet) as RecommendationStatus[];
const isStatus = (v: string): v is RecommendationStatus => Object.hasOwn(statusSet, v);

export type RecommendationSortField = 'severity' | 'impact' | 'kind' | 'status' | 'year' | 'updatedAt';

export interface RecommendationsViewState {
  kinds: RecommendationKind[];
  severities: Severity[];
  statuses: RecommendationStatus[];
  /** Unit code; the API filters its subtree by id. */
  unit: string | null;
  year: number | null;
  sort: Sort<RecommendationSortField>;
  pageSize: number;
  position: PagePosition;
}

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
/** The server's own order: most severe first, then the largest effect. */
export const defaultSort: Sort<RecommendationSortField> = { field: 'severity', direction: 'desc' };
const sortFields: Record<RecommendationSortField, RecommendationOrderField> = {
  severity: 'SEVERITY', impact: 'IMPACT', kind: 'KIND', status: 'STATUS', year: 'YEAR', updatedAt: 'UPDATED_AT',
};
export const isSortField = (f: unknown): f is RecommendationSortField => typeof f === 'string' && Object.hasOwn(sortFields, f);

export function parseRecommendationsQuery(query: LocationQuery): RecommendationsViewState {
  const size = Number(one(query.size));
  const year = num(query.year);
  return {
    kinds: list(query.kind, isKind),
    severities: list(query.severity, isSeverity),
    statuses: list(query.status, isStatus),
    unit: one(query.unit),
    year: year !== null && Number.isInteger(year) && year >= 1900 && year <= 9999 ? year : null,
    sort: parseSort(one(query.sort), Object.keys(sortFields) as RecommendationSortField[], defaultSort),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    position: parsePosition(query),
  };
}

export function serializeRecommendationsQuery(state: RecommendationsViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.kinds.length > 0) query.kind = state.kinds.join(',');
  if (state.severities.length > 0) query.severity = state.severities.join(',');
  if (state.statuses.length > 0) query.status = state.statuses.join(',');
  if (state.unit) query.unit = state.unit;
  if (state.year !== null) query.year = String(state.year);
  writeSort(query, state.sort, defaultSort);
  if (state.pageSize !== defaultPageSize) query.size = String(state.pageSize);
  writePosition(query, state.position);
  return query;
}

/** `unitId` is the id of `state.unit` once it is known. */
export function recommendationsWhere(state: RecommendationsViewState, unitId: string | null): RecommendationWhere | null {
  const where: RecommendationWhere = {};
  if (state.kinds.length > 0) where.kind = { in: state.kinds };
  if (state.severities.length > 0) where.severity = { in: state.severities };
  if (state.statuses.length > 0) where.status = { in: state.statuses };
  if (unitId) where.unit = unitId;
  if (state.year !== null) where.year = { eq: state.year };
  return Object.keys(where).length > 0 ? where : null;
}

export function recommendationsOrderBy(sort: Sort<RecommendationSortField>): RecommendationOrder[] {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const primary: RecommendationOrder = { field: sortFields[sort.field], direction };
  // Ties fall back to the server's ranking, so equal severities or statuses still show the largest effect first.
  if (sort.field === 'severity') return [primary, { field: 'IMPACT', direction: 'DESC' }];
  if (sort.field === 'impact') return [primary];
  return [primary, { field: 'SEVERITY', direction: 'DESC' }, { field: 'IMPACT', direction: 'DESC' }];
}
