import type { ImportSummary, IndicatorResult, Selection } from '@assessment-dashboard/core';
import { html, nothing, type PropertyValues } from 'lit';
import { installOfflineGuard } from '../guard/offline-guard.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import '../panels/built-in.ts';
import { downloadLedger } from '../panels/chart-tools.ts';
import { pickPanels } from '../panels/registry.ts';
import { tileFontWarmupStyles } from '../panels/tile-font-warmup.ts';
import { DashboardSession } from '../session/dashboard-session.ts';
import { PER_SELECTION_NEEDS } from '../session/follow-ups.ts';
import type { SessionSettings } from '../session/session-settings.ts';
import { tokens } from '../styles/tokens.ts';
import { Announcer } from './announcer.ts';
import { asOfControl } from './as-of-control.ts';
import { DashboardProperties, DEFAULT_MAX_MB } from './dashboard-properties.ts';
import { assetBaseOf, elementInputs, periodOf, remoteUrl, sessionSettings } from './element-settings.ts';
import { filePicker, openFilePicker } from './file-picker.ts';
import { dashboardHeading } from './heading.ts';
import { SOURCE_ATTRIBUTES, sizeLimit, urlFileName } from './inputs.ts';
import { loadMessages } from './load-messages.ts';
import { type Input, type LoadState, shownResults } from './load-state.ts';
import { type Notice, noticeLine } from './notice-line.ts';
import { copyPageLink, panelActions, readyView } from './ready-view.ts';
import { scopeBar } from './scope-bar.ts';
import { StartUp } from './start-up.ts';
import { bootView, progressText, statusView } from './status-view.ts';
import { dashboardStyles } from './styles.ts';
import { readCollapsed, readSelection, writeCollapsed, writeSelection } from './url-state.ts';

let instanceCount = 0;

/** Attributes that start a new load when they change (the as-of day alone only recomputes). */
const SOURCES = Object.keys(SOURCE_ATTRIBUTES);
const INPUTS = ['assetBase', 'maxMb', 'mapping', 'importMapping', 'config', 'configuration', 'sheet'];
const RELOADS = [...SOURCES, ...INPUTS, 'engineUrl', 'engineDialect', 'snapshot'];

/**
 * The embeddable dashboard. Give it export files by URL, or let the user drop files on it; it loads them
 * into DuckDB-WASM in the visitor's browser (nothing is uploaded) and shows the assessment indicators.
 * Its logic lives in a DashboardSession (no DOM) and its panels are plug-ins (panels/registry.ts):
 * the element holds the properties, the drop zone and the layout.
 *
 * @element assessment-dashboard
 * @attr src - URL of the main export (service cases 办件; dataset detected from its headers)
 * @attr disclosures - URL of the proactive-disclosure export (主动公开)
 * @attr requests - URL of the on-request application export (依申请公开)
 * @attr hotline - URL of the 12345 hotline export
 * @attr items - URL of the service-item catalogue (事项清单)
 * @attr steps - URL of the case process-step export (办件过程), for 事后补录 checks
 * @attr receipts - URL of treasury / non-tax receipts (缴款到账记录), reconciled with fees and fines (网下运行)
 * @attr lang - 'zh-CN' (default) or 'en'
 * @attr heading - the dashboard's heading (default 政务服务与政务公开评估 / its English); empty: no heading,
 *   for a page whose own heading already names it
 * @attr heading-level - the heading's level in the host page's outline, 1–6 (default 2)
 * @attr as-of - 'YYYY-MM-DD': every indicator counts only what had happened by the end of that day (rows
 *   received later, and closures, replies, ratings and callbacks dated later, are left out); default: the
 *   latest timestamp in the data. The header's date field (统计截至 / As of) sets it and reflects it.
 * @attr asset-base - URL of the folder holding the DuckDB files (default: `duckdb/` beside the script)
 * @attr mapping - URL of a mapping file (JSON: dataset, columns, values, formats, timezone) for `src` and
 *   dropped files whose headers no alias list knows; the `importMapping` property takes the object itself
 * @attr config - URL of a configuration file (JSON: targets per indicator and department, calendar
 *   overrides, user-defined indicators); the `configuration` property takes the object itself
 * @attr sheet - XLSX sheet to read, by name or 0-based index (default: the first visible sheet)
 * @attr url-state - opt in to keeping chart selections in the page URL under this query parameter
 *   (e.g. `url-state="ad"`); also shows a "copy link" button
 * @attr offline-guard - refuse every request from the page to origins other than the page's, the asset base's
 *   and the data files'; refusals fire `ad-egress-blocked` on window
 * @attr engine - URL of a query server (`assessment-dashboard serve`, or any server speaking Mosaic's REST
 *   protocol): the indicator SQL runs there and only results come back, so neither the files nor
 *   DuckDB-WASM are downloaded, and the data source attributes are ignored
 * @attr engine-dialect - 'clickhouse': `engine` is a ClickHouse HTTP endpoint (a read-only user with CORS), and
 *   the indicator SQL is rendered for ClickHouse; default: a Mosaic-protocol query server
 * @attr snapshot - URL of a snapshot file written by `assessment-dashboard snapshot … -o snapshot.arrow`: the
 *   tiles, scorecard, trend and domain panels are painted from it without downloading DuckDB-WASM or the
 *   files (its own as-of date and configuration apply). With `src` (or other sources) as well, a chart
 *   filter loads the sources into DuckDB-WASM, showing a "loading full data" status, and the dashboard
 *   then works live; without them, filtering says it needs the data
 * @attr period - rank departments per reporting period, 'month', 'quarter' or 'year' (each row then shows
 *   its recent periods as a small line); without it the scorecard ranks the whole data
 * @attr panels - which panels to show, in any order of names separated by commas or spaces: tiles,
 *   scorecard, watch, supervision, trend, dept, channel, daily, drill, domain, or the name of a panel
 *   registered with `registerPanel` (default: all that the data allows); hidden panels compute nothing
 * @attr max-mb - largest file the browser may load, in MB (default 1024); larger files get a message
 *   pointing to the CLI instead of crashing the tab. A value that is not a positive number keeps the
 *   default limit, with a console warning and a note under the title (never "no limit")
 * @fires ad-ready - detail: `{ imports, indicators }` once the indicators are shown
 * @fires ad-error - detail: `{ kind, file, message }` when loading fails
 * @fires ad-filter - detail: `{ selection }` once every panel shows a new chart selection
 * @fires ad-state - detail: `{ phase }` at every step of a load (a phase begins, its progress moves, the first
 *   tiles arrive; at most ten progress steps a second): for a host page's own progress display or timing
 *   without polling. Phases: idle, fetching, starting-engine, connecting, importing, computing, ready, empty,
 *   mapping (a column mapping is asked for), cancelled, error
 * @fires ad-engine-restart - detail: `{ message }` when the engine crashed and is started again (once per load;
 *   a second crash fires `ad-error` with kind `crash`)
 * @csspart tiles - the KPI tile list
 * @csspart panel - a chart panel
 * @csspart dropzone - the file drop area shown without `src`
 * @csspart progress - the loading line (bytes read, rows parsed, computing) with its Cancel button
 * @csspart notice - "import cancelled" over the data shown again after a cancelled import; "restarted" after
 *   the engine crashed and was started again
 * @csspart heading - the dashboard's heading
 * @csspart scope-bar - the bar with the as-of day, ranking period and filter chips that stays in view (sticky)
 * @csspart import-details - the folded line with the rows read, the import report and the indicator exports
 * @csspart extremes - the ranking's first and last department, under the tiles
 */
export class AssessmentDashboard extends DashboardProperties {
  static override styles = [tokens, dashboardStyles, tileFontWarmupStyles];

  /** Files the user dropped or picked; they replace the attribute sources until the attributes change. */
  #localFiles: File[] = [];
  readonly #id = `ad_${++instanceCount}`;
  readonly #session = new DashboardSession(() => this.#settings());
  /** Folded panels by name, with the title their line shows; read from the URL with `url-state`. */
  #collapsed: ReadonlyMap<string, string> | undefined;
  /** The dropped files behind the data on display (none: the attributes'): in force again after a cancel. */
  #shownFiles: File[] = [];
  /**
   * Over the data: "已取消导入" (shown again after a cancelled import) or "restarted" (the engine crashed and
   * the data is loaded again); until dismissed or the next load.
   */
  #notice: Notice | undefined;
  /** The status line's live region: phases at once, progress ticks at most every 3 s. */
  readonly #announcer = new Announcer(() => this.requestUpdate());
  readonly #startUp = new StartUp(
    this,
    () => this.#lang(),
    () => assetBaseOf(this),
    () => {
      this.#announce();
      this.requestUpdate();
    },
    () => this._state.phase !== 'fetching',
  );

  constructor() {
    super();
    const s = this.#session;
    s.addEventListener('state', () => {
      if (s.state.phase === 'computing') this._views = {};
      this._state = s.state;
      if (s.state.phase === 'ready') this.#shownFiles = this.#localFiles;
      if (this.#startUp.ready) this.#announce();
      this.#startUp.loadChanged();
      this.requestUpdate();
      this.dispatchEvent(new CustomEvent('ad-state', { detail: { phase: s.state.phase } }));
    });
    const forward = (from: string, to: string) =>
      s.addEventListener(from, (e) =>
        this.dispatchEvent(new CustomEvent(to, { detail: (e as CustomEvent).detail })),
      );
    forward('ready', 'ad-ready');
    forward('error', 'ad-error');
    forward('filter', 'ad-filter');
    forward('restart', 'ad-engine-restart');
    s.addEventListener('restart', () => {
      this.#notice = 'restarted';
    });
    s.addEventListener('selection', () => {
      if (this.urlState) writeSelection(this.urlState, s.selection);
    });
  }

  /** Indicator results currently shown (empty until loaded). */
  get results(): IndicatorResult[] {
    return shownResults(this.#session.state);
  }

  /** Row-ledger summaries of the loaded files. */
  get imports(): ImportSummary[] {
    return this._state.phase === 'ready' ? this._state.imports : [];
  }

  /** Current chart selections as per-dataset filters. */
  get selection(): readonly Selection[] {
    return this.#session.selection;
  }

  /** Loads the sources again (e.g. after an error). */
  reload(): Promise<void> {
    return this.#load();
  }

  /** Loads local files (as the drop zone does). They are read in the browser and never uploaded. */
  loadFiles(files: Iterable<File>): Promise<void> {
    this.#localFiles = [...files];
    this.#session.clearFixes();
    return this.#load();
  }

  /**
   * Stops a load in progress (download or import). The data shown before it, if any, is shown again with
   * "已取消导入"; otherwise the dashboard says the load was cancelled.
   */
  cancel(): void {
    const lang = this.#lang();
    const shown = this.#shownFiles;
    if (this.#session.cancel() === 'restored') {
      this.#localFiles = shown;
      this.#shownFiles = shown;
      this.#notice = 'cancelled';
      this.#announcer.say(
        'cancelled',
        `${loadMessages(lang).importCancelled}${loadMessages(lang).keptPrevious}`,
      );
    } else {
      const s = this._state;
      const local = s.phase === 'cancelled' && this.#localFiles.some((f) => f.name === s.file);
      this.#announcer.say('cancelled', local ? loadMessages(lang).importCancelled : messages(lang).cancelled);
    }
    this.requestUpdate();
  }

  /** Says the loading state in the live region (throttled: see Announcer). */
  #announce(): void {
    const s = this._state;
    const text = progressText(s, this.#lang(), {
      label: this.#label,
      isLocal: this.#isLocal,
      hasInputs: this.#inputs().length > 0,
    });
    // After a restart each phase says so too: a polite region may only ever read the latest text.
    const restarted = this.#notice === 'restarted' ? loadMessages(this.#lang()).restarted : '';
    if (text !== undefined) this.#announcer.say(s.phase, `${restarted}${text}`);
    else if (s.phase === 'ready' && this.#notice !== 'cancelled') this.#announcer.say('ready', restarted);
  }

  #isLocal = (file: string) => this.#localFiles.some((f) => f.name === file);

  /** Replaces the chart selection (as clicking bars and removing chips do) and recomputes every panel. */
  select(selection: readonly Selection[]): Promise<void> {
    return this.#session.select(selection);
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved in the page (removed and added again): loading was stopped on removal, start it again.
    if (this.hasUpdated) void this.#load();
  }

  /** Complete once the text is laid out too (start-up.ts: none until the fonts are open). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#startUp.ready) return done;
    await this.#startUp.whenReady();
    return super.getUpdateComplete();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#announcer.dispose();
    this.#session.dispose();
  }

  protected override willUpdate(changed: PropertyValues) {
    const reload = RELOADS.some((k) => changed.has(k));
    // A new as-of day keeps the loaded tables: only what is computed from them is computed again.
    if (changed.has('asOf') && !reload && this.#session.engine && this._state.phase === 'ready')
      void this.#session.recompute();
    else if (reload || changed.has('asOf')) {
      // New attribute sources replace files the user dropped earlier.
      if (SOURCES.some((k) => changed.has(k))) this.#localFiles = [];
      if (changed.has('snapshot')) this.#session.resetSnapshot();
      void this.#load();
    }
  }

  #load(): Promise<void> {
    // An update can still run after removal; never take the shared engine for an element that is gone.
    if (!this.isConnected) return Promise.resolve();
    this.#notice = undefined;
    if (this.offlineGuard)
      installOfflineGuard([
        remoteUrl(this) ?? assetBaseOf(this),
        ...this.#inputs().map((i) => i.name),
        this.mapping ?? '',
        this.config ?? '',
        this.snapshot ?? '',
      ]);
    return this.#session.load();
  }

  /** What the session reads at each load. */
  #settings(): SessionSettings {
    return sessionSettings(this, {
      inputs: this.#inputs(),
      localFiles: this.#localFiles.length > 0,
      id: this.#id,
      lang: this.#lang(),
      initialSelection: () => this.#urlSelection(),
      folded: new Set(this.#folded().keys()),
    });
  }

  #inputs = (): Input[] => elementInputs(this, this.#localFiles, this.#maxMb() * 1024 * 1024);

  /** The selection the page URL holds; parts it cannot apply are kept for the note beside the chips. */
  #urlSelection(): Selection[] {
    if (!this.urlState) return [];
    const { selection, ignored } = readSelection(this.urlState, this.#lang());
    this._urlIgnored = ignored;
    return selection;
  }

  /** The file-size limit in MB: `max-mb` when it is a positive number, else the default (and a note). */
  #maxMb(): number {
    const { mb, refused } = sizeLimit(this.maxMb, this.getAttribute('max-mb'), DEFAULT_MAX_MB);
    if (refused !== undefined && refused !== this._badMaxMb)
      console.warn(
        `<assessment-dashboard>: max-mb="${refused}" is not a positive number; the limit stays ${mb} MB.`,
      );
    this._badMaxMb = refused;
    return mb;
  }

  #lang(): Lang {
    return hostLang(this);
  }

  #copyLink = () =>
    copyPageLink({
      copied: (on) => {
        this._copied = on;
        if (!on) this._urlIgnored = [];
      },
      // Clipboard refused (permissions, plain http): show the link selected so the user can copy it.
      refused: async (link) => {
        this._linkText = link;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('input.link-text')?.select();
      },
    });

  /** How an input is named to people: a local file's own name, or the last segment of a URL. */
  #label = (name: string) => this.#inputs().find((i) => i.name === name)?.label ?? urlFileName(name);

  #openPicker = () => openFilePicker(this.renderRoot);

  /** The folded panels: the URL's on first use (with `url-state`), then this element's own. */
  #folded(): ReadonlyMap<string, string> {
    this.#collapsed ??= new Map(this.urlState ? readCollapsed(this.urlState).map((n) => [n, '']) : []);
    return this.#collapsed;
  }

  /** Folds or unfolds a panel (`title` undefined: unfold), in the URL too with `url-state`. */
  #fold(panel: string, title: string | undefined): void {
    const next = new Map(this.#folded());
    if (title === undefined) next.delete(panel);
    else next.set(panel, title);
    this.#collapsed = next;
    if (this.urlState) writeCollapsed(this.urlState, next.keys());
    this.requestUpdate();
    // A folded panel's per-selection query was skipped: unfolding asks for the current selection's numbers
    // (live data only: from a snapshot, a selection would load the full data).
    const s = this._state;
    const redone = pickPanels(this.panels).some(
      (p) => p.name === panel && p.needs.some((n) => PER_SELECTION_NEEDS.has(n)),
    );
    if (title === undefined && redone && s.phase === 'ready' && !s.snapshot)
      void this.#session.select(this.#session.selection);
  }

  override render() {
    // Until the fonts are open (while the data loads): a bar without text, or nothing when nothing loads.
    if (!this.#startUp.ready)
      return bootView(this._state, this.#lang(), {
        label: this.#label,
        isLocal: this.#isLocal,
        hasInputs: this.#inputs().length > 0,
      });
    const lang = this.#lang();
    const t = messages(lang);
    const s = this._state;
    const selection = this.#session.selection;
    const recomputing = this.#session.recomputing;
    const body =
      s.phase === 'ready'
        ? readyView(s, selection, lang, pickPanels(this.panels), {
            ...panelActions(
              this.#session,
              this._views,
              (views) => {
                this._views = views;
              },
              (panel, title) => this.#fold(panel, title),
            ),
            collapsed: this.#folded(),
            recomputing,
            expand: (panel) => this.#fold(panel, undefined),
            openPicker: this.#openPicker,
            downloadLedger: () => void downloadLedger(this.#session.engine),
          })
        : statusView(s, lang, {
            label: this.#label,
            serverHost: this.engineUrl ? new URL(this.engineUrl, location.href).host : '',
            hasInputs: this.#inputs().length > 0,
            showsTiles: pickPanels(this.panels).some((p) => p.name === 'tiles'),
            warmStyles: this.#startUp.warmStyles,
            dragging: this._dragging,
            cancel: () => this.cancel(),
            retry: () => void this.reload(),
            openPicker: this.#openPicker,
            applyFix: (file, mapping) => void this.#session.applyFix(file, mapping),
            setDragging: (on) => {
              this._dragging = on;
            },
            loadFiles: (files) => void this.loadFiles(files),
            isLocal: this.#isLocal,
          });
    return html`<header>
        ${dashboardHeading(this.heading ?? t.title, this.headingLevel)}
        ${this._badMaxMb === undefined ? nothing : html`<p class="note" role="status">${t.badMaxMb(this._badMaxMb, DEFAULT_MAX_MB)}</p>`}
      </header>
      ${scopeBar(
        this.#asOfControl(s, lang),
        s.phase === 'ready' ? periodOf(this) : undefined,
        s.phase === 'ready' ? selection : undefined,
        lang,
        {
          linkable: Boolean(this.urlState),
          copied: this._copied,
          linkText: this._linkText,
          ignored: this._urlIgnored,
          recomputing,
          copyLink: () => void this.#copyLink(),
          select: (next) => void this.select(next),
        },
      )}
      ${noticeLine(this.#notice, s, lang, () => {
        this.#notice = undefined;
        this.requestUpdate();
      })}
      ${body}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live>${this.#announcer.text}</p>
      ${filePicker((files) => void this.loadFiles(files))}`;
  }

  /** The as-of field, kept in the header while recomputing so focus stays on it; none without an engine. */
  #asOfControl(s: LoadState, lang: Lang) {
    if (!this.#session.engine || (s.phase !== 'ready' && s.phase !== 'computing')) return nothing;
    const shown = this.asOf || (s.phase === 'ready' ? (s.dataEnd ?? s.asOf).slice(0, 10) : '');
    return asOfControl(shown, Boolean(this.asOf), lang, (day) => {
      this.asOf = day;
    });
  }
}
