import type { Engine } from '../engine/types.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { traced } from '../trace.ts';
import { guessDataset } from './headers.ts';
import { ImportError, type ImportSummary } from './ledger.ts';
import { LOAD_TABLES, loadDataset } from './load-dataset.ts';
import type { ImportOptions } from './options.ts';
import { RAW_TABLES, readRaw } from './read-raw.ts';
import type { RegisteredFile } from './register-file.ts';

export { DEFAULT_TIMEZONE, type ImportOptions, type ImportProgress } from './options.ts';

/**
 * Imports one export of any accepted format into its dataset's canonical table, with its row ledger:
 * the file is read as text (read-raw.ts: one entry per format), the dataset told from its headers, then
 * typed and judged (load-dataset.ts). A file already readable by path (import-path.ts) is passed as such. Every row is loaded or listed in the ledger with its reason.
 */
export async function importFile(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array | RegisteredFile,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  try {
    options.signal?.throwIfAborted();
    const raw = await traced('import: read raw', () => readRaw(engine, fileName, bytes, options));
    if (options.onProgress) {
      const counted = await engine.query(`SELECT count(*) AS n FROM ${raw.table}`);
      options.onProgress({ stage: 'parsed', rows: Number(counted.get(0)?.n ?? 0) });
    }
    options.signal?.throwIfAborted();
    const dataset = whichDataset(fileName, raw.headers, options);
    return await traced('import: typed load', () =>
      loadDataset(engine, fileName, raw.encoding, dataset, raw, options),
    );
  } finally {
    await engine.exec([...RAW_TABLES, ...LOAD_TABLES].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
  }
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
