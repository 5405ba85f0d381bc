import type { Selection } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { formatCount } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { exportIndicatorsCsv, exportIndicatorsXlsx } from '../panels/chart-tools.ts';
import type { DashboardPanel, PanelActions } from '../panels/panel.ts';
import type { Ready } from '../session/cube-panels.ts';
import type { DashboardSession } from '../session/dashboard-session.ts';
import { snapshotBanner } from './snapshot-mode.ts';

/** What the ready view may do beyond the panels' actions: the link, the file picker, the ledger. */
export interface ReadyActions extends PanelActions {
  /** the `url-state` attribute is set: offer "copy link" */
  readonly linkable: boolean;
  readonly copied: boolean;
  /** the link shown selected when the clipboard refused it */
  readonly linkText: string | undefined;
  /** parts of the URL's selection that were not applied */
  readonly ignored: readonly string[];
  copyLink(): void;
  openPicker(): void;
  downloadLedger(): void;
}

/** The loaded dashboard: where the numbers come from, the filter chips, the exports, then the panels. */
export function readyView(
  state: Ready,
  selection: readonly Selection[],
  lang: Lang,
  panels: readonly DashboardPanel[],
  a: ReadyActions,
) {
  const t = messages(lang);
  const { imports, remote } = state;
  const read = imports.reduce((n, i) => n + i.read, 0);
  const loaded = imports.reduce((n, i) => n + i.loaded, 0);
  const rejected = imports.reduce((n, i) => n + i.rejected, 0);
  const results = () => state.computed.map((c) => c.result);
  const source = remote
    ? html`<p class="meta">${t.remoteSource(new URL(remote).host)}</p>`
    : html`<p class="meta">${t.rowsSummary(formatCount(read, lang), formatCount(loaded, lang), formatCount(rejected, lang))}
          <button type="button" class="link" @click=${() => a.openPicker()}>${t.loadOther}</button></p>
        <assessment-import-report .imports=${imports} .entries=${state.entries} lang=${lang}
          @ad-download-ledger=${() => a.downloadLedger()}></assessment-import-report>`;
  return html`${snapshotBanner(state, lang)}${source}
      ${chips(selection, lang, a)}
      <p class="tools">${t.exportLabel}
        <button type="button" class="link" @click=${() => exportIndicatorsCsv(results(), lang)}>${t.exportIndicators}</button>
        <button type="button" class="link" @click=${() => exportIndicatorsXlsx(results(), lang)}>${t.exportIndicatorsXlsx}</button>
      </p>
      ${panels.map((p) => p.render(state, selection, lang, a))}`;
}

/** The selection as removable chips, with "copy link" when the selection lives in the URL. */
function chips(selection: readonly Selection[], lang: Lang, a: ReadyActions) {
  const t = messages(lang);
  const copy = a.linkable
    ? html`<button type="button" class="link" @click=${() => a.copyLink()}>${a.copied ? t.linkCopied : t.copyLink}</button>`
    : nothing;
  return html`<div class="chips" role="status" aria-live="polite">
      ${copy}
      ${a.linkText ? html`<input class="link-text" readonly aria-label=${t.copyLink} .value=${a.linkText} />` : nothing}
      ${selection.map(
        (x) => html`<button type="button" class="chip" aria-label=${t.removeFilter(x.label)}
          @click=${() => a.select(selection.filter((y) => y !== x))}>${t.filterChip(x.label)} ✕</button>`,
      )}
      ${a.ignored.length ? html`<span class="note">${t.ignoredFilters(a.ignored.join('; '))}</span>` : nothing}
    </div>`;
}

/** Copies the page's URL (which holds the selection); `copied(false)` two seconds after a success. */
export async function copyPageLink(o: { copied(on: boolean): void; refused(link: string): Promise<void> }) {
  try {
    await navigator.clipboard.writeText(location.href);
    o.copied(true);
    setTimeout(() => o.copied(false), 2000);
  } catch {
    await o.refused(location.href);
  }
}

/**
 * What panels may do, over `session`: a click toggles one value of a column in the selection; view states
 * live in `views` (the element's, so that changing one renders).
 */
export function panelActions(
  session: DashboardSession,
  views: Readonly<Record<string, unknown>>,
  setViews: (views: Readonly<Record<string, unknown>>) => void,
): PanelActions {
  return {
    toggle: (dataset, column, value, label) => {
      const rest = session.selection.filter((x) => !(x.dataset === dataset && x.column === column));
      void session.select(value === undefined ? rest : [...rest, { dataset, column, value, label }]);
    },
    select: (selection) => void session.select(selection),
    engine: session.engine,
    filterable: session.filterable,
    view: <T>(panel: string) => views[panel] as T | undefined,
    setView: (panel, value) => setViews({ ...views, [panel]: value }),
  };
}
