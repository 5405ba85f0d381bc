import { DATASETS, enumLabel, isDatasetKey, monthsOf } from '@assessment-dashboard/core';
import { formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';
import { MONTH_COLUMN } from './cross-filter.ts';
import type { Selection } from './load-state.ts';

/**
 * Chart selections in the page URL, under one query parameter the host chooses (`url-state="ad"`), so
 * the host's own routing and parameters are left alone: `?ad=disclosures.domain:budget;cases.dept_name:甲局;all.month:2025-01..2025-03`.
 */
export function writeSelection(param: string, selection: readonly Selection[]): void {
  const url = new URL(location.href);
  const value = selection.map((s) => `${s.dataset}.${s.column}:${s.value}`).join(';');
  if (value) url.searchParams.set(param, value);
  else url.searchParams.delete(param);
  history.replaceState(history.state, '', url);
}

/** What the URL's selection parameter holds: the selections understood, and the parts that are not. */
export interface UrlSelection {
  selection: Selection[];
  /** Parts naming no known dataset column or month range, as written (shown to the user, then dropped). */
  ignored: string[];
}

/**
 * Selections from the URL. Dataset and column names are looked up as own keys only (`constructor`,
 * `__proto__` are just unknown names); a part that is not a known dataset column is reported, not applied.
 * Several values for one column are kept: they filter as "any of" (cross-filter.ts).
 */
export function readSelection(param: string, lang: Lang): UrlSelection {
  const raw = new URL(location.href).searchParams.get(param);
  const out: UrlSelection = { selection: [], ignored: [] };
  if (!raw) return out;
  for (const part of raw.split(';')) {
    if (!part) continue;
    const m = /^(\w+)\.(\w+):(.+)$/.exec(part);
    const [, dataset = '', column = '', value = ''] = m ?? [];
    if (dataset === 'all' && column === MONTH_COLUMN) {
      const months = monthsOf(value);
      const [from = '', to = from] = [months[0], months[months.length - 1]];
      const label =
        from === to ? formatMonth(from, lang) : `${formatMonth(from, lang)}–${formatMonth(to, lang)}`;
      if (months.length)
        out.selection.push({ dataset: 'all', column, value: from === to ? from : `${from}..${to}`, label });
      else out.ignored.push(part);
      continue;
    }
    const def = isDatasetKey(dataset) ? DATASETS[dataset] : undefined;
    const field = def?.fields.find((f) => f.key === column);
    if (!def || !field) {
      out.ignored.push(part);
      continue;
    }
    const label = field.enum ? enumLabel(def.key, column, value, lang) : value;
    out.selection.push({ dataset: def.key, column, value, label });
  }
  return out;
}
