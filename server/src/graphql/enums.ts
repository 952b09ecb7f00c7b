import { registerEnumType } from 'type-graphql';
import {
  APPRAISAL_PERIODS, APPRAISAL_RATINGS, ASSESSMENT_METHODS, COMPETENCY_TYPES, EDUCATIONS, EMPLOYEE_STATUSES, GENDERS,
  GRADES, JPM_CATEGORIES, PARTICIPATION_STATUSES, POSITION_KINDS, PREDICATES, RESPONDENTS, STAKEHOLDER_GROUPS,
  TRAINING_FORMS, TRAINING_TYPES, UNIT_TYPES,
} from '../domain/enums';

/**
 * GraphQL enums built from the domain tuples so the lists are declared once.
 * GraphQL names must be identifiers, so grade values such as "III/a" are
 * exposed as III_A while the internal value stays the domain string.
 */
function enumOf<const T extends readonly string[]>(values: T): Record<string, T[number]> {
  return Object.fromEntries(values.map((v) => [v.replace('/', '_').toUpperCase(), v])) as Record<string, T[number]>;
}

function register<const T extends readonly string[]>(values: T, name: string, description: string): Record<string, T[number]> {
  const e = enumOf(values);
  registerEnumType(e, { name, description });
  return e;
}

export const UnitTypeEnum = register(UNIT_TYPES, 'UnitType', 'Kind of organisational unit.');
export const CompetencyTypeEnum = register(COMPETENCY_TYPES, 'CompetencyType', 'Competency type (Permenpan RB 38/2017): technical (teknis), managerial (manajerial) or socio-cultural (sosial kultural).');
export const PositionKindEnum = register(POSITION_KINDS, 'PositionKind', 'Kind of position (jabatan): senior executive (JPT), administrator, pengawas, pelaksana or functional.');
export const GradeEnum = register(GRADES, 'Grade', 'Civil-service grade (golongan/ruang), ordered I/a (I_A) … IV/e (IV_E).');
export const EducationEnum = register(EDUCATIONS, 'Education', 'Highest education, ordered SD < SMP < SMA < D1 < D2 < D3 < D4 = S1 < S2 < S3.');
export const EmployeeStatusEnum = register(EMPLOYEE_STATUSES, 'EmployeeStatus', 'Employment status: PNS (civil servant) or PPPK (government employee with a work agreement).');
export const GenderEnum = register(GENDERS, 'Gender', 'Gender as encoded in the NIP (1 male, 2 female).');
export const AssessmentMethodEnum = register(ASSESSMENT_METHODS, 'AssessmentMethod', 'How a competency level was assessed.');
export const AppraisalRatingEnum = register(APPRAISAL_RATINGS, 'AppraisalRating', 'SKP rating against expectation (PermenPANRB 6/2022).');
export const AppraisalPeriodEnum = register(APPRAISAL_PERIODS, 'AppraisalPeriod', 'Length of an appraisal period.');
export const PredicateEnum = register(PREDICATES, 'Predicate', 'Performance predicate derived from the two SKP ratings; ordinal SANGAT_KURANG 1 … SANGAT_BAIK 5.');
export const TrainingFormEnum = register(TRAINING_FORMS, 'TrainingForm', 'Classical (klasikal) or non-classical (non-klasikal) development.');
export const TrainingTypeEnum = register(TRAINING_TYPES, 'TrainingType', 'Type of development activity.');
export const ParticipationStatusEnum = register(PARTICIPATION_STATUSES, 'ParticipationStatus', 'State of a training participation; only COMPLETED counts toward lesson hours (JP).');
export const RespondentEnum = register(RESPONDENTS, 'Respondent', 'Who answered a training evaluation.');
export const StakeholderGroupEnum = register(STAKEHOLDER_GROUPS, 'StakeholderGroup', 'Stakeholder group giving input on a position\'s competencies.');
export const JpmCategoryEnum = register(JPM_CATEGORIES, 'JpmCategory', 'Job Person Match category; thresholds come from the active policy version (default OPTIMAL ≥ 90, CUKUP_OPTIMAL ≥ 78).');
