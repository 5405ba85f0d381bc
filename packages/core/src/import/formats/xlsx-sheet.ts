import { excelNumberText, isoCellText, serialText } from './excel-number-formats.ts';
import { unescapeOoxml, type Workbook } from './xlsx-workbook.ts';
import { attrValue, decodeEntities, parseAttrs, scanXml } from './xml-scan.ts';

/** 0-based, inclusive cell range. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A worksheet's cell text by 0-based row and column (sparse: absent rows and cells are holes). */
export interface SheetGrid {
  rows: (string[] | undefined)[];
  merges: CellRange[];
}

type CellContext = Pick<Workbook, 'sharedStrings' | 'styleKinds' | 'date1904'>;

/** 'AB12' (or '$AB$12') → { row: 11, col: 27 }; a hand-written loop, as sheets hold millions of refs. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  let row = 0;
  if (ref.charCodeAt(i) === 0x24 /* $ */) i++;
  for (let c = ref.charCodeAt(i) | 0x20; c >= 0x61 && c <= 0x7a; c = ref.charCodeAt(++i) | 0x20) {
    col = col * 26 + c - 0x60;
  }
  if (ref.charCodeAt(i) === 0x24) i++;
  const digitsStart = i;
  for (let c = ref.charCodeAt(i); c >= 0x30 && c <= 0x39; c = ref.charCodeAt(++i)) row = row * 10 + c - 0x30;
  if (col === 0 || col > 16_384 || i === digitsStart || i !== ref.length || row === 0) return undefined;
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(':');
  const start = a === undefined ? undefined : parseCellRef(a);
  const end = b === undefined ? undefined : parseCellRef(b);
  if (!start || !end) return undefined;
  return {
    r1: Math.min(start.row, end.row),
    c1: Math.min(start.col, end.col),
    r2: Math.max(start.row, end.row),
    c2: Math.max(start.col, end.col),
  };
}

/** Text of one cell from its type (`t`), style index (`s`), `<v>` text and inline string. */
function cellText(ctx: CellContext, type: string, style: number, v: string, inline: string): string {
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(v)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
    case 'd':
      return isoCellText(v);
    default: {
      if (v.trim() === '') return '';
      const kind = ctx.styleKinds[style] ?? 'number';
      return serialText(Number(v), kind, ctx.date1904) ?? excelNumberText(v);
    }
  }
}

export function readSheetGrid(xml: string, ctx: CellContext): SheetGrid {
  const rows: (string[] | undefined)[] = [];
  const merges: CellRange[] = [];
  let row = -1;
  let col = -1;
  let type = 'n';
  let style = 0;
  let inCell = false;
  let inInline = false;
  let phonetic = 0;
  let collecting: 'v' | 't' | undefined;
  let v = '';
  let inline = '';

  const finishCell = () => {
    inCell = false;
    if (row < 0 || col < 0) return;
    const text = cellText(ctx, type, style, v, unescapeOoxml(inline));
    if (text === '') return;
    let cells = rows[row];
    if (!cells) {
      cells = [];
      rows[row] = cells;
    }
    cells[col] = text;
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(attrValue(attrs, 'r'));
          row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case 'c': {
          const r = attrValue(attrs, 'r');
          const ref = r === undefined ? undefined : parseCellRef(r);
          if (ref) {
            row = ref.row;
            col = ref.col;
          } else col++;
          type = attrValue(attrs, 't') ?? 'n';
          style = Number(attrValue(attrs, 's') ?? 0);
          v = '';
          inline = '';
          inCell = true;
          break;
        }
        case 'v':
          if (inCell && !selfClosing) collecting = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && !selfClosing) collecting = 't';
          break;
        case 'mergeCell': {
          const range = parseRange(parseAttrs(attrs).ref ?? '');
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collecting = undefined;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (inCell) finishCell();
          break;
      }
    },
    text(raw, cdata) {
      if (collecting === 'v') v += cdata ? raw : decodeEntities(raw);
      else if (collecting === 't' && phonetic === 0) inline += cdata ? raw : decodeEntities(raw);
    },
  });
  return { rows, merges };
}
