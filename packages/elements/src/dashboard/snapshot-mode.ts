import { type ComputedIndicator, TREND_INDICATOR } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { formatDate } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { fetchWithProgress } from '../load/fetch-with-progress.ts';
import { type LoadState, loadFraction } from './load-state.ts';

/**
 * Snapshot mode of `<assessment-dashboard snapshot="snapshot.arrow">`: the tiles, scorecard, trend and
 * domain panels are painted from a file precomputed by `assessment-dashboard snapshot` (read with a
 * small Arrow reader), so neither DuckDB-WASM nor the export files are downloaded. When the user asks for
 * something the snapshot lacks (a chart filter) and `src` (or another source) is given, the dashboard
 * loads the sources into DuckDB-WASM and carries on live; until then the snapshot stays on screen with a
 * "loading full data" status.
 */

type Ready = Extract<LoadState, { phase: 'ready' }>;

/** Snapshot results have no Arrow table behind them; the dashboard draws from `result` only. */
const NO_TABLE = Object.freeze({}) as unknown as ComputedIndicator['table'];

/** Fetches and reads the snapshot at `url`: the ready state that paints it. */
export async function snapshotState(
  url: string,
  signal: AbortSignal,
  onProgress: (loaded: number, total: number | undefined) => void,
): Promise<Ready> {
  // The reader (a small Arrow decoder) is its own chunk, fetched alongside the file: live mode never loads it.
  const [bytes, { readSnapshot }] = await Promise.all([
    fetchWithProgress(url, (p) => onProgress(p.loaded, p.total), signal),
    import('./snapshot-reader.ts'),
  ]);
  const snapshot = readSnapshot(bytes);
  const computed = snapshot.results.map((result) => ({ result, table: NO_TABLE }));
  const hasCases = snapshot.results.some((r) => r.key === TREND_INDICATOR);
  return {
    phase: 'ready',
    imports: snapshot.imports,
    computed,
    asOf: computed[0]?.result.asOf ?? snapshot.asOf,
    entries: [],
    trend: hasCases ? (snapshot.grouped({ period: 'month', keys: [TREND_INDICATOR] }) ?? []) : [],
    scorecard: hasCases ? snapshot.scorecard() : undefined,
    snapshot: { url, status: 'shown' },
  };
}

/**
 * While the full data loads behind a painted snapshot, its progress phases (fetching, starting the
 * engine, importing, computing) keep the snapshot on screen and show as its status instead: the bar's
 * fraction, changed only when it moves by a percent (each change renders the dashboard again).
 */
export function upgradeState(current: LoadState, next: LoadState): LoadState {
  const progress = ['fetching', 'starting-engine', 'importing', 'computing', 'idle'].includes(next.phase);
  if (!progress || current.phase !== 'ready' || current.snapshot?.status !== 'loading') return next;
  const fraction = loadFraction(next);
  if (Math.abs(fraction - (current.snapshot.fraction ?? 0)) < 0.01) return current;
  return { ...current, snapshot: { ...current.snapshot, fraction } };
}

/** The ready state with the snapshot's status changed (loading the full data, or no data to load). */
export const withSnapshotStatus = (state: Ready, status: 'loading' | 'needs-data'): Ready =>
  state.snapshot ? { ...state, snapshot: { url: state.snapshot.url, status } } : state;

/** The note saying the numbers come from a snapshot, and the status of loading the full data. */
export function snapshotBanner(state: Ready, lang: Lang) {
  const t = messages(lang);
  const s = state.snapshot;
  if (!s) return nothing;
  if (s.status === 'loading')
    return html`<div class="state snapshot-status" role="status" aria-live="polite" aria-busy="true">
      <p>${t.loadingFullData}</p><progress aria-label=${t.loadingFullData} max="1" value=${s.fraction ?? 0}></progress></div>`;
  return html`<p class="meta snapshot-source" role="status">${t.snapshotSource(formatDate(state.asOf, lang))}
    ${s.status === 'needs-data' ? t.snapshotNeedsData : nothing}</p>`;
}
