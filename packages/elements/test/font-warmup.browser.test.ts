import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.ts';
import {
  DEFAULT_FONT_FAMILY,
  FONT_WAIT_CAP_MS,
  fontsOpened,
  warmFontsOffThread,
  warmupFonts,
} from '../src/styles/font-warmup.ts';

// The font files are opened by a worker (the file next to the DuckDB ones) before the dashboard lays out any
// text; a worker that never answers holds the text back for FONT_WAIT_CAP_MS at most (a bar meanwhile).
const ASSETS = '/packages/elements/assets/';
const SILENT = '/packages/elements/test/fixtures/silent-fonts/';
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function host(family?: string): HTMLElement {
  const el = document.createElement('div');
  if (family) el.style.setProperty('--ad-font-family', family);
  document.body.append(el);
  mounted.push(el);
  return el;
}

describe('font warm-up', () => {
  it('measures every weight and size of the family in the worker, once per family', async () => {
    const el = host();
    const warm = warmFontsOffThread(el, ASSETS);
    expect(warmFontsOffThread(host(), ASSETS)).toBe(warm);
    const result = await warm;
    expect(result).toEqual({ measured: warmupFonts(DEFAULT_FONT_FAMILY).length, refused: [] });
    expect(warmupFonts(DEFAULT_FONT_FAMILY)).toEqual(
      [400, 600, 700].map((w) => `${w} 16px ${DEFAULT_FONT_FAMILY}`),
    );
  });

  it("takes a host's --ad-font-family, and reports a family the canvas cannot parse", async () => {
    const custom = `'Noto Serif CJK SC', serif`;
    expect(await warmFontsOffThread(host(custom), ASSETS)).toEqual({
      measured: warmupFonts(custom).length,
      refused: [],
    });
    const broken = 'serif, , sans-serif';
    const r = await warmFontsOffThread(host(broken), ASSETS);
    expect(r?.refused).toEqual(warmupFonts(broken));
  });

  it('gives up waiting after the cap when the worker never answers', async () => {
    const t0 = performance.now();
    await fontsOpened(host('SilentFamily, sans-serif'), SILENT, 300);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('shows a loading bar without text while the fonts are opened, named for assistive technology', async () => {
    const el = document.createElement('assessment-dashboard');
    el.setAttribute('asset-base', SILENT);
    el.setAttribute('src', '/data/cases.csv');
    el.style.setProperty('--ad-font-family', 'ThirdSilentFamily, sans-serif');
    // Looked at while the file downloads (a page's engine already started can load it within 0.3 s).
    const fetching = new Promise<void>((ok) =>
      el.addEventListener('ad-state', (e) => {
        if ((e as CustomEvent<{ phase: string }>).detail.phase === 'fetching') ok();
      }),
    );
    document.body.append(el);
    mounted.push(el);
    await fetching;
    // (Not updateComplete: it waits for the fonts too.) Lit renders before the next task.
    await new Promise((r) => setTimeout(r));
    const bar = el.shadowRoot?.querySelector('[part="progress"] progress');
    expect(bar?.getAttribute('aria-label')).toMatch(/cases\.csv|DuckDB/);
    expect(el.shadowRoot?.textContent?.trim()).toBe('');
  });

  it('lays out no text in the dashboard before the fonts are open, then shows it', async () => {
    const el = document.createElement('assessment-dashboard') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    el.setAttribute('asset-base', SILENT);
    el.style.setProperty('--ad-font-family', 'AnotherSilentFamily, sans-serif');
    const t0 = performance.now();
    document.body.append(el);
    mounted.push(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(el.shadowRoot?.textContent?.trim()).toBe('');
    await el.updateComplete;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(FONT_WAIT_CAP_MS - 10);
    // no source: the drop zone, with its text
    expect(el.shadowRoot?.querySelector('[part="dropzone"]')?.textContent?.trim()).not.toBe('');
  });
});
