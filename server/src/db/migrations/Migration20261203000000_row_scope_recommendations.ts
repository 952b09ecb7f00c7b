import { Migration } from '@mikro-orm/migrations';
import { dropRowScopeStatements, IN_SCOPE, rowScopeStatements } from '../row-scope';

/**
 * Recommendations name a unit, position and/or employee: a scoped viewer
 * sees those anchored in its subtree only. Organisation-wide ones (no
 * anchor) summarise every unit, so they are hidden from scoped viewers too.
 */
const RECOMMENDATION = `(unit_id is not null or position_id is not null or employee_id is not null)
  and (unit_id is null or ${IN_SCOPE.unit()})
  and (position_id is null or ${IN_SCOPE.position()})
  and (employee_id is null or ${IN_SCOPE.employee()})`;

export class Migration20261203000000_row_scope_recommendations extends Migration {

  override async up(): Promise<void> {
    for (const s of rowScopeStatements('recommendation', RECOMMENDATION)) this.addSql(s);
    for (const s of rowScopeStatements('recommendation_status_change', 'recommendation_id in (select s.id from recommendation s)')) this.addSql(s);
    this.addSql(`create trigger "sikap_audit" after insert or update or delete on "recommendation_status_change" for each row when (current_setting('sikap.audit_id', true) <> '') execute function sikap_audit_row();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "sikap_audit" on "recommendation_status_change";');
    for (const s of dropRowScopeStatements('recommendation_status_change')) this.addSql(s);
    for (const s of dropRowScopeStatements('recommendation')) this.addSql(s);
  }

}
