import { WasmEngine } from '@assessment-dashboard/core';
import { describe, expect, it, vi } from 'vitest';
import { decodeBytes } from '../../core/src/import/encoding.ts';
import { directCsv } from '../../core/src/import/formats/direct-csv.ts';
import { cutLongLines } from '../../core/src/import/formats/long-lines.ts';
import { importFile } from '../../core/src/import/import-file.ts';
import { concatInSlices } from '../../core/src/yield-to-host.ts';
import { sharedDuckDB } from '../src/duckdb/shared-db.ts';

/** A UTF-8 办件 export of `rows` rows (~150 bytes each, mostly 3-byte characters). */
function casesCsv(rows: number): Uint8Array {
  const lines = [
    '办件编号,事项名称,受理部门,所属领域,申报渠道,申请时间,受理时间,办结时间,承诺办结时限,办理状态',
  ];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `B${String(i).padStart(7, '0')},食品经营许可证核发,县市场监督管理局,市场监管,网上(PC),2024-03-${day} 09:00:00,2024-03-${day} 10:00:00,2024-04-${day} 10:00:00,20个工作日,已办结`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * Runs `work` with a clock on which every slice is already spent (each performance.now() is 100 ms later)
 * and counts the page's yields (scheduler.yield, which yield-to-host.ts uses in Chromium). Work done in one
 * synchronous task yields 0 times whatever the clock says; work done in slices yields at every look at it.
 * This asserts the structure, independent of the machine's speed and load (the bench times long tasks).
 */
async function yieldsOf<T>(work: () => Promise<T>): Promise<{ result: T; yields: number }> {
  const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
  const original = scheduler.yield;
  let yields = 0;
  scheduler.yield = function (this: unknown) {
    yields++;
    return original.call(this);
  };
  let now = performance.now();
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => {
    now += 100;
    return now;
  });
  try {
    return { result: await work(), yields };
  } finally {
    clock.mockRestore();
    scheduler.yield = original;
  }
}

describe('importing a file leaves the UI thread free between slices', () => {
  const bytes = casesCsv(40_000); // ~6 MB
  const mib = Math.ceil(bytes.length / (1 << 20));

  it('checks UTF-8 and NUL bytes, scans line lengths and copies the bytes piece by piece', async () => {
    const checked = await yieldsOf(() => directCsv(bytes, 'big.csv'));
    expect(checked.result?.encoding).toBe('utf-8');
    expect(checked.yields).toBeGreaterThanOrEqual(mib - 1); // one look per 1 MiB piece
    const scanned = await yieldsOf(() => cutLongLines(bytes));
    expect(scanned.result.cut).toBe(0);
    expect(scanned.yields).toBeGreaterThanOrEqual(9); // one look per 4096 of the 40,001 lines
    const copied = await yieldsOf(() => concatInSlices([bytes]));
    expect(copied.result.length).toBe(bytes.length);
    expect(copied.yields).toBeGreaterThanOrEqual(1); // one look per 4 MiB piece
  });

  it('decodes a GB18030 file piece by piece', async () => {
    // 字 = D7 D6 in GB18030; not UTF-8, so the strict UTF-8 pass fails and GB18030 decodes.
    const gb = new Uint8Array(3 << 20).map((_, i) => (i % 2 ? 0xd6 : 0xd7));
    const decoded = await yieldsOf(() => decodeBytes(gb));
    expect(decoded.result.encoding).toBe('gb18030');
    expect(decoded.result.text).toBe('字'.repeat(3 << 19));
    expect(decoded.yields).toBeGreaterThanOrEqual(2);
  });

  it('imports a few-MB file through DuckDB-WASM, yielding while it works on the bytes', async () => {
    const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
    const engine = new WasmEngine(db, 'main_thread');
    try {
      const { result, yields } = await yieldsOf(() => importFile(engine, 'few-mb.csv', bytes));
      expect(result).toMatchObject({ dataset: 'cases', read: 40_000, loaded: 40_000, rejected: 0 });
      // validation + line scan + the copy handed to the worker, at least
      expect(yields).toBeGreaterThanOrEqual(mib - 1 + 9 + 1);
    } finally {
      await engine.close();
    }
  });
});
