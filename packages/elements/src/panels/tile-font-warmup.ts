import { css, html } from 'lit';
import { TILE_TYPE } from '../kpi-tile/kpi-tile.ts';

/**
 * Invisible text beside the loading progress in each of the KPI tiles' text styles, Chinese and Latin
 * glyphs: laying it out makes the browser resolve the tiles' fonts while the page only waits for the import,
 * not in the first paint of the tiles (on Linux each font, size and weight costs a synchronous round trip to
 * the browser process, 10–30 ms each on a busy machine: 65–145 ms at the tiles' first paint, measured).
 * (The font files themselves are opened by a worker before: styles/font-warmup.ts.) Hidden from everyone
 * (visibility, aria-hidden) and out of the flow.
 */
export function tileFontWarmup(count = TILE_STYLES.length) {
  const text = '网上办理率 Online 12.3万 95.7% ✓';
  return html`<div class="font-warmup" aria-hidden="true">
    ${TILE_STYLES.slice(0, count).map((k) => html`<p class=${k}>${text}</p>`)}
  </div>`;
}

/** The tiles' text styles, in the order the loading view lays them out (one more a frame: start-up.ts). */
export const TILE_STYLES = Object.keys(TILE_TYPE);

export const tileFontWarmupStyles = css`
  .font-warmup { position: absolute; visibility: hidden; pointer-events: none; width: calc(13 * var(--_rem)); height: 0; overflow: hidden; }
  .font-warmup p { margin: 0; }
  .font-warmup .label { ${TILE_TYPE.label} }
  .font-warmup .value { ${TILE_TYPE.value} }
  .font-warmup .valueNarrow { ${TILE_TYPE.value} ${TILE_TYPE.valueNarrow} }
  .font-warmup .note { ${TILE_TYPE.note} }
  .font-warmup .status { ${TILE_TYPE.note} ${TILE_TYPE.status} }
  .font-warmup .placeholder { ${TILE_TYPE.placeholder} }
`;
