export { buildSnapshot, type SnapshotOptions, type SnapshotSummary } from './build.ts';
export {
  type IndicatorMeta,
  SNAPSHOT_VERSION,
  type Snapshot,
  SnapshotError,
  sectionName as snapshotSection,
} from './format.ts';
export { readSnapshot } from './read.ts';
