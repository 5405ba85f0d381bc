import { dict } from '../own-keys.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';

/**
 * A mapping file tells the importer how to read an export no alias list knows:
 *
 * ```json
 * { "dataset": "hotline",
 *   "columns": { "ticket_id": "SRNumber", "received_at": "CreatedDate" },
 *   "values":  { "channel": { "Call": "phone", "Self Service": "web" } },
 *   "formats": { "received_at": "%m/%d/%Y %I:%M:%S %p" },
 *   "timezone": "America/Los_Angeles" }
 * ```
 *
 * - `columns`: canonical key → header in the file (wins over the alias lists).
 * - `values`: canonical key of an enum field → { value in the file → canonical code }.
 * - `formats`: canonical key of a date/datetime field → strptime format (DuckDB syntax), tried before the
 *   built-in formats.
 * - `timezone`: IANA zone the file's local times are in; values with an explicit offset are converted
 *   into it. Default Asia/Shanghai.
 */
export interface ImportMapping {
  dataset?: DatasetKey;
  columns?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  formats?: Record<string, string>;
  timezone?: string;
}

export class MappingError extends Error {
  override name = 'MappingError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed mapping file; every problem is named with its JSON path. */
export function parseMapping(json: unknown, source = 'mapping'): ImportMapping {
  const fail = (msg: string): never => {
    throw new MappingError(`${source}: ${msg}`);
  };
  if (!isRecord(json)) fail('must be a JSON object');
  const m = json as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!['dataset', 'columns', 'values', 'formats', 'timezone', '$schema', 'comment'].includes(key)) {
      fail(`unknown key "${key}" (allowed: dataset, columns, values, formats, timezone)`);
    }
  }
  const dataset = m.dataset;
  if (dataset !== undefined && !isDatasetKey(dataset)) {
    fail(`"dataset" must be one of ${Object.keys(DATASETS).join(', ')}; got ${JSON.stringify(dataset)}`);
  }
  const def = isDatasetKey(dataset) ? DATASETS[dataset] : undefined;
  const fieldOf = (path: string, key: string) => {
    if (!def) return undefined;
    const field = def.fields.find((f) => f.key === key);
    if (!field)
      fail(`${path}: "${key}" is not a column of ${def.key} (${def.fields.map((f) => f.key).join(', ')})`);
    return field;
  };
  const strings = (name: string): Record<string, string> | undefined => {
    const v = m[name];
    if (v === undefined) return undefined;
    if (!isRecord(v)) return fail(`"${name}" must be an object`);
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'string' || x === '') fail(`${name}.${k} must be a non-empty string`);
      fieldOf(`${name}.${k}`, k);
    }
    return dict(Object.entries(v as Record<string, string>));
  };
  const columns = strings('columns');
  const formats = strings('formats');
  for (const k of Object.keys(formats ?? {})) {
    const f = fieldOf(`formats.${k}`, k);
    if (f && f.type !== 'date' && f.type !== 'datetime' && f.type !== 'dates')
      fail(`formats.${k}: "${k}" is not a date column`);
    if (!formats?.[k]?.includes('%'))
      fail(`formats.${k}: "${formats?.[k]}" has no % directive (e.g. %Y-%m-%d)`);
  }
  let values: ImportMapping['values'];
  if (m.values !== undefined) {
    if (!isRecord(m.values)) fail('"values" must be an object');
    values = dict();
    for (const [k, table] of Object.entries(m.values as Record<string, unknown>)) {
      const f = fieldOf(`values.${k}`, k);
      if (f && f.type !== 'enum') fail(`values.${k}: "${k}" is not a coded column`);
      if (!isRecord(table)) fail(`values.${k} must be an object of "value in file": "code"`);
      for (const [src, code] of Object.entries(table as Record<string, unknown>)) {
        if (typeof code !== 'string') fail(`values.${k}.${src} must be a string`);
        if (f?.enum && !f.enum.some((e) => e.code === code)) {
          fail(
            `values.${k}.${src}: "${code}" is not a code of ${k} (${f.enum.map((e) => e.code).join(', ')})`,
          );
        }
      }
      values[k] = dict(Object.entries(table as Record<string, string>));
    }
  }
  const timezone = m.timezone;
  if (timezone !== undefined) {
    if (typeof timezone !== 'string') fail('"timezone" must be a string');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone as string });
    } catch {
      fail(`"timezone": "${timezone}" is not an IANA time zone (e.g. Asia/Shanghai)`);
    }
  }
  return {
    dataset: dataset as DatasetKey | undefined,
    columns,
    values,
    formats,
    timezone: timezone as string | undefined,
  };
}
