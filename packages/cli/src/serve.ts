import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  type DashboardConfig,
  type ImportOptions,
  type ImportSummary,
  prepareComputation,
} from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { loadFiles } from './load-files.ts';
import { clusterByDepartment } from './query/cluster.ts';
import { duckdbBackend } from './query/duckdb-backend.ts';
import { warmUp } from './query/warm-up.ts';
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

/** DuckDB's memory and threads and the connection pool, chosen from the machine unless given. */
export interface EngineLimits {
  /** DuckDB `memory_limit` in MiB (default: 80 % of the machine's RAM, DuckDB's own default, stated explicitly). */
  memoryMb?: number;
  /** DuckDB `threads` (default: every core). */
  threads?: number;
  /** Connections answering at once (default: the cores, at least 2, at most 8). */
  connections?: number;
}

export function engineLimits(given: EngineLimits = {}): Required<EngineLimits> {
  const cores = availableParallelism();
  return {
    // DuckDB's own default, stated: the database is on disk (see databaseFile), so a smaller limit only
    // spills more (10M cases load under --memory-mb 2048 at ≈ 4.3 GB peak RSS; bench/serve-memory.mjs).
    memoryMb: given.memoryMb ?? Math.floor((totalmem() * 0.8) / 1024 / 1024),
    threads: given.threads ?? cores,
    connections: given.connections ?? Math.min(8, Math.max(2, cores)),
  };
}

export interface ServedData {
  server: QueryServer;
  imports: ImportSummary[];
  engine: Required<EngineLimits>;
  /** Names the loaded data (files, sizes, modification times, load time): the cache key's data version. */
  dataVersion: string;
  /**
   * The warm-up (the default page's statements, run once and cached): its time and statement count once
   * done, undefined when turned off; rejects when it failed (the server answers regardless).
   */
  warmedUp: Promise<{ ms: number; statements: number } | undefined>;
  close(): Promise<void>;
}

/**
 * `assessment-dashboard serve`: imports the files into native DuckDB exactly as the browser would,
 * builds the calendar and fact tables once (with the configuration's calendar), orders the tables by
 * department (clicks then read only their department's row groups), locks the session and
 * opens the read-only query endpoint, then (`warmUp`) caches the default page's answers in the background:
 * the endpoint answers meanwhile, and identical requests share the warm-up's statements. The data is read once, at start: replacing a file afterwards changes
 * nothing until the server is restarted (so no answer ever mixes old and new data).
 */
export async function serveFiles(
  paths: readonly string[],
  options: QueryServerOptions &
    EngineLimits & {
      import?: ImportOptions;
      config?: DashboardConfig;
      /** Warm the cache with the default page after start (the CLI does unless --no-warm-up). */
      warmUp?: boolean;
      /** The database file (default: a temporary file, removed on close). */
      database?: string;
    } = {},
): Promise<ServedData> {
  const limits = engineLimits(options);
  const database = await databaseFile(options.database);
  const engine = await NodeEngine.create({
    memoryLimit: `${limits.memoryMb}MiB`,
    threads: limits.threads,
    path: database.path,
  }).catch(async (e) => {
    await database.remove();
    throw e;
  });
  try {
    const files = await expandPaths(paths);
    if (!files.length) throw new Error(`serve: no data files in ${paths.join(', ')}`);
    const hash = createHash('sha256');
    for (const f of files) {
      const s = await stat(f);
      hash.update(`${f}\0${s.size}\0${s.mtimeMs}\0`);
    }
    const imports = await loadFiles(engine, files, options.import);
    await prepareComputation(engine, { config: options.config });
    await clusterByDepartment(engine);
    await engine.lockDown();
    hash.update(new Date().toISOString());
    const dataVersion = hash.digest('hex').slice(0, 16);
    const backend = await duckdbBackend(engine, { connections: limits.connections, dataVersion });
    const server = await startQueryServer(backend, options);
    const stopWarmUp = new AbortController();
    const warmedUp =
      !options.warmUp || options.cacheBytes === 0
        ? Promise.resolve(undefined)
        : warmUp(server, options.config, stopWarmUp.signal);
    warmedUp.catch(() => {});
    return {
      server,
      imports,
      engine: limits,
      dataVersion,
      warmedUp,
      close: async () => {
        stopWarmUp.abort();
        await warmedUp.catch(() => {});
        await server.close();
        await backend.close();
        await engine.close();
        await database.remove();
      },
    };
  } catch (e) {
    await engine.close();
    await database.remove();
    throw e;
  }
}

/**
 * Where `serve` keeps its database: on disk, so 10M cases need not fit in memory (DuckDB caches what
 * queries touch, up to its memory limit). A temporary file unless `named`; either way removed on close.
 * A named file must not exist yet: serve never overwrites a file it did not create.
 */
export async function databaseFile(
  named: string | undefined,
): Promise<{ path: string; remove(): Promise<void> }> {
  if (named !== undefined) {
    const path = resolve(named);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`serve: ${path} exists already; name a new file for --db-file`);
    await access(dirname(path)).catch(() => {
      throw new Error(`serve: no folder ${dirname(path)} for --db-file`);
    });
    return { path, remove: () => removeDatabase(path) };
  }
  const dir = await mkdtemp(join(tmpdir(), 'assessment-dashboard-serve-'));
  const path = join(dir, 'serve.duckdb');
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The database file with its write-ahead log and spill folder. */
async function removeDatabase(path: string): Promise<void> {
  for (const p of [path, `${path}.wal`, `${path}.tmp`]) await rm(p, { recursive: true, force: true });
}
