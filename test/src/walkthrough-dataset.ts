/**
 * A small dataset for the console walk-through (shared/dataset-format.md), imported through the API:
 * two health units, a vacant section head and a health-centre head with standards, four employees
 * with assessment and appraisal histories, and trainings completed this year.
 */
export function walkthroughDataset(year: number) {
  const appraisals = (results: string, behaviour: string) =>
    [year - 2, year - 1].map((y) => ({ periodStart: `${y}-01-01`, period: 'ANNUAL', results, behaviour }));
  return {
    formatVersion: 1,
    units: [
      { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS' },
      { code: 'PKM-DELI', name: 'Puskesmas Medan Deli', type: 'PUSKESMAS', parent: 'DINKES' },
      { code: 'DISDIK', name: 'Dinas Pendidikan', type: 'DINAS' },
    ],
    competencies: [
      { code: 'INT', name: 'Integritas', type: 'MANAGERIAL' },
      { code: 'KOM', name: 'Komunikasi', type: 'SOCIOCULTURAL' },
      { code: 'KES', name: 'Pelayanan Kesehatan', type: 'TECHNICAL' },
    ],
    positions: [
      {
        code: 'DINKES-KASI-PROMKES',
        name: 'Kepala Seksi Promosi Kesehatan',
        unit: 'DINKES',
        kind: 'PENGAWAS',
        quota: 1,
        requirements: [
          { competency: 'INT', level: 3 },
          { competency: 'KOM', level: 3 },
        ],
      },
      {
        code: 'PKM-DELI-KAPUS',
        name: 'Kepala Puskesmas Medan Deli',
        unit: 'PKM-DELI',
        kind: 'ADMINISTRATOR',
        quota: 1,
        requirements: [
          { competency: 'INT', level: 3 },
          { competency: 'KOM', level: 3 },
          { competency: 'KES', level: 3 },
        ],
      },
    ],
    employees: [
      {
        nip: '198503152010012001',
        name: 'Siti Aminah',
        status: 'PNS',
        grade: 'III/d',
        education: 'S1',
        unit: 'PKM-DELI',
        position: 'PKM-DELI-KAPUS',
        assessments: [
          { competency: 'INT', level: 3, assessedAt: `${year - 1}-02-01`, method: 'ASSESSMENT_CENTER' },
          { competency: 'KOM', level: 2, assessedAt: `${year - 3}-02-01`, method: 'SELF' },
          { competency: 'KOM', level: 3, assessedAt: `${year - 1}-02-01`, method: 'ASSESSMENT_CENTER' },
          { competency: 'KES', level: 2.5, assessedAt: `${year - 1}-02-01`, method: 'UJI_KOMPETENSI' },
        ],
        appraisals: appraisals('ABOVE', 'ABOVE'),
      },
      {
        nip: '199001012015031002',
        name: 'Budi Santoso',
        status: 'PNS',
        grade: 'III/c',
        education: 'S1',
        unit: 'DINKES',
        assessments: [
          { competency: 'INT', level: 3, assessedAt: `${year - 1}-03-01`, method: 'ASSESSMENT_CENTER' },
          { competency: 'KOM', level: 2, assessedAt: `${year - 1}-03-01`, method: 'ASSESSMENT_CENTER' },
        ],
        appraisals: appraisals('MEETS', 'MEETS'),
      },
      {
        nip: '199205102018032003',
        name: 'Rina Marpaung',
        status: 'PNS',
        grade: 'III/a',
        education: 'D3',
        unit: 'PKM-DELI',
        assessments: [
          { competency: 'INT', level: 2, assessedAt: `${year - 1}-03-01`, method: 'SUPERVISOR' },
          { competency: 'KOM', level: 2, assessedAt: `${year - 1}-03-01`, method: 'SUPERVISOR' },
        ],
        appraisals: appraisals('MEETS', 'MEETS'),
      },
      {
        nip: '198801012012011004',
        name: 'Dedi Siregar',
        status: 'PNS',
        grade: 'III/b',
        education: 'S1',
        unit: 'DISDIK',
        assessments: [
          { competency: 'INT', level: 4, assessedAt: `${year - 1}-03-01`, method: 'ASSESSMENT_CENTER' },
          { competency: 'KOM', level: 4, assessedAt: `${year - 1}-03-01`, method: 'ASSESSMENT_CENTER' },
        ],
        appraisals: appraisals('MEETS', 'MEETS'),
      },
    ],
    trainings: [
      { code: 'PLT-KOM-01', title: 'Komunikasi Efektif', form: 'KLASIKAL', type: 'PELATIHAN', hours: 12, competencies: ['KOM'] },
      { code: 'PLT-KES-01', title: 'Pelayanan Kesehatan Primer', form: 'NON_KLASIKAL', type: 'E_LEARNING', hours: 8, competencies: ['KES'] },
    ],
    participations: [
      { nip: '198503152010012001', training: 'PLT-KOM-01', startedAt: `${year}-01-10`, completedAt: `${year}-01-12`, status: 'COMPLETED', preTest: 60, postTest: 80 },
    ],
  };
}
