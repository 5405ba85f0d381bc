import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareNumberFormats } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';
import { fontsOpened } from '../styles/font-warmup.ts';

/**
 * The dashboard's start, kept out of the task that evaluates the module and connects the element (traced
 * at start-up: with the first number formatter and the first render that task took 75–90 ms, and the first
 * layout, which copied the font files, another 75–105 ms). In a task of its own the first number formatter
 * is made and a worker opens the font files; until they are open (at most 0.6 s, while the data loads) the
 * element lays out no text and formats no number (`ready`), then `opened` runs.
 */
export class StartUp implements ReactiveController {
  #started = false;
  #ready = false;
  #open!: () => void;
  readonly #opened = new Promise<void>((ok) => {
    this.#open = ok;
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lang: () => Lang,
    private readonly assetBase: () => string,
    private readonly opened: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#started) setTimeout(() => this.#prepare());
  }

  #prepare(): void {
    if (!this.host.isConnected || this.#started) return;
    this.#started = true;
    prepareNumberFormats(this.lang());
    void fontsOpened(this.host, this.assetBase()).then(() => {
      this.#ready = true;
      this.#open();
      this.opened();
    });
  }

  /** Whether the element may lay out text: the fonts are open. */
  get ready(): boolean {
    return this.#ready;
  }

  /** Resolves once `ready`. */
  whenReady(): Promise<void> {
    return this.#opened;
  }
}
