// Recorded the same way on every engine's page: main-thread long tasks (PerformanceObserver 'longtask',
// > 50 ms of the UI thread blocked; workers are not observed) and the main-thread JS heap.
const tasks = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
});
observer.observe({ type: 'longtask', buffered: true });

/** Long tasks that started in [from, to): count, total and longest (ms). */
export function longTasks(from, to) {
  for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, ms: e.duration });
  const within = tasks.filter((t) => t.start >= from && t.start < to);
  const ms = within.map((t) => t.ms);
  return {
    count: ms.length,
    totalMs: ms.reduce((a, b) => a + b, 0),
    maxMs: Math.max(0, ...ms),
    // each task as [start from `from`, duration], ms
    each: within.map((t) => [Math.round(t.start - from), Math.round(t.ms)]),
  };
}

/** performance.memory's used JS heap of the page's main thread, MB (Chromium only; workers not included). */
export const jsHeapMB = () => (performance.memory ? performance.memory.usedJSHeapSize / 1e6 : undefined);

/** Resolves after the next frame has been painted. */
export const nextPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
