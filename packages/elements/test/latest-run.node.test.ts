import { describe, expect, it } from 'vitest';
import { LatestRun, STALE } from '../src/session/latest-run.ts';

/** A promise and the function that settles it, for jobs that finish when the test says so. */
function deferred<T>() {
  let resolve: (v: T) => void = () => {};
  let reject: (e: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestRun', () => {
  it('drops the answer of a job a newer one replaced, even when it finishes last', async () => {
    const runs = new LatestRun();
    const slow = deferred<string>();
    let slowSignal: AbortSignal | undefined;
    const first = runs.run((signal) => {
      slowSignal = signal;
      return slow.promise;
    });
    const second = runs.run(async () => 'new');
    expect(slowSignal?.aborted).toBe(true);
    expect(await second).toBe('new');
    slow.resolve('old');
    expect(await first).toBe(STALE);
  });

  it('reports the failure of the job in force, not of a replaced one', async () => {
    const runs = new LatestRun();
    const old = deferred<string>();
    const first = runs.run(() => old.promise);
    const second = runs.run(async () => {
      throw new Error('current failed');
    });
    old.reject(new Error('old failed'));
    expect(await first).toBe(STALE);
    await expect(second).rejects.toThrow('current failed');
  });

  it('cancel() and a parent signal abort the job in force', async () => {
    const runs = new LatestRun();
    const job = deferred<number>();
    const pending = runs.run(() => job.promise);
    runs.cancel();
    job.resolve(1);
    expect(await pending).toBe(STALE);

    const parent = new AbortController();
    const child = runs.start(parent.signal);
    expect(child.aborted).toBe(false);
    parent.abort();
    expect(child.aborted).toBe(true);
    expect(runs.start(parent.signal).aborted).toBe(true);
  });
});
