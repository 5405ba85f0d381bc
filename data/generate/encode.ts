import { toCsv } from '../../packages/core/src/export/csv.ts';
import { DATASETS } from '../../packages/core/src/schema/datasets.ts';
import type { DatasetKey } from '../../packages/core/src/schema/types.ts';
import { at } from './random.ts';

/** Schema-driven encoding: enum labels and the CSV text, both from the canonical schema. */

export type Row = Record<string, string>;

const labelIndex = new Map<string, Map<string, string>>();

/** First Chinese label of an enum code, looked up in the canonical schema (throws on typos). */
export function label(ds: DatasetKey, field: string, code: string): string {
  const key = `${ds}.${field}`;
  let map = labelIndex.get(key);
  if (!map) {
    const def = DATASETS[ds].fields.find((f) => f.key === field);
    if (!def?.enum) throw new Error(`${key} is not an enum field`);
    map = new Map(def.enum.map((e) => [e.code, at(e.zh, 0)]));
    labelIndex.set(key, map);
  }
  const zh = map.get(code);
  if (zh === undefined) throw new Error(`unknown code ${code} for ${key}`);
  return zh;
}

export const yesNo = (b: boolean): string => (b ? '是' : '否');

/**
 * Schema fields added after the sample was generated: the committed files do not carry them, and writing
 * them (empty) would change every file. To fill one, drop it here, generate it, and regenerate the data.
 */
const NOT_IN_SAMPLE: Readonly<Record<DatasetKey, readonly string[]>> = {
  // biome-ignore format: one line per dataset
  cases: ['handle_item_code', 'applicant_hash', 'prejudged_at', 'delivered_at', 'certificate_no', 'warning_level', 'is_overdue', 'rating_channel', 'rating_detail', 'bad_review_callback_at', 'handler_hash', 'updated_at'],
  // biome-ignore format: one line per dataset
  items: ['handle_item_code', 'dept_code', 'region_code', 'use_level', 'online_url', 'mobile_url', 'must_onsite_reason', 'is_pay_online', 'handle_area', 'status'],
  // biome-ignore format: one line per dataset
  disclosures: ['dept_code', 'topic_class', 'catalog_class', 'art20_item', 'disclosure_attr', 'changed_at', 'channels', 'audience', 'level', 'url', 'catalog_item_l1', 'catalog_item_l2'],
  // biome-ignore format: one line per dataset
  requests: ['dept_code', 'region_code', 'submitted_at', 'subject', 'correction_failed', 'extension_approved', 'fee_notice_at', 'fee_amount', 'fee_paid_at', 'outcome_label', 'reply_form'],
  // biome-ignore format: one line per dataset
  hotline: ['parent_ticket_id', 'category_l2', 'category_l3', 'region_code', 'address', 'urgency', 'dispatched_at', 'co_depts', 'signed_at', 'returned_count', 'extension_approved', 'is_repeat', 'is_overdue', 'citizen_hash'],
  steps: [],
  receipts: [],
};

/** The rows as the dataset's CSV (schema column order, LF, no BOM); an unknown key is a bug in this generator. */
export function datasetCsv(ds: DatasetKey, rows: readonly Row[]): string {
  const omitted = new Set(NOT_IN_SAMPLE[ds]);
  const fields = DATASETS[ds].fields.filter((f) => !omitted.has(f.key));
  const known = new Set(fields.map((f) => f.key));
  for (const row of rows)
    for (const k of Object.keys(row)) if (!known.has(k)) throw new Error(`${ds}: unknown key ${k}`);
  return toCsv(
    fields.map((f) => f.zh),
    rows.map((row) => fields.map((f) => row[f.key] ?? '')),
    { bom: false, newline: '\n' },
  );
}
