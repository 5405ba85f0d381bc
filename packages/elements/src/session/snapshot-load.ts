import type { ImportSummary, IndicatorResult, Selection } from '@assessment-dashboard/core';
import type { LoadState } from '../dashboard/load-state.ts';
import { snapshotState } from '../dashboard/snapshot-mode.ts';
import type { SessionSettings } from './session-settings.ts';

/** What painting a snapshot needs of the session. */
export interface SnapshotHost {
  /** the run's state setter (nothing once it is aborted) */
  set(state: LoadState): void;
  ready(detail: { imports: ImportSummary[]; indicators: IndicatorResult[] }): void;
  select(selection: readonly Selection[]): Promise<void>;
  /** loads the sources live instead */
  goLive(): Promise<void>;
  /** shows the error, or (a crash) loads again on a new engine: settles when that is done */
  fail(caught: unknown, file: string): Promise<void> | undefined;
}

/** Snapshot mode: paint the precomputed results; an engine is started only if a filter needs one. */
export async function loadSnapshot(
  url: string,
  settings: SessionSettings,
  signal: AbortSignal,
  host: SnapshotHost,
): Promise<void> {
  try {
    host.set({ phase: 'fetching', file: url, loaded: 0, total: undefined });
    const ready = await snapshotState(url, signal, (loaded, total) =>
      host.set({ phase: 'fetching', file: url, loaded, total }),
    );
    host.set(ready);
    if (signal.aborted) return;
    host.ready({ imports: ready.imports, indicators: ready.computed.map((c) => c.result) });
    const fromUrl = settings.initialSelection?.() ?? [];
    if (fromUrl.length) await host.select(fromUrl);
  } catch (caught) {
    if (signal.aborted) return;
    // A damaged, unreachable or newer snapshot must not hide data the page also names: carry on live.
    if (settings.inputs.length || settings.engines.remote) {
      console.warn(`assessment-dashboard: snapshot ${url} not used, loading the data live:`, caught);
      return host.goLive();
    }
    await host.fail(caught, url);
  }
}
