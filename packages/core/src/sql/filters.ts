import { ident, type SqlQuery, type SqlValue } from './quote.ts';

/** Column → accepted values. An empty list or a missing key means "no filter on that column". */
export type Filters = Record<string, SqlValue[] | undefined>;

/**
 * Compiles filters into a `WHERE`-ready predicate with bound values, restricted to the columns the
 * target table really has so a filter on another dataset's column is ignored rather than failing.
 */
export function filterPredicate(filters: Filters | undefined, columns: readonly string[]): SqlQuery {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, values] of Object.entries(filters ?? {})) {
    if (!values?.length || !columns.includes(column)) continue;
    parts.push(`${ident(column)} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { text: parts.length ? parts.join(' AND ') : 'TRUE', params };
}
