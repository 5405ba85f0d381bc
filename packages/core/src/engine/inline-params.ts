import { literal, type SqlValue } from '../sql/quote.ts';

/** A value as a SQL literal: strings quoted (quotes doubled), numbers parenthesised so `x - ?` never becomes `x --5`. */
export function valueLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `(CAST(${literal(String(value))} AS DOUBLE))`;
    return Number.isInteger(value) ? `(${value})` : `(CAST(${literal(String(value))} AS DOUBLE))`;
  }
  return literal(value);
}

/** Index just past the quoted run that starts at `start` (a doubled quote stays inside it). */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  throw new Error('SQL has an unterminated quoted string');
}

/**
 * Replaces each positional `?` placeholder outside strings, identifiers and comments with its value as a
 * literal. Servers speaking Mosaic's REST protocol take bare SQL, so values cannot be bound there; this
 * keeps them values all the same (a string can never end its quotes early: see `literal`).
 */
export function inlineParams(sql: string, params: readonly SqlValue[]): string {
  let out = '';
  let used = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    let end = i + 1;
    if (c === "'" || c === '"') end = endOfQuoted(sql, i, c);
    else if (c === '-' && sql[i + 1] === '-') end = sql.includes('\n', i) ? sql.indexOf('\n', i) : sql.length;
    else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new Error('SQL has an unterminated comment');
      end = close + 2;
    } else if (c === '?') {
      if (used >= params.length)
        throw new Error(`SQL has more placeholders than the ${params.length} values given`);
      out += valueLiteral(params[used++] as SqlValue);
      i = end;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  if (used !== params.length) throw new Error(`SQL has ${used} placeholders for ${params.length} values`);
  return out;
}
