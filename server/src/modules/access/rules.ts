import type { Capability } from './viewer';

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
}

const READ: FieldRule = { requires: ['read'] };
/** Personnel data of the viewer's subtree; the database confines UNIT_ADMIN writes to it. */
const WRITE: FieldRule = { requires: ['write'] };
/** Catalogue and structure shared by all units: only unscoped writers. */
const WRITE_SHARED: FieldRule = { requires: ['write'], wholeOrganisation: true };
const ADMIN: FieldRule = { requires: ['admin'], wholeOrganisation: true };
const PUBLIC: FieldRule = { requires: [], public: true };

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
  exportDataset: ADMIN,
  users: ADMIN,
  apiKeys: ADMIN,
  auditLog: ADMIN,
  persistedOperations: ADMIN,
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
  createApiKey: ADMIN,
  revokeApiKey: ADMIN,
  registerPersistedOperation: ADMIN,
};

export type Decision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string };

export interface RuleSubject {
  signedIn: boolean;
  capabilities: ReadonlySet<Capability>;
  scoped: boolean;
}

export function decide(operation: 'query' | 'mutation' | 'subscription', field: string, who: RuleSubject): Decision {
  const table = operation === 'mutation' ? MUTATION_RULES : operation === 'query' ? QUERY_RULES : {};
  const rule = table[field];
  if (!rule) return { allowed: false, code: 'FORBIDDEN', reason: `${operation} field "${field}" has no access rule.` };
  if (rule.public) return { allowed: true };
  if (!who.signedIn) return { allowed: false, code: 'UNAUTHENTICATED', reason: `Sign in (or send an API key) to use "${field}".` };
  const missing = rule.requires.filter((c) => !who.capabilities.has(c));
  if (missing.length > 0) return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" needs the ${missing.join(', ')} permission.` };
  if (rule.wholeOrganisation && who.scoped) {
    return { allowed: false, code: 'FORBIDDEN', reason: `"${field}" works on the whole organisation; it is not available to viewers limited to a unit.` };
  }
  return { allowed: true };
}
