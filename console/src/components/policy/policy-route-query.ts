import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { one } from '../../composables/route-query';

export type PolicyTab = 'versions' | 'compare' | 'simulate';
export type SimulatorMode = 'policy' | 'standard';

/** The policy page's tab and selections, in the URL so a comparison or a simulation setup can be shared. */
export interface PolicyViewState {
  tab: PolicyTab;
  /** Version whose parameters are shown (global id). */
  version: string | null;
  /** Compared versions (global ids). */
  a: string | null;
  b: string | null;
  mode: SimulatorMode;
  /** Position code of the standard simulator. */
  position: string | null;
}

export function parsePolicyQuery(query: LocationQuery): PolicyViewState {
  const tab = one(query.tab);
  return {
    tab: tab === 'compare' || tab === 'simulate' ? tab : 'versions',
    version: one(query.v),
    a: one(query.a),
    b: one(query.b),
    mode: one(query.mode) === 'standard' ? 'standard' : 'policy',
    position: one(query.pos),
  };
}

export function serializePolicyQuery(state: PolicyViewState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.tab !== 'versions') query.tab = state.tab;
  if (state.version) query.v = state.version;
  if (state.a) query.a = state.a;
  if (state.b) query.b = state.b;
  if (state.mode !== 'policy') query.mode = state.mode;
  if (state.position) query.pos = state.position;
  return query;
}
