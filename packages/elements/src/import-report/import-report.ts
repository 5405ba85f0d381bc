import { DATASETS, type DatasetKey, type ImportSummary, type LedgerEntry } from '@assessment-dashboard/core';
import { css, html, nothing } from 'lit';
import { formatCount } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * The row ledger, shown: per file how many rows were read, loaded and rejected, why, and the first
 * entries; the full ledger downloads as CSV. Opens by itself when anything was rejected.
 *
 * @element assessment-import-report
 * @fires ad-download-ledger - asks the host (the dashboard) for the full ledger CSV
 * @csspart report - the disclosure box
 */
export class AssessmentImportReport extends ScaledElement {
  static override properties = {
    imports: { attribute: false },
    entries: { attribute: false },
    lang: { type: String, reflect: true },
  };
  declare imports: ImportSummary[];
  declare entries: LedgerEntry[];
  declare lang: string;

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; font-size: calc(0.9 * var(--_rem) * var(--_scale)); }
      details { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(0.5 * var(--_rem)) calc(0.75 * var(--_rem)); }
      summary { cursor: pointer; font-weight: 600; }
      summary:focus-visible, button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      table { border-collapse: collapse; margin: calc(0.5 * var(--_rem)) 0; min-width: 100%; }
      caption { text-align: left; font-weight: 600; padding: calc(0.25 * var(--_rem)) 0; }
      th, td { padding: calc(0.2 * var(--_rem)) calc(0.6 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; vertical-align: top; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.value { max-width: calc(20 * var(--_rem)); overflow-wrap: anywhere; }
      /* Text from files is isolated so a right-to-left override cannot reorder the report around it. */
      td, th[scope='row'], li { unicode-bidi: isolate; }
      .reject { color: var(--_bad); }
      button { font: inherit; padding: calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem)); border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_panel); color: var(--_fg); cursor: pointer; }
    `,
  ];

  constructor() {
    super();
    this.imports = [];
    this.entries = [];
    this.lang = '';
  }

  override render() {
    const lang: Lang = hostLang(this);
    const t = messages(lang);
    const n = (v: number) => formatCount(v, lang);
    const rejected = this.imports.reduce((s, i) => s + i.rejected, 0);
    const warnings = this.imports.reduce((s, i) => s + i.warnings, 0);
    const total = rejected + warnings;
    const reason = (r: string) => t.reasons[r] ?? r;
    return html`<details part="report" ?open=${rejected > 0}>
      <summary>${t.importReport}：${t.reportSummary(this.imports.length, n(rejected), n(warnings))}</summary>
      <div class="scroll" data-scroller tabindex="0" role="region" aria-label=${t.importReport}>
        <table>
          <thead><tr>
            <th scope="col">${t.file}</th><th scope="col">${t.dataset}</th><th scope="col">${t.encoding}</th>
            <th scope="col">${t.read}</th><th scope="col">${t.loaded}</th><th scope="col">${t.rejected}</th><th scope="col">${t.warnings}</th>
          </tr></thead>
          <tbody>${this.imports.map(
            (i) => html`<tr>
              <th scope="row">${i.file}</th><td>${i.dataset}</td><td>${i.encoding}</td>
              <td class="num">${n(i.read)}</td><td class="num">${n(i.loaded)}</td>
              <td class="num ${i.rejected ? 'reject' : ''}">${n(i.rejected)}</td><td class="num">${n(i.warnings)}</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>
      ${this.#unmapped(lang)}
      ${this.#filled(lang)}
      ${this.#pii(lang)}
      ${
        this.entries.length
          ? html`<div class="scroll" data-scroller tabindex="0" role="region" aria-label=${t.firstEntries(this.entries.length, total)}><table>
              <caption>${t.firstEntries(this.entries.length, total)}</caption>
              <thead><tr>
                <th scope="col">${t.file}</th><th scope="col">${t.row}</th><th scope="col">${t.column}</th>
                <th scope="col">${t.reason}</th><th scope="col">${t.value}</th>
              </tr></thead>
              <tbody>${this.entries.map(
                (e) => html`<tr>
                  <td>${e.file}</td><td class="num">${e.row}</td><td>${e.column ?? ''}</td>
                  <td class=${e.severity === 'reject' ? 'reject' : ''}>${t.severity[e.severity]}：${reason(e.reason)}</td>
                  <td class="value">${e.value ?? ''}</td>
                </tr>`,
              )}</tbody>
            </table></div>
            <button type="button" @click=${this.#download}>${t.downloadLedger}</button>`
          : nothing
      }
    </details>`;
  }

  #unmapped(lang: Lang) {
    const t = messages(lang);
    const rows = this.imports.flatMap((i) =>
      Object.entries(i.unmappedValues).map(([column, values]) => ({ file: i.file, column, values })),
    );
    if (!rows.length) return nothing;
    return html`<p><strong>${t.unmappedValues}</strong></p>
      <ul>${rows.map((r) => html`<li>${r.file} · ${r.column}：${r.values.map((v) => `${v.value}（${formatCount(v.count, lang)}）`).join('、')}</li>`)}</ul>`;
  }

  /** Columns the file lacks whose values were taken from another column (e.g. 申请时间 from 受理时间). */
  #filled(lang: Lang) {
    const t = messages(lang);
    const rows = this.imports.flatMap((i) =>
      Object.entries(i.filled ?? {}).map(([to, from]) => ({ i, to, from })),
    );
    if (!rows.length) return nothing;
    const name = (i: ImportSummary, key: string) => {
      const zh = DATASETS[i.dataset as DatasetKey]?.fields.find((f) => f.key === key)?.zh;
      return lang === 'zh' && zh ? `${zh}（${key}）` : key;
    };
    return html`<p><strong>${t.filledColumns}</strong></p>
      <ul>${rows.map((r) => html`<li>${r.i.file} · ${name(r.i, r.to)} ← ${name(r.i, r.from)}</li>`)}</ul>`;
  }

  #pii(lang: Lang) {
    const t = messages(lang);
    const cols = this.imports.flatMap((i) => (i.pii ?? []).map((p) => ({ file: i.file, ...p })));
    if (!cols.length) return nothing;
    return html`<p><strong>${t.piiColumns}</strong></p>
      <ul>${cols.map((c) => html`<li>${c.file} · ${c.column}：${t.piiKind[c.kind]}，${t.piiAction[c.action]}</li>`)}</ul>`;
  }

  #download = () => {
    this.dispatchEvent(new CustomEvent('ad-download-ledger', { bubbles: true, composed: true }));
  };
}
