import type { Engine } from '../engine/types.ts';
import { ident } from '../sql/quote.ts';
import type { Binder } from './parse-sql.ts';

/**
 * Personal data in extra columns (DOMAIN §7.0: never keep raw 证件号码 / 手机号). A column is personal when
 * its header says so or when most of its sampled values look like a resident ID or a mobile number.
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

const HEADER_KINDS: [RegExp, PiiKind][] = [
  [/证件号|身份证|证件编号|id.?card|id.?number/i, 'id_number'],
  [/手机|电话|联系方式|phone|mobile|tel/i, 'phone'],
  [/姓名|联系人|申请人$|经办人$|^name$|fullname/i, 'name'],
];
const ID_RE = "'[1-9][0-9]{16}[0-9Xx]'";
const PHONE_RE = "'(\\+?86[- ]?)?1[3-9][0-9]{9}'";

/** Rows sampled per column: 1,000, fewer for very wide files (at most 200,000 cells, at least 50 rows). */
const sampleRows = (columns: number) => Math.max(50, Math.min(1000, Math.floor(200_000 / columns)));

/** Finds personal columns among `headers` (extra columns of a file), by header then by sampled values. */
export async function detectPii(
  engine: Engine,
  table: string,
  headers: readonly string[],
): Promise<Map<string, PiiKind>> {
  const found = new Map<string, PiiKind>();
  const unknown: string[] = [];
  for (const h of headers) {
    const kind = HEADER_KINDS.find(([re]) => re.test(h))?.[1];
    if (kind) found.set(h, kind);
    else unknown.push(h);
  }
  if (!unknown.length) return found;
  // One row per (column, value) of the sample, so the work grows with the cells, not with the square of
  // the column count (one wide SELECT of two aggregates per column took 3 s for 500 columns).
  const share = (re: string) =>
    `avg(CASE WHEN regexp_full_match(trim(v), ${re}) THEN 1.0 WHEN trim(v) <> '' THEN 0.0 END)`;
  const t = await engine.query(
    `SELECT h, ${share(ID_RE)} AS id, ${share(PHONE_RE)} AS ph FROM (
       UNPIVOT (SELECT ${unknown.map(ident).join(', ')} FROM ${ident(table)} LIMIT ${sampleRows(unknown.length)})
       ON COLUMNS(*) INTO NAME h VALUE v) GROUP BY h`,
  );
  const shares = new Map(
    t.toArray().map((r) => [String(r.h), r.toJSON() as { id: number | null; ph: number | null }]),
  );
  for (const h of unknown) {
    const row = shares.get(h);
    if ((row?.id ?? 0) > 0.5) found.set(h, 'id_number');
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
  if (kind === 'phone')
    return `CASE WHEN length(${v}) >= 7 THEN left(${v}, length(${v}) - 8) || '****' || right(${v}, 4) ELSE repeat('*', length(${v})) END`;
  return `CASE WHEN length(${v}) > 1 THEN left(${v}, 1) || repeat('*', length(${v}) - 1) ELSE '*' END`;
}
