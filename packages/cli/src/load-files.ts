import type { Engine, ImportOptions, ImportSummary } from '@assessment-dashboard/core';
import { importPath } from '@assessment-dashboard/core/node';

/**
 * Imports each file into the engine (dataset detected from headers) and returns the ledger summaries. Large
 * CSV/TSV files are read by native DuckDB from disk, never held in memory whole (importPath).
 */
export async function loadFiles(
  engine: Engine,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const file of files) out.push(await importPath(engine, file, options));
  return out;
}
