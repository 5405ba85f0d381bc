/**
 * Long loops over a file's bytes on the browser's UI thread run in slices: after about SLICE_MS of work
 * the loop gives the event loop a turn (input, rendering), so no task blocks the page for more than 50 ms
 * (a "long task"). In Node this only costs a timer turn per slice.
 */
export const SLICE_MS = 10;

/** Lets the host run other tasks, then resumes (scheduler.yield where the browser has it: no 4 ms clamp). */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * A slice clock: await the returned function between small pieces of work; it yields to the host once
 * `sliceMs` have passed since the last yield, and otherwise returns at once.
 */
export function sliceClock(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return yieldToHost().then(() => {
      since = performance.now();
    });
  };
}

/** Bytes copied between two looks at the slice clock (a few ms of memcpy). */
const COPY_PIECE = 4 << 20;

/** One new buffer holding `parts` in order, copied piece by piece between yields (files reach 100s of MB). */
export async function concatInSlices(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  const tick = sliceClock();
  let offset = 0;
  for (const part of parts) {
    for (let at = 0; at < part.byteLength; at += COPY_PIECE) {
      const piece = part.subarray(at, at + COPY_PIECE);
      out.set(piece, offset);
      offset += piece.byteLength;
      const turn = tick();
      if (turn) await turn;
    }
  }
  return out;
}

/** UTF-16 code units encoded per piece. */
const ENCODE_PIECE = 1 << 20;

/** `new TextEncoder().encode(text)`, piece by piece between yields; a piece never splits a surrogate pair. */
export async function encodeUtf8InSlices(text: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const tick = sliceClock();
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + ENCODE_PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    parts.push(encoder.encode(text.slice(at, end)));
    at = end;
    const turn = tick();
    if (turn) await turn;
  }
  return parts.length === 1 && parts[0] ? parts[0] : concatInSlices(parts);
}
