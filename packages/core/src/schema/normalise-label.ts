import { literal } from '../sql/quote.ts';

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
 * SQL for the normal form of the text before the first dash or slash after a Chinese character
 * (「不予受理-材料不全」 → 不予受理): tried when the whole cell names no code, since a status often carries
 * its detail after the dash where an outcome carries its reason.
 */
export function normaliseLabelHeadSql(v: string): string {
  return normaliseLabelSql(`regexp_replace(${v}, ${literal(HEAD_RE)}, '\\1')`);
}

/** SQL: the cell says nothing — only dashes, slashes, dots or spaces ("—", "/", "－"), i.e. not applicable. */
export function isBlankLabelSql(v: string): string {
  return `regexp_full_match(${v}, ${literal(`[ \\t\u3000${DASHES}－～/／\\\\.。]+`)})`;
}

/** The same normal form as SQL over the VARCHAR expression `v` (NULL stays NULL). */
export function normaliseLabelSql(v: string): string {
  const r = (x: string, re: string, by: string, flags = '') =>
    `regexp_replace(${x}, ${literal(re)}, ${literal(by)}${flags ? `, '${flags}'` : ''})`;
  const folded = `translate(${v}, ${literal(FOLD_FROM)}, ${literal(FOLD_TO)})`;
  const cut = r(r(r(folded, SPACE_RE, '', 'g'), SEPARATOR_RE, ''), NOTE_RE, '\\1');
  return r(`lower(${r(cut, PUNCT_RE, '', 'g')})`, EMPTY_RE, '');
}
