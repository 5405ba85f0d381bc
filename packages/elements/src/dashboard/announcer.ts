/**
 * What a polite live region says while loading: a new kind of message (a new phase) at once, the same
 * kind (a progress tick) at most every `every` ms, then its latest text — so a screen reader hears the
 * progress now and then, not every chunk read.
 */
export class Announcer {
  text = '';
  #kind = '';
  #last = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly changed: () => void,
    readonly every = 3000,
  ) {}

  say(kind: string, text: string): void {
    clearTimeout(this.#timer);
    if (kind === this.#kind && text === this.text) return;
    const now = Date.now();
    if (kind !== this.#kind || now - this.#last >= this.every) this.#show(kind, text, now);
    else this.#timer = setTimeout(() => this.#show(kind, text, Date.now()), this.#last + this.every - now);
  }

  #show(kind: string, text: string, now: number): void {
    this.#kind = kind;
    this.text = text;
    this.#last = now;
    this.changed();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
