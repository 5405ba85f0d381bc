import { acquireDuckDB } from '../duckdb/shared-db.ts';
import type { EngineSource } from '../session/sources.ts';

const liveModule = () => import('./live.ts');

/**
 * The browser's engines for a dashboard session: a query server or ClickHouse at `remote` (the data lives
 * there: nothing is downloaded), else the page's shared DuckDB-WASM from `assetBase`.
 */
export function browserEngines(o: {
  remote: string | undefined;
  dialect: string | undefined;
  assetBase: string;
}): EngineSource {
  const { remote } = o;
  if (remote)
    return {
      remote,
      begin: () => ({
        open: async (_name, signal) => {
          const live = await liveModule();
          return o.dialect === 'clickhouse'
            ? new live.ClickHouseEngine(remote, { signal })
            : new live.RemoteEngine(remote, { signal });
        },
        discard: () => {},
        release: () => {},
      }),
    };
  return {
    begin() {
      // Started at once: the 33 MB compile overlaps the files' download.
      const lease = acquireDuckDB(o.assetBase);
      lease.db.catch(() => {});
      // The import code too, once the engine's own is in: asked for together, they shared the connections
      // and the UI thread, and the engine's start waited 0.3–0.6 s.
      void lease.code.then(liveModule).catch(() => {});
      return {
        open: async (name) => {
          const db = await lease.db;
          return new (await liveModule()).WasmEngine(db, name, lease.crashed);
        },
        discard: (reason) => lease.discard(reason),
        release: () => lease.release(),
      };
    },
  };
}
