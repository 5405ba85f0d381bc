import { FormatError } from './errors.ts';

export type InputFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'json';

const BY_EXTENSION: Record<string, InputFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  ipc: 'arrow',
  feather: 'arrow',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
};

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const ZIP = ascii('PK\x03\x04');
const EMPTY_ZIP = ascii('PK\x05\x06');
const PARQUET = ascii('PAR1');
const ARROW_FILE = ascii('ARROW1');
const ARROW_STREAM = [0xff, 0xff, 0xff, 0xff];
const FEATHER_V1 = ascii('FEA1');
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const GZIP = [0x1f, 0x8b];
const XLSX_PART = ascii('xl/');
const ODS_MIME = ascii('application/vnd.oasis.opendocument.spreadsheet');
const HEAD = 65_536;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function indexOfBytes(bytes: Uint8Array, sig: number[], from = 0, to = bytes.length): number {
  const first = sig[0];
  const last = Math.min(to, bytes.length) - sig.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] === first && sig.every((b, j) => bytes[i + j] === b)) return i;
  }
  return -1;
}

/** Lower-case extension of a file name or path ('' when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const unsupported = (fileName: string, what: string) =>
  new FormatError('unsupported_format', `${fileName}: ${what}`);

/** The start of a text file as a string (BOM-aware; other bytes read as Latin-1, enough for ASCII tests). */
function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  const skip = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new TextDecoder('latin1').decode(head.subarray(skip));
}

/** NUL bytes never occur in 8-bit text exports, so they mark binary data. */
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 4096).includes(0);

/**
 * The format of an uploaded file, by its leading bytes first and its extension only when the bytes do
 * not decide. Formats that can only be rejected (.xls, .ods, gzip, HTML saved as .xls) throw a
 * FormatError that says what to do instead.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): InputFormat {
  const ext = extensionOf(fileName);
  const byExtension = BY_EXTENSION[ext];
  if (bytes.length === 0) return byExtension ?? 'csv';
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return zipFormat(bytes, fileName, ext);
  if (startsWith(bytes, PARQUET)) return 'parquet';
  if (startsWith(bytes, ARROW_FILE) || startsWith(bytes, ARROW_STREAM)) return 'arrow';
  if (startsWith(bytes, OLE2)) {
    throw unsupported(
      fileName,
      'an old Excel 97-2003 (.xls) workbook or a password-protected file; ' +
        'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8).',
    );
  }
  if (startsWith(bytes, GZIP)) throw unsupported(fileName, 'a gzip-compressed file; decompress it first.');
  if (startsWith(bytes, FEATHER_V1)) {
    throw unsupported(fileName, 'Feather version 1 is not supported; write Feather v2 / Arrow IPC instead.');
  }
  const text = textHead(bytes).trimStart();
  if (/^<(!doctype\s+html|html|table|\?xml)/i.test(text)) {
    throw unsupported(
      fileName,
      'an HTML or XML page, not a spreadsheet (some systems save these with an .xls name); ' +
        'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8).',
    );
  }
  // '[{' or '{"' opens JSON; a bare '[' or '{' may be a CSV title such as "[2025]…", so ask the extension.
  if (/^(\[\s*[[{\]]|\{\s*["}])/.test(text)) return 'json';
  if (byExtension === 'json') return 'json';
  // Too short to hold a magic number, or binary: then a binary format's extension decides.
  const binaryFormat = byExtension && byExtension !== 'csv' ? byExtension : undefined;
  if (binaryFormat && (bytes.length < 8 || looksBinary(bytes))) return binaryFormat;
  return 'csv';
}

function zipFormat(bytes: Uint8Array, fileName: string, ext: string): InputFormat {
  // Part names appear in the local headers at the start and the central directory at the end.
  const tailStart = Math.max(0, bytes.length - HEAD);
  const has = (sig: number[]) =>
    indexOfBytes(bytes, sig, 0, HEAD) >= 0 || indexOfBytes(bytes, sig, tailStart) >= 0;
  if (has(XLSX_PART)) return 'xlsx';
  if (has(ODS_MIME)) {
    throw unsupported(fileName, 'an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV (UTF-8).');
  }
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  throw unsupported(fileName, 'a zip archive, not an Excel workbook; unzip it and import the file inside.');
}
