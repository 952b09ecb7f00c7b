import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectScope, shallowRef } from 'vue';
import { buildSchema } from 'graphql';
import { newRootQuery, selectedPaths, toggleField } from './query-model';
import { parseVariables, useQueryDocument } from './use-query-document';

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../../schema/schema.graphql'), 'utf8'));

function setup() {
  const scope = effectScope();
  const state = scope.run(() => useQueryDocument(shallowRef(schema)))!;
  return state;
}

describe('useQueryDocument', () => {
  it('prints builder edits into the text', () => {
    const s = setup();
    s.setTree(toggleField(newRootQuery(schema, 'employees'), schema, ['employees', 'nodes', 'unit', 'code'], true));
    expect(s.text.value).toContain('unit {');
    expect(s.runnable.value).toBe(true);
  });

  it('takes text edits into the tree when they parse, and keeps the last good tree with the error otherwise', () => {
    const s = setup();
    s.setText('query Q { units(first: 5) { nodes { code } } }');
    expect(selectedPaths(s.tree.value)).toEqual(['units', 'units.nodes', 'units.nodes.code']);
    expect(s.operationName.value).toBe('Q');
    s.setText('query Q { units(first: 5) { nodes { code ');
    expect(s.parseError.value).toMatch(/Syntax Error/);
    expect(selectedPaths(s.tree.value)).toEqual(['units', 'units.nodes', 'units.nodes.code']);
    expect(s.runnable.value).toBe(false);
    s.setText('query Q { units(first: 5) { nodes { code name } } }');
    expect(s.parseError.value).toBeNull();
    expect(selectedPaths(s.tree.value)).toContain('units.nodes.name');
  });

  it('reports schema validation errors and refuses to run them', () => {
    const s = setup();
    s.setText('{ units { nodes { nosuchfield } } }');
    expect(s.parseError.value).toBeNull();
    expect(s.validationErrors.value.join()).toMatch(/nosuchfield/);
    expect(s.runnable.value).toBe(false);
  });

  it('refuses mutations and invalid variables', () => {
    const s = setup();
    s.setText('mutation { logout { ok } }');
    expect(s.runnable.value).toBe(false);
    s.setText('query Q($n: Int) { units(first: $n) { totalCount } }');
    s.variablesText.value = '{"n": ';
    expect(s.variables.value.error).not.toBeNull();
    expect(s.runnable.value).toBe(false);
    s.patchVariables({ n: 3 }, ['n']);
    expect(s.variables.value).toEqual({ value: { n: 3 }, error: null });
    expect(s.runnable.value).toBe(true);
  });

  it('reads variables JSON: objects only', () => {
    expect(parseVariables('')).toEqual({ value: {}, error: null });
    expect(parseVariables('[1]').error).toBe('not an object');
    expect(parseVariables('{"a":1}').value).toEqual({ a: 1 });
  });
});
