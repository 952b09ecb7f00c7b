/**
 * Row scope for tables that carry unit membership. A table whose rows belong
 * to a unit (directly, or through a position or employee) gets a row-level
 * security policy reading the transaction-local setting `sikap.unit_scope`
 * (see graphql/data-scope.ts). Use these in a migration when adding such a
 * table; access/row-scope-coverage.test.ts fails for a table with a
 * unit_id/position_id/employee_id column and no policy.
 */
export const SCOPE_SETTING = `nullif(current_setting('sikap.unit_scope', true), '')`;
export const UNITS_IN_SCOPE = `(select unnest(string_to_array(${SCOPE_SETTING}, ',')::int[]))`;

/** Ready-made conditions: a row is visible when its anchor is. */
export const IN_SCOPE = {
  unit: (column = 'unit_id') => `${column} in ${UNITS_IN_SCOPE}`,
  // The subqueries read position/employee under their own policies: one definition of the subtree.
  position: (column = 'position_id') => `${column} in (select s.id from position s)`,
  employee: (column = 'employee_id') => `${column} in (select s.id from employee s)`,
} as const;

/** Statements enabling the scope policy on a table; unset setting = unrestricted. */
export function rowScopeStatements(table: string, condition: string): string[] {
  return [
    `alter table "${table}" enable row level security;`,
    `alter table "${table}" force row level security;`,
    `drop policy if exists "sikap_unit_scope" on "${table}";`,
    `create policy "sikap_unit_scope" on "${table}" using (${SCOPE_SETTING} is null or (${condition}));`,
  ];
}

export function dropRowScopeStatements(table: string): string[] {
  return [
    `drop policy if exists "sikap_unit_scope" on "${table}";`,
    `alter table "${table}" no force row level security;`,
    `alter table "${table}" disable row level security;`,
  ];
}
