import { decodeBytes } from '../encoding.ts';
import { dropCsvTitleRows } from './csv-title-rows.ts';
import { detectFormat, type InputFormat } from './detect-format.ts';
import { FormatError } from './errors.ts';
import { type TextTable, writeCsv } from './write-csv.ts';

export interface ToDelimitedTextOptions {
  /** Text encoding of csv/json input (e.g. 'gb18030'); detected when omitted. */
  encoding?: string;
  /** Worksheet of an .xlsx file: its name, or its 0-based index. Default: the first visible sheet. */
  sheet?: string | number;
  /** Skips detection. */
  format?: InputFormat;
}

export interface DelimitedText {
  /** UTF-8 text for DuckDB's read_csv: header row first. CSV input keeps its own delimiter and quoting. */
  text: string;
  format: InputFormat;
  /** Encoding the input was decoded from ('utf-8' for the binary formats, whose strings are UTF-8). */
  encoding: string;
  /** xlsx: the sheet that was read, and all sheet names in workbook order */
  sheet?: string;
  sheets?: string[];
  /** Non-empty rows above the header that were dropped (csv and xlsx titles). */
  titleRows: number;
  /** 1-based row of the header in the source (for csv: its record number). */
  headerRow: number;
}

/**
 * Converts any supported export (CSV/TSV text in UTF-8 or GB18030, XLSX, Parquet, Arrow IPC, JSON or
 * NDJSON) to delimited UTF-8 text that the CSV importer loads. Readers for the binary formats are loaded
 * on first use, so the base bundle carries none of them.
 */
export async function toDelimitedText(
  bytes: Uint8Array,
  fileName: string,
  options: ToDelimitedTextOptions = {},
): Promise<DelimitedText> {
  if (bytes.length === 0) throw new FormatError('empty_file', `${fileName}: the file is empty.`);
  const format = options.format ?? detectFormat(bytes, fileName);
  switch (format) {
    case 'csv': {
      const { text, encoding } = await decode(bytes, fileName, options.encoding);
      if (text.trim() === '') throw new FormatError('empty_file', `${fileName}: the file is empty.`);
      const dropped = dropCsvTitleRows(text);
      return {
        text: dropped.text,
        format,
        encoding,
        titleRows: dropped.titleRows,
        headerRow: dropped.headerRow + 1,
      };
    }
    case 'json': {
      const { text, encoding } = await decode(bytes, fileName, options.encoding);
      const { readJson } = await import('./read-json.ts');
      return tableResult(readJson(text, fileName), format, encoding);
    }
    case 'xlsx': {
      const { readXlsx } = await import('./read-xlsx.ts');
      const table = readXlsx(bytes, fileName, options.sheet);
      return {
        ...tableResult(table, format, 'utf-8'),
        sheet: table.sheet,
        sheets: table.sheets,
        titleRows: table.titleRows,
        headerRow: table.headerRow + 1,
      };
    }
    case 'parquet': {
      const { readParquet } = await import('./read-parquet.ts');
      return tableResult(await readParquet(bytes, fileName), format, 'utf-8');
    }
    case 'arrow': {
      const { readArrow } = await import('./read-arrow.ts');
      return tableResult(readArrow(bytes, fileName), format, 'utf-8');
    }
  }
}

async function decode(bytes: Uint8Array, fileName: string, encoding: string | undefined) {
  try {
    return await decodeBytes(bytes, encoding);
  } catch {
    // TextDecoder rejects labels it does not know with a RangeError.
    throw new FormatError('unsupported_format', `${fileName}: unknown text encoding '${encoding}'.`);
  }
}

function tableResult(table: TextTable, format: InputFormat, encoding: string): DelimitedText {
  return { text: writeCsv(table), format, encoding, titleRows: 0, headerRow: 1 };
}
