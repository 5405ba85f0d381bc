import { select } from 'd3-selection';

/** Columns: dates[i] ('YYYY-MM-DD') belongs to values[i]; a day of the range without a row has no data. */
export interface CalendarHeatmapData {
  dates: ArrayLike<string>;
  values: ArrayLike<number>;
}

/** One day of the drawn range. */
export interface CalendarDay {
  date: string;
  /** NaN when the data has no row for the day. */
  value: number;
  /** 0 = no data or zero, 1–4 = quarters of the largest value. */
  level: number;
  /** 法定节假日 or 调休 rest day. */
  holiday: boolean;
  /** 调休上班: a weekend day that is a working day. */
  workday: boolean;
  /** Saturday or Sunday. */
  weekend: boolean;
}

export interface CalendarHeatmapOptions {
  width: number;
  /** Accessible name of the chart: a one-sentence summary. */
  label: string;
  /** First and last day drawn (default: the first and last date of the data). */
  from?: string;
  to?: string;
  holidays?: ReadonlySet<string>;
  workdays?: ReadonlySet<string>;
  /** Side of a day cell in px (default 22); shrinks when a month would not fit the width. */
  cell?: number;
  /** Month title, e.g. '2025-03' → 2025年3月 (in the strip layout a short one: 3月). */
  monthLabel?: (ym: string) => string;
  /**
   * `months` (default): a block per month, weeks as rows, like a printed 月历. `strip`: a phone's compact
   * view, the days of each month in a row (1–31) under a line per year; where the cells would be narrower
   * than the 休/班 marks (half a cell's side), a month takes two or three rows (1–16 | 17–31, or 11 a row).
   */
  layout?: 'months' | 'strip';
  /** The strip's year line, e.g. '2025' → 2025年. */
  yearLabel?: (year: string) => string;
  /** Seven weekday column heads, Monday first. */
  weekdays?: readonly string[];
  /** Text marks drawn in holiday and 调休上班 cells (default 休 / 班), so colour is not the only carrier. */
  marks?: { holiday: string; workday: string };
  /** Accessible name (and tooltip) of a day cell. */
  describe?: (day: CalendarDay) => string;
  /** Date of the cell that takes the keyboard (roving tabindex); default the selected day or the first. */
  focus?: string;
  selected?: string;
}

// The same day numbers as core's dates.ts, restated because the charts package depends on D3 only, not on core.
const MS_PER_DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const mondayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Every day from `from` to `to` with its value, level and kind: the model the renderer draws. */
export function calendarModel(
  data: CalendarHeatmapData,
  options: Pick<CalendarHeatmapOptions, 'from' | 'to' | 'holidays' | 'workdays'>,
): CalendarDay[] {
  const byDate = new Map<string, number>();
  for (let i = 0; i < data.dates.length; i++) {
    const d = String(data.dates[i]).slice(0, 10);
    const v = Number(data.values[i]);
    if (ISO.test(d)) byDate.set(d, (byDate.get(d) ?? 0) + (Number.isFinite(v) ? v : 0));
  }
  const sorted = [...byDate.keys()].sort();
  const from = options.from ?? sorted[0];
  const to = options.to ?? sorted[sorted.length - 1];
  if (!from || !to || !ISO.test(from) || !ISO.test(to)) return [];
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (!(b >= a)) return [];
  let top = 0;
  for (let d = a; d <= b; d++) top = Math.max(top, byDate.get(isoOf(d)) ?? 0);
  const days: CalendarDay[] = [];
  for (let d = a; d <= b; d++) {
    const date = isoOf(d);
    const value = byDate.get(date) ?? Number.NaN;
    const level =
      Number.isFinite(value) && value > 0 && top > 0 ? Math.max(1, Math.ceil((4 * value) / top)) : 0;
    const weekend = mondayIndex(d) >= 5;
    days.push({
      date,
      value,
      level,
      holiday: options.holidays?.has(date) ?? false,
      workday: weekend && (options.workdays?.has(date) ?? false),
      weekend,
    });
  }
  return days;
}

/**
 * A calendar heatmap in month blocks (weeks as rows, Monday first, like a printed 月历), laid out in as
 * many columns as the width allows, or (`layout: 'strip'`, for phones) a row of days per month. The value's level is the cell's fill (classes `l0`–`l4`, coloured by
 * the host's CSS); holidays carry a hatch pattern and the 休 mark, 调休上班 days the 班 mark, so neither
 * depends on colour. Each day is a focusable button (roving tabindex) named by `describe`; the host
 * handles keys and clicks on `.day[data-date]`.
 */
export function renderCalendarHeatmap(
  svgEl: SVGSVGElement,
  data: CalendarHeatmapData,
  options: CalendarHeatmapOptions,
): CalendarDay[] {
  const days = calendarModel(data, options);
  const weekdays = options.weekdays ?? ['一', '二', '三', '四', '五', '六', '日'];
  const marks = options.marks ?? { holiday: '休', workday: '班' };
  const monthLabel = options.monthLabel ?? ((ym: string) => ym);
  const gap = 12;
  const width = Math.max(7 * 8, options.width);
  const cell = Math.max(8, Math.min(options.cell ?? 22, Math.floor(width / 7)));
  const title = Math.round(cell * 1.1);
  const head = Math.round(cell * 0.9);
  const blockWidth = 7 * cell;
  const perRow = Math.max(1, Math.floor((width + gap) / (blockWidth + gap)));
  const strip = options.layout === 'strip';
  // The strip: a label column, then as many day columns as keep a mark legible (its text is about half a
  // cell's side: the host sizes cells from the font), rows a little taller than wide.
  const labelWidth = Math.round(cell * 1.6);
  const perLine = [31, 16, 11, 8].find((n) => (width - labelWidth) / n >= cell / 2) ?? 8;
  const dayWidth = Math.max(4, Math.floor((width - labelWidth) / perLine));
  const rowHeight = Math.max(dayWidth, Math.round(cell * 0.7));
  const yearHeight = Math.round(cell * 1.1);
  const monthGap = perLine < 31 ? Math.round(rowHeight * 0.3) : 0;

  // Months in order, each with its days and its number of week rows.
  const months: { ym: string; days: CalendarDay[]; offset: number; weeks: number }[] = [];
  for (const day of days) {
    const ym = day.date.slice(0, 7);
    let m = months[months.length - 1];
    if (!m || m.ym !== ym) {
      const first = dayNumber(`${ym}-01`);
      m = { ym, days: [], offset: mondayIndex(first), weeks: 0 };
      months.push(m);
    }
    m.days.push(day);
  }
  for (const m of months) {
    const last = m.days[m.days.length - 1];
    const dom = last ? Number(last.date.slice(8, 10)) : 1;
    m.weeks = Math.ceil((m.offset + dom) / 7);
  }
  const rowHeights: number[] = [];
  months.forEach((m, i) => {
    const r = Math.floor(i / perRow);
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, title + head + m.weeks * cell);
  });
  const rowTop = (r: number) => rowHeights.slice(0, r).reduce((s, h) => s + h + gap, 0);
  // The strip: each month's top, a year line before the first month and every January.
  const stripTops: number[] = [];
  const years: { year: string; top: number }[] = [];
  let y = 0;
  months.forEach((m, i) => {
    if (i === 0 || m.ym.endsWith('-01')) {
      years.push({ year: m.ym.slice(0, 4), top: y });
      y += yearHeight;
    }
    stripTops.push(y);
    const last = Number(m.days[m.days.length - 1]?.date.slice(8, 10) ?? 1);
    y += Math.ceil(last / perLine) * rowHeight + (i < months.length - 1 ? monthGap : 0);
  });
  const height = strip ? Math.max(rowHeight, y) : Math.max(cell, rowTop(rowHeights.length) - gap);
  const blockAt = (i: number) =>
    strip
      ? `translate(0,${stripTops[i] ?? 0})`
      : `translate(${(i % perRow) * (blockWidth + gap)},${rowTop(Math.floor(i / perRow))})`;
  // A day's box within its month: its weekday column and week row, or its day-of-month column.
  const w = strip ? dayWidth : cell;
  const h = strip ? rowHeight : cell;
  const dayAt = (slot: number, dom: number) =>
    strip
      ? `translate(${labelWidth + ((dom - 1) % perLine) * dayWidth},${Math.floor((dom - 1) / perLine) * rowHeight})`
      : `translate(${(slot % 7) * cell},${Math.floor(slot / 7) * cell})`;

  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'group')
    .attr('aria-label', options.label)
    .classed('strip', strip);
  // The same days in the same layout (a cross-filter click: new values, the same calendar): the cells drawn
  // are updated in place. Re-creating a year's ~1,500 nodes was a 40–50 ms task per click (traced at 100k).
  const layout = JSON.stringify([
    width,
    height,
    cell,
    strip,
    perLine,
    months.map((m) => monthLabel(m.ym)),
    years.map((y) => options.yearLabel?.(y.year) ?? y.year),
    weekdays,
    marks,
    days.map((d) => `${d.date}${d.holiday ? 'h' : ''}${d.workday ? 'w' : ''}`),
    options.describe !== undefined,
  ]);
  const drawn = svgEl as SVGSVGElement & { adHeatmapLayout?: string };
  const focus =
    options.focus && days.some((d) => d.date === options.focus)
      ? options.focus
      : options.selected && days.some((d) => d.date === options.selected)
        ? options.selected
        : days[0]?.date;
  const dayClass = (d: CalendarDay) =>
    [
      'day',
      Number.isFinite(d.value) ? `l${d.level}` : 'none',
      d.holiday ? 'holiday' : '',
      d.workday ? 'workday' : '',
      d.weekend ? 'weekend' : '',
      d.date === options.selected ? 'selected' : '',
    ]
      .filter(Boolean)
      .join(' ');
  const describe = options.describe;
  if (drawn.adHeatmapLayout === layout) {
    const byDate = new Map(days.map((d) => [d.date, d]));
    for (const g of svgEl.querySelectorAll<SVGGElement>('g.day')) {
      const d = byDate.get(g.getAttribute('data-date') ?? '');
      if (!d) continue;
      g.setAttribute('class', dayClass(d));
      g.setAttribute('tabindex', d.date === focus ? '0' : '-1');
      g.setAttribute('aria-pressed', String(d.date === options.selected));
      if (describe) {
        const text = describe(d);
        g.setAttribute('aria-label', text);
        const title = g.querySelector('title');
        if (title) title.textContent = text;
      }
    }
    return days;
  }
  drawn.adHeatmapLayout = layout;
  svg.selectAll('*').remove();

  // The hatch that marks holidays, drawn over the fill (a pattern per chart: ids stay unique per shadow root).
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', 'ad-holiday-hatch')
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 5)
    .attr('height', 5)
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('class', 'hatch').attr('width', 1.5).attr('height', 5);

  const blocks = svg
    .append('g')
    .attr('class', 'months')
    .selectAll('g')
    .data(months)
    .join('g')
    .attr('class', 'month')
    .attr('transform', (_, i) => blockAt(i));
  blocks
    .append('text')
    .attr('class', 'month-label')
    .attr('aria-hidden', 'true')
    .attr('x', 0)
    .attr('y', strip ? rowHeight / 2 : title * 0.75)
    .attr('dy', strip ? '0.35em' : null)
    .text((m) => monthLabel(m.ym));
  if (strip) {
    const yearLabel = options.yearLabel ?? ((year: string) => year);
    svg
      .append('g')
      .attr('class', 'years')
      .attr('aria-hidden', 'true')
      .selectAll('text')
      .data(years)
      .join('text')
      .attr('class', 'year-label')
      .attr('x', 0)
      .attr('y', (d) => d.top + yearHeight * 0.75)
      .text((d) => yearLabel(d.year));
  }
  blocks
    .filter(() => !strip)
    .append('g')
    .attr('class', 'weekdays')
    .attr('aria-hidden', 'true')
    .selectAll('text')
    .data(weekdays)
    .join('text')
    .attr('x', (_, i) => i * cell + cell / 2)
    .attr('y', title + head * 0.7)
    .attr('text-anchor', 'middle')
    .text((w) => w);

  // The cells as markup, a month at a time: parsing it made a year of cells (~3,600 nodes) in a third of
  // the time of D3's node-by-node appends (a 60 ms task at the first drawing, traced at 100k).
  const inset = 1;
  const box = `x="${inset}" y="${inset}" width="${w - 2 * inset}" height="${h - 2 * inset}" rx="2"`;
  blocks
    .append('g')
    .attr('class', 'days')
    .attr('transform', strip ? null : `translate(0,${title + head})`)
    .each(function (m) {
      this.innerHTML = m.days
        .map((d) => {
          const dom = Number(d.date.slice(8, 10));
          const name = describe ? escapeXml(describe(d)) : '';
          const mark = d.holiday ? marks.holiday : d.workday ? marks.workday : '';
          return (
            `<g class="${dayClass(d)}" transform="${dayAt(m.offset + dom - 1, dom)}" data-date="${d.date}" role="button"` +
            ` tabindex="${d.date === focus ? 0 : -1}" aria-pressed="${d.date === options.selected}"` +
            `${describe ? ` aria-label="${name}"><title>${name}</title>` : '>'}<rect class="fill" ${box}></rect>` +
            `${d.holiday ? `<rect class="hatch-overlay" ${box} fill="url(#ad-holiday-hatch)"></rect>` : ''}` +
            `${mark ? `<text class="mark" aria-hidden="true" x="${w / 2}" y="${h / 2}" dy="0.35em" text-anchor="middle">${escapeXml(mark)}</text>` : ''}` +
            `<rect class="ring" ${box} fill="none"></rect></g>`
          );
        })
        .join('');
    });
  return days;
}

/** Text made safe for markup, in an attribute or between tags. */
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
