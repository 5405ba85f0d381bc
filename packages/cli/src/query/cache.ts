/** A finished answer as sent: body bytes and content type. */
export interface Answer {
  body: Buffer;
  contentType: string;
}

/** Where an answer came from: the cache, a computation already running, or a new one. */
export type CacheSource = 'hit' | 'shared' | 'miss';

/**
 * Finished answers by key (data version, result type, SQL), least recently used dropped first once their
 * bytes pass the budget, and identical requests in flight coalesced: fifty dashboards opening the same page
 * run each statement once.
 */
export class ResultCache {
  readonly #done = new Map<string, Answer>();
  readonly #inFlight = new Map<string, Promise<Answer>>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The cached answer (`hit`), the one being computed (`shared`), or a new computation (`compute`, `miss`)
   * shared by every caller.
   */
  get(key: string, compute: () => Promise<Answer>): { source: CacheSource; answer: Promise<Answer> } {
    const done = this.#done.get(key);
    if (done) {
      this.hits++;
      // Map order is insertion order: re-inserting marks it most recently used.
      this.#done.delete(key);
      this.#done.set(key, done);
      return { source: 'hit', answer: Promise.resolve(done) };
    }
    const pending = this.#inFlight.get(key);
    if (pending) {
      this.hits++;
      return { source: 'shared', answer: pending };
    }
    this.misses++;
    const started = compute().then(
      (answer) => {
        this.#inFlight.delete(key);
        this.#store(key, answer);
        return answer;
      },
      (e: unknown) => {
        // Failures (timeouts, busy, budget) are not remembered: the next request tries again.
        this.#inFlight.delete(key);
        throw e;
      },
    );
    this.#inFlight.set(key, started);
    return { source: 'miss', answer: started };
  }

  #store(key: string, answer: Answer) {
    if (answer.body.length > this.maxBytes / 4) return;
    this.#done.set(key, answer);
    this.#bytes += answer.body.length;
    for (const [old, a] of this.#done) {
      if (this.#bytes <= this.maxBytes) break;
      this.#done.delete(old);
      this.#bytes -= a.body.length;
    }
  }
}
