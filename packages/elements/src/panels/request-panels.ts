import { html, nothing } from 'lit';
import { formatCountInText } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { computingNote, hasData } from './dataset-panel-parts.ts';
import { groupBarPanel } from './group-bar-panel.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** 依申请公开: the overdue backlog per 承办机关, with each one's on-time reply rate. */
export const requestDeptPanel = groupBarPanel({
  name: 'request-dept',
  section: 'disclosure',
  need: 'request-groups',
  dataset: 'requests',
  group: 'requests.dept',
  column: 'agency',
  count: { key: 'foi.backlog', part: 'value' },
  rates: ['foi.request_on_time'],
  title: (t) => t.datasetPanels.requestsByDept,
  valueHeader: (t) => t.datasetPanels.backlog,
  categoryHeader: (t) => t.datasetPanels.agency,
});

/** The annual report's table 三 in one line (core's `annualTable3`: received, carried over, answered, carried on). */
export const requestSummaryPanel: DashboardPanel = {
  name: 'request-summary',
  section: 'disclosure',
  needs: ['request-groups'],
  // The annual report's table 三: the whole year, every agency (the slot names the filters it ignores).
  followsSelection: false,
  // Table 三 only (computed once per load with the on-request queries).
  groups: [],
  render(state, _selection, lang, actions) {
    if (!hasData(state, 'foi.request_on_time') && !hasData(state, 'foi.backlog')) return nothing;
    const t = messages(lang);
    const table = state.datasetGroups?.table3;
    const total = (key: string) => {
      const values = table?.rows.find((r) => r.key === key)?.values;
      return formatCountInText(values?.[values.length - 1] ?? 0, lang);
    };
    const year = table?.year ?? Number(state.asOf.slice(0, 4));
    return html`<section class="panel" part="panel" aria-labelledby="request-summary-title"
        data-dataset-panel="request-summary">
      ${panelTitle('request-summary', 'request-summary-title', t.datasetPanels.table3Title(year), actions)}
      ${
        table
          ? html`<p class="meta" data-table3>${t.datasetPanels.table3Line(
              total('new_received'),
              total('carried_over'),
              total('total_processed'),
              total('carried_forward'),
            )}</p>`
          : computingNote(state, lang)
      }
    </section>`;
  },
};
