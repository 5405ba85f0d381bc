import { unzipSync } from 'fflate';
import { causeText, FormatError } from './errors.ts';
import { formatKind, type NumberFormatKind } from './excel-number-formats.ts';
import { decodeEntities, parseAttrs, scanXml } from './xml-scan.ts';

/**
 * The workbook-level parts of an .xlsx file (sheet list, shared strings, number formats). Worksheets are
 * unzipped only when asked for, so a workbook with many large sheets inflates just the one being read.
 */
export interface SheetEntry {
  name: string;
  /** zip path of the sheet's XML part (lower case), if the workbook links one */
  path: string | undefined;
  hidden: boolean;
}

export interface Workbook {
  sheets: SheetEntry[];
  /** Mac Excel's 1904 date system: serial 0 is 1904-01-01. */
  date1904: boolean;
  sharedStrings: string[];
  /** number format kind of each cell style index (a cell's `s` attribute) */
  styleKinds: NumberFormatKind[];
  /** XML text of a sheet part */
  readSheet(path: string): string | undefined;
}

// Sheets, pivot caches and drawings can be as large as the data; none is needed to list the sheets.
const BULKY_PARTS = /(^|\/)(worksheets|chartsheets|pivotCache|pivotTables|drawings|charts|customXml)\//i;

const normPath = (name: string) => name.replaceAll('\\', '/').replace(/^\/+/, '').toLowerCase();

export function openWorkbook(bytes: Uint8Array, fileName: string): Workbook {
  const parts = unzip(bytes, fileName, (name) => /\.(xml|rels)$/i.test(name) && !BULKY_PARTS.test(name));
  return xmlErrorsAsCorrupt(fileName, () => {
    const rootRels = relationships(parts, '_rels/.rels', '');
    const workbookPath =
      rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    if (workbookPath.endsWith('.bin')) {
      throw new FormatError(
        'unsupported_format',
        `${fileName}: an Excel binary workbook (.xlsb); save it as .xlsx or CSV (UTF-8).`,
      );
    }
    const workbookXml = partText(parts, workbookPath);
    if (workbookXml === undefined) {
      throw new FormatError(
        'unsupported_format',
        `${fileName}: this zip file is not an Excel workbook (it has no ${workbookPath}).`,
      );
    }
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const rels = relationships(parts, `${dir}_rels/${workbookPath.slice(dir.length)}.rels`, dir);
    const relTarget = (type: string, fallback: string) =>
      rels.find((r) => r.type.endsWith(`/${type}`))?.target ?? `${dir}${fallback}`;
    const { sheets, date1904 } = readWorkbookXml(workbookXml, rels, dir);
    const sstXml = partText(parts, relTarget('sharedStrings', 'sharedStrings.xml'));
    const stylesXml = partText(parts, relTarget('styles', 'styles.xml'));
    return {
      sheets,
      date1904,
      sharedStrings: sstXml === undefined ? [] : readSharedStrings(sstXml),
      styleKinds: stylesXml === undefined ? [] : readStyleKinds(stylesXml),
      readSheet: (path: string) =>
        partText(
          unzip(bytes, fileName, (name) => normPath(name) === path),
          path,
        ),
    };
  });
}

/** Runs a parse step, reporting malformed XML as a damaged workbook. */
export function xmlErrorsAsCorrupt<T>(fileName: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(
      'corrupt_file',
      `${fileName}: the workbook is damaged (${causeText(e)}); ` +
        'open and re-save it in Excel, or export it again.',
    );
  }
}

function unzip(
  bytes: Uint8Array,
  fileName: string,
  keep: (name: string) => boolean,
): Map<string, Uint8Array> {
  try {
    const files = unzipSync(bytes, { filter: (file) => keep(file.name) });
    return new Map(Object.entries(files).map(([name, data]) => [normPath(name), data]));
  } catch (e) {
    throw new FormatError(
      'corrupt_file',
      `${fileName}: the workbook is damaged or incomplete (${causeText(e)}); ` +
        'open and re-save it in Excel, or export it again.',
    );
  }
}

function partText(parts: Map<string, Uint8Array>, path: string): string | undefined {
  const data = parts.get(normPath(path));
  if (!data) return undefined;
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder().decode(data);
}

interface Relationship {
  id: string;
  type: string;
  /** resolved zip path, lower case */
  target: string;
}

function relationships(parts: Map<string, Uint8Array>, relsPath: string, baseDir: string): Relationship[] {
  const xml = partText(parts, relsPath);
  const out: Relationship[] = [];
  if (xml === undefined) return out;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = parseAttrs(attrs);
      if (a.TargetMode === 'External' || !a.Target) return;
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePath(baseDir, a.Target) });
    },
  });
  return out;
}

function resolvePath(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') segments.pop();
    else if (part && part !== '.') segments.push(part);
  }
  return normPath(segments.join('/'));
}

function readWorkbookXml(
  xml: string,
  rels: Relationship[],
  dir: string,
): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const v = parseAttrs(attrs).date1904;
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const a = parseAttrs(attrs);
        const rel = rels.find((r) => r.id === a.id);
        const fallback = a.sheetId ? normPath(`${dir}worksheets/sheet${a.sheetId}.xml`) : undefined;
        sheets.push({
          name: a.name ?? `Sheet${sheets.length + 1}`,
          path: rel?.target ?? fallback,
          hidden: a.state === 'hidden' || a.state === 'veryHidden',
        });
      }
    },
  });
  return { sheets, date1904 };
}

/** Excel escapes control characters in strings as _xHHHH_ (and a literal '_x' as _x005F_x). */
export const unescapeOoxml = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let text = '';
  let inText = false;
  // Phonetic runs (<rPh>, furigana/pinyin hints) are not part of the displayed string.
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(unescapeOoxml(text));
    },
    text(raw, cdata) {
      if (inText && phonetic === 0) text += cdata ? raw : decodeEntities(raw);
    },
  });
  return out;
}

function readStyleKinds(xml: string): NumberFormatKind[] {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        const a = parseAttrs(attrs);
        if (a.numFmtId !== undefined && a.formatCode !== undefined)
          codes.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        formatIds.push(Number(parseAttrs(attrs).numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => formatKind(id, codes.get(id)));
}
