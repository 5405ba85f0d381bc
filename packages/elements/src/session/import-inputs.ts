import type { Engine, ImportMapping, ImportSummary } from '@assessment-dashboard/core';
import type { Input, LoadState } from '../dashboard/load-state.ts';
import type { Lang } from '../i18n/messages.ts';
import { asksForMapping, mappingProblem } from './sources.ts';

export interface ImportOptions {
  /** mappings made on the mapping screen, by input name (they win) */
  fixes: ReadonlyMap<string, ImportMapping>;
  /** the page's mapping (the `mapping` attribute), for inputs of its dataset or of none */
  shared: ImportMapping | undefined;
  lang: Lang;
  /** stops between files and between an import's steps */
  signal: AbortSignal;
}

/** Reads every input in turn, reporting its bytes as they arrive. */
export async function fetchInputs(
  inputs: readonly Input[],
  signal: AbortSignal,
  progress: (state: Extract<LoadState, { phase: 'fetching' }>) => void,
): Promise<{ input: Input; bytes: Uint8Array }[]> {
  const fetched: { input: Input; bytes: Uint8Array }[] = [];
  for (const input of inputs) {
    const file = input.name;
    progress({ phase: 'fetching', file, loaded: 0, total: undefined });
    // A state (and a render) per 1 % of the file, or per MiB when its size is unknown, and at most ten a
    // second (the latest one a little later, never dropped), not per network chunk or megabyte read: a
    // 180 MB file arrives in thousands of chunks, and 100 renders of the progress line in 1.5 s kept the UI
    // thread and the compositor busy for nothing.
    let shown = { loaded: 0, total: undefined as number | undefined, at: performance.now() };
    let later: ReturnType<typeof setTimeout> | undefined;
    let latest: { loaded: number; total: number | undefined } = shown;
    const show = (loaded: number, total: number | undefined) => {
      clearTimeout(later);
      later = undefined;
      shown = { loaded, total, at: performance.now() };
      progress({ phase: 'fetching', file, loaded, total });
    };
    let bytes: Uint8Array;
    try {
      bytes = await input.read((loaded, total) => {
        if (loaded === total || total !== shown.total) return show(loaded, total);
        if (loaded - shown.loaded < (total ? total / 100 : 1 << 20)) return;
        const wait = 100 - (performance.now() - shown.at);
        if (wait <= 0) return show(loaded, total);
        latest = { loaded, total };
        later ??= setTimeout(() => show(latest.loaded, latest.total), wait);
      }, signal);
    } finally {
      clearTimeout(later);
    }
    fetched.push({ input, bytes });
  }
  return fetched;
}

/**
 * Starts the fetched CSVs' checks (UTF-8, title rows, long lines), which need no engine, while DuckDB-WASM
 * compiles: the import takes their result instead of doing them then (core's prepareCsv). The bytes are
 * given away: the engine's worker takes them without a copy, so nothing may read them after their import.
 */
export function prepareFetched(fetched: readonly { input: Input; bytes: Uint8Array }[]): void {
  const files = [...fetched]; // the import empties the caller's list
  void import('../dashboard/live.ts').then((live) => {
    for (const { input, bytes } of files)
      live.prepareCsv(bytes, input.label, undefined, true).catch(() => {});
  });
}

/**
 * Imports the fetched inputs one after the other. Stops at the first file whose columns are not
 * recognised (the mapping screen, with a preview and the problem, is the user's question) or that holds
 * no row.
 */
export async function importInputs(
  engine: Engine,
  fetched: readonly { input: Input; bytes: Uint8Array }[],
  o: ImportOptions,
  /** a file's import starts (`rows` loaded before it), then its rows are parsed (`parsed`, typed next) */
  progress: (state: Extract<LoadState, { phase: 'importing' }>) => void,
): Promise<{ imports: ImportSummary[] } | { stop: LoadState }> {
  const live = await import('../dashboard/live.ts');
  const imports: ImportSummary[] = [];
  let rows = 0;
  for (const { input, bytes } of fetched) {
    o.signal.throwIfAborted();
    progress({ phase: 'importing', file: input.name, rows });
    const applies = o.shared && (input.dataset === undefined || input.dataset === o.shared.dataset);
    const mapping = o.fixes.get(input.name) ?? (applies ? o.shared : undefined);
    try {
      const before = rows;
      const summary = await live.importFile(engine, input.label, bytes, {
        dataset: input.dataset,
        mapping,
        signal: o.signal,
        onProgress: (p) => progress({ phase: 'importing', file: input.name, rows: before, parsed: p.rows }),
      });
      if (summary.loaded === 0) return { stop: { phase: 'empty', file: input.name } };
      imports.push(summary);
      rows += summary.loaded;
    } catch (e) {
      if (o.signal.aborted || !asksForMapping(e)) throw e;
      // Unrecognised columns are a question for the user, not a dead end: show the mapping screen. Its
      // preview reads the file again when the import took the bytes (prepareFetched).
      const again = bytes.byteLength > 0 ? bytes : await input.read(() => {}, o.signal);
      const preview = await live.previewFile(engine, input.label, again);
      if (input.dataset) preview.dataset = input.dataset;
      return { stop: { phase: 'mapping', file: input.name, preview, problem: mappingProblem(e, o.lang) } };
    }
  }
  return { imports };
}
