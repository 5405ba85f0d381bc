/**
 * The D3 renderers (@assessment-dashboard/charts and the d3 modules they use), fetched the first time a chart
 * draws instead of with the element bundle: the dashboard's first screen (the KPI tiles) needs none of
 * them, and at start-up their parsing competed with DuckDB-WASM's compile for the same cores. A chart
 * element draws once they have arrived (renderersFor); its updateComplete waits for that (drawnWith).
 */
type Charts = typeof import('@assessment-dashboard/charts');

let loading: Promise<Charts> | undefined;
let loaded: Charts | undefined;

/** Fetches the renderers once; resolves when they are there. A failed fetch is retried on the next call. */
function loadChartRenderers(): Promise<Charts> {
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
const noDraw = (): void => {};

/** The renderers when they have arrived; else undefined, and `host` updates again once they have. */
export function renderersFor(host: { requestUpdate(): void }): Charts | undefined {
  if (!loaded) void loadChartRenderers().then(() => host.requestUpdate(), noDraw);
  return loaded;
}

/**
 * A chart element's updateComplete: `done` (its own), or, before the renderers have arrived, `again()` (its
 * next one) once they have, when it has drawn with them.
 */
export async function drawnWith(done: boolean, again: () => Promise<boolean>): Promise<boolean> {
  if (loaded) return done;
  await loadChartRenderers().catch(noDraw);
  return again();
}
