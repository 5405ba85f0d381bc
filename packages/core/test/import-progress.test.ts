import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import type { ImportProgress } from '../src/import/options.ts';

// The progress and cancel hooks the browser's load line uses (issue 17: "已解析 120,000 行", 取消).
const utf8 = (s: string) => new TextEncoder().encode(s);
const CASES = [
  '办件编号,受理部门,申报渠道,申请时间,受理时间,办结时间,是否网上办结,办理状态',
  'A1,县民政局,网上,2024-01-02 09:00:00,2024-01-02 10:00:00,2024-01-05 16:00:00,是,已办结',
  'A2,县民政局,窗口,2024-01-03 09:05:00,2024-01-03 09:30:00,,否,办理中',
  'A1,县民政局,窗口,2024-01-05 09:00:00,,,否,已申报',
].join('\n');

let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(async () => {
  await engine.close();
});

describe('importFile progress and cancel', () => {
  it('tells the rows parsed (every data line, the duplicate too) before typing them', async () => {
    const seen: ImportProgress[] = [];
    const s = await importFile(engine, 'cases.csv', utf8(CASES), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ stage: 'parsed', rows: 3 }]);
    // The ledger then rejects the repeated A1: 3 read, 2 loaded.
    expect(s).toMatchObject({ read: 3, loaded: 2 });
  });

  it('stops once parsed when the signal aborts there, leaving no table behind', async () => {
    const stop = new AbortController();
    const importing = importFile(engine, 'cases.csv', utf8(CASES), {
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    await expect(importing).rejects.toThrow(/abort/i);
    const tables = await engine.query(
      "SELECT table_name FROM information_schema.tables WHERE table_name IN ('cases', '__raw_import', '__typed_import')",
    );
    expect(tables.numRows).toBe(0);
  });

  it('does not start with a signal already aborted', async () => {
    await expect(
      importFile(engine, 'cases.csv', utf8(CASES), { signal: AbortSignal.abort() }),
    ).rejects.toThrow(/abort/i);
  });
});
