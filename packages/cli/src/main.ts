import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  ConfigError,
  computeGrouped,
  computeIndicators,
  computeScorecard,
  DATASETS,
  type DashboardConfig,
  type DatasetKey,
  dict,
  type Filters,
  ImportError,
  type ImportMapping,
  INDICATORS,
  isDatasetKey,
  ledgerCsv,
  ledgerEntries,
  MappingError,
  monthsOf,
  PERIOD_UNITS,
  type PeriodUnit,
  parseConfig,
  parseMapping,
  parseScorecardModel,
  summarise,
} from '@assessment-dashboard/core';
import {
  type AnnualLayout,
  annualReportXlsx,
  computeAnnualReport,
  renderAnnualReportHtml,
} from '@assessment-dashboard/core/annual-report';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { buildSnapshot } from '@assessment-dashboard/core/snapshot';
import { loadCommand, serveClickHouse } from './clickhouse.ts';
import {
  formatAnnualReport,
  formatGroups,
  formatImports,
  formatIndicators,
  formatScorecard,
} from './format.ts';
import { loadFiles } from './load-files.ts';
import { serveFiles } from './serve.ts';
import { preview } from './static-server.ts';
import { formatSupervision, supervise } from './supervision.ts';

const USAGE = `assessment-dashboard <command> [options]

Commands:
  indicators <file>… [--as-of DATE] [--by dept|item|domain|region|channel|COLUMN] [--period day|week|month|quarter|year]
             [--filter [DATASET.]COLUMN=VALUE]… [--month YYYY-MM[..YYYY-MM]] [--encoding E] [--mapping m.json] [--json]
      Import the exports (dataset detected from headers) and print every computable indicator; with --by
      and/or --period also per group, periods with 环比 (previous) and 同比 (year-ago) values. --filter and
      --month select as a dashboard click does (e.g. --filter cases.dept_name=县民政局 --month 2025-01..2025-03).
  validate <file>… [--encoding E] [--mapping m.json] [--json]
      Import and print the row ledger summary; exits 1 when any row was rejected.

  Files may be CSV/TSV (UTF-8 or GBK), XLSX, Parquet, Arrow IPC or JSON/NDJSON.
  --mapping m.json   one mapping file (columns, values, formats, timezone) for every file given
  --dataset NAME     cases | items | disclosures | requests | hotline, instead of detecting it from headers
  --sheet NAME|N     XLSX sheet by name or 0-based index (default: the first visible sheet)
  --ledger out.csv   write the whole row ledger (every rejected row and warning) as CSV
  --config c.json    targets (per department too), calendar overrides and user-defined indicators
  With --json the output's "import" holds the totals, one summary per file and the first 1000 ledger entries.
  scorecard <file>… [--model m.json] [--period month|quarter|…] [--as-of DATE] [--config c.json] [--json]
      Rank departments by the scorecard model (default model built in): score, 分档 band, breakdown, change.
  supervision <file>… [--as-of DATE] [--dept NAME] [--json]
      Electronic-supervision checks the files allow: 超期/红黄牌 watch list (cases), 事后补录 step checks
      (process-step export), 网下运行 reconciliation of fees and fines against a treasury receipts file.
      Exits 1 when anything is flagged.
  annual-report <file>… --year YYYY [--layout 2021|2019] [--agency NAME] [--xlsx out.xlsx] [--html out.html] [--json]
      Tables 二 (主动公开政府信息情况, from the disclosure, case and item exports), 三 and 四 (from the on-request
      export) of the 政府信息公开工作年度报告 with the official labels, and their cross-checks. Cells the exports
      do not hold are printed as "—" (null in JSON) with the reason, never guessed. --xlsx writes one sheet per
      table with the official merged headers; --html a print-ready page. Exits 1 when a check fails.
  load --clickhouse URL <file|dir>… [--cluster NAME] [--config c.json] [--encoding E]
      Import the files here (row ledger, mapping, PII masking, calendar and facts) and load the canonical,
      calendar and fact tables into ClickHouse (ReplacingMergeTree by department and time, partitioned by
      month; --cluster: ON CLUSTER with Distributed tables). Loading a file again does not duplicate rows.
  serve --clickhouse URL [--port N] [--host H] [--cors ORIGIN,…]
      The query endpoint below, answered by ClickHouse (read-only) instead of files loaded here.
  serve <file|dir>… [--port N] [--host H] [--cors ORIGIN,…] [--config c.json] [--max-rows N]
      Import the files (or every data file in a directory) into native DuckDB and answer the dashboard's
      queries over HTTP (Mosaic REST protocol: POST {"type":"arrow"|"json","sql":…}); use it with
      <assessment-dashboard engine="http://host:port/">. Loopback only unless --host says otherwise;
      read-only: one SELECT per request, no file access; --cors lists the origins of pages allowed to call.
  snapshot <file>… -o site/snapshot.arrow [--as-of DATE] [--config c.json] [--mapping m.json] [--model m.json]
             [--period quarter|month|…]
      Precompute every computable indicator overall, by department, by period (--period, default quarter:
      the scorecard's periods) and the dashboard's trend into one small Arrow file, for
      <assessment-dashboard snapshot="snapshot.arrow">, which then shows it without DuckDB-WASM.
  preview <dir> [--port N] [--host H]
      Serve a built folder (e.g. dist/) over HTTP with correct MIME types, loopback only by default.
`;

/** CLI entry: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      encoding: { type: 'string' },
      mapping: { type: 'string' },
      dataset: { type: 'string' },
      sheet: { type: 'string' },
      ledger: { type: 'string' },
      by: { type: 'string' },
      filter: { type: 'string', multiple: true },
      month: { type: 'string' },
      config: { type: 'string' },
      model: { type: 'string' },
      period: { type: 'string' },
      port: { type: 'string' },
      cors: { type: 'string' },
      'max-rows': { type: 'string' },
      dept: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      year: { type: 'string' },
      layout: { type: 'string' },
      agency: { type: 'string' },
      xlsx: { type: 'string' },
      html: { type: 'string' },
      output: { type: 'string', short: 'o' },
      clickhouse: { type: 'string' },
      cluster: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!command || values.help || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'preview') {
    const server = await preview(positionals[0] ?? 'dist', Number(values.port ?? 4173), values.host);
    process.stdout.write(`Serving ${positionals[0] ?? 'dist'} at ${server.url}\n`);
    return await new Promise<number>(() => {});
  }
  if (command === 'serve') return await serve(positionals, values);
  if (command === 'load') {
    const config = values.config ? await readConfig(values.config) : undefined;
    return await loadCommand(positionals, values, config, (t) => process.stdout.write(t));
  }
  if (
    !['indicators', 'validate', 'scorecard', 'supervision', 'annual-report', 'snapshot'].includes(command)
  ) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (!positionals.length) {
    process.stderr.write(`${command}: give at least one file.\n`);
    return 2;
  }
  if (command === 'snapshot' && !values.output) {
    process.stderr.write('snapshot: give the file to write, e.g. -o site/snapshot.arrow.\n');
    return 2;
  }
  if (values.period && !(PERIOD_UNITS as readonly string[]).includes(values.period)) {
    process.stderr.write(`${command}: --period must be one of ${PERIOD_UNITS.join(', ')}.\n`);
    return 2;
  }
  let annual: { year: number; layout: AnnualLayout } | undefined;
  if (command === 'annual-report') {
    const year = Number(values.year);
    const layout = values.layout ?? '2021';
    if (!values.year || !Number.isInteger(year) || year < 2008 || year > 9999) {
      process.stderr.write('annual-report: give the reporting year, e.g. --year 2025.\n');
      return 2;
    }
    if (layout !== '2021' && layout !== '2019') {
      process.stderr.write(`annual-report: --layout must be 2021 or 2019, not "${layout}".\n`);
      return 2;
    }
    annual = { year, layout };
  }
  const engine = await NodeEngine.create();
  try {
    const mapping = values.mapping ? await readMapping(values.mapping) : undefined;
    const dataset = values.dataset ? parseDataset(values.dataset) : undefined;
    const sheet =
      values.sheet === undefined
        ? undefined
        : /^\d+$/.test(values.sheet)
          ? Number(values.sheet)
          : values.sheet;
    const imports = await loadFiles(engine, positionals, {
      encoding: values.encoding,
      mapping,
      dataset,
      sheet,
    });
    if (values.ledger) await writeFile(values.ledger, await ledgerCsv(engine));
    const config = values.config ? await readConfig(values.config) : undefined;
    if (command === 'supervision') {
      const report = await supervise(engine, { asOf: values['as-of'], dept: values.dept, config });
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ import: summarise(imports, []).import, ...report }, null, 2)}\n`
          : `${formatImports(imports)}\n${formatSupervision(report)}\n`,
      );
      const flagged =
        (report.watchList?.total.red ?? 0) +
        (report.backfill?.flags.length ?? 0) +
        (report.reconciliation?.flags.length ?? 0);
      return flagged > 0 ? 1 : 0;
    }
    if (annual) {
      const report = await computeAnnualReport(engine, { ...annual, agency: values.agency });
      if (values.xlsx) await writeFile(values.xlsx, annualReportXlsx(report));
      if (values.html) await writeFile(values.html, renderAnnualReportHtml(report));
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ import: summarise(imports, []).import, report }, null, 2)}\n`
          : `${formatImports(imports)}\n\n${formatAnnualReport(report)}\n`,
      );
      return report.violations.length ? 1 : 0;
    }
    const model = values.model
      ? parseScorecardModel(
          await readJson(values.model, ConfigError),
          values.model,
          INDICATORS.map((d) => d.key),
        )
      : undefined;
    if (command === 'snapshot') {
      const out = values.output ?? '';
      const snapshot = await buildSnapshot(engine, {
        asOf: values['as-of'],
        config,
        model,
        imports,
        scorecardPeriod: (values.period as PeriodUnit | undefined) ?? 'quarter',
        generator: 'assessment-dashboard snapshot',
      });
      await writeFile(out, snapshot.bytes);
      const gzip = gzipSync(snapshot.bytes, { level: 9 }).length;
      process.stdout.write(
        `${formatImports(imports)}\nWrote ${out}: ${snapshot.rows} rows, ${snapshot.bytes.length} bytes ` +
          `(${gzip} gzip), as of ${snapshot.asOf}; sections ${snapshot.sections.map((x) => x.name).join(', ')}\n`,
      );
      return 0;
    }
    if (command === 'scorecard') {
      const card = await computeScorecard(engine, {
        model,
        config,
        asOf: values['as-of'],
        period: values.period as PeriodUnit | undefined,
      });
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ import: summarise(imports, []).import, scorecard: card }, null, 2)}\n`
          : `${formatScorecard(card)}\n`,
      );
      return 0;
    }
    // The same selections a dashboard click makes: --filter [dataset.]column=value, --month YYYY-MM[..YYYY-MM].
    const selection = parseSelection(values.filter ?? [], values.month);
    const computed =
      command === 'indicators'
        ? await computeIndicators(engine, { asOf: values['as-of'], config, ...selection })
        : [];
    const period = values.period as PeriodUnit | undefined;
    const grouped =
      command === 'indicators' && (values.by || period)
        ? await computeGrouped(engine, { asOf: values['as-of'], by: values.by, period, config, ...selection })
        : undefined;
    const summary = { ...summarise(imports, computed), ...(grouped ? { groups: grouped } : {}) };
    if (values.json) {
      const entries = await ledgerEntries(engine, LEDGER_JSON_LIMIT);
      const out = { ...summary, import: { ...summary.import, ledger: entries } };
      process.stdout.write(
        `${JSON.stringify(command === 'validate' ? { import: out.import } : out, null, 2)}\n`,
      );
    } else {
      process.stdout.write(`${formatImports(imports)}\n`);
      if (command === 'indicators')
        process.stdout.write(`as of ${summary.asOf}\n${formatIndicators(summary.indicators)}\n`);
      if (grouped) process.stdout.write(`\n${formatGroups(grouped)}\n`);
    }
    return command === 'validate' && summary.import.rejected > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportError || e instanceof MappingError || e instanceof ConfigError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await engine.close();
  }
}

async function readJson(path: string, ErrorType: new (message: string) => Error): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ErrorType(`${path}: not readable JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

const readMapping = async (path: string): Promise<ImportMapping> =>
  parseMapping(await readJson(path, MappingError), path);

const readConfig = async (path: string): Promise<DashboardConfig> =>
  parseConfig(
    await readJson(path, ConfigError),
    path,
    INDICATORS.map((d) => d.key),
  );

/** Ledger entries printed with --json; --ledger writes all of them. */
const LEDGER_JSON_LIMIT = 1000;

function parseDataset(name: string): DatasetKey {
  if (isDatasetKey(name)) return name;
  throw new MappingError(`--dataset: "${name}" is not one of ${Object.keys(DATASETS).join(', ')}`);
}

async function serve(
  paths: string[],
  values: {
    port?: string;
    host?: string;
    cors?: string;
    config?: string;
    'max-rows'?: string;
    encoding?: string;
    clickhouse?: string;
  },
): Promise<number> {
  if (values.clickhouse) {
    const cors = values.cors?.split(',').map((s) => s.trim());
    const front = await serveClickHouse(values.clickhouse, {
      port: Number(values.port ?? 8765),
      host: values.host,
      ...(cors ? { cors } : {}),
    });
    process.stdout.write(`Query endpoint (ClickHouse ${values.clickhouse}, read-only): ${front.url}\n`);
    return await new Promise<number>(() => {});
  }
  if (!paths.length) {
    process.stderr.write('serve: give at least one file or directory.\n');
    return 2;
  }
  try {
    const config = values.config ? await readConfig(values.config) : undefined;
    const served = await serveFiles(paths, {
      port: Number(values.port ?? 8765),
      host: values.host,
      cors: values.cors
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      maxRows: values['max-rows'] ? Number(values['max-rows']) : undefined,
      config,
      import: { encoding: values.encoding },
    });
    process.stdout.write(`${formatImports(served.imports)}\nQuery endpoint: ${served.server.url}\n`);
  } catch (e) {
    if (
      e instanceof ImportError ||
      e instanceof MappingError ||
      e instanceof ConfigError ||
      e instanceof Error
    ) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return await new Promise<number>(() => {});
}

/** `--filter [dataset.]column=value` (repeatable) and `--month` as indicator options; bad forms are usage errors. */
function parseSelection(filters: readonly string[], month: string | undefined) {
  const datasetFilters: Partial<Record<DatasetKey, Filters>> = {};
  const shared: Filters = dict();
  for (const f of filters) {
    const m = /^(?:(\w+)\.)?(\w+)=(.*)$/su.exec(f);
    if (!m) throw new ConfigError(`--filter "${f}" is not [dataset.]column=value`);
    const [, dataset, column = '', value = ''] = m;
    if (dataset && !isDatasetKey(dataset)) {
      throw new ConfigError(
        `--filter "${f}": unknown dataset "${dataset}" (${Object.keys(DATASETS).join(', ')})`,
      );
    }
    const key = dataset as DatasetKey | undefined;
    const target = key ? dict(Object.entries(datasetFilters[key] ?? {})) : shared;
    target[column] = [...(target[column] ?? []), value];
    if (key) datasetFilters[key] = target;
  }
  const months = month === undefined ? undefined : monthsOf(month);
  if (months && !months.length)
    throw new ConfigError(`--month "${month}" is not YYYY-MM or YYYY-MM..YYYY-MM`);
  return { filters: shared, datasetFilters, ...(months ? { months } : {}) };
}
