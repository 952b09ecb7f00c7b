import type { idAdminPages } from './admin.id';

/** English texts of administration (users, API keys, audit log); the same keys as `admin.id.ts` (the type checks it). */
export const enAdminPages: typeof idAdminPages = {};
