import {
  type Data,
  type DataType,
  type Dictionary,
  type Time,
  type Timestamp,
  Type,
  tableFromIPC,
} from 'apache-arrow';
import {
  dateText,
  float32Text,
  instantText,
  nestedText,
  scalarText,
  timeOfDayText,
  wallClockText,
} from './cell-text.ts';
import { causeText, FormatError } from './errors.ts';
import { validateArrowIpc } from './validate-arrow.ts';
import type { TextTable } from './write-csv.ts';

type Formatter = (value: unknown) => string;

const orEmpty =
  (format: Formatter): Formatter =>
  (v) =>
    v === null || v === undefined ? '' : format(v);

/** Arrow rows, lists and structs (and their bigints) as plain JSON values. */
function toPlain(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  const json = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function' && !Array.isArray(v)) return toPlain(json.call(v));
  if (Array.isArray(v)) return v.map(toPlain);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
}

/** '-12345' with scale 2 → '-123.45': Arrow decimals are exact integers plus a scale. */
function scaledDecimal(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled + '0'.repeat(-scale);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const frac = digits.slice(-scale).replace(/0+$/, '');
  const text = frac ? `${digits.slice(0, -scale)}.${frac}` : digits.slice(0, -scale);
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

// Arrow JS returns timestamps and dates as epoch milliseconds, and times in the type's own unit.
const TIME_UNIT_TO_MS = [1000, 1, 1e-3, 1e-6];

function formatterFor(type: DataType): Formatter {
  switch (type.typeId) {
    case Type.Timestamp: {
      const text = (type as Timestamp).timezone ? instantText : wallClockText;
      return orEmpty((v) => text(Number(v)));
    }
    case Type.Date:
      return orEmpty((v) => dateText(Number(v)));
    case Type.Time: {
      const toMs = TIME_UNIT_TO_MS[(type as Time).unit] ?? 1;
      return orEmpty((v) => timeOfDayText(Math.floor(Number(v) * toMs)));
    }
    case Type.Decimal: {
      const scale = (type as DataType & { scale: number }).scale;
      return orEmpty((v) => scaledDecimal(String(v), scale));
    }
    case Type.Float:
      return (type as DataType & { precision: number }).precision === 2
        ? scalarText
        : orEmpty((v) => float32Text(Number(v)));
    case Type.Dictionary:
      return formatterFor((type as Dictionary).dictionary);
    case Type.List:
    case Type.FixedSizeList:
    case Type.Struct:
    case Type.Map:
    case Type.Union:
      return orEmpty((v) => nestedText(toPlain(v)));
    default:
      return scalarText;
  }
}

/**
 * Rows a column chunk's buffers can back. apache-arrow takes a batch's declared row count as is, so a
 * damaged count makes millions of rows of nothing out of a few bytes (found by fuzzing).
 */
function rowsBacked(data: Data): number {
  const { offset, nullBitmap, valueOffsets, values, typeIds } = data;
  let rows = Number.POSITIVE_INFINITY;
  if (nullBitmap?.length) rows = nullBitmap.length * 8 - offset;
  if (typeIds?.length) rows = Math.min(rows, typeIds.length - offset);
  if (valueOffsets?.length) rows = Math.min(rows, valueOffsets.length - 1 - offset);
  else if (values?.length !== undefined) {
    const slots = data.typeId === Type.Bool ? values.length * 8 : Math.floor(values.length / data.stride);
    rows = Math.min(rows, slots - offset);
  }
  return rows;
}

/** Arrow IPC, file ('ARROW1' magic, also Feather v2) or stream format. */
export function readArrow(bytes: Uint8Array, fileName: string): TextTable {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    // apache-arrow trusts the file's lengths and can loop forever on damaged ones: check them first.
    validateArrowIpc(bytes);
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new FormatError(
      'corrupt_file',
      `${fileName}: not a complete, readable Arrow IPC file (${causeText(e)}); export it again.`,
    );
  }
  const fields = table.schema.fields;
  if (fields.length === 0) {
    throw new FormatError('corrupt_file', `${fileName}: the Arrow data has no columns (is it complete?).`);
  }
  const columns = fields.map((f, i) => ({ vector: table.getChildAt(i), format: formatterFor(f.type) }));
  for (const [i, { vector }] of columns.entries()) {
    const short = vector?.data.find((d) => d.length > rowsBacked(d));
    if (short) {
      throw new FormatError(
        'corrupt_file',
        `${fileName}: the Arrow column ${fields[i]?.name} declares ${short.length} rows but holds data for ` +
          `${Math.max(0, rowsBacked(short))}; export it again.`,
      );
    }
  }
  const rows: string[][] = [];
  // Damaged buffers can parse yet hold impossible values (found by fuzzing): report them as damage too.
  try {
    for (let r = 0; r < table.numRows; r++) {
      rows.push(columns.map(({ vector, format }) => format(vector?.get(r))));
    }
  } catch (e) {
    throw new FormatError(
      'corrupt_file',
      `${fileName}: the Arrow data is damaged at row ${rows.length + 1} (${causeText(e)}); export it again.`,
    );
  }
  return { header: fields.map((f) => f.name), rows };
}
