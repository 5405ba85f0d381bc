import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { drillCases } from '../../core/test/fixtures/drill.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { sharedDuckDB } from '../src/duckdb/shared-db.ts';
import '../src/index.ts';

/**
 * Issue 17, item 6: an analyst's own file shows its bytes read, then its rows parsed, then the computing,
 * in a polite live region; 取消 stops the import and leaves what was shown before (data or the drop zone).
 */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const ROWS = 20_000;
// About 4 MB: drillCases writes ~200 bytes a case.
const BIG = drillCases(ROWS);
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));

function mount(attrs: Record<string, string> = {}): AssessmentDashboard {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('asset-base', ASSETS);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

/** Drops `file` on the element's drop zone, as a file manager would. */
function drop(el: HTMLElement, file: File): void {
  const zone = el.shadowRoot?.querySelector('[part="dropzone"]') as HTMLElement;
  const data = new DataTransfer();
  data.items.add(file);
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

/**
 * Every text the progress line and the live region take, in order (recorded on each DOM change);
 * `onLine` may act on a line as soon as it is shown.
 */
function record(el: HTMLElement, onLine: (text: string) => void = () => {}) {
  const lines: string[] = [];
  const spoken: string[] = [];
  const root = el.shadowRoot as ShadowRoot;
  const look = () => {
    const line = root.querySelector('[part="progress"] p')?.textContent?.trim();
    if (line && line !== lines.at(-1)) {
      lines.push(line);
      onLine(line);
    }
    const live = root.querySelector('[data-live]')?.textContent?.trim() ?? '';
    if (live !== (spoken.at(-1) ?? '')) spoken.push(live);
  };
  const observer = new MutationObserver(look);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return { lines, spoken, stop: () => observer.disconnect() };
}

const ready = (el: HTMLElement) =>
  new Promise<string>((resolve) => {
    el.addEventListener('ad-ready', () => resolve('ready'), { once: true });
    el.addEventListener('ad-error', (e) => resolve(`error ${(e as CustomEvent).detail.message}`), {
      once: true,
    });
  });

/** The databases attached to the page's DuckDB (one per loaded dashboard). */
async function databases(): Promise<string[]> {
  const db = await sharedDuckDB(ASSETS);
  const conn = await db.connect();
  try {
    const t = await conn.query('SELECT database_name FROM duckdb_databases() ORDER BY 1');
    return t.toArray().map((r) => String(r.database_name));
  } finally {
    await conn.close();
  }
}

describe('a dropped local file', () => {
  it('shows its bytes read, then its rows parsed, then the computing; the live region is polite and sparse', async () => {
    const el = mount();
    await el.updateComplete;
    const file = new File([BIG], 'big.csv', { type: 'text/csv' });
    expect(file.size).toBeGreaterThan(3 * 1024 * 1024);
    let liveProgress = false;
    const seen = record(el, () => {
      const block = el.shadowRoot?.querySelector('[part="progress"]');
      if (block?.hasAttribute('aria-live') || block?.hasAttribute('role')) liveProgress = true;
    });
    const phases: string[] = [];
    el.addEventListener('ad-state', (e) => phases.push((e as CustomEvent<{ phase: string }>).detail.phase));
    const done = ready(el);
    drop(el, file);
    expect(await done).toBe('ready');
    seen.stop();
    // ad-state follows every step: each phase in order (the read's and the import's progress repeat theirs).
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual([
      'fetching',
      'starting-engine',
      'importing',
      'computing',
      'ready',
    ]);
    expect(phases.filter((p) => p === 'importing').length).toBeGreaterThan(1);
    const total = (file.size / 1024 / 1024).toFixed(1);
    const bytes = seen.lines.findIndex((l) =>
      new RegExp(`^正在读取 big\\.csv：\\d+\\.\\d / ${total.replace('.', '\\.')} MB$`).test(l),
    );
    const rows = seen.lines.indexOf(`已解析 ${ROWS.toLocaleString('zh-CN')} 行（big.csv），正在检查并载入…`);
    const computing = seen.lines.indexOf('正在计算指标…');
    expect(bytes, seen.lines.join('\n')).toBeGreaterThanOrEqual(0);
    expect(rows).toBeGreaterThan(bytes);
    expect(computing).toBeGreaterThan(rows);
    expect([...seen.lines, ...seen.spoken].join('\n')).not.toMatch(/正在下载|\b0 KB/);
    // The live region: polite, one text at a time, said far less often than the line changed.
    const live = el.shadowRoot?.querySelector('[data-live]') as HTMLElement;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(seen.spoken).toContain('正在计算指标…');
    expect(seen.spoken.length).toBeLessThan(seen.lines.length);
    // The progress block itself is not a second live region.
    expect(liveProgress).toBe(false);
    expect(el.imports[0]?.read).toBe(ROWS);
  }, 120_000);

  it('取消 mid-import keeps the data shown before, and its database is the only one left', async () => {
    const el = mount({
      src: URL.createObjectURL(new Blob([drillCases(300, 11)], { type: 'text/csv' })),
    });
    expect(await ready(el)).toBe('ready');
    await el.select([]);
    await el.updateComplete;
    const root = el.shadowRoot as ShadowRoot;
    const tiles = () => root.querySelector('ul.tiles')?.textContent?.replaceAll(/\s+/g, ' ');
    const shownBefore = tiles();
    const importsBefore = el.imports;
    const resultsBefore = el.results.map((r) => [r.key, r.value]);
    const attached = await databases();
    // The drop zone is gone once data is shown: the file picker's path, as an analyst adding a file.
    let cancelledAt: string | undefined;
    const seen = record(el, (line) => {
      if (line.startsWith('已解析') && !cancelledAt) {
        cancelledAt = line;
        [...root.querySelectorAll<HTMLButtonElement>('[part="progress"] button')]
          .find((b) => b.textContent === '取消')
          ?.click();
      }
    });
    let readyAgain = false;
    el.addEventListener('ad-ready', () => {
      readyAgain = true;
    });
    const loading = el.loadFiles([new File([BIG], 'big.csv')]);
    await loading;
    await el.updateComplete;
    seen.stop();
    expect(cancelledAt).toMatch(/^已解析 20,000 行/);
    // The same dashboard as before, with the message; no second ready.
    expect(root.querySelector('.notice')?.textContent).toContain('已取消导入，仍显示原有数据。');
    expect(root.querySelector('[data-live]')?.textContent).toBe('已取消导入，仍显示原有数据。');
    expect(tiles()).toBe(shownBefore);
    expect(el.imports).toBe(importsBefore);
    expect(readyAgain).toBe(false);
    // The cancelled import's database is detached; the one shown still answers a filter.
    await vi.waitFor(async () => expect(await databases()).toEqual(attached), { timeout: 20_000 });
    await el.select([]);
    expect(el.results.map((r) => [r.key, r.value])).toEqual(resultsBefore);
    const dept = el.results.find((r) => r.key === 'case.online_apply_rate')?.breakdown?.[0]?.key;
    if (dept) {
      await el.select([{ dataset: 'cases', column: 'dept_name', value: dept, label: dept }]);
      const rate = el.results.find((r) => r.key === 'case.online_apply_rate');
      expect(rate?.denominator).toBeLessThan(300);
    }
    const found = await axe.run(el, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    expect(found.violations.map((v) => v.id)).toEqual([]);
    // Dismissed, the message goes.
    root.querySelector<HTMLButtonElement>('.notice button')?.click();
    await el.updateComplete;
    expect(root.querySelector('.notice')).toBeNull();
    // The sources are the ones shown again: a reload reads the 300 cases, not the cancelled file.
    await el.reload();
    expect(el.imports.map((i) => i.read)).toEqual([300]);
  }, 120_000);

  it('取消 with nothing shown before brings back the drop zone, saying the import was cancelled', async () => {
    const el = mount();
    await el.updateComplete;
    const seen = record(el, (line) => {
      if (line.startsWith('正在读取')) el.cancel();
    });
    drop(el, new File([BIG], 'big.csv'));
    const status = () => el.shadowRoot?.querySelector('.state[role="status"]')?.textContent ?? '';
    await vi.waitFor(() => expect(status()).toContain('已取消导入。'));
    seen.stop();
    expect(seen.lines[0]).toMatch(/^正在读取 big\.csv：/);
    expect(el.shadowRoot?.querySelector('[part="dropzone"]')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('[data-live]')?.textContent).toBe('已取消导入');
    expect(el.results).toEqual([]);
  }, 60_000);
});
