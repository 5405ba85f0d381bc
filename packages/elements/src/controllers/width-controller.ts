import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's content width, kept current by a ResizeObserver so charts redraw on resize from the columns
 * they hold, without re-querying. The update waits for the next frame: redrawing changes the host's
 * height, which must not re-enter the observer in the same frame.
 */
export class WidthController implements ReactiveController {
  width = 0;
  readonly #host: ReactiveControllerHost & Element;
  readonly #observer = new ResizeObserver(([entry]) => {
    const w = Math.floor(entry?.contentRect.width ?? 0);
    requestAnimationFrame(() => {
      if (w > 0 && w !== this.width) {
        this.width = w;
        this.#host.requestUpdate();
      }
    });
  });

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
