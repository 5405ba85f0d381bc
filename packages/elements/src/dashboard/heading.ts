import { nothing } from 'lit';
import { literal, html as staticHtml } from 'lit/static-html.js';

const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** A `heading-level` attribute's value as a level 1–6; anything else is the default, 2. */
export function headingLevel(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 2;
}

/**
 * The dashboard's heading at the level the host page's outline needs (`heading-level`), with the host's
 * own words (`heading`); an empty `heading` renders none, for a page whose own heading already says it.
 */
export function dashboardHeading(text: string, level: unknown) {
  if (!text.trim()) return nothing;
  const tag = TAGS[headingLevel(level) - 1];
  return staticHtml`<${tag} class="heading" part="heading">${text}</${tag}>`;
}
