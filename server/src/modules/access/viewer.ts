/**
 * Who is asking, reduced to what the rest of the server needs to decide:
 * capabilities (what may be done), a unit subtree (which rows may be seen)
 * and a rate budget. Users (by role) and API keys (by scopes) both map to
 * this one shape so every rule is written once.
 */
export const ROLES = ['ADMIN', 'UNIT_ADMIN', 'ANALYST', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const KEY_SCOPES = ['read', 'write', 'pii', 'introspection', 'admin'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** A capability; roles and key scopes are both translated into sets of these. */
export type Capability = KeyScope;

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  ADMIN: ['read', 'write', 'pii', 'introspection', 'admin'],
  UNIT_ADMIN: ['read', 'write', 'pii', 'introspection'],
  ANALYST: ['read', 'pii', 'introspection'],
  VIEWER: ['read', 'introspection'],
};

export type ViewerKind = 'anonymous' | 'user' | 'key';

export interface Viewer {
  kind: ViewerKind;
  /** Database id of the user or key; 0 for anonymous. */
  id: number;
  /** Human label for logs and the audit trail: an e-mail or `key:<name>`. */
  label: string;
  role: Role | null;
  capabilities: ReadonlySet<Capability>;
  /** Root unit of the row scope; null = every unit. */
  unitId: number | null;
  /** Session id when signed in by cookie or session token (logout ends it). */
  sessionId: number | null;
  /** Leaky-bucket capacity in cost points. */
  budget: number;
  /** Keys restricted to registered operations only. */
  persistedOnly: boolean;
}

export const ANONYMOUS: Viewer = {
  kind: 'anonymous', id: 0, label: 'anonymous', role: null, capabilities: new Set(), unitId: null, sessionId: null, budget: 0, persistedOnly: false,
};

export function can(viewer: Viewer, capability: Capability): boolean {
  return viewer.capabilities.has(capability);
}

/** Personal data (NIP, birth date, gender) is shown only with the pii capability. */
export function seesPersonalData(viewer: Viewer): boolean {
  return can(viewer, 'pii');
}

/** Default rate budget of signed-in users, in cost points (keys carry their own). */
export const DEFAULT_USER_BUDGET = 50_000;
export const DEFAULT_KEY_BUDGET = 10_000;
