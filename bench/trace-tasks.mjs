// Long tasks of the page's main thread from a Chromium trace (`toplevel` category): every task that thread
// ran, whatever started it. The Long Tasks API, which each page records too (pages/probe.js), misses some:
// in this Chromium a promise continuation run when a fetch() body resolves is never reported (checked: 70 ms
// of script after `await fetch(...).arrayBuffer()` gives no entry; after a timer, a worker's message or a
// MessageChannel it does), and Arquero parses the CSV in exactly such a continuation. The trace shows why:
// that continuation runs in a microtask checkpoint the scheduler makes between tasks, not inside a task.

const LONG_US = 50_000;
const RUN_TASK = 'ThreadControllerImpl::RunTask';
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** What blocks the main thread: its tasks, and the microtask checkpoints run between them. */
const BLOCKING = new Set([RUN_TASK, CHECKPOINT]);
const CLOCK_MARK = 'bench-clock';

/**
 * Starts tracing the page behind `cdp`. `stop()` ends it and resolves to the main thread's tasks over
 * 50 ms, as { start, ms } on the page's performance.now() clock.
 */
export async function startTaskTrace(cdp, tab) {
  const kept = [];
  const collect = (e) => {
    for (const ev of e.value) {
      if (
        (BLOCKING.has(ev.name) && ev.ph === 'X' && ev.dur > LONG_US) ||
        ev.name === CLOCK_MARK ||
        (ev.ph === 'M' && ev.name === 'thread_name')
      )
        kept.push(ev);
    }
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  // The page's clock against the trace's: a mark made now, seen in both.
  const markAt = await tab.evaluate((name) => performance.mark(name).startTime, CLOCK_MARK);
  return {
    async stop() {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      // A crashed page never completes its trace: give up after a while rather than hang the bench.
      let timer;
      try {
        await Promise.race([
          done,
          new Promise((_, ko) => {
            timer = setTimeout(() => ko(new Error('trace not completed')), 60_000);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        cdp.off('Tracing.dataCollected', collect);
      }
      return mainThreadTasks(kept, markAt);
    },
  };
}

/** The long tasks and checkpoints of the thread that made the clock mark (the page's main thread), top level only. */
export function mainThreadTasks(events, markAt) {
  const mark = events.find((e) => e.name === CLOCK_MARK);
  if (!mark) return undefined;
  const offsetMs = mark.ts / 1000 - markAt;
  const tasks = events
    .filter((e) => BLOCKING.has(e.name) && e.pid === mark.pid && e.tid === mark.tid)
    .sort((a, b) => a.ts - b.ts);
  const out = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts < end) continue; // nested in the one before (a nested run loop)
    end = t.ts + t.dur;
    out.push({ start: t.ts / 1000 - offsetMs, ms: t.dur / 1000 });
  }
  return out;
}

/**
 * A page's long-task record (probe.js longTasks: its window, the API's count and longest) with the traced
 * tasks of that window in their place; the API's own figures stay beside them as `observed`.
 */
export function tracedLongTasks(record, tasks) {
  if (!record?.window || !tasks) return record;
  const [from, to] = record.window;
  const within = tasks.filter((t) => t.start >= from && t.start < to);
  const ms = within.map((t) => t.ms);
  return {
    count: ms.length,
    totalMs: ms.reduce((a, b) => a + b, 0),
    maxMs: Math.max(0, ...ms),
    each: within.map((t) => [Math.round(t.start - from), Math.round(t.ms)]),
    frames: record.frames,
    observed: { count: record.count, maxMs: record.maxMs },
    source: 'trace',
  };
}
