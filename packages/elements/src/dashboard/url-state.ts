import { DATASETS, type DatasetKey, enumLabel, monthsOf } from '@assessment-dashboard/core';
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

/** Selections from the URL; anything that is not a known dataset column is ignored. */
export function readSelection(param: string, lang: Lang): Selection[] {
  const raw = new URL(location.href).searchParams.get(param);
  if (!raw) return [];
  const out: Selection[] = [];
  for (const part of raw.split(';')) {
    const m = /^(\w+)\.(\w+):(.+)$/.exec(part);
    if (!m) continue;
    const [, dataset, column, value] = m as unknown as [string, string, string, string];
    if (dataset === 'all' && column === MONTH_COLUMN) {
      const months = monthsOf(value);
      const [from = '', to = from] = [months[0], months[months.length - 1]];
      const label =
        from === to ? formatMonth(from, lang) : `${formatMonth(from, lang)}–${formatMonth(to, lang)}`;
      if (months.length)
        out.push({ dataset: 'all', column, value: from === to ? from : `${from}..${to}`, label });
      continue;
    }
    const def = DATASETS[dataset as DatasetKey];
    const field = def?.fields.find((f) => f.key === column);
    if (!def || !field) continue;
    const label = field.enum ? enumLabel(def.key, column, value, lang) : value;
    out.push({ dataset: def.key, column, value, label });
  }
  return out;
}
