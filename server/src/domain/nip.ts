import type { Gender } from './enums';

/** A NIP decoded into its parts (domain.md §3). */
export interface NipParts {
  nip: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM: TMT CPNS, the month service started. */
  serviceStart: string;
  gender: Gender;
  /** Kept as the three-digit string so leading zeros survive a round trip. */
  sequence: string;
}

export type NipParseResult = { ok: true; value: NipParts } | { ok: false; message: string };

export interface NipInput {
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM */
  serviceStart: string;
  gender: Gender;
  sequence: number;
}

export const NIP_LENGTH = 18;
/** Older dates cannot belong to a serving or retired-but-recorded civil servant; they signal a typo. */
export const NIP_MIN_BIRTH_YEAR = 1900;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const fail = (message: string): NipParseResult => ({ ok: false, message });

/**
 * Validates and decodes an 18-digit NIP. Strict on purpose: the NIP is the
 * employee's identity key, so a formatted or padded string is rejected rather
 * than silently normalised (use the digits only; see formatNip for display).
 */
export function parseNip(nip: string): NipParseResult {
  const badChar = [...nip].findIndex((ch) => ch < '0' || ch > '9');
  if (badChar >= 0) {
    return fail(`NIP must contain digits only, found "${[...nip][badChar]}" at position ${badChar + 1}`);
  }
  if (nip.length !== NIP_LENGTH) return fail(`NIP must be ${NIP_LENGTH} digits, got ${nip.length}`);

  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  const serviceYear = Number(nip.slice(8, 12));
  const serviceMonth = Number(nip.slice(12, 14));
  const genderDigit = nip.slice(14, 15);
  const sequence = nip.slice(15, 18);

  const birthText = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (birthYear < NIP_MIN_BIRTH_YEAR) {
    return fail(`NIP birth year ${birthYear} is before ${NIP_MIN_BIRTH_YEAR}`);
  }
  if (birthMonth < 1 || birthMonth > 12) {
    return fail(`NIP birth date ${birthText} has an invalid month ${nip.slice(4, 6)}`);
  }
  if (birthDay < 1 || birthDay > daysInMonth(birthYear, birthMonth)) {
    return fail(`NIP birth date ${birthText} is not a real date`);
  }

  const serviceText = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (serviceMonth < 1 || serviceMonth > 12) {
    return fail(`NIP service start ${serviceText} has an invalid month ${nip.slice(12, 14)}`);
  }
  // Same-width YYYY-MM strings order chronologically.
  if (serviceText < birthText.slice(0, 7)) {
    return fail(`NIP service start ${serviceText} is before the birth date ${birthText}`);
  }

  let gender: Gender;
  if (genderDigit === '1') gender = 'MALE';
  else if (genderDigit === '2') gender = 'FEMALE';
  else return fail(`NIP gender digit must be 1 (male) or 2 (female), got ${genderDigit}`);

  return { ok: true, value: { nip, birthDate: birthText, serviceStart: serviceText, gender, sequence } };
}

/**
 * "198609262015051001" → "19860926 201505 1 001", the way it is printed on
 * SK documents. Input that is not a valid-shaped NIP is returned unchanged so
 * a display of legacy bad data never throws.
 */
export function formatNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/** Builds a NIP from its parts; throws RangeError with parseNip's message when the parts are invalid. */
export function buildNip(input: NipInput): string {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate);
  if (!birth) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${input.birthDate}"`);
  const service = /^(\d{4})-(\d{2})$/.exec(input.serviceStart);
  if (!service) throw new RangeError(`serviceStart must be YYYY-MM, got "${input.serviceStart}"`);
  if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${input.sequence}`);
  }
  const nip =
    `${birth[1]}${birth[2]}${birth[3]}${service[1]}${service[2]}` +
    `${input.gender === 'MALE' ? '1' : '2'}${pad(input.sequence, 3)}`;
  const parsed = parseNip(nip);
  if (!parsed.ok) throw new RangeError(parsed.message);
  return nip;
}
