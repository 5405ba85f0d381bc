import type { Engine, IndicatorResult, Selection } from '@assessment-dashboard/core';
import { html } from 'lit';
import { moveRoving } from '../controllers/roving-focus.ts';
import { downloadBlob, downloadText } from '../download.ts';
import type { ChartExport, ChartNumbers } from '../export/chart-export.ts';
import { captionLines } from '../export/export-scope.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { panelScope } from './panel-scope.ts';

/**
 * Every download the dashboard offers, in one place: a chart's numbers as CSV or Excel (with title, as-of,
 * filters and source) and the chart itself as SVG or PNG, and all indicators as CSV or Excel.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv;charset=utf-8';

/** The XLSX writer (and its deflate code) is fetched only when someone asks for a workbook. */
const xlsxWriter = async () => (await import('@assessment-dashboard/core/xlsx')).writeXlsx;
/** The file writers too are fetched on first use: a page that only shows numbers (a snapshot) never needs them. */
const exportData = () => import('../export/export-data.ts');

/**
 * The export links of one chart. `panel` is the chart's panel name and `data-panel` (its SVG is found
 * beside the links); `stem` the file name without extension; `data` gives the numbers when a link is used.
 * Every export carries the title, as-of day, source and the scope under `selection` (panelScope: the
 * filters the numbers follow, the chart's own pick, the filters it ignores).
 */
export function chartTools(
  panel: string,
  stem: string,
  title: string,
  data: () => ChartNumbers,
  lang: Lang,
  selection: readonly Selection[],
) {
  const t = messages(lang);
  const full = (): ChartExport => ({ ...data(), scope: panelScope(panel, selection) });
  const csv = async () =>
    downloadText((await exportData()).breakdownCsv(full(), lang), `${stem}.csv`, CSV_TYPE);
  const xlsx = async () => {
    const bytes = (await xlsxWriter())([(await exportData()).breakdownSheet(full(), title, lang)]);
    downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `${stem}.xlsx`);
  };
  const picture = (format: 'svg' | 'png') => (e: Event) =>
    exportChart(e.currentTarget as Element, panel, stem, full(), format, lang);
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

/**
 * The chart named `panel` (in the same shadow root as the link used) as a standalone SVG or a PNG, with its
 * caption drawn in (captionedSvg); the PNG also holds the caption as text chunks.
 */
async function exportChart(
  from: Element,
  panel: string,
  stem: string,
  meta: ChartExport,
  format: 'svg' | 'png',
  lang: Lang,
) {
  const root = from.getRootNode() as ParentNode;
  // The picture code is fetched when a picture is asked for.
  const [{ captionedSvg, chartPng }, { withPngText }] = await Promise.all([
    import('../export/export-chart.ts'),
    import('../export/png-text.ts'),
  ]);
  // The chart as drawn now, found after the fetch: one taken before may have been re-rendered away
  // meanwhile, and a detached SVG has no computed styles to copy (the file came out colourless).
  const chart = root.querySelector<HTMLElement & { svg: SVGSVGElement | null }>(`[data-panel="${panel}"]`);
  const svg = chart?.svg;
  if (!svg?.isConnected) return;
  const { text, width, height } = captionedSvg(svg, meta, lang);
  if (format === 'svg') return downloadText(text, `${stem}.svg`, 'image/svg+xml');
  const [title = '', asOf = '', scope = '', source = ''] = captionLines(meta, lang);
  const png = await withPngText(await chartPng(text, width, height), {
    Title: title,
    Description: `${asOf}\n${scope}`,
    Source: source,
  });
  downloadBlob(png, `${stem}.png`);
}

/** Every indicator shown, as CSV (the "export indicators" link), each with its scope under `selection`. */
export async function exportIndicatorsCsv(
  results: readonly IndicatorResult[],
  lang: Lang,
  selection: readonly Selection[],
): Promise<void> {
  const asOf = results[0]?.asOf.slice(0, 10) ?? '';
  const scopeOf = await indicatorScopes(selection);
  downloadText(
    (await exportData()).indicatorsCsv(results, lang, scopeOf),
    `indicators-${asOf}.csv`,
    CSV_TYPE,
  );
}

/** Each indicator's scope under `selection` (the indicator catalogue is fetched for it, on export only). */
async function indicatorScopes(selection: readonly Selection[]) {
  const { indicatorScope } = await import('../export/indicator-scope.ts');
  return (key: string) => indicatorScope(key, selection);
}

/** The same as an Excel workbook. */
export async function exportIndicatorsXlsx(
  results: readonly IndicatorResult[],
  lang: Lang,
  selection: readonly Selection[],
): Promise<void> {
  const asOf = results[0]?.asOf.slice(0, 10) ?? '';
  const scopeOf = await indicatorScopes(selection);
  const bytes = (await xlsxWriter())([(await exportData()).indicatorsSheet(results, lang, scopeOf)]);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `indicators-${asOf}.xlsx`);
}

/** The whole import ledger (every rejected or changed row, with its reason) as CSV. */
export async function downloadLedger(engine: Engine | undefined): Promise<void> {
  if (!engine) return;
  const { ledgerCsv } = await import('../dashboard/live.ts');
  downloadText(await ledgerCsv(engine), 'import-ledger.csv', CSV_TYPE);
}
