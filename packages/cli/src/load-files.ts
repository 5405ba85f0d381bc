import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Engine, type ImportOptions, type ImportSummary, importFile } from '@assessment-dashboard/core';

/** Imports each file into the engine (dataset detected from headers) and returns the ledger summaries. */
export async function loadFiles(
  engine: Engine,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    out.push(await importFile(engine, basename(file), bytes, options));
  }
  return out;
}
