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
import { type ClickHouseLoadResult, loadIntoClickHouse, NodeEngine } from '@assessment-dashboard/core/node';
import { formatImports } from './format.ts';
import { loadFiles } from './load-files.ts';
import { type QueryServer, type QueryServerOptions, startQueryServer } from './query-server.ts';
import { expandPaths } from './serve.ts';

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
  const duck = await NodeEngine.create();
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
 * protocol, answered by ClickHouse. The same allow-list as `serve` decides (DuckDB's own parse and bind of
 * the statement, against empty local copies of the ClickHouse tables, so only one SELECT passes); the
 * statement is then rendered for ClickHouse and run there with `readonly = 2`.
 */
export async function serveClickHouse(
  url: string,
  options: QueryServerOptions & { engine?: ClickHouseEngineOptions },
): Promise<QueryServer & { engine: ClickHouseEngine }> {
  const ch = new ClickHouseEngine(url, {
    timeoutMs: options.timeoutMs ?? 30_000,
    ...options.engine,
    readOnly: true,
  });
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
  // DuckDB checks the statement; ClickHouse answers it.
  const front = Object.assign(Object.create(shape) as NodeEngine, {
    query: (sql: string) => ch.query(sql),
    interrupt: () => ch.cancel(),
  });
  const server = await startQueryServer(front, options);
  return {
    ...server,
    engine: ch,
    close: async () => {
      await server.close();
      await ch.close();
      await shape.close();
    },
  };
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
