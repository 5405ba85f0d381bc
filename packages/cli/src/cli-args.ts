import { stat } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in the command line itself: reported in one line with a hint, exit code 2, never a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const flag = { type: 'boolean', default: false } as const;

/** Options every command that imports files takes. */
const IMPORT: Options = {
  json: flag,
  encoding: str,
  mapping: str,
  dataset: str,
  sheet: str,
  ledger: str,
  config: str,
};
const SERVE: Options = {
  clickhouse: str,
  port: str,
  host: { type: 'string', default: '127.0.0.1' },
  cors: str,
  'allowed-hosts': str,
  config: str,
  encoding: str,
  'max-rows': str,
  'max-result-mb': str,
  timeout: str,
  'memory-mb': str,
  threads: str,
  connections: str,
  queue: str,
  'per-client': str,
  'cache-mb': str,
  'header-timeout': str,
  'no-warm-up': flag,
  'server-timing': flag,
  'db-file': str,
};

/** Which options each command takes: anything else is refused, never silently ignored. */
export const COMMAND_OPTIONS: Record<string, Options> = {
  indicators: {
    ...IMPORT,
    'as-of': str,
    by: str,
    filter: { type: 'string', multiple: true },
    month: str,
    period: str,
  },
  validate: IMPORT,
  scorecard: { ...IMPORT, 'as-of': str, model: str, period: str },
  supervision: { ...IMPORT, 'as-of': str, dept: str },
  'annual-report': { ...IMPORT, year: str, layout: str, agency: str, xlsx: str, html: str },
  snapshot: { ...IMPORT, 'as-of': str, model: str, period: str, output: { type: 'string', short: 'o' } },
  serve: SERVE,
  load: { clickhouse: str, cluster: str, config: str, encoding: str },
  preview: { port: str, host: { type: 'string', default: '127.0.0.1' } },
};

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** The command's options and positionals; unknown or misused options are UsageErrors naming the command. */
export function parseCommand(
  command: string,
  args: string[],
): { values: ParsedValues; positionals: string[] } {
  const options = {
    ...COMMAND_OPTIONS[command],
    help: { type: 'boolean', short: 'h', default: false },
  } as Options;
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedValues, positionals };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    const option = /'(-[^' ]*)/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`${command} does not take the option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`${command}: ${option || 'an option'} needs a value`);
    throw new UsageError(`${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * A whole number option within [min, max] (undefined when not given). "abc", "", "1e3", "-1" and out of
 * range values are refused: a limit given wrongly must stop the start, never turn the limit off.
 */
export function intOption(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${String(value)}"`);
  return n;
}

/** A positive number of seconds, e.g. 30 or 1.5 (undefined when not given), as milliseconds. */
export function secondsOption(name: string, value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n > 0 && n <= max))
    throw new UsageError(
      `--${name} must be a number of seconds above 0 and at most ${max}, not "${String(value)}"`,
    );
  return Math.round(n * 1000);
}

/** Every data file given must exist and be a file (only `serve` reads a directory). */
export async function checkFiles(paths: readonly string[], directories: boolean): Promise<void> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: no such file`);
    if (info.isDirectory() && !directories)
      throw new UsageError(`${path} is a directory: give the files in it (only serve reads a directory)`);
  }
}
