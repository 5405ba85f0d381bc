import { DATASETS, type DatasetKey, enumLabel } from '@assessment-dashboard/core';
import type { Lang } from '../i18n/messages.ts';
import type { Selection } from './load-state.ts';

/**
 * Chart selections in the page URL, under one query parameter the host chooses (`url-state="ad"`), so
 * the host's own routing and parameters are left alone: `?ad=disclosures.domain:budget;cases.dept_name:甲局`.
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
    const def = DATASETS[dataset as DatasetKey];
    const field = def?.fields.find((f) => f.key === column);
    if (!def || !field) continue;
    const label = field.enum ? enumLabel(def.key, column, value, lang) : value;
    out.push({ dataset: def.key, column, value, label });
  }
  return out;
}
