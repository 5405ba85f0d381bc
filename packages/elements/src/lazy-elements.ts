/**
 * Elements whose code is fetched the first time they are used, so a page showing only the dashboard's
 * first screen does not download them: when one appears in the page's DOM (now or later), or when
 * another element asks for it (the dashboard's drill-down panel). Until then the tag is an unknown element
 * that upgrades in place once its code has arrived; properties set before that are kept by Lit.
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'assessment-case-list': () => import('./drill-down/define.ts'),
  'assessment-item-breakdown': () => import('./drill-down/define.ts'),
  'assessment-annual-report': () => import('./annual-report/define.ts'),
  'assessment-calendar-heatmap': () => import('./calendar-heatmap/define.ts'),
  // Shown only when a file's columns need matching by hand: a snapshot or a clean import never loads it.
  'assessment-column-mapper': () => import('./column-mapper/define.ts'),
  // Panels a snapshot never shows (they need live data): their code waits until a panel renders one.
  'assessment-supervision': () => import('./supervision/define.ts'),
  'assessment-watch-list': () => import('./watch-list/define.ts'),
};
export type LazyElement = keyof typeof LOADERS;

const loading = new Map<string, Promise<unknown>>();

/** Loads (once) and registers a lazily defined element; resolves when it is defined. */
export function loadElement(tag: string): Promise<unknown> {
  const load = LOADERS[tag];
  if (!load) return Promise.resolve();
  let p = loading.get(tag);
  if (!p) {
    p = load().then(() => customElements.whenDefined(tag));
    loading.set(tag, p);
  }
  return p;
}

/** Watches the page for lazily defined tags (in light DOM; shadow roots ask through loadElement). */
export function watchPage(doc: Document = document): void {
  const tags = Object.keys(LOADERS);
  const pending = () => tags.filter((t) => !loading.has(t));
  const scan = (root: ParentNode) => {
    for (const t of pending()) if (root.querySelector(t)) void loadElement(t);
  };
  scan(doc);
  if (!pending().length) return;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        if (n.localName in LOADERS) void loadElement(n.localName);
        else if (n.firstElementChild) scan(n);
      }
    }
    if (!pending().length) observer.disconnect();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
}
