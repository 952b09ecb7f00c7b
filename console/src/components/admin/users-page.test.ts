import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { NSelect } from 'naive-ui';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { sessionKey } from '../../auth/session';
import { fakeSession, unitOptions, userRow, users, usersPage, viewerOf } from './admin-fixture';
import { parseUsersQuery, serializeUsersQuery, usersOrderBy, usersWhere } from './users-route-query';
import UsersPage from './users-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});


function backend(overrides: Record<string, FakeHandler> = {}) {
  return createFakeClient({
    AdminUsers: (v) => usersPage(users, v),
    UnitOptions: unitOptions,
    ...overrides,
  });
}

async function mountPage(fake: ReturnType<typeof backend>, route = '/admin/users') {
  const app = await mountWithApp(UsersPage, { client: fake.client, route, provide: { [sessionKey as symbol]: fakeSession(viewerOf('ADMIN')) } });
  mounted = app.wrapper;
  await settle();
  return app;
}

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const text = (selector: string) => $(selector)?.textContent ?? '';
const byTestId = (id: string) => `[data-testid="${id}"]`;

async function click(selector: string): Promise<void> {
  const el = $(selector);
  if (!el) throw new Error(`missing ${selector}`);
  el.click();
  await settle();
}

async function type(selector: string, value: string): Promise<void> {
  const input = $(`${selector} input`) as HTMLInputElement | null;
  if (!input) throw new Error(`missing ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle();
}

describe('Users page', () => {
  it('lists users with role, unit, status and last sign-in, marking the viewer', async () => {
    await mountPage(backend());
    expect(text(byTestId('user-row-rina@pemko.go.id'))).toContain('Admin unit');
    expect(text(byTestId('user-row-rina@pemko.go.id'))).toContain('DISDIK — Dinas Pendidikan');
    expect(text(byTestId('user-status-tamu@pemko.go.id'))).toBe('Nonaktif');
    expect(text(byTestId('user-row-admin@sikap.test'))).toContain('Anda');
    // One's own account offers no "disable"; a disabled one offers "enable".
    expect($(byTestId('user-disable-admin@sikap.test'))).toBeNull();
    expect($(byTestId('user-enable-tamu@pemko.go.id'))).not.toBeNull();
    expect(text(byTestId('pager-range'))).toContain('1–3 dari 3');
  });

  it('sends the filters and sort of the URL', async () => {
    const fake = backend();
    await mountPage(fake, '/admin/users?q=rina&role=UNIT_ADMIN,ANALYST&unit=DISDIK&status=ACTIVE&sort=-lastLoginAt');
    expect(fake.calls('AdminUsers')).toHaveLength(1);
    expect(fake.calls('AdminUsers')[0]).toMatchObject({
      where: { search: 'rina', roles: ['UNIT_ADMIN', 'ANALYST'], unitSubtreeOf: 'DISDIK', status: 'ACTIVE' },
      orderBy: [{ field: 'LAST_LOGIN_AT', direction: 'DESC' }, { field: 'EMAIL', direction: 'ASC' }],
      first: 20,
    });
  });

  it('shows the empty and error states', async () => {
    await mountPage(backend({ AdminUsers: (v) => usersPage([], v) }), '/admin/users?q=zzz');
    expect(text(byTestId('users-table'))).toContain('Tidak ada pengguna yang cocok.');
    mounted?.unmount();
    document.body.innerHTML = '';
    await mountPage(backend({ AdminUsers: () => ({ graphQLErrors: [{ message: '"users" needs the admin permission.', extensions: { code: 'FORBIDDEN' } }] }) }));
    expect(text(byTestId('load-error'))).toContain('needs the admin permission');
  });

  it('creates a user: a server refusal shows next to its field, the generated password once', async () => {
    let attempt = 0;
    const fake = backend({
      CreateUser: (v) => {
        attempt += 1;
        const input = v.input as Record<string, unknown>;
        if (attempt === 1) {
          return { data: { createUser: { __typename: 'CreateUserPayload', user: null, password: null, userErrors: [{ __typename: 'UserError', field: 'input.unit', code: 'REQUIRED', message: 'a UNIT_ADMIN needs a unit' }] } } };
        }
        return {
          data: {
            createUser: {
              __typename: 'CreateUserPayload',
              user: userRow({ id: 'US9', email: String(input.email), name: input.name, role: input.role, unit: { __typename: 'Unit', id: 'U-DISDIK', code: 'DISDIK', name: 'Dinas Pendidikan' } }),
              password: 'Abcdefghijkmnpqrstuv',
              userErrors: [],
            },
          },
        };
      },
    });
    const { wrapper } = await mountPage(fake);
    await click(byTestId('user-add'));
    expect($(byTestId('user-form'))).not.toBeNull();
    // Save stays disabled until a role is chosen.
    expect(($(byTestId('user-form-save')) as HTMLButtonElement).disabled).toBe(true);
    await type(byTestId('user-form-email'), 'baru@pemko.go.id');
    await type(byTestId('user-form-name'), 'Pegawai Baru');
    const role = wrapper.findAllComponents(NSelect).find((s) => s.attributes('data-testid') === 'user-form-role')!;
    role.vm.$emit('update:value', 'UNIT_ADMIN');
    await settle();
    await click(byTestId('user-form-save'));
    expect(fake.calls('CreateUser')[0]).toEqual({ input: { email: 'baru@pemko.go.id', name: 'Pegawai Baru', role: 'UNIT_ADMIN', unit: null } });
    expect(text(byTestId('user-form-unit-item'))).toContain('Wajib diisi.');

    const unit = wrapper.findAllComponents(NSelect).find((s) => s.attributes('data-testid') === 'user-form-unit')!;
    unit.vm.$emit('update:value', 'DISDIK');
    await settle();
    // The error clears as soon as its field changes.
    expect(text(byTestId('user-form-unit-item'))).not.toContain('Wajib diisi.');
    await click(byTestId('user-form-save'));
    expect(fake.calls('CreateUser')[1]).toMatchObject({ input: { unit: 'DISDIK' } });
    expect($(byTestId('user-form'))).toBeNull();
    expect(($(`${byTestId('user-password-value')} input`) as HTMLInputElement).value).toBe('Abcdefghijkmnpqrstuv');
    expect(text(byTestId('user-password'))).toContain('hanya ditampilkan sekali');
    await click(byTestId('user-password-done'));
    expect($(byTestId('user-password'))).toBeNull();
  });

  it('asks before disabling and shows a refusal in the dialog', async () => {
    const fake = backend({
      DisableUser: () => ({
        data: { disableUser: { __typename: 'UserPayload', user: null, userErrors: [{ __typename: 'UserError', field: 'id', code: 'CONFLICT', message: 'rina@pemko.go.id is the only active ADMIN' }] } },
      }),
    });
    await mountPage(fake);
    await click(byTestId('user-disable-rina@pemko.go.id'));
    expect(fake.calls('DisableUser')).toHaveLength(0);
    expect(text(byTestId('user-action-dialog'))).toContain('Nonaktifkan rina@pemko.go.id?');
    await click(`${byTestId('user-action-dialog')} .n-dialog__action .n-button--error-type`);
    expect(fake.calls('DisableUser')).toEqual([{ id: 'US2' }]);
    expect(text(byTestId('user-action-refused'))).toContain('only active ADMIN');
    expect($(byTestId('user-action-dialog'))).not.toBeNull();
  });

  it('resets a password after confirmation and shows the new one once', async () => {
    const fake = backend({
      ResetUserPassword: () => ({ data: { resetUserPassword: { __typename: 'ResetUserPasswordPayload', user: users[1], password: 'Zyxwvutsrqpnmkjihgfe', userErrors: [] } } }),
    });
    await mountPage(fake);
    await click(byTestId('user-reset-rina@pemko.go.id'));
    expect(text(byTestId('user-action-dialog'))).toContain('Kata sandi lama berhenti berlaku');
    await click(`${byTestId('user-action-dialog')} .n-dialog__action .n-button--error-type`);
    expect(fake.calls('ResetUserPassword')).toEqual([{ id: 'US2' }]);
    expect(($(`${byTestId('user-password-value')} input`) as HTMLInputElement).value).toBe('Zyxwvutsrqpnmkjihgfe');
  });
});

describe('users URL', () => {
  it('round-trips and builds the filter', () => {
    const query = { q: 'rina', role: 'ADMIN,VIEWER', unit: 'DISDIK', status: 'DISABLED', sort: 'role', size: '50' };
    const state = parseUsersQuery(query);
    expect(serializeUsersQuery(state)).toEqual(query);
    expect(usersWhere(state)).toEqual({ search: 'rina', roles: ['ADMIN', 'VIEWER'], unitSubtreeOf: 'DISDIK', status: 'DISABLED' });
    expect(usersOrderBy(state.sort)).toEqual([{ field: 'ROLE', direction: 'ASC' }, { field: 'EMAIL', direction: 'ASC' }]);
    expect(parseUsersQuery({ role: 'ROOT', status: 'GONE', sort: 'password' })).toMatchObject({ roles: [], status: null, sort: { field: 'email', direction: 'asc' } });
    expect(usersWhere(parseUsersQuery({}))).toBeNull();
  });
});
