import { describe, expect, it } from 'vitest';
import { defaultPageSize, parseUnitsQuery, serializeUnitsQuery, unitsOrderBy, unitsWhere } from './units-route-query';

describe('units view in the URL', () => {
  it('reads an empty query as the default view and writes it back as an empty query', () => {
    const state = parseUnitsQuery({});
    expect(state).toEqual({
      search: '',
      types: [],
      sort: { field: 'code', direction: 'asc' },
      pageSize: defaultPageSize,
      position: { page: 1 },
      selected: null,
    });
    expect(serializeUnitsQuery(state)).toEqual({});
  });

  it('round-trips filters, sorting, paging and the selected unit', () => {
    const query = { q: 'kesehatan', type: 'DINAS,PUSKESMAS', sort: '-name', size: '20', after: 'abc', page: '3', unit: 'DINKES' };
    const state = parseUnitsQuery(query);
    expect(state).toMatchObject({
      search: 'kesehatan',
      types: ['DINAS', 'PUSKESMAS'],
      sort: { field: 'name', direction: 'desc' },
      pageSize: 20,
      position: { page: 3, after: 'abc', before: null },
      selected: 'DINKES',
    });
    expect(serializeUnitsQuery(state)).toEqual(query);
  });

  it('ignores what it does not understand instead of failing', () => {
    const state = parseUnitsQuery({ type: 'DINAS,NOPE', sort: 'salary', size: '7', page: '-2', before: 'xyz' });
    expect(state.types).toEqual(['DINAS']);
    expect(state.sort).toEqual({ field: 'code', direction: 'asc' });
    expect(state.pageSize).toBe(defaultPageSize);
    expect(state.position).toEqual({ page: 1, after: null, before: 'xyz' });
  });

  it('drops a page number that comes without a cursor', () => {
    expect(parseUnitsQuery({ page: '4' }).position).toEqual({ page: 1 });
  });
});

describe('units filter and order for the API', () => {
  it('searches code or name and filters by type', () => {
    expect(unitsWhere({ search: '', types: [] })).toBeNull();
    expect(unitsWhere({ search: ' deli ', types: [] })).toEqual({ or: [{ code: { contains: 'deli' } }, { name: { contains: 'deli' } }] });
    expect(unitsWhere({ search: 'deli', types: ['PUSKESMAS'] })).toEqual({
      and: [{ or: [{ code: { contains: 'deli' } }, { name: { contains: 'deli' } }] }, { type: { in: ['PUSKESMAS'] } }],
    });
  });

  it('breaks ties by code so pages do not overlap', () => {
    expect(unitsOrderBy({ field: 'code', direction: 'desc' })).toEqual([{ field: 'CODE', direction: 'DESC' }]);
    expect(unitsOrderBy({ field: 'type', direction: 'asc' })).toEqual([
      { field: 'TYPE', direction: 'ASC' },
      { field: 'CODE', direction: 'ASC' },
    ]);
  });
});
