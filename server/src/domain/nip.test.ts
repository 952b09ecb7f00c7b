import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNip, formatNip, parseNip } from './nip';

const message = (nip: string): string => {
  const r = parseNip(nip);
  if (r.ok) throw new Error(`expected ${nip} to be rejected`);
  return r.message;
};

describe('parseNip', () => {
  it('decodes the domain.md example', () => {
    expect(parseNip('198609262015051001')).toEqual({
      ok: true,
      value: { nip: '198609262015051001', birthDate: '1986-09-26', serviceStart: '2015-05', gender: 'MALE', sequence: '001' },
    });
  });

  it('decodes a female NIP', () => {
    const r = parseNip('199002282014032007');
    expect(r.ok && r.value.gender).toBe('FEMALE');
  });

  it('rejects the wrong length, naming it', () => {
    expect(message('19860926201505100')).toBe('NIP must be 18 digits, got 17');
    expect(message('1986092620150510011')).toBe('NIP must be 18 digits, got 19');
    expect(message('')).toBe('NIP must be 18 digits, got 0');
  });

  it('rejects non-digits, including the printed format', () => {
    expect(message('19860926 201505 1 001')).toMatch(/digits only/);
    expect(message('1986092620150510O1')).toMatch(/"O" at position 17/);
  });

  it('rejects a gender digit other than 1 or 2', () => {
    expect(message('198609262015053001')).toMatch(/gender digit must be 1 \(male\) or 2 \(female\), got 3/);
    expect(message('198609262015050001')).toMatch(/got 0/);
  });

  it('rejects impossible dates', () => {
    expect(message('198702302015051001')).toMatch(/1987-02-30 is not a real date/);
    expect(message('202302302045051001')).toMatch(/not a real date/);
    expect(message('198613262015051001')).toMatch(/invalid month 13/);
    expect(message('198600262015051001')).toMatch(/invalid month 00/);
    expect(message('198609002015051001')).toMatch(/not a real date/);
    expect(message('198609262015131001')).toMatch(/service start 2015-13 has an invalid month/);
    expect(message('198609262015001001')).toMatch(/invalid month 00/);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseNip('198802292010011001').ok).toBe(true);
    expect(parseNip('200002292020011001').ok).toBe(true);
    expect(parseNip('190002292020011001').ok).toBe(false);
  });

  it('rejects a birth year before 1900 and service before birth', () => {
    expect(message('189909262015051001')).toMatch(/birth year 1899 is before 1900/);
    expect(message('198609262015051001'.replace('201505', '198608'))).toMatch(/before the birth date/);
    // Same month as birth is not rejected: the check is month-granular.
    expect(parseNip('198609262015051001'.replace('201505', '198609')).ok).toBe(true);
  });
});

describe('formatNip / buildNip', () => {
  it('formats as printed on documents', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatNip('bad')).toBe('bad');
  });

  it('builds from parts', () => {
    expect(buildNip({ birthDate: '1986-09-26', serviceStart: '2015-05', gender: 'MALE', sequence: 1 })).toBe('198609262015051001');
    expect(buildNip({ birthDate: '1990-01-31', serviceStart: '2019-03', gender: 'FEMALE', sequence: 42 })).toBe('199001312019032042');
  });

  it('throws on invalid parts', () => {
    expect(() => buildNip({ birthDate: '1987-02-30', serviceStart: '2015-05', gender: 'MALE', sequence: 1 })).toThrow(/not a real date/);
    expect(() => buildNip({ birthDate: '1987-02-01', serviceStart: '2015-05', gender: 'MALE', sequence: 1000 })).toThrow(RangeError);
    expect(() => buildNip({ birthDate: '87-02-01', serviceStart: '2015-05', gender: 'MALE', sequence: 1 })).toThrow(/YYYY-MM-DD/);
  });

  it('round-trips through parseNip (property)', () => {
    const parts = fc.record({
      birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2009-12-31T00:00:00Z'), noInvalidDate: true }),
      years: fc.integer({ min: 0, max: 60 }),
      month: fc.integer({ min: 1, max: 12 }),
      gender: fc.constantFrom('MALE' as const, 'FEMALE' as const),
      sequence: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(parts, ({ birth, years, month, gender, sequence }) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const year = birth.getUTCFullYear() + 1 + years;
        const serviceStart = `${year}-${String(month).padStart(2, '0')}`;
        const nip = buildNip({ birthDate, serviceStart, gender, sequence });
        const r = parseNip(nip);
        expect(r).toEqual({ ok: true, value: { nip, birthDate, serviceStart, gender, sequence: String(sequence).padStart(3, '0') } });
      }),
    );
  });
});
