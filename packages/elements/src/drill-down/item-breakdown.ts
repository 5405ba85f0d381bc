import {
  type Breakdown,
  type BreakdownRow,
  type DrillLevel,
  drillBreakdown,
  type Engine,
  type Filters,
} from '@assessment-dashboard/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { changedValue } from '../changed-value.ts';
import { RovingFocus } from '../controllers/roving-focus.ts';
import { formatCount, formatPercent } from '../i18n/format.ts';
import { hostLang, type Lang } from '../i18n/messages.ts';
import { LatestRun, STALE } from '../session/latest-run.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';
import { drillMessages } from './messages.ts';

/** `ad-drill` detail: the row chosen and the filters that select its cases. */
export interface DrillDetail {
  level: DrillLevel;
  code: string | null;
  name: string | null;
  filters: Filters;
  row: BreakdownRow;
}

/**
 * Drill-down table: the departments (`level="dept"`) or the service items (`level="item"`, default) of the
 * filtered cases with their case counts, online applications and 上网办理率, closures, overdue cases, open
 * cases past due (红牌) and 按时办结率 — the same numbers as the indicators under the same filters. Each
 * row's name is a button: activating it (click, Enter or Space), or clicking anywhere in the row, fires
 * `ad-drill` so the host can open the next level (a department's items, an item's
 * `<assessment-case-list>` with `detail.filters`). The row buttons are one Tab stop: the arrow keys and
 * Home/End move between them.
 *
 * Data: set `breakdown` (from core's `drillBreakdown` / `itemBreakdown`), or set `engine` and `filters`,
 * `as-of`, `period` and `level`, and the element computes it, again whenever one of them changes.
 * `ad-drill` bubbles out of shadow roots; `ad-ready` and `ad-error` stay on the element (inside the
 * dashboard they are not mistaken for its own).
 *
 * @element assessment-item-breakdown
 * @attr as-of - 'YYYY-MM-DD': the day open cases are judged on (default: the latest timestamp in the data)
 * @attr level - 'item' (service items, default) or 'dept' (departments)
 * @csspart table - the breakdown table
 * @csspart drill - each row's button
 * @csspart status - loading and error messages
 * @fires ad-drill - detail: `{ level, code, name, filters, row }` when a row is chosen
 * @fires ad-ready - detail: `{ breakdown }` when a computed breakdown is shown
 * @fires ad-error - detail: `{ message }` when it cannot be computed
 */
export class AssessmentItemBreakdown extends LitElement {
  static override properties = {
    engine: { attribute: false },
    filters: { attribute: false, hasChanged: changedValue },
    period: { attribute: false, hasChanged: changedValue },
    breakdown: { attribute: false },
    asOf: { type: String, attribute: 'as-of', reflect: true },
    level: { type: String, reflect: true },
    caption: { type: String },
    lang: { type: String, reflect: true },
    _computed: { state: true },
    _error: { state: true },
  };
  /** The row buttons: one Tab stop for the table, not one per row. */
  readonly #roving = new RovingFocus(this, () => [
    ...this.renderRoot.querySelectorAll('tbody button[part="drill"]'),
  ]);
  /** a core Engine holding the case export (and the item catalogue, for item names) */
  declare engine: Engine | undefined;
  /** the indicators' filters, e.g. `{ dept_name: ['县自然资源局'] }` for one department's items */
  declare filters: Filters | undefined;
  /** days [from, to) ('YYYY-MM-DD'); each number uses its indicator's date */
  declare period: { from: string; to: string } | undefined;
  /** a computed breakdown to show (instead of computing one from `engine`) */
  declare breakdown: Breakdown | undefined;
  declare asOf: string | undefined;
  declare level: DrillLevel;
  /** the table's caption (default: 各事项办理情况 with the department filtered on, or 各部门办理情况) */
  declare caption: string | undefined;
  declare lang: string;
  declare _computed: Breakdown | undefined;
  declare _error: string | undefined;
  readonly #latest = new LatestRun();

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; max-width: 100%; min-width: 0; }
      table { border-collapse: collapse; min-width: calc(40 * var(--_rem)); width: 100%; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-weight: 600; padding-bottom: calc(0.4 * var(--_rem)); }
      .hint { font-weight: normal; color: var(--_muted); margin-left: calc(0.5 * var(--_rem)); font-size: calc(0.875 * var(--_rem)); }
      th, td { padding: calc(0.3 * var(--_rem)) calc(0.6 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: right; white-space: nowrap; }
      th[scope='row'], thead th:first-child, td.code { text-align: left; }
      thead th { background: var(--_panel); font-weight: 600; }
      tbody tr { cursor: pointer; }
      tbody tr:hover { background: var(--_panel); }
      tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--_border); }
      button {
        font: inherit; color: var(--_bar); background: none; border: 0; padding: 0; cursor: pointer;
        text-decoration: underline; text-align: left; white-space: normal; min-width: calc(8 * var(--_rem));
      }
      button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      .bad { color: var(--_bad); font-weight: 600; }
      .status { color: var(--_muted); }
      .status.error { color: var(--_bad); }
    `,
  ];

  constructor() {
    super();
    this.lang = '';
    this.level = 'item';
  }

  /** The breakdown on display: the one set from outside, else the one computed from `engine`. */
  get shown(): Breakdown | undefined {
    return this.breakdown ?? this._computed;
  }

  override willUpdate(changed: PropertyValues<this>) {
    const inputs = ['engine', 'filters', 'period', 'asOf', 'level', 'breakdown'] as const;
    if (this.engine && !this.breakdown && inputs.some((k) => changed.has(k))) void this.#compute(this.engine);
  }

  async #compute(engine: Engine) {
    this._error = undefined;
    try {
      const b = await this.#latest.run(() =>
        drillBreakdown(engine, {
          level: this.level === 'dept' ? 'dept' : 'item',
          filters: this.filters,
          asOf: this.asOf || undefined,
          period: this.period,
        }),
      );
      if (b === STALE) return;
      this._computed = b;
      await this.updateComplete;
      this.dispatchEvent(new CustomEvent('ad-ready', { detail: { breakdown: b } }));
    } catch (e) {
      this._error = e instanceof Error ? e.message : String(e);
      this.dispatchEvent(new CustomEvent('ad-error', { detail: { message: this._error } }));
    }
  }

  #drill(b: Breakdown, row: BreakdownRow) {
    const detail: DrillDetail = { level: b.level, code: row.code, name: row.name, filters: row.filters, row };
    this.dispatchEvent(new CustomEvent('ad-drill', { detail, bubbles: true, composed: true }));
  }

  #scope(): string | null {
    const depts = this.filters?.dept_name;
    return depts?.length === 1 && typeof depts[0] === 'string' ? depts[0] : null;
  }

  override render() {
    const lang = hostLang(this);
    const t = drillMessages(lang);
    if (this._error) return html`<p class="status error" role="alert" part="status">${this._error}</p>`;
    const b = this.shown;
    if (!b)
      return this.engine ? html`<p class="status" role="status" part="status">${t.loading}</p>` : nothing;
    const items = b.level === 'item';
    const caption = this.caption || (items ? t.itemsTitle(this.#scope()) : t.deptsTitle);
    return html`<div class="scroll sticky-first" data-scroller tabindex="0" role="region" aria-label=${caption}>
      <table part="table">
        <caption>${caption}<span class="hint">${items ? t.itemsHint : t.deptsHint}</span></caption>
        <thead><tr>
          <th scope="col">${items ? t.item : t.department}</th>
          ${items ? html`<th scope="col">${t.itemCode}</th>` : nothing}
          <th scope="col">${t.cases}</th><th scope="col">${t.onlineApply}</th><th scope="col">${t.onlineRate}</th>
          <th scope="col">${t.closedCount}</th><th scope="col">${t.overdueCount}</th>
          <th scope="col">${t.openOverdue}</th><th scope="col">${t.onTimeRate}</th>
        </tr></thead>
        <tbody @keydown=${this.#roving.keydown}>${b.rows.map((r) => this.#row(b, r, lang))}</tbody>
        <tfoot><tr>
          <th scope="row">${t.totalRow}</th>${items ? html`<td></td>` : nothing}
          ${this.#numbers(b.total, lang)}
        </tr></tfoot>
      </table></div>`;
  }

  #row(b: Breakdown, r: BreakdownRow, lang: Lang) {
    const t = drillMessages(lang);
    const name = r.name ?? r.code ?? t.noName;
    return html`<tr @click=${() => this.#drill(b, r)}>
      <th scope="row"><button type="button" part="drill" tabindex="-1"
        aria-label=${b.level === 'item' ? t.openItem(name) : t.openDept(name)}>${name}</button></th>
      ${b.level === 'item' ? html`<td class="code">${r.code ?? '–'}</td>` : nothing}
      ${this.#numbers(r, lang)}
    </tr>`;
  }

  #numbers(r: Breakdown['total'], lang: Lang) {
    const rate = (n: number, d: number) => (d > 0 ? formatPercent(n / d, lang) : '–');
    return html`<td>${formatCount(r.cases, lang)}</td>
      <td>${formatCount(r.online_apply, lang)}</td>
      <td>${rate(r.online_apply, r.cases)}</td>
      <td>${formatCount(r.closed, lang)}</td>
      <td class=${r.overdue ? 'bad' : ''}>${formatCount(r.overdue, lang)}</td>
      <td class=${r.open_overdue ? 'bad' : ''}>${formatCount(r.open_overdue, lang)}</td>
      <td>${rate(r.on_time, r.closed_with_due)}</td>`;
  }
}
