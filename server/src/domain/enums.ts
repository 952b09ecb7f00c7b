/**
 * Domain enumerations (shared/domain.md, shared/dataset-format.md).
 * Kept as `as const` tuples so the same list drives TypeScript types, the
 * dataset validator, database check constraints and GraphQL enums.
 * Where an order matters (grades, education, predicates) the tuple order is
 * that order, lowest first.
 */

export const UNIT_TYPES = [
  'DINAS', 'BADAN', 'KECAMATAN', 'KELURAHAN', 'RSUD', 'SEKRETARIAT', 'BIDANG', 'SEKSI', 'UPT', 'SEKOLAH', 'PUSKESMAS',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const COMPETENCY_TYPES = ['TECHNICAL', 'MANAGERIAL', 'SOCIOCULTURAL'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export const POSITION_KINDS = [
  'JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA',
  'FUNGSIONAL_KEAHLIAN', 'FUNGSIONAL_KETERAMPILAN',
] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** Golongan/ruang, lowest first. */
export const GRADES = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;
export type Grade = (typeof GRADES)[number];

/** Education levels, lowest first. D4 and S1 are equivalent (same rank). */
export const EDUCATIONS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_RANK: Readonly<Record<Education, number>> = {
  SD: 1, SMP: 2, SMA: 3, D1: 4, D2: 5, D3: 6, D4: 7, S1: 7, S2: 8, S3: 9,
};
export const GRADE_RANK: Readonly<Record<Grade, number>> = Object.fromEntries(
  GRADES.map((g, i) => [g, i + 1]),
) as Record<Grade, number>;

export const EMPLOYEE_STATUSES = ['PNS', 'PPPK'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

export const ASSESSMENT_METHODS = ['ASSESSMENT_CENTER', 'UJI_KOMPETENSI', 'SJT', 'SUPERVISOR', 'SELF'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const APPRAISAL_RATINGS = ['BELOW', 'MEETS', 'ABOVE'] as const;
export type AppraisalRating = (typeof APPRAISAL_RATINGS)[number];

export const APPRAISAL_PERIODS = ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const;
export type AppraisalPeriod = (typeof APPRAISAL_PERIODS)[number];

/** Performance predicates, lowest first; ordinal = index + 1 (SANGAT_KURANG 1 … SANGAT_BAIK 5). */
export const PREDICATES = ['SANGAT_KURANG', 'KURANG', 'BUTUH_PERBAIKAN', 'BAIK', 'SANGAT_BAIK'] as const;
export type Predicate = (typeof PREDICATES)[number];

export const TRAINING_FORMS = ['KLASIKAL', 'NON_KLASIKAL'] as const;
export type TrainingForm = (typeof TRAINING_FORMS)[number];

export const TRAINING_TYPES = [
  'PELATIHAN', 'WORKSHOP', 'SEMINAR', 'BIMTEK', 'KURSUS', 'COACHING', 'MENTORING', 'E_LEARNING',
  'PELATIHAN_JARAK_JAUH', 'MAGANG', 'OTHER',
] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];

export const PARTICIPATION_STATUSES = ['REGISTERED', 'COMPLETED', 'FAILED', 'WITHDRAWN'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const RESPONDENTS = ['PARTICIPANT', 'SUPERVISOR', 'PEER'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

export const STAKEHOLDER_GROUPS = ['MASYARAKAT', 'GURU', 'ORANG_TUA', 'SISWA', 'PASIEN', 'TENAGA_KESEHATAN', 'OTHER'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const JPM_CATEGORIES = ['KURANG_OPTIMAL', 'CUKUP_OPTIMAL', 'OPTIMAL'] as const;
export type JpmCategory = (typeof JPM_CATEGORIES)[number];

/** Kirkpatrick evaluation levels: 1 reaction, 2 learning, 3 behaviour, 4 results. */
export const KIRKPATRICK_LEVELS = [1, 2, 3, 4] as const;
