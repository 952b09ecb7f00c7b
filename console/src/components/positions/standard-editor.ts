import type { RequirementInput } from '../../graphql/generated/graphql';
import type { UserError } from '../../composables/use-mutation-form';

/** One editable line of a competency standard. `key` keeps Vue's rows stable while lines move. */
export interface StandardRow {
  key: number;
  competency: string | null;
  level: number | null;
}

let nextKey = 0;
export const newRow = (competency: string | null = null, level: number | null = null): StandardRow => ({ key: ++nextKey, competency, level });

export function rowsFrom(requirements: readonly { level: number; competency: { id: string } }[]): StandardRow[] {
  return requirements.map((r) => newRow(r.competency.id, r.level));
}

/**
 * What is sent: every line, in order, so the server's `requirements[i]` paths point at the
 * row the user sees. Empty cells are sent as they are and refused by the server next to the row
 * (level 0 and an empty id are outside what the API accepts).
 */
export function toRequirements(rows: readonly StandardRow[]): RequirementInput[] {
  return rows.map((r) => ({ competency: r.competency ?? '', level: r.level ?? 0 }));
}

export const sameStandard = (a: readonly StandardRow[], b: readonly StandardRow[]): boolean =>
  a.length === b.length && a.every((r, i) => r.competency === b[i]?.competency && r.level === b[i]?.level);

export interface RowErrors {
  competency?: UserError;
  level?: UserError;
}

/** `requirements[2].level` → row 2, level column; anything else is an error of the whole standard. */
export function placeStandardErrors(errors: readonly UserError[]): { rows: Map<number, RowErrors>; general: UserError[] } {
  const rows = new Map<number, RowErrors>();
  const general: UserError[] = [];
  for (const e of errors) {
    const m = e.field ? /^(?:input\.)?requirements\[(\d+)\](?:\.(competency|level))?$/.exec(e.field) : null;
    if (!m) {
      general.push(e);
      continue;
    }
    const index = Number(m[1]);
    const column = (m[2] ?? 'competency') as keyof RowErrors;
    const row = rows.get(index) ?? {};
    row[column] ??= e;
    rows.set(index, row);
  }
  return { rows, general };
}
