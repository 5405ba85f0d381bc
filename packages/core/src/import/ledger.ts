/** The row ledger: every input row is loaded or listed here as rejected, with its reason. */
export const LEDGER_TABLE = 'import_ledger';

export const CREATE_LEDGER_SQL = `CREATE TABLE IF NOT EXISTS ${LEDGER_TABLE} (
  dataset VARCHAR, file VARCHAR, "row" INTEGER, "column" VARCHAR,
  reason VARCHAR, severity VARCHAR, "value" VARCHAR)`;

export type Severity = 'reject' | 'warning';

export interface LedgerEntry {
  dataset: string;
  file: string;
  row: number;
  column: string | null;
  reason: string;
  severity: Severity;
  value: string | null;
}

export interface ImportSummary {
  dataset: string;
  file: string;
  encoding: string;
  /** IANA zone the file's local times were read in */
  timezone: string;
  read: number;
  loaded: number;
  rejected: number;
  warnings: number;
  /** canonical key → header found in the file */
  mapped: Record<string, string>;
  /** headers kept as extra columns because no alias list knows them */
  unknown: string[];
  /** reason → number of rows (rejections) */
  rejectReasons: Record<string, number>;
  /** coded column → values no code list or mapping knows, most frequent first (kept as warnings) */
  unmappedValues: Record<string, { value: string; count: number }[]>;
  /** extra columns recognised as personal data, and what was done with them */
  pii: { column: string; kind: 'id_number' | 'phone' | 'name'; action: 'mask' | 'hash' | 'drop' | 'keep' }[];
  /**
   * canonical key → the field whose column filled it because the file has no column of its own (e.g.
   * `submitted_at: 'accepted_at'`: 申请时间 taken from 受理时间); see `fillFrom` in the schema
   */
  filled?: Record<string, string>;
}

/** Thrown for files that cannot be imported at all; `message` names the file and what to do. */
export class ImportError extends Error {
  constructor(
    readonly code: 'empty_file' | 'unreadable' | 'unknown_dataset' | 'ambiguous_dataset' | 'missing_columns',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
