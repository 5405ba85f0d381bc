import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** The department ranking (computed after the first paint: "computing" until then). */
export const scorecardPanel: DashboardPanel = {
  name: 'scorecard',
  section: 'cases',
  needs: ['scorecard'],
  followsSelection: false,
  render({ scorecard }, _selection, lang, actions) {
    if (!scorecard) return nothing;
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="scorecard-title" aria-busy=${String(scorecard === 'computing')}>
      ${panelTitle('scorecard', 'scorecard-title', t.scorecardTitle, actions)}
      ${
        scorecard === 'computing'
          ? html`<p class="meta" role="status">${t.computingScorecard}</p>`
          : html`<assessment-scorecard .scorecard=${scorecard} lang=${lang}></assessment-scorecard>`
      }
    </section>`;
  },
};
