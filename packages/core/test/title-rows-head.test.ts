import { describe, expect, it } from 'vitest';
import { dropCsvTitleRows, dropCsvTitleRowsOfHead } from '../src/import/formats/csv-title-rows.ts';
import { directCsv } from '../src/import/formats/direct-csv.ts';
import { mulberry32 } from '../src/seeded-random.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Delimited text the way exports write it: title lines, quoted cells with line breaks and quotes, CRLF. */
function randomCsv(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const delimiter = pick([',', '\t', ';', '|']);
  const eol = pick(['\n', '\r\n', '\r']);
  const width = 2 + Math.floor(random() * 6);
  const cell = () =>
    pick(['办件', 'A1', '', '"引号""内"', '"换\n行"', '"a,b"', '县局', '2025-01-01', ' x ', '\r']);
  const lines: string[] = [];
  for (let t = Math.floor(random() * 4); t > 0; t--)
    lines.push(pick(['2025年办件统计表', '', '填报单位：县中心']));
  for (let r = 40 + Math.floor(random() * 40); r > 0; r--) {
    lines.push(Array.from({ length: random() < 0.1 ? 1 : width }, cell).join(delimiter));
  }
  return lines.join(eol) + (random() < 0.5 ? eol : '');
}

describe('title rows found from the start of a text', () => {
  it('gives the whole text’s answer whenever it gives one (seeded random exports, every cut)', () => {
    const random = mulberry32(20261204);
    let answered = 0;
    let declined = 0;
    for (let n = 0; n < 150; n++) {
      const text = randomCsv(random);
      const whole = dropCsvTitleRows(text);
      const wholeStart = text.length - whole.text.length;
      for (let cut = 0; cut <= text.length; cut += 1 + Math.floor(random() * 9)) {
        const head = dropCsvTitleRowsOfHead(text.slice(0, cut));
        if (!head) {
          declined++;
          continue;
        }
        answered++;
        expect({ titleRows: head.titleRows, headerRow: head.headerRow }).toEqual({
          titleRows: whole.titleRows,
          headerRow: whole.headerRow,
        });
        expect(cut - head.text.length).toBe(wholeStart);
      }
    }
    // Both outcomes occur: short cuts must be declined, long ones answered.
    expect(declined).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(100);
  });

  it('declines a start whose records could still change: a cut CRLF, a quote at the end', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `A${i},县局,已办结`).join('\r\n');
    const text = `标题\r\n办件编号,受理部门,状态\r\n${rows}\r\n`;
    // The 50th record (the sniffer reads 50) is A47's line: a CR at the cut may be half a CRLF.
    const cr = text.indexOf('\r\n', text.indexOf('A47,')) + 1;
    expect(dropCsvTitleRowsOfHead(text.slice(0, cr))).toBeUndefined();
    expect(dropCsvTitleRowsOfHead(text.slice(0, cr + 1))?.titleRows).toBe(1);
    expect(dropCsvTitleRowsOfHead('a,"b"')).toBeUndefined();
  });

  it('directCsv decodes more of a large file when its first records are long or blank', async () => {
    const header = '办件编号,受理部门,备注\n';
    const rows = (n: number, note: string) =>
      Array.from({ length: n }, (_, i) => `A${i},县局,${note}`).join('\n');
    // 50 records of 3 KB: the sniffer's records run past the first 64 KB decoded.
    const long = utf8(`2025年办件统计表\n${header}${rows(80, '长'.repeat(1000))}\n`);
    const a = await directCsv(long, 'long.csv');
    expect(a?.titleRows).toBe(1);
    expect(new TextDecoder().decode(a?.bytes.subarray(0, utf8(`${header}A0,县`).length))).toBe(
      `${header}A0,县`,
    );
    // 100 KB of blank lines above the title and header: blank first parts decide nothing.
    const blank = utf8(`${'\n'.repeat(100_000)}2025年办件统计表\n${header}${rows(80, '短')}\n`);
    const b = await directCsv(blank, 'blank.csv');
    expect(b).toBeDefined();
    expect(b?.headerRow).toBe(dropCsvTitleRows(new TextDecoder().decode(blank)).headerRow + 1);
  });
});
