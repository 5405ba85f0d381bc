import { enumLabel } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import type { ChartNumbers } from '../export/chart-export.ts';
import { formatCountInText } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { chartTools } from './chart-tools.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/**
 * Cases per department or per channel: a bar per value; picking one filters every other panel. The bars
 * count the cases received (the 上网办理率 denominator) under every selection but the chart's own.
 */
function countPanel(which: 'dept' | 'channel'): DashboardPanel {
  const column = which === 'dept' ? 'dept_name' : 'apply_channel';
  return {
    name: which,
    section: 'cases',
    needs: [],
    scope: { datasets: ['cases'], own: { dataset: 'cases', column } },
    render(state, selection, lang, actions) {
      const rows = which === 'dept' ? state.byDept : state.byChannel;
      if (!rows?.length) return nothing;
      const t = messages(lang);
      const codes = rows.map((r) => r.key);
      const labels = codes.map((c) => (which === 'dept' ? c : enumLabel('cases', column, c, lang)));
      const values = Float64Array.from(rows, (r) => r.value);
      const total = values.reduce((a, b) => a + b, 0);
      const title = which === 'dept' ? t.casesByDept : t.casesByChannel;
      // Bars keep the whole data's order under a filter, so the largest need not be the first.
      const top = values.reduce((best, v, i) => (v > (values[best] ?? 0) ? i : best), 0);
      const summary = labels.length
        ? t.casesSummary(
            which,
            labels.length,
            labels[top] ?? '',
            formatCountInText(values[top] ?? 0, lang),
            formatCountInText(total, lang),
          )
        : '';
      const selected = selection.find((x) => x.dataset === 'cases' && x.column === column)?.value;
      const id = `${which}-title`;
      const asOf = state.asOf.slice(0, 10);
      // Its scope (every filter but this chart's own, which it highlights) is added by chartTools.
      const data = (): ChartNumbers => ({
        title,
        asOf: state.asOf,
        source: t.countSource(which),
        rows: rows.map((r, i) => ({ key: r.key, label: labels[i] ?? r.key, value: r.value })),
      });
      const pick = (e: CustomEvent<{ key?: string; label?: string }>) =>
        actions.toggle('cases', column, e.detail.key, e.detail.label ?? '');
      return html`<section class="panel" part="panel" aria-labelledby=${id}>
        ${panelTitle(which, id, title, actions)}
        <p class="meta">${summary}</p>
        ${chartTools(which, `${title}-${asOf}`, title, data, lang, selection)}
        <assessment-bar-chart .labels=${labels} .values=${values} .keys=${codes} selectable .selected=${selected}
          summary=${summary} category-header=${which === 'dept' ? t.department : t.channel} value-header=${t.count}
          lang=${lang} data-panel=${which} @ad-select=${pick}></assessment-bar-chart>
      </section>`;
    },
  };
}

export const deptPanel = countPanel('dept');
export const channelPanel = countPanel('channel');
