import { css } from 'lit';

/**
 * Declared scrollers: a wide table that may scroll sideways inside its panel (on a phone) instead of being
 * cut off. The wrapper carries `data-scroller`, `tabindex="0"`, `role="region"` and an `aria-label`, so
 * keyboard users can scroll it and screen readers name it; `test/phone.e2e.test.ts` allows sideways overflow
 * only there. With the class `sticky-first` the first column (the row's name) stays in view while the
 * rest scrolls.
 */
export const scrollerStyles = css`
  [data-scroller] {
    overflow-x: auto;
    max-width: 100%;
    /* Shadows at an edge with more to scroll to (the covers move with the content, the shadows stay). */
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left / calc(2 * var(--_rem)) 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right / calc(2 * var(--_rem)) 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.2), transparent) left / calc(0.75 * var(--_rem)) 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.2), transparent) right / calc(0.75 * var(--_rem)) 100% no-repeat scroll;
  }
  [data-scroller]:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  [data-scroller].sticky-first :is(thead, tbody) > tr > :first-child { position: sticky; left: 0; z-index: 1; }
  [data-scroller].sticky-first tbody > tr > :first-child { background: var(--_bg); }
  /* (the header row keeps its own background) */
  [data-scroller].sticky-first thead > tr > :first-child { z-index: 2; }
  @media print { [data-scroller] { overflow: visible; } }
`;
