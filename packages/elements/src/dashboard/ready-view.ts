import {
  type IndicatorResult,
  MIN_DENOMINATOR,
  type Selection,
  TREND_INDICATOR,
} from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { scopeMessages } from '../export/scope-messages.ts';
import { formatCount, formatPercent } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { exportIndicatorsCsv, exportIndicatorsXlsx } from '../panels/chart-tools.ts';
import { groupResults } from '../panels/dataset-panel-parts.ts';
import { type DashboardPanel, PANEL_SECTIONS, type PanelActions } from '../panels/panel.ts';
import { panelScope } from '../panels/panel-scope.ts';
import type { Ready } from '../session/cube-panels.ts';
import type { DashboardSession } from '../session/dashboard-session.ts';
import { RATE_RANKINGS } from '../session/dataset-groups.ts';
import { layoutMessages } from './layout-messages.ts';
import { snapshotBanner } from './snapshot-mode.ts';

/** What the ready view may do beyond the panels' actions: the file picker, the ledger, unfolding a panel. */
export interface ReadyActions extends PanelActions {
  /** the folded panels, by name, with the title their line shows ('' when not known: a URL named them) */
  readonly collapsed: ReadonlyMap<string, string>;
  /** the selection's numbers are still being computed: panels that follow it show a pending state */
  readonly recomputing: boolean;
  expand(panel: string): void;
  openPicker(): void;
  downloadLedger(): void;
}

/** The panel that is the overview band's (the KPI tiles); every other panel goes under its section. */
const OVERVIEW_PANEL = 'tiles';

/**
 * The loaded dashboard, for a leader first: the overview band (tiles with their as-of day, the ranking's
 * top and bottom), where the numbers come from folded behind one line, then the panels grouped by section
 * with a heading each and a navigation to them. Sections whose panels draw nothing are left out.
 */
export function readyView(
  state: Ready,
  selection: readonly Selection[],
  lang: Lang,
  panels: readonly DashboardPanel[],
  a: ReadyActions,
) {
  const l = layoutMessages(lang);
  const drawn = (p: DashboardPanel) => slot(p, state, selection, lang, a);
  const overview = panels.filter((p) => p.name === OVERVIEW_PANEL).map(drawn);
  const sections = PANEL_SECTIONS.map((section) => ({
    section,
    views: panels
      .filter((p) => p.name !== OVERVIEW_PANEL && p.section === section)
      .map((p) => ({ name: p.name, view: drawn(p) }))
      .filter((v) => v.view !== nothing),
  })).filter((s) => s.views.length > 0);
  const first = sections[0]?.section;
  return html`${snapshotBanner(state, lang)}
      ${first ? html`<a class="skip" href=${`#sec-${first}`} @click=${goTo(first)}>${l.skipToSections}</a>` : nothing}
      <section class="overview" aria-labelledby="sec-overview">
        <h3 class="section-title" id="sec-overview" tabindex="-1">${l.overview}</h3>
        ${overview}
        ${extremes(state, selection, panels, lang)}
      </section>
      ${importDetails(state, selection, lang, a)}
      ${
        sections.length > 1
          ? html`<nav class="section-nav" aria-label=${l.sectionNav}><ul>
              ${sections.map(({ section }) => html`<li><a href=${`#sec-${section}`} @click=${goTo(section)}>${l.sections[section]}</a></li>`)}
            </ul></nav>`
          : nothing
      }
      ${
        // Keyed by name: a panel or section that appears later (the cubes' charts) must not shift the others
        // onto another's template, which re-created their elements (a chart then undrawn for a frame).
        repeat(
          sections,
          (s) => s.section,
          ({
            section,
            views,
          }) => html`<section class="band" data-section=${section} aria-labelledby=${`sec-${section}`}>
          <h3 class="section-title" id=${`sec-${section}`} tabindex="-1">${l.sections[section]}</h3>
          <div class="grid">${repeat(
            views,
            (v) => v.name,
            (v) => v.view,
          )}</div>
        </section>`,
        )
      }`;
}

/** One panel in its grid cell: folded to its title line, or drawn (dimmed and busy while its numbers update). */
function slot(p: DashboardPanel, state: Ready, selection: readonly Selection[], lang: Lang, a: ReadyActions) {
  const folded = a.collapsed.get(p.name);
  if (folded !== undefined) return collapsedPanel(p.name, folded || panelName(p.name, lang), a);
  const view = p.render(state, selection, lang, a);
  if (view === nothing) return nothing;
  const pending = a.recomputing && p.followsSelection !== false;
  return html`<div class="slot ${pending ? 'pending' : ''}" data-slot=${p.name} aria-busy=${pending ? 'true' : nothing}>
      ${pending ? html`<span class="pending-label" aria-hidden="true">${layoutMessages(lang).updating}</span>` : nothing}
      ${ignoredNote(panelScope(p, selection).ignored, lang)}
      ${view}
    </div>`;
}

/** The filters a panel cannot follow, named above it: never a panel that looks filtered but is not. */
function ignoredNote(ignored: readonly Selection[], lang: Lang) {
  if (!ignored.length) return nothing;
  const m = scopeMessages(lang);
  return html`<p class="meta scope-note" data-ignored=${ignored.map((s) => `${s.dataset}.${s.column}`).join(' ')}>${m.ignored(ignored.map((s) => s.label || s.value).join(m.list))}</p>`;
}

/** A folded panel: only its title, as a disclosure button; the panel itself is not drawn (nothing computed). */
function collapsedPanel(name: string, title: string, a: ReadyActions) {
  const id = `${name}-folded`;
  return html`<div class="slot folded" data-slot=${name}>
      <section class="panel" part="panel" aria-labelledby=${id}>
        <h3 class="panel-title" id=${id}><button type="button" class="disclosure" aria-expanded="false"
          @click=${() => a.expand(name)}>${title}</button></h3>
      </section>
    </div>`;
}

/** A built-in panel's title for its folded line when only its name is known (a shared link folded it). */
function panelName(name: string, lang: Lang): string {
  const t = messages(lang);
  const titles: Record<string, string> = {
    scorecard: t.scorecardTitle,
    watch: t.watchTitle,
    supervision: t.supervisionTitle,
    dept: t.casesByDept,
    channel: t.casesByChannel,
    daily: t.dailyTitle,
    drill: t.drillTitle,
    trend: layoutMessages(lang).trend,
    domain: t.disclosuresByDomain,
    'disclosure-months': t.datasetPanels.disclosuresByMonth,
    'request-dept': t.datasetPanels.requestsByDept,
    'hotline-dept': t.datasetPanels.hotlineByDept,
    'hotline-channel': t.datasetPanels.hotlineByChannel,
  };
  return titles[name] ?? name;
}

/** Moves focus (and the view) to a section's heading; the fragment is not used: the ids live in a shadow root. */
const goTo = (section: string) => (e: Event) => {
  e.preventDefault();
  const root = (e.currentTarget as Element).getRootNode() as ParentNode;
  const heading = root.querySelector<HTMLElement>(`#sec-${section}`);
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'start' });
};

/**
 * The ranking's first and last department, under the tiles (once the ranking is computed and shown); without
 * case data, the first and last 承办单位 / 承办机关 of the hotline or on-request panel by its headline rate.
 */
function extremes(
  state: Ready,
  selection: readonly Selection[],
  panels: readonly DashboardPanel[],
  lang: Lang,
) {
  const l = layoutMessages(lang);
  const { scorecard } = state;
  if (scorecard && scorecard !== 'computing' && panels.some((p) => p.name === 'scorecard')) {
    const scored = scorecard.rows.filter((r) => r.score !== null);
    const top = scored[0];
    const bottom = scored[scored.length - 1];
    if (!top || !bottom || top === bottom) return nothing;
    const points = (v: number | null) => formatCount(Math.round((v ?? 0) * 100) / 100, lang, 2);
    return extremesLine(
      l.topDept(top.department, points(top.score)),
      l.bottomDept(bottom.department, points(bottom.score)),
    );
  }
  if (state.computed.some((c) => c.result.key === TREND_INDICATOR)) return nothing;
  for (const { panel, group, key } of RATE_RANKINGS) {
    if (!panels.some((p) => p.name === panel)) continue;
    const ranked = (groupResults(state, selection, group, key) ?? [])
      // Groups too small for a rate to mean much (n < 30, as the tiles' "n too small") are not ranked.
      .filter((r) => r.group?.value && r.value !== null && (r.denominator ?? 0) >= MIN_DENOMINATOR)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    const top = ranked[0];
    const bottom = ranked[ranked.length - 1];
    if (!top || !bottom || top === bottom) continue;
    const said = (r: IndicatorResult) =>
      [r.group?.value ?? '', r.label[lang], formatPercent(r.value ?? 0, lang)] as const;
    return extremesLine(l.topRate(...said(top)), l.bottomRate(...said(bottom)));
  }
  return nothing;
}

const extremesLine = (top: string, bottom: string) =>
  html`<p class="meta extremes" part="extremes"><span>${top}</span> <span>${bottom}</span></p>`;

/** Where the numbers come from (rows read, the import report) and the exports, folded behind one line. */
function importDetails(state: Ready, selection: readonly Selection[], lang: Lang, a: ReadyActions) {
  const t = messages(lang);
  const l = layoutMessages(lang);
  const { imports, remote } = state;
  const results = () => state.computed.map((c) => c.result);
  const sum = (k: 'read' | 'loaded' | 'rejected') =>
    formatCount(
      imports.reduce((n, i) => n + i[k], 0),
      lang,
    );
  const summary = remote
    ? t.remoteSource(new URL(remote).host)
    : t.rowsSummary(sum('read'), sum('loaded'), sum('rejected'));
  // Rejected rows are news the reader must see (the report inside opens by itself too): unfolded then.
  const rejected = imports.some((i) => i.rejected > 0);
  return html`<details class="import-details" part="import-details" ?open=${rejected}>
      <summary>${l.importDetails(summary)}</summary>
      ${
        remote
          ? nothing
          : html`<p class="meta"><button type="button" class="link" @click=${() => a.openPicker()}>${t.loadOther}</button></p>
            <assessment-import-report .imports=${imports} .entries=${state.entries} lang=${lang}
              @ad-download-ledger=${() => a.downloadLedger()}></assessment-import-report>`
      }
      <p class="tools">${t.exportLabel}
        <button type="button" class="link" @click=${() => exportIndicatorsCsv(results(), lang, selection)}>${t.exportIndicators}</button>
        <button type="button" class="link" @click=${() => exportIndicatorsXlsx(results(), lang, selection)}>${t.exportIndicatorsXlsx}</button>
      </p>
    </details>`;
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
  collapse: (panel: string, title: string) => void,
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
    collapse,
  };
}
