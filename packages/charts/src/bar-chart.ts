import { max } from 'd3-array';
import { axisBottom } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';

/** Columns, not row objects: labels[i] belongs to values[i]. */
export interface BarChartData {
  labels: ArrayLike<string>;
  values: ArrayLike<number>;
}

export interface BarChartOptions {
  width: number;
  /** Height of one bar's band in px. */
  band?: number;
  /** Formats a value for the end-of-bar label and the axis. */
  format?: (value: number) => string;
  /** Accessible name of the chart; a one-sentence summary works best. */
  label: string;
  /** Font size of the SVG text in px (default 12): label columns, bands and margins grow with it. */
  fontSize?: number;
  /** Tooltip of bar i (an SVG `<title>`), e.g. the exact value when `format` abbreviates. */
  title?: (i: number) => string;
  /**
   * Makes bars operable: each becomes a focusable toggle button (roving tabindex, `aria-pressed`) named by
   * `describe(i)`; the host listens for clicks and keys on `.bar[data-index]`.
   */
  interactive?: { selected?: number; describe: (i: number) => string };
}

const BASE = { top: 4, right: 56, bottom: 24, left: 8 };

/**
 * Horizontal bar chart, largest first as given. Category labels sit in their own column sized to the
 * longest label, or above each bar when the chart is too narrow for that, so labels are never cut. Colour is not the only carrier: every
 * bar has its value printed at its end.
 */
export function renderBarChart(svgEl: SVGSVGElement, data: BarChartData, options: BarChartOptions): void {
  const n = data.values.length;
  const index = Array.from({ length: n }, (_, i) => i);
  const format = options.format ?? ((v: number) => String(v));
  const k = Math.max(1, (options.fontSize ?? 12) / 12);
  const MARGIN = { top: BASE.top * k, right: BASE.right * k, bottom: BASE.bottom * k, left: BASE.left };
  const longest = 8 + k * Math.max(0, ...index.map((i) => textWidth(String(data.labels[i]))));
  // Narrow screens: when labels would need more than 45 % of the width, put each label above its bar.
  const stacked = longest > options.width * 0.45;
  const labelWidth = stacked ? 0 : longest;
  const band = options.band ?? Math.round(k * (stacked ? 38 : 24));
  const left = MARGIN.left + labelWidth;
  const height = MARGIN.top + MARGIN.bottom + n * band;
  // A withheld value (NaN, small-number protection) draws no bar; its label says why via `format`.
  const at = (i: number) => {
    const v = data.values[i] ?? 0;
    return Number.isFinite(v) ? v : 0;
  };
  const x = scaleLinear()
    .domain([0, max(index, at) ?? 0])
    .nice()
    .range([left, Math.max(left + 10, options.width - MARGIN.right)]);
  const y = scaleBand<number>()
    .domain(index)
    .range([MARGIN.top, MARGIN.top + n * band])
    .padding(stacked ? 0.1 : 0.2)
    .round(true);
  const barTop = stacked ? Math.round(16 * k) : 0;
  const barHeight = y.bandwidth() - barTop;

  const live = options.interactive;
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${options.width} ${height}`)
    .attr('width', options.width)
    .attr('height', height)
    // A role=img hides its children from assistive technology; operable bars need a group.
    .attr('role', live ? 'group' : 'img')
    .attr('aria-label', options.label);
  // Redrawn in place: each bar's elements are made once and then updated (a cross-filter click redraws
  // every chart; re-creating them cost most of a click's layout work).
  svg.selectAll(':scope > :not(g.bars, g.axis)').remove();
  const rows = svg
    .selectAll('g.bars')
    .data([null])
    .join('g')
    .attr('class', 'bars')
    .selectAll<SVGGElement, number>('g')
    .data(index)
    .join((enter) => {
      const g = enter.append('g');
      g.append('text').attr('class', 'category');
      g.append('rect');
      g.append('text').attr('class', 'value');
      return g;
    })
    .attr('class', (i) => (live?.selected === i ? 'bar selected' : 'bar'))
    .attr('transform', (i) => `translate(0,${y(i)})`);
  const focusable = live?.selected ?? 0;
  rows
    .attr('data-index', live ? (i) => i : null)
    .attr('role', live ? 'button' : null)
    .attr('tabindex', live ? (i) => (i === focusable ? 0 : -1) : null)
    .attr('aria-pressed', live ? (i) => String(live.selected === i) : null)
    .attr('aria-label', live ? (i) => live.describe(i) : null);
  const title = options.title;
  rows
    .selectAll('title')
    .data(title ? [0] : [])
    .join((enter) => enter.insert('title', ':first-child'));
  if (title) rows.select('title').text((i) => title(i));
  rows
    .select('text.category')
    .attr('x', stacked ? left : left - 6)
    .attr('y', stacked ? Math.round(12 * k) : barHeight / 2)
    .attr('dy', stacked ? null : '0.35em')
    .attr('text-anchor', stacked ? 'start' : 'end')
    // The trailing space is not drawn (SVG collapses it) but keeps the DOM text "label value", which a
    // bar's accessible name must contain (WCAG 2.5.3).
    .text((i) => `${data.labels[i]} `);
  rows
    .select('rect')
    .attr('x', left)
    .attr('y', barTop)
    .attr('height', barHeight)
    .attr('width', (i) => Math.max(0, x(at(i)) - left));
  rows
    .select('text.value')
    .attr('x', (i) => x(at(i)) + 4)
    .attr('y', barTop + barHeight / 2)
    .attr('dy', '0.35em')
    .text((i) => format(data.values[i] ?? 0));

  svg
    .selectAll<SVGGElement, null>('g.axis')
    .data([null])
    .join('g')
    .attr('class', 'axis')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(0,${MARGIN.top + n * band})`)
    .call(
      axisBottom(x)
        // Counts: whole-number ticks only, so small domains do not repeat "0 0 1 1" after rounding.
        .tickValues(
          x.ticks(Math.max(2, Math.floor((options.width - left) / (80 * k)))).filter(Number.isInteger),
        )
        .tickFormat((v) => format(Number(v))),
    );
}

/** Rough text width without layout: CJK characters are about 1 em, others about 0.6 em at 12 px. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 12 : 7;
  return w;
}
