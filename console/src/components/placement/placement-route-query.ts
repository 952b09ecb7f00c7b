import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { EmployeeWhere, Grade } from '../../graphql/generated/graphql';
import { one } from '../../composables/route-query';
import { isGrade } from '../common/domain';

/** The planner's inputs and the saved plan on show, in the URL so a plan can be shared for review. */
export interface PlacementViewState {
  /** Codes of the positions to fill, in the greedy fill order. */
  positions: string[];
  /** Candidate pool: unit code (with its subtree) and lowest grade. */
  unit: string | null;
  gradeMin: Grade | null;
  /** Id of a saved plan. */
  plan: string | null;
}

export function parsePlacementQuery(query: LocationQuery): PlacementViewState {
  const gmin = one(query.gmin);
  return {
    positions: [...new Set(one(query.pos)?.split(',').filter(Boolean) ?? [])],
    unit: one(query.unit),
    gradeMin: isGrade(gmin) ? gmin : null,
    plan: one(query.plan),
  };
}

export function serializePlacementQuery(state: PlacementViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.positions.length > 0) query.pos = state.positions.join(',');
  if (state.unit) query.unit = state.unit;
  if (state.gradeMin) query.gmin = state.gradeMin;
  if (state.plan) query.plan = state.plan;
  return query;
}

export function candidatePool(state: Pick<PlacementViewState, 'unit' | 'gradeMin'>): EmployeeWhere | null {
  const conditions: EmployeeWhere[] = [];
  if (state.unit) conditions.push({ unitSubtreeOfCode: state.unit });
  if (state.gradeMin) conditions.push({ grade: { gte: state.gradeMin } });
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? (conditions[0] ?? null) : { and: conditions };
}
