import {
  type IndicatorResult,
  isMonthSelection,
  MONTH_COLUMN,
  monthsOf,
  type Selection,
} from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { formatMonth, formatPercent } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { chartTools } from './chart-tools.ts';
import type { DashboardPanel, PanelActions } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** 上网办理率 month by month; a click picks a month, a drag a range of months, for every other panel. */
export const trendPanel: DashboardPanel = {
  name: 'trend',
  section: 'cases',
  needs: [],
  scope: { datasets: ['cases'], own: { dataset: 'all', column: MONTH_COLUMN } },
  render(state, selection, lang, actions) {
    const { trend } = state;
    if (!trend.some((r) => r.status !== 'unavailable')) return nothing;
    const months = state.trendMonths ?? [];
    const t = messages(lang);
    const selected = pickedMonths(selection);
    const labels = trend.map((r) => formatMonth(r.group?.period ?? '', lang));
    const values = Float64Array.from(trend, (r) => r.value ?? Number.NaN);
    const first = trend.find((r) => r.value !== null);
    const last = [...trend].reverse().find((r) => r.value !== null);
    const label = trend[0]?.label[lang] ?? '';
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
    const title = t.trendTitle(label);
    const base = trend[0] as IndicatorResult;
    const data = () => ({
      title: base.label[lang],
      asOf: base.asOf,
      source: base.source,
      rows: trend.map((r, i) => ({
        key: months[i] ?? '',
        label: labels[i] ?? '',
        value: r.value ?? Number.NaN,
      })),
    });
    const pick = monthPick(actions, lang);
    return html`<section class="panel" part="panel" aria-labelledby="trend-title">
      ${panelTitle('trend', 'trend-title', title, actions)}
      <p class="meta">${summary}</p>
      ${chartTools('trend', `${title}-${base.asOf.slice(0, 10)}`, title, data, lang, selection)}
      <assessment-line-chart .labels=${labels} .values=${values} .target=${base.target ?? undefined}
        .keys=${months} .selected=${selected} ?selectable=${actions.filterable} data-panel="trend"
        summary=${summary} period-header=${t.month} value-header=${label} lang=${lang}
        @ad-select=${pick}></assessment-line-chart>
    </section>`;
  },
};

/** The month range picked in `selection`, as a line chart's `selected` (first and last month). */
export function pickedMonths(selection: readonly Selection[]): [string, string] | undefined {
  const picked = selection.find(isMonthSelection);
  const range = picked ? monthsOf(picked.value) : [];
  return range.length ? [range[0] ?? '', range[range.length - 1] ?? ''] : undefined;
}

/** A line chart's click or drag as a month filter for every panel, with its chip. */
export const monthPick =
  (actions: PanelActions, lang: Lang) => (e: CustomEvent<{ from?: string; to?: string }>) => {
    const { from, to } = e.detail;
    const range = from && to && from !== to;
    const value = range ? `${from}..${to}` : from;
    const chip = range
      ? `${formatMonth(from, lang)}–${formatMonth(to, lang)}`
      : formatMonth(from ?? '', lang);
    actions.toggle('all', MONTH_COLUMN, value, chip);
  };
