/** Canonical schema types (shared/DOMAIN.md §7). */

export type DatasetKey =
  | 'cases'
  | 'items'
  | 'disclosures'
  | 'requests'
  | 'hotline'
  /** process steps of cases (办件过程, DOMAIN §7.a-steps), for 事后补录 checks */
  | 'steps'
  /** treasury / non-tax receipts (国库、非税收入缴款), for 网下运行 reconciliation (DOMAIN §4.3) */
  | 'receipts';

export type FieldType =
  | 'string'
  | 'int'
  | 'decimal'
  | 'bool'
  | 'datetime'
  | 'date'
  /** One or more dates in a cell separated by `|` (§7.0 multi-valued, e.g. two consultations): DATE[]. */
  | 'dates'
  | 'enum'
  /** A time limit such as "20个工作日": stored as `<key>_value` INTEGER + `<key>_unit` VARCHAR (§7.0). */
  | 'limit';

export interface EnumValue {
  code: string;
  /** Chinese label used in exports; first entry is the preferred one. */
  zh: string[];
  en: string;
}

export interface FieldDef {
  key: string;
  /** Preferred Chinese header. */
  zh: string;
  /** Other headers seen in real exports (matched after normalisation). */
  aliases?: string[];
  type: FieldType;
  enum?: EnumValue[];
  /** A row without a usable value here is rejected. */
  required?: boolean;
  /** Primary key: duplicates are rejected. */
  primaryKey?: boolean;
}

export interface DatasetDef {
  key: DatasetKey;
  /** Name of the canonical DuckDB table. */
  table: string;
  label: { zh: string; en: string };
  fields: FieldDef[];
  /** Row-level consistency rules checked after parsing; a failing row is rejected. */
  checks?: { reason: string; column: string; failsWhen: string }[];
}
