import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';

/**
 * A worker that dies must never leave a frozen page: the query waiting on it fails at once, the
 * dashboard shows an error with Retry, and Retry starts a fresh worker and shows the same numbers.
 * (Own test page, so its workers are its own; the crash is the worker's real death by terminate() plus
 * the error event a worker raises when it dies of an uncaught error.)
 */
const created: Worker[] = [];
const Original = window.Worker;
window.Worker = class extends Original {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    created.push(this);
  }
} as typeof Worker;

await import('../src/index.ts');
type Dashboard = HTMLElement & {
  results: { key: string; value: number | null }[];
  select(s: { dataset: string; column: string; value: string; label: string }[]): Promise<void>;
};

const waitFor = (el: HTMLElement, type: string) =>
  new Promise<CustomEvent>((resolve) =>
    el.addEventListener(type, (e) => resolve(e as CustomEvent), { once: true }),
  );

describe('worker crash', () => {
  it('shows an error with Retry instead of hanging, and Retry recovers on a new worker', async () => {
    const el = document.createElement('assessment-dashboard') as Dashboard;
    el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
    el.setAttribute('lang', 'zh-CN');
    el.setAttribute('src', URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' })));
    const ready = waitFor(el, 'ad-ready');
    document.body.append(el);
    await ready;
    const before = el.results.map((r) => [r.key, r.value]);
    expect(before.length).toBeGreaterThan(5);
    expect(created).toHaveLength(1);

    // A filter is in flight when the worker dies.
    const failed = waitFor(el, 'ad-error');
    const pending = el.select([{ dataset: 'cases', column: 'dept_name', value: '甲局', label: '甲局' }]);
    const worker = created[0] as Worker;
    worker.terminate();
    worker.dispatchEvent(new ErrorEvent('error', { message: 'simulated out-of-memory' }));
    const error = await failed;
    await pending;
    expect(error.detail.kind).toBe('crash');
    expect(error.detail.message).toContain('simulated out-of-memory');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const alert = el.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('分析引擎意外停止');
    const retry = [...(alert?.querySelectorAll('button') ?? [])].find((b) => b.textContent === '重试');
    expect(retry).toBeDefined();

    const again = waitFor(el, 'ad-ready');
    retry?.click();
    await again;
    expect(created).toHaveLength(2);
    expect(el.results.map((r) => [r.key, r.value])).toEqual(before);
    el.remove();
  }, 60_000);
});
