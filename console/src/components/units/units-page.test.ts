import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { asNode, pageOf, unitTree, type FixtureUnit } from '../../testing/units-fixture';
import UnitsPage from './units-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

function backend(units: FixtureUnit[], overrides: Record<string, FakeHandler> = {}) {
  const ref = (id: string | null) => {
    const u = units.find((x) => x.id === id);
    return u ? { __typename: 'Unit', id: u.id, code: u.code, name: u.name } : null;
  };
  const withChildren = (u: FixtureUnit) => ({
    ...asNode(u),
    parent: u.parent ? { __typename: 'Unit', id: u.parent } : null,
    children: units.filter((c) => c.parent === u.id).map((c) => ({ __typename: 'Unit', id: c.id })),
  });
  return createFakeClient(
    {
      UnitsList: (v) => {
        const where = JSON.stringify(v.where ?? {});
        const search = /"contains":"([^"]*)"/.exec(where)?.[1]?.toLowerCase();
        const rows = units
          .filter((u) => !search || u.code.toLowerCase().includes(search) || u.name.toLowerCase().includes(search))
          .map((u) => ({ ...asNode(u), parent: ref(u.parent) }));
        return { data: { units: pageOf(rows, v) } };
      },
      UnitRoots: () => ({ data: { units: { __typename: 'UnitConnection', totalCount: 0, nodes: units.filter((u) => !u.parent).map(withChildren) } } }),
      UnitChildren: (v) => ({
        data: { node: { __typename: 'Unit', id: v.id, children: units.filter((u) => u.parent === v.id).map(withChildren) } },
      }),
      UnitDetail: (v) => {
        const u = units.find((x) => x.code === v.code);
        return {
          data: {
            unit: u
              ? { ...asNode(u), parent: ref(u.parent), children: units.filter((c) => c.parent === u.id).map(asNode) }
              : null,
          },
        };
      },
      UnitOptions: () => ({ data: { units: { __typename: 'UnitConnection', nodes: units.map((u) => ref(u.id)) } } }),
      UnitHeadcounts: () => ({
        data: { employeeAggregate: units.map((u, i) => ({ __typename: 'EmployeeAggregateRow', group: [{ __typename: 'GroupValue', key: 'UNIT', value: u.code }], headcount: 10 * (i + 1) })) },
      }),
      UnitRollup: () => ({
        data: {
          categories: [
            { __typename: 'EmployeeAggregateRow', group: [{ __typename: 'GroupValue', key: 'JPM_CATEGORY', value: 'OPTIMAL' }], headcount: 3 },
            { __typename: 'EmployeeAggregateRow', group: [{ __typename: 'GroupValue', key: 'JPM_CATEGORY', value: 'KURANG_OPTIMAL' }], headcount: 1 },
            { __typename: 'EmployeeAggregateRow', group: [{ __typename: 'GroupValue', key: 'JPM_CATEGORY', value: 'NONE' }], headcount: 2 },
          ],
          pns: [{ __typename: 'EmployeeAggregateRow', headcount: 5 }],
          pnsShort: [{ __typename: 'EmployeeAggregateRow', headcount: 2 }],
          positions: { __typename: 'PositionConnection', totalCount: 4 },
          vacant: { __typename: 'PositionConnection', totalCount: 1 },
        },
      }),
      ...overrides,
    },
    { cache: true },
  );
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/units') {
  const app = await mountWithApp(UnitsPage, { client: fake.client, route });
  mounted = app.wrapper;
  await settle();
  return app;
}

const body = () => document.body.textContent ?? '';
const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
};
const type = (selector: string, value: string) => {
  const input = document.querySelector<HTMLInputElement>(`${selector} input`);
  if (!input) throw new Error(`no input in ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('Units page', () => {
  it('shows the units in the table and the roots in the tree', async () => {
    const fake = backend(unitTree());
    await mountPage(fake);
    expect(document.querySelector('[data-testid="unit-row-DINKES"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="unit-row-PKM-DELI"]')?.textContent).toContain('DINKES — Dinas Kesehatan');
    expect(document.querySelector('[data-testid="tree-unit-DINKES"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="tree-unit-PKM-DELI"]')).toBeNull();
    expect(body()).toContain('1–3 dari 3');
    expect(fake.calls('UnitsList')[0]).toMatchObject({ first: 50, where: null, orderBy: [{ field: 'CODE', direction: 'ASC' }] });
  });

  it('puts the search into the URL and the API filter, back on the first page', async () => {
    const fake = backend(unitTree());
    const { router } = await mountPage(fake, '/units?after=c0&page=2');
    type('[data-testid="units-search"]', 'deli');
    await new Promise((r) => setTimeout(r, 350));
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'deli' });
    expect(fake.calls('UnitsList').at(-1)).toMatchObject({ first: 50, where: { or: [{ code: { contains: 'deli' } }, { name: { contains: 'deli' } }] } });
    expect(document.querySelector('[data-testid="unit-row-DINKES"]')).toBeNull();
    expect(document.querySelector('[data-testid="unit-row-PKM-DELI"]')).not.toBeNull();
  });

  it('shows an empty state that says whether filters hide the units', async () => {
    await mountPage(backend([]));
    expect(body()).toContain('Belum ada unit. Tambahkan unit pertama.');
    expect(body()).toContain('Belum ada unit.');
  });

  it('shows a load error with a retry', async () => {
    await mountPage(backend(unitTree(), { UnitsList: () => ({ networkError: new Error('offline') }) }));
    expect(document.querySelector('[data-testid="load-error"]')?.textContent).toContain('Server tidak dapat dihubungi.');
  });

  it('opens the detail drawer for a clicked row and keeps it in the URL', async () => {
    const fake = backend(unitTree());
    const { router } = await mountPage(fake);
    click('[data-testid="unit-row-PKM-DELI"]');
    await settle();
    expect(router.currentRoute.value.query.unit).toBe('PKM-DELI');
    expect(document.querySelector('[data-testid="unit-drawer-code"]')?.textContent).toBe('PKM-DELI');
    expect(body()).toContain('Puskesmas Medan Deli');
  });

  it('shows subtree headcounts in the tree and the roll-up figures of the selected unit', async () => {
    const fake = backend(unitTree());
    await mountPage(fake, '/units?unit=DINKES');
    await settle();
    expect(document.querySelector('[data-testid="tree-count-DINKES"]')?.textContent).toBe('(10)');
    expect(fake.calls('UnitRollup')[0]).toMatchObject({ code: 'DINKES', where: { unitSubtreeOfCode: 'DINKES' } });
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    expect(text('rollup-headcount')).toBe('6');
    expect(text('rollup-positions')).toBe('4');
    expect(text('rollup-vacant')).toBe('1');
    expect(text('rollup-share-OPTIMAL')).toContain('75% (3)');
    expect(text('rollup-jp')).toBe('60%');
    expect(document.querySelector('[data-testid="rollup-employees"]')?.getAttribute('href')).toBe('/employees?unit=DINKES');
  });

  it('shows server user errors next to their fields in the create form', async () => {
    const fake = backend(unitTree(), {
      CreateUnit: () => ({
        data: {
          createUnit: {
            __typename: 'UnitPayload',
            unit: null,
            userErrors: [
              { __typename: 'UserError', field: 'input.code', code: 'INVALID', message: 'input.code must be 1–64 letters, digits, "-" or "_", got "bad code!".' },
              { __typename: 'UserError', field: 'input.type', code: 'REQUIRED', message: 'input.type is required.' },
            ],
          },
        },
      }),
    });
    await mountPage(fake);
    click('[data-testid="units-add"]');
    await settle();
    type('[data-testid="unit-form-code"]', 'bad code!');
    type('[data-testid="unit-form-name"]', 'Unit Uji');
    await settle();
    click('[data-testid="unit-form-save"]');
    await settle();
    expect(fake.calls('CreateUnit')[0]).toEqual({ input: { code: 'bad code!', name: 'Unit Uji', type: null, parent: null } });
    expect(document.querySelector('[data-testid="unit-form-code-item"]')?.textContent).toContain('Format tidak valid.');
    expect(document.querySelector('[data-testid="unit-form-type-item"]')?.textContent).toContain('Wajib diisi.');
    expect(document.querySelector('[data-testid="unit-form-name-item"]')?.textContent).not.toContain('Wajib diisi.');
  });

  it('shows why a delete was refused and keeps the dialog open', async () => {
    const fake = backend(unitTree(), {
      DeleteUnit: () => ({
        data: {
          deleteUnit: {
            __typename: 'DeletePayload',
            deletedId: null,
            userErrors: [{ __typename: 'UserError', field: null, code: 'REFERENCED', message: 'Still referenced by unit; remove those references first.' }],
          },
        },
      }),
    });
    await mountPage(fake, '/units?unit=DINKES');
    click('[data-testid="unit-delete"]');
    await settle();
    const dialog = document.querySelector('[data-testid="unit-delete-dialog"]');
    expect(dialog?.textContent).toContain('Hapus unit DINKES — Dinas Kesehatan?');
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Hapus');
    confirm?.click();
    await settle();
    const refused = document.querySelector('[data-testid="unit-delete-refused"]');
    expect(refused?.textContent).toContain('Unit DINKES tidak dapat dihapus.');
    expect(refused?.textContent).toContain('Masih dirujuk oleh data lain.');
    expect(refused?.textContent).toContain('Pindahkan atau hapus dahulu subunit');
    expect(fake.calls('DeleteUnit')).toEqual([{ id: 'U1' }]);
  });

  it('edits a unit from the drawer and sends only the form’s fields', async () => {
    const fake = backend(unitTree(), {
      UpdateUnit: (v) => ({
        data: {
          updateUnit: {
            __typename: 'UnitPayload',
            unit: { __typename: 'Unit', id: String(v.id), code: 'PKM-DELI', name: 'Puskesmas Deli', type: 'PUSKESMAS' },
            userErrors: [],
          },
        },
      }),
    });
    const { router } = await mountPage(fake, '/units?unit=PKM-DELI');
    click('[data-testid="unit-edit"]');
    await settle();
    const name = document.querySelector<HTMLInputElement>('[data-testid="unit-form-name"] input');
    expect(name?.value).toBe('Puskesmas Medan Deli');
    expect(document.querySelector('[data-testid="unit-form"]')?.textContent).toContain('Ubah unit PKM-DELI');
    type('[data-testid="unit-form-name"]', 'Puskesmas Deli');
    await settle();
    click('[data-testid="unit-form-save"]');
    await settle();
    expect(fake.calls('UpdateUnit')).toEqual([
      { id: 'U2', input: { code: 'PKM-DELI', name: 'Puskesmas Deli', type: 'PUSKESMAS', parent: 'U1' } },
    ]);
    expect(document.querySelector('[data-testid="unit-form"]')).toBeNull();
    expect(router.currentRoute.value.query.unit).toBe('PKM-DELI');
  });

  it('loads a unit’s children into the tree when it is expanded', async () => {
    const fake = backend(unitTree());
    await mountPage(fake);
    expect(fake.calls('UnitChildren')).toEqual([]);
    const node = document.querySelector('[data-testid="tree-unit-DINKES"]')?.closest('.n-tree-node');
    node?.querySelector<HTMLElement>('.n-tree-node-switcher')?.click();
    await settle();
    expect(fake.calls('UnitChildren')).toEqual([{ id: 'U1' }]);
    expect(document.querySelector('[data-testid="tree-unit-PKM-DELI"]')).not.toBeNull();
    // DISDIK has no children: nothing to expand, nothing to load.
    const leaf = document.querySelector('[data-testid="tree-unit-DISDIK"]')?.closest('.n-tree-node');
    expect(leaf?.querySelector('.n-tree-node-switcher--hide')).not.toBeNull();
  });
});
