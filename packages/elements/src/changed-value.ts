/**
 * `hasChanged` for Lit properties that a parent rebuilds on every render with the same content: compared by
 * value, so a dashboard render that did not change a panel's data does not update (redraw) that panel.
 */

/** Plain data (filters, periods, sort orders): changed when its JSON differs. */
export const changedValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) !== JSON.stringify(b);

/**
 * A list (array or typed array) of strings or numbers, or a tuple: changed unless both have the same length
 * and the same items (`Object.is`: NaN equals NaN, 0 and -0 differ).
 */
export function changedItems(a: ArrayLike<unknown> | undefined, b: ArrayLike<unknown> | undefined): boolean {
  if (a === b) return false;
  if (!a || !b || a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return true;
  return false;
}
