import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { MessageSchema } from '../i18n/id';

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page's entry in the side menu; pages without one stay out of the menu. */
    menu?: `nav.${keyof MessageSchema['nav'] & string}`;
    /** Open without signing in; shown without the console's menu. */
    public?: boolean;
  }
}

/**
 * Only pages that exist are routed; each page is its own chunk, so the shell loads without the
 * pages it does not show (and the dashboard's charts load only with the dashboard).
 * Competencies, trainings, recommendations, stakeholder input and administration join here
 * (and so in the menu) when they are built.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'dashboard' } },
  {
    path: '/login',
    name: 'login',
    component: () => import('../components/auth/login-page.vue'),
    meta: { public: true },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('../components/dashboard/dashboard-page.vue'),
    meta: { menu: 'nav.dashboard' },
  },
  {
    path: '/employees',
    name: 'employees',
    component: () => import('../components/employees/employees-page.vue'),
    meta: { menu: 'nav.employees' },
  },
  {
    path: '/employees/:nip',
    name: 'employee',
    component: () => import('../components/employees/employee-profile-page.vue'),
    props: (route) => ({ nip: String(route.params.nip) }),
  },
  {
    path: '/positions',
    name: 'positions',
    component: () => import('../components/positions/positions-page.vue'),
    meta: { menu: 'nav.positions' },
  },
  {
    path: '/positions/:code',
    name: 'position',
    component: () => import('../components/positions/position-detail-page.vue'),
    props: (route) => ({ code: String(route.params.code) }),
  },
  {
    path: '/placement',
    name: 'placement',
    component: () => import('../components/placement/placement-page.vue'),
    meta: { menu: 'nav.placement' },
  },
  {
    path: '/units',
    name: 'units',
    component: () => import('../components/units/units-page.vue'),
    meta: { menu: 'nav.units' },
  },
  {
    path: '/dataset',
    name: 'dataset',
    component: () => import('../components/dataset/dataset-page.vue'),
    meta: { menu: 'nav.dataset' },
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'dashboard' } },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({ history, routes });
}
