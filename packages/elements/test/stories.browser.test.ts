import axe from 'axe-core';
import { html, render, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Axe on every story: each story module of stories/ is imported, each story rendered the way Storybook
 * does (the default export's args and render, overridden by the story's), left to settle (elements
 * updated, data loaded, the DOM quiet), and checked with axe-core's WCAG 2.1 A/AA rules. A new story is
 * covered without touching this file; a violation fails with the rule and the offending markup.
 */
interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: unknown) => TemplateResult;
  parameters?: { settle?: 'first-render' };
  /** Storybook loaders: run before render, their results merged into `context.loaded`. */
  loaders?: ((context: { args: Record<string, unknown> }) => Promise<Record<string, unknown>>)[];
}
interface StoryModule {
  default: StoryLike & { title: string };
  [story: string]: unknown;
}

const modules = import.meta.glob<StoryModule>('../../../stories/*.stories.ts', { eager: true });
/** Storybook serves the DuckDB files at /duckdb/ (.storybook/main.ts); the test server has them here. */
const ASSET_BASE = '/node_modules/@duckdb/duckdb-wasm/dist/';

/**
 * The sample exports (/data/*.csv, 50,000 cases) take most of a minute to load twice; for the axe check their
 * first 1,000 rows give the same screens (tiles, charts, trend, scorecard) in a few seconds.
 */
const HEAD_ROWS = 1_000;
const trimmed = new Map<string, Promise<string>>();
const sampleHead = (url: string) => {
  let p = trimmed.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => {
        const head = text
          .split('\n')
          .slice(0, HEAD_ROWS + 1)
          .join('\n');
        return URL.createObjectURL(new Blob([`${head}\n`], { type: 'text/csv' }));
      });
    trimmed.set(url, p);
  }
  return p;
};

const container = document.createElement('div');
afterEach(() => {
  render(html``, container);
  container.remove();
  document.documentElement.lang = 'zh-CN';
});

/** Every element under `root`, shadow roots included. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

const signature = (root: ParentNode) =>
  deepElements(root)
    .map((e) => `${e.tagName}${e.getAttribute('aria-busy') ?? ''}${e.childElementCount}`)
    .join();

/** Until every Lit element has updated, nothing is busy or loading, and the DOM has not changed for 600 ms. */
async function settle(root: ParentNode, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  let last = '';
  let quietSince = Date.now();
  while (Date.now() < end) {
    const els = deepElements(root);
    await Promise.all(els.map((e) => (e as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    const busy = els.some((e) => e.getAttribute('aria-busy') === 'true' || e.tagName === 'PROGRESS');
    const sig = signature(root);
    if (sig !== last || busy) {
      last = sig;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 600) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the story did not settle');
}

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
  );
}

const entries = Object.entries(modules).sort(([a], [b]) => a.localeCompare(b));

it('finds the story modules', () => {
  expect(entries.length).toBeGreaterThanOrEqual(11);
});

for (const [path, mod] of entries) {
  const meta = mod.default;
  const stories = Object.entries(mod).filter(
    ([key, value]) => key !== 'default' && key !== '__namedExportsOrder' && typeof value === 'object',
  ) as [string, StoryLike][];
  describe(meta.title ?? path, () => {
    it('has stories', () => expect(stories.length).toBeGreaterThan(0));
    for (const [exportName, story] of stories) {
      it(`${story.name ?? exportName}: no axe-core violations`, async () => {
        document.documentElement.lang = 'zh-CN';
        const args: Record<string, unknown> = { ...meta.args, ...story.args };
        if ('assetBase' in args) args.assetBase = ASSET_BASE;
        for (const [key, value] of Object.entries(args)) {
          if (typeof value === 'string' && /^\/data\/(cases|disclosures)\.csv$/.test(value)) {
            args[key] = await sampleHead(value);
          }
        }
        const draw = story.render ?? meta.render;
        expect(draw, 'the story or its default export has a render function').toBeTypeOf('function');
        document.body.append(container);
        const loaders = [...(meta.loaders ?? []), ...(story.loaders ?? [])];
        const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load({ args })))));
        render(draw?.(args, { args, id: exportName, loaded }) ?? html``, container);
        if (story.parameters?.settle === 'first-render') {
          await Promise.all(
            deepElements(container).map(
              (e) => (e as Partial<{ updateComplete: Promise<unknown> }>).updateComplete,
            ),
          );
        } else {
          await settle(container);
        }
        expect(container.childElementCount).toBeGreaterThan(0);
        expect(await violations(container)).toEqual([]);
      }, 90_000);
    }
  });
}
