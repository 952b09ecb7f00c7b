import { describe, expect, it } from 'vitest';
import { defineComponent, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import urql from '@urql/vue';
import { UnitsListDocument, type UnitWhere } from '../graphql/generated/graphql';
import { createFakeClient, settle } from '../testing/fake-client';
import { pageOf } from '../testing/units-fixture';
import { pagingVariables, stableKey, useConnection, type PagePosition } from './use-connection';

const units = Array.from({ length: 120 }, (_, i) => ({
  __typename: 'Unit' as const,
  id: `U${i}`,
  code: `U${String(i).padStart(3, '0')}`,
  name: `Unit ${i}`,
  type: 'SEKSI' as const,
  parent: null,
}));

function setup(options: { badCursor?: boolean } = {}) {
  const fake = createFakeClient({
    UnitsList: (v) =>
      options.badCursor && v.after === 'stale'
        ? { graphQLErrors: [{ message: 'Argument "after" is not a valid cursor', extensions: { code: 'BAD_USER_INPUT' } }] }
        : { data: { units: pageOf(units, v) } },
  });
  const where = ref<UnitWhere | null>(null);
  const pageSize = ref(50);
  const position = ref<PagePosition>({ page: 1 });
  const start = () =>
    useConnection({
      query: UnitsListDocument,
      variables: () => ({ where: where.value }),
      connection: (data) => data.units,
      pageSize,
      position,
    });
  let api!: ReturnType<typeof start>;
  const host = defineComponent({
    setup() {
      api = start();
      return () => null;
    },
  });
  mount(host, { global: { plugins: [[urql, fake.client]] } });
  return { fake, where, pageSize, position, api: () => api };
}

describe('useConnection', () => {
  it('loads the first page and reports range and page count', async () => {
    const { fake, api } = setup();
    await settle();
    expect(fake.calls('UnitsList')[0]).toMatchObject({ first: 50, where: null });
    expect(api().nodes.value).toHaveLength(50);
    expect(api().range.value).toEqual({ from: 1, to: 50 });
    expect(api().pageCount.value).toBe(3);
    expect(api().hasPrevious.value).toBe(false);
    expect(api().hasNext.value).toBe(true);
  });

  it('pages forward with after and back with before, keeping the page number', async () => {
    const { fake, api, position } = setup();
    await settle();
    api().next();
    await settle();
    expect(position.value).toEqual({ page: 2, after: 'c49' });
    expect(api().range.value).toEqual({ from: 51, to: 100 });
    api().next();
    await settle();
    expect(api().range.value).toEqual({ from: 101, to: 120 });
    expect(api().hasNext.value).toBe(false);
    api().previous();
    await settle();
    expect(position.value).toEqual({ page: 2, before: 'c100' });
    expect(fake.calls('UnitsList').at(-1)).toMatchObject({ last: 50, before: 'c100' });
    expect(api().nodes.value[0]?.code).toBe('U050');
    api().previous();
    await settle();
    expect(position.value).toEqual({ page: 1 });
  });

  it('goes back to the first page when filters or the page size change', async () => {
    const { api, position, where, pageSize } = setup();
    await settle();
    api().next();
    await settle();
    where.value = { code: { contains: 'U1' } };
    await nextTick();
    expect(position.value).toEqual({ page: 1 });
    api().next();
    await settle();
    pageSize.value = 20;
    await nextTick();
    expect(position.value).toEqual({ page: 1 });
  });

  it('does not reset for a filter object that is equal but new', async () => {
    const { api, position, where } = setup();
    where.value = { code: { contains: 'U' } };
    await settle();
    api().next();
    await settle();
    where.value = { code: { contains: 'U' } };
    await settle();
    expect(position.value.page).toBe(2);
  });

  it('falls back to the first page when the server refuses a stale cursor', async () => {
    const { api, position } = setup({ badCursor: true });
    position.value = { page: 4, after: 'stale' };
    await settle();
    expect(position.value).toEqual({ page: 1 });
    expect(api().nodes.value).toHaveLength(50);
  });

  it('treats a page the server says has nothing before it as the first page', async () => {
    const { position } = setup();
    position.value = { page: 3, after: 'c-1' };
    await settle();
    expect(position.value).toEqual({ page: 1 });
  });
});

describe('paging helpers', () => {
  it('builds first/after and last/before variables', () => {
    expect(pagingVariables({ page: 1 }, 50)).toEqual({ first: 50 });
    expect(pagingVariables({ page: 2, after: 'x' }, 20)).toEqual({ first: 20, after: 'x' });
    expect(pagingVariables({ page: 2, before: 'y' }, 20)).toEqual({ last: 20, before: 'y' });
  });

  it('compares objects by value regardless of key order', () => {
    expect(stableKey({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(stableKey({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: 2 }));
  });
});
