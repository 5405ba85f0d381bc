import {
  asCrash,
  type ComputedIndicator,
  cubeIndicators,
  DATASETS,
  type DashboardConfig,
  type DatasetKey,
  type Engine,
  EngineCrashedError,
  enumLabel,
  type Filters,
  ImportError,
  type ImportMapping,
  type ImportSummary,
  INDICATORS,
  type IndicatorCubes,
  type IndicatorResult,
  isMonthSelection,
  MONTH_COLUMN,
  missingText,
  monthsOf,
  type PeriodUnit,
  parseConfig,
  parseMapping,
  RemoteEngineError,
  type Scorecard,
  type Selection,
  selectionOptions,
  type WatchList,
} from '@assessment-dashboard/core';
import { html, nothing, type PropertyValues } from 'lit';
import { downloadBlob, downloadText } from '../download.ts';
import { defaultAssetBase } from '../duckdb/asset-base.ts';
import { acquireDuckDB, type DuckDBLease, EngineStartError } from '../duckdb/shared-db.ts';
import { chartPng, standaloneSvg } from '../export/export-chart.ts';
import { breakdownCsv, breakdownSheet, indicatorsCsv, indicatorsSheet } from '../export/export-data.ts';
import { installOfflineGuard } from '../guard/offline-guard.ts';
import {
  formatBytes,
  formatCount,
  formatCountInText,
  formatDate,
  formatMonth,
  formatPercent,
} from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import { FetchError, TooLargeError } from '../load/fetch-with-progress.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';
import { cubeGroups, cubeValues } from './cross-filter.ts';
import { defaultTiles } from './default-tiles.ts';
import { dashboardHeading } from './heading.ts';
import { fileInput, SOURCE_ATTRIBUTES, type SourceAttribute, urlFileName, urlInput } from './inputs.ts';
import type { Input, LoadState } from './load-state.ts';
import { snapshotBanner, snapshotState, upgradeState, withSnapshotStatus } from './snapshot-mode.ts';
import { dashboardStyles } from './styles.ts';
import { readSelection, writeSelection } from './url-state.ts';

/** The live path (engines, import, computations): fetched on first use, never by a snapshot page. */
const liveModule = () => import('./live.ts');

let instanceCount = 0;

/** The panels the `panels` attribute can name. */
export const PANELS = [
  'tiles',
  'scorecard',
  'watch',
  'supervision',
  'trend',
  'dept',
  'channel',
  'daily',
  'drill',
  'domain',
] as const;
type PanelName = (typeof PANELS)[number];

/** One level of the drill-down: what was opened and the filters that select it. */
interface DrillStep {
  name: string;
  filters: Filters;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a chart's export holds: a result whose breakdown rows are the chart's bars or points. */
interface ChartData {
  result: IndicatorResult;
  labels: readonly string[];
}

/** An indicator as the panels show it (its Arrow table is not kept). */
type Shown = Pick<ComputedIndicator, 'result'>;

/** The rate drawn month by month in the trend panel. */
const TREND_KEY = 'case.online_apply_rate';
/** How many ledger entries the on-screen report shows; the CSV download has all of them. */
const REPORT_ENTRIES = 50;
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.parquet,.arrow,.arrows,.feather,.json,.ndjson,.jsonl,text/csv';

/**
 * The embeddable dashboard. Give it export files by URL, or let the user drop files on it; it loads them
 * into DuckDB-WASM in the visitor's browser (nothing is uploaded) and shows the assessment indicators.
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
 *   scorecard, watch, supervision, trend, dept, channel, daily, drill, domain (default: all that the
 *   data allows); hidden panels compute nothing
 * @attr max-mb - largest file the browser may load, in MB (default 512); larger files get a message
 *   pointing to the CLI instead of crashing the tab. A value that is not a positive number keeps the
 *   default limit, with a console warning and a note under the title (never "no limit")
 * @fires ad-ready - detail: `{ imports, indicators }` once the indicators are shown
 * @fires ad-error - detail: `{ kind, file, message }` when loading fails
 * @csspart tiles - the KPI tile list
 * @csspart panel - a chart panel
 * @csspart dropzone - the file drop area shown without `src`
 * @csspart heading - the dashboard's heading
 */
export class AssessmentDashboard extends ScaledElement {
  static override properties = {
    src: { type: String },
    disclosures: { type: String },
    requests: { type: String },
    hotline: { type: String },
    items: { type: String },
    steps: { type: String },
    receipts: { type: String },
    lang: { type: String, reflect: true },
    heading: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    asOf: { type: String, attribute: 'as-of', reflect: true },
    assetBase: { type: String, attribute: 'asset-base' },
    maxMb: { type: Number, attribute: 'max-mb' },
    mapping: { type: String },
    config: { type: String },
    configuration: { attribute: false },
    sheet: { type: String },
    urlState: { type: String, attribute: 'url-state' },
    offlineGuard: { type: Boolean, attribute: 'offline-guard' },
    engineUrl: { type: String, attribute: 'engine' },
    engineDialect: { type: String, attribute: 'engine-dialect' },
    period: { type: String },
    panels: { type: String },
    snapshot: { type: String },
    _copied: { state: true },
    _linkText: { state: true },
    _urlIgnored: { state: true },
    _badMaxMb: { state: true },
    importMapping: { attribute: false },
    _state: { state: true },
    _dragging: { state: true },
    _drill: { state: true },
  };
  declare src: string | undefined;
  declare disclosures: string | undefined;
  declare requests: string | undefined;
  declare hotline: string | undefined;
  declare items: string | undefined;
  declare steps: string | undefined;
  declare receipts: string | undefined;
  declare lang: string;
  declare heading: string | undefined;
  declare headingLevel: number | undefined;
  declare asOf: string | undefined;
  declare assetBase: string | undefined;
  declare maxMb: number;
  declare mapping: string | undefined;
  declare config: string | undefined;
  declare configuration: unknown;
  declare sheet: string | undefined;
  declare urlState: string | undefined;
  declare offlineGuard: boolean;
  declare engineUrl: string | undefined;
  declare engineDialect: string | undefined;
  declare period: string | undefined;
  declare panels: string | undefined;
  declare snapshot: string | undefined;
  declare _copied: boolean;
  declare _linkText: string | undefined;
  /** Parts of the URL's selection that name no known dataset column: shown in the chip area, not applied. */
  declare _urlIgnored: string[];
  /** The `max-mb` value that was refused (the default limit applies), for the note under the title. */
  declare _badMaxMb: string | undefined;
  declare importMapping: ImportMapping | undefined;
  declare _state: LoadState;
  declare _dragging: boolean;
  /** Drill-down path: a department, then one of its service items (whose cases are listed). */
  declare _drill: { dept?: DrillStep; item?: DrillStep };

  static override styles = [tokens, dashboardStyles];

  #engine: Engine | undefined;
  #run = 0;
  #abort: AbortController | undefined;
  /** Files the user dropped or picked; they replace the attribute sources until the attributes change. */
  #localFiles: File[] = [];
  /** Mappings the user made on the mapping screen, by input name. */
  #fixes = new Map<string, ImportMapping>();
  #lease: DuckDBLease | undefined;
  /** Values picked in charts; each filters the dataset it came from. */
  #selection: Selection[] = [];
  #config: DashboardConfig | undefined;
  /** The indicator cubes of the loaded data (built after the first paint); chart clicks read them. */
  #cubes: Promise<IndicatorCubes> | undefined;
  /** Counts selections, so the answer to one that was replaced by a newer click is dropped. */
  #selectRun = 0;
  readonly #id = `ad_${++instanceCount}`;
  /** Snapshot mode: the user asked for something the snapshot lacks, so the sources are loaded live. */
  #full = false;
  /** A selection to apply once the full data has replaced the snapshot. */
  #pending: Selection[] | undefined;

  constructor() {
    super();
    this.lang = '';
    this.maxMb = DEFAULT_MAX_MB;
    this.offlineGuard = false;
    this._copied = false;
    this._urlIgnored = [];
    this._state = { phase: 'idle' };
    this._dragging = false;
    this._drill = {};
  }

  /** Indicator results currently shown (empty until loaded). */
  get results(): IndicatorResult[] {
    return this._state.phase === 'ready' ? this._state.computed.map((c) => c.result) : [];
  }

  /** Row-ledger summaries of the loaded files. */
  get imports(): ImportSummary[] {
    return this._state.phase === 'ready' ? this._state.imports : [];
  }

  /** Loads the sources again (e.g. after an error). */
  reload(): Promise<void> {
    return this.#load();
  }

  /** Loads local files (as the drop zone does). They are read in the browser and never uploaded. */
  loadFiles(files: Iterable<File>): Promise<void> {
    this.#localFiles = [...files];
    this.#fixes.clear();
    return this.#load();
  }

  /** Stops a load in progress (download or import); the dashboard shows that it was cancelled. */
  cancel(): void {
    this.#run++;
    this.#abort?.abort();
    this._state = { phase: 'cancelled' };
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved in the page (removed and added again): loading was stopped on removal, start it again.
    if (this.hasUpdated) void this.#load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#run++;
    this.#abort?.abort();
    const engine = this.#engine;
    const lease = this.#lease;
    this.#engine = undefined;
    this.#lease = undefined;
    // Detach this element's database, then give up the shared engine (its worker ends when unused).
    void (engine?.close() ?? Promise.resolve()).catch(() => {}).finally(() => lease?.release());
  }

  protected override willUpdate(changed: PropertyValues) {
    const sources = Object.keys(SOURCE_ATTRIBUTES);
    const inputs = [
      'asOf',
      'assetBase',
      'maxMb',
      'mapping',
      'importMapping',
      'config',
      'configuration',
      'sheet',
      'engineUrl',
      'engineDialect',
      'snapshot',
    ];
    const onlyAsOf =
      changed.has('asOf') && ![...sources, ...inputs.filter((k) => k !== 'asOf')].some((k) => changed.has(k));
    // A new as-of day keeps the loaded tables: only what is computed from them is computed again.
    if (onlyAsOf && this.#engine && this._state.phase === 'ready') void this.#recompute();
    else if ([...sources, ...inputs].some((k) => changed.has(k))) {
      // New attribute sources replace files the user dropped earlier.
      if (sources.some((k) => changed.has(k))) this.#localFiles = [];
      if (changed.has('snapshot')) this.#full = false;
      void this.#load();
    }
  }

  #inputs(): Input[] {
    const maxBytes = this.#maxMb() * 1024 * 1024;
    if (this.#localFiles.length) return this.#localFiles.map((f) => fileInput(f, maxBytes));
    return (
      Object.entries(SOURCE_ATTRIBUTES) as [SourceAttribute, (typeof SOURCE_ATTRIBUTES)[SourceAttribute]][]
    )
      .filter(([attribute]) => this[attribute])
      .map(([attribute, dataset]) => urlInput(this[attribute] ?? '', dataset, maxBytes));
  }

  async #load(): Promise<void> {
    const run = ++this.#run;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const inputs = this.#inputs();
    // An update can still run after removal; never take the shared engine for an element that is gone.
    if (!this.isConnected) return;
    const remote = this.engineUrl ? new URL(this.engineUrl, location.href).href : undefined;
    if (!inputs.length && !remote && !this.snapshot) {
      this._state = { phase: 'idle' };
      return;
    }
    const live = () => run === this.#run && this.isConnected;
    const set = (s: LoadState) => {
      if (live()) this._state = upgradeState(this._state, s);
    };
    const assetBase = this.assetBase || defaultAssetBase();
    if (this.offlineGuard)
      installOfflineGuard([
        remote ?? assetBase,
        ...inputs.map((i) => i.name),
        this.mapping ?? '',
        this.config ?? '',
        this.snapshot ?? '',
      ]);
    // Snapshot mode: paint the precomputed results; DuckDB-WASM is started only if a filter needs it.
    if (this.snapshot && !this.#full && !this.#localFiles.length) {
      const url = new URL(this.snapshot, location.href).href;
      this.#lease?.release();
      this.#lease = undefined;
      try {
        set({ phase: 'fetching', file: url, loaded: 0, total: undefined });
        const ready = await snapshotState(url, abort.signal, (loaded, total) =>
          set({ phase: 'fetching', file: url, loaded, total }),
        );
        set(ready);
        if (!live()) return;
        const { imports, computed } = ready;
        this.dispatchEvent(
          new CustomEvent('ad-ready', { detail: { imports, indicators: computed.map((c) => c.result) } }),
        );
        const fromUrl = this.#urlSelection();
        if (fromUrl.length) await this.select(fromUrl);
      } catch (caught) {
        if (!live()) return;
        // A damaged, unreachable or newer snapshot must not hide data the page also names: carry on live.
        if ((inputs.length || remote) && !abort.signal.aborted) {
          console.warn(`assessment-dashboard: snapshot ${url} not used, loading the data live:`, caught);
          this.#full = true;
          return this.#load();
        }
        this.#fail(caught, url);
      }
      return;
    }
    const previous = this.#lease;
    // Start the engine while the files download: its 33 MB compile dominates start-up. A query server
    // holds the data itself: then no file and no DuckDB-WASM is downloaded.
    this.#lease = remote ? undefined : acquireDuckDB(assetBase);
    previous?.release();
    const dbPromise = this.#lease?.db;
    dbPromise?.catch(() => {});
    let file: string | undefined;
    try {
      const imports: ImportSummary[] = [];
      let engine: Engine;
      if (remote || !dbPromise) {
        set({ phase: 'connecting', url: remote ?? '' });
        await this.#engine?.close().catch(() => {});
        engine =
          this.engineDialect === 'clickhouse'
            ? new (await liveModule()).ClickHouseEngine(remote ?? '', { signal: abort.signal })
            : new (await liveModule()).RemoteEngine(remote ?? '', { signal: abort.signal });
        this.#engine = engine;
      } else {
        const fetched: { input: Input; bytes: Uint8Array }[] = [];
        for (const input of inputs) {
          file = input.name;
          set({ phase: 'fetching', file, loaded: 0, total: undefined });
          const bytes = await input.read(
            (loaded, total) => set({ phase: 'fetching', file: input.name, loaded, total }),
            abort.signal,
          );
          fetched.push({ input, bytes });
        }
        file = undefined;
        set({ phase: 'starting-engine' });
        const db = await dbPromise;
        if (!live()) return;
        await this.#engine?.close().catch(() => {});
        engine = new (await liveModule()).WasmEngine(db, `${this.#id}_${run}`, this.#lease?.crashed);
        this.#engine = engine;
        const shared = await this.#sharedMapping(abort.signal);
        for (const { input, bytes } of fetched) {
          file = input.name;
          set({ phase: 'importing', file });
          const fix = this.#fixes.get(input.name);
          const applies = shared && (input.dataset === undefined || input.dataset === shared.dataset);
          const mapping = fix ?? (applies ? shared : undefined);
          let summary: ImportSummary;
          try {
            summary = await (await liveModule()).importFile(engine, input.label, bytes, {
              dataset: input.dataset,
              mapping,
            });
          } catch (e) {
            // Unrecognised columns are a question for the user, not a dead end: show the mapping screen.
            const asks = ['missing_columns', 'unknown_dataset', 'ambiguous_dataset'];
            if (e instanceof ImportError && asks.includes(e.code)) {
              const preview = await (await liveModule()).previewFile(engine, input.label, bytes);
              if (input.dataset) preview.dataset = input.dataset;
              const lang = this.#lang();
              const t = messages(lang);
              const missing = (e.details.missing as string[] | undefined) ?? [];
              const tied = (e.details.candidates as DatasetKey[] | undefined) ?? [];
              const problem =
                e.code === 'unknown_dataset'
                  ? t.unknownDataset
                  : e.code === 'ambiguous_dataset'
                    ? t.ambiguousDataset(
                        tied.map((k) => DATASETS[k].label[lang]).join(lang === 'zh' ? '、' : ', '),
                      )
                    : t.missingColumns(missing.join(', '));
              return set({ phase: 'mapping', file: input.name, preview, problem });
            }
            throw e;
          }
          if (summary.loaded === 0) return set({ phase: 'empty', file: input.name });
          imports.push(summary);
        }
        file = undefined;
      }
      await this.#computeAll(engine, imports, remote, abort, live, set);
    } catch (caught) {
      if (live()) this.#fail(caught, file);
    }
  }

  /** Everything computed from the loaded tables: indicators, trend, cubes, then the panels after them. */
  async #computeAll(
    engine: Engine,
    imports: ImportSummary[],
    remote: string | undefined,
    abort: AbortController,
    live: () => boolean,
    set: (s: LoadState) => void,
  ): Promise<void> {
    set({ phase: 'computing' });
    const config = await this.#configuration(abort.signal);
    this.#config = config;
    this.#selection = [];
    this.#cubes = undefined;
    this.#selectRun++;
    this._drill = {};
    const computed = await (await liveModule()).computeIndicators(engine, {
      asOf: this.asOf || undefined,
      config,
    });
    // A query server's ledger belongs to its operator (`serve` prints it); only local imports are reported.
    const entries = remote ? [] : await (await liveModule()).ledgerEntries(engine, REPORT_ENTRIES);
    const trend = computed.some((c) => c.result.key === TREND_KEY)
      ? await (await liveModule()).computeGrouped(engine, {
          asOf: this.asOf || undefined,
          config,
          period: 'month',
          keys: [TREND_KEY],
        })
      : [];
    if (!live()) return;
    const asOf = computed[0]?.result.asOf ?? '';
    // The data's own latest day, shown beside a chosen as-of day (the same when none is chosen).
    const dataEnd = this.asOf ? await (await liveModule()).dataAsOf(engine) : asOf;
    const hasCases = computed.some((c) => c.result.key === TREND_KEY);
    set({
      phase: 'ready',
      imports,
      remote,
      computed,
      asOf,
      dataEnd,
      entries,
      trend,
      trendMonths: trend.map((r) => r.group?.period ?? ''),
      scorecard: hasCases ? 'computing' : undefined,
    });
    // Right after the first paint: every indicator pre-aggregated, so chart clicks need no query.
    const cubes = (await liveModule()).buildCubes(
      engine,
      { asOf: this.asOf || undefined, config },
      abort.signal,
    );
    cubes.catch(() => {});
    this.#cubes = cubes;
    const fromUrl = this.#pending ?? this.#urlSelection();
    this.#pending = undefined;
    if (fromUrl.length) await this.select(fromUrl);
    this.dispatchEvent(
      new CustomEvent('ad-ready', { detail: { imports, indicators: computed.map((c) => c.result) } }),
    );
    // The department and channel charts come from the cubes.
    const built = await cubes;
    if (live() && this._state.phase === 'ready') {
      this._state = { ...this._state, ...this.#panels(built).state } as LoadState;
    }
    if (hasCases && this.#show('daily')) await this.#refreshDaily(engine, this.#selectRun, built.tables);
    // Panels that need queries of their own come last (and only when shown): everything else is painted.
    const datasets = new Set(imports.map((i) => i.dataset));
    const supervised = datasets.has('steps') || (datasets.has('receipts') && datasets.has('cases'));
    if (supervised && this.#show('supervision')) {
      const supervision = {
        backfill: datasets.has('steps') ? await (await liveModule()).findBackfilledSteps(engine) : undefined,
        reconciliation:
          datasets.has('receipts') && datasets.has('cases')
            ? await (await liveModule()).reconcilePayments(engine)
            : undefined,
      };
      if (live() && this._state.phase === 'ready') this._state = { ...this._state, supervision };
    }
    if (hasCases && this.#show('watch')) {
      const watch = await (await liveModule()).watchList(engine, { asOf: this.asOf || undefined, config });
      if (live() && this._state.phase === 'ready') this._state = { ...this._state, watch };
    }
    if (hasCases && this.#show('scorecard')) {
      // One statement per indicator (and period): the departments come out of each as its groups.
      const scorecard = await (await liveModule()).computeScorecard(engine, {
        asOf: this.asOf || undefined,
        config,
        period: this.#scorePeriod(),
      });
      if (live() && this._state.phase === 'ready') this._state = { ...this._state, scorecard };
    }
  }

  /** A new as-of day (the date control or the attribute): recompute over the tables already loaded. */
  async #recompute(): Promise<void> {
    const engine = this.#engine;
    const state = this._state;
    if (!engine || state.phase !== 'ready') return this.#load();
    const run = ++this.#run;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const live = () => run === this.#run && this.isConnected;
    const set = (s: LoadState) => {
      if (live()) this._state = upgradeState(this._state, s);
    };
    try {
      await this.#computeAll(engine, state.imports, state.remote, abort, live, set);
    } catch (caught) {
      if (live()) this.#fail(caught);
    }
  }

  /** Shows what went wrong (and fires ad-error); `file` is the file being read or imported, if any. */
  #fail(caught: unknown, file?: string) {
    const e = asCrash(caught);
    // A dead worker is replaced on retry; the files are fetched (or read) again from where they came.
    if (e instanceof EngineCrashedError) this.#lease?.discard(e.message);
    // Fetch errors name their URL; anything thrown while a file is being read or imported names that file.
    const kind =
      e instanceof EngineCrashedError
        ? 'crash'
        : e instanceof TooLargeError
          ? 'too-large'
          : e instanceof FetchError
            ? 'fetch'
            : e instanceof RemoteEngineError
              ? 'server'
              : file
                ? 'import'
                : 'engine';
    const errorFile = e instanceof FetchError ? e.url : file;
    const t = messages(this.#lang());
    const detail =
      e instanceof TooLargeError
        ? t.tooLarge(
            this.#label(e.file),
            formatBytes(e.size, this.#lang()),
            formatBytes(e.limit, this.#lang()),
          )
        : e instanceof EngineStartError
          ? t.engineStart(e.problem)
          : e instanceof Error
            ? e.message
            : String(e);
    this._state = { phase: 'error', kind, file: errorFile, detail };
    this.dispatchEvent(new CustomEvent('ad-error', { detail: { kind, file: errorFile, message: detail } }));
  }

  /** The mapping from the `importMapping` property or the `mapping` URL, validated. */
  async #sharedMapping(signal: AbortSignal): Promise<ImportMapping | undefined> {
    if (this.importMapping) return parseMapping(this.importMapping, 'importMapping');
    return this.mapping ? parseMapping(await fetchJson(this.mapping, signal), this.mapping) : undefined;
  }

  /** The configuration from the `configuration` property or the `config` URL, validated. */
  async #configuration(signal: AbortSignal): Promise<DashboardConfig | undefined> {
    const keys = INDICATORS.map((d) => d.key);
    if (this.configuration) return parseConfig(this.configuration, 'configuration', keys);
    return this.config ? parseConfig(await fetchJson(this.config, signal), this.config, keys) : undefined;
  }

  #applyFix(file: string, mapping: ImportMapping) {
    this.#fixes.set(file, mapping);
    void this.#load();
  }

  /** Current chart selections as per-dataset filters. */
  get selection(): readonly Selection[] {
    return this.#selection;
  }

  /** Replaces the chart selection (as clicking bars and removing chips do) and recomputes every panel. */
  async select(selection: readonly Selection[]): Promise<void> {
    const s = this._state;
    if (s.phase === 'ready' && s.snapshot && !this.#full) return this.#loadFull(selection);
    const engine = this.#engine;
    if (s.phase !== 'ready' || !engine) return;
    this.#selection = [...selection];
    // Chips follow the click at once; the panels as soon as the cubes answer (a click made while they are
    // still being built waits for them), and a newer click makes this one's answer stale: it is dropped.
    const token = ++this.#selectRun;
    const run = this.#run;
    const stale = () => token !== this.#selectRun || run !== this.#run || this._state.phase !== 'ready';
    this.requestUpdate();
    try {
      const cubes = await this.#cubes;
      if (stale() || !cubes) return;
      const options = { asOf: this.asOf || undefined, config: this.#config };
      const panels = this.#panels(cubes);
      this._state = { ...this._state, ...panels.state } as LoadState;
      if (this.urlState) writeSelection(this.urlState, this.#selection);
      // The heatmap's days are not in the cubes: one small query, after the panels, dropped when stale.
      if (this.#show('daily')) void this.#refreshDaily(engine, token, cubes.tables).catch(() => {});
      // What the cubes cannot answer exactly (medians over several values, filters on other columns).
      if (panels.missing.length) {
        const rest = await (await liveModule()).computeIndicators(engine, {
          ...options,
          ...selectionOptions(this.#selection),
          keys: panels.missing,
        });
        if (stale() || this._state.phase !== 'ready') return;
        // The cubes left these keys out of `computed`: add them, in the cubes' (the catalogue's) order.
        const order = [...cubes.cubes.keys()];
        const computed = [...this._state.computed, ...rest.map((r) => ({ result: r.result }))].sort(
          (a, b) => order.indexOf(a.result.key) - order.indexOf(b.result.key),
        );
        this._state = { ...this._state, computed };
      }
      this.dispatchEvent(new CustomEvent('ad-filter', { detail: { selection: this.#selection } }));
    } catch (e) {
      if (run === this.#run && this.isConnected) this.#fail(e);
    }
  }

  /**
   * Every panel under the current selection, from the cubes. A chart is not filtered by its own selection
   * (as in Mosaic's cross-filter): it keeps every bar and highlights the picked one, so the user can see
   * the choice in context and pick another.
   */
  #panels(cubes: IndicatorCubes) {
    const all = selectionOptions(this.#selection);
    const { results, missing } = cubeIndicators(cubes, all);
    // The cubes hold the indicators in catalogue order (user-defined ones last), as computeIndicators does.
    const computed = results.map((result) => ({ result }));
    const without = (dataset: string, column: string) =>
      selectionOptions(this.#selection, (x) => x.dataset === dataset && x.column === column);
    const [domains] = cubeIndicators(cubes, without('disclosures', 'domain'), [
      'foi.volume_by_domain',
    ]).results;
    const i = computed.findIndex((c) => c.result.key === 'foi.volume_by_domain');
    if (domains && i >= 0) computed[i] = { result: domains };
    const state: Partial<Extract<LoadState, { phase: 'ready' }>> = { computed };
    const ready = this._state.phase === 'ready' ? this._state : undefined;
    if (cubes.cubes.has(TREND_KEY)) {
      const months = ready?.trendMonths ?? [];
      // A selection the cubes cannot answer (a filter on another column) leaves these panels as they were.
      const trend = cubeGroups(cubes, TREND_KEY, MONTH_COLUMN, months, without('all', MONTH_COLUMN));
      if (trend.every((r) => r !== undefined && r.status !== 'unavailable')) {
        state.trend = trend.map((r, n) => ({ ...(r as IndicatorResult), group: { period: months[n] } }));
      }
      const count = (column: string) => {
        const values = cubeValues(cubes, TREND_KEY, column);
        const groups = cubeGroups(cubes, TREND_KEY, column, values, without('cases', column));
        // Not in this export: no panel rather than a bar of 0 for every group.
        if (!groups.every((r) => r !== undefined && r.status !== 'unavailable')) return undefined;
        return groups.map((r, n) => ({ key: values[n] ?? '', value: r?.denominator ?? 0 }));
      };
      const byDept = count('dept_name');
      const byChannel = count('apply_channel');
      if (byDept) state.byDept = byDept;
      if (byChannel) state.byChannel = byChannel;
    }
    return { state, missing };
  }

  /** Cases per day under the selection (its months aside: the heatmap is itself a time view). */
  async #refreshDaily(engine: Engine, token: number, tables: Map<string, string[]>) {
    const filters = selectionOptions(this.#selection).datasetFilters?.cases;
    const daily = await (await liveModule()).dailyVolume(engine, { filters, tables });
    if (token !== this.#selectRun || this._state.phase !== 'ready') return;
    this._state = { ...this._state, daily };
  }

  /** Snapshot mode: a filter needs the data, so load the sources live and apply `selection` there. */
  async #loadFull(selection: readonly Selection[]): Promise<void> {
    const s = this._state;
    if (s.phase !== 'ready') return;
    if (!this.#inputs().length && !this.engineUrl) {
      this._state = withSnapshotStatus(s, 'needs-data');
      return;
    }
    this.#full = true;
    this.#pending = [...selection];
    this.#selection = [...selection];
    this._state = withSnapshotStatus(s, 'loading');
    await this.#load();
  }

  #copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      this._copied = true;
      setTimeout(() => {
        this._copied = false;
        this._urlIgnored = [];
      }, 2000);
    } catch {
      // Clipboard refused (permissions, plain http): show the link selected so the user can copy it.
      this._linkText = location.href;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input.link-text')?.select();
    }
  };

  /** The selection the page URL holds; parts it cannot apply are kept for the note beside the chips. */
  #urlSelection(): Selection[] {
    if (!this.urlState) return [];
    const { selection, ignored } = readSelection(this.urlState, this.#lang());
    this._urlIgnored = ignored;
    return selection;
  }

  /** The file-size limit in MB: `max-mb` when it is a positive number, else the default (and a note). */
  #maxMb(): number {
    const valid = Number.isFinite(this.maxMb) && this.maxMb > 0;
    const raw = valid ? undefined : (this.getAttribute('max-mb') ?? String(this.maxMb));
    if (raw !== undefined && raw !== this._badMaxMb) {
      console.warn(
        `<assessment-dashboard>: max-mb="${raw}" is not a positive number; the limit stays ${DEFAULT_MAX_MB} MB.`,
      );
    }
    this._badMaxMb = raw;
    return valid ? this.maxMb : DEFAULT_MAX_MB;
  }

  #toggle(dataset: DatasetKey | 'all', column: string, value: string | undefined, label: string) {
    const rest = this.#selection.filter((x) => !(x.dataset === dataset && x.column === column));
    void this.select(value === undefined ? rest : [...rest, { dataset, column, value, label }]);
  }

  async #downloadLedger() {
    if (!this.#engine) return;
    downloadText(
      await (await liveModule()).ledgerCsv(this.#engine),
      'import-ledger.csv',
      'text/csv;charset=utf-8',
    );
  }

  /** How an input is named to people: a local file's own name, or the last segment of a URL. */
  #label(name: string): string {
    return this.#inputs().find((i) => i.name === name)?.label ?? urlFileName(name);
  }

  /** Whether a panel is on (the `panels` attribute lists the ones to show; default all). */
  #show(panel: PanelName): boolean {
    if (!this.panels?.trim()) return true;
    return this.panels.split(/[\s,]+/).includes(panel);
  }

  /** The scorecard's period from the `period` attribute, if it names one. */
  #scorePeriod(): PeriodUnit | undefined {
    const p = this.period?.trim() as PeriodUnit | undefined;
    return p && (['month', 'quarter', 'year'] as const).includes(p as 'month') ? p : undefined;
  }

  #lang(): Lang {
    return hostLang(this);
  }

  override render() {
    const lang = this.#lang();
    const t = messages(lang);
    const s = this._state;
    return html`<header>
        ${dashboardHeading(this.heading ?? t.title, this.headingLevel)}
        ${this.#asOfControl(s, lang)}
        ${this._badMaxMb === undefined ? nothing : html`<p class="note" role="status">${t.badMaxMb(this._badMaxMb, DEFAULT_MAX_MB)}</p>`}
      </header>
      ${this.#body(s, lang)}
      <input id="picker" class="visually-hidden" type="file" multiple accept=${ACCEPT} tabindex="-1" aria-hidden="true"
        @change=${this.#picked} />`;
  }

  /**
   * The as-of day as a labelled date field (keyboard and screen-reader friendly, a native control): kept
   * in the header while recomputing so focus stays on it. Hidden when no engine holds the data (snapshot).
   */
  #asOfControl(s: LoadState, lang: Lang) {
    if (!this.#engine || (s.phase !== 'ready' && s.phase !== 'computing')) return nothing;
    const t = messages(lang);
    const shown = this.asOf || (s.phase === 'ready' ? (s.dataEnd ?? s.asOf).slice(0, 10) : '');
    return html`<p class="meta as-of-control">
      <label for="as-of">${t.asOfLabel}</label>
      <input id="as-of" type="date" .value=${shown} @change=${this.#pickAsOf} />
      ${
        this.asOf
          ? html`<button type="button" class="link" @click=${() => {
              this.asOf = undefined;
            }}>${t.asOfReset}</button>`
          : nothing
      }
    </p>`;
  }

  #pickAsOf = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    // An empty or partly typed field keeps the day in force; a full date recomputes (willUpdate).
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) this.asOf = v;
  };

  #body(s: LoadState, lang: Lang) {
    const t = messages(lang);
    switch (s.phase) {
      case 'idle':
        return this.#inputs().length ? this.#progress(t.startingEngine) : this.#dropZone(lang);
      case 'fetching': {
        // A local file is read, not downloaded: its own size, not bytes so far.
        const local = this.#localFiles.some((f) => f.name === s.file);
        const sizes =
          s.total && local
            ? formatBytes(s.total, lang)
            : s.total
              ? `${formatBytes(s.loaded, lang)} / ${formatBytes(s.total, lang)}`
              : formatBytes(s.loaded, lang);
        return this.#progress(
          `${(local ? t.readingLocal : t.fetching)(this.#label(s.file))}${lang === 'zh' ? `（${sizes}）` : ` (${sizes})`}`,
          s.total ? s.loaded / s.total : undefined,
        );
      }
      case 'starting-engine':
        return this.#progress(t.startingEngine);
      case 'connecting':
        return this.#progress(t.connecting(new URL(s.url).host));
      case 'importing':
        return this.#progress(t.importing(this.#label(s.file)));
      case 'computing':
        return this.#progress(t.computing);
      case 'empty':
        return html`<div class="state" role="status">${t.emptyFile(s.file)}</div>${this.#dropZone(lang)}`;
      case 'cancelled':
        return html`<div class="state" role="status">${t.cancelled}
          <button type="button" @click=${() => this.reload()}>${t.retry}</button></div>${this.#dropZone(lang)}`;
      case 'error': {
        const titles = {
          fetch: t.loadFailed(s.file ?? ''),
          import: t.importFailed(s.file ?? ''),
          engine: t.engineFailed,
          server: t.serverFailed(this.engineUrl ? new URL(this.engineUrl, location.href).host : ''),
          crash: t.engineCrashed,
          'too-large': t.tooLargeTitle,
        };
        const title = titles[s.kind];
        return html`<div class="state error" role="alert">
          <h3>${title}</h3>
          <p>${s.detail}</p>
          <button type="button" @click=${() => this.reload()}>${t.retry}</button>
          <button type="button" @click=${this.#openPicker}>${t.loadOther}</button>
        </div>`;
      }
      case 'mapping':
        return html`<assessment-column-mapper .preview=${s.preview} file-name=${this.#label(s.file)} problem=${s.problem}
          lang=${lang} @ad-apply-mapping=${(e: CustomEvent<{ mapping: ImportMapping }>) => this.#applyFix(s.file, e.detail.mapping)}>
          </assessment-column-mapper>`;
      case 'ready':
        return this.#ready(s, lang);
    }
  }

  #progress(text: string, fraction?: number) {
    const t = messages(this.#lang());
    return html`<div class="state" role="status" aria-live="polite" aria-busy="true">
      <p>${text}</p>
      ${fraction === undefined ? html`<progress aria-label=${text}></progress>` : html`<progress aria-label=${text} max="1" value=${fraction}></progress>`}
      <p><button type="button" @click=${() => this.cancel()}>${t.cancel}</button></p>
    </div>`;
  }

  #dropZone(lang: Lang) {
    const t = messages(lang);
    return html`<div part="dropzone" class="drop ${this._dragging ? 'dragging' : ''}"
        @dragover=${this.#dragOver} @dragleave=${this.#dragLeave} @drop=${this.#drop}>
      <p>${t.noSource}</p>
      <p><strong>${t.dropTitle}</strong> <button type="button" @click=${this.#openPicker}>${t.choose}</button></p>
      <p class="meta">${t.dropHint}</p>
    </div>`;
  }

  #openPicker = () => this.renderRoot.querySelector<HTMLInputElement>('#picker')?.click();

  #picked = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.files?.length) void this.loadFiles(input.files);
    input.value = '';
  };

  #dragOver = (e: DragEvent) => {
    e.preventDefault();
    this._dragging = true;
  };

  #dragLeave = () => {
    this._dragging = false;
  };

  #drop = (e: DragEvent) => {
    e.preventDefault();
    this._dragging = false;
    const files = e.dataTransfer?.files;
    if (files?.length) void this.loadFiles(files);
  };

  #ready(state: Extract<LoadState, { phase: 'ready' }>, lang: Lang) {
    const { imports, computed, entries, trend, scorecard, remote, watch, supervision } = state;
    const t = messages(lang);
    const read = imports.reduce((n, i) => n + i.read, 0);
    const loaded = imports.reduce((n, i) => n + i.loaded, 0);
    const rejected = imports.reduce((n, i) => n + i.rejected, 0);
    const tiles = defaultTiles(computed);
    const domains = computed.find((c) => c.result.key === 'foi.volume_by_domain');
    const source = remote
      ? html`<p class="meta">${t.remoteSource(new URL(remote).host)}</p>`
      : html`<p class="meta">${t.rowsSummary(formatCount(read, lang), formatCount(loaded, lang), formatCount(rejected, lang))}
          <button type="button" class="link" @click=${this.#openPicker}>${t.loadOther}</button></p>
        <assessment-import-report .imports=${imports} .entries=${entries} lang=${lang}
          @ad-download-ledger=${() => this.#downloadLedger()}></assessment-import-report>`;
    return html`${snapshotBanner(state, lang)}${source}
      ${this.#chips(lang)}
      <p class="tools">${t.exportLabel}
        <button type="button" class="link" @click=${() => this.#exportIndicators(computed, lang)}>${t.exportIndicators}</button>
        <button type="button" class="link" @click=${() => this.#exportIndicatorsXlsx(computed, lang)}>${t.exportIndicatorsXlsx}</button>
      </p>
      ${
        this.#show('tiles')
          ? html`<p class="meta tiles-as-of" part="as-of">${t.dataAsOf} ${formatDate(state.asOf, lang)}${
              state.dataEnd && state.dataEnd.slice(0, 10) !== state.asOf.slice(0, 10)
                ? t.dataEndNote(formatDate(state.dataEnd, lang))
                : ''
            }</p>
            <ul class="tiles" part="tiles">
              ${tiles.map((c) => html`<li><assessment-kpi-tile .result=${c.result} lang=${lang}></assessment-kpi-tile></li>`)}
            </ul>
            ${this.#unavailableList(computed, lang)}`
          : nothing
      }
      ${scorecard && this.#show('scorecard') ? this.#scorecardPanel(scorecard, lang) : nothing}
      ${watch && this.#show('watch') ? this.#watchPanel(watch, lang) : nothing}
      ${
        supervision && this.#show('supervision')
          ? html`<section class="panel" part="panel" aria-labelledby="supervision-title">
              <h3 class="panel-title" id="supervision-title">${t.supervisionTitle}</h3>
              <assessment-supervision .backfill=${supervision.backfill} .reconciliation=${supervision.reconciliation}
                lang=${lang}></assessment-supervision>
            </section>`
          : nothing
      }
      ${trend.some((r) => r.status !== 'unavailable') && this.#show('trend') ? this.#trendPanel(trend, state.trendMonths ?? [], lang) : nothing}
      ${state.byDept?.length && this.#show('dept') ? this.#countPanel('dept', state.byDept, lang) : nothing}
      ${state.byChannel?.length && this.#show('channel') ? this.#countPanel('channel', state.byChannel, lang) : nothing}
      ${state.daily?.dates.length && this.#show('daily') ? this.#heatmapPanel(state.daily, lang) : nothing}
      ${state.byDept?.length && this.#engine && this.#show('drill') ? this.#drillPanel(state.asOf, lang) : nothing}
      ${
        this.#show('domain')
          ? html`<section class="panel" part="panel" aria-labelledby="domains-title">
              <h3 class="panel-title" id="domains-title">${t.disclosuresByDomain}</h3>
              ${domains ? this.#domainChart(domains, lang) : html`<p class="meta">${t.noDisclosures}</p>`}
            </section>`
          : nothing
      }`;
  }

  /** Which indicators this export cannot answer, and the column that would enable each. */
  #unavailableList(computed: readonly { result: IndicatorResult }[], lang: Lang) {
    const t = messages(lang);
    const lacking = computed.filter((c) => c.result.status === 'unavailable');
    if (!lacking.length) return nothing;
    return html`<details class="unavailable" part="unavailable">
      <summary>${t.unavailableTitle(lacking.length)}</summary>
      <ul>
        ${lacking.map(
          (c) =>
            html`<li data-key=${c.result.key}>${c.result.label[lang]}${t.colon}${missingText(c.result.missing ?? [], lang)}</li>`,
        )}
      </ul>
    </details>`;
  }

  #domainChart(c: Shown, lang: Lang) {
    const t = messages(lang);
    // Not in this export: say which column is missing rather than draw an empty chart.
    if (c.result.status === 'unavailable')
      return html`<p class="meta">${t.status.unavailable}${t.colon}${missingText(c.result.missing ?? [], lang)}</p>`;
    // The result's breakdown, not the raw Arrow table: small-number protection has already been applied.
    const codes = (c.result.breakdown ?? []).map((b) => b.key);
    const values = Float64Array.from(c.result.breakdown ?? [], (b) => b.value);
    const labels = Array.from(codes, (code) => enumLabel('disclosures', 'domain', code, lang));
    const summary =
      labels.length > 0
        ? t.chartSummary(
            labels.length,
            labels[0] ?? '',
            formatCountInText(values[0] ?? 0, lang),
            formatCountInText(c.result.value ?? 0, lang),
          )
        : '';
    const selected = this.#selection.find((x) => x.dataset === 'disclosures' && x.column === 'domain')?.value;
    const stem = `${c.result.label[lang]}-${c.result.asOf.slice(0, 10)}`;
    return html`<p class="meta">${summary}</p>
      ${this.#chartTools('domain', stem, c.result.label[lang], () => ({ result: c.result, labels }), lang)}
      <assessment-bar-chart .labels=${labels} .values=${values} .keys=${codes} selectable .selected=${selected}
        summary=${summary} category-header=${t.domain} value-header=${t.count} lang=${lang} data-panel="domain"
        @ad-select=${(e: CustomEvent<{ key?: string; label?: string }>) =>
          this.#toggle('disclosures', 'domain', e.detail.key, e.detail.label ?? '')}></assessment-bar-chart>`;
  }

  /** Cases per department or per channel: a bar per value; picking one filters every other panel. */
  #countPanel(which: 'dept' | 'channel', rows: { key: string; value: number }[], lang: Lang) {
    const t = messages(lang);
    const column = which === 'dept' ? 'dept_name' : 'apply_channel';
    const codes = rows.map((r) => r.key);
    const labels = codes.map((c) => (which === 'dept' ? c : enumLabel('cases', column, c, lang)));
    const values = Float64Array.from(rows, (r) => r.value);
    const total = values.reduce((a, b) => a + b, 0);
    const title = which === 'dept' ? t.casesByDept : t.casesByChannel;
    // Bars keep the whole data's order under a filter, so the largest need not be the first.
    const top = values.reduce((best, v, i) => (v > (values[best] ?? 0) ? i : best), 0);
    const summary = labels.length
      ? t.casesSummary(
          which,
          labels.length,
          labels[top] ?? '',
          formatCountInText(values[top] ?? 0, lang),
          formatCountInText(total, lang),
        )
      : '';
    const selected = this.#selection.find((x) => x.dataset === 'cases' && x.column === column)?.value;
    const id = `${which}-title`;
    const asOf = this._state.phase === 'ready' ? this._state.asOf.slice(0, 10) : '';
    const base = this.results.find((r) => r.key === TREND_KEY);
    const name = (l: Lang) => (which === 'dept' ? messages(l).casesByDept : messages(l).casesByChannel);
    const data = () => ({
      result: { ...(base as IndicatorResult), label: { zh: name('zh'), en: name('en') }, breakdown: rows },
      labels,
    });
    return html`<section class="panel" part="panel" aria-labelledby=${id}>
      <h3 class="panel-title" id=${id}>${title}</h3>
      <p class="meta">${summary}</p>
      ${base ? this.#chartTools(which, `${title}-${asOf}`, title, data, lang) : nothing}
      <assessment-bar-chart .labels=${labels} .values=${values} .keys=${codes} selectable .selected=${selected}
        summary=${summary} category-header=${which === 'dept' ? t.department : t.channel} value-header=${t.count}
        lang=${lang} data-panel=${which}
        @ad-select=${(e: CustomEvent<{ key?: string; label?: string }>) =>
          this.#toggle('cases', column, e.detail.key, e.detail.label ?? '')}></assessment-bar-chart>
    </section>`;
  }

  /** Daily volume as a calendar: holidays and 调休 working days marked, a table for screen readers. */
  #heatmapPanel(daily: { dates: string[]; values: number[] }, lang: Lang) {
    const t = messages(lang);
    // The heatmap and its holiday calendar are their own chunk: fetched when this panel is first shown.
    void loadElement('assessment-calendar-heatmap');
    return html`<section class="panel" part="panel" aria-labelledby="daily-title">
      <h3 class="panel-title" id="daily-title">${t.dailyTitle}</h3>
      <assessment-calendar-heatmap .dates=${daily.dates} .values=${daily.values} value-header=${t.count}
        lang=${lang} data-panel="daily"></assessment-calendar-heatmap>
    </section>`;
  }

  /**
   * Drill-down: departments (under the current chart selection) → a department's service items → that
   * item's cases, in a virtualised list with personal data masked. The path shows as a breadcrumb.
   */
  #drillPanel(asOf: string, lang: Lang) {
    const t = messages(lang);
    // The drill-down elements are their own chunk: fetched when this panel is first shown.
    void loadElement('assessment-item-breakdown');
    const { dept, item } = this._drill;
    const options = selectionOptions(this.#selection);
    const filters: Filters = { ...options.datasetFilters?.cases };
    const months = options.months ?? [];
    const period = months.length
      ? { from: `${months[0]}-01`, to: monthAfter(months[months.length - 1] ?? '') }
      : undefined;
    const day = asOf.slice(0, 10);
    const open = (e: CustomEvent<{ level: string; name: string; filters: Filters }>) => {
      const step = { name: e.detail.name, filters: e.detail.filters };
      this._drill = e.detail.level === 'dept' ? { dept: step } : { dept, item: step };
    };
    const crumb = (label: string, to: { dept?: DrillStep; item?: DrillStep } | undefined) =>
      to
        ? html`<button type="button" class="link" @click=${() => {
            this._drill = to;
          }}>${label}</button>`
        : html`<span aria-current="location">${label}</span>`;
    return html`<section class="panel" part="panel" aria-labelledby="drill-title">
      <h3 class="panel-title" id="drill-title">${t.drillTitle}</h3>
      <nav class="crumbs" aria-label=${t.drillPath}>
        ${crumb(t.allDepartments, dept ? {} : undefined)}
        ${dept ? html` › ${crumb(dept.name, item ? { dept } : undefined)}` : nothing}
        ${item ? html` › ${crumb(item.name, undefined)}` : nothing}
      </nav>
      ${
        item
          ? html`<assessment-case-list .engine=${this.#engine} .filters=${item.filters} .period=${period}
              as-of=${day} caption=${item.name} lang=${lang}></assessment-case-list>`
          : html`<assessment-item-breakdown .engine=${this.#engine} level=${dept ? 'item' : 'dept'}
              .filters=${dept ? dept.filters : filters} .period=${period} as-of=${day} lang=${lang}
              caption=${dept ? dept.name : t.allDepartments} @ad-drill=${open}></assessment-item-breakdown>`
      }
    </section>`;
  }

  #scorecardPanel(scorecard: Scorecard | 'computing', lang: Lang) {
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="scorecard-title" aria-busy=${String(scorecard === 'computing')}>
      <h3 class="panel-title" id="scorecard-title">${t.scorecardTitle}</h3>
      ${
        scorecard === 'computing'
          ? html`<p class="meta" role="status">${t.computingScorecard}</p>`
          : html`<assessment-scorecard .scorecard=${scorecard} lang=${lang}></assessment-scorecard>`
      }
    </section>`;
  }

  #watchPanel(watch: WatchList, lang: Lang) {
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="watch-title">
      <h3 class="panel-title" id="watch-title">${t.watchTitle}</h3>
      <assessment-watch-list .watchList=${watch} lang=${lang}></assessment-watch-list>
    </section>`;
  }

  #trendPanel(trend: IndicatorResult[], months: readonly string[], lang: Lang) {
    const t = messages(lang);
    const picked = this.#selection.find(isMonthSelection);
    const range = picked ? monthsOf(picked.value) : [];
    const selected: [string, string] | undefined = range.length
      ? [range[0] ?? '', range[range.length - 1] ?? '']
      : undefined;
    const labels = trend.map((r) => formatMonth(r.group?.period ?? '', lang));
    const values = Float64Array.from(trend, (r) => r.value ?? Number.NaN);
    const first = trend.find((r) => r.value !== null);
    const last = [...trend].reverse().find((r) => r.value !== null);
    const label = trend[0]?.label[lang] ?? '';
    const summary =
      first && last
        ? t.trendSummary(
            label,
            formatMonth(first.group?.period ?? '', lang),
            formatPercent(first.value ?? 0, lang),
            formatMonth(last.group?.period ?? '', lang),
            formatPercent(last.value ?? 0, lang),
          )
        : '';
    return html`<section class="panel" part="panel" aria-labelledby="trend-title">
      <h3 class="panel-title" id="trend-title">${t.trendTitle(label)}</h3>
      <p class="meta">${summary}</p>
      ${this.#chartTools(
        'trend',
        `${t.trendTitle(label)}-${trend[0]?.asOf.slice(0, 10) ?? ''}`,
        t.trendTitle(label),
        () => ({
          result: {
            ...(trend[0] as IndicatorResult),
            breakdown: trend.map((r, i) => ({ key: months[i] ?? '', value: r.value ?? Number.NaN })),
          },
          labels,
        }),
        lang,
      )}
      <assessment-line-chart .labels=${labels} .values=${values} .target=${trend[0]?.target ?? undefined}
        .keys=${months} .selected=${selected} ?selectable=${this.#cubes !== undefined} data-panel="trend"
        summary=${summary} period-header=${t.month} value-header=${label} lang=${lang}
        @ad-select=${(e: CustomEvent<{ from?: string; to?: string; label?: string }>) => {
          const { from, to } = e.detail;
          const value = from && to && from !== to ? `${from}..${to}` : from;
          const chip =
            from && to && from !== to
              ? `${formatMonth(from, lang)}–${formatMonth(to, lang)}`
              : formatMonth(from ?? '', lang);
          this.#toggle('all', MONTH_COLUMN, value, chip);
        }}></assessment-line-chart>
    </section>`;
  }

  #exportIndicators(computed: Shown[], lang: Lang) {
    const results = computed.map((c) => c.result);
    const asOf = results[0]?.asOf.slice(0, 10) ?? '';
    downloadText(indicatorsCsv(results, lang), `indicators-${asOf}.csv`, 'text/csv;charset=utf-8');
  }

  async #exportIndicatorsXlsx(computed: Shown[], lang: Lang) {
    const results = computed.map((c) => c.result);
    const asOf = results[0]?.asOf.slice(0, 10) ?? '';
    // The writer (and its deflate code) is fetched only when someone asks for a workbook.
    const { writeXlsx } = await import('@assessment-dashboard/core/xlsx');
    const bytes = writeXlsx([indicatorsSheet(results, lang)]);
    downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `indicators-${asOf}.xlsx`);
  }

  /** A chart's numbers as CSV or Excel (with metadata and as-of), and the chart itself as SVG or PNG. */
  #chartTools(panel: string, stem: string, title: string, data: () => ChartData, lang: Lang) {
    const t = messages(lang);
    const csv = () => {
      const { result, labels } = data();
      downloadText(breakdownCsv(result, labels, lang), `${stem}.csv`, 'text/csv;charset=utf-8');
    };
    const xlsx = async () => {
      const { result, labels } = data();
      const { writeXlsx } = await import('@assessment-dashboard/core/xlsx');
      const bytes = writeXlsx([breakdownSheet(result, labels, lang, title)]);
      downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `${stem}.xlsx`);
    };
    return html`<p class="tools">${t.exportLabel}
      <button type="button" class="link" @click=${csv}>CSV</button>
      <button type="button" class="link" @click=${xlsx}>Excel</button>
      <button type="button" class="link" @click=${() => this.#exportChart(panel, stem, title, 'svg')}>SVG</button>
      <button type="button" class="link" @click=${() => this.#exportChart(panel, stem, title, 'png')}>PNG</button>
    </p>`;
  }

  async #exportChart(panel: string, stem: string, title: string, format: 'svg' | 'png') {
    const chart = this.renderRoot.querySelector<HTMLElement & { svg: SVGSVGElement | null }>(
      `[data-panel="${panel}"]`,
    );
    const svg = chart?.svg;
    if (!svg) return;
    const text = standaloneSvg(svg, title);
    if (format === 'svg') return downloadText(text, `${stem}.svg`, 'image/svg+xml');
    const { width, height } = svg.viewBox.baseVal;
    downloadBlob(await chartPng(text, width, height), `${stem}.png`);
  }

  #chips(lang: Lang) {
    const t = messages(lang);
    const copy = this.urlState
      ? html`<button type="button" class="link" @click=${this.#copyLink}>${this._copied ? t.linkCopied : t.copyLink}</button>`
      : nothing;
    return html`<div class="chips" role="status" aria-live="polite">
      ${copy}
      ${this._linkText ? html`<input class="link-text" readonly aria-label=${t.copyLink} .value=${this._linkText} />` : nothing}
      ${this.#selection.map(
        (x) => html`<button type="button" class="chip" aria-label=${t.removeFilter(x.label)}
          @click=${() => this.select(this.#selection.filter((y) => y !== x))}>${t.filterChip(x.label)} ✕</button>`,
      )}
      ${this._urlIgnored.length ? html`<span class="note">${t.ignoredFilters(this._urlIgnored.join('; '))}</span>` : nothing}
    </div>`;
  }
}

/** The file-size limit when `max-mb` is absent or not a positive number. */
const DEFAULT_MAX_MB = 512;
async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new FetchError(url, res.status, `HTTP ${res.status} ${res.statusText}`.trim());
  try {
    return await res.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
}

/** The first day of the month after 'YYYY-MM', as 'YYYY-MM-DD'. */
function monthAfter(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
