import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, print, validate, type GraphQLInputType } from 'graphql';
import {
  connectionRoot, documentToTree, emptyValue, freeVariableName, inputTypeOf, jsToValue, mainOperation, newRootQuery, pagedTree, pageSizeOf,
  pruneVariables, selectedPaths, setArgument, setVariable, toggleField, treeToDocument, usedVariables, valueToJs, type ArgValue,
} from './query-model';

const consoleSrc = path.resolve(import.meta.dirname, '../..');
const schema = buildSchema(readFileSync(path.resolve(consoleSrc, '../../schema/schema.graphql'), 'utf8'));

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return graphqlFiles(full);
    return entry.endsWith('.graphql') ? [full] : [];
  });
}

const operations = graphqlFiles(path.join(consoleSrc, 'graphql/operations'));

const validationErrors = (text: string) => validate(schema, parse(text)).map((e) => e.message);

describe('document ↔ tree', () => {
  it('finds the console’s operations', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((f) => [path.relative(consoleSrc, f), f]))('round-trips %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const normalised = print(parse(text));
    const tree = documentToTree(text);
    expect(treeToDocument(tree)).toBe(normalised);
    // A second pass changes nothing either: the tree holds everything the printer needs.
    expect(treeToDocument(documentToTree(treeToDocument(tree)))).toBe(normalised);
  });

  it('keeps literals as written: floats, block strings, null, nested lists and objects, directives, defaults', () => {
    const text = `query Q($w: EmployeeWhere = { name: { contains: "a" } }, $skip: Boolean!) {
      employees(first: 10, where: { or: [{ competencyLevel: { competency: "KOM", lt: 3.0 } }, { not: { nip: { in: ["1", "2"] } } }], grade: null }) @skip(if: $skip) {
        a: totalCount
        nodes { ... on Employee { name } ...F }
      }
      competency(code: """KOM""") { code }
    }
    fragment F on Employee { nip }`;
    expect(treeToDocument(documentToTree(text))).toBe(print(parse(text)));
    expect(treeToDocument(documentToTree(text))).toContain('lt: 3.0');
  });

  it('throws graphql-js’s syntax error, with its position, on text that does not parse', () => {
    expect(() => documentToTree('query { employees(first: ) { totalCount } }')).toThrow(/Syntax Error/);
  });
});

describe('building a query', () => {
  it('starts a connection root with totalCount, the nodes’ plain fields, pageInfo and a page size', () => {
    const tree = newRootQuery(schema, 'employees');
    const text = treeToDocument(tree);
    expect(validationErrors(text)).toEqual([]);
    expect(text).toContain('employees(first: 50)');
    expect(selectedPaths(tree)).toEqual(expect.arrayContaining(['employees.totalCount', 'employees.nodes.name', 'employees.nodes.nip', 'employees.pageInfo.endCursor']));
    // Fields with required arguments are not ticked by default: they would not validate.
    expect(selectedPaths(tree)).not.toContain('employees.nodes.developmentHours');
  });

  it('ticks nested fields through relations and unticks them, pruning emptied parents', () => {
    let tree = newRootQuery(schema, 'employees');
    tree = toggleField(tree, schema, ['employees', 'nodes', 'unit', 'code'], true);
    expect(selectedPaths(tree)).toContain('employees.nodes.unit.code');
    expect(validationErrors(treeToDocument(tree))).toEqual([]);
    tree = toggleField(tree, schema, ['employees', 'nodes', 'position'], true);
    expect(selectedPaths(tree)).toEqual(expect.arrayContaining(['employees.nodes.position', 'employees.nodes.position.code']));
    tree = toggleField(tree, schema, ['employees', 'nodes', 'unit', 'code'], false);
    expect(selectedPaths(tree)).not.toContain('employees.nodes.unit');
    expect(validationErrors(treeToDocument(tree))).toEqual([]);
  });

  it('builds nested and/or/not filters with lists, bound to variables', () => {
    let tree = newRootQuery(schema, 'employees');
    const where: ArgValue = {
      kind: 'object',
      fields: [
        { name: 'unitSubtreeOfCode', value: { kind: 'variable', name: 'unit' } },
        {
          name: 'or',
          value: {
            kind: 'list',
            items: [
              { kind: 'object', fields: [{ name: 'competencyLevel', value: { kind: 'object', fields: [{ name: 'competency', value: { kind: 'string', value: 'KOM' } }, { name: 'lt', value: { kind: 'int', value: '3' } }] } }] },
              { kind: 'object', fields: [{ name: 'not', value: { kind: 'object', fields: [{ name: 'developmentHours', value: { kind: 'object', fields: [{ name: 'year', value: { kind: 'int', value: '2026' } }, { name: 'gte', value: { kind: 'int', value: '20' } }] } }] } }] },
            ],
          },
        },
      ],
    };
    tree = setArgument(tree, ['employees'], 'where', where);
    tree = setVariable(tree, { name: 'unit', type: 'String' });
    const text = treeToDocument(tree);
    expect(validationErrors(text)).toEqual([]);
    expect(text).toContain('query Analysis($unit: String)');
    expect(text).toContain('or: [{competencyLevel: {competency: "KOM", lt: 3}}, {not: {developmentHours: {year: 2026, gte: 20}}}]');
    expect(valueToJs(where, { unit: 'DINKES' })).toEqual({
      unitSubtreeOfCode: 'DINKES',
      or: [{ competencyLevel: { competency: 'KOM', lt: 3 } }, { not: { developmentHours: { year: 2026, gte: 20 } } }],
    });
    // Removing the filter leaves $unit unused; pruning drops it so the document stays valid.
    const pruned = pruneVariables(setArgument(tree, ['employees'], 'where', undefined));
    expect(mainOperation(pruned)?.variables).toEqual([]);
    expect(validationErrors(treeToDocument(pruned))).toEqual([]);
  });

  it('turns variable values into literals and back, guided by the input type', () => {
    const type = inputTypeOf(schema, 'EmployeeWhere') as GraphQLInputType;
    const value = { and: [{ grade: { gte: 'III_A' } }, { competencyLevel: { competency: 'KOM', lt: 2.5 } }], unknown: 1 };
    const literal = jsToValue(value, type);
    expect(valueToJs(literal)).toEqual({ and: [{ grade: { gte: 'III_A' } }, { competencyLevel: { competency: 'KOM', lt: 2.5 } }] });
    expect(emptyValue(inputTypeOf(schema, '[EmployeeOrder!]') as GraphQLInputType)).toEqual({ kind: 'list', items: [] });
    expect(emptyValue(inputTypeOf(schema, 'OrderDirection') as GraphQLInputType)).toEqual({ kind: 'enum', value: 'ASC' });
    expect(inputTypeOf(schema, 'NoSuchInput')).toBeNull();
    expect(emptyValue(inputTypeOf(schema, 'CompetencyLevelCondition') as GraphQLInputType)).toEqual({ kind: 'object', fields: [{ name: 'competency', value: { kind: 'string', value: '' } }] });
  });

  it('names new variables without clashing', () => {
    const tree = setVariable(newRootQuery(schema, 'employees'), { name: 'unit', type: 'String' });
    expect(freeVariableName(tree, 'unit')).toBe('unit2');
    expect(freeVariableName(tree, 'year')).toBe('year');
  });
});

describe('paging', () => {
  it('recognises connection roots and pages them with cursors, whatever the document said', () => {
    const text = `query Q($n: Int, $w: EmployeeWhere) { employees(first: $n, where: $w) { nodes { name } } }`;
    const tree = documentToTree(text);
    expect(connectionRoot(schema, tree)).toEqual({ key: 'employees', forward: true, backward: true });
    expect(pageSizeOf(tree, { n: 7 })).toBe(7);
    const next = pagedTree(tree, { after: 'abc' }, { n: 7 });
    const nextText = treeToDocument(next);
    expect(nextText).toContain('employees(where: $w, first: 7, after: "abc")');
    expect(nextText).toContain('endCursor');
    // $n is no longer used, so it is no longer declared, and not sent.
    expect(mainOperation(next)?.variables.map((v) => v.name)).toEqual(['w']);
    expect(usedVariables(next, { n: 7, w: {} })).toEqual({ w: {} });
    expect(validationErrors(nextText)).toEqual([]);
    const previous = treeToDocument(pagedTree(tree, { before: 'xyz', size: 5 }, {}));
    expect(previous).toContain('last: 5, before: "xyz"');
  });

  it('does not page lists and aggregates', () => {
    expect(connectionRoot(schema, documentToTree('{ employeeAggregate(groupBy: [UNIT]) { headcount } }'))).toBeNull();
    expect(connectionRoot(schema, documentToTree('mutation { logout }'))).toBeNull();
  });
});
