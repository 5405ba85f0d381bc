import {
  type DatasetKey,
  type IndicatorResult,
  MONTH_COLUMN,
  type Selection,
} from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import type { ChartNumbers } from '../export/chart-export.ts';
import { formatMonth, formatPercent } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import type { DatasetGroupKey, DatasetGroupNeed } from '../session/dataset-groups.ts';
import { chartTools } from './chart-tools.ts';
import { computingNote, groupResults, unavailableNote } from './dataset-panel-parts.ts';
import type { DashboardPanel, PanelActions, PanelSection } from './panel.ts';
import { panelTitle } from './panel-title.ts';
import { monthPick, pickedMonths } from './trend-panel.ts';

/** One rate of a dataset month by month (core's `computeGrouped` with `period: 'month'`), as a line. */
export function monthRatePanel(spec: {
  name: string;
  section: PanelSection;
  need: DatasetGroupNeed;
  dataset: DatasetKey;
  group: DatasetGroupKey;
  key: string;
}): DashboardPanel {
  return {
    name: spec.name,
    section: spec.section,
    needs: [spec.need],
    groups: [spec.group],
    // A month filter is its own pick: the line keeps every month and highlights the picked ones.
    scope: { datasets: [spec.dataset], own: { dataset: 'all', column: MONTH_COLUMN } },
    render(state, selection, lang, actions) {
      // Shown whenever its dataset is loaded; an export without the columns says which it lacks.
      const overall = state.computed.find((c) => c.result.key === spec.key)?.result;
      if (!overall) return nothing;
      const t = messages(lang);
      const label = overall.label[lang];
      const title = t.trendTitle(label);
      const id = `${spec.name}-title`;
      const rows = groupResults(state, selection, spec.group, spec.key);
      const body =
        overall.status === 'unavailable'
          ? unavailableNote(overall, lang)
          : !rows
            ? computingNote(state, lang)
            : line(spec.name, rows, title, label, lang, selection, actions);
      return html`<section class="panel" part="panel" aria-labelledby=${id} data-dataset-panel=${spec.name}>
        ${panelTitle(spec.name, id, title, actions)}
        ${body}
      </section>`;
    },
  };
}

function line(
  name: string,
  rows: IndicatorResult[],
  title: string,
  label: string,
  lang: 'zh' | 'en',
  selection: readonly Selection[],
  actions: PanelActions,
) {
  const t = messages(lang);
  const base = rows[0];
  if (!base) return nothing;
  if (rows.every((r) => r.status === 'unavailable')) return unavailableNote(base, lang);
  const months = rows.map((r) => r.group?.period ?? '');
  const labels = months.map((m) => formatMonth(m, lang));
  const values = Float64Array.from(rows, (r) => r.value ?? Number.NaN);
  const first = rows.find((r) => r.value !== null);
  const last = [...rows].reverse().find((r) => r.value !== null);
  const summary =
    first && last
      ? t.trendSummary(
          label,
          formatMonth(first.group?.period ?? '', lang),
          formatPercent(first.value ?? 0, lang),
          formatMonth(last.group?.period ?? '', lang),
          formatPercent(last.value ?? 0, lang),
        )
      : '';
  const data = (): ChartNumbers => ({
    title,
    asOf: base.asOf,
    source: base.source,
    rows: rows.map((r, i) => ({
      key: months[i] ?? '',
      label: labels[i] ?? '',
      value: r.value ?? Number.NaN,
    })),
  });
  return html`<p class="meta">${summary}</p>
    ${chartTools(name, `${title}-${base.asOf.slice(0, 10)}`, title, data, lang, selection)}
    <assessment-line-chart .labels=${labels} .values=${values} .target=${base.target ?? undefined}
      .keys=${months} .selected=${pickedMonths(selection)} ?selectable=${actions.filterable} data-panel=${name}
      summary=${summary} period-header=${t.month} value-header=${label} lang=${lang}
      @ad-select=${monthPick(actions, lang)}></assessment-line-chart>`;
}
