import type { EntityManager } from '@mikro-orm/postgresql';
import { buildNip } from '../../domain/nip';
import type { Orm } from '../../db/orm';
import { annualAppraisals, NATIONAL, nationalAssessments, standard } from '../../testing/fixtures';
import type { TestServer } from '../../testing/harness';
import { createApiKey, createSession, createUser } from './access.service';
import type { Role } from './viewer';

/**
 * A small city for access tests: Dinas Pendidikan (two schools, four
 * teachers with competency gaps) and Dinas Kesehatan (a puskesmas, three
 * nurses), sharing one training and the national competencies.
 */
const nip = (birthDate: string, gender: 'MALE' | 'FEMALE', sequence: number) => buildNip({ birthDate, serviceStart: '2010-03', gender, sequence });

export const TEACHERS = [
  { nip: nip('1980-01-11', 'FEMALE', 1), name: 'Guru Satu', unit: 'SD-01', position: 'GURU-SD01' },
  { nip: nip('1981-02-12', 'MALE', 2), name: 'Guru Dua', unit: 'SD-01', position: 'GURU-SD01' },
  { nip: nip('1982-03-13', 'FEMALE', 3), name: 'Guru Tiga', unit: 'SD-02', position: 'GURU-SD02' },
  { nip: nip('1983-04-14', 'MALE', 4), name: 'Guru Empat', unit: 'SD-02', position: 'GURU-SD02' },
];
export const DISDIK_STAFF = { nip: nip('1975-05-15', 'MALE', 5), name: 'Kasubag Disdik', unit: 'DISDIK', position: 'KASUBAG-DISDIK' };
export const NURSES = [
  { nip: nip('1984-06-16', 'FEMALE', 6), name: 'Perawat Satu', unit: 'PKM-01', position: 'PERAWAT-PKM01' },
  { nip: nip('1985-07-17', 'FEMALE', 7), name: 'Perawat Dua', unit: 'PKM-01', position: 'PERAWAT-PKM01' },
  { nip: nip('1986-08-18', 'MALE', 8), name: 'Perawat Tiga', unit: 'PKM-01', position: 'PERAWAT-PKM01' },
];
export const ALL_NIPS = [...TEACHERS, DISDIK_STAFF, ...NURSES].map((e) => e.nip);
export const DISDIK_UNITS = ['DISDIK', 'SD-01', 'SD-02'];

export function accessDataset(): Record<string, unknown> {
  const people = [...TEACHERS, DISDIK_STAFF, ...NURSES];
  return {
    formatVersion: 1,
    units: [
      { code: 'PEMKO', name: 'Pemerintah Kota Medan', type: 'SEKRETARIAT', parent: null },
      { code: 'DISDIK', name: 'Dinas Pendidikan', type: 'DINAS', parent: 'PEMKO' },
      { code: 'SD-01', name: 'SD Negeri 060801', type: 'SEKOLAH', parent: 'DISDIK' },
      { code: 'SD-02', name: 'SD Negeri 060802', type: 'SEKOLAH', parent: 'DISDIK' },
      { code: 'DINKES', name: 'Dinas Kesehatan', type: 'DINAS', parent: 'PEMKO' },
      { code: 'PKM-01', name: 'Puskesmas Medan Kota', type: 'PUSKESMAS', parent: 'DINKES' },
    ],
    competencies: NATIONAL.map(([code, name, type]) => ({ code, name, type })),
    positions: [
      { code: 'GURU-SD01', name: 'Guru Kelas SD 01', unit: 'SD-01', kind: 'FUNGSIONAL_KEAHLIAN', quota: 4, requirements: standard(3) },
      { code: 'GURU-SD02', name: 'Guru Kelas SD 02', unit: 'SD-02', kind: 'FUNGSIONAL_KEAHLIAN', quota: 4, requirements: standard(3) },
      { code: 'KASUBAG-DISDIK', name: 'Kasubag Umum Disdik', unit: 'DISDIK', kind: 'PENGAWAS', quota: 1, requirements: standard(3) },
      { code: 'PERAWAT-PKM01', name: 'Perawat Puskesmas', unit: 'PKM-01', kind: 'FUNGSIONAL_KETERAMPILAN', quota: 4, requirements: standard(3) },
    ],
    employees: people.map((p, i) => ({
      nip: p.nip, name: p.name, status: 'PNS', grade: 'III/a', education: 'S1', unit: p.unit, position: p.position,
      assessments: nationalAssessments([2, 2, 2, 3, 3, 3, 4, 2, 2].map((l) => Math.min(5, l + (i % 2)))),
      appraisals: annualAppraisals('MEETS', 'MEETS'),
    })),
    trainings: [{ code: 'PELATIHAN-1', title: 'Pelatihan Komunikasi', form: 'KLASIKAL', type: 'PELATIHAN', hours: 24, competencies: ['KOM'] }],
    participations: [
      { nip: TEACHERS[0]!.nip, training: 'PELATIHAN-1', startedAt: '2024-03-01', completedAt: '2024-03-05', status: 'COMPLETED' },
      { nip: NURSES[0]!.nip, training: 'PELATIHAN-1', startedAt: '2024-03-01', completedAt: '2024-03-05', status: 'COMPLETED' },
    ],
    trainingEvaluations: [
      { training: 'PELATIHAN-1', nip: TEACHERS[0]!.nip, level: 1, score: 80, respondent: 'PARTICIPANT', evaluatedAt: '2024-03-06' },
      { training: 'PELATIHAN-1', nip: NURSES[0]!.nip, level: 1, score: 70, respondent: 'PARTICIPANT', evaluatedAt: '2024-03-06' },
    ],
    stakeholderInputs: [
      { position: 'GURU-SD01', competency: 'KOM', group: 'ORANG_TUA', importance: 5, submittedAt: '2024-01-10' },
      { position: 'PERAWAT-PKM01', competency: 'PP', group: 'PASIEN', importance: 4, submittedAt: '2024-01-10' },
    ],
  };
}

export async function seedAccessFixture(server: TestServer): Promise<void> {
  const r = await server.gql<{ importDataset: { ok: boolean; errors: { path: string; message: string }[] } }>(
    'mutation($d: JSONObject!) { importDataset(dataset: $d) { ok errors { path message } } }', { d: accessDataset() });
  if (!r.data?.importDataset.ok) throw new Error(`fixture import failed: ${JSON.stringify(r.errors ?? r.data?.importDataset.errors)}`);
}

export async function userToken(orm: Orm, role: Role, unitCode: string | null = null, budget: number | null = null): Promise<string> {
  const em = orm.em.fork() as EntityManager;
  const { user } = await createUser(em, { email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@sikap.test`, role, unitCode, budget });
  return (await createSession(em, user)).token;
}

export async function keyToken(orm: Orm, scopes: string[], unitCode: string | null = null, budget: number | null = null, persistedOnly = false): Promise<string> {
  const em = orm.em.fork() as EntityManager;
  const { key } = await createApiKey(em, { name: `partner-${Math.random().toString(36).slice(2, 8)}`, scopes, unitCode, budget, persistedOnly, createdBy: 'test' });
  return key;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
