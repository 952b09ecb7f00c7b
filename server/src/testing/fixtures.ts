import { buildNip } from '../domain/nip';
import type { Dataset } from '../modules/dataset/dataset.schema';

/** The nine national competencies of domain.md §1, in the order INT..PB used by the worked examples. */
export const NATIONAL = [
  ['INT', 'Integritas', 'MANAGERIAL'], ['KS', 'Kerja Sama', 'MANAGERIAL'], ['KOM', 'Komunikasi', 'MANAGERIAL'],
  ['OPH', 'Orientasi pada Hasil', 'MANAGERIAL'], ['PP', 'Pelayanan Publik', 'MANAGERIAL'],
  ['PDO', 'Pengembangan Diri dan Orang Lain', 'MANAGERIAL'], ['MP', 'Mengelola Perubahan', 'MANAGERIAL'],
  ['PK', 'Pengambilan Keputusan', 'MANAGERIAL'], ['PB', 'Perekat Bangsa', 'SOCIOCULTURAL'],
] as const;
export const NATIONAL_CODES = NATIONAL.map(([code]) => code);

type Employees = NonNullable<Dataset['employees']>;
type Employee = Employees[number];

let sequence = 0;
/** A valid, unique NIP for a fixture employee. */
export function fixtureNip(birthDate = '1985-06-15', gender: 'MALE' | 'FEMALE' = 'MALE'): string {
  sequence += 1;
  return buildNip({ birthDate, serviceStart: '2010-03', gender, sequence });
}

/** Assessments at the given levels for INT..PB, all on one date. */
export function nationalAssessments(levels: readonly number[], assessedAt = '2024-06-01'): NonNullable<Employee['assessments']> {
  return levels.map((level, i) => ({ competency: NATIONAL_CODES[i]!, level, assessedAt, method: 'ASSESSMENT_CENTER' as const }));
}

/** Two annual appraisals (2023, 2024) with the same ratings. */
export function annualAppraisals(results: 'ABOVE' | 'MEETS' | 'BELOW', behaviour: 'ABOVE' | 'MEETS' | 'BELOW', years = [2023, 2024]): NonNullable<Employee['appraisals']> {
  return years.map((y) => ({ periodStart: `${y}-01-01`, period: 'ANNUAL' as const, results, behaviour }));
}

export function baseDataset(): Dataset {
  return {
    formatVersion: 1,
    units: [
      { code: 'PEMKO', name: 'Pemerintah Kota Medan', type: 'SEKRETARIAT', parent: null },
      { code: 'BKPSDM', name: 'BKPSDM Kota Medan', type: 'BADAN', parent: 'PEMKO' },
      { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', parent: 'PEMKO' },
      { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', type: 'BIDANG', parent: 'DINKES' },
    ],
    competencies: NATIONAL.map(([code, name, type]) => ({ code, name, type })),
    positions: [],
    employees: [],
  } as Dataset;
}

export function standard(level: number): { competency: string; level: number }[] {
  return NATIONAL_CODES.map((competency) => ({ competency, level }));
}
