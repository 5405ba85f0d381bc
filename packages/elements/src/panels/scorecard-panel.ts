import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import type { DashboardPanel } from './panel.ts';

/** The department ranking (computed after the first paint: "computing" until then). */
export const scorecardPanel: DashboardPanel = {
  name: 'scorecard',
  section: 'cases',
  needs: ['scorecard'],
  render({ scorecard }, _selection, lang) {
    if (!scorecard) return nothing;
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="scorecard-title" aria-busy=${String(scorecard === 'computing')}>
      <h3 class="panel-title" id="scorecard-title">${t.scorecardTitle}</h3>
      ${
        scorecard === 'computing'
          ? html`<p class="meta" role="status">${t.computingScorecard}</p>`
          : html`<assessment-scorecard .scorecard=${scorecard} lang=${lang}></assessment-scorecard>`
      }
    </section>`;
  },
};
