import type {
  AppraisalPeriod, AppraisalRating, AssessmentMethod, CompetencyType, Education, EmployeeStatus, Gender, Grade,
  JpmCategory, ParticipationStatus, PositionKind, Predicate, Respondent, StakeholderGroup, TrainingForm, TrainingType, UnitType,
} from '../domain/enums';
import {
  AppraisalPeriodEnum, AppraisalRatingEnum, AssessmentMethodEnum, CompetencyTypeEnum, EducationEnum, EmployeeStatusEnum,
  GenderEnum, GradeEnum, JpmCategoryEnum, ParticipationStatusEnum, PositionKindEnum, PredicateEnum, RespondentEnum,
  StakeholderGroupEnum, TrainingFormEnum, TrainingTypeEnum, UnitTypeEnum,
} from './enums';
import { enumFilterType } from './filters';

/** One filter input per domain enum, declared once and shared by every module's `where`. */
export const UnitTypeFilter = enumFilterType<UnitType>(UnitTypeEnum, 'UnitType', false);
export const CompetencyTypeFilter = enumFilterType<CompetencyType>(CompetencyTypeEnum, 'CompetencyType', false);
export const PositionKindFilter = enumFilterType<PositionKind>(PositionKindEnum, 'PositionKind', false);
/** Ordered: lt/gt compare golongan order, I/a lowest. */
export const GradeFilter = enumFilterType<Grade>(GradeEnum, 'Grade', true);
/** Ordered: SD lowest; D4 and S1 share a rank only in eligibility (here they are adjacent). */
export const EducationFilter = enumFilterType<Education>(EducationEnum, 'Education', true);
export const EmployeeStatusFilter = enumFilterType<EmployeeStatus>(EmployeeStatusEnum, 'EmployeeStatus', false);
export const GenderFilter = enumFilterType<Gender>(GenderEnum, 'Gender', false);
export const AssessmentMethodFilter = enumFilterType<AssessmentMethod>(AssessmentMethodEnum, 'AssessmentMethod', false);
export const AppraisalRatingFilter = enumFilterType<AppraisalRating>(AppraisalRatingEnum, 'AppraisalRating', true);
export const AppraisalPeriodFilter = enumFilterType<AppraisalPeriod>(AppraisalPeriodEnum, 'AppraisalPeriod', false);
/** Ordered: SANGAT_KURANG lowest, SANGAT_BAIK highest. */
export const PredicateFilter = enumFilterType<Predicate>(PredicateEnum, 'Predicate', true);
export const TrainingFormFilter = enumFilterType<TrainingForm>(TrainingFormEnum, 'TrainingForm', false);
export const TrainingTypeFilter = enumFilterType<TrainingType>(TrainingTypeEnum, 'TrainingType', false);
export const ParticipationStatusFilter = enumFilterType<ParticipationStatus>(ParticipationStatusEnum, 'ParticipationStatus', false);
export const RespondentFilter = enumFilterType<Respondent>(RespondentEnum, 'Respondent', false);
export const StakeholderGroupFilter = enumFilterType<StakeholderGroup>(StakeholderGroupEnum, 'StakeholderGroup', false);
/** Ordered: KURANG_OPTIMAL lowest. */
export const JpmCategoryFilter = enumFilterType<JpmCategory>(JpmCategoryEnum, 'JpmCategory', true);
