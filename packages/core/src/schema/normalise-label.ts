import { literal } from '../sql/quote.ts';
import type { EnumValue } from './types.ts';

/**
 * One normalisation for every coded value an export writes (enum fields: outcomes, statuses, channels …),
 * so that 「（一）予以公开」, 「1.属于国家秘密」, 「不予公开-属于国家秘密」, 「“三安全一稳定”」, 「已办结 」 and the
 * full printed row text of the annual report compare equal to the schema's labels. The same steps exist
 * as TypeScript (for the schema's labels) and as DuckDB SQL (for a million cells), built from the same
 * character lists; a test runs both over the same strings.
 *
 * 1. full-width ASCII and bracket variants (（【〔［) to ASCII; 2. whitespace removed; 3. everything up to
 * the last separator is dropped: a dash or slash run after a Chinese character (不予公开——…), a sub-item number
 * (1. 1、 (1) ①) or a group number ((一) 三、); 4. a trailing bracketed note in Chinese is dropped (部分公开（区分处理的…）);
 * 5. quotes, brackets and punctuation removed; 6. lower case; 7. a cell left with only dashes or slashes
 * ("—", "/", "－": not applicable) is empty.
 */

const WIDE_ASCII = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
const NARROW_ASCII = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0x21 + i)).join('');
/** Folded one character to one character (DuckDB `translate`). */
const FOLD_FROM = `${WIDE_ASCII}\u3000\u00a0【〔［〖】〕］〗`;
const FOLD_TO = `${NARROW_ASCII}  (((())))`;

const DASHES = '\\-‐‑‒–—―−~';
const NUMERALS = '一二三四五六七八九十';
/** CJK unified ideographs, as a literal range both regex engines read the same. */
const HAN = '\u4e00-\u9fff';
const SPACE_RE = '[ \\t\\n\\r\\f]';
const SEPARATOR_RE = `^.*([${HAN}][${DASHES}/]+|[0-9]+[.、]|\\([0-9]+\\)|[①-⑳]|\\([${NUMERALS}]+\\)|[${NUMERALS}]+、)`;
const NOTE_RE = `^(.+)\\([${HAN}][^()]*\\)$`;
const PUNCT_RE = `["'“”‘’「」『』()《》,.;:!?、。·]`;
const EMPTY_RE = `^[${DASHES}/\\\\]+$`;

const fold = (s: string) => {
  let out = '';
  for (const ch of s) {
    const i = FOLD_FROM.indexOf(ch);
    out += i < 0 ? ch : FOLD_TO[i];
  }
  return out;
};

/** The normal form of one label or cell (see above); '' for a cell that says nothing. */
export function normaliseLabel(value: string): string {
  return fold(value)
    .replace(new RegExp(SPACE_RE, 'gu'), '')
    .replace(new RegExp(SEPARATOR_RE, 'u'), '')
    .replace(new RegExp(NOTE_RE, 'u'), '$1')
    .replace(new RegExp(PUNCT_RE, 'gu'), '')
    .toLowerCase()
    .replace(new RegExp(EMPTY_RE, 'u'), '');
}

const HEAD_RE = `([${HAN}])[ \\t]*[${DASHES}/].*$`;

/**
 * The text before the first dash or slash after a Chinese character, normalised (「不予受理-材料不全」 →
 * 不予受理): tried when the whole cell names no code, since a status often carries its detail after the
 * dash where an outcome carries its reason.
 */
export function labelHead(value: string): string {
  return normaliseLabel(value.replace(new RegExp(HEAD_RE, 'u'), '$1'));
}

/** The same as SQL. */
export function labelHeadSql(v: string): string {
  return normaliseLabelSql(`regexp_replace(${v}, ${literal(HEAD_RE)}, '\\1')`);
}

/** A code list's labels (code, Chinese labels, English) by lower-case text and by normal form. */
export interface CodeLookup {
  exact: Map<string, string>;
  normal: Map<string, string>;
}

export function codeLookup(values: readonly EnumValue[]): CodeLookup {
  const exact = new Map<string, string>();
  const normal = new Map<string, string>();
  for (const e of values)
    for (const label of [e.code, ...e.zh, e.en]) {
      const n = normaliseLabel(label);
      if (!exact.has(label.toLowerCase())) exact.set(label.toLowerCase(), e.code);
      if (n && !normal.has(n)) normal.set(n, e.code);
    }
  return { exact, normal };
}

/** The code a cell names: as written, else in normal form, else by its head (undefined: none). */
export function recode(lookup: CodeLookup, cell: string): string | undefined {
  return (
    lookup.exact.get(cell.toLowerCase()) ??
    lookup.normal.get(normaliseLabel(cell)) ??
    lookup.normal.get(labelHead(cell))
  );
}

/** `recode` as SQL over `v`, for columns with too many distinct values to recode in TypeScript. */
export function recodeSql(lookup: CodeLookup, v: string): string {
  const arms = (m: Map<string, string>) =>
    [...m].map(([k, code]) => `WHEN ${literal(k)} THEN ${literal(code)}`).join(' ');
  return `coalesce(CASE lower(${v}) ${arms(lookup.exact)} END, CASE ${normaliseLabelSql(v)} ${arms(lookup.normal)} END,
    CASE ${labelHeadSql(v)} ${arms(lookup.normal)} END)`;
}

/** A cell of only dashes, slashes, dots or spaces ("—", "/", "－") says nothing: not applicable. */
const BLANK_RE = `[ \\t\u3000${DASHES}－～/／\\\\.。]+`;

/** SQL: the cell says nothing (see BLANK_RE). */
export function isBlankLabelSql(v: string): string {
  return `regexp_full_match(${v}, ${literal(BLANK_RE)})`;
}

/** The same in TypeScript. */
export function isBlankLabel(value: string): boolean {
  return new RegExp(`^(?:${BLANK_RE})$`, 'u').test(value);
}

/** The same normal form as SQL over the VARCHAR expression `v` (NULL stays NULL). */
export function normaliseLabelSql(v: string): string {
  const r = (x: string, re: string, by: string, flags = '') =>
    `regexp_replace(${x}, ${literal(re)}, ${literal(by)}${flags ? `, '${flags}'` : ''})`;
  const folded = `translate(${v}, ${literal(FOLD_FROM)}, ${literal(FOLD_TO)})`;
  const cut = r(r(r(folded, SPACE_RE, '', 'g'), SEPARATOR_RE, ''), NOTE_RE, '\\1');
  return r(`lower(${r(cut, PUNCT_RE, '', 'g')})`, EMPTY_RE, '');
}
