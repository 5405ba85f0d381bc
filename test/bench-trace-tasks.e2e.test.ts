import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the bench, without types
import { mainThreadTasks, startTaskTrace, tracedLongTasks } from '../bench/trace-tasks.mjs';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import { launchChromium } from './helpers.ts';

/**
 * The bench counts the page's long tasks from a trace (bench/trace-tasks.mjs), because the Long Tasks API
 * misses some: here, 90 ms of script run after a fetch() body resolves, and 70 ms after a timer.
 */
let browser: Browser;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-trace-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title><p>page</p>');
  browser = await launchChromium();
  server = await preview(dir, 0);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Record = { window: [number, number]; count: number; maxMs: number };

describe('long tasks from a trace of the page', () => {
  it('counts the blocking the Long Tasks API sees and the one it does not, in the window asked', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${server.url}index.html`);
    const cdp = await context.newCDPSession(tab);
    const trace = await startTaskTrace(cdp, tab);
    const record: Record = await tab.evaluate(async () => {
      const busy = (ms: number) => {
        const end = performance.now() + ms;
        while (performance.now() < end);
      };
      const seen: number[] = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) seen.push(e.duration);
      }).observe({ type: 'longtask' });
      const from = performance.now();
      await new Promise<void>((ok) =>
        setTimeout(() => {
          busy(70);
          ok();
        }),
      );
      await fetch(location.href).then((r) => r.arrayBuffer());
      busy(90);
      const to = performance.now();
      await new Promise((ok) => setTimeout(ok, 200));
      busy(60); // after the window
      await new Promise((ok) => setTimeout(ok, 200));
      return { window: [from, to], count: seen.length, maxMs: Math.max(0, ...seen) };
    });
    const tasks = await trace.stop();
    await context.close();
    const traced = tracedLongTasks(record, tasks);
    expect(traced.source).toBe('trace');
    // The timer's task, then the continuation after the fetch (a busy machine may add others, never fewer);
    // the 60 ms after the window are not counted.
    const each = traced.each as [number, number][];
    expect(traced.count).toBeGreaterThanOrEqual(2);
    const timer = each.find(([, ms]) => ms >= 70);
    const afterFetch = each.find(([at, ms]) => ms >= 90 && at > (timer?.[0] ?? Infinity));
    expect(timer).toBeDefined();
    expect(afterFetch).toBeDefined();
    expect(each.every(([at]) => at <= record.window[1] - record.window[0])).toBe(true);
    // the API's own figures kept beside them: never more than the trace's
    expect(traced.observed.count).toBeLessThanOrEqual(traced.count);
  });

  it('keeps only the marked thread’s top-level tasks and checkpoints, on the page’s clock', () => {
    const X = (name: string, ts: number, dur: number, tid = 1) => ({ name, ph: 'X', ts, dur, pid: 7, tid });
    const events = [
      { name: 'bench-clock', ph: 'R', ts: 1_000_000, pid: 7, tid: 1 },
      X('ThreadControllerImpl::RunTask', 1_100_000, 80_000),
      X('ThreadControllerImpl::RunTask', 1_120_000, 55_000), // nested in the one before
      X('BlinkScheduler_PerformMicrotaskCheckpoint', 1_300_000, 60_000),
      X('ThreadControllerImpl::RunTask', 1_400_000, 90_000, 2), // another thread
    ];
    // the mark was made at 500 ms of the page's clock: trace 1,000 ms ↔ page 500 ms
    expect(mainThreadTasks(events, 500)).toEqual([
      { start: 600, ms: 80 },
      { start: 800, ms: 60 },
    ]);
    expect(mainThreadTasks(events.slice(1), 500)).toBeUndefined();
  });
});
