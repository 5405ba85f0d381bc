import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DashboardConfig,
  type ImportOptions,
  type ImportSummary,
  prepareComputation,
} from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { loadFiles } from './load-files.ts';
import { type QueryServer, type QueryServerOptions, startQueryServer } from './query-server.ts';

const DATA_FILE = /\.(csv|tsv|txt|xlsx|parquet|arrow|feather|ipc|json|ndjson|jsonl)$/i;

/** Files named on the command line, with each directory replaced by the data files inside it (sorted). */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => DATA_FILE.test(n)).sort();
      out.push(...names.map((n) => join(path, n)));
    } else out.push(path);
  }
  return out;
}

export interface ServedData {
  server: QueryServer;
  imports: ImportSummary[];
  close(): Promise<void>;
}

/**
 * `assessment-dashboard serve`: imports the files into native DuckDB exactly as the browser would,
 * builds the calendar and fact tables once (with the configuration's calendar), locks the session and
 * opens the read-only query endpoint.
 */
export async function serveFiles(
  paths: readonly string[],
  options: QueryServerOptions & { import?: ImportOptions; config?: DashboardConfig } = {},
): Promise<ServedData> {
  const engine = await NodeEngine.create();
  try {
    const files = await expandPaths(paths);
    if (!files.length) throw new Error(`serve: no data files in ${paths.join(', ')}`);
    const imports = await loadFiles(engine, files, options.import);
    await prepareComputation(engine, { config: options.config });
    await engine.lockDown();
    const server = await startQueryServer(engine, options);
    return {
      server,
      imports,
      close: async () => {
        await server.close();
        await engine.close();
      },
    };
  } catch (e) {
    await engine.close();
    throw e;
  }
}
