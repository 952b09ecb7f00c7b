/** Indonesian texts of competency dictionary, trainings and stakeholder input; spread into `id.ts`. `catalogue.en.ts` must have the same shape. */
export const idCataloguePages = {};
