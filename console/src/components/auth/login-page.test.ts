import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createFakeClient, settle, type FakeHandler } from '../../testing/fake-client';
import { mountWithApp } from '../../testing/mount';
import { routes } from '../../router/routes';
import { createSession, installAuthGuard, safeRedirect, sessionKey } from '../../auth/session';
import LoginPage from './login-page.vue';

let mounted: VueWrapper | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const viewer = { __typename: 'Viewer', signedIn: true, kind: 'USER', label: 'admin@sikap.local', role: 'ADMIN', permissions: ['read', 'write'], unit: null };

function backend(login: FakeHandler) {
  return createFakeClient({ Login: login, Me: () => ({ data: { me: { ...viewer, signedIn: false, kind: 'ANONYMOUS', label: 'anonymous', role: null } } }) });
}

const type = (id: string, value: string) => {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"] input`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

async function mountLogin(fake: ReturnType<typeof backend>, route = '/login?redirect=/employees?q=siti') {
  const session = createSession(fake.client);
  const app = await mountWithApp(LoginPage, { client: fake.client, route, provide: { [sessionKey as symbol]: session } });
  mounted = app.wrapper;
  await settle();
  return { ...app, session };
}

function submit() {
  document.querySelector<HTMLFormElement>('[data-testid="login-page"] form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

describe('Sign-in page', () => {
  it('signs in and returns to the page that asked for it', async () => {
    const fake = backend(() => ({ data: { login: { __typename: 'LoginPayload', viewer, userErrors: [] } } }));
    const { router, session } = await mountLogin(fake);
    type('login-email', ' admin@sikap.local ');
    type('login-password', 'correct horse battery');
    await settle();
    submit();
    await settle();
    expect(fake.calls('Login')).toEqual([{ email: 'admin@sikap.local', password: 'correct horse battery' }]);
    expect(session.viewer.value?.label).toBe('admin@sikap.local');
    // The next page is a lazily loaded chunk; navigation ends when it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/employees?q=siti'), { timeout: 10_000 });
  });

  it('says the e-mail or password is wrong next to the password and clears it', async () => {
    const fake = backend(() => ({
      data: { login: { __typename: 'LoginPayload', viewer: null, userErrors: [{ __typename: 'UserError', field: 'password', code: 'INVALID', message: 'Wrong e-mail or password.' }] } },
    }));
    const { router } = await mountLogin(fake);
    type('login-email', 'admin@sikap.local');
    type('login-password', 'nope');
    await settle();
    submit();
    await settle();
    expect(document.querySelector('[data-testid="login-password-item"]')?.textContent).toContain('E-mail atau kata sandi salah.');
    expect(document.querySelector<HTMLInputElement>('[data-testid="login-password"] input')?.value).toBe('');
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('explains throttling', async () => {
    const fake = backend(() => ({ graphQLErrors: [{ message: 'Too many failed sign-ins; try again in 600 s.', extensions: { code: 'THROTTLED' } }] }));
    await mountLogin(fake);
    type('login-email', 'a@b.c');
    type('login-password', 'x');
    await settle();
    submit();
    await settle();
    expect(document.querySelector('[data-testid="login-error"]')?.textContent).toContain('Terlalu banyak percobaan gagal.');
  });
});

describe('route guard', () => {
  it('sends anonymous visitors to sign in with the way back, and lets signed-in ones through', async () => {
    let signedIn = false;
    const fake = createFakeClient({ Me: () => ({ data: { me: { ...viewer, signedIn } } }) });
    const session = createSession(fake.client);
    const router = createRouter({ history: createMemoryHistory(), routes });
    installAuthGuard(router, session);
    await router.push('/positions?q=kepala');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/positions?q=kepala');
    signedIn = true;
    await router.push('/positions');
    expect(router.currentRoute.value.name).toBe('positions');
    await router.push('/units');
    // Known to be signed in: the server is not asked again on every navigation.
    expect(fake.calls('Me')).toHaveLength(2);
  });

  it('follows only same-site redirects', () => {
    expect(safeRedirect('/units?q=1')).toBe('/units?q=1');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
