import { describe, expect, it } from 'vitest';
import { itemsOf, mergeTables, pageInfoOf, toTable, totalCountOf } from './result-table';
import { chartFor, measuresOf } from './chart-data';

describe('result table', () => {
  const connection = {
    __typename: 'EmployeeConnection',
    totalCount: 2,
    pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' },
    nodes: [
      { __typename: 'Employee', name: 'Siti', unit: { code: 'DINKES', name: 'Dinas Kesehatan' }, assessments: [{ level: 3, competency: { code: 'KOM' } }, { level: 2.5, competency: { code: 'KES' } }], tags: ['a', 'b'] },
      { __typename: 'Employee', name: 'Budi', unit: { code: 'PKM-DELI', name: 'Puskesmas' }, assessments: [], position: null },
    ],
  };

  it('flattens a connection’s nodes: dotted columns, lists joined in order, __typename left out', () => {
    const table = toTable(itemsOf(connection));
    expect(table.columns).toEqual(['name', 'unit.code', 'unit.name', 'assessments.level', 'assessments.competency.code', 'tags', 'assessments', 'position']);
    expect(table.rows[0]).toEqual({ name: 'Siti', 'unit.code': 'DINKES', 'unit.name': 'Dinas Kesehatan', 'assessments.level': '3; 2.5', 'assessments.competency.code': 'KOM; KES', tags: 'a; b' });
    expect(table.rows[1]).toMatchObject({ name: 'Budi', assessments: null, position: null });
    expect(pageInfoOf(connection)).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' });
    expect(totalCountOf(connection)).toBe(2);
  });

  it('reads edges’ nodes, plain lists, single objects and scalars', () => {
    expect(toTable(itemsOf({ edges: [{ cursor: 'c1', node: { name: 'A' } }] })).rows).toEqual([{ cursor: 'c1', name: 'A' }]);
    expect(toTable(itemsOf([{ headcount: 3 }, { headcount: 4 }])).rows).toEqual([{ headcount: 3 }, { headcount: 4 }]);
    expect(toTable(itemsOf({ code: 'KOM' })).rows).toEqual([{ code: 'KOM' }]);
    expect(toTable(itemsOf(42), 'count').rows).toEqual([{ count: 42 }]);
    expect(itemsOf(null)).toEqual([]);
  });

  it('merges pages with the union of their columns', () => {
    const merged = mergeTables([toTable([{ a: 1 }]), toTable([{ a: 2, b: 3 }])]);
    expect(merged).toEqual({ columns: ['a', 'b'], rows: [{ a: 1 }, { a: 2, b: 3 }] });
  });
});

describe('aggregate charts', () => {
  const g = (key: string, value: string, label: string | null = null) => ({ key, value, label });

  it('draws one dimension as bars of the first measure (headcount first)', () => {
    const rows = [
      { group: [g('UNIT', 'DINKES', 'Dinas Kesehatan')], meanLevel: 2.5, headcount: 3 },
      { group: [g('UNIT', 'DISDIK', 'Dinas Pendidikan')], meanLevel: null, headcount: 1 },
    ];
    expect(measuresOf(rows)).toEqual(['headcount', 'meanLevel']);
    expect(chartFor(rows)).toEqual({ kind: 'bar', measure: 'headcount', categories: ['DINKES — Dinas Kesehatan', 'DISDIK — Dinas Pendidikan'], values: [3, 1] });
    expect(chartFor(rows, 'meanLevel')).toMatchObject({ measure: 'meanLevel', values: [2.5, 0] });
  });

  it('draws two dimensions as a heat map', () => {
    const rows = [
      { group: [g('UNIT', 'A'), g('COMPETENCY', 'KOM')], headcount: 2 },
      { group: [g('UNIT', 'A'), g('COMPETENCY', 'INT')], headcount: 1 },
      { group: [g('UNIT', 'B'), g('COMPETENCY', 'KOM')], headcount: 5 },
    ];
    expect(chartFor(rows)).toEqual({ kind: 'heatmap', measure: 'headcount', x: ['A', 'B'], y: ['KOM', 'INT'], cells: [[0, 0, 2], [0, 1, 1], [1, 0, 5]] });
  });

  it('draws the talent box dimension and talent maps as a 9-box', () => {
    const spec = chartFor([{ group: [g('TALENT_BOX', '9')], headcount: 4 }, { group: [g('TALENT_BOX', 'NONE')], headcount: 7 }]);
    expect(spec?.kind).toBe('nine-box');
    expect(spec && spec.kind === 'nine-box' ? spec.counts.find((c) => c.box === 9)?.count : null).toBe(4);
    expect(chartFor([{ box: 1, count: 2, talentPool: false }])).toMatchObject({ kind: 'nine-box', measure: 'count' });
  });

  it('draws nothing for lists that are not aggregates', () => {
    expect(chartFor([{ name: 'Siti' }])).toBeNull();
    expect(chartFor([])).toBeNull();
  });
});
