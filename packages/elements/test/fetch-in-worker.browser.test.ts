import { scannedAsArrived } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { fetchInWorker, fetchWorkerFrom } from '../src/load/fetch-in-worker.ts';
import { FetchError, type FetchProgress, TooLargeError } from '../src/load/fetch-with-progress.ts';

/**
 * The data file's download in a worker (fetch.worker.ts, from source here; the build makes it one classic
 * script beside the DuckDB-WASM files): the page gets the same bytes, progress and errors as from its own
 * download, the UTF-8 verdict with the bytes, and its own download where the worker cannot start.
 */
const worker = () => new Worker(new URL('../src/load/fetch.worker.ts', import.meta.url), { type: 'module' });
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname.replace(/\/?$/, '/');

/** A CSV of about `mb` megabytes (Chinese text: multi-byte UTF-8) and `tail` bytes, as a URL the worker can fetch. */
function csvUrl(mb: number, tail: number[] = []): { url: string; bytes: Uint8Array } {
  const row = '2025-01-02 09:30:00,县市场监督管理局,个体工商户设立登记,网上(PC),已办结\n';
  const text = `受理时间,受理部门,事项名称,申报渠道,办理状态\n${row.repeat(Math.ceil((mb * 2 ** 20) / 90))}`;
  const bytes = new Uint8Array([...new TextEncoder().encode(text), ...tail]);
  return { url: URL.createObjectURL(new Blob([bytes], { type: 'text/csv' })), bytes };
}

/** Byte for byte (expect's deep equality takes seconds over megabytes). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('a source file downloaded in a worker', () => {
  it('gives the same bytes, with progress and the UTF-8 verdict made while they arrived', async () => {
    const { url, bytes } = csvUrl(6);
    const seen: FetchProgress[] = [];
    const got = await fetchInWorker(worker, url, (p) => seen.push(p));
    expect(got.length).toBe(bytes.length);
    expect(same(got, bytes)).toBe(true);
    expect(seen.at(-1)).toEqual({ loaded: bytes.length, total: bytes.length });
    expect(scannedAsArrived.get(got)?.valid).toBe(true);
  });

  it('notes invalid UTF-8 (a GB18030 export) as the page’s own download would', async () => {
    // 县 in GB18030 (0xCF 0xD8): not UTF-8.
    const { url, bytes } = csvUrl(1, [0xcf, 0xd8, 0x0a]);
    const got = await fetchInWorker(worker, url, () => {});
    expect(same(got, bytes)).toBe(true);
    expect(scannedAsArrived.get(got)?.valid).toBe(false);
  });

  it('fails as the page’s download fails: HTTP status, size limit', async () => {
    const missing = fetchInWorker(worker, `${FIXTURES}missing.csv`, () => {});
    await expect(missing).rejects.toBeInstanceOf(FetchError);
    await expect(missing).rejects.toMatchObject({ status: 404 });
    const { url, bytes } = csvUrl(2);
    const big = fetchInWorker(worker, url, () => {}, undefined, 1_000_000);
    await expect(big).rejects.toBeInstanceOf(TooLargeError);
    await expect(big).rejects.toMatchObject({ size: bytes.length, limit: 1_000_000 });
  });

  it('stops at once when cancelled, ending the worker', async () => {
    const { url } = csvUrl(8);
    const stop = new AbortController();
    let started: Worker | undefined;
    const reading = fetchInWorker(
      () => (started = worker()),
      url,
      () => stop.abort(new DOMException('cancelled', 'AbortError')),
      stop.signal,
    );
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBeDefined();
  });

  it('downloads on the page’s thread where the worker file is missing', async () => {
    const { url, bytes } = csvUrl(1);
    const got = await fetchInWorker(fetchWorkerFrom(`${FIXTURES}wasm-missing/`), url, () => {});
    expect(same(got, bytes)).toBe(true);
    const none = await fetchInWorker(
      () => undefined,
      url,
      () => {},
    );
    expect(same(none, bytes)).toBe(true);
  });
});
