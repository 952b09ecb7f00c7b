import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PERSONAL_FILTER_NOTE, personalDataEnumValues } from '../../graphql/personal-data';

export enum EmployeeGroupKey {
  UNIT = 'UNIT',
  GRADE = 'GRADE',
  EDUCATION = 'EDUCATION',
  POSITION_KIND = 'POSITION_KIND',
  STATUS = 'STATUS',
  GENDER = 'GENDER',
  COMPETENCY = 'COMPETENCY',
  COMPETENCY_TYPE = 'COMPETENCY_TYPE',
  PREDICATE = 'PREDICATE',
  JPM_CATEGORY = 'JPM_CATEGORY',
  TALENT_BOX = 'TALENT_BOX',
}
registerEnumType(EmployeeGroupKey, {
  name: 'EmployeeGroupKey',
  description: 'A dimension to group employee figures by.',
  valuesConfig: {
    UNIT: { description: 'The employee\'s unit; with rollUp, every unit counts its whole subtree (then an employee appears under each ancestor).' },
    GRADE: { description: 'Grade (golongan), in domain order.' },
    EDUCATION: { description: 'Education, in domain order.' },
    POSITION_KIND: { description: 'Kind of the current position; "UNPLACED" for employees without one.' },
    STATUS: { description: 'PNS or PPPK.' },
    // Grouping one employee (where: { id }) by gender would reveal it: personal data.
    GENDER: { description: `Gender (from the NIP). ${PERSONAL_FILTER_NOTE}` },
    COMPETENCY: { description: 'Competency: one row per competency the employees have a current level in (level measures apply to it).' },
    COMPETENCY_TYPE: { description: 'Competency type (technical, managerial, socio-cultural): level measures averaged over that type.' },
    PREDICATE: { description: 'Annual performance predicate: of the given year, or the latest before asOf; "NONE" when there is none.' },
    JPM_CATEGORY: { description: 'JPM category in the current position on asOf, with the active policy\'s thresholds; "NONE" for unplaced employees and positions without a standard.' },
    TALENT_BOX: { description: '9-box ("1"–"9") on asOf, as the talentBox field; "NONE" without a category or an annual appraisal.' },
  },
});
personalDataEnumValues('EmployeeGroupKey', ['GENDER']);

@ObjectType('GroupValue', { description: 'The value of one grouping dimension in an aggregate row.' })
export class GroupValue {
  @Field(() => EmployeeGroupKey, { description: 'The dimension.' })
  key!: EmployeeGroupKey;

  @Field(() => String, { description: 'Its value: a code (unit or competency code) or enum value (e.g. "III/a", "BAIK").' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Display name where the value has one (unit or competency name).' })
  label?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the unit or competency, for drilling down.' })
  id?: string | null;
}

@ObjectType('EmployeeAggregateRow', { description: 'Figures for one combination of group values.' })
export class EmployeeAggregateRow {
  @Field(() => [GroupValue], { description: 'One value per requested groupBy key, in the requested order.' })
  group!: GroupValue[];

  @Field(() => Int, { description: 'Number of distinct employees in the group.' })
  headcount!: number;

  @Field(() => Int, { description: 'Employees with a current level in the competency (or competency type) considered; 0 when no competency is involved.' })
  assessed!: number;

  @Field(() => Float, { nullable: true, description: 'Mean current level (latest assessment on or before asOf) over assessed employees; null when no competency is involved or none is assessed.' })
  meanLevel?: number | null;

  @Field(() => Float, { nullable: true, description: 'Lowest current level in the group.' })
  minLevel?: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest current level in the group.' })
  maxLevel?: number | null;
}

@ObjectType('CompetencyShortfallRow', {
  description: 'Shortfall in one competency (per unit when grouped by unit) over the employees whose current position\'s standard requires it: '
    + 'shortfall = max(0, required − current level), a never-assessed competency counting as level 0 (domain.md §4, as in UNIT_COMPETENCY_GAP).',
})
export class CompetencyShortfallRow {
  unitId!: number | null;
  competencyId!: number;

  @Field(() => Int, { description: 'Employees whose current position requires the competency (holders).' })
  holders!: number;

  @Field(() => Int, { description: 'Of those, how many have a current level in it.' })
  assessed!: number;

  @Field(() => Float, { description: 'Mean shortfall over the holders, in levels.' })
  meanShortfall!: number;

  @Field(() => Float, { description: 'Share of holders (0–1) with any shortfall.' })
  shortfallShare!: number;

  @Field(() => Float, { description: 'Mean required level over the holders.' })
  meanRequired!: number;
}
