import { dropCsvTitleRows } from './csv-title-rows.ts';
import { detectFormat } from './detect-format.ts';

/** How much of the file's start is decoded to find title rows (the sniffer reads at most 1 M characters). */
const HEAD_BYTES = 4 << 20;
/** Validity is checked in chunks, so no string as long as the file is ever built. */
const CHUNK_BYTES = 16 << 20;

export interface DirectCsv {
  /** The file's bytes from its header row on (BOM and title rows skipped): what DuckDB reads. */
  bytes: Uint8Array;
  encoding: 'utf-8' | 'utf-8-bom';
  titleRows: number;
  /** 1-based line of the header row in the original file. */
  headerRow: number;
}

/**
 * A UTF-8 CSV/TSV handed to DuckDB as the bytes it already is, instead of decoded into a JS string and
 * encoded back: half the memory and no decode/encode pass on large files, and no limit from the longest
 * string the JS engine can hold (≈ 512 M characters). Undefined when the file needs the text path: another
 * format, another encoding (GB18030, UTF-16, an explicit one), NUL bytes, or nothing but blanks.
 */
export function directCsv(bytes: Uint8Array, fileName: string, encoding?: string): DirectCsv | undefined {
  if (encoding && !/^utf-?8$/i.test(encoding)) return undefined;
  if (bytes.length === 0 || detectFormat(bytes, fileName) !== 'csv') return undefined;
  if (bytes.indexOf(0) >= 0) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return undefined;
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      strict.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: at + CHUNK_BYTES < bytes.length });
    }
  } catch {
    return undefined;
  }
  const body = bom ? bytes.subarray(3) : bytes;
  // A character cut at the end of the head decodes as U+FFFD, far past what the sniffer reads.
  const head = new TextDecoder('utf-8').decode(body.subarray(0, HEAD_BYTES));
  if (head.trim() === '') return undefined;
  const dropped = dropCsvTitleRows(head);
  const skip =
    dropped.text === head
      ? 0
      : new TextEncoder().encode(head.slice(0, head.length - dropped.text.length)).length;
  return {
    bytes: body.subarray(skip),
    encoding: bom ? 'utf-8-bom' : 'utf-8',
    titleRows: dropped.titleRows,
    headerRow: dropped.headerRow + 1,
  };
}
