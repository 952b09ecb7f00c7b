/** Indonesian texts of recommendations, policy versions and the what-if simulator; spread into `id.ts`. `recommendations.en.ts` must have the same shape. */
export const idRecommendationsPages = {};
