import { cacheExchange, type Cache, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import type {
  ApplyAssignmentPlanMutation, CreateUnitMutation, DeleteUnitMutation, ImportDatasetMutation, SetPositionRequirementsMutation,
  UpdateUnitMutation, UpdateUnitMutationVariables,
} from './generated/graphql';

/**
 * Object types that have no `id` and so are stored inside their parent
 * instead of as entities. `cache.test.ts` checks that every type the
 * console's operations select either has an `id` or is listed here, so a new
 * operation cannot silently produce a graphcache "Invalid key" warning.
 */
export const embeddedTypes = [
  'UnitConnection',
  'UnitEdge',
  'PageInfo',
  'UnitPayload',
  'DeletePayload',
  'UserError',
  'EmployeeConnection',
  'PositionConnection',
  'CompetencyConnection',
  'MatchConnection',
  // A match is one employee against one position on one date; it lives inside the field that computed it.
  'Match',
  'CompetencyGap',
  'IneligibilityReason',
  'TrainingNeed',
  'PositionPayload',
  'AssignmentPlanPayload',
  'AssignmentSummary',
  'Seat',
  'ImportDatasetPayload',
  'ImportCount',
  'DatasetError',
  'EmployeeAggregateRow',
  'TalentBoxCount',
  'Viewer',
  'LoginPayload',
  'LogoutPayload',
] as const;

const embedded = (): null => null;

/** Drops every cached `<entity>.<field>(…)` result, whatever its arguments. */
export function invalidateEntityField(cache: Cache, entity: Parameters<Cache['inspectFields']>[0], fieldName: string): void {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

/** Drops every cached `Query.<field>(…)` result, whatever its arguments, so active lists refetch. */
export function invalidateQueryField(cache: Cache, fieldName: string): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

function unitRef(id: string): { __typename: 'Unit'; id: string } {
  return { __typename: 'Unit', id };
}

/** Query fields whose results depend on competency standards, levels or placements. */
const matchingQueryFields = ['employee', 'employees', 'assignmentPlan', 'employeeAggregate', 'unit', 'units'];

export const cacheConfig: CacheExchangeOpts = {
  keys: {
    ...Object.fromEntries(embeddedTypes.map((name) => [name, embedded])),
    // A plan computed without saving has no id and stays inside its query; a saved one is an entity.
    AssignmentPlan: (data) => (typeof data.id === 'string' ? data.id : null),
  },
  updates: {
    Mutation: {
      createUnit(result: CreateUnitMutation, _args, cache) {
        const unit = result.createUnit.unit;
        if (!unit) return;
        // A new unit can land on any page of any filtered list, and under its parent in the tree.
        invalidateQueryField(cache, 'units');
        if (unit.parent) cache.invalidate(unitRef(unit.parent.id), 'children');
      },
      updateUnit(result: UpdateUnitMutation, args: UpdateUnitMutationVariables, cache) {
        const unit = result.updateUnit.unit;
        if (!unit) return;
        // Code, name or type changes move the unit between filtered and sorted pages.
        invalidateQueryField(cache, 'units');
        // `unit(code:)` lookups are keyed by the old code, which may now belong to nobody.
        invalidateQueryField(cache, 'unit');
        if (args.input.parent !== undefined) {
          // UpdateUnit deliberately does not select `parent`, so the cached link here is still the old
          // parent: both the old and the new parent's child lists change.
          const oldParent = cache.resolve(unitRef(unit.id), 'parent');
          if (typeof oldParent === 'string') cache.invalidate(oldParent, 'children');
          if (args.input.parent) cache.invalidate(unitRef(args.input.parent), 'children');
          cache.invalidate(unitRef(unit.id), 'parent');
        }
      },
      deleteUnit(result: DeleteUnitMutation, _args, cache) {
        const id = result.deleteUnit.deletedId;
        if (!id) return;
        // Invalidating the entity refetches every query that showed it: lists, the tree, the drawer.
        cache.invalidate(unitRef(id));
        invalidateQueryField(cache, 'units');
      },
      setPositionRequirements(result: SetPositionRequirementsMutation, _args, cache) {
        const position = result.setPositionRequirements.position;
        if (!position) return;
        // Every JPM against this position changes: candidates, successors, the holders' current match,
        // and the profiles, plans and aggregates that show matches.
        const ref = { __typename: 'Position', id: position.id };
        for (const field of ['candidates', 'successors']) invalidateEntityField(cache, ref, field);
        const holders = cache.resolve(ref, 'holders');
        if (Array.isArray(holders)) {
          for (const key of holders) if (typeof key === 'string') invalidateEntityField(cache, key, 'currentMatch');
        }
        for (const field of matchingQueryFields) invalidateQueryField(cache, field);
      },
      applyAssignmentPlan(result: ApplyAssignmentPlanMutation, _args, cache) {
        const plan = result.applyAssignmentPlan.plan;
        if (!plan) return;
        // Moved employees leave one position and fill another. Only fields the plan itself does not
        // select are dropped: graphcache reads the mutation's result back from the cache after this.
        for (const seat of plan.seats) {
          const position = { __typename: 'Position', id: seat.position.id };
          for (const field of ['holders', 'holderCount', 'vacancies', 'candidates', 'successors']) invalidateEntityField(cache, position, field);
          if (seat.match) {
            const employee = { __typename: 'Employee', id: seat.match.employee.id };
            for (const field of ['currentMatch', 'bestPositions', 'talentBox', 'unit']) invalidateEntityField(cache, employee, field);
          }
        }
        for (const field of [...matchingQueryFields, 'positions', 'position']) invalidateQueryField(cache, field);
      },
      importDataset(result: ImportDatasetMutation, _args, cache) {
        const payload = result.importDataset;
        if (payload.dryRun || !payload.ok) return;
        // An import can touch any record: everything shown is refetched.
        for (const field of cache.inspectFields('Query')) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
      },
    },
  },
};

export const createCacheExchange = () => cacheExchange(cacheConfig);
