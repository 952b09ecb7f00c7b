import type { idRecommendationsPages } from './recommendations.id';

/** English texts of recommendations, policy versions and the what-if simulator; the same keys as `recommendations.id.ts` (the type checks it). */
export const enRecommendationsPages: typeof idRecommendationsPages = {};
