import type { PiiAction } from './pii.ts';

/**
 * What the row ledger may keep of a rejected value. The ledger is shown in the import report, written by
 * `--ledger`, downloaded as CSV and readable by any query-server client, so personal data is masked before
 * it is stored, with the shapes loaded rows get (pii.ts): 110105********002X, 138****5678, 张*. Only
 * `pii: 'keep'` stores values as they were (the host takes responsibility).
 *
 * - `text`: a value of a coded column or a duplicate id. ID numbers and mobile numbers inside it are
 *   masked; other text stays, since an unknown code must be readable to write a mapping for it.
 * - `typed`: a value a date, number, limit or yes/no column could not parse. As `text`, and a value without
 *   a single digit is no mistyped date or number but some other column's text (a shifted row): masked
 *   like a name.
 * - `line`: a line the CSV reader could not split into the header's columns. Its cells cannot be matched
 *   to columns (a shifted name looks like any other text), so every cell but dates, times and short
 *   numbers is masked, and the line is cut to {@link LINE_CHARS} characters.
 */
export type LedgerValueKind = 'text' | 'typed' | 'line';

/** Longest masked text kept for one ledger entry (a rejected line can be a megabyte long). */
export const LINE_CHARS = 200;

const ID = "'(^|[^0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])([^0-9Xx]|$)'";
const PHONE = "'(^|[^0-9])((?:\\+?86[- ]?)?1[3-9][0-9])[0-9]{4}([0-9]{4})([^0-9]|$)'";
/** Cells of a rejected line shown as they are: empty, a date or date-time, or a number of ≤ 6 digits. */
const HARMLESS_CELL =
  '\'\\s*"?([0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?|-?[0-9]{1,6}([.][0-9]+)?)?"?\\s*\'';
const DELIMITERS = "'[^,;\\t|]+|[,;\\t|]'";

/** ID and mobile numbers masked; each replace runs twice so two numbers sharing one separator are both hit. */
const maskNumbers = (v: string): string => {
  let out = v;
  for (const [re, to] of [
    [ID, "'\\1\\2********\\3\\4'"],
    [PHONE, "'\\1\\2****\\3\\4'"],
  ] as const) {
    for (let i = 0; i < 2; i++) out = `regexp_replace(${out}, ${re}, ${to}, 'g')`;
  }
  return out;
};

const maskName = (v: string) => `left(${v}, 1) || repeat('*', length(${v}) - 1)`;
const clip = (v: string) =>
  `CASE WHEN length(${v}) > ${LINE_CHARS} THEN left(${v}, ${LINE_CHARS}) || '…' ELSE ${v} END`;

/** SQL for what the ledger stores of the VARCHAR expression `v` under the import's `action`. */
export function ledgerValue(v: string, kind: LedgerValueKind, action: PiiAction): string {
  if (action === 'keep') return kind === 'line' ? clip(v) : v;
  if (kind === 'text') return maskNumbers(v);
  if (kind === 'typed') {
    const masked = `CASE WHEN NOT regexp_matches(${v}, '[0-9]') AND regexp_matches(${v}, '\\p{L}')
      THEN ${maskName(v)} ELSE ${maskNumbers(v)} END`;
    return clip(`(${masked})`);
  }
  const cell = `CASE WHEN regexp_matches(t, '^[,;\\t|]$') OR regexp_full_match(t, ${HARMLESS_CELL}) THEN t
    WHEN ${maskNumbers('t')} <> t THEN ${maskNumbers('t')} ELSE ${maskName('t')} END`;
  return clip(
    `array_to_string(list_transform(regexp_extract_all(trim(${v}, chr(10) || chr(13)), ${DELIMITERS}), lambda t: ${cell}), '')`,
  );
}
