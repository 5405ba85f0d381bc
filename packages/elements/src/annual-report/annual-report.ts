import type { Engine } from '@assessment-dashboard/core';
import type {
  AnnualLayout,
  AnnualReport,
  Table2,
  Table3,
  Table4,
} from '@assessment-dashboard/core/annual-report';
import { css, html, nothing } from 'lit';
import { downloadBlob } from '../download.ts';
import { hostLang, type Lang } from '../i18n/messages.ts';
import { LatestRun, STALE } from '../session/latest-run.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';
import { annualMessages } from './messages.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The annual-report code of core, fetched as its own chunk the first time an element needs it. */
type AnnualReportModule = typeof import('@assessment-dashboard/core/annual-report');
const loadAnnualReport = (): Promise<AnnualReportModule> =>
  import('@assessment-dashboard/core/annual-report');
let lib: AnnualReportModule | undefined;
let loading: Promise<AnnualReportModule> | undefined;
const annualLib = (): Promise<AnnualReportModule> =>
  (loading ??= loadAnnualReport().then((m) => {
    lib = m;
    return m;
  }));

/**
 * 政府信息公开工作年度报告 tables 二, 三 and 四 in the official layout (国办公开办函〔2021〕30号, or the 2019
 * trial format with `layout="2019"`), as real tables with captions and scoped headers, the result of the
 * cross-checks (role="status"), an XLSX download (one sheet per table, merged headers) and print styles.
 *
 * Data: set `report` (from `computeAnnualReport` in core, like `<assessment-scorecard>` takes a computed
 * scorecard), or set `engine` (a core Engine with the exports loaded) and the element computes the report
 * for `year`, `layout` and `agency` itself, again whenever one of them changes. Fires `ad-ready`
 * (`detail: { report }`) when a computed report is shown and `ad-error` (`detail: { message }`) on failure.
 *
 * @element assessment-annual-report
 * @csspart toolbar - heading and buttons
 * @csspart download - the XLSX download button
 * @csspart checks - the check results (role="status")
 * @csspart table2 - table 二
 * @csspart table3 - table 三
 * @csspart table4 - table 四
 * @csspart notes - why some table 二 cells are empty
 */
export class AssessmentAnnualReport extends ScaledElement {
  static override properties = {
    year: { type: Number, reflect: true },
    layout: { type: String, reflect: true },
    agency: { type: String },
    lang: { type: String, reflect: true },
    engine: { attribute: false },
    report: { attribute: false },
    _computed: { state: true },
    _status: { state: true },
  };
  declare year: number;
  declare layout: AnnualLayout;
  declare agency: string | undefined;
  declare lang: string;
  declare engine: Engine | undefined;
  declare report: AnnualReport | undefined;
  declare _computed: AnnualReport | undefined;
  declare _status: 'idle' | 'computing' | 'error';
  readonly #latest = new LatestRun();

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .toolbar { display: flex; flex-wrap: wrap; gap: calc(0.5 * var(--_rem)); align-items: baseline; justify-content: space-between; margin-bottom: var(--_space); }
      h2 { font-size: calc(1.1 * var(--_rem) * var(--_scale)); margin: 0; }
      .muted { color: var(--_muted); font-weight: normal; font-size: calc(0.9 * var(--_rem) * var(--_scale)); }
      button { font: inherit; padding: calc(0.3 * var(--_rem)) calc(0.8 * var(--_rem)); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_fg); cursor: pointer; }
      button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      .checks { border-left: 4px solid var(--_good); background: var(--_panel); padding: calc(0.4 * var(--_rem)) calc(0.8 * var(--_rem)); margin-bottom: var(--_space); }
      .checks.failed { border-left-color: var(--_bad); }
      .checks ul { margin: calc(0.25 * var(--_rem)) 0 0; padding-left: calc(1.25 * var(--_rem)); }
      .scroll { overflow-x: auto; margin-bottom: calc(var(--_space) * 1.5); }
      table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-weight: 600; padding: calc(0.3 * var(--_rem)) 0; }
      th, td { border: 1px solid var(--_border); padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem)); font-weight: normal; }
      thead th, th[scope='col'], th[scope='colgroup'] { text-align: center; background: var(--_panel); }
      th[scope='row'], th[scope='rowgroup'] { text-align: left; }
      td { text-align: right; min-width: calc(3.5 * var(--_rem)); }
      td.missing { color: var(--_muted); text-align: center; }
      .notes { font-size: calc(0.85 * var(--_rem) * var(--_scale)); color: var(--_muted); margin: calc(-0.75 * var(--_rem)) 0 var(--_space); }
      .notes ul { margin: calc(0.25 * var(--_rem)) 0 0; padding-left: calc(1.25 * var(--_rem)); }
      @media print {
        @page { size: A4 landscape; margin: 12mm; }
        :host { font-size: 9pt; color: #000; }
        button { display: none; }
        th, td { border-color: #000; background: none !important; }
        .scroll { overflow: visible; }
        table { break-inside: avoid; }
        .checks { border: none; background: none; padding: 0; }
      }
    `,
  ];

  constructor() {
    super();
    this.year = new Date().getFullYear() - 1;
    this.layout = '2021';
    this.lang = '';
    this._status = 'idle';
  }

  /** The report on display: the one set from outside, else the one computed from `engine`. */
  get shown(): AnnualReport | undefined {
    return this.report ?? this._computed;
  }

  /** The shown report as .xlsx bytes (what the download button saves). */
  async xlsx(): Promise<Uint8Array | undefined> {
    const r = this.shown;
    return r ? (await annualLib()).annualReportXlsx(r) : undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!lib) void annualLib().then(() => this.requestUpdate());
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (
      this.engine &&
      !this.report &&
      (changed.has('engine') || changed.has('year') || changed.has('layout') || changed.has('agency'))
    )
      void this.#compute(this.engine);
  }

  async #compute(engine: Engine) {
    this._status = 'computing';
    try {
      const layout: AnnualLayout = this.layout === '2019' ? '2019' : '2021';
      const year = Number(this.year);
      const agency = this.agency;
      const report = await this.#latest.run(async () => {
        const { computeAnnualReport } = await annualLib();
        return computeAnnualReport(engine, { year, layout, ...(agency ? { agency } : {}) });
      });
      if (report === STALE) return;
      this._computed = report;
      this._status = 'idle';
      await this.updateComplete;
      this.dispatchEvent(new CustomEvent('ad-ready', { detail: { report }, bubbles: true, composed: true }));
    } catch (e) {
      this._status = 'error';
      const message = e instanceof Error ? e.message : String(e);
      this.dispatchEvent(new CustomEvent('ad-error', { detail: { message }, bubbles: true, composed: true }));
    }
  }

  #download(report: AnnualReport, lang: Lang, m: AnnualReportModule) {
    const bytes = m.annualReportXlsx(report);
    downloadBlob(
      new Blob([bytes as BlobPart], { type: XLSX_TYPE }),
      annualMessages(lang).fileName(report.year),
    );
  }

  override render() {
    const lang = hostLang(this);
    const t = annualMessages(lang);
    const report = lib ? this.shown : undefined;
    const m = lib;
    if (!report || !m) {
      if (this._status === 'computing') return html`<p role="status">${t.computing}</p>`;
      if (this._status === 'error') return html`<p role="alert">${t.failed}</p>`;
      return nothing;
    }
    const failed = report.violations.length > 0;
    return html`
      <div class="toolbar" part="toolbar">
        <h2>${t.heading(report.agency, report.year)} <span class="muted">${t.layout(report.layout)}</span></h2>
        <span>
          <button type="button" part="download" @click=${() => this.#download(report, lang, m)}>${t.downloadXlsx}</button>
          <button type="button" part="print" @click=${() => window.print()}>${t.print}</button>
        </span>
      </div>
      <div role="status" part="checks" class="checks ${failed ? 'failed' : ''}">
        ${
          failed
            ? html`${t.checksFailed(report.violations.length)}<ul>${report.violations.map(
                (v) => html`<li>${m.formatViolation(v)}</li>`,
              )}</ul>`
            : t.checksPassed
        }
        ${this._status === 'computing' ? html`<span class="muted"> ${t.computing}</span>` : nothing}
      </div>
      ${this.#table2(m, report.table2, lang)}
      ${report.table3 ? this.#table3(m, report.table3) : html`<p class="muted">${t.noRequests}</p>`}
      ${report.table4 ? this.#table4(m, report.table4) : nothing}
    `;
  }

  #table2(m: AnnualReportModule, t2: Table2, lang: Lang) {
    const { TABLE2_CONTENT, TABLE2_WIDTH, formatTable2Value } = m;
    const t = annualMessages(lang);
    const notes = m.table2Notes(t2);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t2.title}><table part="table2">
        <caption>${t2.title}</caption>
        ${t2.blocks.map((b) => {
          const span = (i: number) => (i === b.columns.length - 1 ? TABLE2_WIDTH - b.columns.length : 1);
          return html`<tbody>
            <tr><th scope="colgroup" colspan=${TABLE2_WIDTH}>${b.caption}</th></tr>
            <tr><th scope="col">${TABLE2_CONTENT}</th>${b.columns.map(
              (c, i) => html`<th scope="col" colspan=${span(i)}>${c.label}</th>`,
            )}</tr>
            ${b.rows.map(
              (r) =>
                html`<tr><th scope="row">${r.label}</th>${r.cells.map((c, i) =>
                  c.value === null
                    ? html`<td class="missing" colspan=${span(i)} title=${lang === 'en' ? (c.missing?.en ?? '') : (c.missing?.zh ?? '')}><span aria-hidden="true">—</span><span class="visually-hidden">${t.notAvailable}</span></td>`
                    : html`<td colspan=${span(i)}>${formatTable2Value(c.value)}</td>`,
                )}</tr>`,
            )}
          </tbody>`;
        })}
      </table></div>
      ${
        notes.length
          ? html`<div class="notes" part="notes">${t.notesHeading}<ul>${notes.map(
              (n) => html`<li>${lang === 'en' ? n.en : n.zh}</li>`,
            )}</ul></div>`
          : nothing
      }`;
  }

  #table3(m: AnnualReportModule, t3: Table3) {
    const { APPLICANT_BAND, ORG_BAND, TABLE3_CORNER } = m;
    const orgCols = t3.columns.filter((c) => c.underOrgBand);
    const first = t3.columns[0];
    const last = t3.columns[t3.columns.length - 1];
    const descendants = (key: string): number =>
      t3.rows
        .filter((r) => r.parent === key)
        .reduce((n, r) => n + (r.kind === 'data' ? 1 : descendants(r.key)), 0);
    const body: ReturnType<typeof html>[] = [];
    let groups: ReturnType<typeof html>[] = [];
    for (const r of t3.rows) {
      if (r.kind === 'group') {
        groups.push(html`<th scope="rowgroup" rowspan=${descendants(r.key)}>${r.label}</th>`);
        continue;
      }
      body.push(
        html`<tr>${groups}<th scope="row" colspan=${3 - r.level}>${r.label}</th>${(r.values ?? []).map(
          (v) => html`<td>${v}</td>`,
        )}</tr>`,
      );
      groups = [];
    }
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t3.title}><table part="table3">
      <caption>${t3.title}</caption>
      <thead>
        <tr><td colspan="3" rowspan="3" class="corner">${TABLE3_CORNER}</td><th scope="colgroup" colspan=${t3.columns.length}>${APPLICANT_BAND}</th></tr>
        <tr><th scope="col" rowspan="2">${first?.label}</th><th scope="colgroup" colspan=${orgCols.length}>${ORG_BAND}</th><th scope="col" rowspan="2">${last?.label}</th></tr>
        <tr>${orgCols.map((c) => html`<th scope="col">${c.label}</th>`)}</tr>
      </thead>
      <tbody>${body}</tbody>
    </table></div>`;
  }

  #table4(m: AnnualReportModule, t4: Table4) {
    const { TABLE4_BLOCKS, TABLE4_CELLS, TABLE4_LITIGATION, TABLE4_REVIEW } = m;
    const n = TABLE4_CELLS.length;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t4.title}><table part="table4">
      <caption>${t4.title}</caption>
      <thead>
        <tr><th scope="colgroup" colspan=${n} rowspan="2">${TABLE4_REVIEW}</th><th scope="colgroup" colspan=${2 * n}>${TABLE4_LITIGATION}</th></tr>
        <tr><th scope="colgroup" colspan=${n}>${TABLE4_BLOCKS[1]?.label}</th><th scope="colgroup" colspan=${n}>${TABLE4_BLOCKS[2]?.label}</th></tr>
        <tr>${TABLE4_BLOCKS.map(() => TABLE4_CELLS.map((c) => html`<th scope="col">${c.label}</th>`))}</tr>
      </thead>
      <tbody><tr>${TABLE4_BLOCKS.map((b) => TABLE4_CELLS.map((c) => html`<td>${t4[b.key][c.key]}</td>`))}</tr></tbody>
    </table></div>`;
  }
}
