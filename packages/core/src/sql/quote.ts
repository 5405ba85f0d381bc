/**
 * SQL quoting. Identifiers are always double-quoted; user-supplied *values* are bound as parameters
 * (see `SqlQuery`). `literal` is only for constants the library itself owns (formats, enum labels of the
 * canonical schema, registered file paths) and doubles every quote so it cannot end the string early.
 */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  if (value.includes('\0')) throw new Error('SQL literal may not contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

export type SqlValue = string | number | boolean | null;

/** A statement with positional `?` placeholders and the values bound to them. */
export interface SqlQuery {
  text: string;
  params: SqlValue[];
}

export const sql = (text: string, params: SqlValue[] = []): SqlQuery => ({ text, params });
