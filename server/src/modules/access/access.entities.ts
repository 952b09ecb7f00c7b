import { AppUser } from './app-user.entity';
import { Session } from './session.entity';
import { ApiKey } from './api-key.entity';
import { PersistedOperation } from './persisted-operation.entity';
import { AuditChange, AuditEntry } from './audit-entry.entity';

/** The access module's tables, spliced into the ORM's entity list in one line. */
export const accessEntities = [AppUser, Session, ApiKey, PersistedOperation, AuditEntry, AuditChange];
