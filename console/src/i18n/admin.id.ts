/** Indonesian texts of administration (users, API keys, audit log); spread into `id.ts`. `admin.en.ts` must have the same shape. */
export const idAdminPages = {};
