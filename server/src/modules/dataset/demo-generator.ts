import {
  EDUCATIONS, GRADES, type AppraisalRating, type AssessmentMethod, type Education, type EmployeeStatus, type Grade,
  type ParticipationStatus, type PositionKind, type Predicate, type StakeholderGroup, type UnitType,
} from '../../domain/enums';
import { DEFAULT_POLICY } from '../../domain/policy';
import {
  AGENCIES, INEFFECTIVE_TRAININGS, KECAMATAN, NAMES, NATIONAL_CODES, NATIONAL_COMPETENCIES, PUSKESMAS, ROLES, RSUD, RSUD_BIDANG,
  SEKRETARIAT_SUBBAG, TECHNICAL_COMPETENCIES, TRAININGS, technicalLevels, type RoleDef, type RoleKey, type TitleKind, type TrainingDef,
} from './demo-catalogue';
import { Rng, clamp, dayNumber, isoDay, parseDay, round1, round2 } from './demo-random';
import {
  isCalendarDate, type Dataset, type DatasetAppraisal, type DatasetAssessment, type DatasetCompetency, type DatasetEmployee,
  type DatasetParticipation, type DatasetPosition, type DatasetStakeholderInput, type DatasetTrainingEvaluation, type DatasetUnit,
} from './dataset.schema';

/*
 * Deterministic synthetic Kota Medan dataset (demo seed, benchmarks, tests).
 * Same options → byte-identical JSON: one seeded PRNG, consumed in a fixed
 * order, no clock, no Map/Set iteration over data of unknown order.
 *
 * The numbers are shaped so every feature has something to show: roughly
 * 30/40/30 OPTIMAL/CUKUP/KURANG placements, vacancies and unplaced staff for
 * placement, a share of employees under 20 JP, and a few deliberately
 * ineffective trainings whose participants do not improve. Everything is
 * dated in the two or three calendar years before `asOf`.
 */

export interface DemoDatasetOptions {
  employees?: number;
  seed?: number;
  /** Reference date (YYYY-MM-DD); every generated date lies before it. */
  asOf?: string;
}

type Category = 'OPTIMAL' | 'CUKUP_OPTIMAL' | 'KURANG_OPTIMAL';

/** What an employee in a position looks like: drives standard, grade, education, NIP and levels. */
interface Profile {
  kind: PositionKind;
  msLevel: number;
  technical: readonly string[];
  techLevel: number;
  technicalWeight: number | null;
  minGrade: Grade | null;
  minEducation: Education | null;
  maxAge: number | null;
  grades: readonly [Grade, Grade] | null;
  educations: readonly (readonly [Education, number])[];
  female: number;
  title: TitleKind;
  pppk: number;
  years: readonly [number, number];
  stakeholder: 'TEACHER' | 'NURSE' | null;
  /** Structural leaders get leadership trainings and assessment-centre rounds. */
  leader: boolean;
}

interface PlannedPosition {
  position: DatasetPosition;
  profile: Profile;
  /** How many holders it has room for; pelaksana quotas are filled in after the fixed posts are counted. */
  slots: number;
  /** Relative share of the pelaksana pool (0 = fixed quota). */
  staffWeight: number;
  isSmp: boolean;
}

interface Requirement {
  code: string;
  level: number;
  technical: boolean;
}

const LEADER_KINDS: ReadonlySet<PositionKind> = new Set(['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']);
const FUNCTIONAL_KINDS: ReadonlySet<PositionKind> = new Set(['FUNGSIONAL_KEAHLIAN', 'FUNGSIONAL_KETERAMPILAN']);

const gradeIndex = (g: Grade): number => GRADES.indexOf(g);
const ENTRY_GRADE: Readonly<Record<Education, Grade>> = {
  SD: 'I/a', SMP: 'I/c', SMA: 'II/a', D1: 'II/a', D2: 'II/b', D3: 'II/c', D4: 'III/a', S1: 'III/a', S2: 'III/b', S3: 'III/c',
};
/** Highest grade a pelaksana reaches by regular promotion, by education. */
const PELAKSANA_CAP: Readonly<Partial<Record<Education, Grade>>> = { SMA: 'III/b', D3: 'III/c', S1: 'III/d', S2: 'III/d' };
const ENTRY_AGE: Readonly<Record<Education, readonly [number, number]>> = {
  SD: [19, 25], SMP: [19, 25], SMA: [19, 26], D1: [20, 27], D2: [20, 27], D3: [21, 28], D4: [22, 30], S1: [22, 32], S2: [25, 36], S3: [28, 40],
};

const structural = (kind: PositionKind, technical: readonly string[]): Profile => {
  const base = { kind, technical, technicalWeight: null, title: 'GENERAL' as const, pppk: 0, stakeholder: null, leader: kind !== 'PELAKSANA' };
  switch (kind) {
    case 'JPT_PRATAMA':
      return { ...base, msLevel: 4, techLevel: 4, minGrade: 'IV/b', minEducation: 'S1', maxAge: 56, grades: ['IV/b', 'IV/d'],
        educations: [['S2', 7], ['S1', 2], ['S3', 1]], female: 0.3, years: [20, 32] };
    case 'ADMINISTRATOR':
      return { ...base, msLevel: 3, techLevel: 3, minGrade: 'III/d', minEducation: 'S1', maxAge: null, grades: ['III/d', 'IV/b'],
        educations: [['S1', 5], ['S2', 5]], female: 0.4, years: [14, 30] };
    case 'PENGAWAS':
      return { ...base, msLevel: 2, techLevel: 2, minGrade: 'III/b', minEducation: 'D3', maxAge: null, grades: ['III/b', 'III/d'],
        educations: [['S1', 8], ['D3', 1], ['S2', 1]], female: 0.45, years: [8, 26] };
    default:
      return { ...base, msLevel: 1, techLevel: 2, minGrade: 'II/a', minEducation: 'SMA', maxAge: null, grades: null,
        educations: [['SMA', 4], ['D3', 3], ['S1', 3]], female: 0.5, years: [0, 30] };
  }
};

const roleProfile = (key: RoleKey): Profile => {
  const r: RoleDef = ROLES[key];
  return {
    kind: r.kind, msLevel: r.msLevel, technical: r.technical, techLevel: r.techLevel, technicalWeight: r.technicalWeight,
    minGrade: r.minGrade, minEducation: r.minEducation, maxAge: r.maxAge ?? null, grades: r.grades, educations: r.educations,
    female: r.female, title: r.title, pppk: r.pppk, years: r.years, stakeholder: r.stakeholder ?? null, leader: false,
  };
};

const slug = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '');
const topic = (unitName: string): string => unitName.replace(/^(Seksi|Subbagian|Subbidang|Bidang|Bagian) /, '');

/**
 * Builds the organisation: units and positions with their standards. Quotas
 * of teaching, health and functional posts scale with the number of
 * employees; pelaksana quotas take up whatever remains.
 */
function buildOrganisation(rng: Rng, employees: number) {
  const units: DatasetUnit[] = [];
  const planned: PlannedPosition[] = [];
  const scale = employees / 15_000;
  /** Technical competencies of each unit, for staff who are not placed. */
  const unitTechnical = new Map<string, readonly string[]>();

  const unit = (code: string, name: string, type: UnitType, parent: string | null, technical: readonly string[]) => {
    units.push({ code, name, type, parent });
    unitTechnical.set(code, technical);
  };
  const requirementsOf = (profile: Profile) => [
    ...NATIONAL_CODES.map((competency) => ({ competency, level: profile.msLevel })),
    ...profile.technical.map((competency) => ({ competency, level: profile.techLevel })),
  ];
  const position = (code: string, name: string, unitCode: string, profile: Profile, slots: number, staffWeight = 0, isSmp = false) => {
    planned.push({
      position: {
        code, name, unit: unitCode, kind: profile.kind, quota: Math.max(1, slots), minGrade: profile.minGrade, minEducation: profile.minEducation,
        maxAge: profile.maxAge, technicalWeight: profile.technicalWeight, requirements: requirementsOf(profile),
      },
      profile, slots: Math.max(1, slots), staffWeight, isSmp,
    });
  };
  const roleSlots = (weight: number) => Math.max(1, Math.round(weight * 6 * scale));
  const pelaksana = (code: string, name: string, unitCode: string, technical: readonly string[], weight: number) =>
    position(code, name, unitCode, structural('PELAKSANA', technical), 1, weight);

  for (const a of AGENCIES) {
    const tech = a.technical;
    unit(a.code, a.name, a.type, null, tech);
    const headTitle = a.head ?? `Kepala ${a.name}`;
    const headSuffix = ({ SETDA: 'SEKDA', SETWAN: 'SEKWAN', INSPEKTORAT: 'INSPEKTUR', SATPOLPP: 'KASATPOL' } as Record<string, string>)[a.code]
      ?? (a.type === 'BADAN' ? 'KABAN' : 'KADIS');
    position(`${a.code}-${headSuffix}`, headTitle, a.code, structural('JPT_PRATAMA', tech.slice(0, 2)), 1);
    if (a.code === 'SETDA') {
      for (const [s, n] of [['ASPEM', 'Asisten Pemerintahan dan Kesejahteraan Rakyat'], ['ASEKBANG', 'Asisten Perekonomian dan Pembangunan'],
        ['ASUMUM', 'Asisten Administrasi Umum']] as const) {
        position(`SETDA-${s}`, n, 'SETDA', structural('JPT_PRATAMA', ['RENBANG', 'LEGDRAF']), 1);
      }
    }
    const staff = a.staff ?? 1;
    if (a.type !== 'SEKRETARIAT') {
      // Each dinas and badan has a secretariat with three subdivisions.
      const [sk, sn, subbag] = SEKRETARIAT_SUBBAG;
      const sekre = `${a.code}-${sk}`;
      unit(sekre, sn, 'SEKRETARIAT', a.code, ['KEUDA', 'MANASN', 'RENBANG']);
      position(`${a.code}-SEKRETARIS`, `Sekretaris ${a.name}`, sekre, structural('ADMINISTRATOR', ['KEUDA', 'MANASN', 'RENBANG']), 1);
      const subTech: Record<string, readonly string[]> = { UMPEG: ['MANASN', 'ARSIP'], KEU: ['KEUDA', 'PBJ'], PRO: ['RENBANG', 'KEUDA'] };
      const subStaff: Record<string, string> = { UMPEG: 'Pengadministrasi Kepegawaian', KEU: 'Pengelola Keuangan', PRO: 'Penyusun Program dan Anggaran' };
      for (const [ss, sname] of subbag) {
        const code = `${sekre}-${ss}`;
        unit(code, sname, 'SEKSI', sekre, subTech[ss]);
        position(`${a.code}-KASUBBAG-${ss}`, `Kepala ${sname}`, code, structural('PENGAWAS', subTech[ss]), 1);
        pelaksana(`${a.code}-PEL-${ss}`, subStaff[ss], code, subTech[ss], staff);
      }
    }
    for (const [bk, bn, seksi] of a.bidang) {
      const bcode = `${a.code}-${bk}`;
      unit(bcode, bn, 'BIDANG', a.code, tech);
      const kabidTitle = a.code === 'INSPEKTORAT' ? bn : `Kepala ${bn}`;
      position(`${a.code}-${a.code === 'INSPEKTORAT' ? 'IRBAN' : a.type === 'SEKRETARIAT' ? 'KABAG' : 'KABID'}-${bk}`, kabidTitle, bcode,
        structural('ADMINISTRATOR', tech), 1);
      for (const [sk, sn] of seksi) {
        const scode = `${bcode}-${sk}`;
        unit(scode, sn, 'SEKSI', bcode, tech);
        const head = sn.startsWith('Subbagian') ? 'KASUBBAG' : sn.startsWith('Subbidang') ? 'KASUBBID' : 'KASI';
        position(`${a.code}-${head}-${bk}-${sk}`, `Kepala ${sn}`, scode, structural('PENGAWAS', tech), 1);
        pelaksana(`${a.code}-PEL-${bk}-${sk}`, `Pengelola ${topic(sn)}`, scode, tech, staff);
      }
      if (a.code === 'INSPEKTORAT') pelaksana(`${a.code}-PEL-${bk}`, 'Pengadministrasi Pengawasan', bcode, tech, staff);
    }
    for (const [uk, un] of a.upt ?? []) {
      const ucode = `${a.code}-UPT-${uk}`;
      unit(ucode, un, 'UPT', a.code, tech);
      position(`${ucode}-KEPALA`, `Kepala ${un}`, ucode, structural('PENGAWAS', tech), 1);
      pelaksana(`${ucode}-PEL`, 'Pengelola Layanan', ucode, tech, staff * 2);
    }
    for (const [role, weight] of a.functional ?? []) {
      position(`${a.code}-${role.replace(/_/g, '-')}`, ROLES[role].name, a.code, roleProfile(role), roleSlots(weight));
    }
  }

  // Kecamatan and kelurahan: the front line of public services.
  const kecTech = ['ADMINDUK', 'TRANTIB', 'PEMMAS'];
  const kelTech = ['ADMINDUK', 'PEMMAS'];
  for (const [key, name, kelurahan] of KECAMATAN) {
    const kc = `KEC-${key}`;
    unit(kc, `Kecamatan ${name}`, 'KECAMATAN', null, kecTech);
    position(`${kc}-CAMAT`, `Camat ${name}`, kc, structural('ADMINISTRATOR', kecTech), 1);
    position(`${kc}-SEKCAM`, `Sekretaris Kecamatan ${name}`, kc, structural('ADMINISTRATOR', ['KEUDA', 'ADMINDUK']), 1);
    for (const [s, n, t] of [['PEM', 'Pemerintahan', ['ADMINDUK', 'PEMMAS']], ['TRANTIB', 'Ketenteraman dan Ketertiban Umum', ['TRANTIB', 'LEGDRAF']],
      ['PMK', 'Pemberdayaan Masyarakat dan Kesejahteraan Sosial', ['PEMMAS', 'KESOS']], ['PELAYANAN', 'Pelayanan Umum', ['ADMINDUK', 'PERIZINAN']]] as const) {
      position(`${kc}-KASI-${s}`, `Kepala Seksi ${n} Kecamatan ${name}`, kc, structural('PENGAWAS', t), 1);
    }
    pelaksana(`${kc}-PEL-PEM`, 'Pengadministrasi Pemerintahan', kc, kecTech, 2);
    pelaksana(`${kc}-PEL-PATEN`, 'Pengelola Pelayanan Administrasi Terpadu Kecamatan', kc, ['ADMINDUK', 'PERIZINAN'], 2);
    for (const kel of kelurahan) {
      const lc = `KEL-${slug(kel)}`;
      unit(lc, `Kelurahan ${kel}`, 'KELURAHAN', kc, kelTech);
      position(`${lc}-LURAH`, `Lurah ${kel}`, lc, structural('PENGAWAS', kelTech), 1);
      position(`${lc}-SEKLUR`, `Sekretaris Kelurahan ${kel}`, lc, structural('PENGAWAS', ['KEUDA', 'ADMINDUK']), 1);
      position(`${lc}-KASI-PEM`, `Kepala Seksi Pemerintahan Kelurahan ${kel}`, lc, structural('PENGAWAS', kelTech), 1);
      pelaksana(`${lc}-PEL`, 'Pengadministrasi Umum Kelurahan', lc, kelTech, 1);
    }
  }

  // Hospitals.
  const healthSlots = employees * 0.16;
  const rsudMix: readonly (readonly [RoleKey, number])[] = [
    ['PERAWAT_AP', 0.3], ['PERAWAT_AM', 0.12], ['PERAWAT_TER', 0.22], ['BIDAN_TER', 0.06], ['DOKTER_AP', 0.05], ['DOKTER_AM', 0.04],
    ['DOKTER_SP', 0.08], ['APOTEKER_AP', 0.03], ['PRANATALAB_TER', 0.04],
  ];
  RSUD.forEach(([code, name], i) => {
    const share = healthSlots * 0.55 * (i === 0 ? 0.7 : 0.3);
    const tech = ['YANMED', 'KESPAS'];
    unit(code, name, 'RSUD', null, tech);
    position(`${code}-DIREKTUR`, `Direktur ${name}`, code, structural('JPT_PRATAMA', tech), 1);
    position(`${code}-WADIR-YAN`, `Wakil Direktur Pelayanan ${name}`, code, structural('ADMINISTRATOR', ['YANMED', 'KESPAS', 'ASKEP']), 1);
    position(`${code}-WADIR-UMUM`, `Wakil Direktur Umum dan Keuangan ${name}`, code, structural('ADMINISTRATOR', ['KEUDA', 'MANASN']), 1);
    for (const [bk, bn, seksi] of RSUD_BIDANG) {
      const bcode = `${code}-${bk}`;
      unit(bcode, bn, 'BIDANG', code, tech);
      position(`${bcode}-KABID`, `Kepala ${bn}`, bcode, structural('ADMINISTRATOR', tech), 1);
      for (const [sk, sn] of seksi) {
        const scode = `${bcode}-${sk}`;
        unit(scode, sn, 'SEKSI', bcode, tech);
        position(`${scode}-KASI`, `Kepala ${sn}`, scode, structural('PENGAWAS', tech), 1);
        pelaksana(`${scode}-PEL`, `Pengelola ${topic(sn)}`, scode, tech, 2);
      }
    }
    for (const [role, w] of rsudMix) {
      position(`${code}-${role.replace(/_/g, '-')}`, ROLES[role].name, code, roleProfile(role), Math.round(share * w * rng.range(0.85, 1.15)));
    }
  });

  // Puskesmas under the Dinas Kesehatan.
  const nPkm = clamp(Math.round(41 * scale), 5, PUSKESMAS.length);
  const pkmMix: readonly (readonly [RoleKey, number])[] = [
    ['PERAWAT_AP', 0.18], ['PERAWAT_TER', 0.18], ['BIDAN_TER', 0.2], ['DOKTER_AP', 0.1], ['DOKTER_AM', 0.04], ['APOTEKER_AP', 0.04],
    ['PRANATALAB_TER', 0.06], ['PROMKES_AP', 0.08],
  ];
  const perPkm = (healthSlots * 0.45) / nPkm;
  for (const pkm of PUSKESMAS.slice(0, nPkm)) {
    const code = `PKM-${slug(pkm)}`;
    const tech = ['PROMKES', 'SURVEIL', 'KESPAS'];
    unit(code, `Puskesmas ${pkm}`, 'PUSKESMAS', 'DINKES', tech);
    position(`${code}-KAPUS`, `Kepala Puskesmas ${pkm}`, code, structural('PENGAWAS', tech), 1);
    pelaksana(`${code}-PEL`, 'Pengadministrasi Umum Puskesmas', code, ['ARSIP', 'KEUDA'], 1);
    for (const [role, w] of pkmMix) {
      position(`${code}-${role.replace(/_/g, '-')}`, ROLES[role].name, code, roleProfile(role), Math.round(perPkm * w * rng.range(0.7, 1.3)));
    }
  }

  // Schools under the Dinas Pendidikan dan Kebudayaan.
  const teacherSlots = employees * 0.4;
  const nSd = clamp(Math.round(240 * scale), 6, 400);
  const nSmp = clamp(Math.round(45 * scale), 3, 80);
  let npsn = 60_800;
  for (let i = 0; i < nSd; i++) {
    npsn += rng.int(1, 6);
    const code = `SDN-${String(npsn).padStart(6, '0')}`;
    const name = `SD Negeri ${String(npsn).padStart(6, '0')} Medan`;
    unit(code, name, 'SEKOLAH', 'DISDIKBUD', ROLES.GURU_KELAS_AP.technical);
    const teachers = (teacherSlots * 0.65) / nSd * rng.range(0.75, 1.25);
    position(`${code}-KEPSEK`, `Kepala ${name}`, code, roleProfile('KEPSEK'), 1);
    position(`${code}-GURU-KELAS-AP`, `${ROLES.GURU_KELAS_AP.name} ${name}`, code, roleProfile('GURU_KELAS_AP'), Math.round(teachers * 0.55));
    position(`${code}-GURU-KELAS-AM`, `${ROLES.GURU_KELAS_AM.name} ${name}`, code, roleProfile('GURU_KELAS_AM'), Math.round(teachers * 0.45));
  }
  for (let i = 1; i <= nSmp; i++) {
    const code = `SMPN-${String(i).padStart(2, '0')}`;
    const name = `SMP Negeri ${i} Medan`;
    unit(code, name, 'SEKOLAH', 'DISDIKBUD', ROLES.GURU_MAPEL_AP.technical);
    const teachers = (teacherSlots * 0.35) / nSmp * rng.range(0.75, 1.25);
    position(`${code}-KEPSEK`, `Kepala ${name}`, code, roleProfile('KEPSEK'), 1, 0, true);
    position(`${code}-GURU-MAPEL-AP`, `${ROLES.GURU_MAPEL_AP.name} ${name}`, code, roleProfile('GURU_MAPEL_AP'), Math.round(teachers * 0.55), 0, true);
    position(`${code}-GURU-MAPEL-AM`, `${ROLES.GURU_MAPEL_AM.name} ${name}`, code, roleProfile('GURU_MAPEL_AM'), Math.round(teachers * 0.45), 0, true);
    pelaksana(`${code}-PEL-TU`, `Pengelola Administrasi ${name}`, code, ['ARSIP', 'KEUDA'], 0.5);
  }

  // Pelaksana take up what the fixed and scaled posts leave, so total room ≈ 102% of employees.
  const fixed = planned.filter((p) => p.staffWeight === 0).reduce((s, p) => s + p.slots, 0);
  const pool = Math.max(0, Math.round(employees * 1.02) - fixed);
  const totalWeight = planned.reduce((s, p) => s + p.staffWeight, 0);
  for (const p of planned) {
    if (p.staffWeight === 0) continue;
    p.slots = Math.max(1, Math.round((pool * p.staffWeight) / totalWeight * rng.range(0.8, 1.2)));
    p.position.quota = p.slots;
  }
  return { units, planned, unitTechnical };
}

function competencies(): DatasetCompetency[] {
  return [
    ...NATIONAL_COMPETENCIES.map((c) => ({ code: c.code, name: c.name, type: c.type, levels: c.levels.map((description, i) => ({ level: i + 1, description })) })),
    ...TECHNICAL_COMPETENCIES.map(([code, name]) => ({
      code, name, type: 'TECHNICAL' as const, levels: technicalLevels(name).map((description, i) => ({ level: i + 1, description })),
    })),
  ];
}

/** A standard split the way JPM weighs it; computed once per position, not per holder. */
interface Standard {
  reqs: readonly Requirement[];
  technical: readonly Requirement[];
  managerial: readonly Requirement[];
  codes: ReadonlySet<string>;
  /** Trainings open to holders, and the subset aimed at their technical competencies. */
  eligible: readonly TrainingDef[];
  matching: readonly TrainingDef[];
}

/** JPM as domain.md §4 defines it; the generator uses it only to steer levels toward a category. */
function jpmOf(standard: Standard, achieved: ReadonlyMap<string, number>, weight: number | null): number {
  const part = (items: readonly Requirement[]) => {
    let r = 0;
    let a = 0;
    for (const q of items) {
      r += q.level;
      a += achieved.get(q.code) ?? 0;
    }
    return r === 0 ? null : Math.min(100, (100 * a) / r);
  };
  if (weight === null) return part(standard.reqs) ?? 0;
  const t = part(standard.technical);
  const ms = part(standard.managerial);
  if (t === null) return ms ?? 0;
  if (ms === null) return t;
  return weight * t + (1 - weight) * ms;
}

const categoryOf = (jpm: number): Category => (jpm >= DEFAULT_POLICY.jpmOptimal ? 'OPTIMAL' : jpm >= DEFAULT_POLICY.jpmAdequate ? 'CUKUP_OPTIMAL' : 'KURANG_OPTIMAL');
const CATEGORY_RANK: Readonly<Record<Category, number>> = { KURANG_OPTIMAL: 0, CUKUP_OPTIMAL: 1, OPTIMAL: 2 };

const PREDICATE_RATINGS: Readonly<Record<Predicate, readonly (readonly [AppraisalRating, AppraisalRating])[]>> = {
  SANGAT_BAIK: [['ABOVE', 'ABOVE']],
  BAIK: [['ABOVE', 'MEETS'], ['MEETS', 'MEETS'], ['MEETS', 'MEETS'], ['MEETS', 'ABOVE']],
  BUTUH_PERBAIKAN: [['BELOW', 'MEETS'], ['BELOW', 'ABOVE']],
  KURANG: [['ABOVE', 'BELOW'], ['MEETS', 'BELOW']],
  SANGAT_KURANG: [['BELOW', 'BELOW']],
};

const SPECIALTIES = ['Sp.PD', 'Sp.A', 'Sp.OG', 'Sp.B', 'Sp.An', 'Sp.Rad', 'Sp.JP', 'Sp.M', 'Sp.S', 'Sp.THT-KL', 'Sp.KK', 'Sp.P'];
const S1_DEGREES = ['S.E.', 'S.H.', 'S.Sos.', 'S.T.', 'S.Kom.', 'S.AP.', 'S.Si.', 'S.IP.'];
const S2_DEGREES = ['M.Si.', 'M.M.', 'M.AP.', 'M.H.', 'M.Kom.'];

function personName(rng: Rng, female: boolean, education: Education, title: TitleKind): string {
  const ethnicity = rng.weighted([['batak', 42], ['malay', 22], ['javanese', 30], ['chinese', 6]] as const);
  let base: string;
  if (ethnicity === 'batak') {
    const given = rng.pick(female ? NAMES.batak.female : NAMES.batak.male);
    const karo = rng.chance(0.2);
    const marga = karo ? rng.pick(NAMES.batak.karo) : rng.pick(NAMES.batak.family);
    base = female && karo ? `${given} br. ${marga}` : `${given} ${marga}`;
  } else if (ethnicity === 'chinese') {
    base = `${rng.pick(female ? NAMES.chinese.female : NAMES.chinese.male)} ${rng.pick(NAMES.chinese.family)}`;
  } else {
    const n = NAMES[ethnicity];
    const given = rng.pick(female ? n.female : n.male);
    // Many Javanese go by a single name.
    base = ethnicity === 'javanese' && rng.chance(0.25)
      ? rng.pick(female ? NAMES.javanese.femaleSingle : NAMES.javanese.maleSingle)
      : `${given} ${rng.pick(female ? n.femaleSecond : n.maleSecond)}`;
  }
  const s2 = education === 'S2' || education === 'S3';
  switch (title) {
    case 'GURU': return `${base}, S.Pd.${s2 ? ', M.Pd.' : ''}`;
    case 'NERS': return `${base}, S.Kep., Ns.${s2 ? ', M.Kep.' : ''}`;
    case 'AMD_KEP': return `${base}, A.Md.Kep.`;
    case 'AMD_KEB': return `${base}, A.Md.Keb.`;
    case 'DOKTER': return `dr. ${base}${s2 ? ', M.Kes.' : ''}`;
    case 'SPESIALIS': return `dr. ${base}, ${rng.pick(SPECIALTIES)}`;
    case 'APOTEKER': return `${base}, S.Farm., Apt.`;
    default:
      if (education === 'S3') return `Dr. ${base}, ${rng.pick(S2_DEGREES)}`;
      if (education === 'S2') return `${base}, ${rng.pick(S1_DEGREES)}, ${rng.pick(S2_DEGREES)}`;
      if (education === 'S1' || education === 'D4') return `${base}, ${rng.pick(S1_DEGREES)}`;
      if (education === 'D3') return `${base}, A.Md.`;
      return base;
  }
}

interface Batch {
  start: number;
  end: number;
}

/** Course length in days by type and hours: when completedAt falls after startedAt. */
function durationDays(rng: Rng, tr: TrainingDef): number {
  switch (tr.type) {
    case 'SEMINAR': return 0;
    case 'E_LEARNING': return rng.int(10, 28);
    case 'COACHING': return rng.int(21, 35);
    case 'MENTORING': return rng.int(45, 60);
    case 'PELATIHAN_JARAK_JAUH': return rng.int(14, 21);
    case 'MAGANG': return rng.int(10, 14);
    case 'PELATIHAN': return tr.audience === 'LEADER' ? rng.int(30, 45) : 5;
    default: return Math.max(0, Math.ceil(tr.hours / 8) - 1);
  }
}

const HAS_TESTS = new Set(['PELATIHAN', 'WORKSHOP', 'BIMTEK', 'KURSUS', 'E_LEARNING', 'PELATIHAN_JARAK_JAUH']);

const STAKEHOLDER_COMMENTS: Readonly<Partial<Record<StakeholderGroup, readonly string[]>>> = {
  ORANG_TUA: ['Guru perlu lebih sering berkomunikasi dengan orang tua tentang perkembangan anak.', 'Penilaian hasil belajar sebaiknya dijelaskan lebih terbuka.',
    'Anak kami senang dengan cara mengajar yang interaktif.', 'Mohon informasi kegiatan sekolah disampaikan lebih awal.'],
  SISWA: ['Penjelasan guru mudah dipahami.', 'Kami ingin lebih banyak praktik dan diskusi kelompok.', 'Tugas terlalu banyak dalam satu minggu.'],
  GURU: ['Rekan sejawat perlu pendampingan dalam asesmen diagnostik.', 'Kolaborasi antarguru dalam penyusunan modul ajar perlu ditingkatkan.'],
  PASIEN: ['Perawat ramah tetapi penjelasan tentang obat kurang rinci.', 'Waktu tunggu di poliklinik masih lama.', 'Pelayanan di ruang rawat inap sangat baik.',
    'Perlu informasi yang lebih jelas saat pasien pulang.'],
  TENAGA_KESEHATAN: ['Serah terima pasien antar-shift perlu distandarkan.', 'Koordinasi dengan dokter penanggung jawab perlu diperkuat.'],
};

/**
 * Generates the demo dataset. Deterministic in (employees, seed, asOf).
 */
export function generateDemoDataset({ employees = 15_000, seed = 1, asOf = '2025-01-01' }: DemoDatasetOptions = {}): Dataset {
  if (!Number.isInteger(employees) || employees < 1) throw new Error(`employees must be a positive whole number, got ${employees}`);
  if (!isCalendarDate(asOf)) throw new Error(`asOf must be a calendar date YYYY-MM-DD, got ${asOf}`);
  const rng = new Rng(seed);
  const asOfYear = Number(asOf.slice(0, 4));
  /** The last complete calendar year before asOf: appraisals, trainings and JP are about it and the year before. */
  const lastYear = asOfYear - 1;
  const lastDay = Math.min(parseDay(asOf) - 1, dayNumber(lastYear, 12, 31));
  const firstAssessmentDay = dayNumber(lastYear - 2, 1, 3);

  const { units, planned, unitTechnical } = buildOrganisation(rng, employees);
  const competencyList = competencies();
  const technicalCodes = new Set(TECHNICAL_COMPETENCIES.map(([code]) => code));

  // Training runs: a few batches per training per year, all ending early enough for follow-up assessments.
  const trainingIndex = new Map(TRAININGS.map((tr, i) => [tr.code, i]));
  const batches: Batch[][][] = TRAININGS.map((tr) => [lastYear - 1, lastYear].map((year) => {
    const n = tr.audience === 'ALL' ? 8 : 5;
    const list: Batch[] = [];
    for (let i = 0; i < n; i++) {
      const start = dayNumber(year, 1, 15) + rng.int(0, 240);
      list.push({ start, end: start + durationDays(rng, tr) });
    }
    return list.sort((a, b) => a.start - b.start);
  }));
  const lateBatches: Batch[][] = TRAININGS.map((tr) => [0, 1].map(() => {
    const start = dayNumber(lastYear, 11, 4) + rng.int(0, 40);
    return { start, end: start + durationDays(rng, tr) };
  }));
  const ineffective = new Set(INEFFECTIVE_TRAININGS);

  // Which slots are filled: ~6.5% of employees stay unplaced, the remaining room becomes vacancies.
  const slots: number[] = [];
  planned.forEach((p, i) => { for (let k = 0; k < p.slots; k++) slots.push(i); });
  const totalSlots = slots.length;
  const placedCount = Math.min(Math.round(employees * rng.range(0.93, 0.945)), totalSlots);
  rng.shuffle(slots);
  const filled = slots.slice(0, placedCount).sort((a, b) => a - b);

  const unplacedUnits = units.filter((u) => u.type === 'DINAS' || u.type === 'BADAN' || u.type === 'KECAMATAN' || u.type === 'SEKRETARIAT');
  const sequence = new Map<string, number>();
  const standards = new Map<string, Standard>();

  const outEmployees: DatasetEmployee[] = [];
  const participations: DatasetParticipation[] = [];
  const evaluations: DatasetTrainingEvaluation[] = [];

  for (let e = 0; e < employees; e++) {
    const plan = e < filled.length ? planned[filled[e]] : null;
    const profile = plan ? plan.profile : structural('PELAKSANA', []);
    const unitCode = plan ? plan.position.unit : rng.pick(unplacedUnits).code;
    const technical = plan ? profile.technical : (unitTechnical.get(unitCode) ?? []).slice(0, 2);
    const functional = FUNCTIONAL_KINDS.has(profile.kind);

    // Person: status, education, service years, birth, grade, NIP.
    const status: EmployeeStatus = rng.chance(profile.pppk) ? 'PPPK' : 'PNS';
    let education = rng.weighted(profile.educations);
    if (profile.minEducation && EDUCATIONS.indexOf(education) < EDUCATIONS.indexOf(profile.minEducation)) education = profile.minEducation;
    let startYear: number;
    if (status === 'PPPK') startYear = rng.int(lastYear - 3, lastYear - 1);
    else startYear = lastYear - rng.int(profile.years[0], profile.years[1]);
    const [ageLo, ageHi] = status === 'PPPK' ? [24, 42] as const : ENTRY_AGE[education];
    const minBirth = asOfYear - (functional || profile.kind === 'JPT_PRATAMA' ? 60 : 58);
    const birthYear = clamp(startYear - rng.int(ageLo, ageHi), Math.max(1965, minBirth), 2000);
    startYear = clamp(startYear, birthYear + 19, lastYear);
    const startMonth = startYear === lastYear ? rng.int(1, 6) : rng.int(1, 12);
    const birthMonth = rng.int(1, 12);
    const birthDay = rng.int(1, new Date(Date.UTC(birthYear, birthMonth, 0)).getUTCDate());
    const female = rng.chance(profile.female);
    const prefix = `${birthYear}${String(birthMonth).padStart(2, '0')}${String(birthDay).padStart(2, '0')}${startYear}${String(startMonth).padStart(2, '0')}`;
    const seq = (sequence.get(prefix) ?? 0) + 1;
    sequence.set(prefix, seq);
    const nip = `${prefix}${female ? 2 : 1}${String(seq).padStart(3, '0')}`;
    const years = lastYear - startYear;

    let grade: Grade;
    const entry = gradeIndex(ENTRY_GRADE[education]);
    if (status === 'PPPK') {
      // PPPK grades (I–XVII) have no place in the PNS scale; the PNS grade of the same entry level stands in.
      grade = GRADES[Math.max(entry, profile.grades ? gradeIndex(profile.grades[0]) : 0)];
    } else {
      let g = entry + Math.floor(years / (functional ? 3 : 4));
      if (profile.grades) g = clamp(g, gradeIndex(profile.grades[0]), gradeIndex(profile.grades[1]));
      else g = Math.min(g, gradeIndex(PELAKSANA_CAP[education] ?? 'III/d'));
      if (profile.minGrade) g = Math.max(g, gradeIndex(profile.minGrade));
      grade = GRADES[g];
    }
    const activeFrom = dayNumber(startYear, startMonth, 1);

    // Standard this person is measured against, and a target category (~30/40/30).
    const standardKey = plan ? `P:${plan.position.code}` : `U:${unitCode}`;
    let standard = standards.get(standardKey);
    if (!standard) {
      const reqs: Requirement[] = plan
        ? (plan.position.requirements ?? []).map((r) => ({ code: r.competency, level: r.level, technical: technicalCodes.has(r.competency) }))
        : [...NATIONAL_CODES.map((code) => ({ code, level: 1, technical: false })), ...technical.map((code) => ({ code, level: 2, technical: true }))];
      const codes = new Set(reqs.map((q) => q.code));
      const eligible = TRAININGS.filter((tr) => tr.audience === 'ALL' || (tr.audience === 'LEADER' && profile.leader)
        || (tr.audience === 'MATCH' && tr.competencies.some((c) => codes.has(c) && technicalCodes.has(c))));
      standard = {
        reqs, technical: reqs.filter((q) => q.technical), managerial: reqs.filter((q) => !q.technical), codes,
        eligible, matching: eligible.filter((tr) => tr.audience === 'MATCH'),
      };
      standards.set(standardKey, standard);
    }
    const { reqs, codes: reqCodes, eligible } = standard;
    const weight = plan ? plan.position.technicalWeight ?? null : null;
    const ability = rng.float();
    const target: Category = ability < 0.3 ? 'KURANG_OPTIMAL' : ability < 0.7 ? 'CUKUP_OPTIMAL' : 'OPTIMAL';
    const ratio = target === 'KURANG_OPTIMAL' ? rng.range(0.6, 0.75) : target === 'CUKUP_OPTIMAL' ? rng.range(0.81, 0.88) : rng.range(0.92, 1.12);
    // Trainings: per year a target of lesson hours, a share deliberately under 20 JP.
    const leader = profile.leader;
    const taken = new Set<string>();
    /** Competency jumps from completed trainings: [completion day, competency, delta]. */
    const jumps: [number, string, number][] = [];
    const completedTrainings: { day: number; code: string; start: number }[] = [];
    for (const year of [lastYear - 1, lastYear]) {
      if (activeFrom > dayNumber(year, 9, 1)) continue;
      // Those who fall short train less: the story the gap analysis should tell.
      const underShare = target === 'KURANG_OPTIMAL' ? 0.45 : target === 'CUKUP_OPTIMAL' ? 0.2 : 0.1;
      const under = rng.chance(year === lastYear ? underShare : underShare + 0.05);
      const targetHours = under ? rng.pick([0, 4, 8, 8, 12, 16]) : rng.int(20, 56);
      let hours = 0;
      for (let tries = 0; hours < targetHours && tries < 12; tries++) {
        const preferTechnical = rng.chance(0.5);
        const pool = preferTechnical ? standard.matching : eligible;
        const tr = rng.pick(pool.length > 0 ? pool : eligible);
        if (!tr || taken.has(tr.code)) continue;
        if (under && hours + tr.hours >= 20) continue;
        const ti = trainingIndex.get(tr.code)!;
        const options = batches[ti][year - (lastYear - 1)].filter((b) => b.start >= activeFrom);
        if (options.length === 0) continue;
        const batch = rng.pick(options);
        taken.add(tr.code);
        const roll = rng.float();
        const status: ParticipationStatus = roll < 0.9 ? 'COMPLETED' : roll < 0.95 ? 'WITHDRAWN' : HAS_TESTS.has(tr.type) ? 'FAILED' : 'WITHDRAWN';
        const tests = HAS_TESTS.has(tr.type);
        const bad = ineffective.has(tr.code);
        const pre = tests ? Math.round(rng.range(40, 75)) : null;
        let post: number | null = null;
        if (tests && status === 'COMPLETED') post = Math.min(100, (pre ?? 0) + Math.round(bad ? rng.range(0, 8) : rng.range(8, 25)));
        if (tests && status === 'FAILED') post = Math.round(rng.range(35, 58));
        participations.push({
          nip, training: tr.code, startedAt: isoDay(batch.start), completedAt: status === 'WITHDRAWN' ? null : isoDay(batch.end),
          status, preTest: pre, postTest: post,
        });
        if (status !== 'COMPLETED') continue;
        hours += tr.hours;
        completedTrainings.push({ day: batch.end, code: tr.code, start: batch.start });
        for (const c of tr.competencies) {
          if (reqCodes.has(c)) jumps.push([batch.end, c, bad ? rng.range(-0.15, 0.1) : rng.range(0.5, 1.1)]);
        }
        // Kirkpatrick: reaction and learning at the end, behaviour and results from the supervisor later.
        const evaluate = (level: number, respondent: DatasetTrainingEvaluation['respondent'], day: number, score: number) => {
          if (day <= lastDay) evaluations.push({ training: tr.code, nip, level, score, respondent, evaluatedAt: isoDay(day) });
        };
        if (rng.chance(0.7)) evaluate(1, 'PARTICIPANT', batch.end, round2(clamp(rng.normal(4.1, 0.45), 1, 5)));
        if (post !== null && rng.chance(0.5)) evaluate(2, 'PARTICIPANT', batch.end, post);
        if (rng.chance(0.35)) evaluate(3, 'SUPERVISOR', batch.end + rng.int(60, 90), round2(clamp(rng.normal(bad ? 2.5 : 3.8, 0.45), 1, 5)));
        if (rng.chance(0.12)) evaluate(4, 'SUPERVISOR', batch.end + rng.int(150, 180), round2(clamp(rng.normal(bad ? 2.4 : 3.6, 0.45), 1, 5)));
      }
    }
    if (rng.chance(0.06)) {
      // A registration for a course still to run at the end of the year.
      const tr = rng.pick(eligible);
      if (tr && !taken.has(tr.code)) {
        const batch = rng.pick(lateBatches[trainingIndex.get(tr.code)!]);
        if (batch.start <= lastDay && batch.start >= activeFrom) {
          taken.add(tr.code);
          participations.push({ nip, training: tr.code, startedAt: isoDay(batch.start), completedAt: null, status: 'REGISTERED', preTest: null, postTest: null });
        }
      }
    }

    // Current levels, steered toward the target category. A competency an effective course
    // improved cannot sit near the bottom of the scale (the level before the course would
    // fall below 1 and the gain would vanish), so it gets a floor and the others give way.
    const floors = new Map<string, number>();
    for (const [, code, delta] of jumps) if (delta > 0 && !floors.has(code)) floors.set(code, rng.range(1.7, 2));
    const finalLevel = new Map<string, number>();
    for (const group of weight === null ? [reqs] : [standard.technical, standard.managerial]) {
      if (group.length === 0) continue;
      const raw = group.map((q) => Math.max(q.level * ratio + rng.normal(0, 0.3), floors.get(q.code) ?? 1));
      const free = group.filter((q) => !floors.has(q.code)).length;
      const sumRaw = raw.reduce((acc, v) => acc + v, 0);
      const budget = ratio * group.reduce((acc, q) => acc + q.level, 0);
      const shift = free > 0 ? (budget - sumRaw) / free : 0;
      group.forEach((q, i) => finalLevel.set(q.code, round1(clamp(floors.has(q.code) ? raw[i] : raw[i] + shift, 1, 5))));
    }
    // Level 1 is the bottom of the scale, so low standards cannot fall short on levels alone:
    // leave some competencies never assessed (achieved 0), as happens in practice. Technical
    // ones go first, and never those a course improved (their before/after pairs are needed).
    const order = rng.shuffle(reqs.filter((q) => !floors.has(q.code)).map((q) => q))
      .sort((x, y) => Number(y.technical) - Number(x.technical)).map((q) => q.code);
    for (const code of order) {
      if (CATEGORY_RANK[categoryOf(jpmOf(standard, finalLevel, weight))] <= CATEGORY_RANK[target]) break;
      finalLevel.delete(code);
    }

    // Assessment rounds: 1–3 regular ones, plus a round before and after each completed training where missing.
    const rounds = new Map<number, { method: AssessmentMethod; codes: Set<string> | null }>();
    const firstDay = Math.max(firstAssessmentDay, activeFrom + 30);
    const regularMethod = (): AssessmentMethod => leader ? rng.weighted([['ASSESSMENT_CENTER', 6], ['SJT', 2], ['SUPERVISOR', 2]])
      : functional ? rng.weighted([['UJI_KOMPETENSI', 6], ['SJT', 2], ['SELF', 1], ['SUPERVISOR', 1]])
        : rng.weighted([['SJT', 4], ['SUPERVISOR', 3], ['UJI_KOMPETENSI', 2], ['SELF', 1]]);
    if (firstDay <= lastDay - 14) {
      const n = rng.weighted([[1, 3], [2, 4], [3, 3]] as const);
      for (let k = 0; k < n; k++) rounds.set(rng.int(firstDay, lastDay - 14), { method: regularMethod(), codes: null });
    }
    const covers = (code: string, test: (day: number) => boolean) => {
      for (const [day, r] of rounds) if ((r.codes === null || r.codes.has(code)) && test(day)) return true;
      return false;
    };
    const addToRound = (day: number, code: string, method: AssessmentMethod) => {
      const r = rounds.get(day);
      if (!r) rounds.set(day, { method, codes: new Set([code]) });
      else r.codes?.add(code);
    };
    // ΔC of a training compares the latest assessment before it with the first after it, so both must exist.
    for (const ct of completedTrainings) {
      const preDay = Math.max(activeFrom + 7, ct.start - rng.int(10, 60));
      const postDay = Math.min(lastDay, ct.day + rng.int(20, 75));
      for (const code of TRAININGS[trainingIndex.get(ct.code)!].competencies) {
        if (!finalLevel.has(code)) continue;
        if (preDay < ct.start && !covers(code, (d) => d < ct.start)) addToRound(preDay, code, 'SUPERVISOR');
        if (postDay > ct.day && !covers(code, (d) => d > ct.day)) addToRound(postDay, code, functional ? 'UJI_KOMPETENSI' : 'SUPERVISOR');
      }
    }
    const drift = rng.range(0.03, 0.15);
    const assessments: DatasetAssessment[] = [];
    for (const [code, final] of finalLevel) {
      const own = jumps.filter(([, jc]) => jc === code);
      for (const [day, round] of rounds) {
        if (round.codes && !round.codes.has(code)) continue;
        let v = final - drift * ((lastDay - day) / 365);
        // Improvements not yet made on this day are taken back off the final level.
        for (const [jd, , delta] of own) if (jd >= day) v -= delta;
        v += rng.normal(0, 0.06);
        assessments.push({ competency: code, level: round1(clamp(v, 1, 5)), assessedAt: isoDay(day), method: round.method });
      }
    }
    assessments.sort((a, b) => (a.competency < b.competency ? -1 : a.competency > b.competency ? 1 : a.assessedAt < b.assessedAt ? -1 : 1));

    // Annual appraisals (SKP) for PNS, for each year in service; ability tilts the predicate.
    const appraisals: DatasetAppraisal[] = [];
    if (status === 'PNS') {
      const draw = (): Predicate => {
        const r = rng.float();
        const top = 0.06 + 0.22 * ability;
        const low = 0.14 * (1 - ability);
        if (r < top) return 'SANGAT_BAIK';
        if (r < top + low) return rng.weighted([['BUTUH_PERBAIKAN', 5], ['KURANG', 3.5], ['SANGAT_KURANG', 1.5]]);
        return 'BAIK';
      };
      const tookIneffective = completedTrainings.some((ct) => ineffective.has(ct.code));
      const tookEffective = completedTrainings.some((ct) => !ineffective.has(ct.code) && ct.day >= dayNumber(lastYear, 1, 1));
      let previous: Predicate | null = null;
      for (const year of [lastYear - 1, lastYear]) {
        if (startYear > year) continue;
        let p: Predicate;
        if (previous && tookIneffective) p = previous;
        else if (previous && rng.chance(0.65)) p = previous === 'BAIK' && tookEffective && rng.chance(0.15) ? 'SANGAT_BAIK' : previous;
        else p = draw();
        const [results, behaviour] = rng.pick(PREDICATE_RATINGS[p]);
        appraisals.push({ periodStart: `${year}-01-01`, period: 'ANNUAL', results, behaviour });
        previous = p;
      }
    }

    outEmployees.push({
      nip, name: personName(rng, female, education, profile.title), status, grade, education,
      unit: unitCode, position: plan ? plan.position.code : null, assessments, appraisals,
    });
  }

  const stakeholderInputs = stakeholders(rng, planned, lastYear);

  outEmployees.sort((a, b) => (a.nip < b.nip ? -1 : 1));
  participations.sort((a, b) => (a.nip !== b.nip ? (a.nip < b.nip ? -1 : 1) : a.training !== b.training ? (a.training < b.training ? -1 : 1) : a.startedAt < b.startedAt ? -1 : 1));
  evaluations.sort((a, b) => (a.training !== b.training ? (a.training < b.training ? -1 : 1) : a.nip !== b.nip ? (a.nip < b.nip ? -1 : 1) : a.level - b.level));

  return {
    formatVersion: 1,
    asOf,
    units,
    competencies: competencyList,
    positions: planned.map((p) => p.position),
    employees: outEmployees,
    trainings: TRAININGS.map((tr) => ({ code: tr.code, title: tr.title, form: tr.form, type: tr.type, hours: tr.hours, competencies: [...tr.competencies] })),
    participations,
    trainingEvaluations: evaluations,
    stakeholderInputs,
    policy: { ...DEFAULT_POLICY, talentPoolBoxes: [...DEFAULT_POLICY.talentPoolBoxes] },
  };
}

/**
 * Surveys of teachers', parents', pupils' and patients' views on teacher and
 * nurse positions. Some rate a competency above the standard, which is what
 * STANDARD_REVIEW looks for.
 */
function stakeholders(rng: Rng, planned: readonly PlannedPosition[], lastYear: number): DatasetStakeholderInput[] {
  const out: DatasetStakeholderInput[] = [];
  const teacher = planned.filter((p) => p.profile.stakeholder === 'TEACHER');
  const nurse = planned.filter((p) => p.profile.stakeholder === 'NURSE');
  const chosen = [...rng.sample(teacher, 24), ...rng.sample(nurse, 16)];
  const surveyDays = [dayNumber(lastYear - 1, 11, 6), dayNumber(lastYear, 5, 10)];
  for (const p of chosen) {
    const isTeacher = p.profile.stakeholder === 'TEACHER';
    const groups: StakeholderGroup[] = isTeacher ? (p.isSmp ? ['GURU', 'ORANG_TUA', 'SISWA'] : ['GURU', 'ORANG_TUA']) : ['PASIEN', 'TENAGA_KESEHATAN'];
    const reqs = p.position.requirements ?? [];
    // The competency the public cares about most, rated above the standard on purpose.
    const emphasis = isTeacher ? 'KOM' : 'PP';
    for (const group of groups) {
      for (const day of surveyDays) {
        if (rng.chance(0.35)) continue;
        const picked = rng.sample(reqs.filter((r) => r.competency !== emphasis), rng.int(2, 3));
        const emphasised = reqs.find((r) => r.competency === emphasis);
        if (emphasised && group !== 'GURU' && group !== 'TENAGA_KESEHATAN') picked.push(emphasised);
        for (const r of picked) {
          const over = r.competency === emphasis ? rng.int(2, 3) : rng.weighted([[-1, 1], [0, 3], [1, 3], [2, 1]] as const);
          const comments = STAKEHOLDER_COMMENTS[group] ?? [];
          out.push({
            position: p.position.code, competency: r.competency, group, importance: clamp(r.level + over, 1, 5),
            comment: comments.length > 0 && rng.chance(0.4) ? rng.pick(comments) : null, submittedAt: isoDay(day + rng.int(0, 20)),
          });
        }
      }
    }
  }
  return out;
}
