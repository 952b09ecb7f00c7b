import { pageOf } from './units-fixture';

/** Small, typed-enough answers for the employee, position and placement pages, with __typename for graphcache. */
export const unitRef = (code: string, name: string) => ({ __typename: 'Unit' as const, id: `U-${code}`, code, name });

export const competencies = [
  { __typename: 'Competency' as const, id: 'C-INT', code: 'INT', name: 'Integritas', type: 'MANAGERIAL' },
  { __typename: 'Competency' as const, id: 'C-KOM', code: 'KOM', name: 'Komunikasi', type: 'SOCIOCULTURAL' },
  { __typename: 'Competency' as const, id: 'C-KES', code: 'KES', name: 'Pelayanan Kesehatan', type: 'TECHNICAL' },
];

export const competencyOptions = () => ({ data: { competencies: { __typename: 'CompetencyConnection', nodes: competencies } } });

export const employeeRows = [
  {
    __typename: 'Employee' as const,
    id: 'E1',
    nip: '198503152010012001',
    name: 'Siti Aminah',
    grade: 'III_C',
    status: 'PNS',
    unit: unitRef('PKM-DELI', 'Puskesmas Medan Deli'),
    position: { __typename: 'Position' as const, id: 'P1', code: 'PKM-DELI-KAPUS', name: 'Kepala Puskesmas' },
    developmentHours: 12,
  },
  {
    __typename: 'Employee' as const,
    id: 'E2',
    nip: '199001012015031002',
    name: 'Budi Santoso',
    grade: 'III_A',
    status: 'PNS',
    unit: unitRef('DINKES', 'Dinas Kesehatan'),
    position: null,
    developmentHours: 24,
  },
];

export const employeesPage = (v: Record<string, unknown>, rows = employeeRows) => ({
  data: { employees: { ...pageOf(rows, v), __typename: 'EmployeeConnection' } },
});

export const gap = (code: string, required: number, achieved: number | null) => {
  const c = competencies.find((x) => x.code === code)!;
  const g = (achieved ?? 0) - required;
  return { __typename: 'CompetencyGap', required, achieved, gap: g, shortfall: Math.max(0, -g), technical: c.type === 'TECHNICAL', competency: c };
};

export function employeeProfile(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Employee',
    id: 'E1',
    nip: '198503152010012001',
    name: 'Siti Aminah',
    birthDate: '1985-03-15',
    age: 41,
    serviceStart: '2010-01',
    gender: 'FEMALE',
    status: 'PNS',
    grade: 'III_C',
    education: 'S1',
    unit: unitRef('PKM-DELI', 'Puskesmas Medan Deli'),
    position: { __typename: 'Position', id: 'P1', code: 'PKM-DELI-KAPUS', name: 'Kepala Puskesmas', kind: 'ADMINISTRATOR' },
    talentBox: 5,
    latestPredicate: 'BAIK',
    currentMatch: {
      __typename: 'Match',
      jpm: 83.333,
      category: 'CUKUP_OPTIMAL',
      eligible: false,
      totalShortfall: 1,
      ineligibility: [{ __typename: 'IneligibilityReason', rule: 'GRADE_BELOW_MINIMUM', message: 'Grade III/c is below the minimum III/d' }],
      gaps: [gap('INT', 3, 3), gap('KOM', 3, 2)],
    },
    assessments: [
      { __typename: 'CompetencyAssessment', id: 'A1', assessedAt: '2025-02-01', level: 2, method: 'ASSESSMENT_CENTER', competency: competencies[1] },
      { __typename: 'CompetencyAssessment', id: 'A2', assessedAt: '2023-02-01', level: 1.5, method: 'SELF', competency: competencies[1] },
      { __typename: 'CompetencyAssessment', id: 'A3', assessedAt: '2025-02-01', level: 3, method: 'SUPERVISOR', competency: competencies[0] },
    ],
    appraisals: [
      { __typename: 'PerformanceAppraisal', id: 'AP1', periodStart: '2025-01-01', period: 'ANNUAL', results: 'MEETS', behaviour: 'MEETS', predicate: 'BAIK' },
    ],
    developmentHours: 12,
    developmentHoursShortfall: 8,
    participations: [
      {
        __typename: 'TrainingParticipation',
        id: 'TP1',
        status: 'COMPLETED',
        startedAt: '2026-03-01',
        completedAt: '2026-03-03',
        training: { __typename: 'Training', id: 'T1', code: 'PLT-KOM-01', title: 'Komunikasi Efektif', hours: 12 },
      },
    ],
    trainingNeeds: [
      {
        __typename: 'TrainingNeed',
        achieved: 2,
        required: 3,
        shortfall: 1,
        competency: competencies[1],
        trainings: [{ __typename: 'Training', id: 'T1', code: 'PLT-KOM-01', title: 'Komunikasi Efektif', hours: 12 }],
      },
    ],
    bestPositions: {
      __typename: 'MatchConnection',
      nodes: [
        {
          __typename: 'Match',
          jpm: 100,
          category: 'OPTIMAL',
          eligible: true,
          ineligibility: [],
          position: { __typename: 'Position', id: 'P2', code: 'DINKES-KASI-PROMKES', name: 'Kepala Seksi Promosi Kesehatan', vacancies: 1, unit: unitRef('DINKES', 'Dinas Kesehatan') },
        },
      ],
    },
    ...overrides,
  };
}
