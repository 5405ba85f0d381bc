import type { Engine } from '../engine/types.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { traced } from '../trace.ts';
import { guessDataset, matchHeaders } from './headers.ts';
import { ImportError, type ImportSummary } from './ledger.ts';
import { LOAD_TABLES, loadDataset } from './load-dataset.ts';
import type { ImportOptions } from './options.ts';
import { fusedRaw, RAW_TABLES, ReadAgain, readRaw, registerRaw } from './read-raw.ts';
import type { RegisteredFile } from './register-file.ts';
import { type ReaderType, readerTypedHeaders } from './typed-columns.ts';

export { DEFAULT_TIMEZONE, type ImportOptions, type ImportProgress } from './options.ts';

/**
 * Imports one export of any accepted format into its dataset's canonical table, with its row ledger:
 * the file is read as text (read-raw.ts: one entry per format), the dataset told from its headers, then
 * typed and judged (load-dataset.ts). A CSV whose header tells its columns is typed as it is read, in one
 * pass (fusedRaw), unless that reading rejects a line. A file already readable by path (import-path.ts)
 * is passed as such. Every row is loaded or listed in the ledger with its reason.
 */
export async function importFile(
  engine: Engine,
  fileName: string,
  source: Uint8Array | RegisteredFile,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // A file already readable by path (import-path.ts, Node) needs no registering, and belongs to the caller.
  const registered =
    source instanceof Uint8Array
      ? await traced('import: register', () => registerRaw(engine, fileName, source, options))
      : source;
  const typedHeaders = (names: string[]) => readerTypes(fileName, names, options);
  let registeredHere = source instanceof Uint8Array;
  const unregister = async () => {
    if (registeredHere) await engine.unregister?.(registered.path).catch(() => {});
    registeredHere = false;
  };
  try {
    options.signal?.throwIfAborted();
    const fused = options.onePass === false ? undefined : await fusedRaw(engine, registered, typedHeaders);
    const dataset = fused && knownDataset(fileName, fused.headers, options);
    if (fused && dataset) {
      try {
        return await traced('import: one pass', () =>
          loadDataset(engine, fileName, fused.encoding, dataset, fused, options),
        );
      } catch (e) {
        if (!(e instanceof ReadAgain)) throw e;
      }
    }
    const raw = await traced('import: read raw', () => readRaw(engine, fileName, registered, typedHeaders));
    await unregister(); // the raw table holds the file now
    if (options.onProgress) {
      const counted = await engine.query(`SELECT count(*) AS n FROM ${raw.table}`);
      const rows = Number(counted.get(0)?.n ?? 0) + (raw.recast?.count ?? 0);
      options.onProgress({ stage: 'parsed', rows });
    }
    options.signal?.throwIfAborted();
    return await traced('import: typed load', () =>
      loadDataset(engine, fileName, raw.encoding, whichDataset(fileName, raw.headers, options), raw, options),
    );
  } finally {
    await unregister();
    await engine.exec([...RAW_TABLES, ...LOAD_TABLES].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
  }
}

/** The dataset the header tells, or undefined where it does not (said with its reasons once the file is read). */
function knownDataset(fileName: string, names: string[], options: ImportOptions): DatasetKey | undefined {
  try {
    return whichDataset(fileName, names, options);
  } catch {
    return undefined;
  }
}

/** The columns the CSV reader may type itself (date-times, integers), once the header tells the dataset. */
function readerTypes(fileName: string, names: string[], options: ImportOptions): Map<string, ReaderType> {
  const dataset = knownDataset(fileName, names, options);
  if (!dataset) return new Map();
  const def = DATASETS[dataset];
  const mapping = options.mapping ?? {};
  return readerTypedHeaders(def, matchHeaders(names, def, mapping.columns).mapped, mapping);
}

/** The dataset named by the options or the mapping, else the one the headers fit best. */
function whichDataset(fileName: string, headers: string[], options: ImportOptions): DatasetKey {
  const guess = (options.dataset ?? options.mapping?.dataset) ? undefined : guessDataset(headers);
  const dataset = options.dataset ?? options.mapping?.dataset ?? guess?.dataset;
  if (!dataset && guess?.tied.length) {
    const names = guess.tied.map((k) => `${k} (${DATASETS[k].label.zh})`).join(', ');
    throw new ImportError(
      'ambiguous_dataset',
      `${fileName}: the headers fit several datasets equally well: ${names}. ` +
        `Name the dataset explicitly (--dataset ${guess.tied.join('|')}) or supply a mapping file.`,
      { headers, candidates: guess.tied },
    );
  }
  if (!dataset) {
    throw new ImportError(
      'unknown_dataset',
      `${fileName}: cannot tell which dataset this is from its headers (${headers.slice(0, 8).join(', ')}…). ` +
        'Name the dataset explicitly or supply a mapping file.',
      { headers },
    );
  }
  if (!isDatasetKey(dataset)) {
    throw new ImportError(
      'unknown_dataset',
      `${fileName}: "${dataset}" is not a dataset (${Object.keys(DATASETS).join(', ')}).`,
      { headers },
    );
  }
  return dataset;
}
