import type { EngineStartProblem } from './engine-start-error.ts';

/** The first bytes of every WebAssembly module: "\0asm". */
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Fetches the start of the wasm as the worker will (status, Content-Type, magic number) and stops
 * reading after the first chunk. Returns the problem a compile would hit, or undefined when the file looks
 * right or the check itself could not run (a network error: the start-up timeout still covers that).
 */
export async function checkWasm(url: string): Promise<EngineStartProblem | undefined> {
  const abort = new AbortController();
  try {
    // Eight bytes are enough (a server without ranges sends the whole file: the read stops after a chunk).
    const res = await fetch(url, {
      credentials: 'same-origin',
      headers: { Range: 'bytes=0-7' },
      signal: abort.signal,
    });
    if (!res.ok) return { kind: 'status', url, status: res.status };
    // instantiateStreaming accepts only this MIME type (parameters aside).
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/wasm') return { kind: 'mime', url, type };
    const first = res.body ? (await res.body.getReader().read()).value : undefined;
    if (first && first.length >= MAGIC.length && MAGIC.some((b, i) => first[i] !== b)) {
      return { kind: 'not-wasm', url, type };
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    abort.abort();
  }
}
