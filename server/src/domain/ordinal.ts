import {
  EDUCATION_RANK, GRADE_RANK, PREDICATES,
  type Education, type Grade, type Predicate,
} from './enums';

export function gradeRank(grade: Grade): number {
  return GRADE_RANK[grade];
}

/** D4 and S1 share a rank: the regulation treats them as equivalent. */
export function educationRank(education: Education): number {
  return EDUCATION_RANK[education];
}

/** SANGAT_KURANG 1 … SANGAT_BAIK 5 (domain.md §5). */
export function predicateOrdinal(predicate: Predicate): number {
  return PREDICATES.indexOf(predicate) + 1;
}

/** Negative when a is lower than b, 0 when equal, positive when higher. */
export function compareGrades(a: Grade, b: Grade): number {
  return gradeRank(a) - gradeRank(b);
}

export function compareEducations(a: Education, b: Education): number {
  return educationRank(a) - educationRank(b);
}

export function comparePredicates(a: Predicate, b: Predicate): number {
  return predicateOrdinal(a) - predicateOrdinal(b);
}

/** A null minimum means the position sets no requirement. */
export function meetsMinimumGrade(grade: Grade, min: Grade | null): boolean {
  return min === null || compareGrades(grade, min) >= 0;
}

export function meetsMinimumEducation(education: Education, min: Education | null): boolean {
  return min === null || compareEducations(education, min) >= 0;
}

export function meetsMinimumPredicate(predicate: Predicate, min: Predicate): boolean {
  return comparePredicates(predicate, min) >= 0;
}

function dateParts(value: string, label: string): [number, number, number] {
  // Accepts a timestamp too but reads only its calendar date: ages are about
  // the date as written, never shifted by a time zone.
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) throw new RangeError(`${label} must start with YYYY-MM-DD, got "${value}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Whole years completed on asOf. Compares (month, day) pairs instead of using
 * Date arithmetic so there is no time-zone drift; someone born on 29 February
 * turns a year older on 1 March in non-leap years.
 */
export function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = dateParts(birthDate, 'birthDate');
  const [ay, am, ad] = dateParts(asOf, 'asOf');
  const hadBirthday = am > bm || (am === bm && ad >= bd);
  return ay - by - (hadBirthday ? 0 : 1);
}
