import type { Engine, IndicatorResult } from '@assessment-dashboard/core';
import { html } from 'lit';
import { moveRoving } from '../controllers/roving-focus.ts';
import { downloadBlob, downloadText } from '../download.ts';
import { chartPng, standaloneSvg } from '../export/export-chart.ts';
import {
  breakdownCsv,
  breakdownSheet,
  type ChartExport,
  indicatorsCsv,
  indicatorsSheet,
} from '../export/export-data.ts';
import { type Lang, messages } from '../i18n/messages.ts';

/**
 * Every download the dashboard offers, in one place: a chart's numbers as CSV or Excel (with title, as-of,
 * filters and source) and the chart itself as SVG or PNG, and all indicators as CSV or Excel.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv;charset=utf-8';

/** The XLSX writer (and its deflate code) is fetched only when someone asks for a workbook. */
const xlsxWriter = async () => (await import('@assessment-dashboard/core/xlsx')).writeXlsx;

/**
 * The export links of one chart. `panel` is the chart's `data-panel` (its SVG is found beside the links);
 * `stem` the file name without extension; `data` gives the numbers when a link is used.
 */
export function chartTools(panel: string, stem: string, title: string, data: () => ChartExport, lang: Lang) {
  const t = messages(lang);
  const csv = () => downloadText(breakdownCsv(data()), `${stem}.csv`, CSV_TYPE);
  const xlsx = async () => {
    const bytes = (await xlsxWriter())([breakdownSheet(data(), title)]);
    downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `${stem}.xlsx`);
  };
  const picture = (format: 'svg' | 'png') => (e: Event) =>
    exportChart(e.currentTarget as Element, panel, stem, title, format);
  // A toolbar: one Tab stop per chart, the arrow keys move between its four buttons.
  const keys = (e: KeyboardEvent) =>
    moveRoving([...(e.currentTarget as Element).querySelectorAll('button')], e);
  return html`<p class="tools" role="toolbar" aria-label=${`${t.exportLabel.replace(/[:：]$/, '')} ${title}`} @keydown=${keys}>${t.exportLabel}
      <button type="button" class="link" tabindex="0" @click=${csv}>CSV</button>
      <button type="button" class="link" tabindex="-1" @click=${xlsx}>Excel</button>
      <button type="button" class="link" tabindex="-1" @click=${picture('svg')}>SVG</button>
      <button type="button" class="link" tabindex="-1" @click=${picture('png')}>PNG</button>
    </p>`;
}

/** The chart named `panel` (in the same shadow root as the link used) as a standalone SVG or a PNG. */
async function exportChart(from: Element, panel: string, stem: string, title: string, format: 'svg' | 'png') {
  const root = from.getRootNode() as ParentNode;
  const chart = root.querySelector<HTMLElement & { svg: SVGSVGElement | null }>(`[data-panel="${panel}"]`);
  const svg = chart?.svg;
  if (!svg) return;
  const text = standaloneSvg(svg, title);
  if (format === 'svg') return downloadText(text, `${stem}.svg`, 'image/svg+xml');
  const { width, height } = svg.viewBox.baseVal;
  downloadBlob(await chartPng(text, width, height), `${stem}.png`);
}

/** Every indicator shown, as CSV (the "export indicators" link). */
export function exportIndicatorsCsv(results: readonly IndicatorResult[], lang: Lang): void {
  const asOf = results[0]?.asOf.slice(0, 10) ?? '';
  downloadText(indicatorsCsv(results, lang), `indicators-${asOf}.csv`, CSV_TYPE);
}

/** The same as an Excel workbook. */
export async function exportIndicatorsXlsx(results: readonly IndicatorResult[], lang: Lang): Promise<void> {
  const asOf = results[0]?.asOf.slice(0, 10) ?? '';
  const bytes = (await xlsxWriter())([indicatorsSheet(results, lang)]);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `indicators-${asOf}.xlsx`);
}

/** The whole import ledger (every rejected or changed row, with its reason) as CSV. */
export async function downloadLedger(engine: Engine | undefined): Promise<void> {
  if (!engine) return;
  const { ledgerCsv } = await import('../dashboard/live.ts');
  downloadText(await ledgerCsv(engine), 'import-ledger.csv', CSV_TYPE);
}
