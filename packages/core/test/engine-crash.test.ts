import { describe, expect, it } from 'vitest';
import { asCrash, EngineCrashedError } from '../src/engine/types.ts';

describe('asCrash', () => {
  it('turns WebAssembly traps and aborts into EngineCrashedError, keeping the original message', () => {
    for (const message of ['unreachable', 'memory access out of bounds', 'Aborted(OOM)']) {
      const e = asCrash(new WebAssembly.RuntimeError(message));
      expect(e).toBeInstanceOf(EngineCrashedError);
      expect((e as Error).message).toContain(message);
    }
  });

  it('leaves ordinary query errors alone', () => {
    const e = new Error('Binder Error: Referenced column "x" not found');
    expect(asCrash(e)).toBe(e);
    expect(asCrash('plain')).toBe('plain');
  });
});
