import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** The 超期 / 红黄牌 watch list. */
export const watchPanel: DashboardPanel = {
  name: 'watch',
  section: 'alerts',
  needs: ['watch'],
  followsSelection: false,
  render({ watch }, _selection, lang, actions) {
    if (!watch) return nothing;
    void loadElement('assessment-watch-list');
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="watch-title">
      ${panelTitle('watch', 'watch-title', t.watchTitle, actions)}
      <assessment-watch-list .watchList=${watch} lang=${lang}></assessment-watch-list>
    </section>`;
  },
};
