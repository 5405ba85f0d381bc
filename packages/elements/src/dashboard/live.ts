/**
 * What only live data needs: the engines, the import and the computations over DuckDB (or a query server,
 * or ClickHouse). The dashboard loads this module on first use, so a page painted from a snapshot never
 * downloads it (its start-up bytes are test/snapshot.e2e.test.ts's budget).
 */
export {
  buildCubes,
  ClickHouseEngine,
  computeGrouped,
  computeIndicators,
  computeScorecard,
  dailyVolume,
  dataAsOf,
  findBackfilledSteps,
  importedRelations,
  importFile,
  ledgerCsv,
  ledgerEntries,
  parseMapping,
  pendingResults,
  prepareCsv,
  previewFile,
  RemoteEngine,
  reconcilePayments,
  WasmEngine,
  watchList,
} from '@assessment-dashboard/core';
