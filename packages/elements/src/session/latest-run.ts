/** What `LatestRun.run` returns for a job that a newer one (or `cancel()`) replaced: its answer is dropped. */
export const STALE: unique symbol = Symbol('stale');

/**
 * "The latest run wins": every job gets an AbortSignal that aborts as soon as a newer job starts (or the
 * owner cancels), and the answer of an aborted job is never used. The one primitive behind the dashboard
 * session's loads and selections and the drill-down, case-list and annual-report computations, instead of
 * a hand-kept counter in each.
 */
export class LatestRun {
  #current = new AbortController();

  /** The signal of the job in force (aborted once it is replaced or cancelled). */
  get signal(): AbortSignal {
    return this.#current.signal;
  }

  /**
   * Aborts the job in force and starts a new one; its signal also aborts with `parent` (e.g. a selection
   * inside a load: a new load drops the selection's answers too).
   */
  start(parent?: AbortSignal): AbortSignal {
    this.#current.abort();
    this.#current = new AbortController();
    if (parent) {
      const own = this.#current;
      if (parent.aborted) own.abort();
      else parent.addEventListener('abort', () => own.abort(), { once: true });
    }
    return this.#current.signal;
  }

  /** Aborts the job in force; nothing new starts. */
  cancel(): void {
    this.#current.abort();
  }

  /**
   * Runs `job` as the new latest job. Resolves to its answer, or to STALE when it was replaced or cancelled
   * before it finished; a failure of a replaced job is STALE too (nobody waits for it any more).
   */
  async run<T>(job: (signal: AbortSignal) => Promise<T>, parent?: AbortSignal): Promise<T | typeof STALE> {
    const signal = this.start(parent);
    try {
      const value = await job(signal);
      return signal.aborted ? STALE : value;
    } catch (e) {
      if (signal.aborted) return STALE;
      throw e;
    }
  }
}
