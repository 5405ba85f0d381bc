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
  /**
   * When the file has no column for this field, the values of another field's column are read instead
   * (e.g. 申请时间 from 受理时间); `cells` also fills empty cells of a present column. `when` (SQL over the
   * parsed row) limits the fill to rows where it holds. The import summary lists every column filled so.
   */
  fillFrom?: { field: string; cells?: boolean; when?: string };
}

/**
 * A requirement a file meets with any one of several fields (e.g. the clock start: 受理时间 or 申请时间).
 * A row with none of them is rejected; a field of a role is not `required` on its own.
 */
export interface RoleDef {
  key: string;
  label: { zh: string; en: string };
  fields: string[];
}

export interface DatasetDef {
  key: DatasetKey;
  /** Name of the canonical DuckDB table. */
  table: string;
  label: { zh: string; en: string };
  fields: FieldDef[];
  /** Requirements any one of several fields fills (single required fields are marked `required`). */
  roles?: RoleDef[];
  /** Row-level consistency rules checked after parsing; a failing row is rejected. */
  checks?: { reason: string; column: string; failsWhen: string }[];
}
