import {
  DATASETS,
  enumLabel,
  isMonthSelection,
  parseSelection,
  type Selection,
  serialiseSelection,
} from '@assessment-dashboard/core';
import { formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';

/**
 * Chart selections in the page URL, under one query parameter the host chooses (`url-state="ad"`), so
 * the host's own routing and parameters are left alone: `?ad=disclosures.domain:budget;cases.dept_name:甲局;all.month:2025-01..2025-03`
 * (the form is core's serialiseSelection / parseSelection).
 */
export function writeSelection(param: string, selection: readonly Selection[]): void {
  const url = new URL(location.href);
  const value = serialiseSelection(selection);
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
 * Selections from the URL, labelled for their chips in `lang`. Unknown datasets and columns (prototype
 * names such as `constructor` included) are reported, not applied; several values for one column are
 * kept: they filter as "any of".
 */
export function readSelection(param: string, lang: Lang): UrlSelection {
  return parseSelection(new URL(location.href).searchParams.get(param), (s) => chipLabel(s, lang));
}

/** A clause's chip text: the month or range, the enum's label, or the value as it is. */
function chipLabel(s: Omit<Selection, 'label'>, lang: Lang): string {
  if (isMonthSelection(s)) {
    const [from = '', to = from] = s.value.split('..');
    return from === to ? formatMonth(from, lang) : `${formatMonth(from, lang)}–${formatMonth(to, lang)}`;
  }
  if (s.dataset === 'all') return s.value;
  const field = DATASETS[s.dataset].fields.find((f) => f.key === s.column);
  return field?.enum ? enumLabel(s.dataset, s.column, s.value, lang) : s.value;
}

/** The query parameter beside the selection's that lists the collapsed panels: `ad` → `ad-c=trend,daily`. */
const collapsedParam = (param: string) => `${param}-c`;

/** Keeps the collapsed panels' names in the URL (the parameter is dropped when none is collapsed). */
export function writeCollapsed(param: string, names: Iterable<string>): void {
  const url = new URL(location.href);
  const value = [...names].join(',');
  if (value) url.searchParams.set(collapsedParam(param), value);
  else url.searchParams.delete(collapsedParam(param));
  history.replaceState(history.state, '', url);
}

/** The collapsed panels' names the URL holds (names of no shown panel are simply never matched). */
export function readCollapsed(param: string): string[] {
  const value = new URL(location.href).searchParams.get(collapsedParam(param)) ?? '';
  return value.split(',').filter((n) => /^[\w-]+$/.test(n));
}
