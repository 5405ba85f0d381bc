import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's content width, and the font size of the element its chart is drawn in, kept current by a
 * ResizeObserver so charts redraw on resize from the values they hold, without re-querying. The update
 * waits for the next frame: redrawing changes the host's height, which must not re-enter the observer in
 * the same frame. Then each host updates in a task of its own: the department and channel charts' first
 * drawing, with the other charts redrawn for the layout they moved, was one 75–90 ms animation-frame task
 * right after the cubes (traced at 100k).
 *
 * The font size is read in the observer's callback, where style and layout are clean: read in a chart's
 * `updated()` it forced a style recalculation per chart per click (0.24 s over a dozen cross-filter
 * clicks at 100k cases). A font change shows as a size change (the text grows), so it is seen here too.
 */
export class WidthController implements ReactiveController {
  width = 0;
  /** the font size in px of `fontOf()` (the host if it gives none); 0 until measured */
  fontSize = 0;
  readonly #host: ReactiveControllerHost & Element;
  readonly #fontOf: () => Element | null;
  readonly #observer = new ResizeObserver(([entry]) => {
    const w = Math.floor(entry?.contentRect.width ?? 0);
    const f = Number.parseFloat(getComputedStyle(this.#fontOf() ?? this.#host).fontSize) || 0;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (w > 0 && (w !== this.width || f !== this.fontSize)) {
          this.width = w;
          this.fontSize = f;
          this.#host.requestUpdate();
        }
      }),
    );
  });

  constructor(host: ReactiveControllerHost & Element, fontOf: () => Element | null = () => null) {
    this.#host = host;
    this.#fontOf = fontOf;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
