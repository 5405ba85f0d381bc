import { gunzipSync } from 'fflate';
import { decompress as zstdDecompress } from 'fzstd';
import { type Compressors, parquetMetadata, parquetRead, parquetSchema, type SchemaElement } from 'hyparquet';
import {
  dateText,
  decimalText,
  float32Text,
  instantText,
  nestedText,
  scalarText,
  timeOfDayText,
  wallClockText,
} from './cell-text.ts';
import { causeText, FormatError } from './errors.ts';
import { validateParquet } from './validate-parquet.ts';
import type { TextTable } from './write-csv.ts';

// hyparquet itself reads uncompressed and snappy; gzip (pandas option) and zstd (Polars default) are
// small to add. Brotli and LZ4 are rare enough to reject with advice instead of shipping decoders.
const COMPRESSORS: Compressors = {
  GZIP: (input) => gunzipSync(input),
  ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength)),
};
const READABLE_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'ZSTD']);

type Formatter = (value: unknown) => string;

const msOf = (v: unknown) => (v instanceof Date ? v.getTime() : Number.NaN);

/** Text formatter for a top-level column, from its physical, converted and logical types. */
function formatterFor(element: SchemaElement, nested: boolean): Formatter {
  if (nested) return (v) => (v === null || v === undefined ? '' : nestedText(v));
  const { logical_type: logical, converted_type: converted, type } = element;
  if (logical?.type === 'TIMESTAMP') {
    const text = logical.isAdjustedToUTC ? instantText : wallClockText;
    return (v) => text(msOf(v));
  }
  // INT96 is Spark's and Hive's timestamp, which they normalise to UTC.
  if (type === 'INT96') return (v) => instantText(msOf(v));
  // A TIMESTAMP_* converted type without a logical type comes from older writers (DuckDB, pyarrow)
  // that used it for naive times too; local wall-clock times are what government systems export.
  if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS')
    return (v) => wallClockText(msOf(v));
  if (converted === 'DATE' || logical?.type === 'DATE') return (v) => dateText(msOf(v));
  if (logical?.type === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') {
    const unit = logical?.type === 'TIME' ? logical.unit : converted === 'TIME_MILLIS' ? 'MILLIS' : 'MICROS';
    const perMs = unit === 'MILLIS' ? 1 : unit === 'MICROS' ? 1000 : 1_000_000;
    return (v) => (v === null || v === undefined ? '' : timeOfDayText(Math.floor(Number(v) / perMs)));
  }
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') {
    const scale = logical?.type === 'DECIMAL' ? logical.scale : (element.scale ?? 0);
    return (v) => (typeof v === 'number' ? decimalText(v, scale) : scalarText(v));
  }
  if (type === 'FLOAT') return (v) => (typeof v === 'number' ? float32Text(v) : scalarText(v));
  return scalarText;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 &&
  bytes.byteLength === bytes.buffer.byteLength &&
  bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);

const corrupt = (fileName: string, e: unknown) =>
  new FormatError(
    'corrupt_file',
    `${fileName}: not a complete, readable Parquet file (${causeText(e)}); export it again.`,
  );

export async function readParquet(bytes: Uint8Array, fileName: string): Promise<TextTable> {
  const file = toArrayBuffer(bytes);
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
    // hyparquet trusts page headers and counts and can loop forever on damaged ones: check them first.
    validateParquet(file, metadata);
  } catch (e) {
    throw corrupt(fileName, e);
  }
  const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? '')));
  const unreadable = [...codecs].filter((c) => c && !READABLE_CODECS.has(c));
  if (unreadable.length) {
    throw new FormatError(
      'unsupported_format',
      `${fileName}: Parquet compression ${unreadable.join(', ')} is not supported; ` +
        'write the file with snappy, gzip or zstd compression.',
    );
  }
  const columns = parquetSchema(metadata).children;
  const formatters = columns.map((c) => formatterFor(c.element, c.children.length > 0));
  let rows: unknown[][] = [];
  const release = holdStrayRejections();
  try {
    await parquetRead({
      file,
      metadata,
      compressors: COMPRESSORS,
      onComplete: (data: unknown[][]) => {
        rows = data;
      },
    });
  } catch (e) {
    throw corrupt(fileName, e);
  } finally {
    release();
  }
  return {
    header: columns.map((c) => c.element.name),
    rows: rows.map((row) => formatters.map((format, i) => format(row[i]))),
  };
}

/**
 * On a corrupt file hyparquet rejects the read (which we turn into a clear error) but also leaves sibling
 * page promises rejected with no handler (found by fuzzing). Unhandled, those would crash the Node CLI and
 * log noise in the browser, so while a read runs (and one macrotask after, when such rejections are
 * reported) they are marked handled. The read's own error still reaches the caller.
 */
function holdStrayRejections(): () => void {
  const g = globalThis as unknown as {
    addEventListener?: (t: string, f: (e: { preventDefault(): void }) => void) => void;
    removeEventListener?: (t: string, f: (e: { preventDefault(): void }) => void) => void;
    process?: { on(t: string, f: () => void): void; off(t: string, f: () => void): void };
  };
  const browser = (e: { preventDefault(): void }) => e.preventDefault();
  const node = () => {};
  g.process?.on?.('unhandledRejection', node);
  g.addEventListener?.('unhandledrejection', browser);
  return () =>
    setTimeout(() => {
      g.process?.off?.('unhandledRejection', node);
      g.removeEventListener?.('unhandledrejection', browser);
    }, 0);
}
