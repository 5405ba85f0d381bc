/**
 * The DuckDB-WASM workers a test page starts (not the dashboard's others: the font warm-up, the download),
 * counted by wrapping `Worker`: `created` in order, `live` until terminated. Install before the elements
 * are imported; the test page is the file's own, so its workers are its own.
 */
export function countDuckDBWorkers(): { created: Worker[]; live: Set<Worker> } {
  const created: Worker[] = [];
  const live = new Set<Worker>();
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!/duckdb-browser-\w+\.worker\.js/.test(String(url))) return;
      created.push(this);
      live.add(this);
    }
    override terminate() {
      live.delete(this);
      super.terminate();
    }
  } as typeof Worker;
  return { created, live };
}
