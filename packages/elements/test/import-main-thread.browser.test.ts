import { WasmEngine } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { directCsv } from '../../core/src/import/formats/direct-csv.ts';
import { importFile } from '../../core/src/import/import-csv.ts';
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

/** Counts the page's yields (scheduler.yield, which yield-to-host.ts uses in Chromium) while `work` runs. */
async function countingYields<T>(work: () => Promise<T>): Promise<{ result: T; yields: number }> {
  const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
  const original = scheduler.yield;
  let yields = 0;
  scheduler.yield = function (this: unknown) {
    yields++;
    return original.call(this);
  };
  try {
    return { result: await work(), yields };
  } finally {
    scheduler.yield = original;
  }
}

describe('importing a file keeps the UI thread free', () => {
  it('validates a 30 MB UTF-8 file in slices that yield to the page, not in one task', async () => {
    const bytes = casesCsv(200_000);
    expect(bytes.length).toBeGreaterThan(30e6);
    const { result, yields } = await countingYields(() => directCsv(bytes, 'big.csv'));
    expect(result?.encoding).toBe('utf-8');
    // One synchronous pass would yield 0 times; the slices are ~10 ms, and 30 MB of mostly CJK UTF-8
    // takes far longer than one slice to validate on any machine.
    expect(yields).toBeGreaterThan(2);
  });

  it('imports a few-MB file through DuckDB-WASM with no main-thread task over 50 ms', async () => {
    const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
    const engine = new WasmEngine(db, 'main_thread');
    const bytes = casesCsv(40_000);
    // Warm-up on a tiny file: first-use costs (Intl time-zone data, compiling the import code) are not the file's.
    await importFile(engine, 'warm.csv', casesCsv(10));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    try {
      const summary = await importFile(engine, 'few-mb.csv', bytes);
      expect(summary).toMatchObject({ dataset: 'cases', read: 40_000, loaded: 40_000, rejected: 0 });
      await new Promise((ok) => setTimeout(ok, 100));
      tasks.push(...observer.takeRecords().map((e) => e.duration));
      expect(tasks.filter((ms) => ms > 50)).toEqual([]);
    } finally {
      observer.disconnect();
      await engine.close();
    }
  });
});
