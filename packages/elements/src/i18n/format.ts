import type { Lang } from './messages.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-US' : 'zh-CN');

/** Percent with one decimal: 58.3%. */
export const formatPercent = (v: number, lang: Lang): string =>
  new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);

/** Counts with digit grouping: 12,459 (whole numbers unless `digits` allows decimals). */
export const formatCount = (v: number, lang: Lang, digits = 0): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(v);

export const formatBytes = (n: number, lang: Lang): string =>
  n < 1024 * 1024
    ? `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n / 1024)} KB`
    : `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;

/** '2025-12-31 17:05:00' → 2025年12月31日 / Dec 31, 2025. */
export function formatDate(isoLocal: string, lang: Lang): string {
  const [y, m, d] = isoLocal.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoLocal;
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Working days with one decimal: 3.2 个工作日 / 3.2 working days. */
export const formatWorkingDays = (v: number, lang: Lang): string => {
  const n = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(v);
  return lang === 'zh' ? `${n} 个工作日` : `${n} working days`;
};

/** A 0–100 score with one decimal: 43.2 分 / 43.2 points. */
export const formatScore = (v: number, lang: Lang): string => {
  const n = new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);
  return lang === 'zh' ? `${n} 分` : `${n} points`;
};

/** '2025-03' → 2025年3月 / Mar 2025. */
export function formatMonth(ym: string, lang: Lang): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  if (lang === 'zh') return `${y}年${m}月`;
  return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** A count, or a dash with the reason when small-number protection withheld it (NaN). */
export const formatOrWithheld = (v: number | undefined, lang: Lang): string =>
  v === undefined || Number.isNaN(v)
    ? lang === 'zh'
      ? '—（数量较少，不予公布）'
      : '— (small number withheld)'
    : formatCount(v, lang);
