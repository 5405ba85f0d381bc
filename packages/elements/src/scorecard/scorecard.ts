import type { Scorecard, ScorecardRow } from '@assessment-dashboard/core';
import { css, html, nothing } from 'lit';
import { RovingFocus } from '../controllers/roving-focus.ts';
import { formatCount } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { printMessages } from '../i18n/print-messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';

type SortKey = 'rank' | 'department' | 'change';

/**
 * Department scorecard (部门动态排名): a real table — rank, department, score, band (分档), change since the
 * previous period — sortable by its column headers, each row expandable to the reasons behind its score
 * ("−3 for 6 overdue cases…"). Printed, each department is one line: its reasons shrink to where it lost
 * points ("超期件 −3；红牌 −2"), cut to the line's width. The row buttons
 * are one Tab stop (arrow keys, Home/End move between them); the header buttons sort.
 *
 * @element assessment-scorecard
 * @csspart table - the ranking table
 */
export class AssessmentScorecard extends ScaledElement {
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
  /** The department buttons: one Tab stop for the whole ranking, not one per department. */
  readonly #roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll('tbody th button')]);

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; }
      /* A container: the padding narrows on a phone so that every column fits without scrolling. */
      .scroll { container-type: inline-size; }
      @container (max-width: 420px) { th, td { padding-inline: calc(0.3 * var(--_rem)); } }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      /* On a phone the table scrolls sideways instead of breaking names and bands one character per line. */
      th, td { padding: calc(0.35 * var(--_rem)) calc(0.6 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; vertical-align: top; white-space: nowrap; }
      tr.detail td { white-space: normal; }
      /* Department names wrap after six characters or so, so the score stays in view on a phone. */
      tbody th { white-space: normal; min-width: 6em; }
      td.num, th.num { text-align: right; }
      thead button { font: inherit; font-weight: 600; background: none; border: none; padding: 0; color: var(--_fg); cursor: pointer; }
      tbody th button { font: inherit; background: none; border: none; padding: 0; color: var(--_bar); cursor: pointer; text-align: left; }
      button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      .up { color: var(--_good); }
      .down { color: var(--_bad); }
      tr.detail td { background: var(--_panel); font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
      tr.detail ul { margin: 0; padding-left: calc(1.25 * var(--_rem)); }
      .missing { color: var(--_muted); }
      .spark { color: var(--_bar); vertical-align: middle; }
      .reasons { display: none; }
      @media print {
        @page { size: A4; margin: 12mm; }
        :host { font-size: 9pt; }
        tr { break-inside: avoid; }
        tr.detail, .spark-col { display: none !important; }
        th, td { padding-block: 0.1em; }
        tbody th { min-width: 0; white-space: nowrap; }
        /* The reasons take what is left of the line; their cell's width comes from the table, not the text. */
        table { table-layout: auto; }
        .reasons { display: table-cell; width: 100%; max-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--_muted); }
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
    const trend = card.rows.some((r) => (r.history?.length ?? 0) > 1);
    const sortState = (key: SortKey) =>
      this._sort.key === key ? (this._sort.descending ? 'descending' : 'ascending') : 'none';
    const header = (key: SortKey, label: string, cls = '') =>
      html`<th scope="col" class=${cls} aria-sort=${sortState(key)}><button type="button" @click=${() => this.#sortBy(key)}>${label}</button></th>`;
    return html`<div class="scroll" data-scroller tabindex="0" role="region" aria-label=${t.scorecardTitle}><table part="table">
      <caption class="visually-hidden">${t.scorecardCaption(card.name[lang], card.period ?? card.asOf.slice(0, 10), card.maxScore)}</caption>
      <thead><tr>
        ${header('rank', t.rank, 'num')}${header('department', t.department)}
        <th scope="col" class="num">${t.score}</th><th scope="col">${t.band}</th>
        ${header('change', t.change, 'num')}
        ${trend ? html`<th scope="col" class="spark-col">${t.trend}</th>` : nothing}
        <th scope="col" class="reasons">${printMessages(lang).lostPoints}</th>
      </tr></thead>
      <tbody @keydown=${this.#roving.keydown}>${this.#rows().map((r) => this.#row(r, lang, trend ? card.maxScore : undefined))}</tbody>
    </table></div>`;
  }

  /** Score per period as a small line (0 to the maximum); its label reads the same numbers out. */
  #sparkline(r: ScorecardRow, max: number, lang: Lang) {
    const t = messages(lang);
    const points = (r.history ?? []).filter((h) => h.score !== null) as { period: string; score: number }[];
    if (points.length < 2) return html`<span class="missing">–</span>`;
    const all = r.history ?? [];
    const w = 80;
    const h = 20;
    const x = (period: string) =>
      (all.findIndex((p) => p.period === period) / Math.max(1, all.length - 1)) * w;
    const y = (score: number) => h - (Math.max(0, Math.min(max, score)) / (max || 1)) * h;
    const d = points.map((p) => `${x(p.period).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
    const last = points.at(-1) as { period: string; score: number };
    const first = points[0] as { period: string; score: number };
    const label = t.sparkline(
      first.period,
      formatCount(first.score, lang, 2),
      last.period,
      formatCount(last.score, lang, 2),
    );
    return html`<svg class="spark" viewBox="-2 -2 ${w + 4} ${h + 4}" width=${w + 4} height=${h + 4} role="img" aria-label=${label}>
      <title>${label}</title>
      <polyline points=${d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"></polyline>
      <circle cx=${x(last.period)} cy=${y(last.score)} r="2.5" fill="currentColor"></circle>
    </svg>`;
  }

  #row(r: ScorecardRow, lang: Lang, trendMax?: number) {
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
        <th scope="row"><button type="button" tabindex="-1" aria-expanded=${String(open)} aria-controls=${id} @click=${() => this.#toggle(r.department)}>
          ${open ? '▾' : '▸'} ${r.department}</button></th>
        <td class="num">${score}</td>
        <td>${r.band ? r.band[lang] : '–'}</td>
        <td class="num">${change}</td>
        ${trendMax === undefined ? nothing : html`<td class="spark-col">${this.#sparkline(r, trendMax, lang)}</td>`}
        <td class="reasons">${lostPoints(r, lang)}</td>
      </tr>
      <tr class="detail" id=${id} ?hidden=${!open}>
        <td></td>
        <td colspan=${trendMax === undefined ? 4 : 5}><ul>${r.items.map(
          (i) => html`<li class=${i.missing ? 'missing' : ''}>${i.explanation[lang]}</li>`,
        )}</ul></td>
      </tr>`;
  }
}

/** Where a department lost points, most first, in one line: 超期件 −3；红牌 −2 (items without data left out). */
function lostPoints(r: ScorecardRow, lang: Lang): string {
  const p = printMessages(lang);
  const lost = r.items
    .filter((i) => !i.missing && i.points !== null && i.max - i.points > 0.005)
    .map((i) => ({ label: i.label[lang], lost: i.max - (i.points ?? 0) }))
    .sort((a, b) => b.lost - a.lost);
  if (lost.length === 0) return p.noneLost;
  return lost
    .map((i) => p.lostItem(i.label, formatCount(Math.round(i.lost * 100) / 100, lang, 2)))
    .join(p.separator);
}
