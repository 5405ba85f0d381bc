import { scriptWorker } from '../duckdb/duckdb-worker.ts';
import { LOCALES } from '../i18n/format.ts';

/**
 * The elements' fonts, opened off the page's thread. On Linux the first text in a font file makes the
 * browser process copy that file into memory shared with the page: Noto Sans CJK, 20 MB per weight, took
 * 37 ms (regular) and 19 ms (bold) of the page's first layout, which was a 75–105 ms task (traced at 100k
 * rows, `fonts` trace category). That copy is made once per browser, whichever thread asks: a worker
 * measuring the same text in an OffscreenCanvas first leaves the page only its own cheap look-ups (measured:
 * 21–25 ms per weight on the page → 1–2 ms after the worker). The page's own look-ups (one per font, size
 * and weight, per thread) are what the loading view's hidden text still makes early
 * (panels/tile-font-warmup.ts). The same worker first makes a number formatter per locale: ICU's locale data
 * is loaded once per process, and the page's first Intl.NumberFormat then costs nothing (measured: 14–18 ms
 * idle, 38–54 ms while DuckDB-WASM compiles → 0 ms).
 */

/** Our font stack; a host's `--ad-font-family` replaces it (styles/tokens.ts). */
export const DEFAULT_FONT_FAMILY = `system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`;

/** The weights our styles use (normal, 600 for labels and headings, 700 for numbers and bold). */
const WEIGHTS = [400, 600, 700];
/**
 * One size: what the worker leaves behind for the page is the font files opened (per weight, whatever the
 * size); the sizes' own look-ups are each thread's (the page still makes its own). Six sizes here only cost
 * CPU while DuckDB-WASM compiles on the same two cores.
 */
const SIZES_PX = [16];
/** Chinese, Latin, digits and the punctuation and marks the interface shows (fallback fonts included). */
const SAMPLE =
  '网上办理率按期办结超期件数部门得分 Online rate 0123456789.% ，。：（）、“”…—–−·→↑↓←▲▼▾▸›≤≥×✓✕■';

/** The CSS font shorthands to resolve for `family`: each weight, in the order a page first needs them. */
export function warmupFonts(family: string): string[] {
  return WEIGHTS.flatMap((w) => SIZES_PX.map((px) => `${w} ${px}px ${family}`));
}

export interface FontWarmup {
  /** fonts measured in the worker */
  measured: number;
  /** shorthands the canvas did not accept (a family list it cannot parse) */
  refused: string[];
}

/** The worker's file, copied beside the DuckDB-WASM files (packages/elements/assets/, copy-duckdb-assets.mjs). */
export const FONT_WORKER_FILE = 'font-warmup.worker.js';

const started = new Map<string, Promise<FontWarmup | undefined>>();
/** Whether a warm-up could not run (no worker file, blocked): no other is tried. */
let unavailable = false;

/**
 * Resolves `host`'s fonts in a worker started from `assetBase` (the DuckDB-WASM files' folder: what lets
 * that worker run lets this one), once per font family per page. Undefined when it cannot run here: the
 * page then resolves them itself at its next layout, as without this.
 */
export function warmFontsOffThread(host: Element, assetBase: string): Promise<FontWarmup | undefined> {
  const family = getComputedStyle(host).getPropertyValue('--ad-font-family').trim() || DEFAULT_FONT_FAMILY;
  let warm = started.get(family);
  if (!warm) {
    warm = inWorker(new URL(FONT_WORKER_FILE, new URL(assetBase, location.href)).href, warmupFonts(family));
    warm.then((r) => (unavailable ||= r === undefined));
    started.set(family, warm);
  }
  return warm;
}

/**
 * How long the dashboard waits for the worker at most. It answers in 0.1–0.3 s on an idle machine, but the
 * browser process answers font look-ups late while it passes a large download: 0.9 s at 3M rows (traced),
 * and the page's own layout then waited 110 ms on it when an earlier cap (0.6 s) let it go first.
 */
export const FONT_WAIT_CAP_MS = 3000;

/**
 * Resolves once `host`'s fonts are open (the worker answered), it failed, or after `capMs` at most: the
 * dashboard lays out no text before (a bar only), so that its first layout does not open the font files.
 */
export function fontsOpened(host: Element, assetBase: string, capMs = FONT_WAIT_CAP_MS): Promise<void> {
  return Promise.race([
    warmFontsOffThread(host, assetBase).then(() => undefined),
    new Promise<void>((ok) => setTimeout(ok, capMs)),
  ]);
}

const unsupported = () =>
  unavailable || typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function';

function inWorker(url: string, fonts: string[]): Promise<FontWarmup | undefined> {
  if (unsupported()) return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = scriptWorker(url);
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise<FontWarmup | undefined>((ok) => {
    const done = (result: FontWarmup | undefined) => {
      worker.terminate();
      ok(result);
    };
    worker.onmessage = (e: MessageEvent<FontWarmup>) => done(e.data);
    worker.onerror = () => done(undefined);
    worker.postMessage({ fonts, text: SAMPLE, locales: Object.values(LOCALES) });
  });
}
