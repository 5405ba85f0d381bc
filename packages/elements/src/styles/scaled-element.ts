import { LitElement, type PropertyDeclarations } from 'lit';

/** Smallest and largest accepted `font-scale`. */
const MIN_SCALE = 0.5;
const MAX_SCALE = 4;

/**
 * Base of every element: the `font-scale` attribute for large type (大字版). It sets `--ad-font-scale` on the
 * host, which every font size multiplies (`calc(<n> * var(--_rem) * var(--_scale))`, see tokens.ts) and which
 * inherits into nested elements, and scales the text the element inherits from the page. Sizes are in
 * `--_rem` (the root font size, at least 16 px), so the host page's own 字号 switch (a larger root font
 * size) enlarges the text as well; the two multiply.
 * A controller applies it, so subclasses' `willUpdate`/`updated` need not call super.
 */
export class ScaledElement extends LitElement {
  // Typed as the general map so subclasses can declare their own properties (Lit merges the two).
  static override properties: PropertyDeclarations = {
    fontScale: { type: Number, attribute: 'font-scale', reflect: true },
  };
  /** Multiplies every font size, e.g. 1.5 or 2 for large type (0.5–4; unset: 1). */
  declare fontScale: number | undefined;

  constructor() {
    super();
    this.addController({
      hostUpdate: () => {
        const s = this.fontScale;
        if (typeof s === 'number' && Number.isFinite(s) && s > 0) {
          const scale = String(Math.min(MAX_SCALE, Math.max(MIN_SCALE, s)));
          this.style.setProperty('--ad-font-scale', scale);
          // Text without a size of its own (inherited from the page) grows too; rem-based sizes use the variable.
          this.style.setProperty('font-size', `calc(1em * ${scale})`);
        } else {
          this.style.removeProperty('--ad-font-scale');
          this.style.removeProperty('font-size');
        }
      },
    });
  }
}
