import type { idQueryBuilderPages } from './query-builder.id';

/** English texts of the analyst query builder; the same keys as `query-builder.id.ts` (the type checks it). */
export const enQueryBuilderPages: typeof idQueryBuilderPages = {};
