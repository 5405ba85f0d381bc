import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { countDuckDBWorkers } from './duckdb-workers.ts';

/**
 * A worker that dies must never leave a frozen page: the query waiting on it fails at once and a fresh
 * worker loads the data again, with the filter that was chosen; if that one dies too, the dashboard shows
 * an error with Retry, and Retry starts a fresh worker and shows the same numbers.
 * (Own test page, so its workers are its own; the crash is the worker's real death by terminate() plus
 * the error event a worker raises when it dies of an uncaught error.)
 */
const { created } = countDuckDBWorkers();

await import('../src/index.ts');
type Dashboard = HTMLElement & {
  selection: readonly unknown[];
  results: { key: string; value: number | null }[];
  select(s: { dataset: string; column: string; value: string; label: string }[]): Promise<void>;
};

const waitFor = (el: HTMLElement, type: string) =>
  new Promise<CustomEvent>((resolve) =>
    el.addEventListener(type, (e) => resolve(e as CustomEvent), { once: true }),
  );

const DEPT = [{ dataset: 'cases', column: 'dept_name', value: '甲局', label: '甲局' }];

/** Ends the worker as a crash does: its real death, then the error event of an uncaught error. */
function crash(worker: Worker | undefined, message: string) {
  worker?.terminate();
  worker?.dispatchEvent(new ErrorEvent('error', { message }));
}

describe('worker crash', () => {
  it('restarts the engine once by itself, keeping the filter; a second crash shows Retry, which recovers', async () => {
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
    await el.select(DEPT);
    const filtered = el.results.map((r) => [r.key, r.value]);
    expect(filtered).not.toEqual(before);
    await el.select([]);
    const errors: CustomEvent[] = [];
    el.addEventListener('ad-error', (e) => errors.push(e as CustomEvent));

    // A filter is in flight when the worker dies: a new engine loads the data again, with that filter.
    const restarted = waitFor(el, 'ad-engine-restart');
    const again = waitFor(el, 'ad-ready');
    const pending = el.select(DEPT);
    crash(created[0], 'simulated trap');
    expect((await restarted).detail.message).toContain('simulated trap');
    await pending;
    await again;
    expect(created).toHaveLength(2);
    expect(errors).toHaveLength(0);
    expect(el.selection).toEqual(DEPT);
    expect(el.results.map((r) => [r.key, r.value])).toEqual(filtered);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const notice = el.shadowRoot?.querySelector('[part="notice"]');
    expect(notice?.textContent).toContain('已自动重新启动');
    expect(el.shadowRoot?.querySelector('[data-live]')?.textContent).toContain('已自动重新启动');

    // The restarted engine dies too: no second restart, the error says so and offers Retry.
    const failed = waitFor(el, 'ad-error');
    const next = el.select([]);
    crash(created[1], 'simulated out-of-memory');
    const error = await failed;
    await next;
    expect(error.detail.kind).toBe('crash');
    expect(error.detail.message).toContain('simulated out-of-memory');
    expect(created).toHaveLength(2);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const alert = el.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('分析引擎意外停止');
    expect(el.shadowRoot?.querySelector('[part="notice"]')).toBeNull();
    const retry = [...(alert?.querySelectorAll('button') ?? [])].find((b) => b.textContent === '重试');
    expect(retry).toBeDefined();

    const recovered = waitFor(el, 'ad-ready');
    retry?.click();
    await recovered;
    expect(created).toHaveLength(3);
    expect(el.results.map((r) => [r.key, r.value])).toEqual(before);
    // Retry is a load asked for: its own crash would be restarted once again.
    const restartedAgain = waitFor(el, 'ad-engine-restart');
    const readyAgain = waitFor(el, 'ad-ready');
    const last = el.select(DEPT);
    crash(created[2], 'simulated trap');
    await restartedAgain;
    await last;
    await readyAgain;
    expect(created).toHaveLength(4);
    el.remove();
  }, 60_000);
});
