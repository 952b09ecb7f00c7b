import { MUTATION_RULES, QUERY_RULES, type FieldRule } from '../access/rules';

/**
 * Access rules for the root fields of the recommendation and policy
 * modules. The authorisation table in access/rules.ts refuses fields it does
 * not list; until these lines move there, they are added here, only where
 * the table has no decision of its own (`??=`), so the table always wins.
 */
const READ: FieldRule = { requires: ['read'] };
const WRITE: FieldRule = { requires: ['write'] };
/** Whole-organisation changes: every unit's recommendations, the policy everyone is measured by. */
const ADMIN: FieldRule = { requires: ['admin'], wholeOrganisation: true };

const queries: Record<string, FieldRule> = {
  recommendations: READ,
  policyVersions: READ,
  activePolicy: READ,
  comparePolicyVersions: READ,
  simulatePolicy: READ,
  simulateStandard: READ,
};
const mutations: Record<string, FieldRule> = {
  generateRecommendations: ADMIN,
  setRecommendationStatus: WRITE,
  createPolicyVersion: ADMIN,
  updatePolicyVersion: ADMIN,
  activatePolicyVersion: ADMIN,
};

export function registerRecommendationAccessRules(): void {
  for (const [field, rule] of Object.entries(queries)) QUERY_RULES[field] ??= rule;
  for (const [field, rule] of Object.entries(mutations)) MUTATION_RULES[field] ??= rule;
}
