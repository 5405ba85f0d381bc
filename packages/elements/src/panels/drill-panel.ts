import { type Filters, selectionOptions } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import type { DashboardPanel } from './panel.ts';
import { panelTitle } from './panel-title.ts';

/** One level of the drill-down: what was opened and the filters that select it. */
interface DrillStep {
  name: string;
  filters: Filters;
}

/** The drill-down path: a department, then one of its service items (whose cases are listed). */
type DrillPath = { dept?: DrillStep; item?: DrillStep };

/**
 * Drill-down: departments (under the current chart selection) → a department's service items → that
 * item's cases, in a virtualised list with personal data masked. The path shows as a breadcrumb.
 */
export const drillPanel: DashboardPanel = {
  name: 'drill',
  section: 'detail',
  needs: [],
  scope: { datasets: ['cases'] },
  render(state, selection, lang, actions) {
    const engine = actions.engine;
    if (!state.byDept?.length || !engine) return nothing;
    const t = messages(lang);
    // The drill-down elements are their own chunk: fetched when this panel is first shown.
    void loadElement('assessment-item-breakdown');
    const { dept, item } = actions.view<DrillPath>('drill') ?? {};
    const go = (to: DrillPath) => actions.setView('drill', to);
    const options = selectionOptions(selection);
    const filters: Filters = { ...options.datasetFilters?.cases };
    const months = options.months ?? [];
    const period = months.length
      ? { from: `${months[0]}-01`, to: monthAfter(months[months.length - 1] ?? '') }
      : undefined;
    const day = state.asOf.slice(0, 10);
    const open = (e: CustomEvent<{ level: string; name: string; filters: Filters }>) => {
      const step = { name: e.detail.name, filters: e.detail.filters };
      go(e.detail.level === 'dept' ? { dept: step } : { dept, item: step });
    };
    const crumb = (label: string, to: DrillPath | undefined) =>
      to
        ? html`<button type="button" class="link" @click=${() => go(to)}>${label}</button>`
        : html`<span aria-current="location">${label}</span>`;
    return html`<section class="panel" part="panel" aria-labelledby="drill-title">
      ${panelTitle('drill', 'drill-title', t.drillTitle, actions)}
      <nav class="crumbs" aria-label=${t.drillPath}>
        ${crumb(t.allDepartments, dept ? {} : undefined)}
        ${dept ? html` › ${crumb(dept.name, item ? { dept } : undefined)}` : nothing}
        ${item ? html` › ${crumb(item.name, undefined)}` : nothing}
      </nav>
      ${
        item
          ? html`<assessment-case-list .engine=${engine} .filters=${item.filters} .period=${period}
              as-of=${day} caption=${item.name} lang=${lang}></assessment-case-list>`
          : html`<assessment-item-breakdown .engine=${engine} level=${dept ? 'item' : 'dept'}
              .filters=${dept ? dept.filters : filters} .period=${period} as-of=${day} lang=${lang}
              caption=${dept ? dept.name : t.allDepartments} @ad-drill=${open}></assessment-item-breakdown>`
      }
    </section>`;
  },
};

/** The first day of the month after 'YYYY-MM', as 'YYYY-MM-DD'. */
function monthAfter(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
