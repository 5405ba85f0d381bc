import { type Engine, importFile, WasmEngine } from '@assessment-dashboard/core';
import { sharedDuckDB } from '../packages/elements/src/index.ts';

/**
 * A DuckDB-WASM engine holding the sample exports of `data/` (50,000 cases and the item catalogue), served
 * by Storybook under `/data/` with the engine files under `/duckdb/` (see .storybook/main.ts; tests pass their
 * own `assetBase`). Made once
 * and shared by the drill-down stories.
 */
let engine: Promise<Engine> | undefined;

export const sampleEngine = (assetBase = '/duckdb/'): Promise<Engine> =>
  (engine ??= (async () => {
    const e = new WasmEngine(await sharedDuckDB(assetBase), 'stories');
    for (const file of ['cases.csv', 'items.csv']) {
      const response = await fetch(`/data/${file}`);
      if (!response.ok) throw new Error(`/data/${file}: HTTP ${response.status}`);
      await importFile(e, file, new Uint8Array(await response.arrayBuffer()));
    }
    return e;
  })());
