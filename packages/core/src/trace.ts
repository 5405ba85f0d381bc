/**
 * Step timings for the bench (bench/pages/ours.js): when the host page sets `globalThis.__adTrace` to an
 * array, each traced step pushes its name, start and duration (ms, `performance.now()`); otherwise tracing
 * costs one property read.
 */
export interface TraceEntry {
  step: string;
  start: number;
  ms: number;
}

const sink = (): TraceEntry[] | undefined => {
  const t = (globalThis as { __adTrace?: unknown }).__adTrace;
  return Array.isArray(t) ? (t as TraceEntry[]) : undefined;
};

/** Runs `work`, recording how long it took under `step` when tracing is on. */
export async function traced<T>(step: string | (() => string), work: () => Promise<T>): Promise<T> {
  const out = sink();
  if (!out) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    out.push({ step: typeof step === 'string' ? step : step(), start, ms: performance.now() - start });
  }
}
