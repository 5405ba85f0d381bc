import {
  type ComputedIndicator,
  computeIndicators,
  type DatasetKey,
  enumLabel,
  type ImportSummary,
  type IndicatorResult,
  importFile,
  WasmEngine,
} from '@assessment-dashboard/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { defaultAssetBase } from '../duckdb/asset-base.ts';
import { sharedDuckDB } from '../duckdb/shared-db.ts';
import { formatBytes, formatCount, formatDate } from '../i18n/format.ts';
import { type Lang, messages, resolveLang } from '../i18n/messages.ts';
import { FetchError, fetchWithProgress } from '../load/fetch-with-progress.ts';
import { tokens } from '../styles/tokens.ts';
import type { LoadState, Source } from './load-state.ts';
import { dashboardStyles } from './styles.ts';

const DATASET_OF: Record<Exclude<Source['attribute'], 'src'>, DatasetKey> = {
  disclosures: 'disclosures',
  requests: 'requests',
  hotline: 'hotline',
  items: 'items',
};

let instanceCount = 0;

/**
 * The embeddable dashboard. Give it export files by URL; it loads them into DuckDB-WASM in the
 * visitor's browser (nothing is uploaded) and shows the assessment indicators.
 *
 * @element assessment-dashboard
 * @attr src - URL of the main export (service cases 办件; dataset detected from its headers)
 * @attr disclosures - URL of the proactive-disclosure export (主动公开)
 * @attr requests - URL of the on-request application export (依申请公开)
 * @attr hotline - URL of the 12345 hotline export
 * @attr items - URL of the service-item catalogue (事项清单)
 * @attr lang - 'zh-CN' (default) or 'en'
 * @attr as-of - 'YYYY-MM-DD': the date open cases are judged on (default: latest timestamp in the data)
 * @attr asset-base - URL of the folder holding the DuckDB files (default: `duckdb/` beside the script)
 * @fires ad-ready - detail: `{ imports, indicators }` once the indicators are shown
 * @fires ad-error - detail: `{ kind, file, message }` when loading fails
 * @csspart tiles - the KPI tile list
 * @csspart panel - a chart panel
 */
export class AssessmentDashboard extends LitElement {
  static override properties = {
    src: { type: String },
    disclosures: { type: String },
    requests: { type: String },
    hotline: { type: String },
    items: { type: String },
    lang: { type: String, reflect: true },
    asOf: { type: String, attribute: 'as-of' },
    assetBase: { type: String, attribute: 'asset-base' },
    _state: { state: true },
  };
  declare src: string | undefined;
  declare disclosures: string | undefined;
  declare requests: string | undefined;
  declare hotline: string | undefined;
  declare items: string | undefined;
  declare lang: string;
  declare asOf: string | undefined;
  declare assetBase: string | undefined;
  declare _state: LoadState;

  static override styles = [tokens, dashboardStyles];

  #engine: WasmEngine | undefined;
  #run = 0;
  readonly #id = `ad_${++instanceCount}`;

  constructor() {
    super();
    this.lang = '';
    this._state = { phase: 'idle' };
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

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#run++;
    const engine = this.#engine;
    this.#engine = undefined;
    void engine?.close().catch(() => {});
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const inputs = ['src', 'disclosures', 'requests', 'hotline', 'items', 'asOf', 'assetBase'] as const;
    if (inputs.some((k) => changed.has(k))) void this.#load();
  }

  #sources(): Source[] {
    const out: Source[] = [];
    for (const attribute of ['src', 'disclosures', 'requests', 'hotline', 'items'] as const) {
      const url = this[attribute];
      if (url) out.push({ attribute, url });
    }
    return out;
  }

  async #load(): Promise<void> {
    const run = ++this.#run;
    const sources = this.#sources();
    if (!sources.length) {
      this._state = { phase: 'idle' };
      return;
    }
    const live = () => run === this.#run && this.isConnected;
    const set = (s: LoadState) => {
      if (live()) this._state = s;
    };
    // Start the engine while the files download: its 33 MB compile dominates start-up.
    const dbPromise = sharedDuckDB(this.assetBase || defaultAssetBase());
    dbPromise.catch(() => {});
    let file: string | undefined;
    try {
      const fetched: { source: Source; bytes: Uint8Array }[] = [];
      for (const source of sources) {
        file = source.url;
        set({ phase: 'fetching', file, loaded: 0, total: undefined });
        const bytes = await fetchWithProgress(source.url, (p) =>
          set({ phase: 'fetching', file: source.url, ...p }),
        );
        fetched.push({ source, bytes });
      }
      file = undefined;
      set({ phase: 'starting-engine' });
      const db = await dbPromise;
      if (!live()) return;
      await this.#engine?.close().catch(() => {});
      const engine = new WasmEngine(db, this.#id);
      this.#engine = engine;
      const imports: ImportSummary[] = [];
      for (const { source, bytes } of fetched) {
        file = source.url;
        set({ phase: 'importing', file });
        const dataset = source.attribute === 'src' ? undefined : DATASET_OF[source.attribute];
        const summary = await importFile(engine, fileName(source.url), bytes, { dataset });
        if (summary.loaded === 0) return set({ phase: 'empty', file: source.url });
        imports.push(summary);
      }
      file = undefined;
      set({ phase: 'computing' });
      const computed = await computeIndicators(engine, { asOf: this.asOf || undefined });
      if (!live()) return;
      const asOf = computed[0]?.result.asOf ?? '';
      set({ phase: 'ready', imports, computed, asOf });
      this.dispatchEvent(
        new CustomEvent('ad-ready', { detail: { imports, indicators: computed.map((c) => c.result) } }),
      );
    } catch (e) {
      if (!live()) return;
      // Fetch errors name their URL; anything thrown while a file is being imported names that file.
      const kind = e instanceof FetchError ? 'fetch' : file ? 'import' : 'engine';
      const errorFile = e instanceof FetchError ? e.url : file;
      const detail = e instanceof Error ? e.message : String(e);
      set({ phase: 'error', kind, file: errorFile, detail });
      this.dispatchEvent(new CustomEvent('ad-error', { detail: { kind, file: errorFile, message: detail } }));
    }
  }

  #lang(): Lang {
    return resolveLang(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  override render() {
    const lang = this.#lang();
    const t = messages(lang);
    const s = this._state;
    return html`<header>
        <h2>${t.title}</h2>
        ${s.phase === 'ready' ? html`<p class="meta">${t.dataAsOf} ${formatDate(s.asOf, lang)}</p>` : nothing}
      </header>
      ${this.#body(s, lang)}`;
  }

  #body(s: LoadState, lang: Lang) {
    const t = messages(lang);
    switch (s.phase) {
      case 'idle':
        return this.#sources().length
          ? this.#progress(t.startingEngine)
          : html`<div class="state" role="status">${t.noSource}</div>`;
      case 'fetching': {
        const sizes = s.total
          ? `${formatBytes(s.loaded, lang)} / ${formatBytes(s.total, lang)}`
          : formatBytes(s.loaded, lang);
        return this.#progress(
          `${t.fetching(fileName(s.file))}（${sizes}）`,
          s.total ? s.loaded / s.total : undefined,
        );
      }
      case 'starting-engine':
        return this.#progress(t.startingEngine);
      case 'importing':
        return this.#progress(t.importing(fileName(s.file)));
      case 'computing':
        return this.#progress(t.computing);
      case 'empty':
        return html`<div class="state" role="status">${t.emptyFile(s.file)}</div>`;
      case 'error': {
        const title =
          s.kind === 'fetch'
            ? t.loadFailed(s.file ?? '')
            : s.kind === 'import'
              ? t.importFailed(s.file ?? '')
              : t.engineFailed;
        return html`<div class="state error" role="alert">
          <h3>${title}</h3>
          <p>${s.detail}</p>
          <button type="button" @click=${() => this.reload()}>${t.retry}</button>
        </div>`;
      }
      case 'ready':
        return this.#ready(s.imports, s.computed, lang);
    }
  }

  #progress(text: string, fraction?: number) {
    return html`<div class="state" role="status" aria-live="polite" aria-busy="true">
      <p>${text}</p>
      ${fraction === undefined ? html`<progress aria-label=${text}></progress>` : html`<progress aria-label=${text} max="1" value=${fraction}></progress>`}
    </div>`;
  }

  #ready(imports: ImportSummary[], computed: ComputedIndicator[], lang: Lang) {
    const t = messages(lang);
    const read = imports.reduce((n, i) => n + i.read, 0);
    const loaded = imports.reduce((n, i) => n + i.loaded, 0);
    const rejected = imports.reduce((n, i) => n + i.rejected, 0);
    const tiles = computed.filter((c) => c.result.kind !== 'breakdown');
    const domains = computed.find((c) => c.result.key === 'foi.volume_by_domain');
    return html`<p class="meta">${t.rowsSummary(formatCount(read, lang), formatCount(loaded, lang), formatCount(rejected, lang))}</p>
      <ul class="tiles" part="tiles">
        ${tiles.map((c) => html`<li><assessment-kpi-tile .result=${c.result} lang=${lang}></assessment-kpi-tile></li>`)}
      </ul>
      <section class="panel" part="panel" aria-labelledby="domains-title">
        <h3 class="panel-title" id="domains-title">${t.disclosuresByDomain}</h3>
        ${domains ? this.#domainChart(domains, lang) : html`<p class="meta">${t.noDisclosures}</p>`}
      </section>`;
  }

  #domainChart(c: ComputedIndicator, lang: Lang) {
    const t = messages(lang);
    // Arrow columns straight from DuckDB: codes are mapped to labels, values stay a Float64Array.
    const codes = (c.table.getChild('key')?.toArray() ?? []) as string[];
    const values = (c.table.getChild('value')?.toArray() ?? new Float64Array()) as Float64Array;
    const labels = Array.from(codes, (code) => enumLabel('disclosures', 'domain', code, lang));
    const summary =
      labels.length > 0
        ? t.chartSummary(
            labels.length,
            labels[0] ?? '',
            formatCount(values[0] ?? 0, lang),
            formatCount(c.result.value ?? 0, lang),
          )
        : '';
    return html`<p class="meta">${summary}</p>
      <assessment-bar-chart .labels=${labels} .values=${values} summary=${summary}
        category-header=${t.domain} value-header=${t.count} lang=${lang}></assessment-bar-chart>`;
  }
}

const fileName = (url: string) => decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() || url);
