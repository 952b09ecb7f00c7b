import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from './node.resolver';
import { DatasetResolver } from '../modules/dataset/dataset.resolver';
import { AnalyticsResolver, CompetencyShortfallRowResolver } from '../modules/analytics/analytics.resolver';
import {
  AssignmentPlanResolver, EmployeeMatchingResolver, MatchResolver, PositionMatchingResolver, SeatResolver, TrainingNeedResolver, UnitTalentResolver,
} from '../modules/matching/matching.resolver';
import { UnitResolver } from '../modules/unit/unit.resolver';
import { CompetencyLevelResolver, CompetencyResolver } from '../modules/competency/competency.resolver';
import { PositionRequirementResolver, PositionResolver, UnitPositionsResolver } from '../modules/position/position.resolver';
import { TrainingEvaluationResolver, TrainingParticipationResolver, TrainingResolver } from '../modules/training/training.resolver';
import { PositionStakeholderInputsResolver, StakeholderInputResolver } from '../modules/stakeholder/stakeholder-input.resolver';
import { CompetencyLevelEntryResolver, EmployeeResolver, UnitEmployeesResolver } from '../modules/employee/employee.resolver';
import { CompetencyAssessmentResolver } from '../modules/assessment/assessment.resolver';
import { PerformanceAppraisalResolver } from '../modules/appraisal/appraisal.resolver';
import { AccessResolver, AuditEntryResolver } from '../modules/access/access.resolver';
import { RecommendationResolver } from '../modules/recommendation/recommendation.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { SimulationResolver } from '../modules/recommendation/simulation.resolver';
import { SavedQueryResolver, SavedQueryVersionResolver } from '../modules/saved-query/saved-query.resolver';

/** Every resolver class of the API; the schema is built from this list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  DatasetResolver,
  AnalyticsResolver,
  CompetencyShortfallRowResolver,
  PositionMatchingResolver,
  EmployeeMatchingResolver,
  UnitTalentResolver,
  MatchResolver,
  TrainingNeedResolver,
  SeatResolver,
  AssignmentPlanResolver,
  UnitResolver,
  CompetencyResolver,
  CompetencyLevelResolver,
  PositionResolver,
  PositionRequirementResolver,
  UnitPositionsResolver,
  TrainingResolver,
  TrainingParticipationResolver,
  TrainingEvaluationResolver,
  StakeholderInputResolver,
  PositionStakeholderInputsResolver,
  EmployeeResolver,
  CompetencyLevelEntryResolver,
  UnitEmployeesResolver,
  CompetencyAssessmentResolver,
  PerformanceAppraisalResolver,
  AccessResolver,
  AuditEntryResolver,
  RecommendationResolver,
  PolicyResolver,
  SimulationResolver,
  SavedQueryResolver,
  SavedQueryVersionResolver,
];
