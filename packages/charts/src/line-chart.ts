import { max } from 'd3-array';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scalePoint } from 'd3-scale';
import { select } from 'd3-selection';

/** Columns: labels[i] (e.g. '2025-03') belongs to values[i]; NaN marks a period without data. */
export interface LineChartData {
  labels: ArrayLike<string>;
  values: ArrayLike<number>;
}

export interface LineChartOptions {
  width: number;
  height?: number;
  format?: (value: number) => string;
  /** Accessible name: a one-sentence summary of the trend. */
  label: string;
  /** Draws a dashed reference line, e.g. the target. */
  reference?: { value: number; label: string };
  /** Fixed y domain (e.g. [0, 1] for shares); default from 0 to the largest value. */
  domain?: [number, number];
  /** Font size of the SVG text in px (default 11): margins and tick spacing grow with it (large type). */
  fontSize?: number;
  /**
   * Makes periods operable: each dot becomes a focusable toggle button (roving tabindex, `aria-pressed`)
   * named by `describe(i)`; `selected` is an inclusive index range drawn as a shaded band (a brush).
   */
  interactive?: { selected?: [number, number] | undefined; describe: (i: number) => string };
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 48 };

/**
 * A time series: one line with a dot per period, gaps where a period has no value, an optional dashed
 * target line labelled in text (so the target is never shown by colour alone).
 */
export function renderLineChart(svgEl: SVGSVGElement, data: LineChartData, options: LineChartOptions): void {
  const n = data.values.length;
  const index = Array.from({ length: n }, (_, i) => i);
  const k = Math.max(1, (options.fontSize ?? 11) / 11);
  const M = {
    top: MARGIN.top * k,
    right: MARGIN.right * k,
    bottom: MARGIN.bottom * k,
    left: MARGIN.left * k,
  };
  const height = options.height ?? Math.round(220 * Math.max(1, 0.75 * k));
  const format = options.format ?? ((v: number) => String(v));
  const x = scalePoint<number>()
    .domain(index)
    .range([M.left, options.width - M.right])
    .padding(0.3);
  const top = max([...Array.from(data.values).filter(Number.isFinite), options.reference?.value ?? 0]) ?? 1;
  const y = scaleLinear()
    .domain(options.domain ?? [0, top])
    .nice()
    .range([height - M.bottom, M.top]);
  const live = options.interactive;
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${options.width} ${height}`)
    .attr('width', options.width)
    .attr('height', height)
    // A role=img hides its children from assistive technology; operable periods need a group.
    .attr('role', live ? 'group' : 'img')
    .attr('aria-label', options.label);
  svg.selectAll('*').remove();
  const band = live?.selected;
  if (band) {
    const step = x.step();
    const x0 = (x(Math.min(...band)) ?? 0) - step / 2;
    const x1 = (x(Math.max(...band)) ?? 0) + step / 2;
    svg
      .append('rect')
      .attr('class', 'brush')
      .attr('aria-hidden', 'true')
      .attr('x', x0)
      .attr('width', x1 - x0)
      .attr('y', M.top)
      .attr('height', height - M.top - M.bottom);
  }

  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((options.width - M.left) / (64 * k)))));
  svg
    .append('g')
    .attr('class', 'axis x')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(index.filter((i) => i % every === 0))
        .tickFormat((i) => String(data.labels[i])),
    );
  svg
    .append('g')
    .attr('class', 'axis y')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(${M.left},0)`)
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => format(Number(v))),
    );

  if (options.reference) {
    const ry = y(options.reference.value);
    const g = svg.append('g').attr('class', 'reference');
    g.append('line')
      .attr('x1', M.left)
      .attr('x2', options.width - M.right)
      .attr('y1', ry)
      .attr('y2', ry);
    g.append('text')
      .attr('x', options.width - M.right)
      .attr('y', ry - 4)
      .attr('text-anchor', 'end')
      .text(options.reference.label);
  }

  // A polyline that lifts the pen over periods without a value, so a gap is never drawn as a trend.
  let d = '';
  let pen = false;
  for (const i of index) {
    const v = data.values[i];
    if (v === undefined || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(i) ?? 0},${y(v)}`;
    pen = true;
  }
  svg.append('path').attr('class', 'series').attr('fill', 'none').attr('d', d);
  const dots = svg
    .append('g')
    .attr('class', 'dots')
    .selectAll('circle')
    .data(index.filter((i) => live || Number.isFinite(data.values[i])))
    .join('circle')
    .attr('data-index', (i) => i)
    .attr('cx', (i) => x(i) ?? 0)
    // A period without a value is still a place to filter by: drawn hollow on the axis.
    .attr('cy', (i) => (Number.isFinite(data.values[i]) ? y(data.values[i] ?? 0) : height - M.bottom))
    .classed('empty', (i) => !Number.isFinite(data.values[i]))
    .attr('r', live ? 5 : 3);
  if (!live) {
    dots.append('title').text((i) => `${data.labels[i]}：${format(data.values[i] ?? 0)}`);
    return;
  }
  const inBand = (i: number) => band !== undefined && i >= Math.min(...band) && i <= Math.max(...band);
  const focusable = band ? Math.min(...band) : 0;
  dots
    .classed('selected', inBand)
    .attr('role', 'button')
    .attr('tabindex', (i) => (i === focusable ? 0 : -1))
    .attr('aria-pressed', (i) => String(inBand(i)))
    .attr('aria-label', (i) => live.describe(i));
}
