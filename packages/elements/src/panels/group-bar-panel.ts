import { type DatasetKey, enumLabel, type IndicatorResult, type Selection } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import type { ChartNumbers } from '../export/chart-export.ts';
import { formatCountInText } from '../i18n/format.ts';
import { type Lang, type Messages, messages } from '../i18n/messages.ts';
import type { DatasetGroupKey, DatasetGroupNeed } from '../session/dataset-groups.ts';
import { chartTools } from './chart-tools.ts';
import { computingNote, groupResults, hasData, notInExport, rateText } from './dataset-panel-parts.ts';
import type { DashboardPanel, PanelActions, PanelSection } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** A bar chart of one grouped count (tickets, backlog) per department or channel, with rates beside. */
export interface GroupBarSpec {
  name: string;
  section: PanelSection;
  need: DatasetGroupNeed;
  dataset: DatasetKey;
  group: DatasetGroupKey;
  /** the canonical column grouped by (its values are the bars) */
  column: string;
  /** the indicator the bars count: its denominator (tickets) or its value (a count indicator) */
  count: { key: string; part: 'denominator' | 'value' };
  /** rates shown per group in a table under the chart (indicator keys of the same group query) */
  rates: readonly string[];
  title(t: Messages): string;
  valueHeader(t: Messages): string;
  categoryHeader(t: Messages): string;
}

/**
 * The panel of one grouped count: foldable by its title; picking a bar (click or Enter) filters every other
 * panel by that value of the dataset's column, as the case department chart does, and shows as a chip.
 */
export function groupBarPanel(spec: GroupBarSpec): DashboardPanel {
  return {
    name: spec.name,
    section: spec.section,
    needs: [spec.need],
    groups: [spec.group],
    scope: { datasets: [spec.dataset], own: { dataset: spec.dataset, column: spec.column } },
    render(state, selection, lang, actions) {
      if (!hasData(state, spec.rates[0] ?? spec.count.key) && !hasData(state, spec.count.key)) return nothing;
      const t = messages(lang);
      const title = spec.title(t);
      const id = `${spec.name}-title`;
      const rows = groupResults(state, selection, spec.group, spec.count.key);
      const body = !rows
        ? computingNote(state, lang)
        : rows.length === 0
          ? notInExport(spec.dataset, spec.column, lang)
          : chart(spec, rows, state.datasetGroups?.groups[spec.group] ?? [], title, lang, selection, actions);
      return html`<section class="panel" part="panel" aria-labelledby=${id} data-dataset-panel=${spec.name}>
        ${panelTitle(spec.name, id, title, actions)}
        ${body}
      </section>`;
    },
  };
}

function chart(
  spec: GroupBarSpec,
  rows: IndicatorResult[],
  all: IndicatorResult[],
  title: string,
  lang: Lang,
  selection: readonly Selection[],
  actions: PanelActions,
) {
  const t = messages(lang);
  const codes = rows.map((r) => r.group?.value ?? '');
  const labels = codes.map((c) =>
    spec.column === 'channel' ? enumLabel(spec.dataset, 'channel', c, lang) : c,
  );
  const values = Float64Array.from(rows, (r) => (spec.count.part === 'value' ? r.value : r.denominator) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const top = values.reduce((best, v, i) => (v > (values[best] ?? 0) ? i : best), 0);
  const summary = t.groupSummary(
    spec.categoryHeader(t),
    labels.length,
    labels[top] ?? '',
    formatCountInText(values[top] ?? 0, lang),
    formatCountInText(total, lang),
  );
  const base = rows[0] as IndicatorResult;
  const asOf = base.asOf.slice(0, 10);
  // Its scope (the dataset's filters and months; its own pick highlighted) is added by chartTools.
  const data = (): ChartNumbers => ({
    title,
    asOf: base.asOf,
    source: t.datasetPanels.source(`${base.label.zh}（${base.source}）`, spec.categoryHeader(t)),
    rows: rows.map((_, i) => ({ key: codes[i] ?? '', label: labels[i] ?? '', value: values[i] ?? 0 })),
  });
  const rate = (key: string, code: string) => all.find((r) => r.key === key && r.group?.value === code);
  const rateLabel = (key: string) => all.find((r) => r.key === key)?.label[lang] ?? key;
  const rates = spec.rates.length
    ? html`<table class="rates" data-rates=${spec.name}>
        <caption>${t.datasetPanels.rates}</caption>
        <thead><tr><th scope="col">${spec.categoryHeader(t)}</th>${spec.rates.map((k) => html`<th scope="col">${rateLabel(k)}</th>`)}</tr></thead>
        <tbody>${codes.map(
          (code, i) =>
            html`<tr data-key=${code}><th scope="row">${labels[i]}</th>${spec.rates.map(
              (k) => html`<td class="num" data-indicator=${k}>${rateText(rate(k, code), lang)}</td>`,
            )}</tr>`,
        )}</tbody>
      </table>`
    : nothing;
  // Every group at 0 (e.g. no overdue backlog anywhere): a sentence, not a chart of empty bars.
  if (total === 0)
    return html`<p class="meta" data-all-zero>${t.datasetPanels.allZero(spec.valueHeader(t), labels.length)}</p>
      ${rates}`;
  const selected = selection.find((x) => x.dataset === spec.dataset && x.column === spec.column)?.value;
  const pick = (e: CustomEvent<{ key?: string; label?: string }>) =>
    actions.toggle(spec.dataset, spec.column, e.detail.key, e.detail.label ?? '');
  return html`<p class="meta">${summary}</p>
    ${chartTools(spec.name, `${title}-${asOf}`, title, data, lang, selection)}
    <assessment-bar-chart .labels=${labels} .values=${values} .keys=${codes} ?selectable=${actions.filterable}
      .selected=${selected} summary=${summary} category-header=${spec.categoryHeader(t)}
      value-header=${spec.valueHeader(t)} lang=${lang} data-panel=${spec.name}
      @ad-select=${pick}></assessment-bar-chart>
    ${rates}`;
}
