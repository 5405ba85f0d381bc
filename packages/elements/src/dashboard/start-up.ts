import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareNumberFormats } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';
import { TILE_STYLES } from '../panels/tile-font-warmup.ts';
import { fontsOpened } from '../styles/font-warmup.ts';

/**
 * The dashboard's start, kept out of the task that evaluates the module and connects the element (traced
 * at start-up: with the first number formatter and the first render that task took 75–90 ms, and the first
 * layout, which copied the font files, another 75–105 ms). A worker opens the font files and loads ICU's
 * number data (styles/font-warmup.ts); until it is done (FONT_WAIT_CAP_MS at most, while the data loads) the
 * element lays out no text and formats no number (`ready`: a bar only, status-view.ts bootView); then the
 * first formatter is made, and in the next task `opened` runs. The loading view then lays out the KPI
 * tiles' text styles one a frame (`warmStyles`, panels/tile-font-warmup.ts): each is a few font look-ups of
 * the page's own, synchronous round trips to the browser process; all in one layout made a task of up to
 * 100 ms. They wait until the download is over (`settled`): while the browser process passes a large
 * download it answers late (traced at 1M rows: one look-up of a warm-up layout waited 29 ms), and the
 * engine start and the import leave seconds for them before the tiles are drawn.
 */
export class StartUp implements ReactiveController {
  #started = false;
  #ready = false;
  #warmStyles = 0;
  /** a warm-up is due but waits for `settled` */
  #held = false;
  #open!: () => void;
  readonly #opened = new Promise<void>((ok) => {
    this.#open = ok;
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lang: () => Lang,
    private readonly assetBase: () => string,
    private readonly opened: () => void,
    /** whether the page's thread may look fonts up now (no download under way) */
    private readonly settled: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#started) setTimeout(() => this.#prepare());
  }

  #prepare(): void {
    if (!this.host.isConnected || this.#started) return;
    this.#started = true;
    void fontsOpened(this.host, this.assetBase()).then(() => {
      // The first formatter (nearly free once the worker loaded ICU's data, else 15–55 ms of it), then the
      // first text in a task of its own.
      prepareNumberFormats(this.lang());
      setTimeout(() => {
        this.#ready = true;
        this.#open();
        this.opened();
        // The tiles' styles from the frame after the first text: that layout has its own look-ups to make
        // (traced at 3M rows, each waited up to 8–38 ms on the browser process).
        this.#afterFrame();
      });
    });
  }

  /** One more of the tiles' text styles, laid out in the next frame; the next after that frame. */
  #warmNext(): void {
    if (this.#warmStyles >= TILE_STYLES.length || !this.host.isConnected) return;
    if (!this.settled()) {
      this.#held = true;
      return;
    }
    this.#warmStyles++;
    this.host.requestUpdate();
    this.#afterFrame();
  }

  #afterFrame(): void {
    requestAnimationFrame(() => setTimeout(() => this.#warmNext()));
  }

  /** The load moved on: a held warm-up goes on once `settled`. */
  loadChanged(): void {
    if (!this.#held || !this.settled()) return;
    this.#held = false;
    this.#afterFrame();
  }

  /** How many of the KPI tiles' text styles the loading view lays out by now. */
  get warmStyles(): number {
    return this.#warmStyles;
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
