import { createApp } from 'vue';
import urql from '@urql/vue';
import AppRoot from './components/layout/app-root.vue';
import { createClient } from './graphql/client';
import { createAppI18n, storedLocale } from './i18n/i18n';
import { createAppRouter } from './router/routes';

const i18n = createAppI18n(storedLocale());
const client = createClient({ locale: () => i18n.global.locale.value });

createApp(AppRoot).use(i18n).use(createAppRouter()).use(urql, client).mount('#app');
