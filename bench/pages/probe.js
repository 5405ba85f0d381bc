// Recorded the same way on every engine's page: main-thread long tasks (PerformanceObserver 'longtask',
// > 50 ms of the UI thread blocked; workers are not observed) and the main-thread JS heap. The bench replaces
// the long tasks by those of a trace of the same window (trace-tasks.mjs: the API misses some kinds of task).
const tasks = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
});
observer.observe({ type: 'longtask', buffered: true });

// The same tasks' long animation frames (Chromium's LoAF), for what the time went to: scripts by entry
// point, style and layout, and the wait outside both. Diagnostics only: no target reads them.
const frames = [];
const frameObserver =
  PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame') &&
  new PerformanceObserver((list) => {
    for (const f of list.getEntries()) frames.push(describeFrame(f));
  });
if (frameObserver) frameObserver.observe({ type: 'long-animation-frame', buffered: true });

function describeFrame(f) {
  const r = (x) => Math.round(x);
  const scripts = f.scripts.map((s) => ({
    ms: r(s.duration),
    what: `${s.invokerType} ${s.invoker}`.slice(0, 120),
    fn: `${s.sourceFunctionName}@${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`.slice(0, 120),
    layoutMs: r(s.forcedStyleAndLayoutDuration),
    pauseMs: r(s.pauseDuration),
  }));
  return {
    start: f.startTime,
    ms: r(f.duration),
    blockingMs: r(f.blockingDuration),
    // from the frame's start to its rendering, and the rendering's style and layout
    renderAt: f.renderStart ? r(f.renderStart - f.startTime) : undefined,
    layoutMs: f.styleAndLayoutStart ? r(f.startTime + f.duration - f.styleAndLayoutStart) : undefined,
    scriptMs: scripts.reduce((a, s) => a + s.ms, 0),
    scripts: scripts.filter((s) => s.ms >= 5),
  };
}

/** Long tasks that started in [from, to): count, total and longest (ms). */
export function longTasks(from, to) {
  for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, ms: e.duration });
  if (frameObserver) for (const f of frameObserver.takeRecords()) frames.push(describeFrame(f));
  const within = tasks.filter((t) => t.start >= from && t.start < to);
  const ms = within.map((t) => t.ms);
  return {
    // the window, so the bench can put the traced tasks of the same window in place of these (trace-tasks.mjs)
    window: [from, to],
    count: ms.length,
    totalMs: ms.reduce((a, b) => a + b, 0),
    maxMs: Math.max(0, ...ms),
    // each task as [start from `from`, duration], ms
    each: within.map((t) => [Math.round(t.start - from), Math.round(t.ms)]),
    // long animation frames holding a long task (start relative to `from`)
    frames: frames
      .filter((f) => within.some((t) => t.start >= f.start - 1 && t.start < f.start + f.ms))
      .map((f) => ({ ...f, start: Math.round(f.start - from) })),
  };
}

/** performance.memory's used JS heap of the page's main thread, MB (Chromium only; workers not included). */
export const jsHeapMB = () => (performance.memory ? performance.memory.usedJSHeapSize / 1e6 : undefined);

/** Resolves after the next frame has been painted. */
export const nextPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
