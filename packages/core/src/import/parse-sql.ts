import type { FieldDef } from '../schema/types.ts';
import { literal } from '../sql/quote.ts';

/**
 * SQL expressions that turn one raw VARCHAR cell (`v`, already trimmed, '' → NULL) into the canonical
 * type. They run inside DuckDB so a million rows never pass through JavaScript.
 */

/** Date-time forms seen in exports; `%-m`-style non-padded values are accepted by strptime's %m/%d. */
export const DATETIME_FORMATS = [
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%Y年%m月%d日 %H:%M:%S',
  '%Y年%m月%d日 %H:%M',
  '%Y%m%d%H%M%S',
  '%Y-%m-%d',
  '%Y/%m/%d',
  '%Y年%m月%d日',
  '%Y%m%d',
];

const formatList = `[${DATETIME_FORMATS.map(literal).join(', ')}]`;

const TRUE_WORDS = ['是', 'y', 'yes', '1', 'true', 't', '√'];
const FALSE_WORDS = ['否', 'n', 'no', '0', 'false', 'f', '×'];
const inList = (words: string[]) => words.map(literal).join(', ');

export function parseExpression(field: FieldDef, v: string): string {
  switch (field.type) {
    case 'string':
      return v;
    case 'int':
      return `TRY_CAST(${v} AS INTEGER)`;
    case 'decimal':
      // "1,234.50元", "3.2万元"
      return `CASE WHEN ${v} LIKE '%万元' THEN TRY_CAST(replace(replace(${v}, ',', ''), '万元', '') AS DOUBLE) * 10000
        ELSE TRY_CAST(replace(replace(${v}, ',', ''), '元', '') AS DOUBLE) END`;
    case 'bool':
      return `CASE WHEN lower(${v}) IN (${inList(TRUE_WORDS)}) THEN TRUE
        WHEN lower(${v}) IN (${inList(FALSE_WORDS)}) THEN FALSE END`;
    case 'datetime':
      return `try_strptime(${v}, ${formatList})`;
    case 'date':
      return `CAST(try_strptime(${v}, ${formatList}) AS DATE)`;
    case 'enum': {
      const arms = (field.enum ?? []).flatMap((e) =>
        [e.code, ...e.zh].map((label) => `WHEN ${literal(label.toLowerCase())} THEN ${literal(e.code)}`),
      );
      return `CASE lower(${v}) ${arms.join(' ')} END`;
    }
    case 'limit':
      throw new Error('limit fields expand to two columns; use limitExpressions');
  }
}

/** "20个工作日" → (20, 'wd'); "即办" → (0, 'instant'); "无期限" → (NULL, 'none'); a bare number → working days. */
export function limitExpressions(v: string): { value: string; unit: string } {
  const num = `TRY_CAST(regexp_extract(${v}, '([0-9]+)', 1) AS INTEGER)`;
  const unit = `CASE
    WHEN ${v} IN ('即办', '当场办结', '立即') THEN 'instant'
    WHEN ${v} IN ('无期限', '无', '不限') THEN 'none'
    WHEN regexp_full_match(${v}, '[0-9]+') THEN 'wd'
    WHEN regexp_full_match(${v}, '[0-9]+\\s*个?\\s*工作日') THEN 'wd'
    WHEN regexp_full_match(${v}, '[0-9]+\\s*个?\\s*(自然日|日|天)') THEN 'cd'
    WHEN regexp_full_match(${v}, '[0-9]+\\s*个?\\s*小时') THEN 'h'
    WHEN regexp_full_match(${v}, '[0-9]+\\s*个?\\s*月') THEN 'm'
    WHEN regexp_full_match(${v}, '[0-9]+\\s*个?\\s*年') THEN 'y'
  END`;
  return {
    unit,
    value: `CASE WHEN ${v} IN ('即办', '当场办结', '立即') THEN 0 WHEN ${v} IN ('无期限', '无', '不限') THEN NULL ELSE ${num} END`,
  };
}

/** DuckDB column type a canonical field is stored as. */
export function sqlType(field: FieldDef): string {
  switch (field.type) {
    case 'int':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'bool':
      return 'BOOLEAN';
    case 'datetime':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    default:
      return 'VARCHAR';
  }
}
