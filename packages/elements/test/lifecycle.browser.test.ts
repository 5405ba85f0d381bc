import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';

/**
 * Mounting and removing the dashboard many times must not pile up workers: one DuckDB worker serves the
 * page while any dashboard is on it, and it is terminated once the last one is gone. (A fresh module
 * graph: this file is its own test page, so no other test's engine is shared.)
 */
const live = new Set<Worker>();
const created: Worker[] = [];
const Original = window.Worker;
window.Worker = class extends Original {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    created.push(this);
    live.add(this);
  }
  override terminate() {
    live.delete(this);
    super.terminate();
  }
} as typeof Worker;

const { IDLE_TERMINATE_MS } = await import('../src/duckdb/shared-db.ts');
await import('../src/index.ts');

const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

describe('lifecycle', () => {
  it('mounts and removes the dashboard 50 times with one worker, terminated when the last one leaves', async () => {
    const src = blobUrl(SMALL_CASES);
    for (let i = 0; i < 50; i++) {
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
      // Every tenth dashboard loads completely; the others are removed mid-load.
      if (i % 10 === 9) await ready;
      el.remove();
    }
    expect(created.length).toBe(1);
    expect(live.size).toBe(1);
    await new Promise((r) => setTimeout(r, IDLE_TERMINATE_MS + 500));
    expect(live.size).toBe(0);
    expect(document.querySelectorAll('assessment-dashboard').length).toBe(0);
  }, 120_000);
});
