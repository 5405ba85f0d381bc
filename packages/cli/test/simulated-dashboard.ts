import {
  buildCubes,
  type CubeSelection,
  computeGrouped,
  computeIndicators,
  computeScorecard,
  cubeIndicators,
  dailyVolume,
  RemoteEngine,
  watchList,
} from '@assessment-dashboard/core';

/**
 * Dashboards as the element drives a query server (`assessment-dashboard.ts`, remote mode): the page load
 * (indicators, the month trend, the cross-filter cubes, the daily heatmap, the watch list, the scorecard),
 * then clicks on departments and months, each answered as the element answers one: from the cubes, plus
 * the indicators the cubes cannot answer and the heatmap's days under the selection. Shared by the short
 * load test in the suite and `npm run load`.
 */
export interface LoadOptions {
  url: string;
  clients: number;
  clicks: number;
  asOf: string;
  /** RemoteEngine's retries of a 503 (the element's default is 4). */
  busyRetries?: number;
  /** Per-request client timeout (ms). */
  timeoutMs?: number;
}

export interface LoadReport {
  clients: number;
  clicks: number;
  requests: number;
  /** HTTP status → count, over every request sent (retries of a 503 included). */
  statuses: Record<string, number>;
  /** Dashboard actions (page loads, clicks) that failed after the client's retries, by message. */
  errors: string[];
  /** Latency of each HTTP request (ms). */
  latency: { p50: number; p95: number; p99: number; max: number };
  /** Page load (ms, first indicator to scorecard) and click (ms) latencies. */
  pageLoad: { p50: number; p95: number };
  click: { p50: number; p95: number };
  durationMs: number;
  requestsPerSecond: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** Counts every request's status and latency (the dashboards share the process's fetch). */
function recordingFetch(statuses: Record<string, number>, latencies: number[]): typeof fetch {
  const real = globalThis.fetch;
  return async (input, init) => {
    const started = performance.now();
    try {
      const res = await real(input, init);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      // Latency to the whole answer, as the element waits for it.
      const body = await res.arrayBuffer();
      latencies.push(performance.now() - started);
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (e) {
      statuses.network = (statuses.network ?? 0) + 1;
      throw e;
    }
  };
}

async function dashboard(
  options: LoadOptions,
  index: number,
  departments: readonly string[],
  months: readonly string[],
  timings: { load: number[]; click: number[] },
  errors: string[],
) {
  const engine = new RemoteEngine(options.url, {
    busyRetries: options.busyRetries,
    timeoutMs: options.timeoutMs,
  });
  const asOf = options.asOf;
  try {
    const started = performance.now();
    await computeIndicators(engine, { asOf });
    await computeGrouped(engine, { asOf, period: 'month', keys: ['case.online_apply_rate'] });
    const cubes = await buildCubes(engine, { asOf });
    await dailyVolume(engine, { tables: cubes.tables });
    await watchList(engine, { asOf });
    await computeScorecard(engine, { asOf, period: 'quarter' });
    timings.load.push(performance.now() - started);
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
      timings.click.push(performance.now() - clickStarted);
    }
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
}

export async function simulateDashboards(options: LoadOptions): Promise<LoadReport> {
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const timings = { load: [] as number[], click: [] as number[] };
  const errors: string[] = [];
  const probe = new RemoteEngine(options.url);
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
  const real = globalThis.fetch;
  globalThis.fetch = recordingFetch(statuses, latencies);
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: options.clients }, (_, i) =>
        dashboard(options, i, departments, months, timings, errors),
      ),
    );
  } finally {
    globalThis.fetch = real;
  }
  const durationMs = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  const load = timings.load.sort((a, b) => a - b);
  const click = timings.click.sort((a, b) => a - b);
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    clients: options.clients,
    clicks: options.clicks,
    requests,
    statuses,
    errors,
    latency: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
    pageLoad: { p50: round(percentile(load, 50)), p95: round(percentile(load, 95)) },
    click: { p50: round(percentile(click, 50)), p95: round(percentile(click, 95)) },
    durationMs: Math.round(durationMs),
    requestsPerSecond: round((requests / durationMs) * 1000),
  };
}
