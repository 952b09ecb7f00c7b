import { Migration } from '@mikro-orm/migrations';

/**
 * One entry's changes in id order, paged: (entry_id, id) serves both the
 * look-up by entry (cascade deletes, the audit log's table filter) and the
 * order, so a page of a 19,000-row generateRecommendations entry reads only
 * its rows instead of sorting all of them. It replaces the entry_id index.
 */
export class Migration20261215000000_audit_change_entry_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "audit_change_entry_id_id_index" on "audit_change" ("entry_id", "id");`);
    this.addSql(`drop index "audit_change_entry_id_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "audit_change_entry_id_index" on "audit_change" ("entry_id");`);
    this.addSql(`drop index "audit_change_entry_id_id_index";`);
  }
}
