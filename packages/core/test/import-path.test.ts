import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { csvOnDisk, importPath } from '../src/import/import-path.ts';

// GB18030 bytes are built by hand (TextEncoder only writes UTF-8).
const HEADER = '办件编号,受理部门,申请时间,受理时间,办结时间,办理状态\n';
const row = (id: string, dept = '甲局', closed = '2025-01-03 09:00:00') =>
  `${id},${dept},2025-01-02 09:00:00,2025-01-02 09:10:00,${closed},已办结\n`;
const utf8 = (s: string) => new TextEncoder().encode(s);
/** GB18030 bytes of text whose only non-ASCII characters are in GB (found by decoding every 2-byte code). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (const ch of new Set(text)) {
    if (ch.charCodeAt(0) < 0x80) continue;
    search: for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (decoder.decode(new Uint8Array([a, b])) === ch) {
          codes.set(ch, [a, b]);
          break search;
        }
      }
    }
  }
  return new Uint8Array([...text].flatMap((ch) => codes.get(ch) ?? [ch.charCodeAt(0)]));
}

let engine: NodeEngine;
let dir: string;
beforeAll(async () => {
  engine = await NodeEngine.create();
  dir = await mkdtemp(join(tmpdir(), 'import-path-test-'));
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** Imports the bytes both ways and returns both summaries, ledgers and case rows. */
async function both(name: string, bytes: Uint8Array, options = {}) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const state = async () => ({
    ledger: (await engine.query('SELECT * FROM import_ledger ORDER BY "row", reason'))
      .toArray()
      .map((r) => r.toJSON()),
    cases: (await engine.query('SELECT * FROM cases ORDER BY _row')).toArray().map((r) => r.toJSON()),
  });
  const inMemory = await importFile(engine, name, bytes, options);
  const memoryState = await state();
  const onDisk = await importPath(engine, path, options, 0);
  return { inMemory, onDisk, memoryState, diskState: await state() };
}

describe('importPath: a CSV on disk read without holding its bytes', () => {
  it('reads a plain UTF-8 file at its own path, with the same summary, ledger and rows as importFile', async () => {
    const text = HEADER + row('A') + row('B', '乙局') + row('C', '甲局', 'not a time');
    const path = join(dir, 'plain.csv');
    await writeFile(path, text);
    const onDisk = await csvOnDisk(path, 'plain.csv', {}, 0);
    expect(onDisk?.registered).toMatchObject({ path, encoding: 'utf-8', headerRow: 1 });
    const r = await both('plain.csv', utf8(text));
    expect(r.onDisk).toEqual(r.inMemory);
    expect(r.onDisk).toMatchObject({ encoding: 'utf-8', read: 3, loaded: 3, rejected: 0, warnings: 1 });
    expect(r.diskState.ledger.map((l) => l.row)).toEqual([4]);
    expect(r.diskState).toEqual(r.memoryState);
  });

  it('decodes GB18030 into a temporary UTF-8 file, removed after the import', async () => {
    const before = (await readdir(tmpdir())).filter((d) => d.startsWith('assessment-dashboard-import-'));
    const r = await both('gb.csv', gb18030(HEADER + row('A') + row('B', '乙局')));
    expect(r.onDisk).toEqual(r.inMemory);
    expect(r.onDisk).toMatchObject({ encoding: 'gb18030', read: 2, loaded: 2 });
    expect(r.diskState.cases.map((c) => c.dept_name)).toEqual(['甲局', '乙局']);
    expect(r.diskState).toEqual(r.memoryState);
    const after = (await readdir(tmpdir())).filter((d) => d.startsWith('assessment-dashboard-import-'));
    expect(after).toEqual(before);
  });

  it('drops a BOM and title rows, and numbers rows as in the original file', async () => {
    const text = `\uFEFF2025年办件明细\n导出时间：2026-01-01\n${HEADER}${row('A')}${row('B', '', 'x')}`;
    const r = await both('titled.csv', utf8(text));
    expect(r.onDisk).toEqual(r.inMemory);
    expect(r.onDisk).toMatchObject({ encoding: 'utf-8-bom', read: 2 });
    expect(r.diskState).toEqual(r.memoryState);
    expect(r.diskState.ledger.map((l) => l.row)).toContain(5);
  });

  it('replaces lines over the limit, across pieces of the stream, as the in-memory path does', async () => {
    // 2.5 MB line in the middle (spans the 1 MB pieces), a 1,000,001-byte last line without a line feed
    const long = 'x'.repeat(2_500_000);
    const text = `${HEADER}${row('A')}${row('L', long)}${row('B')}${'y'.repeat(1_000_001)}`;
    const r = await both('long.csv', utf8(text));
    expect(r.onDisk).toEqual(r.inMemory);
    expect(r.onDisk).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    expect(r.onDisk.rejectReasons).toEqual({ line_size_over_maximum: 2 });
    expect(r.diskState).toEqual(r.memoryState);
  }, 60_000);

  it('makes NUL bytes visible as the in-memory path does', async () => {
    const r = await both('nul.csv', utf8(`${HEADER}${row('A\0')}${row('B')}`));
    expect(r.onDisk).toEqual(r.inMemory);
    expect(r.diskState.cases.map((c) => c.case_id)).toEqual(['A\uFFFD', 'B']);
  });

  it('rewrites line ends DuckDB cannot take (line-ends.ts) as the in-memory path does: UTF-8, GB18030, UTF-16', async () => {
    const lines = [HEADER, row('A'), row('B', '乙局'), row('C', '甲局', 'not a time'), row('D')];
    // A CR LF among LF lines, and a CR LF split by the 1 MB pieces the file is read in.
    const mixed = lines.map((l, i) => (i === 2 ? l.replace('\n', '\r\n') : l)).join('');
    const path = join(dir, 'mixed.csv');
    await writeFile(path, mixed);
    expect((await csvOnDisk(path, 'mixed.csv', {}, 0))?.registered.path).not.toBe(path);
    // Rows up to the first piece's end, the last one padded so that its CR is the piece's last byte.
    const filler = HEADER + Array.from({ length: 8000 }, (_, i) => row(`F${i}`)).join('');
    const unpadded = utf8(filler + row('P', '')).length - 1; // without its last line feed
    const padded = (filler + row('P', 'x'.repeat(2 ** 20 - 1 - unpadded))).slice(0, -1);
    const split = `${padded}\r\n${lines.slice(1).join('')}`;
    expect(utf8(split)[2 ** 20 - 1]).toBe(0x0d);
    const utf16 = (t: string) =>
      new Uint8Array([0xff, 0xfe, ...[...t].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
    for (const [name, bytes, rows] of [
      ['mixed.csv', utf8(mixed), 4],
      ['mixed-split.csv', utf8(split), 8005],
      ['mixed-gb.csv', gb18030(mixed), 4],
      ['mixed-16.csv', utf16(mixed), 4],
      ['cr-in-cell.csv', utf8(lines.join('').replace('乙局', '乙\r局')), 4],
      ['cr-in-cell-gb.csv', gb18030(lines.join('').replace('乙局', '乙\r局')), 4],
    ] as const) {
      const r = await both(name, bytes);
      expect([name, r.onDisk]).toEqual([name, r.inMemory]);
      expect([name, r.onDisk]).toMatchObject([name, { read: rows, loaded: rows, rejected: 0, warnings: 1 }]);
      expect([name, r.diskState]).toEqual([name, r.memoryState]);
    }
  }, 60_000);

  it('leaves small files, other formats and blank files to the in-memory path', async () => {
    const path = join(dir, 'small.csv');
    await writeFile(path, HEADER + row('A'));
    expect(await csvOnDisk(path, 'small.csv', {})).toBeUndefined();
    const json = join(dir, 'a.json');
    await writeFile(json, '[{"a":1}]');
    expect(await csvOnDisk(json, 'a.json', {}, 0)).toBeUndefined();
    const blank = join(dir, 'blank.csv');
    await writeFile(blank, ' \n\n ');
    expect(await csvOnDisk(blank, 'blank.csv', {}, 0)).toBeUndefined();
  });
});
