import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateFilter, FloatFilter, IDFilter, IntFilter, OrderDirection, StringFilter } from '../../graphql/filters';
import {
  EducationFilter, EmployeeStatusFilter, GenderFilter, GradeFilter, JpmCategoryFilter, PositionKindFilter, PredicateFilter,
} from '../../graphql/enum-filters';
import { connectionType } from '../../graphql/pagination';
import { UserError } from '../../graphql/errors';
import { PERSONAL_FILTER_NOTE, PersonalDataFilter, personalDataEnumValues } from '../../graphql/personal-data';
import { EducationEnum, EmployeeStatusEnum, GradeEnum } from '../../graphql/enums';
import type { Education, EmployeeStatus, Grade } from '../../domain/enums';
import { Employee } from './employee.entity';

@InputType('CompetencyLevelCondition', {
  description: 'Condition on an employee\'s current level in one competency: the latest assessment on or before asOf. '
    + 'An employee never assessed in it (by asOf) has no level: they match `assessed: false`, count as level 0 for lt/lte '
    + '(so "below 3" includes them) and never match gt/gte. An unknown competency code counts as never assessed.',
})
export class CompetencyLevelCondition {
  @Field(() => String, { description: 'Competency code, e.g. "KOM".' }) competency!: string;
  @Field(() => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf?: string | null;
  @Field(() => Float, { nullable: true, description: 'Current level below this (never assessed counts as 0).' }) lt?: number | null;
  @Field(() => Float, { nullable: true, description: 'Current level at most this (never assessed counts as 0).' }) lte?: number | null;
  @Field(() => Float, { nullable: true, description: 'Current level above this (never assessed does not match).' }) gt?: number | null;
  @Field(() => Float, { nullable: true, description: 'Current level at least this (never assessed does not match).' }) gte?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: assessed in this competency on or before asOf; false: never assessed by then.' }) assessed?: boolean | null;
}

@InputType('HasAssessmentCondition', { description: 'Matches employees with at least one assessment in their history meeting all given conditions.' })
export class HasAssessmentCondition {
  @Field(() => String, { nullable: true, description: 'Competency code; any competency when omitted.' }) competency?: string | null;
  @Field(() => FloatFilter, { nullable: true, description: 'Assessed level.' }) level?: FloatFilter | null;
  @Field(() => DateFilter, { nullable: true, description: 'Assessment date.' }) assessedAt?: DateFilter | null;
}

@InputType('LatestPredicateCondition', { description: 'Condition on the predicate of the latest ANNUAL appraisal whose period starts before asOf (isNull: true = no such appraisal).' })
export class LatestPredicateCondition {
  @Field(() => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today when omitted.' }) asOf?: string | null;
  @Field(() => PredicateFilter, { description: 'Conditions on that predicate; lt/gt compare in the order SANGAT_KURANG … SANGAT_BAIK.' })
  predicate!: InstanceType<typeof PredicateFilter>;
}

@InputType('DevelopmentHoursCondition', { description: 'Condition on the lesson hours (JP) of COMPLETED trainings completed in a calendar year (0 when none).' })
export class DevelopmentHoursCondition {
  @Field(() => Int, { description: 'Calendar year of completion.' }) year!: number;
  @Field(() => Float, { nullable: true, description: 'Fewer hours than this.' }) lt?: number | null;
  @Field(() => Float, { nullable: true, description: 'At most this many hours.' }) lte?: number | null;
  @Field(() => Float, { nullable: true, description: 'More hours than this.' }) gt?: number | null;
  @Field(() => Float, { nullable: true, description: 'At least this many hours.' }) gte?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: fewer hours than the active policy\'s annual requirement (20 JP by default), i.e. a JP shortfall in that year; false: the requirement is met.' })
  belowRequirement?: boolean | null;
}

@InputType('EmployeeWhere', { description: 'Filter for employees. All given conditions must hold; combine with and/or/not.' })
export class EmployeeWhere {
  @Field(() => IDFilter, { nullable: true, description: 'The employee itself.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: `NIP. ${PERSONAL_FILTER_NOTE}` }) @PersonalDataFilter() nip?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Full name.' }) name?: StringFilter;
  @Field(() => EmployeeStatusFilter, { nullable: true, description: 'PNS or PPPK.' }) status?: InstanceType<typeof EmployeeStatusFilter>;
  @Field(() => GradeFilter, { nullable: true, description: 'Grade; lt/gt compare in golongan order.' }) grade?: InstanceType<typeof GradeFilter>;
  @Field(() => EducationFilter, { nullable: true, description: 'Highest education; lt/gt compare in education order.' }) education?: InstanceType<typeof EducationFilter>;
  @Field(() => GenderFilter, { nullable: true, description: `Gender (from the NIP). ${PERSONAL_FILTER_NOTE}` }) @PersonalDataFilter() gender?: InstanceType<typeof GenderFilter>;
  @Field(() => DateFilter, { nullable: true, description: `Birth date (from the NIP). ${PERSONAL_FILTER_NOTE}` }) @PersonalDataFilter() birthDate?: DateFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The unit the employee belongs to directly.' }) unit?: IDFilter;
  @Field(() => ID, { nullable: true, description: 'Employees of this unit or any unit below it.' }) unitSubtreeOf?: string;
  @Field(() => String, { nullable: true, description: 'Like unitSubtreeOf, by unit code.' }) unitSubtreeOfCode?: string;
  @Field(() => IDFilter, { nullable: true, description: 'Current position (isNull: true for unplaced employees).' }) position?: IDFilter;
  @Field(() => PositionKindFilter, { nullable: true, description: 'Kind of the current position (isNull: true for unplaced employees).' })
  positionKind?: InstanceType<typeof PositionKindFilter>;
  @Field(() => CompetencyLevelCondition, { nullable: true, description: 'Current level in one competency (see CompetencyLevelCondition for never-assessed employees).' })
  competencyLevel?: CompetencyLevelCondition;
  @Field(() => HasAssessmentCondition, { nullable: true, description: 'Some assessment in the history matches.' }) hasAssessment?: HasAssessmentCondition;
  @Field(() => LatestPredicateCondition, { nullable: true, description: 'Predicate of the latest annual appraisal.' }) latestPredicate?: LatestPredicateCondition;
  @Field(() => DevelopmentHoursCondition, { nullable: true, description: 'Lesson hours (JP) completed in a year.' }) developmentHours?: DevelopmentHoursCondition;
  @Field(() => JpmCategoryFilter, {
    nullable: true,
    description: 'JPM category in the current position today, with the active policy\'s thresholds (as currentMatch.category); '
      + 'isNull: true for unplaced employees and positions without a standard. lt/gt compare KURANG_OPTIMAL < CUKUP_OPTIMAL < OPTIMAL.',
  })
  currentCategory?: InstanceType<typeof JpmCategoryFilter>;
  @Field(() => IntFilter, { nullable: true, description: '9-box (1–9) today, as the talentBox field: employees without one (unplaced, no standard, or no annual appraisal) never match.' })
  talentBox?: IntFilter;
  @Field(() => [EmployeeWhere], { nullable: true, description: 'All of these hold.' }) and?: EmployeeWhere[];
  @Field(() => [EmployeeWhere], { nullable: true, description: 'At least one of these holds.' }) or?: EmployeeWhere[];
  @Field(() => EmployeeWhere, { nullable: true, description: 'This does not hold.' }) not?: EmployeeWhere;
}

export enum EmployeeOrderField {
  NAME = 'name',
  NIP = 'nip',
  GRADE = 'grade',
  EDUCATION = 'education',
  BIRTH_DATE = 'birthDate',
  UNIT_CODE = 'unitCode',
}
registerEnumType(EmployeeOrderField, {
  name: 'EmployeeOrderField',
  description: 'Sortable employee fields. GRADE and EDUCATION sort in the domain order (I/a and SD lowest), not alphabetically. '
    + `NIP and BIRTH_DATE: ${PERSONAL_FILTER_NOTE}`,
});
personalDataEnumValues('EmployeeOrderField', ['NIP', 'BIRTH_DATE']);

@InputType('EmployeeOrder', { description: 'One sort key for employees.' })
export class EmployeeOrder {
  @Field(() => EmployeeOrderField, { description: 'Field to sort by.' }) field!: EmployeeOrderField;
  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction, ascending by default.' }) direction?: OrderDirection;
}

export const EmployeeConnection = connectionType(Employee, 'Employee', 'A page of employees.');

@InputType('EmployeeInput', { description: 'Fields of an employee. On update, omitted fields are left unchanged. Birth date, service start and gender come from the NIP.' })
export class EmployeeInput {
  @Field(() => String, { nullable: true, description: 'NIP, 18 digits: YYYYMMDD birth date, YYYYMM service start, gender digit 1/2, sequence NNN.' }) nip?: string | null;
  @Field(() => String, { nullable: true, description: 'Full name.' }) name?: string | null;
  @Field(() => EmployeeStatusEnum, { nullable: true, description: 'PNS or PPPK.' }) status?: EmployeeStatus | null;
  @Field(() => GradeEnum, { nullable: true, description: 'Grade (golongan/ruang).' }) grade?: Grade | null;
  @Field(() => EducationEnum, { nullable: true, description: 'Highest education.' }) education?: Education | null;
  @Field(() => ID, { nullable: true, description: 'Unit id; required.' }) unit?: string | null;
  @Field(() => ID, { nullable: true, description: 'Position id; null leaves or makes the employee unplaced.' }) position?: string | null;
}

@ObjectType('EmployeePayload', { description: 'Result of an employee mutation.' })
export class EmployeePayload {
  @Field(() => Employee, { nullable: true, description: 'The employee after the change; null when userErrors is not empty.' }) employee?: Employee | null;
  @Field(() => [UserError], { description: 'Mistakes in the input; empty on success.' }) userErrors!: UserError[];
}

/**
 * One line of a competency profile. `competencyId` is resolved to the
 * Competency object by a batched field resolver.
 */
@ObjectType('CompetencyLevelEntry', { description: 'An employee\'s standing in one competency on a date: current level against the current position\'s standard.' })
export class CompetencyLevelEntry {
  competencyId!: number;

  @Field(() => Float, { nullable: true, description: 'Current level (latest assessment on or before the date); null when never assessed.' })
  level!: number | null;

  @Field(() => String, { nullable: true, description: 'Date of that assessment (YYYY-MM-DD); null when never assessed.' })
  assessedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Level the current position requires; null when it does not require this competency or the employee is unplaced.' })
  required!: number | null;

  @Field(() => Float, { nullable: true, description: 'level − required (negative = shortfall); null when either is missing.' })
  gap!: number | null;
}
