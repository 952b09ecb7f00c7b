import { describe, expect, it } from 'vitest';
import { agencyOf, groupBySector } from './technical-sectors';

const units = [
  { id: 'DINKES', code: 'DINKES', name: 'Dinas Kesehatan', parent: null },
  { id: 'PKM', code: 'PKM', name: 'Puskesmas', parent: { id: 'DINKES' } },
  { id: 'PKM-POLI', code: 'PKM-POLI', name: 'Poli Umum', parent: { id: 'PKM' } },
  { id: 'DISDIK', code: 'DISDIK', name: 'Dinas Pendidikan', parent: null },
];
const tech = [
  { id: 'ASKEP', code: 'ASKEP', name: 'Asuhan Keperawatan' },
  { id: 'KURMER', code: 'KURMER', name: 'Kurikulum Merdeka' },
  { id: 'ARSIP', code: 'ARSIP', name: 'Kearsipan' },
];

describe('technical competencies per sector', () => {
  it('finds the agency at the top of a unit chain', () => {
    expect(agencyOf('PKM-POLI', new Map(units.map((u) => [u.id, u])))?.code).toBe('DINKES');
    expect(agencyOf('UNKNOWN', new Map())).toBeNull();
  });

  it('groups by agency, counts positions and lists unused competencies last', () => {
    const sectors = groupBySector(tech, new Map([['ASKEP', ['DINKES', 'PKM', 'PKM-POLI', 'DISDIK']], ['KURMER', ['DISDIK']]]), units);
    expect(sectors.map((s) => [s.agency?.code ?? null, s.competencies.map((c) => `${c.competency.code}:${c.positions}`)])).toEqual([
      ['DINKES', ['ASKEP:3']],
      ['DISDIK', ['ASKEP:1', 'KURMER:1']],
      [null, ['ARSIP:0']],
    ]);
  });
});
