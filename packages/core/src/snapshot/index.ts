/**
 * `@assessment-dashboard/core/snapshot`: writing and reading snapshot files. A separate entry, so that
 * the elements fetch the reader (and its small Arrow decoder) as its own chunk, only when a page shows a
 * snapshot.
 */
export {
  buildSnapshot,
  type SnapshotOptions,
  type SnapshotPeriod,
  type SnapshotSummary,
  TREND,
} from './build.ts';
export {
  type IndicatorMeta,
  SNAPSHOT_VERSION,
  type Snapshot,
  SnapshotError,
  type SnapshotSection,
  sectionName as snapshotSection,
} from './format.ts';
export { readSnapshot } from './read.ts';
