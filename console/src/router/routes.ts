import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { MessageSchema } from '../i18n/id';

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page's entry in the side menu; pages without one stay out of the menu. */
    menu?: `nav.${keyof MessageSchema['nav'] & string}`;
    /** Open without signing in; shown without the console's menu. */
    public?: boolean;
    /** A permission of the viewer (`me.permissions`) the page needs; the menu hides it from others and the page says "not allowed". */
    permission?: 'admin';
  }
}

/**
 * Only pages that exist are routed; each page is its own chunk, so the shell loads without the
 * pages it does not show (and the dashboard's charts load only with the dashboard).
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
    path: '/competencies',
    name: 'competencies',
    component: () => import('../components/competencies/competencies-page.vue'),
    meta: { menu: 'nav.competencies' },
  },
  {
    path: '/trainings',
    name: 'trainings',
    component: () => import('../components/trainings/trainings-page.vue'),
    meta: { menu: 'nav.trainings' },
  },
  {
    path: '/trainings/:code',
    name: 'training',
    component: () => import('../components/trainings/training-detail-page.vue'),
    props: (route) => ({ code: String(route.params.code) }),
  },
  {
    path: '/stakeholder',
    name: 'stakeholder',
    component: () => import('../components/stakeholder/stakeholder-page.vue'),
    meta: { menu: 'nav.stakeholder' },
  },
  {
    path: '/dataset',
    name: 'dataset',
    component: () => import('../components/dataset/dataset-page.vue'),
    meta: { menu: 'nav.dataset' },
  },
  {
    path: '/recommendations',
    name: 'recommendations',
    component: () => import('../components/recommendations/recommendations-page.vue'),
    meta: { menu: 'nav.recommendations' },
  },
  {
    path: '/recommendations/:id',
    name: 'recommendation',
    component: () => import('../components/recommendations/recommendation-detail-page.vue'),
    props: (route) => ({ id: String(route.params.id) }),
  },
  {
    path: '/policy',
    name: 'policy',
    component: () => import('../components/policy/policy-page.vue'),
    meta: { menu: 'nav.policy' },
  },
  {
    path: '/admin',
    name: 'admin',
    component: () => import('../components/admin/admin-page.vue'),
    redirect: { name: 'admin-users' },
    meta: { menu: 'nav.administration', permission: 'admin' },
    children: [
      { path: 'users', name: 'admin-users', component: () => import('../components/admin/users-page.vue') },
      { path: 'api-keys', name: 'admin-api-keys', component: () => import('../components/admin/api-keys-page.vue') },
      { path: 'audit', name: 'admin-audit', component: () => import('../components/admin/audit-page.vue') },
    ],
  },
  {
    // ?document=…&variables=…&saved=<id> opens the builder on that query (recommendations link their evidence here).
    path: '/query-builder',
    name: 'query-builder',
    component: () => import('../components/query-builder/query-builder-page.vue'),
    meta: { menu: 'nav.queryBuilder' },
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'dashboard' } },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({ history, routes });
}
