import type { ComputedIndicator, ImportSummary } from '@assessment-dashboard/core';

/** What the dashboard is doing, as one value: the render switches on `phase`. */
export type LoadState =
  | { phase: 'idle' }
  | { phase: 'fetching'; file: string; loaded: number; total: number | undefined }
  | { phase: 'starting-engine' }
  | { phase: 'importing'; file: string }
  | { phase: 'computing' }
  | { phase: 'ready'; imports: ImportSummary[]; computed: ComputedIndicator[]; asOf: string }
  | { phase: 'empty'; file: string }
  | { phase: 'error'; kind: 'fetch' | 'engine' | 'import'; file: string | undefined; detail: string };

/** One input of the dashboard: which attribute named it, its URL, and the dataset it must be. */
export interface Source {
  attribute: 'src' | 'disclosures' | 'requests' | 'hotline' | 'items';
  url: string;
}
