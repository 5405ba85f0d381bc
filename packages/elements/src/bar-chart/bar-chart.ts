import { renderBarChart } from '@assessment-dashboard/charts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { formatCount } from '../i18n/format.ts';
import { messages, resolveLang } from '../i18n/messages.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * Horizontal bar chart over two columns, with a one-sentence summary as its accessible name and the
 * same numbers as a data table. Redraws on resize from the columns it holds: no re-query.
 *
 * @element assessment-bar-chart
 * @csspart chart - the SVG
 * @csspart table - the data table
 */
export class AssessmentBarChart extends LitElement {
  static override properties = {
    labels: { attribute: false },
    values: { attribute: false },
    summary: { type: String },
    categoryHeader: { type: String, attribute: 'category-header' },
    valueHeader: { type: String, attribute: 'value-header' },
    lang: { type: String, reflect: true },
    _width: { state: true },
  };
  declare labels: readonly string[];
  declare values: ArrayLike<number>;
  declare summary: string;
  declare categoryHeader: string;
  declare valueHeader: string;
  declare lang: string;
  declare _width: number;
  // Deferred to the next frame: redrawing changes our height, which must not re-enter the observer loop.
  #resize = new ResizeObserver(([entry]) => {
    const w = Math.floor(entry?.contentRect.width ?? 0);
    requestAnimationFrame(() => {
      if (w > 0 && w !== this._width) this._width = w;
    });
  });

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; font-size: 12px; }
      svg .bar rect { fill: var(--_bar); }
      svg .category, svg .value { fill: var(--_fg); }
      svg .axis { color: var(--_muted); }
      details { margin-top: 0.5rem; font-size: 0.9rem; }
      table { border-collapse: collapse; margin-top: 0.5rem; }
      th, td { padding: 0.2rem 0.75rem; border-bottom: 1px solid var(--_border); text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
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
    this._width = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  override render() {
    const lang = resolveLang(this.lang || this.closest('[lang]')?.getAttribute('lang'));
    const t = messages(lang);
    return html`<svg part="chart" role="img" aria-label=${this.summary}></svg>
      <details>
        <summary>${t.showTable}</summary>
        <table part="table">
          <caption class="visually-hidden">${this.summary}</caption>
          <thead><tr><th scope="col">${this.categoryHeader}</th><th scope="col">${this.valueHeader}</th></tr></thead>
          <tbody>
            ${Array.from(this.labels, (label, i) => html`<tr><th scope="row">${label}</th><td class="num">${formatCount(this.values[i] ?? 0, lang)}</td></tr>`)}
          </tbody>
        </table>
      </details>`;
  }

  protected override updated(_changed: PropertyValues) {
    const svg = this.renderRoot.querySelector('svg');
    if (!svg || this._width <= 0) return;
    const lang = resolveLang(this.lang || this.closest('[lang]')?.getAttribute('lang'));
    renderBarChart(
      svg,
      { labels: this.labels, values: this.values },
      { width: this._width, label: this.summary, format: (v) => formatCount(v, lang) },
    );
  }
}
