import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import type { DashboardPanel } from './panel.ts';

/** Electronic supervision: backfilled process steps and fees reconciled with receipts. */
export const supervisionPanel: DashboardPanel = {
  name: 'supervision',
  section: 'alerts',
  needs: ['supervision'],
  render({ supervision }, _selection, lang) {
    if (!supervision) return nothing;
    const t = messages(lang);
    return html`<section class="panel" part="panel" aria-labelledby="supervision-title">
      <h3 class="panel-title" id="supervision-title">${t.supervisionTitle}</h3>
      <assessment-supervision .backfill=${supervision.backfill} .reconciliation=${supervision.reconciliation}
        lang=${lang}></assessment-supervision>
    </section>`;
  },
};
