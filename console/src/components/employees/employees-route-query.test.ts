import { describe, expect, it } from 'vitest';
import { employeesOrderBy, employeesWhere, parseEmployeesQuery, serializeEmployeesQuery } from './employees-route-query';

describe('employee list URL', () => {
  it('round-trips every filter, the sort and the page', () => {
    const query = { q: 'siti', unit: 'DINKES', gmin: 'III_A', gmax: 'IV_B', comp: 'KOM', below: '3', jp: '20', sort: '-grade', size: '20', after: 'c9', page: '2' };
    const state = parseEmployeesQuery(query);
    expect(state).toMatchObject({ search: 'siti', unit: 'DINKES', gradeMin: 'III_A', gradeMax: 'IV_B', competency: 'KOM', below: 3, jpBelow: 20, pageSize: 20 });
    expect(state.sort).toEqual({ field: 'grade', direction: 'desc' });
    expect(state.position).toEqual({ page: 2, after: 'c9', before: null });
    expect(serializeEmployeesQuery(state)).toEqual(query);
  });

  it('round-trips the match filters and the policy JP shortfall', () => {
    const query = { unit: 'DINKES', category: 'CUKUP_OPTIMAL', talentBox: '9', jp: 'short' };
    const state = parseEmployeesQuery(query);
    expect(state).toMatchObject({ category: 'CUKUP_OPTIMAL', talentBox: 9, jpShort: true, jpBelow: null });
    expect(serializeEmployeesQuery(state)).toEqual(query);
    expect(parseEmployeesQuery({ category: 'BAGUS', talentBox: '10' })).toMatchObject({ category: null, talentBox: null });
    expect(parseEmployeesQuery({ talentBox: '2.5' }).talentBox).toBeNull();
  });

  it('drops what it cannot use and leaves defaults out', () => {
    const state = parseEmployeesQuery({ gmin: 'V_Z', below: '3', jp: '-1', sort: 'salary', size: '7' });
    expect(state).toMatchObject({ gradeMin: null, competency: null, below: null, jpBelow: null, pageSize: 50, sort: { field: 'name', direction: 'asc' } });
    expect(serializeEmployeesQuery(state)).toEqual({});
  });
});

describe('employee filter for the API', () => {
  const base = parseEmployeesQuery({});

  it('is null without filters', () => {
    expect(employeesWhere(base, 2026)).toBeNull();
  });

  it('searches names, or NIPs by prefix when only digits are typed', () => {
    expect(employeesWhere({ ...base, search: 'siti' }, 2026)).toEqual({ name: { contains: 'siti' } });
    expect(employeesWhere({ ...base, search: '1985' }, 2026)).toEqual({ nip: { startsWith: '1985' } });
  });

  it('combines unit subtree, grade range, competency level and JP shortfall', () => {
    expect(employeesWhere({ ...base, unit: 'DINKES', gradeMin: 'III_A', competency: 'KOM', below: 3, jpBelow: 20 }, 2026)).toEqual({
      unitSubtreeOfCode: 'DINKES',
      grade: { gte: 'III_A' },
      competencyLevel: { competency: 'KOM', lt: 3 },
      developmentHours: { year: 2026, lt: 20 },
    });
  });

  it('filters by current category, talent box and the policy JP shortfall', () => {
    expect(employeesWhere({ ...base, category: 'OPTIMAL', talentBox: 9, jpShort: true }, 2026)).toEqual({
      developmentHours: { year: 2026, belowRequirement: true },
      currentCategory: { eq: 'OPTIMAL' },
      talentBox: { eq: 9 },
    });
    expect(employeesWhere({ ...base, talentBox: 3 }, 2026)).toEqual({ talentBox: { eq: 3 } });
  });

  it('sends every filter at once as one where object, so category and talent box share one match set on the server', () => {
    const state = parseEmployeesQuery({ q: '1985', unit: 'DINKES', gmin: 'III_A', comp: 'KOM', below: '3', jp: 'short', category: 'CUKUP_OPTIMAL', talentBox: '5' });
    expect(employeesWhere(state, 2026)).toEqual({
      nip: { startsWith: '1985' },
      unitSubtreeOfCode: 'DINKES',
      grade: { gte: 'III_A' },
      competencyLevel: { competency: 'KOM', lt: 3 },
      developmentHours: { year: 2026, belowRequirement: true },
      currentCategory: { eq: 'CUKUP_OPTIMAL' },
      talentBox: { eq: 5 },
    });
  });

  it('breaks ties by NIP', () => {
    expect(employeesOrderBy({ field: 'grade', direction: 'desc' })).toEqual([
      { field: 'GRADE', direction: 'DESC' },
      { field: 'NIP', direction: 'ASC' },
    ]);
    expect(employeesOrderBy({ field: 'nip', direction: 'asc' })).toEqual([{ field: 'NIP', direction: 'ASC' }]);
  });
});
