import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** Daily volume as a calendar: holidays and 调休 working days marked, a table for screen readers. */
export const dailyPanel: DashboardPanel = {
  name: 'daily',
  section: 'cases',
  needs: ['daily'],
  // The heatmap is a time view of its own: a month filter does not narrow it (its days are all shown).
  scope: { datasets: ['cases'], months: false },
  render({ daily }, _selection, lang, actions) {
    if (!daily?.dates.length) return nothing;
    const t = messages(lang);
    // The heatmap and its holiday calendar are their own chunk: fetched when this panel is first shown.
    void loadElement('assessment-calendar-heatmap');
    return html`<section class="panel" part="panel" aria-labelledby="daily-title">
      ${panelTitle('daily', 'daily-title', t.dailyTitle, actions)}
      <assessment-calendar-heatmap .dates=${daily.dates} .values=${daily.values} value-header=${t.count}
        lang=${lang} data-panel="daily"></assessment-calendar-heatmap>
    </section>`;
  },
};
