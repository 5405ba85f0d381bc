import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import type { Engine } from '../src/engine/types.ts';
import { directCsv } from '../src/import/formats/direct-csv.ts';
import { importFile } from '../src/import/import-file.ts';
import { ledgerEntries } from '../src/import/ledger-query.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

let bytesEngine: NodeEngine;
let textEngine: NodeEngine;
/** The same engine without registerBytes: every file takes the decode-to-text path. */
let textOnly: Engine;
beforeAll(async () => {
  [bytesEngine, textEngine] = await Promise.all([NodeEngine.create(), NodeEngine.create()]);
  textOnly = {
    name: textEngine.name,
    registerText: (f, t) => textEngine.registerText(f, t),
    query: (q, p) => textEngine.query(q, p),
    exec: (q) => textEngine.exec(q),
    close: () => textEngine.close(),
  };
});
afterAll(async () => {
  await bytesEngine.close();
  await textEngine.close();
});

async function both(name: string, bytes: Uint8Array) {
  const a = await importFile(bytesEngine, name, bytes);
  const b = await importFile(textOnly, name, bytes);
  const rows = async (e: Engine) =>
    (await e.query('SELECT * EXCLUDE (_row) FROM cases ORDER BY case_id')).toArray().map((r) => r.toJSON());
  const ledger = async (e: Engine) => (await ledgerEntries(e, 1000)).map(({ file: _, ...rest }) => rest);
  return {
    a,
    b,
    rowsA: await rows(bytesEngine),
    rowsB: await rows(textOnly),
    ledgerA: await ledger(bytesEngine),
    ledgerB: await ledger(textOnly),
  };
}

describe('UTF-8 CSV handed to DuckDB as bytes', () => {
  it('is taken for UTF-8 CSV, with the BOM and title rows skipped in bytes', async () => {
    expect((await directCsv(fixture('cases.csv'), 'cases.csv'))?.encoding).toBe('utf-8');
    const bom = await directCsv(fixture('cases-bom.csv'), 'cases-bom.csv');
    expect(bom?.encoding).toBe('utf-8-bom');
    expect(bom?.bytes[0]).not.toBe(0xef);
    const titled = await directCsv(utf8('2025年办件统计表\n\n办件编号,受理部门\nA1,甲局\n'), 'x.csv');
    expect(titled?.titleRows).toBe(1);
    expect(titled?.headerRow).toBe(3);
    expect(new TextDecoder().decode(titled?.bytes)).toBe('办件编号,受理部门\nA1,甲局\n');
  });

  it('is not taken for GB18030, UTF-16, NUL bytes, other formats or blank files', async () => {
    expect(await directCsv(fixture('cases-gb18030-title.csv'), 'g.csv')).toBeUndefined();
    expect(await directCsv(fixture('cases.csv'), 'cases.csv', 'gb18030')).toBeUndefined();
    expect(await directCsv(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'u.csv')).toBeUndefined();
    expect(await directCsv(utf8('a,b\n1,\u00002\n'), 'n.csv')).toBeUndefined();
    expect(await directCsv(fixture('cases.xlsx'), 'cases.xlsx')).toBeUndefined();
    expect(await directCsv(utf8(' \n\n'), 'blank.csv')).toBeUndefined();
  });

  it('checks the whole file in pieces: a character cut by a piece boundary is valid, a bad byte or NUL far in is found', async () => {
    // 1 MiB pieces: '字' (3 bytes) starts 1 byte before the first boundary.
    const head = '办件编号,受理部门\n';
    const pad = 'a'.repeat((1 << 20) - new TextEncoder().encode(head).length - 1);
    const across = utf8(`${head}${pad}字,x\n`);
    expect((await directCsv(across, 'x.csv'))?.encoding).toBe('utf-8');
    const far = 3 * (1 << 20) + 5;
    const body = `${head}${'b'.repeat(far)}\n`;
    const invalid = utf8(body);
    invalid[far] = 0xff;
    expect(await directCsv(invalid, 'x.csv')).toBeUndefined();
    const nul = utf8(body);
    nul[far] = 0;
    expect(await directCsv(nul, 'x.csv')).toBeUndefined();
    // A lone lead byte at the very end is invalid (the last piece is decoded without `stream`).
    expect(await directCsv(new Uint8Array([...utf8(head), 0xe5]), 'x.csv')).toBeUndefined();
  });

  it.each(['cases.csv', 'cases-bom.csv', 'cases.tsv', 'cases-semicolon.csv', 'cases-gb18030-title.csv'])(
    'loads %s exactly as the text path does: same ledger, same rows',
    async (name) => {
      const r = await both(name, fixture(name));
      expect(r.a).toEqual(r.b);
      expect(r.a.loaded).toBeGreaterThan(0);
      expect(r.rowsA).toEqual(r.rowsB);
      expect(r.ledgerA).toEqual(r.ledgerB);
    },
  );

  it('keeps original line numbers of rejected rows below title rows', async () => {
    const csv =
      '某县政务服务办件明细\n办件编号,事项名称,受理部门,申报渠道,申请时间\nA1,事项,甲局,窗口,2025-03-01 09:00:00\nA2,事项,甲局,窗口,not a date\n';
    const r = await both('titled.csv', utf8(csv));
    expect(r.a).toEqual(r.b);
    expect(r.a.rejected).toBe(1);
    expect(r.ledgerA.find((e) => e.severity === 'reject')?.row).toBe(4);
  });
});
