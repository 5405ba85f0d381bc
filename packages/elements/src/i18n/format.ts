import type { Lang } from './messages.ts';

/** The locales numbers and dates are formatted in (the font worker loads their ICU data ahead). */
export const LOCALES = { zh: 'zh-CN', en: 'en-US' } as const satisfies Record<Lang, string>;
const locale = (lang: Lang) => LOCALES[lang];

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * The formatter for `lang` and `options`, made once: constructing an Intl.NumberFormat costs far more than
 * formatting with one, and a chart click formats hundreds of numbers (bench: a fifth of a click's time).
 */
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), options);
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * Makes `lang`'s first number formatter ahead of the first render: the first Intl.NumberFormat of a page
 * loads the locale's ICU data, 20–30 ms of the page's thread (traced at start-up, inside the first render).
 */
export const prepareNumberFormats = (lang: Lang): void =>
  void numberFormat(lang, { maximumFractionDigits: 0 });

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** An English date formatter for `options` (UTC), made once (see numberFormat). */
export function englishDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    dateFormats.set(key, f);
  }
  return f;
}

/** Percent with one decimal: 58.3%. */
export const formatPercent = (v: number, lang: Lang): string =>
  numberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

/** Counts with digit grouping: 12,459 (whole numbers unless `digits` allows decimals). */
export const formatCount = (v: number, lang: Lang, digits = 0): string =>
  numberFormat(lang, { maximumFractionDigits: digits }).format(v);

/** Counts from which `formatCompact` abbreviates: below it, grouped digits are short enough. */
export const COMPACT_FROM = 10_000;

/**
 * A count as a reader of the language abbreviates it: 1.2万 / 3.4亿 in Chinese (万 = 10⁴, 亿 = 10⁸), 12.5K /
 * 340M in English, one decimal at most; below 10,000 the exact count with digit grouping (千分位: 9,876).
 * Only for display where space is short (tiles, chart labels, summaries): tables, tooltips and accessible
 * names carry `formatCount`'s exact value. Non-finite values are returned as `–`.
 */
export function formatCompact(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '–';
  if (Math.abs(v) < COMPACT_FROM) return formatCount(v, lang);
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/** True when `formatCompact` abbreviates `v`, i.e. the display differs from the exact count. */
export const isCompacted = (v: number): boolean => Number.isFinite(v) && Math.abs(v) >= COMPACT_FROM;

/**
 * A count for running text that is both seen and read aloud (chart summaries, which are also the chart's
 * accessible name): abbreviated with the exact value after it, 1.2万（12,459） / 12.5K (12,459); small counts
 * as they are.
 */
export function formatCountInText(v: number, lang: Lang): string {
  if (!isCompacted(v)) return formatCount(v, lang);
  const exact = formatCount(v, lang);
  return lang === 'en' ? `${formatCompact(v, lang)} (${exact})` : `${formatCompact(v, lang)}（${exact}）`;
}

export const formatBytes = (n: number, lang: Lang): string =>
  n < 1024 * 1024
    ? `${numberFormat(lang, { maximumFractionDigits: 0 }).format(n / 1024)} KB`
    : `${numberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;

/** Bytes read of a known size, both in the size's unit: "12.3 / 48.0 MB", "512 / 900 KB". */
export function formatByteProgress(loaded: number, total: number, lang: Lang): string {
  const mb = total >= 1024 * 1024;
  const digits = mb ? 1 : 0;
  const f = numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const unit = mb ? 1024 * 1024 : 1024;
  return `${f.format(loaded / unit)} / ${f.format(total / unit)} ${mb ? 'MB' : 'KB'}`;
}

/** '2025-12-31 17:05:00' → 2025年12月31日 / Dec 31, 2025. */
export function formatDate(isoLocal: string, lang: Lang): string {
  const [y, m, d] = isoLocal.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoLocal;
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return englishDateFormat({ dateStyle: 'medium' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Working days with one decimal: 3.2 个工作日 / 3.2 working days. */
export const formatWorkingDays = (v: number, lang: Lang): string => {
  const n = numberFormat(lang, { maximumFractionDigits: 1 }).format(v);
  return lang === 'zh' ? `${n} 个工作日` : `${n} working days`;
};

/** A 0–100 score with one decimal: 43.2 分 / 43.2 points. */
export const formatScore = (v: number, lang: Lang): string => {
  const n = numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  return lang === 'zh' ? `${n} 分` : `${n} points`;
};

/** '2025-03' (or a full date '2025-03-14') → 2025年3月 / Mar 2025. */
export function formatMonth(ym: string, lang: Lang): string {
  const [y, m] = ym.slice(0, 7).split('-').map(Number);
  if (!y || !m) return ym;
  if (lang === 'zh') return `${y}年${m}月`;
  return englishDateFormat({ month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A count, or a dash with the reason when small-number protection withheld it (NaN). */
export const formatOrWithheld = (v: number | undefined, lang: Lang): string =>
  v === undefined || Number.isNaN(v)
    ? lang === 'zh'
      ? '—（数量较少，不予公布）'
      : '— (small number withheld)'
    : formatCount(v, lang);
