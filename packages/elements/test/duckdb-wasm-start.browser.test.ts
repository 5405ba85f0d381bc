import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import '../src/index.ts';
import { checkWasm } from '../src/duckdb/wasm-check.ts';

/**
 * A wasm the browser cannot compile (an HTML page in its place, a 404 page, the wrong MIME type) is
 * reported at once, in the page's language, naming what the server sent, instead of after the 60 s
 * start-up timeout. The asset bases are real folders the test server serves: the real worker (imported by
 * a one-line script) beside a wasm that is not one (fixtures/wasm-html) or no wasm at all (wasm-missing).
 */
type Dashboard = HTMLElement & { updateComplete: Promise<unknown> };
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname.replace(/\/?$/, '/');

async function failure(assetBase: string, lang: string): Promise<{ ms: number; text: string }> {
  const el = document.createElement('assessment-dashboard') as Dashboard;
  el.setAttribute('asset-base', assetBase);
  el.setAttribute('lang', lang);
  el.setAttribute('src', URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' })));
  const started = performance.now();
  const settled = new Promise<Event>((resolve) => {
    el.addEventListener('ad-error', resolve, { once: true });
    el.addEventListener('ad-ready', resolve, { once: true });
  });
  document.body.append(el);
  mounted.push(el);
  const event = await settled;
  expect(event.type).toBe('ad-error');
  const ms = performance.now() - started;
  await el.updateComplete;
  return {
    ms,
    text: el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replaceAll(/\s+/g, ' ') ?? '',
  };
}

describe('a wasm that cannot compile', () => {
  it('an HTML page served as the wasm: reported within seconds, in Chinese and in English', async () => {
    const zh = await failure(`${FIXTURES}wasm-html/`, 'zh-CN');
    expect(zh.ms).toBeLessThan(15_000);
    expect(zh.text).toContain('分析引擎启动失败');
    expect(zh.text).toContain(
      'wasm-html/duckdb-eh.wasm 不是分析引擎文件（WebAssembly），可能是服务器返回的网页',
    );
    const en = await failure(`${FIXTURES}wasm-html/`, 'en');
    expect(en.ms).toBeLessThan(15_000);
    expect(en.text).toContain('is not the analysis engine (WebAssembly) file');
  });

  it('no wasm in the folder: the status or the MIME type the server answered with is named', async () => {
    const { ms, text } = await failure(`${FIXTURES}wasm-missing/`, 'zh-CN');
    expect(ms).toBeLessThan(15_000);
    expect(text).toContain(
      'wasm-missing/duckdb-eh.wasm（HTTP 404）。请确认已把 duckdb/ 文件夹与脚本一起部署',
    );
  });
});

describe('checkWasm', () => {
  const served = (bytes: Uint8Array<ArrayBuffer>, type: string) =>
    URL.createObjectURL(new Blob([bytes], { type }));
  const wasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  it('names the MIME type a server sent the wasm with, and accepts a wasm served as application/wasm', async () => {
    const octets = served(wasm, 'application/octet-stream');
    expect(await checkWasm(octets)).toEqual({ kind: 'mime', url: octets, type: 'application/octet-stream' });
    expect(await checkWasm(served(wasm, 'application/wasm'))).toBeUndefined();
    const html = served(new TextEncoder().encode('<!doctype html>'), 'application/wasm');
    expect(await checkWasm(html)).toEqual({ kind: 'not-wasm', url: html, type: 'application/wasm' });
  });
});

describe('the early worker', () => {
  it('compiles the wasm before the API chunk is needed, and AsyncDuckDB takes it over without a stray answer', async () => {
    const { earlyWorker } = await import('../src/duckdb/duckdb-worker.ts');
    const { startDuckDB } = await import('../src/duckdb/start-duckdb.ts');
    const api = await import('@duckdb/duckdb-wasm');
    const base = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.href).href;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const early = earlyWorker(base);
      expect(early).toBeDefined();
      // Taken over at once, while the wasm compiles: AsyncDuckDB must not hear the early INSTANTIATE's answer.
      const db = await startDuckDB(api, base, 30_000, () => {}, early);
      await expect(early?.instantiated).resolves.toBeUndefined();
      const conn = await db.connect();
      expect((await conn.query('SELECT 40 + 2 AS n')).get(0)?.toJSON()).toEqual({ n: 42 });
      await conn.close();
      await db.terminate();
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('unassociated'))).toEqual([]);
  });
});
