import { nestedText, scalarText } from './cell-text.ts';
import { causeText, FormatError } from './errors.ts';
import type { TextTable } from './write-csv.ts';

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const invalid = (fileName: string, what: string) =>
  new FormatError('invalid_json', `${fileName}: ${what} (expected an array of objects or NDJSON).`);

/** 1-based line of a character offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Where JSON.parse failed, from the engine's message: V8 gives a position, Firefox a line. */
function errorLine(text: string, e: unknown): number | undefined {
  const message = causeText(e);
  const line = /line (\d+) column \d+/i.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/i.exec(message);
  return position ? lineAt(text, Number(position[1])) : undefined;
}

/**
 * Records of a JSON array of objects, or of NDJSON (one object per line). A single object that wraps
 * exactly one array of objects (API dumps such as {"code":0,"data":{"rows":[…]}}) yields that array.
 */
export function readJsonRecords(text: string, fileName: string): JsonObject[] {
  const body = text.trimStart();
  if (body.trimEnd() === '') throw new FormatError('empty_file', `${fileName}: the file is empty.`);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (e) {
    // Several top-level objects, one per line, are NDJSON rather than a broken document.
    if (body.startsWith('{') && startsNdjson(body.split('\n', 1)[0] ?? ''))
      return ndjsonRecords(text, fileName);
    const line = errorLine(text, e);
    throw invalid(
      fileName,
      line === undefined ? `not valid JSON (${causeText(e)})` : `line ${line} is not valid JSON`,
    );
  }
  return recordsOf(whole, fileName);
}

function startsNdjson(firstLine: string): boolean {
  try {
    return isObject(JSON.parse(firstLine));
  } catch {
    return false;
  }
}

function ndjsonRecords(text: string, fileName: string): JsonObject[] {
  const records: JsonObject[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(fileName, `line ${i + 1} is not valid JSON`);
    }
    if (!isObject(value)) throw invalid(fileName, `line ${i + 1} is not a JSON object`);
    records.push(value);
  }
  return records;
}

function recordsOf(value: unknown, fileName: string): JsonObject[] {
  if (Array.isArray(value)) {
    const bad = value.findIndex((item) => !isObject(item));
    if (bad >= 0) throw invalid(fileName, `item ${bad + 1} of the array is not an object`);
    return value as JsonObject[];
  }
  if (!isObject(value)) throw invalid(fileName, 'the JSON is a single value, not records');
  const arrays = recordArrays(value, '', 2);
  if (arrays.length === 1) return arrays[0]?.records ?? [];
  if (arrays.length > 1) {
    throw invalid(fileName, `several arrays of records found (${arrays.map((a) => a.path).join(', ')})`);
  }
  return [value];
}

/** Arrays of objects found in `value` up to `depth` levels down, with their key paths. */
function recordArrays(
  value: JsonObject,
  path: string,
  depth: number,
): { path: string; records: JsonObject[] }[] {
  const found: { path: string; records: JsonObject[] }[] = [];
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (Array.isArray(v) && v.length > 0 && v.every(isObject)) found.push({ path: at, records: v });
    else if (isObject(v) && depth > 1) found.push(...recordArrays(v, at, depth - 1));
  }
  return found;
}

/** Header is the union of keys in first-seen order; nested values become JSON text. */
export function readJson(text: string, fileName: string): TextTable {
  const records = readJsonRecords(text, fileName);
  const columns = new Map<string, number>();
  for (const record of records)
    for (const key of Object.keys(record)) if (!columns.has(key)) columns.set(key, columns.size);
  if (columns.size === 0) throw new FormatError('empty_file', `${fileName}: the JSON holds no records.`);
  const header = [...columns.keys()];
  const rows = records.map((record) =>
    header.map((key) => {
      const v = record[key];
      return typeof v === 'object' && v !== null ? nestedText(v) : scalarText(v);
    }),
  );
  return { header, rows };
}
