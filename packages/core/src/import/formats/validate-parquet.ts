import type { FileMetaData, PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { MAX_DECLARED_ROWS } from './limits.ts';

/** Larger than any page a writer produces (they aim for about 1 MiB); caps what a damaged size allocates. */
const MAX_PAGE_BYTES = 1 << 30;

/**
 * Structural check of a Parquet file before `hyparquet` decodes it. hyparquet trusts the page headers:
 * a DATA_PAGE_V2 header missing its level byte lengths (found by fuzzing) sets its read offset to
 * `undefined`, the next offset becomes NaN, DataView reads at NaN keep returning byte 0 without ever
 * running out of bounds, and its RLE decoder loops forever on zero-length runs. Here every column chunk
 * must lie inside the file, every page header it holds must be complete with sizes inside the chunk, and
 * row and value counts are capped. Throws an Error describing the first problem.
 */
export function validateParquet(file: ArrayBuffer, metadata: FileMetaData): void {
  const view = new DataView(file);
  // Column data lies between the leading 'PAR1' and the footer (metadata, its length, 'PAR1').
  const dataEnd = file.byteLength - 8 - view.getUint32(file.byteLength - 8, true);
  const fileRows = Number(metadata.num_rows);
  if (!(fileRows >= 0 && fileRows <= MAX_DECLARED_ROWS)) throw new Error(`${fileRows} rows declared`);
  let rows = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    rows += Number(group.num_rows);
    if (!(rows >= 0 && rows <= MAX_DECLARED_ROWS))
      throw new Error(`row group ${g} declares ${group.num_rows} rows`);
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta) throw new Error(`row group ${g} has a column without metadata`);
      const name = meta.path_in_schema.join('.');
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!(start >= 4 && end >= start && end <= dataEnd)) {
        throw new Error(`column ${name} (bytes ${start} to ${end}) lies outside the data`);
      }
      const values = Number(meta.num_values);
      if (!(values >= 0 && values <= MAX_DECLARED_ROWS))
        throw new Error(`column ${name} declares ${values} values`);
      checkPages(view, start, end, values, name);
    }
  }
}

const isCount = (v: unknown, max = MAX_DECLARED_ROWS): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function checkPages(view: DataView, start: number, end: number, declared: number, name: string): void {
  const reader = { view, offset: start };
  let values = 0;
  // hyparquet stops a column once it holds the declared rows, or at the end of the chunk.
  while (reader.offset < end - 1 && values < declared) {
    const at = reader.offset;
    const header: PageHeader = parquetHeader(reader);
    const size = header.compressed_page_size;
    if (!isCount(size, MAX_PAGE_BYTES) || !isCount(header.uncompressed_page_size, MAX_PAGE_BYTES)) {
      throw new Error(`column ${name}: page at ${at} has impossible sizes`);
    }
    if (reader.offset + size > end) throw new Error(`column ${name}: page at ${at} runs past its column`);
    values += pageValues(header, size, `column ${name}: page at ${at}`);
    if (values > declared) throw new Error(`column ${name} holds more values than its ${declared}`);
    reader.offset += size;
  }
}

/** Values a data page holds (0 for a dictionary page), after checking its header is complete. */
function pageValues(header: PageHeader, size: number, where: string): number {
  if (header.type === 'DICTIONARY_PAGE') {
    const dict = header.dictionary_page_header;
    if (!dict || !isCount(dict.num_values) || !dict.encoding)
      throw new Error(`${where}: damaged dictionary header`);
    return 0;
  }
  if (header.type === 'DATA_PAGE') {
    const data = header.data_page_header;
    if (!data || !isCount(data.num_values) || !data.encoding)
      throw new Error(`${where}: damaged data page header`);
    return data.num_values;
  }
  if (header.type === 'DATA_PAGE_V2') {
    const data = header.data_page_header_v2;
    if (
      !data ||
      !isCount(data.num_values) ||
      !isCount(data.num_nulls, data.num_values) ||
      !isCount(data.num_rows, data.num_values) ||
      !isCount(data.definition_levels_byte_length, size) ||
      !isCount(data.repetition_levels_byte_length, size - data.definition_levels_byte_length) ||
      !data.encoding
    ) {
      throw new Error(`${where}: damaged data page header`);
    }
    return data.num_values;
  }
  throw new Error(`${where}: unsupported page type ${header.type}`);
}
