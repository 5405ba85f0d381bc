import { renderLineChart } from '@assessment-dashboard/charts';
import { css, html } from 'lit';
import { WidthController } from '../controllers/width-controller.ts';
import { formatPercent } from '../i18n/format.ts';
import { hostLang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * A rate over time (shares 0–1) with its target line, a one-sentence summary as its accessible name and
 * the same numbers as a data table. Redraws on resize from the columns it holds.
 *
 * @element assessment-line-chart
 * @csspart chart - the SVG
 * @csspart table - the data table
 */
export class AssessmentLineChart extends ScaledElement {
  static override properties = {
    labels: { attribute: false },
    values: { attribute: false },
    target: { type: Number },
    summary: { type: String },
    periodHeader: { type: String, attribute: 'period-header' },
    valueHeader: { type: String, attribute: 'value-header' },
    lang: { type: String, reflect: true },
  };
  declare labels: readonly string[];
  declare values: ArrayLike<number>;
  declare target: number | undefined;
  declare summary: string;
  declare periodHeader: string;
  declare valueHeader: string;
  declare lang: string;
  readonly #width = new WidthController(this);

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; font-size: calc(0.6875rem * var(--_scale)); }
      svg .series { stroke: var(--_bar); stroke-width: 2px; }
      svg .dots circle { fill: var(--_bar); }
      svg .reference line { stroke: var(--_accent); stroke-dasharray: 4 3; }
      svg .reference text { fill: var(--_accent); }
      /* d3-axis writes font-size="10" on the axis: follow the chart's (scaled) size instead. */
      svg .axis { color: var(--_muted); font-family: inherit; font-size: 0.91em; }
      details { margin-top: 0.5rem; font-size: calc(0.9rem * var(--_scale)); }
      table { border-collapse: collapse; margin-top: 0.5rem; }
      th, td { padding: 0.2rem 0.75rem; border-bottom: 1px solid var(--_border); text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      @media (forced-colors: active) { svg .series { stroke: CanvasText; } svg .dots circle { fill: CanvasText; } }
    `,
  ];

  constructor() {
    super();
    this.labels = [];
    this.values = [];
    this.summary = '';
    this.periodHeader = '';
    this.valueHeader = '';
    this.lang = '';
  }

  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  override render() {
    const lang = hostLang(this);
    const t = messages(lang);
    return html`<svg part="chart" role="img" aria-label=${this.summary}></svg>
      <details>
        <summary>${t.showTable}</summary>
        <table part="table">
          <caption class="visually-hidden">${this.summary}</caption>
          <thead><tr><th scope="col">${this.periodHeader}</th><th scope="col">${this.valueHeader}</th></tr></thead>
          <tbody>
            ${Array.from(this.labels, (label, i) => {
              const v = this.values[i];
              return html`<tr><th scope="row">${label}</th><td class="num">${v === undefined || !Number.isFinite(v) ? '–' : formatPercent(v, lang)}</td></tr>`;
            })}
          </tbody>
        </table>
      </details>`;
  }

  protected override updated() {
    const svg = this.svg;
    if (!svg || this.#width.width <= 0) return;
    const lang = hostLang(this);
    const t = messages(lang);
    renderLineChart(
      svg,
      { labels: this.labels, values: this.values },
      {
        width: this.#width.width,
        fontSize: Number.parseFloat(getComputedStyle(svg).fontSize) || 11,
        label: this.summary,
        domain: [0, 1],
        format: (v) => formatPercent(v, lang),
        reference:
          this.target === undefined
            ? undefined
            : { value: this.target, label: t.targetAtLeast(formatPercent(this.target, lang)) },
      },
    );
  }
}
