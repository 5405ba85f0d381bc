import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** Electronic supervision: backfilled process steps and fees reconciled with receipts. */
export const supervisionPanel: DashboardPanel = {
  name: 'supervision',
  section: 'alerts',
  needs: ['supervision'],
  followsSelection: false,
  render({ supervision }, _selection, lang, actions) {
    if (!supervision) return nothing;
    void loadElement('assessment-supervision');
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="supervision-title">
      ${panelTitle('supervision', 'supervision-title', t.supervisionTitle, actions)}
      <assessment-supervision .backfill=${supervision.backfill} .reconciliation=${supervision.reconciliation}
        lang=${lang}></assessment-supervision>
    </section>`;
  },
};
