/**
 * The D3 renderers (@assessment-dashboard/charts and the d3 modules they use), fetched the first time a chart
 * draws instead of with the element bundle: the dashboard's first screen (the KPI tiles) needs none of
 * them, and at start-up their parsing competed with DuckDB-WASM's compile for the same cores. A chart
 * element draws once they have arrived; its updateComplete waits for them (bar-chart.ts, line-chart.ts).
 */
type Charts = typeof import('@assessment-dashboard/charts');

let loading: Promise<Charts> | undefined;
let loaded: Charts | undefined;

/** The renderers when they have arrived, else undefined (and their fetch started). */
export function chartRenderers(): Charts | undefined {
  if (!loaded) void loadChartRenderers();
  return loaded;
}

/** Fetches the renderers once; resolves when they are there. A failed fetch is retried on the next call. */
export function loadChartRenderers(): Promise<Charts> {
  loading ??= import('@assessment-dashboard/charts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** A chart whose renderers could not be fetched stays undrawn; its data table still shows the numbers. */
export const noDraw = (): void => {};
