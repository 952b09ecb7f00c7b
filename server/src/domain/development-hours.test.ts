import { describe, expect, it } from 'vitest';
import { developmentHours, hoursShortfall, type HoursParticipation } from './development-hours';
import { DEFAULT_POLICY } from './policy';

describe('development hours', () => {
  it('worked example 6: 8 + 4 + 6 = 18 JP in 2024, shortfall 2; the 2023-12-20 workshop does not count', () => {
    const participations: HoursParticipation[] = [
      { hours: 8, status: 'COMPLETED', completedAt: '2024-03-14' }, // e-learning
      { hours: 4, status: 'COMPLETED', completedAt: '2024-06-02' }, // seminar
      { hours: 6, status: 'COMPLETED', completedAt: '2024-11-30' }, // coaching
      { hours: 30, status: 'COMPLETED', completedAt: '2023-12-20' }, // workshop
    ];
    const jp = developmentHours(participations, 2024);
    expect(jp).toBe(18);
    expect(hoursShortfall(jp, DEFAULT_POLICY.annualDevelopmentHours)).toBe(2);
    expect(developmentHours(participations, 2023)).toBe(30);
  });

  it('counts only COMPLETED participations with a completion date', () => {
    const participations: HoursParticipation[] = [
      { hours: 5, status: 'REGISTERED', completedAt: null },
      { hours: 5, status: 'FAILED', completedAt: '2024-05-01' },
      { hours: 5, status: 'WITHDRAWN', completedAt: '2024-05-01' },
      { hours: 5, status: 'COMPLETED', completedAt: null },
      { hours: 3, status: 'COMPLETED', completedAt: '2024-12-31T23:30:00+07:00' },
    ];
    expect(developmentHours(participations, 2024)).toBe(3);
    expect(developmentHours([], 2024)).toBe(0);
  });

  it('shortfall is never negative', () => {
    expect(hoursShortfall(25, 20)).toBe(0);
    expect(hoursShortfall(20, 20)).toBe(0);
    expect(hoursShortfall(0, 20)).toBe(20);
  });
});
