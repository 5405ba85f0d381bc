import { css, html, type PropertyValues } from 'lit';
import { changedItems } from '../changed-value.ts';
import { drawnWith, renderersFor } from '../charts-module.ts';
import { moveRoving, rove } from '../controllers/roving-focus.ts';
import { WidthController } from '../controllers/width-controller.ts';
import { formatPercent } from '../i18n/format.ts';
import { hostLang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * A rate over time (shares 0–1) with its target line, a one-sentence summary as its accessible name and
 * the same numbers as a data table. Redraws on resize from the columns it holds. With `selectable`, a
 * period is picked by click or Enter and a range by dragging across the chart (a brush) or Shift+arrows.
 *
 * @element assessment-line-chart
 * @fires ad-select - detail `{ from, to, label }` (period keys, inclusive) when a period or range is
 *   picked; `{}` when the pick is cleared (Escape, or picking the same single period again)
 * @csspart chart - the SVG
 * @csspart table - the data table
 */
export class AssessmentLineChart extends ScaledElement {
  static override properties = {
    labels: { attribute: false, hasChanged: changedItems },
    values: { attribute: false, hasChanged: changedItems },
    keys: { attribute: false, hasChanged: changedItems },
    selectable: { type: Boolean },
    selected: { attribute: false, hasChanged: changedItems },
    target: { type: Number },
    summary: { type: String },
    periodHeader: { type: String, attribute: 'period-header' },
    valueHeader: { type: String, attribute: 'value-header' },
    lang: { type: String, reflect: true },
  };
  declare labels: readonly string[];
  declare values: ArrayLike<number>;
  /** Period codes behind the labels (e.g. '2025-03'), sent with `ad-select` (default: the labels). */
  declare keys: readonly string[] | undefined;
  /** Periods can be picked (click, Enter), and ranges brushed (drag, Shift+arrows); Escape clears. */
  declare selectable: boolean;
  /** The picked range as period keys `[from, to]`, inclusive. */
  declare selected: readonly [string, string] | undefined;
  declare target: number | undefined;
  declare summary: string;
  declare periodHeader: string;
  declare valueHeader: string;
  declare lang: string;
  readonly #width = new WidthController(this, () => this.renderRoot.querySelector('svg'));

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      svg { display: block; max-width: 100%; height: auto; font-size: calc(0.6875 * var(--_rem) * var(--_scale)); }
      svg .series { stroke: var(--_bar); stroke-width: 2px; }
      svg .dots circle { fill: var(--_bar); }
      svg .dots circle.empty { fill: var(--_surface, #fff); stroke: var(--_muted); }
      svg .dots circle.selected { fill: var(--_accent); stroke: var(--_text, #000); stroke-width: 1.5px; }
      svg .dots circle[role='button'] { cursor: pointer; }
      svg .dots circle:focus-visible { outline: 3px solid var(--_focus, var(--_accent)); outline-offset: 2px; }
      svg .brush { fill: var(--_accent); fill-opacity: 0.12; stroke: var(--_accent); stroke-dasharray: 3 2; }
      svg[role='group'] { touch-action: pan-y; user-select: none; }
      svg .reference line { stroke: var(--_accent); stroke-dasharray: 4 3; }
      svg .reference text { fill: var(--_accent); }
      /* d3-axis writes font-size="10" on the axis: follow the chart's (scaled) size instead. */
      svg .axis { color: var(--_muted); font-family: inherit; font-size: 0.91em; }
      details { margin-top: calc(0.5 * var(--_rem)); font-size: calc(0.9 * var(--_rem) * var(--_scale)); }
      table { border-collapse: collapse; margin-top: calc(0.5 * var(--_rem)); }
      th, td { padding: calc(0.2 * var(--_rem)) calc(0.75 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      /* Printed, the chart is the summary: the data table and its toggle stay on screen. */
      @media print { details { display: none; } }
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
    this.selectable = false;
  }

  #key(i: number): string {
    return this.keys?.[i] ?? this.labels[i] ?? '';
  }

  /** Index range of `selected`, if both ends are among the periods. */
  #band(): [number, number] | undefined {
    const selected = this.#picked === undefined ? this.selected : this.#picked.range;
    if (!selected) return undefined;
    const keys = Array.from(this.labels, (_, i) => this.#key(i));
    const a = keys.indexOf(selected[0]);
    const b = keys.indexOf(selected[1]);
    return a < 0 || b < 0 ? undefined : [Math.min(a, b), Math.max(a, b)];
  }

  #pick(range: [number, number] | undefined) {
    let detail: { from?: string; to?: string; label?: string } = {};
    if (range) {
      const [a, b] = [Math.min(...range), Math.max(...range)];
      const band = this.#band();
      // Picking the single period that is already picked clears it (a toggle, like the bars).
      const same = a === b && band?.[0] === a && band[1] === b;
      const label = a === b ? this.labels[a] : `${this.labels[a]}–${this.labels[b]}`;
      if (!same) detail = { from: this.#key(a), to: this.#key(b), label: label ?? '' };
    }
    // The next key reads this pick, not `selected`, until the host sets that: the dashboard renders a pick a
    // task later, and Enter then Shift+arrows typed at once would brush from the old selection.
    this.#picked = { range: detail.from && detail.to ? [detail.from, detail.to] : undefined };
    this.dispatchEvent(new CustomEvent('ad-select', { detail, bubbles: true, composed: true }));
  }

  /** The last pick, until the host sets `selected` (see #pick). */
  #picked: { range: readonly [string, string] | undefined } | undefined;

  /** The period nearest a pointer position. */
  #indexAt(e: PointerEvent): number {
    const svg = this.svg;
    if (!svg) return 0;
    const rect = svg.getBoundingClientRect();
    const x = ((e.clientX - rect.left) * svg.viewBox.baseVal.width) / (rect.width || 1);
    // Hit-test against the drawn dots (one per period, in SVG units), whatever the chart's margins.
    let best = 0;
    let distance = Number.POSITIVE_INFINITY;
    for (const dot of svg.querySelectorAll('circle[data-index]')) {
      const d = Math.abs(Number(dot.getAttribute('cx')) - x);
      if (d < distance) [best, distance] = [Number(dot.getAttribute('data-index')), d];
    }
    return best;
  }

  #anchor: number | undefined;
  #dragged = false;

  #onPointerDown = (e: PointerEvent) => {
    if (!this.selectable || e.button !== 0 || !this.labels.length) return;
    this.#anchor = this.#indexAt(e);
    this.#dragged = false;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };

  #onPointerMove = (e: PointerEvent) => {
    if (this.#anchor === undefined) return;
    const i = this.#indexAt(e);
    if (i === this.#anchor && !this.#dragged) return;
    this.#dragged = true;
    // Draw the band while dragging; the filter is applied when the pointer is released.
    this.selected = [this.#key(this.#anchor), this.#key(i)];
  };

  #onPointerUp = (e: PointerEvent) => {
    const anchor = this.#anchor;
    this.#anchor = undefined;
    if (anchor === undefined) return;
    if (this.#dragged) this.#pick([anchor, this.#indexAt(e)]);
    else this.#pick([anchor, anchor]);
  };

  #onKey = (e: KeyboardEvent) => {
    const dot = (e.target as Element).closest?.('circle[data-index]');
    if (!dot) return;
    const i = Number(dot.getAttribute('data-index'));
    const n = this.labels.length;
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    const to = (j: number) => Math.max(0, Math.min(n - 1, j));
    if (e.key in step && e.shiftKey) {
      // Shift+arrows brush: grow or shrink the range from the end that is not the focused one.
      const band = this.#band() ?? [i, i];
      const anchor = band[0] === i ? band[1] : band[0];
      const next = to(i + (step[e.key] ?? 0));
      this.#focus(next);
      this.#pick([anchor, next]);
    } else if (moveRoving([...this.renderRoot.querySelectorAll('circle[data-index]')], e) !== undefined) {
      return;
    } else if (e.key === 'Enter' || e.key === ' ') {
      this.#pick([i, i]);
    } else if (e.key === 'Escape' && this.selected) {
      this.#pick(undefined);
    } else return;
    e.preventDefault();
  };

  #focus(i: number) {
    rove([...this.renderRoot.querySelectorAll('circle[data-index]')], i);
  }

  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  override render() {
    const lang = hostLang(this);
    const t = messages(lang);
    return html`<svg part="chart" role=${this.selectable ? 'group' : 'img'} aria-label=${this.summary}
        @pointerdown=${this.#onPointerDown} @pointermove=${this.#onPointerMove} @pointerup=${this.#onPointerUp}
        @pointercancel=${() => {
          this.#anchor = undefined;
        }} @keydown=${this.#onKey}></svg>
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

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('selected')) this.#picked = undefined;
  }

  /** Complete once drawn: the first chart on a page waits for the renderers' code (charts-module.ts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    return drawnWith(await super.getUpdateComplete(), () => super.getUpdateComplete());
  }

  protected override updated() {
    const svg = this.svg;
    const width = this.#width.width;
    if (!svg || width <= 0) return;
    const charts = renderersFor(this);
    if (!charts) return;
    const lang = hostLang(this);
    const t = messages(lang);
    const focused = this.renderRoot.querySelector(':focus')?.getAttribute('data-index');
    charts.renderLineChart(
      svg,
      { labels: this.labels, values: this.values },
      {
        width,
        fontSize: this.#width.fontSize || 11,
        label: this.summary,
        domain: [0, 1],
        format: (v) => formatPercent(v, lang),
        reference:
          this.target === undefined
            ? undefined
            : { value: this.target, label: t.targetAtLeast(formatPercent(this.target, lang)) },
        interactive: this.selectable
          ? {
              selected: this.#band(),
              // The name starts with the visible period and value (WCAG 2.5.3, label in name).
              describe: (i) => {
                const v = this.values[i];
                const value = v === undefined || !Number.isFinite(v) ? '–' : formatPercent(v, lang);
                return `${this.labels[i]}${lang === 'en' ? ' ' : '：'}${value}`;
              },
            }
          : undefined,
      },
    );
    // Redrawing replaces the dots; keep keyboard focus where it was.
    if (focused !== null && focused !== undefined) this.#focus(Number(focused));
  }
}
