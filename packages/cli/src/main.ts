import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import {
  ConfigError,
  computeGrouped,
  computeIndicators,
  computeScorecard,
  ImportError,
  INDICATORS,
  ledgerCsv,
  ledgerEntries,
  MappingError,
  normaliseAsOf,
  PERIOD_UNITS,
  type PeriodUnit,
  parseCliSelection,
  parseScorecardModel,
  selectionOptions,
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
import { COMMAND_OPTIONS, checkFiles, intOption, parseCommand, UsageError } from './cli-args.ts';
import { loadCommand } from './clickhouse.ts';
import { parseDataset } from './dataset-options.ts';
import {
  formatAnnualReport,
  formatGroups,
  formatImports,
  formatIndicators,
  formatScorecard,
} from './format.ts';
import { loadFiles } from './load-files.ts';
import { readConfig, readJson, readMapping } from './read-options.ts';
import { serve } from './serve-command.ts';
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
  serve --clickhouse URL [--port N] [--host H] [--cors ORIGIN,…] [--allowed-hosts NAME,…] [limits below]
      The query endpoint below, answered by ClickHouse (read-only) instead of files loaded here.
  serve <file|dir>… [--port N] [--host H] [--cors ORIGIN,…] [--allowed-hosts NAME,…] [--config c.json]
             [--max-rows N] [--max-result-mb N] [--timeout S] [--memory-mb N] [--threads N] [--connections N]
             [--queue N] [--per-client N] [--cache-mb N] [--header-timeout S] [--no-warm-up] [--server-timing]
             [--db-file PATH]
      Import the files (or every data file in a directory) into native DuckDB and answer the dashboard's
      queries over HTTP (Mosaic REST protocol: POST {"type":"arrow"|"json","sql":…}); use it with
      <assessment-dashboard engine="http://host:port/">. Loopback only unless --host says otherwise;
      read-only: one allow-listed SELECT per request, no file access; --cors lists the origins of pages
      allowed to call, --allowed-hosts the names it is called by. Limits (defaults): --max-rows 1000000,
      --max-result-mb 32, --timeout 30 (execution and transfer), --memory-mb 80 % of RAM, --threads every
      core, --connections cores (2–8), --queue 64, --per-client 32, --cache-mb 256, --header-timeout 10.
      After loading it runs the dashboard's default page once and caches the answers (--no-warm-up: not);
      --server-timing sends each answer's stages (cache, queue, prepare, check, exec, encode) as Server-Timing.
      SIGINT/SIGTERM finish the queries in flight, then exit. The database is a file on disk (a temporary
      one, or --db-file PATH, which must not exist yet), so memory holds only what queries touch; it is
      removed on exit.
  snapshot <file>… -o site/snapshot.arrow [--as-of DATE] [--config c.json] [--mapping m.json] [--model m.json]
             [--period quarter|month|…]
      Precompute every computable indicator overall, by department, by period (--period, default quarter:
      the scorecard's periods) and the dashboard's trend into one small Arrow file, for
      <assessment-dashboard snapshot="snapshot.arrow">, which then shows it without DuckDB-WASM.
  preview <dir> [--port N] [--host H]
      Serve a built folder (e.g. dist/) over HTTP with correct MIME types, loopback only by default.

  -h, --help on the tool or any command prints this. Exit codes: 0 done, 1 findings (rejected rows,
  flags, failed checks), 2 a usage or input error (one line on stderr saying what to fix).
`;

/** Errors that are the user's to fix (arguments, files, mapping, configuration): one line, exit 2. */
function isUserError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | undefined)?.code;
  return (
    e instanceof UsageError ||
    e instanceof ImportError ||
    e instanceof MappingError ||
    e instanceof ConfigError ||
    (typeof code === 'string' &&
      ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EADDRINUSE'].includes(code))
  );
}

/**
 * CLI entry: returns the process exit code. Every error ends here: the user's own (exit 2) and
 * unexpected ones (exit 1) alike are one line on stderr; a stack only with ASSESSMENT_DASHBOARD_DEBUG=1.
 */
export async function main(argv: string[]): Promise<number> {
  const [command = ''] = argv;
  try {
    return await run(argv);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ').trim();
    const user = isUserError(e);
    const hint =
      e instanceof UsageError
        ? ` (see: assessment-dashboard ${command in COMMAND_OPTIONS ? `${command} ` : ''}--help)`
        : '';
    process.stderr.write(`error: ${message}${hint}\n`);
    if (process.env.ASSESSMENT_DASHBOARD_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return user ? 2 : 1;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? process.stdout : process.stderr).write(USAGE);
    return command ? 0 : 2;
  }
  if (!(command in COMMAND_OPTIONS))
    throw new UsageError(
      `unknown command "${command}"; commands: ${Object.keys(COMMAND_OPTIONS).join(', ')}`,
    );
  const { values, positionals } = parseCommand(command, rest);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const text = (name: string) => values[name] as string | undefined;
  if (command === 'preview') {
    const port = intOption('port', values.port, 0, 65535) ?? 4173;
    const server = await preview(positionals[0] ?? 'dist', port, text('host'));
    process.stdout.write(`Serving ${positionals[0] ?? 'dist'} at ${server.url}\n`);
    return await new Promise<number>(() => {});
  }
  if (command === 'serve') return await serve(positionals, values);
  if (command === 'load') {
    if (!positionals.length) throw new UsageError('load: give at least one file or directory');
    await checkFiles(positionals, true);
    if (!text('clickhouse')) throw new UsageError('load: give the ClickHouse to load into, --clickhouse URL');
    const config = values.config ? await readConfig(values.config as string) : undefined;
    return await loadCommand(
      positionals,
      { clickhouse: text('clickhouse'), cluster: text('cluster'), encoding: text('encoding') },
      config,
      (t) => process.stdout.write(t),
    );
  }
  if (!positionals.length) throw new UsageError(`${command}: give at least one file`);
  await checkFiles(positionals, false);
  if (command === 'snapshot' && !values.output)
    throw new UsageError('snapshot: give the file to write, e.g. -o site/snapshot.arrow');
  const period = text('period');
  if (period && !(PERIOD_UNITS as readonly string[]).includes(period))
    throw new UsageError(`${command}: --period must be one of ${PERIOD_UNITS.join(', ')}`);
  normaliseAsOf(text('as-of'));
  let annual: { year: number; layout: AnnualLayout } | undefined;
  if (command === 'annual-report') {
    const year = Number(values.year);
    const layout = text('layout') ?? '2021';
    if (!values.year || !/^\d{4}$/.test(String(values.year)) || year < 2008)
      throw new UsageError('annual-report: give the reporting year, e.g. --year 2025');
    if (layout !== '2021' && layout !== '2019')
      throw new UsageError(`annual-report: --layout must be 2021 or 2019, not "${layout}"`);
    annual = { year, layout };
  }
  return await compute(command, positionals, values as CommandValues, annual);
}

/** The options of the data commands, as parseCommand gives them. */
interface CommandValues {
  json?: boolean;
  'as-of'?: string;
  encoding?: string;
  mapping?: string;
  dataset?: string;
  sheet?: string;
  ledger?: string;
  by?: string;
  filter?: string[];
  month?: string;
  config?: string;
  model?: string;
  period?: string;
  dept?: string;
  agency?: string;
  xlsx?: string;
  html?: string;
  output?: string;
}

async function compute(
  command: string,
  positionals: string[],
  values: CommandValues,
  annual: { year: number; layout: AnnualLayout } | undefined,
): Promise<number> {
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
    const selection = selectionOptions(parseCliSelection(values.filter ?? [], values.month));
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
  } finally {
    await engine.close();
  }
}

/** Ledger entries printed with --json; --ledger writes all of them. */
const LEDGER_JSON_LIMIT = 1000;
