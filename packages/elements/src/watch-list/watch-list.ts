import type { WatchList, WatchListRow } from '@assessment-dashboard/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { formatDate } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { printMessages } from '../i18n/print-messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';

/** Rows on paper: the printed report keeps to a few pages (`tbody tr:nth-child(n + 21)` in the print CSS). */
const PRINTED = 20;
/**
 * Rows on screen at first, and how many more each "show more" adds: the scroll box shows about a dozen, and
 * laying out all 500 rows at once was a 100–280 ms task of the page, during the user's first clicks (traced).
 */
export const WATCH_ROWS_FIRST = 50;
const WATCH_ROWS_STEP = 100;

/**
 * 超期 and 红黄牌 watch list (电子监察): open cases past due, most late first, then those due soon, as a
 * table a screen reader reads row by row. The card is said in words, never by colour alone; a
 * department picker narrows the list and its counts.
 *
 * @element assessment-watch-list
 * @csspart table - the case table
 * @csspart filter - the department picker
 * @fires ad-watch-dept - detail: `{ dept }` (empty string for all) when the department picker changes
 */
export class AssessmentWatchList extends ScaledElement {
  static override properties = {
    watchList: { attribute: false },
    lang: { type: String, reflect: true },
    dept: { type: String, reflect: true },
    _limit: { state: true },
  };
  declare watchList: WatchList | undefined;
  declare lang: string;
  /** department shown ('' = all) */
  declare dept: string;
  /** rows on screen (WATCH_ROWS_FIRST, then more on request) */
  declare _limit: number;

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; }
      .scroll { max-height: var(--ad-watch-max-height, calc(24 * var(--_rem))); overflow-y: auto; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      p.summary { margin: 0 0 calc(0.4 * var(--_rem)); font-weight: 600; }
      /* On a phone the table scrolls sideways instead of breaking names one character per line. */
      table { min-width: calc(36 * var(--_rem)); }
      th, td { padding: calc(0.3 * var(--_rem)) calc(0.6 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; white-space: nowrap; }
      thead th { position: sticky; top: 0; background: var(--_bg); }
      td.num { text-align: right; }
      .card { font-weight: 600; white-space: nowrap; }
      .card.red { color: var(--_bad); }
      .card.yellow { color: var(--_warn); }
      .card::before { content: '■ '; }
      label { display: flex; flex-wrap: wrap; gap: calc(0.4 * var(--_rem)); align-items: center; margin-bottom: calc(0.5 * var(--_rem)); white-space: nowrap; }
      select, button.more { font: inherit; max-width: 100%; }
      button.more { margin-top: calc(0.4 * var(--_rem)); }
      select:focus-visible, button.more:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      .meta { color: var(--_muted); font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
      .print-only { display: none; }
      /* Printed: the 20 (PRINTED) most urgent cases, and a line saying so. */
      @media print {
        .scroll { max-height: none; overflow: visible; }
        label, .screen-only { display: none; }
        .print-only { display: block; }
        tbody tr:nth-child(n + 21) { display: none; }
        /* the page's width, not a phone's scrolling one: long names wrap */
        table { min-width: 0; }
        th, td { padding-block: 0.1em; }
        td:nth-child(3), td:nth-child(4) { white-space: normal; }
      }
    `,
  ];

  constructor() {
    super();
    this.lang = '';
    this.dept = '';
    this._limit = WATCH_ROWS_FIRST;
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('watchList') || changed.has('dept')) this._limit = WATCH_ROWS_FIRST;
  }

  async #more() {
    this._limit += WATCH_ROWS_STEP;
    await this.updateComplete;
    // The button is gone once every row is shown: focus stays in the list.
    if (!this.shadowRoot?.activeElement)
      this.renderRoot.querySelector<HTMLElement>('[data-scroller]')?.focus();
  }

  #pick(e: Event) {
    this.dept = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(
      new CustomEvent('ad-watch-dept', { detail: { dept: this.dept }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const w = this.watchList;
    if (!w) return nothing;
    const lang: Lang = hostLang(this);
    const t = messages(lang);
    const rows = this.dept ? w.rows.filter((r) => (r.dept_name ?? '') === this.dept) : w.rows;
    const counts = this.dept ? w.byDept.filter((d) => (d.dept_name ?? '') === this.dept) : w.byDept;
    const red = counts.reduce((s, d) => s + d.red, 0);
    const yellow = counts.reduce((s, d) => s + d.yellow, 0);
    // Shown above the table (not as its visible caption, which would scroll away with a wide table on a phone).
    const caption = t.watchCaption(formatDate(w.asOf, lang), red, yellow);
    return html`<label part="filter">${t.watchDept}
        <select @change=${this.#pick}>
          <option value="" ?selected=${!this.dept}>${t.watchAll}</option>
          ${w.byDept.map(
            (d) =>
              html`<option value=${d.dept_name ?? ''} ?selected=${this.dept === (d.dept_name ?? '')}>
                ${d.dept_name ?? '–'}（${t.red} ${d.red} · ${t.yellow} ${d.yellow}）</option>`,
          )}
        </select></label>
      ${
        rows.length
          ? html`<p class="summary" aria-hidden="true">${caption}</p>
            <div class="scroll sticky-first" data-scroller tabindex="0" role="region" aria-label=${t.watchTitle}><table part="table">
              <caption class="visually-hidden">${caption}</caption>
              <thead><tr>
                <th scope="col">${t.card}</th><th scope="col">${t.caseId}</th><th scope="col">${t.department}</th>
                <th scope="col">${t.item}</th><th scope="col">${t.dueDay}</th><th scope="col">${t.lateness}</th>
              </tr></thead>
              <tbody>${rows.slice(0, this._limit).map((r) => this.#row(r, lang))}</tbody>
            </table></div>
            ${
              rows.length > this._limit
                ? html`<button type="button" class="more screen-only" @click=${this.#more}>${t.watchMore(Math.min(WATCH_ROWS_STEP, rows.length - this._limit), rows.length - this._limit)}</button>`
                : nothing
            }
            ${red + yellow > rows.length ? html`<p class="meta screen-only">${t.watchShown(rows.length, red + yellow)}</p>` : nothing}
            ${red + yellow > PRINTED ? html`<p class="meta print-only">${printMessages(lang).watchPrinted(Math.min(PRINTED, rows.length), red + yellow)}</p>` : nothing}`
          : html`<p class="meta" role="status">${t.watchEmpty}</p>`
      }`;
  }

  #row(r: WatchListRow, lang: Lang) {
    const t = messages(lang);
    return html`<tr>
      <td><span class="card ${r.card}">${r.card === 'red' ? t.red : t.yellow}</span></td>
      <th scope="row">${r.case_id}</th>
      <td>${r.dept_name ?? '–'}</td>
      <td>${r.item_name ?? '–'}</td>
      <td>${formatDate(r.due_day, lang)}</td>
      <td>${r.card === 'red' ? t.daysLate(r.working_days) : t.daysLeft(r.working_days)}</td>
    </tr>`;
  }
}
