import {
  CALENDAR_MACROS_SQL,
  ClickHouseEngine,
  type ClickHouseEngineOptions,
  chineseCalendar,
  type DashboardConfig,
  type ImportOptions,
  type ImportSummary,
  ident,
  withOverrides,
} from '@assessment-dashboard/core';
import {
  type ClickHouseLoadResult,
  loadIntoClickHouse,
  NodeEngine,
  type NodeReader,
} from '@assessment-dashboard/core/node';
import type { Table } from 'apache-arrow';
import { formatImports } from './format.ts';
import { loadFiles } from './load-files.ts';
import { addStage, type QueryBackend, type QueryResult, Refusal, type Stages } from './query/backend.ts';
import { checkStatement, loadedTables } from './query/duckdb-backend.ts';
import { type QueryServer, type QueryServerOptions, startQueryServer } from './query-server.ts';
import { databaseFile, engineLimits, expandPaths } from './serve.ts';

/**
 * `assessment-dashboard load --clickhouse URL <files>…`: the normal import into native DuckDB here (row
 * ledger, mapping, PII masking, calendar and facts), then the tables into ClickHouse (clickhouse-load.ts).
 */
export async function loadClickHouse(
  url: string,
  paths: readonly string[],
  options: {
    cluster?: string;
    config?: DashboardConfig;
    import?: ImportOptions;
    engine?: ClickHouseEngineOptions;
  },
): Promise<{ imports: ImportSummary[]; tables: ClickHouseLoadResult[] }> {
  // On disk, as `serve` keeps it, so the import's memory stays bounded (a province's files need not fit
  // in memory); the batches sent to ClickHouse are cut from it by row number (clickhouse-load.ts).
  const database = await databaseFile(undefined);
  const limits = engineLimits();
  const duck = await NodeEngine.create({
    memoryLimit: `${limits.memoryMb}MiB`,
    threads: limits.threads,
    path: database.path,
  }).catch(async (e) => {
    await database.remove();
    throw e;
  });
  try {
    const files = await expandPaths(paths);
    if (!files.length) throw new Error(`load: no data files in ${paths.join(', ')}`);
    const imports = await loadFiles(duck, files, options.import);
    const overrides = options.config?.calendar;
    const ch = new ClickHouseEngine(url, { timeoutMs: 600_000, ...options.engine });
    const tables = await loadIntoClickHouse(duck, ch, {
      ...(options.cluster ? { cluster: options.cluster } : {}),
      ...(overrides ? { calendar: withOverrides(chineseCalendar(), overrides) } : {}),
    });
    return { imports, tables };
  } finally {
    await duck.close();
    await database.remove();
  }
}

const DUCK_TYPE: [RegExp, string][] = [
  [/^(Nullable\()?Bool/, 'BOOLEAN'],
  [/^(Nullable\()?(U?Int|Float|Decimal)/, 'DOUBLE'],
  [/^(Nullable\()?Date(32)?\)?$/, 'DATE'],
  [/^(Nullable\()?DateTime/, 'TIMESTAMP'],
];

/**
 * `serve --clickhouse URL`: the Mosaic-protocol endpoint of `serve` for pages that speak only that
 * protocol, answered by ClickHouse, behind the same HTTP front (limits, queue, Host check). The same
 * allow-list as `serve` decides (DuckDB's own parse of the statement, against empty local copies of the
 * ClickHouse tables, so only one SELECT passes); the statement is then rendered for ClickHouse and run
 * there with `readonly = 2`. Answers are not cached unless `cacheBytes` says so: the data may be reloaded.
 */
export async function serveClickHouse(
  url: string,
  options: QueryServerOptions & { engine?: ClickHouseEngineOptions; connections?: number },
): Promise<QueryServer & { engine: ClickHouseEngine }> {
  const engineOptions = { timeoutMs: options.timeoutMs ?? 30_000, ...options.engine, readOnly: true };
  const ch = new ClickHouseEngine(url, engineOptions);
  const columns = await ch.query(
    `SELECT table_name AS t, column_name AS c, data_type AS y FROM information_schema.columns
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of columns) {
    const type = DUCK_TYPE.find(([re]) => re.test(String(r.y)))?.[1] ?? 'VARCHAR';
    tables.set(String(r.t), [...(tables.get(String(r.t)) ?? []), `${ident(String(r.c))} ${type}`]);
  }
  const shape = await NodeEngine.create();
  for (const [t, cols] of tables) await shape.exec(`CREATE TABLE ${ident(t)} (${cols.join(', ')})`);
  if (tables.has('work_calendar')) for (const m of CALENDAR_MACROS_SQL) await shape.exec(m);
  await shape.lockDown();
  // One DuckDB connection (for the check) and one ClickHouse client (for its own cancel) per slot.
  const slots: { reader: NodeReader; ch: ClickHouseEngine }[] = [];
  for (let i = 0; i < (options.connections ?? 4); i++)
    slots.push({ reader: await shape.reader(), ch: new ClickHouseEngine(url, engineOptions) });
  const first = slots[0];
  if (!first) throw new Error('serve: at least one connection is needed');
  const allowed = await loadedTables(first.reader);
  const free = [...slots];
  const backend: QueryBackend = {
    dataVersion: `clickhouse ${new Date().toISOString()}`,
    slots: slots.length,
    async run<T>(
      sql: string,
      signal: AbortSignal,
      consume: (result: QueryResult) => Promise<T>,
      stages?: Stages,
    ) {
      const slot = free.pop();
      if (!slot) throw new Refusal(503, 'no free connection', { 'Retry-After': '1' });
      const cancel = () => slot.ch.cancel();
      signal.addEventListener('abort', cancel);
      try {
        signal.throwIfAborted();
        let from = performance.now();
        await checkStatement(slot.reader, sql, allowed);
        addStage(stages, 'check', from);
        from = performance.now();
        const table = await slot.ch.query(sql);
        addStage(stages, 'exec', from);
        return await consume({ schema: table.schema, chunks: once(table) });
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        if (e instanceof Refusal) throw e;
        throw new Refusal(400, (e as Error).message);
      } finally {
        signal.removeEventListener('abort', cancel);
        free.push(slot);
      }
    },
    async close() {
      for (const s of slots) {
        s.reader.close();
        await s.ch.close();
      }
    },
  };
  const server = await startQueryServer(backend, { ...options, cacheBytes: options.cacheBytes ?? 0 });
  return {
    ...server,
    engine: ch,
    close: async () => {
      await server.close();
      await backend.close();
      await ch.close();
      await shape.close();
    },
  };
}

async function* once(table: Table): AsyncIterable<Table> {
  yield table;
}

/** The `load` command: exit code 0 when every table arrived, 2 on a usage or load error. */
export async function loadCommand(
  paths: string[],
  values: { clickhouse?: string; cluster?: string; encoding?: string },
  config: DashboardConfig | undefined,
  out: (text: string) => void,
): Promise<number> {
  if (!values.clickhouse || !paths.length) {
    process.stderr.write('load: give --clickhouse URL and at least one file or directory.\n');
    return 2;
  }
  const { imports, tables } = await loadClickHouse(values.clickhouse, paths, {
    ...(values.cluster ? { cluster: values.cluster } : {}),
    ...(config ? { config } : {}),
    import: { encoding: values.encoding },
  });
  out(
    `${formatImports(imports)}\n${tables.map((t) => `${t.table}: ${t.rows} rows → ClickHouse`).join('\n')}\n`,
  );
  return 0;
}
