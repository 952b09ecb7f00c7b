import { describe, expect, it } from 'vitest';
import {
  hoursShortfallRule, hoursSeverity, impliedLevel, recommendationPolicy, standardReviewRule, trainingSeverity, unitGapSeverity, type RuleWorld,
} from './recommendation-rules';

const world = (over: Partial<RuleWorld>): RuleWorld => ({
  asOf: '2025-01-01', year: 2024, policy: recommendationPolicy({}), employees: [], positions: [], trainings: [], participations: [], stakeholderInputs: [], ...over,
});

describe('recommendation rule references', () => {
  it('domain.md §10.6: 8 + 4 + 6 = 18 JP in 2024 → shortfall 2; a workshop completed 2023-12-20 counts for 2023 only', () => {
    const w = world({
      employees: [{ id: 1, nip: 'x', status: 'PNS', unitId: 1, positionId: null, grade: 'III/a', education: 'S1', birthDate: '1985-01-01', assessments: [], annual: [] },
        { id: 2, nip: 'y', status: 'PPPK', unitId: 1, positionId: null, grade: 'III/a', education: 'S1', birthDate: '1985-01-01', assessments: [], annual: [] }],
      trainings: [{ id: 1, code: 'E', hours: 8, competencyIds: [] }, { id: 2, code: 'S', hours: 4, competencyIds: [] }, { id: 3, code: 'C', hours: 6, competencyIds: [] }, { id: 4, code: 'W', hours: 30, competencyIds: [] }],
      participations: [
        { employeeId: 1, trainingId: 1, startedAt: '2024-02-01', completedAt: '2024-02-20', status: 'COMPLETED' },
        { employeeId: 1, trainingId: 2, startedAt: '2024-05-02', completedAt: '2024-05-02', status: 'COMPLETED' },
        { employeeId: 1, trainingId: 3, startedAt: '2024-08-01', completedAt: '2024-09-30', status: 'COMPLETED' },
        { employeeId: 1, trainingId: 4, startedAt: '2023-12-18', completedAt: '2023-12-20', status: 'COMPLETED' },
      ],
    });
    // PPPK are outside the PNS duty of §7.
    expect(hoursShortfallRule(w)).toEqual([{ employeeId: 1, year: 2024, hours: 18, required: 20, shortfall: 2 }]);
    expect(hoursShortfallRule({ ...w, year: 2023 })).toEqual([]);
    expect(hoursSeverity({ hours: 18, required: 20 })).toBe('LOW');
    expect(hoursSeverity({ hours: 0, required: 20 })).toBe('HIGH');
  });

  it('maps mean importance to a level by rounding half up', () => {
    expect([impliedLevel(9, 2), impliedLevel(7, 2), impliedLevel(10, 3), impliedLevel(11, 3), impliedLevel(5, 1)]).toEqual([5, 4, 3, 4, 5]);
    const w = world({
      positions: [{ id: 1, code: 'P', unitId: 1, kind: 'PELAKSANA', quota: 1, technicalWeight: null, minGrade: null, minEducation: null, maxAge: null, requirements: [{ competencyId: 7, level: 3, technical: false }] }],
      stakeholderInputs: [
        { positionId: 1, competencyId: 7, group: 'PASIEN', importance: 5, submittedAt: '2024-05-10' },
        { positionId: 1, competencyId: 7, group: 'PASIEN', importance: 4, submittedAt: '2024-06-10' },
        { positionId: 1, competencyId: 7, group: 'GURU', importance: 3, submittedAt: '2024-06-10' },
        { positionId: 1, competencyId: 7, group: 'SISWA', importance: 5, submittedAt: '2025-06-10' },
      ],
    });
    expect(standardReviewRule(w)).toEqual([{
      positionId: 1, competencyId: 7, responses: 2, meanImportance: 4.5, requiredLevel: 3, groups: [{ group: 'PASIEN', responses: 2, meanImportance: 4.5, impliedLevel: 5 }],
    }]);
  });

  it('grades severity from the size of the effect', () => {
    expect(trainingSeverity({ ci95: [-0.6, 0.3], didCompetency: -0.1 }, { trainingMinDeltaCompetency: 0.5 })).toBe('HIGH');
    expect(trainingSeverity({ ci95: [-0.6, 0.7], didCompetency: 0.05 }, { trainingMinDeltaCompetency: 0.5 })).toBe('MEDIUM');
    expect(trainingSeverity({ ci95: null, didCompetency: 0.8 }, { trainingMinDeltaCompetency: 0.5 })).toBe('LOW');
    expect(unitGapSeverity({ meanShortfall: 1, shortfallRate: 0.75 })).toBe('HIGH');
    expect(unitGapSeverity({ meanShortfall: 0.2, shortfallRate: 0.2 })).toBe('LOW');
  });
});
