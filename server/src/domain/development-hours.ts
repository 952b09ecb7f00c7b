import type { ParticipationStatus } from './enums';

export interface HoursParticipation {
  /** Lesson hours (JP) credited for the training. */
  hours: number;
  status: ParticipationStatus;
  /** YYYY-MM-DD (or a timestamp starting with it); null until completed. */
  completedAt: string | null;
}

/**
 * JP(e, y): hours of trainings completed in calendar year y (domain.md §7).
 * The year is read from the date as written, not via Date, so a completion
 * late on 31 December local time is never shifted into the next year by UTC.
 */
export function developmentHours(participations: readonly HoursParticipation[], year: number): number {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return participations
    .filter((p) => p.status === 'COMPLETED' && p.completedAt !== null && p.completedAt.startsWith(prefix))
    .reduce((sum, p) => sum + p.hours, 0);
}

/** How many JP are still owed against the yearly requirement (policy annualDevelopmentHours). */
export function hoursShortfall(hours: number, required: number): number {
  return Math.max(0, required - hours);
}
