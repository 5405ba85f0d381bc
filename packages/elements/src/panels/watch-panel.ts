import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import type { DashboardPanel } from './panel.ts';

/** The 超期 / 红黄牌 watch list. */
export const watchPanel: DashboardPanel = {
  name: 'watch',
  section: 'alerts',
  needs: ['watch'],
  render({ watch }, _selection, lang) {
    if (!watch) return nothing;
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="watch-title">
      <h3 class="panel-title" id="watch-title">${t.watchTitle}</h3>
      <assessment-watch-list .watchList=${watch} lang=${lang}></assessment-watch-list>
    </section>`;
  },
};
