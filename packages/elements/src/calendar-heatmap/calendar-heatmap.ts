import { type CalendarDay, calendarModel, renderCalendarHeatmap } from '@assessment-dashboard/charts';
import {
  addDays,
  addMonths,
  calendarDays,
  chineseCalendar,
  nationalDayName,
  type WorkCalendar,
} from '@assessment-dashboard/core';
import { css, html, nothing } from 'lit';
import { changedItems } from '../changed-value.ts';
import { WidthController } from '../controllers/width-controller.ts';
import { formatCount, formatCountInText, formatDate, formatMonth } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';
import { heatmapMessages } from './messages.ts';

let national: WorkCalendar | undefined;

/** Detail of `ad-select`: the picked day. `value` is null when the data has no row for it. */
export interface CalendarSelectDetail {
  date: string;
  value: number | null;
  holiday: boolean;
  workday: boolean;
  weekend: boolean;
}

/**
 * Daily volume as a calendar heatmap: one block per month (weeks as rows, Monday first; on a narrow
 * element, fewer than three blocks across, a compact strip: a row or two of days per month), the fill's depth
 * for the day's count, holidays hatched and marked 休 and 调休 working days marked 班, so colour is never
 * the only carrier. A one-sentence summary is shown above the chart (and is its accessible name); the
 * numbers are in a data table under a toggle. Days are buttons: arrow keys move by day (←/→) and week
 * (↑/↓; by month in the strip), PageUp/PageDown by month, Home/End to the first/last day; Enter or Space (or a click) fires
 * `ad-select`. Holidays default to the national PRC calendar (State Council notices via chinese-days);
 * set `holidays` / `workdays` for another calendar. Redraws on resize from the columns it holds.
 *
 * @element assessment-calendar-heatmap
 * @fires ad-select - detail: `{ date, value, holiday, workday, weekend }` of the picked day (`value` null without data)
 * @csspart summary - the one-sentence summary
 * @csspart chart - the SVG
 * @csspart legend - the legend under the chart
 * @csspart table - the data table
 * @cssprop --ad-color-heat - colour of the busiest days (default `--ad-color-bar`); lighter levels are mixed with the surface
 * @cssprop --ad-color-holiday - ring and hatch of holidays (default `--ad-color-accent`)
 * @cssprop --ad-font-scale - multiplies every font size (see the `font-scale` attribute)
 */
export class AssessmentCalendarHeatmap extends ScaledElement {
  static override properties = {
    dates: { attribute: false, hasChanged: changedItems },
    values: { attribute: false, hasChanged: changedItems },
    holidays: { attribute: false },
    workdays: { attribute: false },
    from: { type: String },
    to: { type: String },
    selected: { type: String },
    summary: { type: String },
    unit: { type: String },
    valueHeader: { type: String, attribute: 'value-header' },
    lang: { type: String, reflect: true },
  };
  /** Day of each value, 'YYYY-MM-DD' (longer timestamps are cut to the day; repeated days are summed). */
  declare dates: ArrayLike<string>;
  declare values: ArrayLike<number>;
  /** Holidays (法定节假日 and 调休 rest days); unset: the national calendar's for the drawn range. */
  declare holidays: Iterable<string> | undefined;
  /** 调休上班 weekend days; unset: the national calendar's. */
  declare workdays: Iterable<string> | undefined;
  /** First day drawn (default: the first date of the data). */
  declare from: string | undefined;
  /** Last day drawn (default: the last date of the data). */
  declare to: string | undefined;
  /** Date of the highlighted day, if any. */
  declare selected: string | undefined;
  /** Replaces the computed one-sentence summary. */
  declare summary: string;
  /** Measure word of the counts in the summary and the day names (default 件 in Chinese, none in English). */
  declare unit: string | undefined;
  /** Heading of the value column of the table (default 数量 / Count). */
  declare valueHeader: string;
  declare lang: string;
  readonly #width = new WidthController(this, () => this.svg);
  /** The day holding the keyboard (roving tabindex). */
  #focus: string | undefined;
  /** Drawn as the phone strip (one row per month): ↑/↓ then move by month, not by week. */
  #strip = false;

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; --_heat: var(--ad-color-heat, var(--_bar)); --_holiday: var(--ad-color-holiday, var(--_accent)); }
      p.summary { margin: 0 0 calc(0.5 * var(--_rem)); font-size: calc(0.95 * var(--_rem) * var(--_scale)); }
      svg { display: block; max-width: 100%; height: auto; font-size: calc(0.75 * var(--_rem) * var(--_scale)); }
      svg .month-label, svg .year-label { fill: var(--_fg); font-weight: 600; }
      svg.strip .month-label { font-weight: normal; }
      svg .weekdays text { fill: var(--_muted); }
      svg .day { cursor: pointer; }
      svg .day:focus { outline: none; }
      svg .fill { fill: var(--_bg); stroke: var(--_border); stroke-width: 1px; }
      svg .none .fill { fill: none; stroke-dasharray: 2 2; }
      svg .l0 .fill { fill: var(--_panel); }
      svg .l1 .fill { fill: color-mix(in srgb, var(--_heat) 22%, var(--_bg)); }
      svg .l2 .fill { fill: color-mix(in srgb, var(--_heat) 45%, var(--_bg)); }
      svg .l3 .fill { fill: color-mix(in srgb, var(--_heat) 70%, var(--_bg)); }
      svg .l4 .fill { fill: var(--_heat); }
      svg .hatch { fill: var(--_holiday); opacity: 0.55; }
      svg .holiday .ring { stroke: var(--_holiday); stroke-width: 1.5px; }
      svg .mark {
        fill: var(--_fg); font-weight: 700; font-size: 0.9em;
        paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; stroke-linejoin: round;
      }
      svg .selected .ring { stroke: var(--_fg); stroke-width: 2.5px; }
      svg .day:focus-visible .ring { stroke: var(--_fg); stroke-width: 3px; }
      .legend {
        display: flex; flex-wrap: wrap; gap: calc(0.25 * var(--_rem)) calc(1 * var(--_rem)); align-items: center;
        margin: calc(0.5 * var(--_rem)) 0 0; padding: 0; list-style: none; font-size: calc(0.85 * var(--_rem) * var(--_scale)); color: var(--_muted);
      }
      .legend li { display: inline-flex; align-items: center; gap: calc(0.25 * var(--_rem)); }
      .swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid var(--_border); border-radius: 2px; box-sizing: border-box; }
      .swatch.l0 { background: var(--_panel); }
      .swatch.l1 { background: color-mix(in srgb, var(--_heat) 22%, var(--_bg)); }
      .swatch.l2 { background: color-mix(in srgb, var(--_heat) 45%, var(--_bg)); }
      .swatch.l3 { background: color-mix(in srgb, var(--_heat) 70%, var(--_bg)); }
      .swatch.l4 { background: var(--_heat); }
      .swatch.none { border-style: dashed; }
      .swatch.holiday {
        border: 1.5px solid var(--_holiday);
        background: repeating-linear-gradient(45deg, color-mix(in srgb, var(--_holiday) 55%, var(--_bg)) 0 1.5px, var(--_bg) 1.5px 4px);
      }
      details { margin-top: calc(0.5 * var(--_rem)); font-size: calc(0.9 * var(--_rem) * var(--_scale)); }
      .table-wrap { max-height: 24em; overflow: auto; }
      table { border-collapse: collapse; margin-top: calc(0.5 * var(--_rem)); }
      th, td { padding: calc(0.2 * var(--_rem)) calc(0.75 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      /* Printed, the one-sentence summary stands for the calendar (see the dashboard's print layout). */
      @media print { details { display: none; } }
      @media (forced-colors: active) {
        svg .l1 .fill, svg .l2 .fill, svg .l3 .fill, svg .l4 .fill { fill: CanvasText; }
        svg .mark { fill: CanvasText; stroke: Canvas; }
        svg .hatch { fill: Highlight; }
      }
    `,
  ];

  constructor() {
    super();
    this.dates = [];
    this.values = [];
    this.summary = '';
    this.valueHeader = '';
    this.lang = '';
  }

  /** The drawn chart, for export. */
  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  /** Holiday and 调休 sets for the drawn range: the host's, else the national calendar's. */
  #calendar(from: string | undefined, to: string | undefined) {
    let holidays = this.holidays === undefined ? undefined : new Set(this.holidays);
    let workdays = this.workdays === undefined ? undefined : new Set(this.workdays);
    if ((holidays === undefined || workdays === undefined) && from && to) {
      national ??= chineseCalendar();
      const days = calendarDays(national, from, to);
      holidays ??= new Set(days.holidays);
      workdays ??= new Set(days.workdays);
    }
    return { holidays: holidays ?? new Set<string>(), workdays: workdays ?? new Set<string>() };
  }

  /** The days drawn, their calendar, and the properties they were made from (see #modelNow). */
  #model:
    | {
        inputs: readonly unknown[];
        days: CalendarDay[];
        calendar: { holidays: Set<string>; workdays: Set<string> };
      }
    | undefined;

  /** Every day of the range with its value and kind. */
  #days(): CalendarDay[] {
    return this.#modelNow().days;
  }

  /**
   * The days and their holiday sets, made again only when a property they come from changed: render and
   * updated both need them, and each made them anew (the range, the national calendar's days, the model).
   */
  #modelNow() {
    const inputs = [this.dates, this.values, this.from, this.to, this.holidays, this.workdays];
    const known = this.#model;
    if (known && inputs.every((x, i) => x === known.inputs[i])) return known;
    const range = calendarModel({ dates: this.dates, values: this.values }, { from: this.from, to: this.to });
    const from = range[0]?.date;
    const to = range[range.length - 1]?.date;
    const calendar = this.#calendar(from, to);
    const days = calendarModel({ dates: this.dates, values: this.values }, { from, to, ...calendar });
    this.#model = { inputs, days, calendar };
    return this.#model;
  }

  #unit(lang: Lang) {
    return this.unit ?? (lang === 'en' ? '' : '件');
  }

  #kind(d: CalendarDay, lang: Lang) {
    const h = heatmapMessages(lang);
    const name = nationalDayName(d.date)?.[lang];
    const named = (text: string) => (name ? `${text}${lang === 'en' ? ` (${name})` : `（${name}）`}` : text);
    if (d.holiday) return named(h.holiday);
    if (d.workday) return named(h.makeup);
    return d.weekend ? h.weekend : h.workingDay;
  }

  /** A day's accessible name and tooltip: date, weekday, exact count, and what kind of day it is. */
  #describe(d: CalendarDay, lang: Lang) {
    const h = heatmapMessages(lang);
    const weekday = h.weekdayLong[(new Date(`${d.date}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';
    const amount = Number.isFinite(d.value)
      ? h.amount(formatCount(d.value, lang), this.#unit(lang))
      : h.noData;
    const mark = d.holiday ? h.marks.holiday : d.workday ? h.marks.workday : '';
    const kind = this.#kind(d, lang);
    if (lang === 'en') {
      return `${weekday}, ${formatDate(d.date, lang)}: ${amount}; ${mark ? `${mark}: ` : ''}${kind}`;
    }
    return `${formatDate(d.date, lang)} ${weekday}：${amount}，${mark ? `${mark}：` : ''}${kind}`;
  }

  #summary(days: CalendarDay[], lang: Lang) {
    if (this.summary) return this.summary;
    const h = heatmapMessages(lang);
    const withData = days.filter((d) => Number.isFinite(d.value));
    const first = days[0];
    const last = days[days.length - 1];
    if (!first || !last || withData.length === 0) return h.empty;
    const mean = (xs: CalendarDay[]) =>
      xs.reduce((s, d) => s + (Number.isFinite(d.value) ? d.value : 0), 0) / xs.length;
    const working = days.filter((d) => !d.holiday && (!d.weekend || d.workday));
    const holidays = days.filter((d) => d.holiday);
    const peak = withData.reduce((a, b) => (b.value > a.value ? b : a));
    const total = withData.reduce((s, d) => s + d.value, 0);
    return h.summary({
      from: formatDate(first.date, lang),
      to: formatDate(last.date, lang),
      total: formatCountInText(total, lang),
      unit: this.#unit(lang),
      workAvg: formatCount(working.length ? mean(working) : 0, lang, 1),
      holidayAvg: holidays.length ? formatCount(mean(holidays), lang, 1) : null,
      peakDate: formatDate(peak.date, lang),
      peak: formatCount(peak.value, lang),
    });
  }

  #pick(date: string) {
    const d = this.#days().find((x) => x.date === date);
    if (!d) return;
    const detail: CalendarSelectDetail = {
      date: d.date,
      value: Number.isFinite(d.value) ? d.value : null,
      holiday: d.holiday,
      workday: d.workday,
      weekend: d.weekend,
    };
    this.dispatchEvent(new CustomEvent('ad-select', { detail, bubbles: true, composed: true }));
  }

  #onClick = (e: Event) => {
    const day = (e.target as Element).closest?.('.day[data-date]');
    const date = day?.getAttribute('data-date');
    if (!date) return;
    this.#move(date);
    this.#pick(date);
  };

  #move(date: string) {
    const cells = this.renderRoot.querySelectorAll<SVGGElement>('.day[data-date]');
    const first = cells[0]?.getAttribute('data-date') ?? date;
    const last = cells[cells.length - 1]?.getAttribute('data-date') ?? date;
    const target = date < first ? first : date > last ? last : date;
    this.#focus = target;
    for (const c of cells) c.setAttribute('tabindex', c.getAttribute('data-date') === target ? '0' : '-1');
    this.renderRoot.querySelector<SVGGElement>(`.day[data-date="${target}"]`)?.focus();
  }

  #onFocus = (e: FocusEvent) => {
    const date = (e.target as Element).closest?.('.day[data-date]')?.getAttribute('data-date');
    if (date) this.#focus = date;
  };

  #onKey = (e: KeyboardEvent) => {
    const date = (e.target as Element).closest?.('.day[data-date]')?.getAttribute('data-date');
    if (!date) return;
    const cells = this.renderRoot.querySelectorAll('.day[data-date]');
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => (this.#strip ? addMonths(date, -1) : addDays(date, -7)),
      ArrowDown: () => (this.#strip ? addMonths(date, 1) : addDays(date, 7)),
      PageUp: () => addMonths(date, -1),
      PageDown: () => addMonths(date, 1),
      Home: () => cells[0]?.getAttribute('data-date') ?? date,
      End: () => cells[cells.length - 1]?.getAttribute('data-date') ?? date,
    };
    const move = moves[e.key];
    if (move) this.#move(move());
    else if (e.key === 'Enter' || e.key === ' ') this.#pick(date);
    else return;
    e.preventDefault();
  };

  override render() {
    const lang = hostLang(this);
    const t = messages(lang);
    const h = heatmapMessages(lang);
    const days = this.#days();
    const summary = this.#summary(days, lang);
    return html`<p class="summary" part="summary">${summary}</p>
      ${
        days.length === 0
          ? nothing
          : html`<svg part="chart" role="group" aria-label=${summary} @click=${this.#onClick} @keydown=${this.#onKey} @focusin=${this.#onFocus}></svg>
            <ul class="legend" part="legend">
              <li>${h.less} ${[0, 1, 2, 3, 4].map((l) => html`<span class="swatch l${l}" aria-hidden="true"></span>`)} ${h.more}</li>
              <li><span class="swatch holiday" aria-hidden="true"></span>${h.legendHoliday}</li>
              <li>${h.legendWorkday}</li>
              <li><span class="swatch none" aria-hidden="true"></span>${h.legendNoData}</li>
            </ul>
            <details>
              <summary>${t.showTable}</summary>
              <div class="table-wrap" data-scroller tabindex="0" role="region" aria-label=${t.showTable}>
                <table part="table">
                  <caption class="visually-hidden">${summary}</caption>
                  <thead><tr><th scope="col">${h.date}</th><th scope="col">${this.valueHeader || h.count}</th><th scope="col">${h.kind}</th></tr></thead>
                  <tbody>
                    ${days.map(
                      (d) =>
                        html`<tr data-date=${d.date}><th scope="row">${formatDate(d.date, lang)}</th><td class="num">${Number.isFinite(d.value) ? formatCount(d.value, lang) : '–'}</td><td>${this.#kind(d, lang)}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>
            </details>`
      }`;
  }

  protected override updated() {
    const svg = this.svg;
    const width = this.#width.width;
    if (!svg || width <= 0) return;
    const lang = hostLang(this);
    const h = heatmapMessages(lang);
    const hadFocus = this.shadowRoot?.activeElement?.closest?.('.day') != null;
    const days = this.#days();
    const from = days[0]?.date;
    const to = days[days.length - 1]?.date;
    // Cells grow with the text (font-scale, the page's root font size) so the marks always fit.
    const fontPx = this.#width.fontSize || 12;
    const cell = Math.round(fontPx * 1.9);
    // Fewer than three month blocks across (a phone): the compact strip, one row of days per month.
    this.#strip = width < 3 * 7 * cell + 2 * 12;
    renderCalendarHeatmap(
      svg,
      { dates: this.dates, values: this.values },
      {
        width,
        label: this.#summary(days, lang),
        from,
        to,
        ...this.#modelNow().calendar,
        cell,
        layout: this.#strip ? 'strip' : 'months',
        monthLabel: (ym) => (this.#strip ? h.monthShort(Number(ym.slice(5, 7))) : formatMonth(ym, lang)),
        yearLabel: h.year,
        weekdays: h.weekdays,
        marks: h.marks,
        describe: (d) => this.#describe(d, lang),
        focus: this.#focus,
        selected: this.selected,
      },
    );
    if (hadFocus && this.#focus) this.#move(this.#focus);
  }
}
