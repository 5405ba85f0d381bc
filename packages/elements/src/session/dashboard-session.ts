import {
  type Engine,
  type ImportMapping,
  type ImportSummary,
  type Selection,
  traced,
} from '@assessment-dashboard/core';
import type { LoadState } from '../dashboard/load-state.ts';
import { upgradeState, withSnapshotStatus } from '../dashboard/snapshot-mode.ts';
import type { Ready } from './cube-panels.ts';
import { earlyTiles } from './early-tiles.ts';
import { errorState, isCrash } from './errors.ts';
import { firstPaint } from './first-paint.ts';
import { followUps, type SessionNeed } from './follow-ups.ts';
import { fetchInputs, importInputs, prepareFetched } from './import-inputs.ts';
import { LatestRun } from './latest-run.ts';
import { followSelection, patchDaily } from './selection-follow.ts';
import type { SessionSettings } from './session-settings.ts';
import { builtCubes, type Kept, nothingShown, releaseKept, type Shown, trackCubes } from './shown.ts';
import { loadSnapshot } from './snapshot-load.ts';
import { configuration, sharedMapping } from './sources.ts';

/** The computations over live data: fetched on first use, so a page painted from a snapshot never loads them. */
const liveModule = () => import('../dashboard/live.ts');
/** The cross-filter's panels from the cubes: fetched with the cubes, so a snapshot page never downloads them. */
const cubeModule = () => import('./cube-panels.ts');

export type { SessionNeed };

/**
 * Everything the dashboard does without a DOM: it takes an engine, reads the sources (with progress:
 * bytes, then rows, then "computing"; cancellable), imports them (or asks for a column mapping), computes
 * the indicators, builds the cross-filter cubes, answers selections from them (with SQL for what they cannot
 * answer), runs the follow-up queries and upgrades a snapshot to live data. Its `state` is immutable and
 * changes only in `#set`; every change fires `state`. Also fires `ready`, `error`, `selection` (a selection
 * is chosen: write it to the URL) and `filter` (the panels have caught up with it).
 *
 * Loads and selections each run on a LatestRun: a new load aborts the old one (and its selections), a new
 * selection aborts the one before, whose answers are dropped and whose remaining queries never start.
 */
export class DashboardSession extends EventTarget {
  #state: LoadState = { phase: 'idle' };
  readonly #settings: () => SessionSettings;
  readonly #loads = new LatestRun();
  readonly #selects = new LatestRun();
  #shown: Shown = nothingShown();
  /** Mappings the user made on the mapping screen, by input name. */
  readonly #fixes = new Map<string, ImportMapping>();
  /** Snapshot mode: the user asked for something the snapshot lacks, so the sources are loaded live. */
  #full = false;
  /** A selection to apply once the full data has replaced the snapshot. */
  #pending: Selection[] | undefined;
  #count = 0;
  /** A selection is applied to the chips but the panels do not show its numbers yet. */
  #recomputing = false;
  /** What was shown before the load in progress: shown again if that load is cancelled. */
  #kept: Kept | undefined;
  /** Automatic restarts left after an engine crash, for the load asked for (then the error and Retry). */
  #restarts = 1;

  constructor(settings: () => SessionSettings) {
    super();
    this.#settings = settings;
  }

  get state(): LoadState {
    return this.#state;
  }

  get selection(): readonly Selection[] {
    return this.#shown.selection;
  }

  /**
   * The chips show a selection whose numbers are not painted yet (the cubes are being built or answered):
   * the panels that follow the selection must not show their old numbers as if they were its.
   */
  get recomputing(): boolean {
    return this.#recomputing;
  }

  /** The engine holding the loaded data (for panels that query it themselves: the drill-down). */
  get engine(): Engine | undefined {
    return this.#shown.engine;
  }

  /** Whether chart clicks can be answered (the cubes are being built or ready). */
  get filterable(): boolean {
    return this.#shown.cubes !== undefined;
  }

  /** The one place the state changes: a snapshot being upgraded keeps its paint during the load. */
  #set(next: LoadState): void {
    const state = upgradeState(this.#state, next);
    if (state === this.#state) return;
    this.#state = Object.freeze(state);
    this.dispatchEvent(new Event('state'));
  }

  /** `#set` for one run: nothing once its signal is aborted (a newer run, or cancel). */
  #setter(signal: AbortSignal): (s: LoadState) => void {
    return (s) => {
      if (!signal.aborted) this.#set(s);
    };
  }

  /** Changes the ready state (and nothing else): answers that arrive after an error or a new load are dropped. */
  #patch(part: Partial<Ready>): void {
    if (this.#state.phase === 'ready') this.#set({ ...this.#state, ...part });
  }

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Forgets the mappings made on the mapping screen (new files). */
  clearFixes(): void {
    this.#fixes.clear();
  }

  /** The snapshot changed: paint it first again. */
  resetSnapshot(): void {
    this.#full = false;
  }

  /**
   * Stops a load in progress. If data was shown before it, that data comes back, as it was (its engine,
   * cubes and selection: the cancelled load's tables are dropped) and this returns 'restored'; otherwise
   * the state says it was cancelled.
   */
  cancel(): 'restored' | 'cancelled' {
    const file = 'file' in this.#state ? this.#state.file : undefined;
    const kept = this.#kept;
    if (!kept) {
      this.#loads.cancel();
      this.#set({ phase: 'cancelled', file });
      return 'cancelled';
    }
    // A fresh run for the data shown again, so its selections are not born aborted.
    this.#loads.start();
    this.#kept = undefined;
    // The cancelled load closes its own engine once its running statement returns (load's `finally`).
    if (this.#shown.lease !== kept.lease) this.#shown.lease?.release();
    const { state, ...shown } = kept;
    this.#shown = shown;
    this.#recomputing = false;
    this.#set(state);
    return 'restored';
  }

  /** Stops everything and gives up the engine (the element left the page). */
  dispose(): void {
    this.#loads.cancel();
    if (this.#kept) releaseKept(this.#kept, this.#shown);
    this.#kept = undefined;
    const { engine, lease } = this.#shown;
    this.#shown = { ...this.#shown, engine: undefined, lease: undefined };
    // Detach this session's database, then give up the shared engine (its worker ends when unused).
    void (engine?.close() ?? Promise.resolve()).catch(() => {}).finally(() => lease?.release());
  }

  /** Applies a mapping made on the mapping screen for `file` and loads again. */
  applyFix(file: string, mapping: ImportMapping): Promise<void> {
    this.#fixes.set(file, mapping);
    return this.load();
  }

  /** Loads the sources (or the snapshot, or connects to the query server) and computes everything. */
  load(): Promise<void> {
    this.#restarts = 1;
    return this.#load();
  }

  async #load(): Promise<void> {
    const signal = this.#loads.start();
    const settings = this.#settings();
    const { inputs, engines } = settings;
    const remote = engines.remote;
    if (!inputs.length && !remote && !settings.snapshot) return this.#set({ phase: 'idle' });
    const set = this.#setter(signal);
    if (settings.snapshot && !this.#full) return this.#loadSnapshot(settings.snapshot, settings, signal);
    const run = ++this.#count;
    // Live data on display stays loaded until this load has something to show: a cancel brings it back.
    if (this.#state.phase === 'ready' && this.#shown.engine && !this.#state.snapshot)
      this.#kept = { ...this.#shown, state: this.#state, engine: this.#shown.engine };
    const kept = this.#kept;
    const previous = this.#shown.lease;
    const lease = engines.begin(); // the engine (a 33 MB compile) and the import code load while files download
    this.#shown.lease = lease;
    if (previous !== kept?.lease) previous?.release();
    let file: string | undefined;
    let opened: Engine | undefined;
    // Reading and importing name the file they are at: an error then names it too.
    const track = (next: Extract<LoadState, { phase: 'fetching' | 'importing' }>) => {
      file = next.file;
      set(next);
    };
    try {
      let imports: ImportSummary[] = [];
      if (remote) set({ phase: 'connecting', url: remote });
      // Emptied by the import (splice): this frame lives until everything is computed and must not keep a
      // 547 MB file alive once its table holds it.
      const fetched = {
        files: await traced('fetch', () => fetchInputs(remote ? [] : inputs, signal, track)),
      };
      file = undefined;
      if (!remote) set({ phase: 'starting-engine' });
      const stale = this.#shown.engine;
      this.#shown.engine = undefined;
      if (stale !== kept?.engine) await stale?.close().catch(() => {});
      if (!remote) prepareFetched(fetched.files);
      const engine = await traced('wait for engine', () =>
        lease.open(remote ? settings.id : `${settings.id}_${run}`, signal),
      );
      opened = engine;
      if (signal.aborted) return;
      this.#shown.engine = engine;
      if (!remote) {
        const shared = await sharedMapping(settings.mapping, signal);
        const options = { fixes: this.#fixes, shared, lang: settings.lang, signal };
        const done = await traced('import', () =>
          importInputs(engine, fetched.files.splice(0), options, track),
        );
        if (signal.aborted) return;
        if ('stop' in done) return set(done.stop);
        imports = done.imports;
        file = undefined;
      }
      // Imported into the fresh database `lease.open` gave: which relations it holds is known.
      await this.#computeAll(engine, imports, remote, signal, settings, !remote);
    } catch (caught) {
      if (!signal.aborted) await this.#fail(caught, file, settings);
    } finally {
      // A cancelled or replaced load gives up its half-filled database, unless it is the one shown.
      if (signal.aborted && opened && opened !== this.#shown.engine && opened !== this.#kept?.engine)
        void opened.close().catch(() => {});
    }
  }

  /** This load has painted: what was kept for a cancel is given up (its database detached). */
  #commit(signal: AbortSignal): void {
    const kept = this.#kept;
    if (signal.aborted || !kept) return;
    this.#kept = undefined;
    releaseKept(kept, this.#shown);
  }

  /** Snapshot mode (snapshot-load.ts): the engine is started only if a filter needs one. */
  #loadSnapshot(url: string, settings: SessionSettings, signal: AbortSignal): Promise<void> {
    this.#shown.lease?.release();
    this.#shown.lease = undefined;
    return loadSnapshot(url, settings, signal, {
      set: this.#setter(signal),
      ready: (detail) => this.#emit('ready', detail),
      select: (selection) => this.select(selection),
      goLive: () => {
        this.#full = true;
        return this.load();
      },
      fail: (caught, file) => this.#fail(caught, file, settings),
    });
  }

  /** A new as-of day: recompute over the tables already loaded (or load, if nothing is). */
  async recompute(): Promise<void> {
    const engine = this.#shown.engine;
    const state = this.#state;
    if (!engine || state.phase !== 'ready') return this.load();
    const signal = this.#loads.start();
    const settings = this.#settings();
    try {
      await this.#computeAll(engine, state.imports, state.remote, signal, settings);
    } catch (caught) {
      if (!signal.aborted) await this.#fail(caught, undefined, settings);
    }
  }

  /**
   * Everything computed from the loaded tables: indicators, trend, cubes, then the follow-up panels.
   * `fresh`: the database holds only what `imports` put there (no catalogue query before the tiles).
   */
  async #computeAll(
    engine: Engine,
    imports: ImportSummary[],
    remote: string | undefined,
    signal: AbortSignal,
    settings: SessionSettings,
    fresh = false,
  ): Promise<void> {
    const set = this.#setter(signal);
    const live = await liveModule();
    set({ phase: 'computing' });
    const config = await configuration(settings.config, signal);
    // A cancelled load must not touch what a cancel has put back on display.
    if (signal.aborted) return;
    this.#shown.config = config;
    this.#shown.selection = [];
    this.#recomputing = false;
    this.#shown.cubes = undefined;
    this.#selects.start(signal);
    const asOf = settings.asOf || undefined;
    // A query server answers every indicator at once; here the tiles go first (early-tiles.ts).
    if (!remote) {
      await earlyTiles(live, engine, {
        asOf,
        config,
        signal,
        relations: fresh ? live.importedRelations(imports.map((i) => i.dataset)) : undefined,
        show: (tiles) => set({ phase: 'computing', tiles }),
      });
    }
    const paint = await traced('first paint queries', () =>
      firstPaint(live, engine, { asOf, config, remote, signal }),
    );
    if (!paint) return;
    const { computed, hasCases, shownAsOf } = paint;
    set({ phase: 'ready', imports, ...paint.state });
    if (signal.aborted) return;
    this.#commit(signal);
    // Right after the first paint: every indicator pre-aggregated, so chart clicks need no query.
    const cubes = live.buildCubes(engine, { asOf, config }, signal);
    this.#shown.cubes = trackCubes(cubes);
    const fromUrl = this.#pending ?? settings.initialSelection?.() ?? [];
    this.#pending = undefined;
    if (fromUrl.length) await this.select(fromUrl);
    this.#emit('ready', { imports, indicators: computed.map((c) => c.result) });
    // The department and channel charts come from the cubes.
    const built = await cubes;
    if (signal.aborted) return;
    const trendMonths = this.#state.phase === 'ready' ? (this.#state.trendMonths ?? []) : [];
    this.#patch(
      (await (await cubeModule()).cubePanelsThenYield(built, this.#shown.selection, trendMonths)).state,
    );
    if (hasCases && settings.wants('daily'))
      await patchDaily(engine, this.#shown.selection, built.tables, this.#selects.signal, (p) =>
        this.#patch(p),
      );
    await followUps(engine, {
      imports,
      hasCases,
      loaded: new Set(computed.map((c) => c.result.key)),
      shownAsOf,
      selection: () => this.#shown.selection,
      settings,
      config,
      signal,
      patch: (part) => this.#patch(part),
    });
  }

  /**
   * Replaces the chart selection and recomputes every panel: at once from the cubes (a selection made while
   * they are still being built waits for them), then by query for what they cannot answer. A newer
   * selection aborts this one: its answers are dropped and its remaining queries never start.
   */
  async select(selection: readonly Selection[]): Promise<void> {
    const s = this.#state;
    if (s.phase === 'ready' && s.snapshot && !this.#full) return this.#loadFull(selection);
    const engine = this.#shown.engine;
    if (s.phase !== 'ready' || !engine) return;
    const settings = this.#settings();
    this.#choose(selection);
    const signal = this.#selects.start(this.#loads.signal);
    const stale = () => signal.aborted || this.#state.phase !== 'ready';
    const building = this.#shown.cubes;
    // Built cubes answer within this task: no "updating" render first (it would be replaced before a frame).
    const built = builtCubes(building);
    if (!built) {
      // Chips follow the selection at once; the panels say they are updating until its numbers arrive.
      this.#recomputing = true;
      this.dispatchEvent(new Event('state'));
    }
    try {
      const cubes = built ?? (await building);
      if (stale()) return;
      if (!cubes) return this.#settled();
      const ready = this.#state as Ready;
      // Loaded already (the cubes were built and painted with it): dynamic for the snapshot page.
      const { cubePanelsThenYield } = await cubeModule();
      if (stale()) return;
      const panels = await cubePanelsThenYield(cubes, this.#shown.selection, ready.trendMonths ?? []);
      if (stale()) return;
      this.#recomputing = false;
      this.#patch(panels.state);
      // The heatmap's days, the dataset groups and exact medians are not in the cubes: queries after the panels.
      const answered = await followSelection(engine, cubes, ready, panels.missing, {
        settings,
        config: this.#shown.config,
        chosen: this.#shown.selection,
        signal,
        stale,
        current: () => this.#shown.selection,
        computed: () => (this.#state.phase === 'ready' ? this.#state.computed : undefined),
        patch: (part) => this.#patch(part),
      });
      if (answered) this.#emit('filter', { selection: this.#shown.selection });
    } catch (e) {
      if (signal.aborted) return;
      this.#recomputing = false;
      await this.#fail(e, undefined, settings);
    }
  }

  /** The selection is now `selection`: `selection` fires at once (the URL follows it before the numbers come). */
  #choose(selection: readonly Selection[]): void {
    this.#shown.selection = Object.freeze([...selection]);
    this.#emit('selection', { selection: this.#shown.selection });
  }

  /** No numbers will come for the selection (nothing to answer it with): stop saying they are updating. */
  #settled(): void {
    this.#recomputing = false;
    this.dispatchEvent(new Event('state'));
  }

  /** Snapshot mode: a filter needs the data, so load the sources live and apply `selection` there. */
  async #loadFull(selection: readonly Selection[]): Promise<void> {
    const s = this.#state;
    if (s.phase !== 'ready') return;
    const settings = this.#settings();
    if (!settings.inputs.length && !settings.engines.remote)
      return this.#set(withSnapshotStatus(s, 'needs-data'));
    this.#full = true;
    this.#pending = [...selection];
    this.#choose(selection);
    this.#set(withSnapshotStatus(s, 'loading'));
    await this.load();
  }

  /**
   * Shows what went wrong and fires `error`. A crashed engine is replaced: at once, once per load (a trap
   * DuckDB-WASM hits now and then must not cost the user a click; fires `restart`), then on Retry.
   */
  #fail(caught: unknown, file: string | undefined, settings: SessionSettings): Promise<void> | undefined {
    const crash = isCrash(caught);
    if (crash) this.#shown.lease?.discard(crash.message);
    if (crash && this.#restarts-- > 0) {
      // Everything shown or kept for a cancel lived in the dead engine: load it all again, same selection.
      if (this.#state.phase === 'ready') this.#pending ??= [...this.#shown.selection];
      if (this.#kept) releaseKept(this.#kept, { engine: undefined, lease: this.#shown.lease });
      this.#kept = this.#shown.engine = undefined;
      this.#emit('restart', { message: crash.message });
      return this.#load();
    }
    const state = errorState(caught, file, settings);
    this.#set(state);
    this.#emit('error', { kind: state.kind, file: state.file, message: state.detail });
    return undefined;
  }
}
