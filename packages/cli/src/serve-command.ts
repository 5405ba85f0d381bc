import { checkFiles, intOption, type ParsedValues, secondsOption, UsageError } from './cli-args.ts';
import { serveClickHouse } from './clickhouse.ts';
import { formatImports } from './format.ts';
import { readConfig } from './read-options.ts';
import { serveFiles } from './serve.ts';

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** `serve`: every limit validated before anything is loaded (a bad one stops the start), then runs until a signal. */
export async function serve(paths: string[], values: ParsedValues): Promise<number> {
  const clickhouse = values.clickhouse as string | undefined;
  if (!paths.length && !clickhouse) throw new UsageError('serve: give at least one file or directory');
  if (paths.length && clickhouse) throw new UsageError('serve: give files or --clickhouse URL, not both');
  const mb = (name: string, max: number) => {
    const n = intOption(name, values[name], 1, max);
    return n === undefined ? undefined : n * 1024 * 1024;
  };
  const options = {
    port: intOption('port', values.port, 0, 65535) ?? 8765,
    host: values.host as string | undefined,
    cors: list(values.cors),
    allowedHosts: list(values['allowed-hosts']),
    maxRows: intOption('max-rows', values['max-rows'], 1, 100_000_000),
    maxBytes: mb('max-result-mb', 4096),
    timeoutMs: secondsOption('timeout', values.timeout, 3600),
    memoryMb: intOption('memory-mb', values['memory-mb'], 64, 16 * 1024 * 1024),
    threads: intOption('threads', values.threads, 1, 1024),
    connections: intOption('connections', values.connections, 1, 256),
    queue: intOption('queue', values.queue, 0, 100_000),
    perClient: intOption('per-client', values['per-client'], 1, 100_000),
    cacheBytes: values['cache-mb'] === '0' ? 0 : mb('cache-mb', 65_536),
    headersTimeoutMs: secondsOption('header-timeout', values['header-timeout'], 600),
    serverTiming: values['server-timing'] === true,
  };
  if (clickhouse) {
    const front = await serveClickHouse(clickhouse, options);
    process.stdout.write(`Query endpoint (ClickHouse ${clickhouse}, read-only): ${front.url}\n`);
    await untilSignal();
    await front.close();
    return 0;
  }
  await checkFiles(paths, true);
  const config = values.config ? await readConfig(values.config as string) : undefined;
  const served = await serveFiles(paths, {
    ...options,
    config,
    import: { encoding: values.encoding as string | undefined },
    warmUp: values['no-warm-up'] !== true,
    database: values['db-file'] as string | undefined,
  });
  const e = served.engine;
  const l = served.server.limits;
  process.stdout.write(
    `${formatImports(served.imports)}\nQuery endpoint: ${served.server.url} (data version ${served.dataVersion})\n` +
      `Limits: DuckDB ${e.memoryMb} MiB, ${e.threads} threads, ${e.connections} connections; ${l.running} running, ` +
      `${l.queue} waiting, ${l.perClient} per client; ${l.maxRows} rows, ${l.maxBytes} bytes, ${l.timeoutMs} ms per answer\n`,
  );
  served.warmedUp.then(
    (w) =>
      w &&
      process.stdout.write(
        `Warm-up: the default page's ${w.statements} statements answered and cached in ${(w.ms / 1000).toFixed(1)} s\n`,
      ),
    (e: unknown) =>
      process.stdout.write(
        `Warm-up stopped (pages are computed when first asked): ${e instanceof Error ? e.message : String(e)}\n`,
      ),
  );
  const signal = await untilSignal();
  process.stdout.write(
    `${signal}: finishing ${served.server.stats().inFlight} request(s) in flight, then stopping\n`,
  );
  await served.close();
  return 0;
}

/** Resolves with the name of the first SIGINT or SIGTERM. */
const untilSignal = () =>
  new Promise<string>((ok) => {
    process.once('SIGINT', () => ok('SIGINT'));
    process.once('SIGTERM', () => ok('SIGTERM'));
  });
