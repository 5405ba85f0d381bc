import type { Browser, Page } from 'playwright-core';

/** One element whose content does not fit it, as the probe reports it. */
export interface Clipped {
  kind: 'overflow' | 'ellipsis' | 'svg-text' | 'scroller';
  /** a readable path through the shadow roots, e.g. `assessment-watch-list > #shadow > div.scroll` */
  path: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Runs in the page: walks every element of the document and of every open shadow root (recursively) and
 * lists what is cut off sideways. An element overflows when its content is wider than its box, unless it
 * is a declared scroller (`data-scroller`), which must then scroll (`overflow-x: auto`) and be reachable by
 * keyboard (tabindex 0, role region, a name). Text cut by an ellipsis and SVG text outside its drawing
 * count too. Visually hidden text (1 px, clipped: for screen readers) is not drawn, so it cannot be cut.
 */
export function findClipped(): Clipped[] {
  const found: Clipped[] = [];
  const name = (e: Element) =>
    e.tagName.toLowerCase() +
    (typeof e.className === 'string' && e.className.trim()
      ? `.${e.className.trim().split(/\s+/).join('.')}`
      : '');
  const pathOf = (e: Element) => {
    const parts: string[] = [];
    let n: Node | null = e;
    while (n && parts.length < 7) {
      if (n instanceof ShadowRoot) {
        parts.unshift('#shadow');
        n = n.host;
      } else if (n instanceof Element) {
        parts.unshift(name(n));
        n = n.parentNode;
      } else break;
    }
    return parts.join(' > ');
  };
  const add = (kind: Clipped['kind'], e: Element) =>
    found.push({
      kind,
      path: pathOf(e),
      text: (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    });
  const hiddenForScreenReaders = (e: Element, cs: CSSStyleDeclaration) =>
    e.clientWidth <= 1 && (cs.clip !== 'auto' || cs.clipPath !== 'none' || cs.overflow === 'hidden');
  const walk = (root: Document | ShadowRoot) => {
    for (const e of root.querySelectorAll('*')) {
      if (e.shadowRoot) walk(e.shadowRoot);
      // Not drawn: display none (itself or an ancestor), inside a closed <details>, visibility hidden.
      if (!e.checkVisibility({ visibilityProperty: true })) continue;
      const cs = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      if (e instanceof SVGElement) {
        if (e instanceof SVGTextElement) {
          const svg = e.ownerSVGElement?.getBoundingClientRect();
          if (svg && (box.left < svg.left - 1 || box.right > svg.right + 1)) add('svg-text', e);
        }
        continue;
      }
      if (hiddenForScreenReaders(e, cs)) continue;
      if (e.hasAttribute('data-scroller')) {
        const ok =
          (cs.overflowX === 'auto' || cs.overflowX === 'scroll') &&
          e.getAttribute('tabindex') === '0' &&
          e.getAttribute('role') === 'region' &&
          !!e.getAttribute('aria-label');
        if (!ok) add('scroller', e);
      } else if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) add('overflow', e);
      if (cs.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) add('ellipsis', e);
    }
  };
  walk(document);
  return found;
}

/** Opens the demo page (`page`: index.html or en.html) and waits until every default panel is drawn. */
export async function openDashboard(
  browser: Browser,
  url: string,
  width: number,
  height = 900,
): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height } });
  await p.goto(url);
  await p.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
  await p.locator('assessment-bar-chart svg .bar').first().waitFor();
  await p.locator('assessment-line-chart svg .series').first().waitFor();
  await p.locator('assessment-scorecard table').first().waitFor({ timeout: 60_000 });
  await p.locator('assessment-watch-list table').first().waitFor({ timeout: 60_000 });
  await p.locator('assessment-calendar-heatmap svg .day').first().waitFor({ timeout: 60_000 });
  await p.locator('assessment-item-breakdown table').first().waitFor({ timeout: 60_000 });
  // Let the last panels and the resize-driven redraws finish: nothing busy, and the sample data's charts all
  // drawn (4 bar charts: departments, channels, disclosure domains and months; 2 lines: the two trends).
  await settled(p);
  return p;
}

/**
 * Gives an open dashboard another viewport width, as a reader turning a tablet or resizing a window does,
 * and waits until every chart is drawn again at that width (the charts redraw on their ResizeObserver).
 * Loading the sample data again for each width would test the same layout at the cost of a full load.
 */
export async function resizeDashboard(p: Page, width: number, height = 900): Promise<void> {
  const before = await p.evaluate(chartWidths);
  await p.setViewportSize({ width, height });
  // Each chart whose box changed width is drawn again (its svg's width attribute is the width drawn for).
  const redrawn = (now: ChartWidth[]) =>
    now.every((c, i) => c.box === before[i]?.box || (c.drawn !== null && c.drawn !== before[i]?.drawn));
  const until = Date.now() + 30_000;
  while (!redrawn(await p.evaluate(chartWidths))) {
    if (Date.now() > until) throw new Error(`charts not drawn again at ${width} px`);
    await p.waitForTimeout(50);
  }
  await settled(p);
}

interface ChartWidth {
  box: number;
  drawn: string | null;
}

/** Per chart of the dashboard: the width of its box and the width its svg was drawn for. Runs in the page. */
function chartWidths(): ChartWidth[] {
  const root = document.querySelector('assessment-dashboard')?.shadowRoot;
  const charts = [...(root?.querySelectorAll('assessment-bar-chart, assessment-line-chart') ?? [])];
  return charts.map((c) => ({
    box: Math.round(c.getBoundingClientRect().width),
    drawn: c.shadowRoot?.querySelector('svg')?.getAttribute('width') ?? null,
  }));
}

/** Nothing busy, the sample data's charts all drawn, and a moment for the last resize-driven redraws. */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const root = document.querySelector('assessment-dashboard')?.shadowRoot;
      const drawn = (tag: string, mark: string) =>
        [...(root?.querySelectorAll(tag) ?? [])].filter((e) => e.shadowRoot?.querySelector(mark)).length;
      return (
        !!root &&
        !root.querySelector('[aria-busy="true"]') &&
        drawn('assessment-bar-chart', 'svg .bar') >= 4 &&
        drawn('assessment-line-chart', 'svg .series') >= 2
      );
    },
    undefined,
    { timeout: 120_000 },
  );
  await p.waitForTimeout(500);
}
