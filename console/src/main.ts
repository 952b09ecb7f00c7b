import { createApp } from 'vue';
import urql from '@urql/vue';
import AppRoot from './components/layout/app-root.vue';
import { createClient } from './graphql/client';
import { createAppI18n, storedLocale } from './i18n/i18n';
import { createAppRouter } from './router/routes';
import { createSession, installAuthGuard, sessionKey } from './auth/session';

const i18n = createAppI18n(storedLocale());
const router = createAppRouter();
const client = createClient({
  locale: () => i18n.global.locale.value,
  // A session that ended (expired, signed out elsewhere) sends the user to sign in and back here.
  onUnauthenticated: () => {
    session.forget();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  },
});
const session = createSession(client);
installAuthGuard(router, session);

createApp(AppRoot).use(i18n).use(router).use(urql, client).provide(sessionKey, session).mount('#app');
