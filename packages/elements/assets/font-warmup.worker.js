// Measures text in each font it is sent, so that the renderer process opens those fonts (and the fallback
// fonts of their glyphs) here rather than on the page's thread, and makes a number formatter for each locale
// it is sent (ICU loads the locale's data once per process): see packages/elements/src/styles/font-warmup.ts.
// Copied next to the DuckDB-WASM files (scripts/copy-duckdb-assets.mjs). A shorthand the canvas refuses
// leaves its font unchanged: it is reported back.
self.addEventListener('message', (e) => {
  for (const locale of e.data.locales ?? []) new Intl.NumberFormat(locale).format(12345.6);
  const c = new OffscreenCanvas(1, 1).getContext('2d');
  const refused = [];
  for (const f of e.data.fonts) {
    c.font = '1px serif';
    c.font = f;
    if (c.font === '1px serif') refused.push(f);
    else c.measureText(e.data.text);
  }
  postMessage({ measured: e.data.fonts.length - refused.length, refused });
});
