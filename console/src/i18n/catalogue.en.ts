import type { idCataloguePages } from './catalogue.id';

/** English texts of competency dictionary, trainings and stakeholder input; the same keys as `catalogue.id.ts` (the type checks it). */
export const enCataloguePages: typeof idCataloguePages = {};
