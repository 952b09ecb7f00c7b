import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { buildSchema, introspectionFromSchema, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { createFakeClient, settle } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import QueryBuilderPage from './query-builder-page.vue';

// CodeMirror needs a real layout engine; a textarea stands in for it (the browser test drives the real editor).
vi.mock('./code-editor.vue', () => ({
  __esModule: true,
  default: defineComponent({
    props: { value: { type: String, required: true }, testId: { type: String, required: true } },
    emits: ['update:value'],
    setup: (props, { emit }) => () =>
      h('textarea', { 'data-testid': props.testId, value: props.value, onInput: (e: Event) => emit('update:value', (e.target as HTMLTextAreaElement).value) }),
  }),
}));

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../../schema/schema.graphql'), 'utf8'));
const introspection = introspectionFromSchema(schema);

const people = [
  { __typename: 'Employee', id: 'E1', nip: '1', name: 'Siti', unit: { __typename: 'Unit', id: 'U1', code: 'DINKES' } },
  { __typename: 'Employee', id: 'E2', nip: '2', name: 'Budi', unit: { __typename: 'Unit', id: 'U1', code: 'DINKES' } },
  { __typename: 'Employee', id: 'E3', nip: '3', name: 'Rina', unit: { __typename: 'Unit', id: 'U2', code: 'PKM' } },
];

function fakeApi() {
  return createFakeClient({
    IntrospectionQuery: () => ({ data: introspection }),
    EstimateCost: () => ({ data: { estimateCost: { __typename: 'CostEstimate', valid: true, errors: [], requested: 12, maximum: 50000, budget: 50000, remaining: 49000 } } }),
    SavedQueries: () => ({ data: { savedQueries: { __typename: 'SavedQueryConnection', totalCount: 0, nodes: [] } } }),
    // Cursor = index of the last row sent, so pages follow `after` as the API's do.
    Staff: (_variables, op) => {
      const root = (op.query.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
      const arg = (name: string) => {
        const value = root.arguments?.find((a) => a.name.value === name)?.value;
        return value && 'value' in value ? String(value.value) : undefined;
      };
      const first = Number(arg('first') ?? 50);
      const after = arg('after');
      const start = after ? Number(after) + 1 : 0;
      const nodes = people.slice(start, start + first);
      return {
        data: {
          employees: {
            __typename: 'EmployeeConnection',
            totalCount: people.length,
            nodes,
            pageInfo: { __typename: 'PageInfo', hasNextPage: start + first < people.length, hasPreviousPage: start > 0, startCursor: String(start), endCursor: String(start + nodes.length - 1) },
          },
        },
      };
    },
  });
}

const document = 'query Staff($w: EmployeeWhere) { employees(first: 2, where: $w) { totalCount nodes { nip name unit { code } } } }';

describe('QueryBuilderPage', () => {
  it('opens a deep link, shows the tree and the cost, runs, pages and flattens the rows', async () => {
    const api = fakeApi();
    const { wrapper } = await mountWithApp(QueryBuilderPage, {
      client: api.client,
      route: { path: '/query-builder', query: { document, variables: JSON.stringify({ w: { unitSubtreeOfCode: 'DINKES' } }) } },
    });
    await settle(10);
    await new Promise((r) => setTimeout(r, 500));
    await settle(10);

    // The tree ticks what the document selects.
    expect(wrapper.find('[data-testid="field-employees.nodes.unit.code"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="arg-where-variable"]').text()).toBe('$w');
    expect(wrapper.find('[data-testid="qb-cost"]').text()).toContain('12');
    expect(api.calls('EstimateCost').at(-1)).toMatchObject({ document, variables: { w: { unitSubtreeOfCode: 'DINKES' } }, operationName: 'Staff' });

    // Editing the text updates the tree: ticking follows the document.
    await wrapper.find('textarea[data-testid="qb-document"]').setValue(document.replace('name unit', 'name grade unit'));
    await settle(5);
    expect(wrapper.find('[data-testid="field-employees.nodes.grade"] .n-checkbox--checked').exists()).toBe(true);
    await wrapper.find('textarea[data-testid="qb-document"]').setValue(document);
    await new Promise((r) => setTimeout(r, 500));
    await settle(10);

    await wrapper.find('[data-testid="qb-run"]').trigger('click');
    await settle(10);
    // Paging adds pageInfo to what runs, and only the declared variables go along.
    expect(api.calls('Staff')[0]).toEqual({ w: { unitSubtreeOfCode: 'DINKES' } });
    const table = wrapper.find('[data-testid="qb-table"]');
    expect(table.text()).toContain('unit.code');
    expect(table.text()).toContain('Siti');
    expect(wrapper.find('[data-testid="qb-row-count"]').text()).toContain('2 baris dari 3');

    await wrapper.find('[data-testid="qb-next"]').trigger('click');
    await settle(10);
    expect(wrapper.find('[data-testid="qb-table"]').text()).toContain('Rina');
    expect(wrapper.find('[data-testid="qb-row-count"]').text()).toContain('1 baris dari 3');
    wrapper.unmount();
  }, 60_000);

  it('keeps the run button disabled while the document does not validate', async () => {
    const api = fakeApi();
    const { wrapper } = await mountWithApp(QueryBuilderPage, {
      client: api.client,
      route: { path: '/query-builder', query: { document: '{ employees { nodes { nosuchfield } } }' } },
    });
    await settle(10);
    await new Promise((r) => setTimeout(r, 500));
    await settle(10);
    expect(wrapper.find('[data-testid="qb-validation"]').text()).toContain('nosuchfield');
    expect(wrapper.find('[data-testid="qb-run"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });
});
