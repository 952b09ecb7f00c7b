import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { RouterView } from 'vue-router';
import type { VueWrapper } from '@vue/test-utils';
import { createFakeClient, settle } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { sessionKey } from '../../auth/session';
import AppLayout from '../layout/app-layout.vue';
import { fakeSession, unitOptions, users, usersPage, viewerOf } from './admin-fixture';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

// The shell renders pages through the router, so administration's tabs render inside it as in the app.
const Shell = defineComponent({ setup: () => () => h(RouterView) });

function backend() {
  return createFakeClient({ AdminUsers: (v) => usersPage(users, v), UnitOptions: unitOptions });
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('Administration shell', () => {
  it('shows the tabs and the users page to an ADMIN', async () => {
    const fake = backend();
    const app = await mountWithApp(Shell, { client: fake.client, route: '/admin', provide: { [sessionKey as symbol]: fakeSession(viewerOf('ADMIN')) } });
    mounted = app.wrapper;
    await settle();
    expect(app.router.currentRoute.value.name).toBe('admin-users');
    expect(text(byTestId('admin-tabs'))).toContain('Kunci API');
    expect(document.querySelector(byTestId('admin-tab-admin-audit'))?.getAttribute('href')).toBe('/admin/audit');
    expect(document.querySelector(byTestId('users-page'))).not.toBeNull();
    expect(fake.calls('AdminUsers')).toHaveLength(1);
  });

  it('tells other roles they are not allowed, without asking the server for administration data', async () => {
    const fake = backend();
    const app = await mountWithApp(Shell, { client: fake.client, route: '/admin/api-keys', provide: { [sessionKey as symbol]: fakeSession(viewerOf('UNIT_ADMIN', 'rina@pemko.go.id')) } });
    mounted = app.wrapper;
    await settle();
    expect(text(byTestId('admin-forbidden'))).toContain('Tidak diizinkan');
    expect(text(byTestId('admin-forbidden'))).toContain('Admin unit');
    expect(document.querySelector(byTestId('admin-tabs'))).toBeNull();
    expect(fake.operations).toHaveLength(0);
  });

  it('keeps administration out of the menu for non-admins', async () => {
    for (const [role, shown] of [['ADMIN', true], ['ANALYST', false]] as const) {
      const fake = backend();
      const app = await mountWithApp(AppLayout, { client: fake.client, route: '/admin/users', provide: { [sessionKey as symbol]: fakeSession(viewerOf(role)) } });
      mounted = app.wrapper;
      await settle();
      expect(text(byTestId('side-menu')).includes('Administrasi'), role).toBe(shown);
      expect(text(byTestId('side-menu')), role).toContain('Pegawai');
      mounted.unmount();
      mounted = null;
      document.body.innerHTML = '';
    }
  });
});
