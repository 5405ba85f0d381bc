import type { LongLineNotes } from './utf8-scan.ts';
import { UTF8_SIMD_WASM } from './utf8-simd-module.ts';

interface Kernel {
  memory: WebAssembly.Memory;
  scan(n: number, line: number, limit: number, flags: number): number;
  line: WebAssembly.Global;
  count: WebAssembly.Global;
  flags: WebAssembly.Global;
  lfs: WebAssembly.Global;
}

/** Where the piece starts in the kernel's memory (utf8-simd.wat); the 16 bytes before it are its context. */
const DATA = 1024;
/** Where the kernel notes the line feeds' offsets (utf8-simd.wat, LFS). */
const LFS = 17 << 16;
/** The largest piece copied in at once (the memory holds 20 pages: the header, 1 MB, the line feeds). */
const PIECE = 1 << 20;
const LF = 0x0a;

/** Takes the line feeds a kernel call met: `ends` their offsets from `base` (see FirstCells.lineEnds). */
export type LineEnds = (ends: Int32Array, base: number) => void;

let kernel: Kernel | null | undefined;

/**
 * The SIMD kernel, compiled on first use (1.2 KB: synchronously, which browsers allow for modules this
 * small). Null where WebAssembly or its SIMD is missing or refused (a CSP without 'wasm-unsafe-eval'):
 * the scalar scan does the work there.
 */
function simdKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    const bytes = Uint8Array.from(atob(UTF8_SIMD_WASM), (c) => c.charCodeAt(0));
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernel;
  } catch {
    kernel = null;
  }
  return kernel;
}

/**
 * scanUtf8WithoutNul's work on the sequences starting in [from, stop), 16 bytes at a time (about ten
 * times the scalar scan's speed on Chinese text), a megabyte copied into the kernel at a time. Returns
 * where it stopped, always at the start of a sequence, for the scalar scan to go on from (a file's last
 * bytes, or everything when the kernel is unavailable); -1 for invalid UTF-8 or a NUL byte.
 */
export function scanUtf8Simd(
  bytes: Uint8Array,
  from: number,
  stop: number,
  lines: LongLineNotes,
  lineEnds?: LineEnds,
): number {
  const k = simdKernel();
  if (!k) return from;
  const memory = new Uint8Array(k.memory.buffer);
  let at = from;
  // Sequences may run 3 bytes past `stop`, and a space's right neighbour must be read: 4 bytes after it.
  while (stop - at >= 36) {
    const n = Math.min(PIECE, stop + 4 - at, bytes.length - at);
    // The context: the 16 bytes before the piece, line feeds before a file's start (a cell border).
    const before = Math.min(16, at);
    memory.fill(LF, DATA - 16, DATA - before);
    memory.set(bytes.subarray(at - before, at + n), DATA - before);
    const flags = (lines.edgeSpace ? 1 : 0) | (lines.quote ? 2 : 0) | (lines.bareLf ? 8 : 0);
    const done = k.scan(n, lines.lineStart - at, Math.min(lines.limit, 0x7fffffff), flags);
    if (done < 0) return -1;
    const count = k.count.value as number;
    const found = new Int32Array(k.memory.buffer, 0, 2 * count);
    for (let i = 0; i < count; i++)
      lines.long.push([at + (found[2 * i] as number), at + (found[2 * i + 1] as number)]);
    lines.lineStart = at + (k.line.value as number);
    lineEnds?.(new Int32Array(k.memory.buffer, LFS, k.lfs.value as number), at);
    const flagged = k.flags.value as number;
    if (flagged & 1) lines.edgeSpace = true;
    if (flagged & 2) lines.quote = true;
    if (flagged & 4) lines.crlf = true;
    if (flagged & 8) lines.bareLf = true;
    if (flagged & 16) lines.loneCr = true;
    if (done === 0) break;
    at += done;
    // A sequence led in the last 3 bytes is checked only with the bytes after it: go back to its lead.
    for (let back = 1; back <= 3 && at - back >= from; back++) {
      const c = bytes[at - back] as number;
      if ((c & 0xc0) === 0x80) continue;
      if (c >= 0xc0) at -= back;
      break;
    }
  }
  return at;
}
