/**
 * A minimal parameterised SQL fragment. Values are always bound (`?`
 * placeholders, as MikroORM's knex connection expects), never spliced, so
 * filters built from user input cannot inject SQL.
 */
export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && 'text' in value && 'params' in value && Array.isArray((value as Sql).params);
}

/** Tagged template: interpolated Sql fragments are inlined, anything else becomes a bound parameter. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1]!;
  });
  return { text, params };
}

/** Trusted SQL text (identifiers and expressions written in code, never user input). */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export function join(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  };
}

/** `(a) and (b) …`, or `true` when there is nothing to require. */
export function and(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return raw('true');
  return join(parts.map((p) => sql`(${p})`), ' and ');
}

export function or(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return raw('false');
  return join(parts.map((p) => sql`(${p})`), ' or ');
}

/** `in (?, ?, …)` with one placeholder per value; an empty list matches nothing. */
export function inList(column: Sql, values: readonly unknown[]): Sql {
  if (values.length === 0) return raw('false');
  return sql`${column} in (${join(values.map((v) => sql`${v}`), ', ')})`;
}
