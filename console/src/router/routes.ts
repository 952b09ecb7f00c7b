import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { MessageSchema } from '../i18n/id';

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page's entry in the side menu; pages without one stay out of the menu. */
    menu?: `nav.${keyof MessageSchema['nav'] & string}`;
  }
}

/**
 * Only pages that exist are routed. Dashboard, competencies, positions, employees,
 * trainings, placement, recommendations, stakeholder input, import/export and
 * administration join here (and so in the menu) when they are built.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'units' } },
  {
    path: '/units',
    name: 'units',
    // Each page is its own chunk: the shell loads without the pages it does not show.
    component: () => import('../components/units/units-page.vue'),
    meta: { menu: 'nav.units' },
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'units' } },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({ history, routes });
}
