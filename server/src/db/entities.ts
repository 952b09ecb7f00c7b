import { Unit } from '../modules/unit/unit.entity';
import { Competency, CompetencyLevel } from '../modules/competency/competency.entity';
import { Position, PositionRequirement } from '../modules/position/position.entity';
import { Employee } from '../modules/employee/employee.entity';
import { CompetencyAssessment } from '../modules/assessment/competency-assessment.entity';
import { PerformanceAppraisal } from '../modules/appraisal/performance-appraisal.entity';
import { Training, TrainingEvaluation, TrainingParticipation } from '../modules/training/training.entity';
import { StakeholderInput } from '../modules/stakeholder/stakeholder-input.entity';
import { PolicyVersion } from '../modules/policy/policy-version.entity';
import { AssignmentPlan, AssignmentPlanItem } from '../modules/matching/assignment-plan.entity';
import { Recommendation, RecommendationStatusChange } from '../modules/recommendation/recommendation.entity';
import { accessEntities } from '../modules/access/access.entities';
import { SavedQuery, SavedQueryVersion } from '../modules/saved-query/saved-query.entity';

export const entities = [
  Unit, Competency, CompetencyLevel, Position, PositionRequirement, Employee, CompetencyAssessment,
  PerformanceAppraisal, Training, TrainingParticipation, TrainingEvaluation, StakeholderInput, PolicyVersion,
  AssignmentPlan, AssignmentPlanItem,
  ...accessEntities,
  Recommendation, RecommendationStatusChange,
  SavedQuery, SavedQueryVersion,
];
