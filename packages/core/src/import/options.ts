import type { DatasetKey } from '../schema/types.ts';
import type { ImportMapping } from './mapping.ts';
import type { PiiAction } from './pii.ts';

export interface ImportOptions {
  /** Which dataset the file is; detected from its headers when omitted. */
  dataset?: DatasetKey;
  /** Overrides encoding detection (e.g. 'gb18030'). */
  encoding?: string;
  /** Column, value and format mapping for exports no alias list knows (see mapping.ts). */
  mapping?: ImportMapping;
  /** IANA zone of the file's local times (default Asia/Shanghai; a mapping's `timezone` wins). */
  timezone?: string;
  /** XLSX sheet by name or 0-based index (default: the first visible sheet). */
  sheet?: string | number;
  /** What to do with personal-data columns (ID numbers, phones, names) the file adds: default 'mask'. */
  pii?: PiiAction;
  /** Salt for `pii: 'hash'` (use one secret per portal so hashes cannot be looked up). */
  piiSalt?: string;
  /** false: convert Parquet and JSON in JS even on an engine that reads it natively (for comparing the two paths). */
  nativeReaders?: boolean;
  /** false: read a CSV into a raw table before typing it, never in one pass (for comparing the two paths). */
  onePass?: boolean;
  /** Told once the file is parsed into rows, before they are typed and checked (for a progress line). */
  onProgress?: (progress: ImportProgress) => void;
  /** Stops the import between its steps (the statement running finishes first); its tables are dropped. */
  signal?: AbortSignal;
}

/** How far an import has come: `rows` lines of the file parsed. */
export interface ImportProgress {
  stage: 'parsed';
  rows: number;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
