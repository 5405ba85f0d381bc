import {
  CASE_SORT_COLUMNS,
  type CaseList,
  type CaseListOptions,
  type CaseListRow,
  type CaseSortColumn,
  caseList,
  type Engine,
  enumLabel,
  type Filters,
} from '@assessment-dashboard/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { changedValue } from '../changed-value.ts';
import { formatCount } from '../i18n/format.ts';
import { hostLang, type Lang } from '../i18n/messages.ts';
import { LatestRun } from '../session/latest-run.ts';
import { tokens } from '../styles/tokens.ts';
import { caseListStyles, WIDTHS } from './case-list-styles.ts';
import { drillMessages } from './messages.ts';

/** One page of cases: what `fetchPage` resolves to (`caseList` of core returns exactly this). */
export type CaseListPage = Pick<CaseList, 'total' | 'rows'> & Partial<Pick<CaseList, 'personalColumns'>>;
/** Loads `limit` cases from `offset` (0-based) in a stable order. */
export type CaseListFetcher = (offset: number, limit: number) => Promise<CaseListPage>;

/** Rows rendered above and below the visible ones. */
const BUFFER = 8;
/** Pages kept in memory; pages far from the visible rows are dropped beyond this. */
const MAX_PAGES = 24;
/**
 * Scroll height above which the rows are mapped onto a compressed scroll range (browsers cap an element's
 * height at 17.9 million px in Firefox, 33.5 million in Chromium): beyond about 200,000 rows.
 */
const MAX_SCROLL_PX = 8_000_000;
/** Row height before the first row could be measured (2.25 × 16 px). */
const DEFAULT_ROW_PX = 36;

/**
 * The cases behind a number (drill-down 部门 → 事项 → 办件), as a virtualised table: only the visible rows
 * and a few around them are in the DOM, and pages of rows are fetched as the reader scrolls. It is a real
 * table (caption, scoped headers, `aria-rowcount` and `aria-rowindex` on every rendered row); its scroll
 * container is focusable, so arrow keys, PageUp/PageDown, Home and End scroll it. Personal columns
 * (姓名, 证件号码, 手机号) arrive masked from core (`110105********002X`, `138****5678`, `张*`).
 *
 * Data, either way:
 * - inside the dashboard (or any page with a core `Engine`): set `engine`, and `filters` (the indicators'
 *   `Filters`, e.g. `{ dept_name: ['县自然资源局'], item_code: ['IT-A1'] }`), `as-of`, `period` and `sort`;
 *   the element calls core's `caseList` page by page, again from the top whenever one of them changes;
 *   column headers then sort the list (`ad-sort`);
 * - on its own (rows from a server, a fixture): set `fetchPage(offset, limit)` resolving to
 *   `{ total, rows, personalColumns? }`. `fetchPage` wins over `engine` when both are set.
 *
 * Fires `ad-ready` (`detail: { total }`) when the first page is shown and `ad-error`
 * (`detail: { message }`) when a page cannot be loaded, on the element only (they do not bubble, so inside
 * the dashboard they are not mistaken for its own `ad-ready` / `ad-error`); `ad-sort` bubbles.
 *
 * @element assessment-case-list
 * @attr as-of - 'YYYY-MM-DD': the day open cases are judged on (default: the latest timestamp in the data)
 * @csspart scroll - the scroll container (focusable; set its height with --ad-case-list-height)
 * @csspart table - the case table
 * @csspart header - the caption and count shown above the table
 * @csspart total - the case count (共 12,345 件)
 * @csspart status - loading, empty and error messages
 * @csspart sort - the sort button in each sortable column header (with an engine; not with fetchPage)
 * @cssprop --ad-case-list-height - height of the scrolling table (default 24 × 16 px, more under a larger root font size)
 * @fires ad-ready - detail: `{ total }` when the first page of rows is shown
 * @fires ad-error - detail: `{ message }` when a page cannot be loaded
 * @fires ad-sort - detail: `{ column, direction }` when a column header changed the sort
 */
export class AssessmentCaseList extends LitElement {
  static override properties = {
    engine: { attribute: false },
    filters: { attribute: false, hasChanged: changedValue },
    period: { attribute: false, hasChanged: changedValue },
    sort: { attribute: false, hasChanged: changedValue },
    fetchPage: { attribute: false },
    asOf: { type: String, attribute: 'as-of', reflect: true },
    caption: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    lang: { type: String, reflect: true },
    _total: { state: true },
    _first: { state: true },
    _last: { state: true },
    _error: { state: true },
    _loaded: { state: true },
  };
  /** a core Engine holding the case export; used unless `fetchPage` is set */
  declare engine: Engine | undefined;
  /** the indicators' filters (column → accepted values), bound as parameters by core */
  declare filters: Filters | undefined;
  /** days [from, to) ('YYYY-MM-DD') of 申请时间, e.g. a month range */
  declare period: { from: string; to: string } | undefined;
  /** sort order (a whitelisted column of core's CASE_SORT_COLUMNS; default 申请时间 ascending) */
  declare sort: CaseListOptions['sort'];
  /** loads rows on its own: `(offset, limit) => Promise<{ total, rows, personalColumns? }>` */
  declare fetchPage: CaseListFetcher | undefined;
  declare asOf: string | undefined;
  /** the table's caption (default 办件清单 / Cases) */
  declare caption: string | undefined;
  /** rows fetched at a time (default 100) */
  declare pageSize: number;
  declare lang: string;
  declare _total: number | undefined;
  declare _first: number;
  declare _last: number;
  declare _error: string | undefined;
  declare _loaded: number;

  #pages = new Map<number, CaseListRow[]>();
  #pending = new Set<number>();
  #personal: { column: string }[] = [];
  /** A new filter, sort or engine starts a new run: pages of the old one are dropped when they arrive. */
  readonly #latest = new LatestRun();
  #rowPx = DEFAULT_ROW_PX;
  #before = 0;
  #after = 0;
  #frame = 0;
  #announced = false;

  static override styles = [tokens, caseListStyles];

  constructor() {
    super();
    this.lang = '';
    this.pageSize = 100;
    this._first = 0;
    this._last = 0;
    this._loaded = 0;
  }

  /** Total cases under the filters, once the first page has arrived. */
  get total(): number | undefined {
    return this._total;
  }

  /** Scrolls so that row `index` (0-based) is at the top. */
  scrollToRow(index: number): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    const { virtual, physical } = this.#heights(this._total ?? 0, scroller.clientHeight);
    const v = Math.max(0, index) * this.#rowPx;
    const top =
      physical < virtual ? (v * (physical - scroller.clientHeight)) / (virtual - scroller.clientHeight) : v;
    scroller.scrollTop = this.#bodyTop() + top;
  }

  override willUpdate(changed: PropertyValues<this>) {
    const inputs = ['engine', 'filters', 'period', 'sort', 'fetchPage', 'asOf', 'pageSize'] as const;
    if (inputs.some((k) => changed.has(k))) this.#reset();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #reset() {
    this.#latest.start();
    this.#pages.clear();
    this.#pending.clear();
    this.#announced = false;
    // The last total stays on screen (rows show as loading) so the table, and focus in it, survive a new sort.
    this._error = undefined;
    const scroller = this.#scroller();
    if (scroller) scroller.scrollTop = 0;
    if (this.fetchPage || this.engine) void this.#load(0);
  }

  #size(): number {
    return Math.max(1, Math.min(1000, Math.floor(this.pageSize) || 100));
  }

  #fetch(offset: number, limit: number): Promise<CaseListPage> {
    if (this.fetchPage) return this.fetchPage(offset, limit);
    if (!this.engine) return Promise.reject(new Error('no engine and no fetchPage'));
    return caseList(this.engine, {
      filters: this.filters,
      asOf: this.asOf || undefined,
      period: this.period,
      sort: this.sort,
      offset,
      limit,
    });
  }

  async #load(page: number) {
    const signal = this.#latest.signal;
    if (this.#pages.has(page) || this.#pending.has(page)) return;
    this.#pending.add(page);
    try {
      const size = this.#size();
      const r = await this.#fetch(page * size, size);
      if (signal.aborted) return;
      this.#pages.set(page, r.rows);
      if (r.personalColumns) this.#personal = r.personalColumns;
      this._total = r.total;
      this._loaded++;
      this.#evict();
      if (!this.#announced) {
        this.#announced = true;
        await this.updateComplete;
        this.#measure();
        this.dispatchEvent(new CustomEvent('ad-ready', { detail: { total: r.total } }));
      }
    } catch (e) {
      if (signal.aborted) return;
      this._error = e instanceof Error ? e.message : String(e);
      this.dispatchEvent(new CustomEvent('ad-error', { detail: { message: this._error } }));
    } finally {
      if (!signal.aborted) this.#pending.delete(page);
    }
  }

  /** Drops pages far from the visible rows once too many are held. */
  #evict() {
    if (this.#pages.size <= MAX_PAGES) return;
    const size = this.#size();
    const centre = Math.floor((this._first + this._last) / 2 / size);
    const far = [...this.#pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, this.#pages.size - MAX_PAGES)) this.#pages.delete(p);
  }

  #scroller(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.scroll') ?? null;
  }

  /** Offset of the first body row from the top of the scrolled content (caption and header above it). */
  #bodyTop(): number {
    const scroller = this.#scroller();
    const body = this.renderRoot?.querySelector('tbody');
    if (!scroller || !body) return 0;
    return body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }

  #measure() {
    const row = this.renderRoot?.querySelector('tbody tr.row');
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - this.#rowPx) > 0.01) {
      this.#rowPx = h;
      this.requestUpdate();
    }
    this.#window();
  }

  #onScroll = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#window();
    });
  };

  /** Works out which rows are visible (plus the buffer) and fetches the pages they are on. */
  #window() {
    const total = this._total ?? 0;
    const scroller = this.#scroller();
    const top = Math.max(0, scroller ? scroller.scrollTop - this.#bodyTop() : 0);
    const height = scroller?.clientHeight || 400;
    const rowPx = this.#rowPx;
    const { virtual, physical } = this.#heights(total, height);
    // Past MAX_SCROLL_PX the scroll range is compressed: the physical offset maps linearly onto the rows,
    // measured against the real scroll range so that the end of the range is exactly the last row.
    const maxTop = scroller
      ? scroller.scrollHeight - scroller.clientHeight - this.#bodyTop()
      : physical - height;
    const v = physical < virtual ? (Math.min(top, maxTop) / Math.max(1, maxTop)) * (virtual - height) : top;
    const atTop = Math.min(Math.max(0, total - 1), Math.floor(v / rowPx));
    const offset = Math.max(0, v - atTop * rowPx);
    // Rows rendered above the first visible one: the buffer, or fewer where there is no room above.
    const above = Math.max(0, Math.min(BUFFER, atTop, Math.floor((top - offset) / rowPx)));
    const first = Math.min(total, atTop - above);
    const last = Math.min(total, Math.max(first, Math.ceil((v + height) / rowPx) + BUFFER));
    this.#before = Math.max(0, physical < virtual ? top - offset - above * rowPx : first * rowPx);
    this.#after = Math.max(0, physical - this.#before - (last - first) * rowPx);
    if (first !== this._first) this._first = first;
    if (last !== this._last) this._last = last;
    this.#spacers();
    const size = this.#size();
    for (let p = Math.floor(first / size); p * size < last; p++) void this.#load(p);
  }

  /** Height of all rows, and the height the scroll container gets (capped: browsers limit element heights). */
  #heights(total: number, viewport: number): { virtual: number; physical: number } {
    const virtual = total * this.#rowPx;
    return { virtual, physical: Math.max(Math.min(virtual, MAX_SCROLL_PX), Math.min(virtual, viewport)) };
  }

  /** Spacer heights through the CSSOM (no inline style attribute: the page may forbid them by CSP). */
  #spacers() {
    const before = this.renderRoot?.querySelector<HTMLElement>('tr.before td');
    const after = this.renderRoot?.querySelector<HTMLElement>('tr.after td');
    if (before) before.style.height = `${this.#before}px`;
    if (after) after.style.height = `${this.#after}px`;
  }

  override updated(changed: PropertyValues<this>) {
    this.#spacers();
    const table = this.renderRoot.querySelector<HTMLElement>('table');
    const columns = this.#columns(hostLang(this));
    if (table) table.style.width = `${columns.reduce((s, c) => s + c.width, 0)}rem`;
    this.renderRoot.querySelectorAll<HTMLElement>('col').forEach((col, i) => {
      col.style.width = `${columns[i]?.width ?? WIDTHS.personal}rem`;
    });
    if (changed.has('_total')) this.#window();
  }

  #columns(lang: Lang) {
    const t = drillMessages(lang);
    return [
      { key: 'case_id', label: t.caseId, width: WIDTHS.case_id },
      { key: 'item_name', label: t.item, width: WIDTHS.item_name },
      { key: 'dept_name', label: t.department, width: WIDTHS.dept_name },
      { key: 'apply_channel', label: t.channel, width: WIDTHS.apply_channel },
      { key: 'submitted_at', label: t.submitted, width: WIDTHS.submitted_at },
      { key: 'accepted_at', label: t.accepted, width: WIDTHS.accepted_at },
      { key: 'closed_at', label: t.closed, width: WIDTHS.closed_at },
      { key: 'due_day', label: t.due, width: WIDTHS.due_day },
      { key: 'status', label: t.status, width: WIDTHS.status },
      { key: 'overdue_wd', label: t.overdue, width: WIDTHS.overdue },
      ...this.#personal.map((p) => ({
        key: `personal:${p.column}`,
        label: p.column,
        width: WIDTHS.personal,
      })),
    ];
  }

  /** A column header; with an engine, the whitelisted columns sort on activation (again: the other way). */
  #header(c: { key: string; label: string }) {
    const sortable = !this.fetchPage && (CASE_SORT_COLUMNS as readonly string[]).includes(c.key);
    if (!sortable) return html`<th scope="col" title=${c.label}>${c.label}</th>`;
    const current = this.sort ?? { column: 'submitted_at', direction: 'asc' };
    const active = current.column === c.key;
    const dir = current.direction === 'desc' ? 'descending' : 'ascending';
    return html`<th scope="col" title=${c.label} aria-sort=${active ? dir : 'none'}>
      <button type="button" part="sort" @click=${() => this.#sortBy(c.key as CaseSortColumn)}>${c.label}<span
        aria-hidden="true" class="arrow">${active ? (dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span></button></th>`;
  }

  #sortBy(column: CaseSortColumn) {
    const current = this.sort ?? { column: 'submitted_at', direction: 'asc' };
    const direction = current.column === column && current.direction !== 'desc' ? 'desc' : 'asc';
    this.sort = { column, direction };
    this.dispatchEvent(new CustomEvent('ad-sort', { detail: this.sort, bubbles: true, composed: true }));
  }

  #row(index: number, lang: Lang, columns: number) {
    const size = this.#size();
    const r = this.#pages.get(Math.floor(index / size))?.[index % size];
    const t = drillMessages(lang);
    if (!r) {
      return html`<tr class="row pending" aria-rowindex=${index + 2}>
        <th scope="row" class="muted">${t.loading}</th>${Array.from({ length: columns - 1 }, () => html`<td></td>`)}
      </tr>`;
    }
    const label = (field: string, code: string | null) =>
      code === null ? '–' : enumLabel('cases', field, code, lang);
    const time = (v: string | null) => (v === null ? '–' : v.slice(0, 16));
    const overdue =
      r.overdue === null
        ? html`<span class="muted">–</span>`
        : r.overdue
          ? html`<span class="late">${r.overdue_wd ? t.overdueDays(r.overdue_wd) : t.overdueRestDay}</span>`
          : html`<span class="muted">${t.notOverdue}</span>`;
    const item = r.item_name ?? r.item_code ?? '–';
    return html`<tr class="row" aria-rowindex=${index + 2}>
      <th scope="row" title=${r.case_id}>${r.case_id}</th>
      <td title=${item}>${item}</td>
      <td title=${r.dept_name ?? ''}>${r.dept_name ?? '–'}</td>
      <td>${label('apply_channel', r.apply_channel)}</td>
      <td>${time(r.submitted_at)}</td>
      <td>${time(r.accepted_at)}</td>
      <td>${time(r.closed_at)}</td>
      <td>${r.due_day ?? '–'}</td>
      <td>${label('status', r.status)}</td>
      <td>${overdue}</td>
      ${this.#personal.map((p) => html`<td>${r.personal[p.column] ?? '–'}</td>`)}
    </tr>`;
  }

  override render() {
    const lang = hostLang(this);
    const t = drillMessages(lang);
    if (this._error)
      return html`<p class="status error" role="alert" part="status">${t.failed}：${this._error}</p>`;
    const total = this._total;
    if (total === undefined) {
      return this.fetchPage || this.engine
        ? html`<p class="status" role="status" part="status">${t.loading}</p>`
        : nothing;
    }
    const columns = this.#columns(lang);
    const caption = this.caption || t.caseListTitle;
    const rows = [];
    for (let i = this._first; i < this._last; i++) rows.push(this.#row(i, lang, columns.length));
    const count = t.total(formatCount(total, lang));
    // The caption is the table's name for assistive technology; the same words stay visible above the
    // scroll container (not scrolled away with the rows, nor sideways on a phone).
    return html`<p class="head" part="header" aria-hidden="true">${caption} <span class="total" part="total">${count}</span></p>
      <div class="scroll" part="scroll" data-scroller tabindex="0" role="region" aria-label=${caption}
        @scroll=${this.#onScroll}>
        <table part="table" aria-rowcount=${total + 1} aria-busy=${this.#announced ? 'false' : 'true'}>
          <caption class="visually-hidden">${caption} ${count}</caption>
          <colgroup>${columns.map(() => html`<col />`)}</colgroup>
          <thead><tr aria-rowindex="1">
            ${columns.map((c) => this.#header(c))}
          </tr></thead>
          <tbody>
            <tr class="spacer before" aria-hidden="true"><td colspan=${columns.length}></td></tr>
            ${rows}
            <tr class="spacer after" aria-hidden="true"><td colspan=${columns.length}></td></tr>
          </tbody>
        </table>
      </div>
      ${total === 0 ? html`<p class="status" role="status" part="status">${t.empty}</p>` : nothing}`;
  }
}
