import { html, nothing } from 'lit';
import { resultChart } from '../export/chart-export.ts';
import { formatCountInText, formatMonth } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { chartTools } from './chart-tools.ts';
import { unavailableNote } from './dataset-panel-parts.ts';
import { monthRatePanel } from './month-rate-panel.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** 主动公开 per month of publication: the `foi.volume_by_month` breakdown (it follows the chart filters). */
export const disclosureMonthPanel: DashboardPanel = {
  name: 'disclosure-months',
  section: 'disclosure',
  needs: [],
  scope: { datasets: ['disclosures'] },
  render(state, selection, lang, actions) {
    const result = state.computed.find((c) => c.result.key === 'foi.volume_by_month')?.result;
    if (!result) return nothing;
    const t = messages(lang);
    const title = t.datasetPanels.disclosuresByMonth;
    const months = (result.breakdown ?? []).map((b) => b.key);
    const labels = months.map((m) => formatMonth(m, lang));
    const values = Float64Array.from(result.breakdown ?? [], (b) => b.value);
    const top = values.reduce((best, v, i) => (v > (values[best] ?? 0) ? i : best), 0);
    const summary = labels.length
      ? t.monthSummary(
          labels.length,
          labels[top] ?? '',
          formatCountInText(values[top] ?? 0, lang),
          formatCountInText(result.value ?? 0, lang),
        )
      : '';
    const body =
      result.status === 'unavailable'
        ? unavailableNote(result, lang)
        : html`<p class="meta">${summary}</p>
          ${chartTools('disclosure-months', `${title}-${result.asOf.slice(0, 10)}`, title, () => resultChart(result, labels, lang), lang, selection)}
          <assessment-bar-chart .labels=${labels} .values=${values} .keys=${months} summary=${summary}
            category-header=${t.month} value-header=${t.count} lang=${lang}
            data-panel="disclosure-months"></assessment-bar-chart>`;
    return html`<section class="panel" part="panel" aria-labelledby="disclosure-months-title"
        data-dataset-panel="disclosure-months">
      ${panelTitle('disclosure-months', 'disclosure-months-title', title, actions)}
      ${body}
    </section>`;
  },
};

/** 主动公开及时率 month by month. */
export const disclosureTimelyPanel = monthRatePanel({
  name: 'disclosure-timely',
  section: 'disclosure',
  need: 'disclosure-groups',
  dataset: 'disclosures',
  group: 'disclosures.month',
  key: 'foi.proactive_timely',
});
