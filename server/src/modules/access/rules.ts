import type { Capability, Role } from './viewer';

/**
 * The authorisation table: every root Query and Mutation field has exactly
 * one rule here. A field missing from the table is refused at run time and
 * fails the generated matrix test (access-matrix.e2e.test.ts), so adding a
 * field forces a decision about who may use it.
 *
 * Row scope (which units' rows) is not decided here: the database applies it
 * to every statement of a scoped viewer (graphql/data-scope.ts). Field scope
 * (personal data) is on the fields themselves (graphql/personal-data.ts).
 */
export interface FieldRule {
  /** Capabilities all required; empty + `public` = open to anonymous callers. */
  requires: readonly Capability[];
  /** Open to anonymous callers (sign-in, `me`). */
  public?: boolean;
  /**
   * Refused for unit-scoped viewers: the field works on the whole
   * organisation (catalogue, unit tree, whole-database import/export)
   * where a subtree makes no sense.
   */
  wholeOrganisation?: boolean;
  /** Refused for API keys: a signed-in person's own workspace (saved queries). */
  usersOnly?: boolean;
  /** Only users holding one of these roles (implies usersOnly). */
  roles?: readonly Role[];
}

const READ: FieldRule = { requires: ['read'] };
/** Personnel data of the viewer's subtree; the database confines UNIT_ADMIN writes to it. */
const WRITE: FieldRule = { requires: ['write'] };
/** Catalogue and structure shared by all units: only unscoped writers. */
const WRITE_SHARED: FieldRule = { requires: ['write'], wholeOrganisation: true };
const ADMIN: FieldRule = { requires: ['admin'], wholeOrganisation: true };
/** Administration that returns personnel rows verbatim (NIPs, birth dates): an admin key needs pii too. */
const ADMIN_PII: FieldRule = { requires: ['admin', 'pii'], wholeOrganisation: true };
const PUBLIC: FieldRule = { requires: [], public: true };
/** Saved queries are people's work: read by signed-in users, written by the roles that analyse. */
const SAVED_QUERY_READ: FieldRule = { requires: ['read'], usersOnly: true };
const SAVED_QUERY_WRITE: FieldRule = { requires: ['read'], roles: ['ADMIN', 'UNIT_ADMIN', 'ANALYST'] };

export const QUERY_RULES: Record<string, FieldRule> = {
  __typename: PUBLIC,
  __schema: { requires: ['introspection'] },
  __type: { requires: ['introspection'] },
  me: PUBLIC,
  node: READ,
  nodes: READ,
  unit: READ,
  units: READ,
  competency: READ,
  competencies: READ,
  position: READ,
  positions: READ,
  // Looking an employee up by NIP confirms who owns a NIP: personal data.
  employee: { requires: ['read', 'pii'] },
  employees: READ,
  employeeAggregate: READ,
  competencyShortfalls: READ,
  stakeholderInputs: READ,
  training: READ,
  trainings: READ,
  assignmentPlan: READ,
  savedAssignmentPlan: READ,
  activePolicy: READ,
  policyVersions: READ,
  comparePolicyVersions: READ,
  recommendations: READ,
  simulatePolicy: READ,
  simulateStandard: READ,
  exportDataset: ADMIN_PII,
  users: ADMIN,
  apiKeys: ADMIN,
  auditLog: ADMIN_PII,
  auditEntry: ADMIN_PII,
  persistedOperations: ADMIN,
  savedQueries: SAVED_QUERY_READ,
  savedQuery: SAVED_QUERY_READ,
  // Computes a cost without running anything; partners may plan their calls with it.
  estimateCost: READ,
};

export const MUTATION_RULES: Record<string, FieldRule> = {
  __typename: PUBLIC,
  login: PUBLIC,
  logout: PUBLIC,
  createUnit: WRITE_SHARED,
  updateUnit: WRITE_SHARED,
  deleteUnit: WRITE_SHARED,
  createCompetency: WRITE_SHARED,
  updateCompetency: WRITE_SHARED,
  deleteCompetency: WRITE_SHARED,
  createTraining: WRITE_SHARED,
  updateTraining: WRITE_SHARED,
  deleteTraining: WRITE_SHARED,
  createPosition: WRITE,
  updatePosition: WRITE,
  deletePosition: WRITE,
  setPositionRequirements: WRITE,
  createEmployee: WRITE,
  updateEmployee: WRITE,
  deleteEmployee: WRITE,
  recordAssessment: WRITE,
  updateAssessment: WRITE,
  deleteAssessment: WRITE,
  createAppraisal: WRITE,
  updateAppraisal: WRITE,
  deleteAppraisal: WRITE,
  createTrainingParticipation: WRITE,
  updateTrainingParticipation: WRITE,
  deleteTrainingParticipation: WRITE,
  createTrainingEvaluation: WRITE,
  updateTrainingEvaluation: WRITE,
  deleteTrainingEvaluation: WRITE,
  createStakeholderInput: WRITE,
  updateStakeholderInput: WRITE,
  deleteStakeholderInput: WRITE,
  saveAssignmentPlan: WRITE,
  applyAssignmentPlan: WRITE,
  // Policy parameters and the recommendation run apply to the whole city.
  createPolicyVersion: WRITE_SHARED,
  updatePolicyVersion: WRITE_SHARED,
  activatePolicyVersion: WRITE_SHARED,
  generateRecommendations: WRITE_SHARED,
  setRecommendationStatus: WRITE,
  importDataset: ADMIN,
  createUser: ADMIN,
  updateUser: ADMIN,
  disableUser: ADMIN,
  enableUser: ADMIN,
  resetUserPassword: ADMIN,
  createApiKey: ADMIN,
  revokeApiKey: ADMIN,
  registerPersistedOperation: ADMIN,
  saveQuery: SAVED_QUERY_WRITE,
  deleteSavedQuery: SAVED_QUERY_WRITE,
  publishSavedQuery: { requires: ['admin'], roles: ['ADMIN'], wholeOrganisation: true },
};

export type Decision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string };

export interface RuleSubject {
  signedIn: boolean;
  capabilities: ReadonlySet<Capability>;
  scoped: boolean;
  /** The caller is an API key (not a signed-in user). */
  apiKey?: boolean;
  /** Role of a signed-in user; null for keys. */
  role?: Role | null;
}

export function decide(operation: 'query' | 'mutation' | 'subscription', field: string, who: RuleSubject): Decision {
  const table = operation === 'mutation' ? MUTATION_RULES : operation === 'query' ? QUERY_RULES : {};
  const rule = table[field];
  if (!rule) return { allowed: false, code: 'FORBIDDEN', reason: `${operation} field "${field}" has no access rule.` };
  if (rule.public) return { allowed: true };
  if (!who.signedIn) return { allowed: false, code: 'UNAUTHENTICATED', reason: `Sign in (or send an API key) to use "${field}".` };
  const missing = rule.requires.filter((c) => !who.capabilities.has(c));
  if (missing.length > 0) return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" needs the ${missing.join(', ')} permission.` };
  if ((rule.usersOnly || rule.roles) && who.apiKey) return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" is for signed-in users, not API keys.` };
  if (rule.roles && !rule.roles.includes(who.role as Role)) return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" needs one of the roles ${rule.roles.join(', ')}.` };
  if (rule.wholeOrganisation && who.scoped) {
    return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" works on the whole organisation; it is not available to viewers limited to a unit.` };
  }
  return { allowed: true };
}
