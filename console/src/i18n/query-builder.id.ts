/** Indonesian texts of the analyst query builder; spread into `id.ts`. `query-builder.en.ts` must have the same shape. */
export const idQueryBuilderPages = {};
