import { type IndicatorResult, missingText } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { defaultTiles } from '../dashboard/default-tiles.ts';
import { formatDate } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import type { Ready } from '../session/cube-panels.ts';
import type { DashboardPanel } from './panel.ts';

/** The KPI tiles, the as-of day they hold for, and the indicators this export cannot answer. */
export const tilesPanel: DashboardPanel = {
  name: 'tiles',
  section: 'cases',
  needs: [],
  render(state, _selection, lang) {
    const t = messages(lang);
    const { computed } = state;
    const tiles = defaultTiles(computed);
    const dataEnd =
      state.dataEnd && state.dataEnd.slice(0, 10) !== state.asOf.slice(0, 10)
        ? t.dataEndNote(formatDate(state.dataEnd, lang))
        : '';
    return html`<p class="meta tiles-as-of" part="as-of">${t.dataAsOf} ${formatDate(state.asOf, lang)}${dataEnd}</p>
      ${tileList(tiles, lang)}
      ${unavailableList(state, lang)}`;
  },
};

/** The tiles as a list; a `pending` one names its indicator and says its number is being computed. */
export function tileList(tiles: readonly { result: IndicatorResult; pending?: true }[], lang: Lang) {
  return html`<ul class="tiles" part="tiles">
    ${tiles.map((c) => html`<li><assessment-kpi-tile .result=${c.result} ?pending=${c.pending === true} lang=${lang}></assessment-kpi-tile></li>`)}
  </ul>`;
}

/** Which indicators this export cannot answer, and the column that would enable each. */
function unavailableList(state: Ready, lang: Lang) {
  const t = messages(lang);
  const lacking = state.computed.filter((c) => c.result.status === 'unavailable');
  if (!lacking.length) return nothing;
  return html`<details class="unavailable" part="unavailable">
    <summary>${t.unavailableTitle(lacking.length)}</summary>
    <ul>
      ${lacking.map(
        (c) =>
          html`<li data-key=${c.result.key}>${c.result.label[lang]}${t.colon}${missingText(c.result.missing ?? [], lang)}</li>`,
      )}
    </ul>
  </details>`;
}
