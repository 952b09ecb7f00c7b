import type { Education, Grade, JpmCategory, Predicate } from '../../graphql/generated/graphql';

// `satisfies` makes these lists fail the typecheck when the schema adds or drops a value.
const gradeOrder = {
  I_A: 1, I_B: 2, I_C: 3, I_D: 4, II_A: 5, II_B: 6, II_C: 7, II_D: 8,
  III_A: 9, III_B: 10, III_C: 11, III_D: 12, IV_A: 13, IV_B: 14, IV_C: 15, IV_D: 16, IV_E: 17,
} as const satisfies Record<Grade, number>;

/** Grades in golongan order, I/a first. */
export const grades = Object.keys(gradeOrder) as Grade[];

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && Object.hasOwn(gradeOrder, value);
}

/** "III_A" → "III/a", as written on every civil-service document. */
export function gradeLabel(grade: Grade): string {
  const [roman, letter] = grade.split('_');
  return `${roman}/${(letter ?? '').toLowerCase()}`;
}

export const gradeOptions = () => grades.map((g) => ({ label: gradeLabel(g), value: g }));

const educationOrder = { SD: 1, SMP: 2, SMA: 3, D1: 4, D2: 5, D3: 6, D4: 7, S1: 8, S2: 9, S3: 10 } as const satisfies Record<Education, number>;
export const educations = Object.keys(educationOrder) as Education[];

export const jpmCategories = ['OPTIMAL', 'CUKUP_OPTIMAL', 'KURANG_OPTIMAL'] as const satisfies readonly JpmCategory[];

export function isJpmCategory(value: unknown): value is JpmCategory {
  return typeof value === 'string' && (jpmCategories as readonly string[]).includes(value);
}

/** Tag colour of a JPM category: the traffic light admins read at a glance. */
export function categoryType(category: JpmCategory): 'success' | 'warning' | 'error' {
  return category === 'OPTIMAL' ? 'success' : category === 'CUKUP_OPTIMAL' ? 'warning' : 'error';
}

// Higher is better: the order the ranking and the policy thresholds compare in.
const predicateOrder = { SANGAT_KURANG: 1, KURANG: 2, BUTUH_PERBAIKAN: 3, BAIK: 4, SANGAT_BAIK: 5 } as const satisfies Record<Predicate, number>;
const categoryOrder = { KURANG_OPTIMAL: 1, CUKUP_OPTIMAL: 2, OPTIMAL: 3 } as const satisfies Record<JpmCategory, number>;

export const predicateRank = (predicate: Predicate): number => predicateOrder[predicate];
export const categoryRank = (category: JpmCategory): number => categoryOrder[category];

export function predicateType(predicate: Predicate): 'success' | 'info' | 'warning' | 'error' {
  if (predicate === 'SANGAT_BAIK') return 'success';
  if (predicate === 'BAIK') return 'info';
  if (predicate === 'BUTUH_PERBAIKAN') return 'warning';
  return 'error';
}

/** JPM with one decimal, as the policy thresholds are written (90, 78). */
export const formatJpm = (jpm: number): string => (Math.round(jpm * 10) / 10).toFixed(1);

/** Levels with up to two decimals, without trailing zeros (2.4, 3). */
export const formatLevel = (level: number): string => String(Math.round(level * 100) / 100);

/** A gap (achieved − required) with its sign, so a shortfall reads as negative at a glance: +0.5, −1, 0. */
export function formatGap(gap: number): string {
  const rounded = Math.round(gap * 100) / 100;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${-rounded}`;
}

/** The parts of an 18-digit NIP: birth date YYYYMMDD, service start YYYYMM, gender digit, sequence NNN. */
export function decodeNip(nip: string): { birth: string; service: string; genderDigit: string; sequence: string } | null {
  if (!/^\d{18}$/.test(nip)) return null;
  return { birth: nip.slice(0, 8), service: nip.slice(8, 14), genderDigit: nip.slice(14, 15), sequence: nip.slice(15) };
}

/** The current calendar year; JP requirements are per calendar year. */
export const currentYear = (): number => new Date().getFullYear();
