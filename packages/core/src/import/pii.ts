import type { Engine } from '../engine/types.ts';
import { ident } from '../sql/quote.ts';
import type { Binder } from './parse-sql.ts';

/**
 * Personal data in extra columns (DOMAIN §7.0: never keep raw 证件号码 / 手机号). A column is personal when
 * most of its sampled values look like personal data (its header only tells which kind to look for).
 * - mask (default): keep a recognisable remainder (110105********002X, 138****5678, 张*);
 * - hash: SHA-256 of salt + value, so rows can still be matched without the value;
 * - drop: leave the column out; keep: store as is (the host takes responsibility).
 */
export type PiiAction = 'mask' | 'hash' | 'drop' | 'keep';
export type PiiKind = 'id_number' | 'phone' | 'name';

export interface PiiColumn {
  column: string;
  kind: PiiKind;
  action: PiiAction;
}

/**
 * What a header suggests, by whole words: ASCII headers are split into words (camelCase, `_`, `-`, digits),
 * so `MobileOS` is the words mobile + os and `IDE版本` has no word "id"; Chinese headers by the words they
 * contain. A suggestion is only a suggestion: the column's values decide (see `detectPii`).
 */
export function headerSuggests(header: string): PiiKind | undefined {
  const words = (header.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []).map((w) => w.toLowerCase());
  const has = (...ws: string[]) => ws.some((w) => words.includes(w));
  const pair = (a: string, b: string) => words.some((w, i) => w === a && words[i + 1] === b);
  if (
    /证件号|身份证|证件编号/.test(header) ||
    has('idcard', 'idno', 'ssn', 'passport') ||
    pair('id', 'card') ||
    pair('id', 'number') ||
    pair('id', 'no')
  )
    return 'id_number';
  if (/手机|电话|联系方式/.test(header) || has('phone', 'mobile', 'tel', 'telephone', 'cellphone', 'cell'))
    return 'phone';
  const nameWords = words.join(' ');
  if (
    /姓名|联系人|申请人$|经办人$/.test(header) ||
    ['name', 'fullname', 'full name', 'surname', 'first name', 'last name', 'firstname', 'lastname'].includes(
      nameWords,
    )
  )
    return 'name';
  return undefined;
}

/** Value tests, strict for columns whose header says nothing, loose for columns whose header suggests the kind. */
const STRICT_ID = (v: string) => `regexp_full_match(${v}, '[1-9][0-9]{16}[0-9Xx]')`;
const STRICT_PHONE = (v: string) => `regexp_full_match(${v}, '(\\+?86[- ]?)?1[3-9][0-9]{9}')`;
const digits = (v: string) => `length(regexp_replace(${v}, '[^0-9]', '', 'g'))`;
const LOOSE: Record<PiiKind, (v: string) => string> = {
  // 18- or 15-digit resident IDs, passports and other document numbers: letters and digits, mostly digits.
  id_number: (v) => `(regexp_full_match(${v}, '[0-9A-Za-z-]{6,24}') AND ${digits(v)} >= 4)`,
  // Mobile and landline numbers with separators: 7 to 15 digits.
  phone: (v) => `(regexp_full_match(${v}, '\\+?[0-9][0-9 ()-]*[0-9]') AND ${digits(v)} BETWEEN 7 AND 15)`,
  // A person's name is short and has no digits.
  name: (v) => `(length(${v}) <= 30 AND NOT regexp_matches(${v}, '[0-9]'))`,
};

/** Share of the sampled non-empty values `v` passing `test`. */
const share = (test: (v: string) => string) =>
  `avg(CASE WHEN ${test('trim(v)')} THEN 1.0 WHEN trim(v) <> '' THEN 0.0 END)`;

/** Rows sampled per column: 1,000, fewer for very wide files (at most 200,000 cells, at least 50 rows). */
const sampleRows = (columns: number) => Math.max(50, Math.min(1000, Math.floor(200_000 / columns)));

type Shares = Record<'id' | 'ph' | 'l_id_number' | 'l_phone' | 'l_name', number | null>;

/**
 * Finds personal columns among `headers` (extra columns of a file). More than half of a column's sampled
 * values must look the part: like a document number, a phone number or a name when the header suggests
 * so (`headerSuggests`), like a resident ID or a mobile number when it does not. A header alone never
 * masks a column (`MobileOS` holding iOS / Android is not a phone column). `relation`: the rows for a FROM
 * clause (a quoted table name, or a reader its LIMIT stops early); the sample is its first rows.
 */
export async function detectPii(
  engine: Engine,
  relation: string,
  headers: readonly string[],
): Promise<Map<string, PiiKind>> {
  const found = new Map<string, PiiKind>();
  if (!headers.length) return found;
  // One row per (column, value) of the sample, so the work grows with the cells, not with the square of
  // the column count (one wide SELECT of several aggregates per column took 3 s for 500 columns).
  const t = await engine.query(
    `SELECT h, ${share(STRICT_ID)} AS id, ${share(STRICT_PHONE)} AS ph,
       ${(Object.keys(LOOSE) as PiiKind[]).map((k) => `${share(LOOSE[k])} AS l_${k}`).join(', ')}
     FROM (
       UNPIVOT (SELECT ${headers.map(ident).join(', ')} FROM ${relation} LIMIT ${sampleRows(headers.length)})
       ON COLUMNS(*) INTO NAME h VALUE v) GROUP BY h`,
  );
  const shares = new Map(t.toArray().map((r) => [String(r.h), r.toJSON() as Shares]));
  for (const h of headers) {
    const row = shares.get(h);
    const kind = headerSuggests(h);
    if (kind && (row?.[`l_${kind}`] ?? 0) > 0.5) found.set(h, kind);
    else if ((row?.id ?? 0) > 0.5) found.set(h, 'id_number');
    else if ((row?.ph ?? 0) > 0.5) found.set(h, 'phone');
  }
  return found;
}

/** SQL for one personal column under `action` (null: leave the column out). */
export function piiExpression(
  source: string,
  kind: PiiKind,
  action: PiiAction,
  b: Binder,
  salt: string,
): string | null {
  const v = `NULLIF(trim(${source}), '')`;
  if (action === 'drop') return null;
  if (action === 'keep') return source;
  if (action === 'hash') return `CASE WHEN ${v} IS NOT NULL THEN sha256(${b.bind(salt)} || ${v}) END`;
  if (kind === 'id_number')
    return `CASE WHEN length(${v}) > 10 THEN left(${v}, 6) || repeat('*', length(${v}) - 10) || right(${v}, 4) ELSE repeat('*', length(${v})) END`;
  if (kind === 'phone') {
    // Separators out first, so "+86 138 1234 5678" shows no more digits than "13812345678".
    const p = `regexp_replace(${v}, '[^0-9+]', '', 'g')`;
    return `CASE WHEN length(${p}) >= 7 THEN left(${p}, greatest(length(${p}) - 8, 0)) || '****' || right(${p}, 4) ELSE repeat('*', length(${v})) END`;
  }
  return `CASE WHEN length(${v}) > 1 THEN left(${v}, 1) || repeat('*', length(${v}) - 1) ELSE '*' END`;
}
