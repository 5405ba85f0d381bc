import { Refusal } from './backend.ts';

export interface AdmissionLimits {
  /** Statements running at once (at most the backend's slots). */
  running: number;
  /** Statements waiting for a slot; beyond this a request gets 503 at once. */
  queue: number;
  /** Running + waiting statements of one client (its address and Origin). */
  perClient: number;
  /** Seconds a refused client is told to wait (`Retry-After`). */
  retryAfterS: number;
}

/**
 * Concurrency limit with a short FIFO queue: a statement runs when a slot is free, waits while the queue has
 * room, and is refused with 503 + Retry-After beyond it, so a crowd gets a clear "come back in a second"
 * instead of a server that slows down for everyone. One client cannot take every place.
 */
export class Admission {
  #running = 0;
  readonly #waiting: { client: string; start: () => void }[] = [];
  readonly #perClient = new Map<string, number>();

  constructor(private readonly limits: AdmissionLimits) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Resolves with a release function once the statement may run; throws Refusal(503) when full, or when
   * no slot came free before `deadline` (a crowd then hears "busy" in time, instead of a client timeout).
   */
  async enter(client: string, deadline = Number.POSITIVE_INFINITY): Promise<() => void> {
    const mine = this.#perClient.get(client) ?? 0;
    const busy = (why: string) =>
      new Refusal(503, `server busy: ${why}; retry in ${this.limits.retryAfterS} s`, {
        'Retry-After': String(this.limits.retryAfterS),
      });
    if (mine >= this.limits.perClient)
      throw busy(`this client already has ${mine} queries running or waiting`);
    if (this.#running >= this.limits.running && this.#waiting.length >= this.limits.queue)
      throw busy(`${this.#running} queries running and ${this.#waiting.length} waiting`);
    this.#perClient.set(client, mine + 1);
    const leave = () => {
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
    };
    if (this.#running < this.limits.running) this.#running++;
    else {
      const started = await new Promise<boolean>((resolve) => {
        const entry = { client, start: () => resolve(true) };
        this.#waiting.push(entry);
        if (Number.isFinite(deadline))
          setTimeout(
            () => {
              const at = this.#waiting.indexOf(entry);
              if (at < 0) return;
              this.#waiting.splice(at, 1);
              resolve(false);
            },
            Math.max(0, deadline - Date.now()),
          ).unref();
      });
      if (!started) {
        leave();
        throw busy('no query slot came free in time');
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      leave();
      const next = this.#waiting.shift();
      // The slot passes straight to the next in line (the running count stays).
      if (next) next.start();
      else this.#running--;
    };
  }
}
