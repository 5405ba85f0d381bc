import { enumLabel, missingText } from '@assessment-dashboard/core';
import { html } from 'lit';
import { resultChart } from '../export/chart-export.ts';
import { formatCountInText } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { chartTools } from './chart-tools.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** Proactive disclosures per domain; picking a domain filters every other panel. */
export const domainPanel: DashboardPanel = {
  name: 'domain',
  section: 'disclosure',
  needs: [],
  scope: { datasets: ['disclosures'], own: { dataset: 'disclosures', column: 'domain' } },
  render(state, selection, lang, actions) {
    const t = messages(lang);
    const c = state.computed.find((x) => x.result.key === 'foi.volume_by_domain');
    return html`<section class="panel" part="panel" aria-labelledby="domains-title">
      ${panelTitle('domain', 'domains-title', t.disclosuresByDomain, actions)}
      ${c ? chart(c.result, selection, lang, actions) : html`<p class="meta">${t.noDisclosures}</p>`}
    </section>`;
  },
};

function chart(
  result: Parameters<typeof resultChart>[0],
  selection: Parameters<DashboardPanel['render']>[1],
  lang: Parameters<DashboardPanel['render']>[2],
  actions: Parameters<DashboardPanel['render']>[3],
) {
  const t = messages(lang);
  // Not in this export: say which column is missing rather than draw an empty chart.
  if (result.status === 'unavailable')
    return html`<p class="meta">${t.status.unavailable}${t.colon}${missingText(result.missing ?? [], lang)}</p>`;
  // The result's breakdown, not the raw Arrow table: small-number protection has already been applied.
  const codes = (result.breakdown ?? []).map((b) => b.key);
  const values = Float64Array.from(result.breakdown ?? [], (b) => b.value);
  const labels = Array.from(codes, (code) => enumLabel('disclosures', 'domain', code, lang));
  const summary =
    labels.length > 0
      ? t.chartSummary(
          labels.length,
          labels[0] ?? '',
          formatCountInText(values[0] ?? 0, lang),
          formatCountInText(result.value ?? 0, lang),
        )
      : '';
  const selected = selection.find((x) => x.dataset === 'disclosures' && x.column === 'domain')?.value;
  const stem = `${result.label[lang]}-${result.asOf.slice(0, 10)}`;
  const pick = (e: CustomEvent<{ key?: string; label?: string }>) =>
    actions.toggle('disclosures', 'domain', e.detail.key, e.detail.label ?? '');
  return html`<p class="meta">${summary}</p>
    ${chartTools('domain', stem, result.label[lang], () => resultChart(result, labels, lang), lang, selection)}
    <assessment-bar-chart .labels=${labels} .values=${values} .keys=${codes} selectable .selected=${selected}
      summary=${summary} category-header=${t.domain} value-header=${t.count} lang=${lang} data-panel="domain"
      @ad-select=${pick}></assessment-bar-chart>`;
}
