import {
  type CubeSelection,
  computeIndicators,
  cubeIndicators,
  dailyVolume,
  type Engine,
  type IndicatorCubes,
  RemoteEngine,
  type SqlValue,
} from '@assessment-dashboard/core';
import { openPage } from '../src/query/default-page.ts';

/**
 * Dashboards as the element drives a query server (`assessment-dashboard.ts`, remote mode): the page load
 * (`openPage`: indicators, the month trend, the cross-filter cubes, the daily heatmap, the watch list, the
 * scorecard), then clicks on departments and months, each answered as the element answers one: from the
 * cubes, plus the indicators the cubes cannot answer and the heatmap's days under the selection. Shared by
 * the short load test in the suite and `npm run load` (which runs them in several processes and merges
 * their samples with `summarise`).
 *
 * Only the first dashboard of a process builds the page in JS (≈ 1.5 s of CPU for the cubes and the
 * scorecard); the others send the same statements in the same order as it goes, each answer fetched and
 * decoded, and share its cubes. Fifty browsers do that work on fifty machines; here it would take the
 * server's own cores, and measure the load generator instead of the server.
 */
export interface LoadOptions {
  url: string;
  clients: number;
  clicks: number;
  /** The as-of day; unset, the data's own latest day, as the element does by default. */
  asOf?: string;
  /** Number of the first dashboard (each one's clicks follow from its number), for runs split over processes. */
  firstIndex?: number;
  /** RemoteEngine's retries of a 503 (the element's default is 4). */
  busyRetries?: number;
  /** Per-request client timeout (ms). */
  timeoutMs?: number;
}

/** One HTTP request as the client saw it, with the server's `Server-Timing` when it sent one. */
export interface RequestSample {
  ms: number;
  status: string;
  /** `cache` (hit, shared, miss) and stage durations in ms (queue, check, exec, encode, total). */
  timing?: Record<string, number | string>;
}

/** What one run (one process) observed: merged across processes by `summarise`. */
export interface LoadSamples {
  clients: number;
  requests: RequestSample[];
  /** Dashboard actions (page loads, clicks) that failed after the client's retries, by message. */
  errors: string[];
  /** Page load (first indicator to scorecard) and click latencies (ms). */
  load: number[];
  click: number[];
  durationMs: number;
}

type Quantiles = { p50: number; p95: number };

export interface LoadReport {
  clients: number;
  clicks: number;
  requests: number;
  /** HTTP status → count, over every request sent (retries of a 503 included). */
  statuses: Record<string, number>;
  errors: string[];
  /** Latency of each HTTP request (ms), as the client waited for the whole answer. */
  latency: { p50: number; p95: number; p99: number; max: number };
  pageLoad: Quantiles;
  click: Quantiles;
  /**
   * From `Server-Timing` (serve --server-timing): answers by where they came from, the server's own time for
   * each, and for statements computed the time in each stage: where a request's time goes.
   */
  server?: {
    answers: Record<string, number>;
    total: Record<string, Quantiles>;
    stages: Record<string, Quantiles & { sumS: number }>;
    distinctStatements: number;
  };
  durationMs: number;
  requestsPerSecond: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;
const round = (n: number) => Math.round(n * 10) / 10;
const quantiles = (values: number[]): Quantiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
};

/** `cache;desc=miss, exec;dur=12.5, total;dur=13` → { cache: 'miss', exec: 12.5, total: 13 }. */
function parseServerTiming(header: string | null): RequestSample['timing'] {
  if (!header) return undefined;
  const out: Record<string, number | string> = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    for (const p of params) {
      const [k, v] = p.split('=');
      if (name && k === 'dur') out[name] = Number(v);
      if (name && k === 'desc' && v) out[name] = v;
    }
  }
  return out;
}

/** Counts every request's status, latency and server timing (the dashboards share the process's fetch). */
function recordingFetch(requests: RequestSample[]): typeof fetch {
  const real = globalThis.fetch;
  return async (input, init) => {
    const started = performance.now();
    try {
      const res = await real(input, init);
      // Latency to the whole answer, as the element waits for it.
      const body = await res.arrayBuffer();
      requests.push({
        ms: performance.now() - started,
        status: String(res.status),
        timing: parseServerTiming(res.headers.get('Server-Timing')),
      });
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (e) {
      requests.push({ ms: Number.NaN, status: 'network' });
      throw e;
    }
  };
}

/** The page as the first dashboard opens it: its statements in order, as they are sent, and its cubes. */
class PageRecording {
  readonly statements: { sql: string; params: SqlValue[] }[] = [];
  #wake: (() => void)[] = [];
  #finished = false;
  cubes: Promise<IndicatorCubes> | undefined;

  /** An engine that records each statement before sending it on `inner`. */
  recorder(inner: Engine): Engine {
    return {
      name: inner.name,
      prepared: inner.prepared,
      registerText: (n, t) => inner.registerText(n, t),
      exec: (sql) => inner.exec(sql),
      close: () => inner.close(),
      query: (sql, params = []) => {
        this.statements.push({ sql, params });
        this.#notify();
        return inner.query(sql, params);
      },
    };
  }

  finish() {
    this.#finished = true;
    this.#notify();
  }

  /** The i-th statement once it is sent, or undefined when the page is finished without it. */
  async statement(i: number): Promise<{ sql: string; params: SqlValue[] } | undefined> {
    while (i >= this.statements.length && !this.#finished)
      await new Promise<void>((ok) => this.#wake.push(ok));
    return this.statements[i];
  }

  #notify() {
    const wake = this.#wake;
    this.#wake = [];
    for (const w of wake) w();
  }
}

/** The page load: built by the process's first dashboard, replayed statement by statement by the others. */
async function loadPage(engine: RemoteEngine, asOf: string | undefined, page: PageRecording) {
  if (!page.cubes) {
    page.cubes = openPage(page.recorder(engine), { asOf }).finally(() => page.finish());
    return page.cubes;
  }
  for (let i = 0; ; i++) {
    const next = await page.statement(i);
    if (!next) break;
    await engine.query(next.sql, next.params);
  }
  return page.cubes;
}

async function dashboard(
  options: LoadOptions,
  index: number,
  departments: readonly string[],
  months: readonly string[],
  samples: LoadSamples,
  page: PageRecording,
) {
  const engine = new RemoteEngine(options.url, {
    busyRetries: options.busyRetries,
    timeoutMs: options.timeoutMs,
  });
  const asOf = options.asOf;
  try {
    const started = performance.now();
    const cubes = await loadPage(engine, asOf, page);
    samples.load.push(performance.now() - started);
    for (let i = 0; i < options.clicks; i++) {
      // Departments and months in a fixed order per dashboard: reproducible, and spread over the data.
      const dept = departments[(index * 7 + i) % departments.length] ?? '';
      const month = months[(index * 3 + i) % months.length];
      const selection: CubeSelection = {
        datasetFilters: { cases: { dept_name: [dept] } },
        ...(i % 2 && month ? { months: [month] } : {}),
      };
      const clickStarted = performance.now();
      const { missing } = cubeIndicators(cubes, selection);
      if (missing.length) await computeIndicators(engine, { asOf, ...selection, keys: missing });
      await dailyVolume(engine, { filters: selection.datasetFilters?.cases, tables: cubes.tables });
      samples.click.push(performance.now() - clickStarted);
    }
  } catch (e) {
    samples.errors.push(e instanceof Error ? e.message : String(e));
  }
}

/** The departments and months the clicks pick from (asked once, before the clock starts). */
export async function clickTargets(url: string): Promise<{ departments: string[]; months: string[] }> {
  const probe = new RemoteEngine(url);
  const departments = (
    await probe.query('SELECT DISTINCT dept_name FROM cases WHERE dept_name IS NOT NULL ORDER BY 1')
  )
    .toArray()
    .map((r) => String(r.dept_name));
  const months = (
    await probe.query(
      "SELECT DISTINCT strftime(submitted_at, '%Y-%m') AS m FROM cases WHERE submitted_at IS NOT NULL ORDER BY 1",
    )
  )
    .toArray()
    .map((r) => String(r.m));
  return { departments, months };
}

/** Runs `options.clients` dashboards at once in this process and returns what they observed. */
export async function runDashboards(
  options: LoadOptions,
  targets: { departments: string[]; months: string[] },
): Promise<LoadSamples> {
  const samples: LoadSamples = {
    clients: options.clients,
    requests: [],
    errors: [],
    load: [],
    click: [],
    durationMs: 0,
  };
  const real = globalThis.fetch;
  globalThis.fetch = recordingFetch(samples.requests);
  const page = new PageRecording();
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: options.clients }, (_, i) =>
        dashboard(options, (options.firstIndex ?? 0) + i, targets.departments, targets.months, samples, page),
      ),
    );
  } finally {
    globalThis.fetch = real;
  }
  samples.durationMs = performance.now() - started;
  return samples;
}

/** One report over the samples of one or several processes (run side by side: the longest is the duration). */
export function summarise(runs: readonly LoadSamples[], clicks: number): LoadReport {
  const requests = runs.flatMap((r) => r.requests);
  const statuses: Record<string, number> = {};
  for (const r of requests) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const sorted = requests
    .map((r) => r.ms)
    .filter((ms) => Number.isFinite(ms))
    .sort((a, b) => a - b);
  const durationMs = Math.max(0, ...runs.map((r) => r.durationMs));
  const report: LoadReport = {
    clients: runs.reduce((n, r) => n + r.clients, 0),
    clicks,
    requests: requests.length,
    statuses,
    errors: runs.flatMap((r) => r.errors),
    latency: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
    pageLoad: quantiles(runs.flatMap((r) => r.load)),
    click: quantiles(runs.flatMap((r) => r.click)),
    durationMs: Math.round(durationMs),
    requestsPerSecond: round((requests.length / durationMs) * 1000),
  };
  const timed = requests.filter((r) => r.timing);
  if (timed.length) {
    const answers: Record<string, number> = {};
    const totals: Record<string, number[]> = {};
    const stages: Record<string, number[]> = {};
    const add = (into: Record<string, number[]>, key: string, v: number) => {
      const list = into[key] ?? [];
      list.push(v);
      into[key] = list;
    };
    for (const { timing } of timed) {
      const source = String(timing?.cache);
      answers[source] = (answers[source] ?? 0) + 1;
      add(totals, source, Number(timing?.total));
      if (source !== 'miss') continue;
      for (const [k, v] of Object.entries(timing ?? {}))
        if (typeof v === 'number' && k !== 'total') add(stages, k, v);
    }
    report.server = {
      answers,
      total: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, quantiles(v)])),
      stages: Object.fromEntries(
        Object.entries(stages).map(([k, v]) => [
          k,
          { ...quantiles(v), sumS: round(v.reduce((a, b) => a + b, 0) / 1000) },
        ]),
      ),
      distinctStatements: answers.miss ?? 0,
    };
  }
  return report;
}

export async function simulateDashboards(options: LoadOptions): Promise<LoadReport> {
  const targets = await clickTargets(options.url);
  return summarise([await runDashboards(options, targets)], options.clicks);
}
