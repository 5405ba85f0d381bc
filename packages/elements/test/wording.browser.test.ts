import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const dashboard = async (lang: string) => {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('lang', lang);
  el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
};
const text = (el: HTMLElement) => el.shadowRoot?.textContent?.replaceAll(/\s+/g, ' ') ?? '';

describe('wording for analysts, not developers', () => {
  it('the empty drop zone invites a file and never mentions the src attribute', async () => {
    for (const [lang, expected] of [
      ['zh-CN', '尚未载入数据。'],
      ['en', 'No data loaded yet.'],
    ] as const) {
      const el = await dashboard(lang);
      const zone = el.shadowRoot?.querySelector('[part="dropzone"]') as HTMLElement;
      expect(zone.textContent).toContain(expected);
      expect(zone.textContent).not.toMatch(/src|属性|attribute|<assessment-dashboard/);
    }
  });

  it('a local file is "being read", bytes of its size, not "downloading (0 KB)"', async () => {
    for (const [lang, expected] of [
      ['zh-CN', '正在读取 cases.csv：1 / 2 KB'],
      ['en', 'Reading cases.csv: 1 / 2 KB'],
    ] as const) {
      const el = await dashboard(lang);
      const file = new File(['x'.repeat(2048)], 'cases.csv');
      // Hold the read open after its first kilobyte so the progress line can be looked at.
      Object.defineProperty(file, 'stream', {
        value: () =>
          new ReadableStream<Uint8Array>({
            start: (c) => c.enqueue(new Uint8Array(1024)),
            pull: () => new Promise(() => {}),
          }),
      });
      const loading = el.loadFiles([file]);
      await vi.waitFor(() => expect(text(el)).toContain(expected), { timeout: 5_000 });
      expect(text(el), text(el)).not.toMatch(/正在下载|Downloading|\b0 KB/);
      el.cancel();
      await loading;
    }
  });
});
