import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { countDuckDBWorkers } from './duckdb-workers.ts';

/**
 * Mounting and removing the dashboard many times must not pile up workers: one DuckDB worker serves the
 * page while any dashboard is on it, and it is terminated once the last one is gone. (A fresh module
 * graph: this file is its own test page, so no other test's engine is shared.)
 */
const { created, live } = countDuckDBWorkers();

const { IDLE_TERMINATE_MS } = await import('../src/duckdb/shared-db.ts');
await import('../src/index.ts');

const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

function mount(src: string): { el: HTMLElement; ready: Promise<unknown> } {
  const el = document.createElement('assessment-dashboard');
  el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
  el.setAttribute('src', src);
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('ad-ready', resolve, { once: true });
    el.addEventListener('ad-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), {
      once: true,
    });
  });
  document.body.append(el);
  return { el, ready };
}

/** Main-thread JS heap after a full collection (Chromium started with --expose-gc and precise memory info). */
async function heapAfterGc(): Promise<number> {
  const w = window as unknown as { gc: () => void; performance: { memory: { usedJSHeapSize: number } } };
  for (let i = 0; i < 3; i++) {
    w.gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  return w.performance.memory.usedJSHeapSize;
}

describe('lifecycle', () => {
  it('mounts and removes the dashboard 50 times: one worker, terminated at the end, heap back within 10 %', async () => {
    const src = blobUrl(SMALL_CASES);
    // Warm-up: the first dashboard loads modules, fonts and caches that stay for the page's life.
    const first = mount(src);
    await first.ready;
    first.el.remove();
    await new Promise((r) => setTimeout(r, IDLE_TERMINATE_MS + 500));
    const baseline = await heapAfterGc();
    for (let i = 0; i < 50; i++) {
      const { el, ready } = mount(src);
      ready.catch(() => {});
      // Every tenth dashboard loads completely; the others are removed mid-load.
      if (i % 10 === 9) await ready;
      el.remove();
    }
    // One worker for the warm-up, ended; then one shared by all fifty.
    expect(created.length).toBe(2);
    expect(live.size).toBe(1);
    await new Promise((r) => setTimeout(r, IDLE_TERMINATE_MS + 500));
    expect(live.size).toBe(0);
    expect(document.querySelectorAll('assessment-dashboard').length).toBe(0);
    const after = await heapAfterGc();
    console.info(
      `heap after warm-up ${baseline} B, after 50 mounts ${after} B (${((after / baseline - 1) * 100).toFixed(1)} %)`,
    );
    expect(after / baseline).toBeLessThanOrEqual(1.1);
  }, 120_000);
});
