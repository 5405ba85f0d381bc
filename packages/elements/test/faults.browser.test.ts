import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { countDuckDBWorkers } from './duckdb-workers.ts';

/**
 * Faults while loading (issue 19): a download cut halfway, a damaged snapshot with and without the
 * sources beside it, and the DuckDB worker killed in the middle of an import. Each ends in a clear state
 * (or the live data), never a half-loaded page, and Retry recovers. (Own test page: its workers are its
 * own; the worker killed is the real one, by terminate() plus the error event a dying worker raises.)
 */
const { created } = countDuckDBWorkers();
await import('../src/index.ts');

type Dashboard = HTMLElement & {
  updateComplete: Promise<unknown>;
  results: { key: string; value: number | null }[];
  _state: { phase: string };
};
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const realFetch = window.fetch;
const mounted: HTMLElement[] = [];
afterEach(() => {
  window.fetch = realFetch;
  for (const el of mounted.splice(0)) el.remove();
});

function mount(attrs: Record<string, string>): Dashboard {
  const el = document.createElement('assessment-dashboard') as Dashboard;
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('lang', 'zh-CN');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const settled = (el: HTMLElement) =>
  new Promise<CustomEvent>((resolve) => {
    el.addEventListener('ad-ready', (e) => resolve(e as CustomEvent), { once: true });
    el.addEventListener('ad-error', (e) => resolve(e as CustomEvent), { once: true });
  });

const alertOf = async (el: Dashboard) => {
  await el.updateComplete;
  return el.shadowRoot?.querySelector('[role="alert"]') as HTMLElement | null;
};
const retryButton = (alert: HTMLElement | null) =>
  [...(alert?.querySelectorAll('button') ?? [])].find((b) => b.textContent === '重试');
const onlineRate = (el: Dashboard) => el.results.find((r) => r.key === 'case.online_apply_rate')?.value;

/** Serves `url` with the first half of `text`, then drops the connection (the body stream errors). */
function cutHalfway(url: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  window.fetch = async (input, init) => {
    if (String(input).endsWith(url)) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, bytes.length >> 1));
          setTimeout(() => controller.error(new TypeError('network error')), 10);
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv' } });
    }
    return realFetch(input, init);
  };
}

describe('faults while loading', () => {
  it('a download cut halfway names the file, shows nothing half-loaded, and Retry loads it whole', async () => {
    const url = '/cut/cases.csv';
    cutHalfway(url, SMALL_CASES);
    const el = mount({ src: url });
    const failed = await settled(el);
    expect(failed.type).toBe('ad-error');
    expect(failed.detail.kind).toBe('fetch');
    expect(failed.detail.file).toBe(url);
    expect(failed.detail.message).toMatch(/download stopped after \d+ bytes/);
    const alert = await alertOf(el);
    expect(alert?.textContent).toContain(`无法加载 ${url}`);
    expect(el.shadowRoot?.querySelectorAll('assessment-kpi-tile').length).toBe(0);
    // The network is back: the same URL now answers whole.
    const blob = URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' }));
    window.fetch = (input, init) => realFetch(String(input).endsWith(url) ? blob : input, init);
    const ready = settled(el);
    retryButton(alert)?.click();
    expect((await ready).type).toBe('ad-ready');
    // 6 of the 10 small cases were applied online.
    expect(onlineRate(el)).toBe(0.6);
  }, 60_000);

  it('a damaged snapshot with the sources beside it falls back to the live data', async () => {
    const snapshot = URL.createObjectURL(
      new Blob([new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 9, 9])]),
    );
    const src = URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' }));
    const el = mount({ snapshot, src });
    expect((await settled(el)).type).toBe('ad-ready');
    expect(onlineRate(el)).toBe(0.6);
  }, 60_000);

  it('a damaged snapshot alone says what is wrong with it', async () => {
    const snapshot = URL.createObjectURL(new Blob([new Uint8Array([1, 2, 3])]));
    const el = mount({ snapshot });
    const failed = await settled(el);
    expect(failed.type).toBe('ad-error');
    expect(failed.detail.file).toBe(snapshot);
    expect(failed.detail.message).toContain('not an Arrow IPC snapshot file');
    expect((await alertOf(el))?.textContent).toContain('not an Arrow IPC snapshot file');
  });

  it('the worker killed in the middle of an import: restarted once by itself; killed again, a clear error, and Retry loads on a new worker', async () => {
    const killed: Worker[] = [];
    const el = mount({ src: URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' })) });
    // Killed as soon as an import starts (the phase the element shows as "importing") on a live worker.
    const killDuringImport = (message: string) =>
      new Promise<void>((resolve) => {
        const poll = () => {
          const worker = created.at(-1) as Worker;
          if (el._state?.phase === 'importing' && !killed.includes(worker)) {
            killed.push(worker);
            worker.terminate();
            worker.dispatchEvent(new ErrorEvent('error', { message }));
            resolve();
          } else setTimeout(poll, 1);
        };
        poll();
      });
    const restarted = new Promise<CustomEvent>((r) =>
      el.addEventListener('ad-engine-restart', (e) => r(e as CustomEvent), { once: true }),
    );
    const failed = settled(el);
    await killDuringImport('simulated crash during import');
    expect((await restarted).detail.message).toContain('simulated crash during import');
    await killDuringImport('simulated crash during the import again');
    const error = await failed;
    expect(error.type).toBe('ad-error');
    expect(error.detail.kind).toBe('crash');
    expect(error.detail.message).toContain('again');
    const alert = await alertOf(el);
    expect(alert?.textContent).toContain('分析引擎意外停止');
    expect(el.shadowRoot?.querySelectorAll('assessment-kpi-tile').length).toBe(0);
    const ready = settled(el);
    retryButton(alert)?.click();
    expect((await ready).type).toBe('ad-ready');
    // Workers started after both killed ones (an earlier test's worker may have been the first killed).
    expect(killed).toHaveLength(2);
    expect(created.indexOf(killed[1] as Worker)).toBe(created.indexOf(killed[0] as Worker) + 1);
    expect(created.indexOf(killed[1] as Worker)).toBeLessThan(created.length - 1);
    expect(onlineRate(el)).toBe(0.6);
  }, 90_000);
});
