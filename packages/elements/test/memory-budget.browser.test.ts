import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { readWithinMemory } from '../src/dashboard/inputs.ts';
import { TooLargeError } from '../src/load/fetch-with-progress.ts';
import {
  ENGINE_BYTES_PER_FILE_BYTE,
  engineMemory,
  largestFile,
  memoryShortfall,
  WASM_ENGINE_BYTES,
} from '../src/load/memory-budget.ts';

const GiB = 2 ** 30;
const MB = 2 ** 20;

describe('the memory estimate', () => {
  it('gives the engine its wasm32 ceiling, or half a smaller device', () => {
    expect(WASM_ENGINE_BYTES).toBe(3.1 * GiB);
    expect(engineMemory({})).toBe(3.1 * GiB);
    expect(engineMemory({ deviceGiB: 8 })).toBe(3.1 * GiB); // half of 8 GiB = 4 GiB > the ceiling
    expect(engineMemory({ deviceGiB: 4 })).toBe(2 * GiB);
    expect(engineMemory({ deviceGiB: 0 })).toBe(3.1 * GiB); // unknown
  });

  it('lets the bench 3M-case CSV in and keeps 3.5M cases out, at 5.5 bytes per file byte', () => {
    expect(ENGINE_BYTES_PER_FILE_BYTE).toBe(5.5);
    // 546,615,930 × 5.5 = 3,006,387,615 bytes ≤ 3.1 GiB = 3,328,599,654
    expect(memoryShortfall(546_615_930, {})).toBeUndefined();
    // 3.5M cases at the bench's 182.2 bytes per case: 637,718,585 × 5.5 = 3,507,452,217.5 bytes > 3.1 GiB
    expect(memoryShortfall(637_718_585, {})).toEqual({ need: 3_507_452_217.5, available: 3.1 * GiB });
    // On a 1 GiB device the engine gets 512 MiB: 1M cases (182 MB × 5.5 = 1.0 GB) no longer fit.
    expect(memoryShortfall(182_177_399, { deviceGiB: 1 })).toEqual({
      need: 182_177_399 * 5.5,
      available: GiB / 2,
    });
    expect(largestFile({ deviceGiB: 2 })).toBe(Math.floor(GiB / 5.5));
  });

  it('stops a download at the memory limit and says it is memory, not max-mb', async () => {
    const fits = largestFile({ deviceGiB: 2 });
    const read = vi.fn(async (limit: number) => {
      throw new TooLargeError('big.csv', limit + 1, limit);
    });
    const e = await readWithinMemory(512 * MB, read, { deviceGiB: 2 }).catch((x: unknown) => x);
    expect(read).toHaveBeenCalledWith(fits);
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as TooLargeError).memory).toEqual({ need: (fits + 1) * 5.5, available: GiB });
    // Under max-mb's own limit the error stays max-mb's.
    const small = await readWithinMemory(
      10 * MB,
      async (limit) => {
        throw new TooLargeError('a.csv', limit + 1, limit);
      },
      { deviceGiB: 2 },
    ).catch((x: unknown) => x);
    expect((small as TooLargeError).memory).toBeUndefined();
  });
});

describe('<assessment-dashboard> and a file beyond the engine memory', () => {
  const mounted: HTMLElement[] = [];
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
  });

  it('refuses it before reading, naming its size and need and pointing to serve and snapshot (zh and en)', async () => {
    // 3 GiB × 5.5 = 16,896 MB needed; 3.1 GiB = 3,174.4 MB available
    for (const [lang, expected] of [
      [
        'zh-CN',
        [
          '文件过大',
          'huge.csv 大小为 3,072 MB',
          '约需 16,896 MB',
          '可用的 3,174.4 MB',
          'assessment-dashboard serve',
          'snapshot',
        ],
      ],
      [
        'en',
        [
          'File too large',
          'huge.csv is 3,072 MB',
          'about 16,896 MB',
          'the 3,174.4 MB',
          'assessment-dashboard serve',
          'snapshot',
        ],
      ],
    ] as const) {
      const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
      el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
      el.setAttribute('lang', lang);
      el.setAttribute('max-mb', '100000');
      document.body.append(el);
      mounted.push(el);
      await el.updateComplete;
      const readBytes = vi.fn();
      // A reported size only: nothing of the file may be read.
      class Huge extends File {
        override get size() {
          return 3 * GiB;
        }
        override arrayBuffer(): Promise<ArrayBuffer> {
          readBytes();
          return super.arrayBuffer();
        }
      }
      const done = new Promise<string>((resolve) => {
        el.addEventListener('ad-ready', () => resolve('ready'), { once: true });
        el.addEventListener('ad-error', () => resolve('error'), { once: true });
      });
      await el.loadFiles([new Huge([SMALL_CASES], 'huge.csv')]);
      expect(await done).toBe('error');
      await el.updateComplete;
      const alert = el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
      for (const text of expected) expect(alert).toContain(text);
      expect(readBytes).not.toHaveBeenCalled();
    }
  });
});
