import { defineComponent, h, type Component } from 'vue';
import { mount } from '@vue/test-utils';
import urql, { type Client } from '@urql/vue';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router';
import { createAppI18n, type Locale } from '../i18n/i18n';
import { routes } from '../router/routes';

/** Mounts a component the way the app shell does: i18n, router, urql and Naive UI's providers. */
export async function mountWithApp(component: Component, options: { client: Client; props?: Record<string, unknown>; route?: RouteLocationRaw; locale?: Locale; provide?: Record<string | symbol, unknown> }) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(options.route ?? '/units');
  await router.isReady();
  const i18n = createAppI18n(options.locale ?? 'id');
  const host = defineComponent({
    setup: () => () => h(NMessageProvider, null, () => h(NDialogProvider, null, () => h(component, options.props ?? {}))),
  });
  const wrapper = mount(host, {
    attachTo: document.body,
    global: { plugins: [[urql, options.client], i18n, router], provide: options.provide ?? {} },
  });
  return { wrapper, router, i18n };
}
