import {
  DATASETS,
  type DatasetKey,
  type IndicatorResult,
  missingText,
  type Selection,
} from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { formatPercent } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import type { Ready } from '../session/cube-panels.ts';
import { currentGroup, type DatasetGroupKey } from '../session/dataset-groups.ts';

/**
 * What the hotline, on-request and proactive-disclosure panels share: whether their dataset is loaded, their
 * grouped results, and the "not in this export" and "computing" notes.
 */

/** The dataset has data: one of its indicators is computable (as the default tiles decide it). */
export const hasData = (state: Ready, key: string): boolean =>
  state.computed.some((c) => c.result.key === key && c.result.status !== 'unavailable');

/**
 * The grouped results of one query for one indicator under `selection`; undefined while they are computed
 * (also while a new selection's are, when it changes the query's filters: never old numbers under new chips).
 */
export function groupResults(
  state: Ready,
  selection: readonly Selection[],
  group: DatasetGroupKey,
  key: string,
): IndicatorResult[] | undefined {
  return currentGroup(state.datasetGroups, group, selection)?.filter((r) => r.key === key);
}

/** While the grouped queries run (nothing in a snapshot, which has none). */
export function computingNote(state: Ready, lang: Lang) {
  return state.snapshot ? nothing : html`<p class="meta">${messages(lang).datasetPanels.computing}</p>`;
}

/** The export has no value in `column`: say so (never a chart of zeros). */
export function notInExport(dataset: DatasetKey, column: string, lang: Lang) {
  const t = messages(lang);
  const header = DATASETS[dataset].fields.find((f) => f.key === column)?.zh ?? column;
  return html`<p class="meta" data-missing=${column}>${t.status.unavailable}${t.colon}${missingText([{ column, header }], lang)}</p>`;
}

/** An indicator of the export that cannot be computed: the columns it lacks. */
export function unavailableNote(result: IndicatorResult, lang: Lang) {
  const t = messages(lang);
  return html`<p class="meta" data-missing=${(result.missing ?? []).map((m) => m.column).join(' ')}>${t.status.unavailable}${t.colon}${missingText(result.missing ?? [], lang)}</p>`;
}

/** A rate for a table cell: "—" when there is nothing to divide (never 0 %). */
export const rateText = (r: IndicatorResult | undefined, lang: Lang): string =>
  r && r.value !== null && r.status !== 'unavailable' ? formatPercent(r.value, lang) : '—';
