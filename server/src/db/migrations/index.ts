import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129034604_initial } from './Migration20261129034604_initial';
import { Migration20261129040938_assignment_plans } from './Migration20261129040938_assignment_plans';
import { Migration20261129045500_competency_level_latest } from './Migration20261129045500_competency_level_latest';
import { Migration20261201000000_access } from './Migration20261201000000_access';
import { Migration20261202000000_recommendations } from './Migration20261202000000_recommendations';
import { Migration20261203000000_row_scope_recommendations } from './Migration20261203000000_row_scope_recommendations';
import { Migration20261204100000_user_name } from './Migration20261204100000_user_name';
import { Migration20261205000000_saved_queries } from './Migration20261205000000_saved_queries';
import { Migration20261210000000_competency_level_vector } from './Migration20261210000000_competency_level_vector';
import { Migration20261215000000_audit_change_entry_order } from './Migration20261215000000_audit_change_entry_order';

/**
 * Migrations are listed explicitly (not globbed) so they load the same way
 * under tsx, vitest and any bundler.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129034604_initial', class: Migration20261129034604_initial },
  { name: 'Migration20261129040938_assignment_plans', class: Migration20261129040938_assignment_plans },
  { name: 'Migration20261129045500_competency_level_latest', class: Migration20261129045500_competency_level_latest },
  { name: 'Migration20261201000000_access', class: Migration20261201000000_access },
  { name: 'Migration20261202000000_recommendations', class: Migration20261202000000_recommendations },
  { name: 'Migration20261203000000_row_scope_recommendations', class: Migration20261203000000_row_scope_recommendations },
  { name: 'Migration20261204100000_user_name', class: Migration20261204100000_user_name },
  { name: 'Migration20261205000000_saved_queries', class: Migration20261205000000_saved_queries },
  { name: 'Migration20261210000000_competency_level_vector', class: Migration20261210000000_competency_level_vector },
  { name: 'Migration20261215000000_audit_change_entry_order', class: Migration20261215000000_audit_change_entry_order },
];
