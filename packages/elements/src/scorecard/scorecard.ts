import type { Scorecard, ScorecardRow } from '@assessment-dashboard/core';
import { css, html, LitElement, nothing } from 'lit';
import { formatCount } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { tokens } from '../styles/tokens.ts';

type SortKey = 'rank' | 'department' | 'change';

/**
 * Department scorecard (部门动态排名): a real table — rank, department, score, band (分档), change since the
 * previous period — sortable by its column headers, each row expandable to the reasons behind its score
 * ("−3 for 6 overdue cases…"). Prints on A4 with every row expanded.
 *
 * @element assessment-scorecard
 * @csspart table - the ranking table
 */
export class AssessmentScorecard extends LitElement {
  static override properties = {
    scorecard: { attribute: false },
    lang: { type: String, reflect: true },
    _sort: { state: true },
    _open: { state: true },
  };
  declare scorecard: Scorecard | undefined;
  declare lang: string;
  declare _sort: { key: SortKey; descending: boolean };
  declare _open: ReadonlySet<string>;

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--_border); text-align: left; vertical-align: top; }
      td.num, th.num { text-align: right; }
      thead button { font: inherit; font-weight: 600; background: none; border: none; padding: 0; color: var(--_fg); cursor: pointer; }
      tbody th button { font: inherit; background: none; border: none; padding: 0; color: var(--_bar); cursor: pointer; text-align: left; }
      button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      .up { color: var(--_good); }
      .down { color: var(--_bad); }
      tr.detail td { background: var(--_panel); font-size: 0.875rem; }
      tr.detail ul { margin: 0; padding-left: 1.25rem; }
      .missing { color: var(--_muted); }
      @media print {
        @page { size: A4; margin: 12mm; }
        :host { font-size: 9pt; }
        tr { break-inside: avoid; }
        tr.detail { display: table-row !important; }
        thead button, tbody th button { color: inherit; }
      }
    `,
  ];

  constructor() {
    super();
    this.lang = '';
    this._sort = { key: 'rank', descending: false };
    this._open = new Set();
  }

  #rows(): ScorecardRow[] {
    const rows = [...(this.scorecard?.rows ?? [])];
    const { key, descending } = this._sort;
    const value = (r: ScorecardRow): number | string =>
      key === 'department'
        ? r.department
        : key === 'change'
          ? (r.change ?? Number.NEGATIVE_INFINITY)
          : (r.rank ?? Number.POSITIVE_INFINITY);
    rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return descending ? -c : c;
    });
    return rows;
  }

  #sortBy(key: SortKey) {
    this._sort = { key, descending: this._sort.key === key ? !this._sort.descending : key === 'change' };
  }

  #toggle(department: string) {
    const next = new Set(this._open);
    if (next.has(department)) next.delete(department);
    else next.add(department);
    this._open = next;
  }

  override render() {
    const card = this.scorecard;
    if (!card) return nothing;
    const lang: Lang = hostLang(this);
    const t = messages(lang);
    const sortState = (key: SortKey) =>
      this._sort.key === key ? (this._sort.descending ? 'descending' : 'ascending') : 'none';
    const header = (key: SortKey, label: string, cls = '') =>
      html`<th scope="col" class=${cls} aria-sort=${sortState(key)}><button type="button" @click=${() => this.#sortBy(key)}>${label}</button></th>`;
    return html`<div class="scroll"><table part="table">
      <caption class="visually-hidden">${t.scorecardCaption(card.name[lang], card.period ?? card.asOf.slice(0, 10), card.maxScore)}</caption>
      <thead><tr>
        ${header('rank', t.rank, 'num')}${header('department', t.department)}
        <th scope="col" class="num">${t.score}</th><th scope="col">${t.band}</th>
        ${header('change', t.change, 'num')}
      </tr></thead>
      <tbody>${this.#rows().map((r) => this.#row(r, lang))}</tbody>
    </table></div>`;
  }

  #row(r: ScorecardRow, lang: Lang) {
    const t = messages(lang);
    const open = this._open.has(r.department);
    const id = `d-${encodeURIComponent(r.department).replaceAll('%', '')}`;
    const score = r.score === null ? t.notScored : formatCount(Math.round(r.score * 100) / 100, lang, 2);
    const change =
      r.change === null || r.change === undefined
        ? html`<span class="missing">–</span>`
        : html`<span class=${r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}>${r.change > 0 ? '▲' : r.change < 0 ? '▼' : '＝'}
            ${t.changeText(formatCount(Math.abs(Math.round(r.change * 100) / 100), lang, 2), r.change)}</span>`;
    return html`<tr>
        <td class="num">${r.rank ?? '–'}</td>
        <th scope="row"><button type="button" aria-expanded=${String(open)} aria-controls=${id} @click=${() => this.#toggle(r.department)}>
          ${open ? '▾' : '▸'} ${r.department}</button></th>
        <td class="num">${score}</td>
        <td>${r.band ? r.band[lang] : '–'}</td>
        <td class="num">${change}</td>
      </tr>
      <tr class="detail" id=${id} ?hidden=${!open}>
        <td></td>
        <td colspan="4"><ul>${r.items.map(
          (i) => html`<li class=${i.missing ? 'missing' : ''}>${i.explanation[lang]}</li>`,
        )}</ul></td>
      </tr>`;
  }
}
