import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129034604_initial } from './Migration20261129034604_initial';

/**
 * Migrations are listed explicitly (not globbed) so they load the same way
 * under tsx, vitest and any bundler.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129034604_initial', class: Migration20261129034604_initial },
];
