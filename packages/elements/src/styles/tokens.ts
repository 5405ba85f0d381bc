import { css, unsafeCSS } from 'lit';
import { DEFAULT_FONT_FAMILY } from './font-warmup.ts';

/**
 * Design tokens. Hosts theme every element through these `--ad-*` custom properties (they inherit
 * through shadow roots); the defaults are a plain government look with a restrained red accent.
 */
export const tokens = css`
  :host {
    --_font: var(--ad-font-family, ${unsafeCSS(DEFAULT_FONT_FAMILY)});
    --_fg: var(--ad-color-text, #1f2328);
    --_muted: var(--ad-color-muted, #57606a);
    --_bg: var(--ad-color-surface, #ffffff);
    --_panel: var(--ad-color-panel, #f6f8fa);
    --_border: var(--ad-color-border, #d0d7de);
    --_accent: var(--ad-color-accent, #b3261e);
    --_bar: var(--ad-color-bar, #1f5fa8);
    --_good: var(--ad-color-good, #1a7f37);
    --_warn: var(--ad-color-warn, #9a6700);
    --_bad: var(--ad-color-bad, #cf222e);
    --_radius: var(--ad-radius, 6px);
    /* The unit of every size: the root font size, but never below 16 px, so a host page whose root is
       shrunk (html { font-size: 62.5% }, 1rem = 10 px) does not shrink the dashboard to 9 px text, while a
       larger root (字号 大/超大) still enlarges it. */
    --_rem: var(--ad-rem, max(16px, 1rem));
    --_space: var(--ad-space, calc(1 * var(--_rem)));
    /* Large type: every font size is calc(<n> * var(--_rem) * var(--_scale)), so both the font-scale
       attribute (which sets --ad-font-scale) and the host page's root font size enlarge the text. */
    --_scale: var(--ad-font-scale, 1);
    font-family: var(--_font);
    color: var(--_fg);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--ad-color-text, #e6edf3);
      --_muted: var(--ad-color-muted, #9da7b3);
      --_bg: var(--ad-color-surface, #0d1117);
      --_panel: var(--ad-color-panel, #161b22);
      --_border: var(--ad-color-border, #30363d);
      --_bar: var(--ad-color-bar, #58a6ff);
      --_good: var(--ad-color-good, #3fb950);
      --_warn: var(--ad-color-warn, #d29922);
      --_bad: var(--ad-color-bad, #f85149);
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
