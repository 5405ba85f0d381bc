import { FormatError } from './errors.ts';
import { countTitleRows, findHeaderRow } from './title-rows.ts';
import type { TextTable } from './write-csv.ts';
import { readSheetGrid, type SheetGrid } from './xlsx-sheet.ts';
import { openWorkbook, type SheetEntry, xmlErrorsAsCorrupt } from './xlsx-workbook.ts';

export interface XlsxTable extends TextTable {
  sheet: string;
  sheets: string[];
  titleRows: number;
  /** 0-based sheet row of the header */
  headerRow: number;
}

/**
 * Reads one worksheet of an .xlsx file as text: title rows above the header dropped, merged cells below
 * the header filled with their value (a department merged over its cases belongs to each of them),
 * empty rows and empty columns left out.
 */
export function readXlsx(bytes: Uint8Array, fileName: string, sheet?: string | number): XlsxTable {
  const workbook = openWorkbook(bytes, fileName);
  const names = workbook.sheets.map((s) => s.name);
  const entry = pickSheet(workbook.sheets, sheet, fileName);
  const xml = entry.path === undefined ? undefined : workbook.readSheet(entry.path);
  if (xml === undefined) {
    throw new FormatError(
      'corrupt_file',
      `${fileName}: the data of sheet '${entry.name}' is missing from the workbook; ` +
        'open and re-save it in Excel, or export it again.',
    );
  }
  const grid = xmlErrorsAsCorrupt(fileName, () => readSheetGrid(xml, workbook));
  const headerRow = findHeaderRow(grid.rows);
  const titleRows = countTitleRows(grid.rows, headerRow);
  fillMerges(grid, headerRow);
  const table = tableBelow(grid.rows, headerRow);
  if (table.header.length === 0) {
    const others = names.length > 1 ? `; sheets are: ${names.join(', ')}` : '';
    throw new FormatError('empty_file', `${fileName}: sheet '${entry.name}' has no data${others}.`, {
      sheets: names,
    });
  }
  return { ...table, sheet: entry.name, sheets: names, titleRows, headerRow };
}

/**
 * The sheet asked for: by name (exact, else ignoring case and spaces) or by 0-based index.
 * Default: the first visible sheet.
 */
function pickSheet(sheets: SheetEntry[], wanted: string | number | undefined, fileName: string): SheetEntry {
  const list = sheets.map((s) => s.name).join(', ');
  if (sheets.length === 0) throw new FormatError('empty_file', `${fileName}: the workbook has no sheets.`);
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? (sheets[0] as SheetEntry);
  if (typeof wanted === 'number') {
    const byIndex = Number.isInteger(wanted) ? sheets[wanted] : undefined;
    if (byIndex) return byIndex;
    throw new FormatError(
      'sheet_not_found',
      `${fileName}: sheet index ${wanted} not found (indexes start at 0); sheets are: ${list}`,
      { sheets: sheets.map((s) => s.name) },
    );
  }
  const loose = (s: string) => s.replaceAll(/\s+/g, '').toLowerCase();
  const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => loose(s.name) === loose(wanted));
  if (byName) return byName;
  throw new FormatError('sheet_not_found', `${fileName}: sheet '${wanted}' not found; sheets are: ${list}`, {
    sheets: sheets.map((s) => s.name),
  });
}

/** Copies each merged range's value into its empty cells, for ranges that start below the header. */
function fillMerges({ rows, merges }: SheetGrid, headerRow: number): void {
  const width = rows.reduce((w, cells) => Math.max(w, cells?.length ?? 0), 0);
  for (const m of merges) {
    if (m.r1 <= headerRow) continue;
    const value = rows[m.r1]?.[m.c1];
    if (value === undefined) continue;
    // Merges reaching past the data (whole rows or columns) stop at the last row and column in use.
    const lastRow = Math.min(m.r2, rows.length - 1);
    const lastCol = Math.min(m.c2, width - 1);
    for (let r = m.r1; r <= lastRow; r++) {
      let cells = rows[r];
      if (!cells) {
        cells = [];
        rows[r] = cells;
      }
      for (let c = m.c1; c <= lastCol; c++) cells[c] ??= value;
    }
  }
}

function tableBelow(rows: (string[] | undefined)[], headerRow: number): TextTable {
  const headerCells = rows[headerRow] ?? [];
  const body: string[][] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells?.some((c) => c !== undefined && c.trim() !== '')) body.push(cells);
  }
  // Keep a column when its header or any of its cells has text; styled-but-empty columns vanish.
  const used: boolean[] = [];
  for (const cells of [headerCells, ...body]) {
    cells.forEach((c, i) => {
      if (c.trim() !== '') used[i] = true;
    });
  }
  const columns = used.flatMap((u, i) => (u ? [i] : []));
  return {
    header: columns.map((i) => headerCells[i] ?? ''),
    rows: body.map((cells) => columns.map((i) => cells[i] ?? '')),
  };
}
