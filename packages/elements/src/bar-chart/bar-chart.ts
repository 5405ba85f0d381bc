import { css, html, type PropertyValues } from 'lit';
import { changedItems } from '../changed-value.ts';
import { drawnWith, renderersFor } from '../charts-module.ts';
import { moveRoving } from '../controllers/roving-focus.ts';
import { WidthController } from '../controllers/width-controller.ts';
import { formatCompact, formatOrWithheld, isCompacted } from '../i18n/format.ts';
import { hostLang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * Horizontal bar chart over two columns, with a one-sentence summary as its accessible name and the
 * same numbers as a data table. Redraws on resize from the columns it holds: no re-query.
 *
 * @element assessment-bar-chart
 * @fires ad-select - detail: `{ key, label }` of the picked bar, or `{ key: undefined }` when cleared
 * @csspart chart - the SVG
 * @csspart table - the data table
 */
export class AssessmentBarChart extends ScaledElement {
  static override properties = {
    labels: { attribute: false, hasChanged: changedItems },
    values: { attribute: false, hasChanged: changedItems },
    keys: { attribute: false, hasChanged: changedItems },
    selected: { type: String },
    selectable: { type: Boolean },
    summary: { type: String },
    categoryHeader: { type: String, attribute: 'category-header' },
    valueHeader: { type: String, attribute: 'value-header' },
    lang: { type: String, reflect: true },
  };
  declare labels: readonly string[];
  declare values: ArrayLike<number>;
  /** Codes behind the labels, sent with `ad-select` (default: the labels). */
  declare keys: readonly string[] | undefined;
  /** Key of the selected bar, if any. */
  declare selected: string | undefined;
  /** Bars can be picked with mouse or keyboard (arrows move, Enter/Space pick, Escape clears). */
  declare selectable: boolean;
  declare summary: string;
  declare categoryHeader: string;
  declare valueHeader: string;
  declare lang: string;
  readonly #width: WidthController = new WidthController(this, () => this.renderRoot.querySelector('svg'));

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; font-size: calc(0.75 * var(--_rem) * var(--_scale)); }
      svg .bar rect { fill: var(--_bar); }
      svg .bar[role='button'] { cursor: pointer; }
      svg .bar.selected rect { fill: var(--_accent); }
      svg .bar.selected .category { font-weight: 700; }
      svg .bar:focus { outline: none; }
      svg .bar:focus-visible rect { stroke: var(--_fg); stroke-width: 3px; }
      svg .category, svg .value { fill: var(--_fg); }
      /* d3-axis writes font-size="10" on the axis: follow the chart's (scaled) size instead. */
      svg .axis { color: var(--_muted); font-family: inherit; font-size: 0.85em; }
      details { margin-top: calc(0.5 * var(--_rem)); font-size: calc(0.9 * var(--_rem) * var(--_scale)); }
      table { border-collapse: collapse; margin-top: calc(0.5 * var(--_rem)); }
      th, td { padding: calc(0.2 * var(--_rem)) calc(0.75 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      /* Printed, the chart is the summary: the data table and its toggle stay on screen. */
      @media print { details { display: none; } }
      @media (forced-colors: active) { svg .bar rect { fill: CanvasText; } }
    `,
  ];

  constructor() {
    super();
    this.labels = [];
    this.values = [];
    this.summary = '';
    this.categoryHeader = '';
    this.valueHeader = '';
    this.lang = '';
    this.selectable = false;
  }

  #key(i: number): string {
    return this.keys?.[i] ?? this.labels[i] ?? '';
  }

  #pick(i: number | undefined) {
    const key = i === undefined ? undefined : this.#key(i);
    const selected = this.#picked === undefined ? this.selected : this.#picked.key;
    const same = key !== undefined && key === selected;
    const detail = same || key === undefined ? { key: undefined } : { key, label: this.labels[i ?? 0] };
    // The next pick reads this one until the host sets `selected` (the dashboard renders a pick a task
    // later: Enter pressed twice at once must still toggle the bar off).
    this.#picked = { key: detail.key };
    this.dispatchEvent(new CustomEvent('ad-select', { detail, bubbles: true, composed: true }));
  }

  /** The last pick, until the host sets `selected` (see #pick). */
  #picked: { key: string | undefined } | undefined;

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('selected')) this.#picked = undefined;
  }

  #onClick = (e: Event) => {
    const bar = (e.target as Element).closest?.('.bar[data-index]');
    if (bar) this.#pick(Number(bar.getAttribute('data-index')));
  };

  #onKey = (e: KeyboardEvent) => {
    const bar = (e.target as Element).closest?.('.bar[data-index]');
    if (!bar) return;
    // Arrows and Home/End rove between the bars (the chart is one Tab stop).
    if (moveRoving([...this.renderRoot.querySelectorAll('.bar[data-index]')], e) !== undefined) return;
    if (e.key === 'Enter' || e.key === ' ') this.#pick(Number(bar.getAttribute('data-index')));
    else if (e.key === 'Escape' && this.selected !== undefined) this.#pick(undefined);
    else return;
    e.preventDefault();
  };

  /** The drawn chart, for export. */
  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  override render() {
    const lang = hostLang(this);
    const t = messages(lang);
    return html`<svg part="chart" role=${this.selectable ? 'group' : 'img'} aria-label=${this.summary}
        @click=${this.#onClick} @keydown=${this.#onKey}></svg>
      <details>
        <summary>${t.showTable}</summary>
        <table part="table">
          <caption class="visually-hidden">${this.summary}</caption>
          <thead><tr><th scope="col">${this.categoryHeader}</th><th scope="col">${this.valueHeader}</th></tr></thead>
          <tbody>
            ${Array.from(this.labels, (label, i) => html`<tr><th scope="row">${label}</th><td class="num">${formatOrWithheld(this.values[i], lang)}</td></tr>`)}
          </tbody>
        </table>
      </details>`;
  }

  /** Complete once drawn: the first chart on a page waits for the renderers' code (charts-module.ts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    return drawnWith(await super.getUpdateComplete(), () => super.getUpdateComplete());
  }

  protected override updated(_changed: PropertyValues) {
    const svg = this.renderRoot.querySelector('svg');
    const width = this.#width.width;
    if (!svg || width <= 0) return;
    const charts = renderersFor(this);
    if (!charts) return;
    const lang = hostLang(this);
    const focused = this.renderRoot.querySelector(':focus')?.getAttribute('data-index');
    const selectedIndex = Array.from(this.labels, (_, i) => this.#key(i)).indexOf(this.selected ?? '\u0000');
    // The name starts with the visible label and value in reading order (WCAG 2.5.3, label in name).
    // An abbreviated value is followed by the exact one: 受理：34.5万（345,000）.
    const describe = (i: number) => {
      const v = this.values[i] ?? Number.NaN;
      const exact = formatOrWithheld(v, lang);
      const shown = isCompacted(v)
        ? `${formatCompact(v, lang)}${lang === 'en' ? ` (${exact})` : `（${exact}）`}`
        : exact;
      return `${this.labels[i]}${lang === 'en' ? ' ' : '：'}${shown}`;
    };
    charts.renderBarChart(
      svg,
      { labels: this.labels, values: this.values },
      {
        width,
        fontSize: this.#width.fontSize || 12,
        label: this.summary,
        // Large counts are abbreviated on the bars and the axis (1.2万 / 12.5K); the tooltip, the bar's
        // accessible name and the data table keep the exact value.
        format: (v) => (isCompacted(v) ? formatCompact(v, lang) : formatOrWithheld(v, lang)),
        title: (i) => describe(i),
        interactive: this.selectable
          ? { selected: selectedIndex < 0 ? undefined : selectedIndex, describe }
          : undefined,
      },
    );
    // Redrawing replaces the bars; keep keyboard focus where it was.
    if (focused !== null && focused !== undefined) {
      this.renderRoot.querySelector<SVGGElement>(`.bar[data-index="${focused}"]`)?.focus();
    }
  }
}
