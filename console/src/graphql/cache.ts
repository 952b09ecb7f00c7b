import { cacheExchange, type Cache, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import type {
  ActivatePolicyVersionMutation, ApplyAssignmentPlanMutation, CreatePolicyVersionMutation, CreateUnitMutation, DeleteUnitMutation, ImportDatasetMutation, SetPositionRequirementsMutation,
  UpdateUnitMutation, UpdateUnitMutationVariables,
  CreateCompetencyMutation, UpdateCompetencyMutation, DeleteCompetencyMutation, CreateTrainingMutation, UpdateTrainingMutation, DeleteTrainingMutation,
  CreateTrainingParticipationMutation, UpdateTrainingParticipationMutation, DeleteTrainingParticipationMutation, CreateTrainingEvaluationMutation,
  DeleteTrainingEvaluationMutation, CreateStakeholderInputMutation, UpdateStakeholderInputMutation, DeleteStakeholderInputMutation,
  SaveQueryMutation, DeleteSavedQueryMutation,
  CreateUserMutation, UpdateUserMutation, DisableUserMutation, EnableUserMutation, CreateApiKeyMutation, RegisterPersistedOperationMutation,
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
  'CompetencyShortfallRow',
  'TalentBoxCount',
  'Viewer',
  'LoginPayload',
  'LogoutPayload',
  'RecommendationConnection',
  'RecommendationPayload',
  'GenerateRecommendationsPayload',
  'RecommendationKindCount',
  'PolicyVersionPayload',
  'PolicyComparison',
  'PolicyParameterChange',
  // What-if answers are computed per request and never shared between queries.
  'SimulationResult',
  'JpmCategoryShift',
  'TalentBoxShift',
  'RecommendationCountShift',
  'CompetencyPayload',
  'TrainingConnection',
  'TrainingPayload',
  'TrainingParticipationPayload',
  'TrainingEvaluationPayload',
  // A training's impact is computed per request (and per asOf) and has no id: it lives in its field.
  'TrainingImpact',
  'TrainingImpactCompetency',
  'StakeholderInputConnection',
  'StakeholderInputPayload',
  'SavedQueryConnection',
  'SavedQueryVersion',
  'SaveQueryPayload',
  'DeleteSavedQueryPayload',
  'PublishSavedQueryPayload',
  // Identified by its hash, which the console only shows; it never changes once registered.
  'PersistedOperation',
  // A cost estimate answers one document and variables at one moment (the budget refills).
  'CostEstimate',
  'UserConnection',
  'CreateUserPayload',
  'UserPayload',
  'ResetUserPasswordPayload',
  'CreateApiKeyPayload',
  'RevokeApiKeyPayload',
  'RegisterPersistedOperationPayload',
  'AuditEntryConnection',
  // A changed row belongs to its audit entry and is never shown elsewhere.
  'AuditChange',
  'AuditChangeConnection',
  'AuditTableChanges',
  // The schema's own description (the audit log's action filter reads the mutation names).
  '__Type',
  '__Field',
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
    // A group value's `id` is the unit's or competency's, not its own (and null for enum values): it stays in its row.
    GroupValue: () => null,
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
      setRecommendationStatus(_result, _args, cache) {
        // The recommendation itself updates from the payload; lists filtered or sorted by status do not.
        invalidateQueryField(cache, 'recommendations');
      },
      generateRecommendations(_result, _args, cache) {
        // A run creates, updates and resolves recommendations anywhere in any list.
        invalidateQueryField(cache, 'recommendations');
      },
      createPolicyVersion(result: CreatePolicyVersionMutation, _args, cache) {
        if (result.createPolicyVersion.policyVersion) invalidateQueryField(cache, 'policyVersions');
      },
      updatePolicyVersion(_result, _args, cache) {
        // The draft updates from the payload; comparisons computed with its old parameters do not.
        invalidateQueryField(cache, 'comparePolicyVersions');
      },
      activatePolicyVersion(result: ActivatePolicyVersionMutation, _args, cache) {
        if (!result.activatePolicyVersion.policyVersion) return;
        // New thresholds change every category, candidate list, talent box and simulation shown.
        for (const field of cache.inspectFields('Query')) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
      },
      createCompetency(result: CreateCompetencyMutation, _args, cache) {
        if (result.createCompetency.competency) invalidateQueryField(cache, 'competencies');
      },
      updateCompetency(result: UpdateCompetencyMutation, _args, cache) {
        // Code, name or type changes move it between filtered pages; `competency(code:)` is keyed by the old code.
        if (!result.updateCompetency.competency) return;
        invalidateQueryField(cache, 'competencies');
        invalidateQueryField(cache, 'competency');
      },
      deleteCompetency(result: DeleteCompetencyMutation, _args, cache) {
        const id = result.deleteCompetency.deletedId;
        if (!id) return;
        cache.invalidate({ __typename: 'Competency', id });
        invalidateQueryField(cache, 'competencies');
      },
      createTraining(result: CreateTrainingMutation, _args, cache) {
        if (result.createTraining.training) invalidateQueryField(cache, 'trainings');
      },
      updateTraining(result: UpdateTrainingMutation, _args, cache) {
        if (!result.updateTraining.training) return;
        invalidateQueryField(cache, 'trainings');
        invalidateQueryField(cache, 'training');
      },
      deleteTraining(result: DeleteTrainingMutation, _args, cache) {
        const id = result.deleteTraining.deletedId;
        if (!id) return;
        cache.invalidate({ __typename: 'Training', id });
        invalidateQueryField(cache, 'trainings');
      },
      createTrainingParticipation(result: CreateTrainingParticipationMutation, _args, cache) {
        const p = result.createTrainingParticipation.trainingParticipation;
        if (!p) return;
        // The new row belongs in the training's lists (whatever their status filter) and the employee's.
        invalidateEntityField(cache, { __typename: 'Training', id: p.training.id }, 'participations');
        invalidateEntityField(cache, { __typename: 'Employee', id: p.employee.id }, 'participations');
      },
      updateTrainingParticipation(result: UpdateTrainingParticipationMutation, _args, cache) {
        const p = result.updateTrainingParticipation.trainingParticipation;
        if (!p) return;
        // A status change moves it between status-filtered lists and changes lesson hours.
        invalidateEntityField(cache, { __typename: 'Training', id: p.training.id }, 'participations');
        for (const field of ['developmentHours', 'developmentHoursShortfall']) invalidateEntityField(cache, { __typename: 'Employee', id: p.employee.id }, field);
      },
      deleteTrainingParticipation(result: DeleteTrainingParticipationMutation, _args, cache) {
        const id = result.deleteTrainingParticipation.deletedId;
        if (id) cache.invalidate({ __typename: 'TrainingParticipation', id });
      },
      createTrainingEvaluation(result: CreateTrainingEvaluationMutation, _args, cache) {
        const e = result.createTrainingEvaluation.trainingEvaluation;
        if (e) invalidateEntityField(cache, { __typename: 'Training', id: e.training.id }, 'evaluations');
      },
      deleteTrainingEvaluation(result: DeleteTrainingEvaluationMutation, _args, cache) {
        const id = result.deleteTrainingEvaluation.deletedId;
        if (id) cache.invalidate({ __typename: 'TrainingEvaluation', id });
      },
      createStakeholderInput(result: CreateStakeholderInputMutation, _args, cache) {
        const s = result.createStakeholderInput.stakeholderInput;
        if (!s) return;
        invalidateEntityField(cache, { __typename: 'Position', id: s.position.id }, 'stakeholderInputs');
        invalidateQueryField(cache, 'stakeholderInputs');
      },
      updateStakeholderInput(result: UpdateStakeholderInputMutation, _args, cache) {
        if (result.updateStakeholderInput.stakeholderInput) invalidateQueryField(cache, 'stakeholderInputs');
      },
      deleteStakeholderInput(result: DeleteStakeholderInputMutation, _args, cache) {
        const id = result.deleteStakeholderInput.deletedId;
        if (!id) return;
        cache.invalidate({ __typename: 'StakeholderInput', id });
        invalidateQueryField(cache, 'stakeholderInputs');
      },
      saveQuery(result: SaveQueryMutation, _args, cache) {
        // A new query or a renamed one lands anywhere in the side panel's searched lists.
        if (result.saveQuery.savedQuery) invalidateQueryField(cache, 'savedQueries');
      },
      deleteSavedQuery(result: DeleteSavedQueryMutation, _args, cache) {
        const id = result.deleteSavedQuery.deletedId;
        if (!id) return;
        cache.invalidate({ __typename: 'SavedQuery', id });
        invalidateQueryField(cache, 'savedQueries');
      },
      createUser(result: CreateUserMutation, _args, cache) {
        // A new account can land on any page of any filtered list.
        if (result.createUser.user) invalidateQueryField(cache, 'users');
      },
      updateUser(result: UpdateUserMutation, _args, cache) {
        // The row updates from the payload; lists filtered or sorted by role or unit do not.
        if (result.updateUser.user) invalidateQueryField(cache, 'users');
      },
      disableUser(result: DisableUserMutation, _args, cache) {
        if (result.disableUser.user) invalidateQueryField(cache, 'users');
      },
      enableUser(result: EnableUserMutation, _args, cache) {
        if (result.enableUser.user) invalidateQueryField(cache, 'users');
      },
      createApiKey(result: CreateApiKeyMutation, _args, cache) {
        if (result.createApiKey.apiKey) invalidateQueryField(cache, 'apiKeys');
      },
      registerPersistedOperation(result: RegisterPersistedOperationMutation, _args, cache) {
        if (result.registerPersistedOperation.operation) invalidateQueryField(cache, 'persistedOperations');
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
