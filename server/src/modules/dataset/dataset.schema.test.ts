import { describe, expect, it } from 'vitest';
import { isCalendarDate, jsonPath, validateDatasetReferences, validateDatasetShape, type Dataset, type KnownKeys } from './dataset.schema';

const noneKnown = (): KnownKeys => ({
  units: new Set(), competencies: new Set(), positions: new Set(), trainings: new Set(), employees: new Set(),
});

/** A small document that is valid in shape and references; tests break one thing at a time. */
function validDocument() {
  return {
    formatVersion: 1,
    asOf: '2025-01-01',
    units: [
      { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', parent: null },
      { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', type: 'BIDANG', parent: 'DINKES' },
    ],
    competencies: [
      { code: 'KOM', name: 'Komunikasi', type: 'MANAGERIAL', levels: [{ level: 1, description: 'Menyampaikan informasi dengan jelas.' }] },
      { code: 'PP', name: 'Pelayanan Publik', type: 'MANAGERIAL' },
    ],
    positions: [
      {
        code: 'DINKES-KABID-YANKES', name: 'Kepala Bidang Pelayanan Kesehatan', unit: 'DINKES-YANKES', kind: 'ADMINISTRATOR',
        quota: 1, minGrade: 'III/c', minEducation: 'S1', maxAge: null, technicalWeight: null,
        requirements: [{ competency: 'KOM', level: 3 }, { competency: 'PP', level: 3 }],
      },
    ],
    employees: [
      {
        nip: '198609262015051001', name: 'Rina Siregar', status: 'PNS', grade: 'III/d', education: 'S1',
        unit: 'DINKES-YANKES', position: 'DINKES-KABID-YANKES',
        assessments: [{ competency: 'KOM', level: 2.5, assessedAt: '2024-03-01', method: 'ASSESSMENT_CENTER' }],
        appraisals: [{ periodStart: '2024-01-01', period: 'ANNUAL', results: 'ABOVE', behaviour: 'MEETS' }],
      },
    ],
    trainings: [
      { code: 'PLT-KOM-01', title: 'Komunikasi Pelayanan Publik', form: 'KLASIKAL', type: 'WORKSHOP', hours: 12, competencies: ['KOM', 'PP'] },
    ],
    participations: [
      { nip: '198609262015051001', training: 'PLT-KOM-01', startedAt: '2024-04-02', completedAt: '2024-04-04', status: 'COMPLETED', preTest: 61, postTest: 78 },
    ],
    trainingEvaluations: [
      { training: 'PLT-KOM-01', nip: '198609262015051001', level: 3, score: 3.5, respondent: 'SUPERVISOR', evaluatedAt: '2024-07-01' },
    ],
    stakeholderInputs: [
      { position: 'DINKES-KABID-YANKES', competency: 'KOM', group: 'MASYARAKAT', importance: 5, comment: 'Perlu lebih komunikatif', submittedAt: '2024-05-10' },
    ],
    policy: { jpmOptimal: 90, jpmAdequate: 78, annualDevelopmentHours: 20 },
  };
}

function shapeErrors(input: unknown) {
  const result = validateDatasetShape(input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

function parsed(input: unknown): Dataset {
  const result = validateDatasetShape(input);
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.errors)}`);
  return result.dataset;
}

describe('validateDatasetShape', () => {
  it('accepts the example document and an empty one', () => {
    expect(validateDatasetShape(validDocument()).ok).toBe(true);
    expect(validateDatasetShape({}).ok).toBe(true);
  });

  it('defaults quota to 1 and accepts absent as well as null optional fields', () => {
    const doc = validDocument();
    const { quota: _q, maxAge: _m, technicalWeight: _t, minGrade: _g, ...position } = doc.positions[0];
    doc.positions[0] = position as typeof doc.positions[0];
    const { parent: _p, ...unit } = doc.units[0];
    doc.units[0] = unit as typeof doc.units[0];
    const dataset = parsed(doc);
    expect(dataset.positions?.[0].quota).toBe(1);
    expect(dataset.units?.[0].parent).toBeUndefined();
  });

  it('reports an unknown key at its own path, at any depth', () => {
    const doc = validDocument() as Record<string, unknown> & ReturnType<typeof validDocument>;
    (doc.employees[0].assessments[0] as Record<string, unknown>).score = 7;
    doc.extra = true;
    const errors = shapeErrors(doc);
    expect(errors).toEqual(expect.arrayContaining([
      { path: '$.employees[0].assessments[0].score', value: 7, message: 'unknown key "score"' },
      { path: '$.extra', value: true, message: 'unknown key "extra"' },
    ]));
    expect(errors).toHaveLength(2);
  });

  it('rejects unknown policy keys too', () => {
    const doc = validDocument();
    (doc.policy as Record<string, unknown>).jpmExcellent = 95;
    expect(shapeErrors(doc).map((e) => e.path)).toEqual(['$.policy.jpmExcellent']);
  });

  it('lists every error, not only the first', () => {
    const doc = validDocument();
    doc.employees[0].nip = '12345';
    doc.employees[0].assessments[0].level = 6;
    doc.trainings[0].hours = 0;
    doc.positions[0].quota = 0;
    doc.stakeholderInputs[0].importance = 2.5;
    doc.participations[0].postTest = 101;
    doc.trainingEvaluations[0].level = 5;
    const errors = shapeErrors(doc);
    expect(errors.map((e) => e.path).sort()).toEqual([
      '$.employees[0].assessments[0].level',
      '$.employees[0].nip',
      '$.participations[0].postTest',
      '$.positions[0].quota',
      '$.stakeholderInputs[0].importance',
      '$.trainingEvaluations[0].level',
      '$.trainings[0].hours',
    ]);
    expect(errors.find((e) => e.path === '$.employees[0].nip')).toMatchObject({ value: '12345', message: 'NIP must be exactly 18 digits' });
  });

  it('rejects a value outside an enumeration', () => {
    const doc = validDocument();
    doc.units[1].type = 'KABUPATEN';
    doc.employees[0].grade = 'V/a';
    const errors = shapeErrors(doc);
    expect(errors.map((e) => [e.path, e.value])).toEqual([
      ['$.units[1].type', 'KABUPATEN'],
      ['$.employees[0].grade', 'V/a'],
    ]);
  });

  it('rejects impossible calendar dates and other date spellings', () => {
    const doc = validDocument();
    doc.employees[0].assessments[0].assessedAt = '2023-02-30';
    doc.participations[0].startedAt = '2024-4-2';
    doc.asOf = '2024-13-01';
    const errors = shapeErrors(doc);
    expect(errors.map((e) => e.path).sort()).toEqual(['$.asOf', '$.employees[0].assessments[0].assessedAt', '$.participations[0].startedAt']);
    expect(errors.find((e) => e.path === '$.employees[0].assessments[0].assessedAt')).toMatchObject({
      value: '2023-02-30', message: 'must be a real calendar date written YYYY-MM-DD',
    });
  });

  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('allows decimal assessment levels but whole requirement levels only', () => {
    const doc = validDocument();
    doc.employees[0].assessments[0].level = 2.4;
    expect(validateDatasetShape(doc).ok).toBe(true);
    doc.positions[0].requirements[0].level = 2.5;
    expect(shapeErrors(doc).map((e) => e.path)).toEqual(['$.positions[0].requirements[0].level']);
  });

  it('reports a missing required field', () => {
    const doc = validDocument();
    delete (doc.employees[0] as Partial<(typeof doc.employees)[0]>).status;
    expect(shapeErrors(doc)).toEqual([{ path: '$.employees[0].status', value: undefined, message: 'required value is missing' }]);
  });

  it('formats awkward keys in paths', () => {
    expect(jsonPath(['units', 0, 'a b'])).toBe('$.units[0]["a b"]');
  });
});

describe('validateDatasetReferences', () => {
  it('finds nothing wrong in a consistent document', () => {
    expect(validateDatasetReferences(parsed(validDocument()), noneKnown())).toEqual([]);
  });

  it('reports every dangling reference with its path', () => {
    const doc = validDocument();
    doc.units[1].parent = 'DINAS-X';
    doc.positions[0].unit = 'NOPE';
    doc.positions[0].requirements[1].competency = 'XYZ';
    doc.employees[0].position = 'GHOST';
    doc.employees[0].assessments[0].competency = 'ABC';
    doc.trainings[0].competencies = ['KOM', 'ZZZ'];
    doc.participations[0].nip = '199001012015051001';
    doc.trainingEvaluations[0].training = 'PLT-NONE';
    doc.stakeholderInputs[0].position = 'POS-NONE';
    const errors = validateDatasetReferences(parsed(doc), noneKnown());
    expect(errors.map((e) => [e.path, e.value])).toEqual([
      ['$.units[1].parent', 'DINAS-X'],
      ['$.positions[0].unit', 'NOPE'],
      ['$.positions[0].requirements[1].competency', 'XYZ'],
      ['$.employees[0].position', 'GHOST'],
      ['$.employees[0].assessments[0].competency', 'ABC'],
      ['$.trainings[0].competencies[1]', 'ZZZ'],
      ['$.participations[0].nip', '199001012015051001'],
      ['$.trainingEvaluations[0].training', 'PLT-NONE'],
      ['$.stakeholderInputs[0].position', 'POS-NONE'],
    ]);
    expect(errors[0].message).toMatch(/unknown unit "DINAS-X"/);
  });

  it('resolves references against what the database already holds', () => {
    const doc = { employees: [{ ...validDocument().employees[0] }], participations: validDocument().participations };
    const known: KnownKeys = {
      ...noneKnown(),
      units: new Set(['DINKES-YANKES']), positions: new Set(['DINKES-KABID-YANKES']),
      competencies: new Set(['KOM']), trainings: new Set(['PLT-KOM-01']),
    };
    expect(validateDatasetReferences(parsed(doc), known)).toEqual([]);
    expect(validateDatasetReferences(parsed(doc), noneKnown()).length).toBeGreaterThan(0);
  });

  it('reports duplicate natural keys at the later occurrence', () => {
    const base = validDocument();
    const doc = {
      ...base,
      units: [...base.units, { ...base.units[0], name: 'Dinas Kesehatan (lagi)' }],
      competencies: [...base.competencies, { ...base.competencies[1] }],
      positions: [{ ...base.positions[0], requirements: [...base.positions[0].requirements, { competency: 'KOM', level: 2 }] }],
      employees: [
        { ...base.employees[0], assessments: [...base.employees[0].assessments, { ...base.employees[0].assessments[0], level: 3 }],
          appraisals: [...base.employees[0].appraisals, { ...base.employees[0].appraisals[0] }] },
        { ...base.employees[0], assessments: [], appraisals: [] },
      ],
      trainings: [...base.trainings, { ...base.trainings[0] }],
      participations: [...base.participations, { ...base.participations[0], status: 'FAILED' }],
      trainingEvaluations: [...base.trainingEvaluations, { ...base.trainingEvaluations[0], score: 4 }],
      stakeholderInputs: [...base.stakeholderInputs, { ...base.stakeholderInputs[0], importance: 3 }],
    };
    const errors = validateDatasetReferences(parsed(doc), noneKnown());
    expect(errors.map((e) => e.path)).toEqual([
      '$.units[2].code',
      '$.competencies[2].code',
      '$.positions[0].requirements[2].competency',
      '$.employees[0].assessments[1]',
      '$.employees[0].appraisals[1]',
      '$.employees[1].nip',
      '$.trainings[1].code',
      '$.participations[1]',
      '$.trainingEvaluations[1]',
      '$.stakeholderInputs[1]',
    ]);
    expect(errors[0].message).toBe('duplicate unit code; first given at $.units[0].code');
  });

  it('reports each unit on a parent cycle, and a self-parent', () => {
    const doc = {
      units: [
        { code: 'A', name: 'A', type: 'DINAS', parent: 'C' },
        { code: 'B', name: 'B', type: 'BIDANG', parent: 'A' },
        { code: 'C', name: 'C', type: 'SEKSI', parent: 'B' },
        { code: 'D', name: 'D', type: 'SEKSI', parent: 'C' },
        { code: 'E', name: 'E', type: 'DINAS', parent: 'E' },
        { code: 'F', name: 'F', type: 'DINAS', parent: null },
      ],
    };
    const errors = validateDatasetReferences(parsed(doc), noneKnown());
    expect(errors.map((e) => e.path).sort()).toEqual(['$.units[0].parent', '$.units[1].parent', '$.units[2].parent', '$.units[4].parent']);
    expect(errors.find((e) => e.path === '$.units[4].parent')?.message).toBe('unit parent chain forms a cycle: E → E');
  });

  it('rejects a participation that completes before it starts', () => {
    const doc = validDocument();
    doc.participations[0].completedAt = '2024-04-01';
    expect(validateDatasetReferences(parsed(doc), noneKnown())).toEqual([
      { path: '$.participations[0].completedAt', value: '2024-04-01', message: 'completedAt is before startedAt (2024-04-02)' },
    ]);
  });
});
