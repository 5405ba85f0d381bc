import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Arrow keys as steps through a one-dimensional group. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * Roving tabindex (WAI-ARIA Authoring Practices): a group of controls is one Tab stop. The control that
 * holds the stop has tabindex 0, the others -1; arrow keys move between them, Home/End to the ends.
 * Returns the index focused, or undefined when the key is not a move (or the event is from outside).
 */
export function moveRoving(items: readonly Element[], e: KeyboardEvent): number | undefined {
  const at = items.findIndex((item) => item === e.target || item.contains(e.target as Node));
  if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const step = STEPS[e.key];
  let next: number;
  if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  else if (step !== undefined) next = at + step;
  else return undefined;
  const to = Math.max(0, Math.min(items.length - 1, next));
  rove(items, to);
  e.preventDefault();
  return to;
}

/** Gives the stop to item `index` and focuses it. */
export function rove(items: readonly Element[], index: number): void {
  for (const [i, item] of items.entries()) item.setAttribute('tabindex', i === index ? '0' : '-1');
  (items[index] as HTMLElement | SVGElement | undefined)?.focus();
}

/**
 * Exactly one stop: the item that had it (the first of several), else the first. For lists that a render
 * may lengthen, shorten or reorder under the attributes set by `moveRoving`.
 */
export function syncRoving(items: readonly Element[]): void {
  const keep = Math.max(
    0,
    items.findIndex((item) => item.getAttribute('tabindex') === '0'),
  );
  for (const [i, item] of items.entries()) {
    const want = i === keep ? '0' : '-1';
    if (item.getAttribute('tabindex') !== want) item.setAttribute('tabindex', want);
  }
}

/**
 * A Lit element's roving group: `items()` lists its controls in order (e.g. the row buttons of a table);
 * bind `keydown` on their container. The stop is kept on one control after every render.
 */
export class RovingFocus implements ReactiveController {
  readonly #items: () => Element[];

  constructor(host: ReactiveControllerHost, items: () => Element[]) {
    this.#items = items;
    host.addController(this);
  }

  hostUpdated(): void {
    syncRoving(this.#items());
  }

  readonly keydown = (e: KeyboardEvent): void => {
    moveRoving(this.#items(), e);
  };
}
