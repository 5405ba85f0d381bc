import { type BackfillResult, FINDING_LABELS, type ReconcileResult } from '@assessment-dashboard/core';
import { css, html, nothing } from 'lit';
import { numberFormat } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { scrollerStyles } from '../styles/scroller.ts';
import { tokens } from '../styles/tokens.ts';

/** Rows listed on screen per check; the CLI lists every one. */
const SHOWN = 50;

/**
 * Electronic-supervision findings (电子监察): steps that look back-filled (事后补录) and money that does
 * not reconcile with the treasury (网下运行), each as a per-department count table and a list of
 * findings with their reasons in words.
 *
 * @element assessment-supervision
 * @csspart table - each findings table
 */
export class AssessmentSupervision extends ScaledElement {
  static override properties = {
    backfill: { attribute: false },
    reconciliation: { attribute: false },
    lang: { type: String, reflect: true },
  };
  declare backfill: BackfillResult | undefined;
  declare reconciliation: ReconcileResult | undefined;
  declare lang: string;

  static override styles = [
    tokens,
    scrollerStyles,
    css`
      :host { display: block; }
      h4 { margin: calc(0.75 * var(--_rem)) 0 calc(0.4 * var(--_rem)); font-size: calc(1 * var(--_rem) * var(--_scale)); }
      .scroll { overflow-y: auto; max-height: var(--ad-supervision-max-height, calc(22 * var(--_rem))); }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
      /* On a phone the tables scroll sideways instead of breaking names one character per line. */
      table.backfill-flags, table.reconcile-flags { min-width: calc(40 * var(--_rem)); }
      th, td { padding: calc(0.3 * var(--_rem)) calc(0.5 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; white-space: nowrap; }
      thead th { position: sticky; top: 0; background: var(--_bg); }
      /* a count's heading over its numbers */
      .num { text-align: right; }
      .meta { color: var(--_muted); font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
      /* Printed: the two headlines (the report's summary of this section); the lists stay on screen. */
      @media print { .scroll, .meta { display: none; } }
    `,
  ];

  constructor() {
    super();
    this.lang = '';
  }

  override render() {
    const lang: Lang = hostLang(this);
    return html`${this.backfill ? this.#backfill(this.backfill, lang) : nothing}
      ${this.reconciliation ? this.#reconcile(this.reconciliation, lang) : nothing}`;
  }

  #backfill(b: BackfillResult, lang: Lang) {
    const t = messages(lang);
    const shown = b.flags.slice(0, SHOWN);
    return html`<h4>${t.backfillTitle(b.flags.length, b.stepsChecked)}</h4>
      ${
        b.flags.length
          ? html`<div class="scroll sticky-first" data-scroller tabindex="0" role="region" aria-label=${t.backfillTitle(b.flags.length, b.stepsChecked)}>
            <table part="table" class="backfill-depts">
              <caption class="visually-hidden">${t.department}</caption>
              <thead><tr><th scope="col">${t.department}</th><th scope="col" class="num">${t.steps}</th><th scope="col" class="num">${t.cases}</th></tr></thead>
              <tbody>${b.byDept.map((d) => html`<tr><th scope="row">${d.dept_name ?? '–'}</th><td class="num">${d.steps}</td><td class="num">${d.cases}</td></tr>`)}</tbody>
            </table>
            <table part="table" class="backfill-flags">
              <thead><tr><th scope="col">${t.caseId}</th><th scope="col">${t.step}</th><th scope="col">${t.finding}</th>
                <th scope="col">${t.started}</th><th scope="col">${t.ended}</th><th scope="col">${t.recorded}</th></tr></thead>
              <tbody>${shown.map(
                (f) => html`<tr><th scope="row">${f.case_id}</th><td>${f.step_seq ?? ''} ${f.step_name}</td>
                  <td>${FINDING_LABELS[f.reason][lang]}</td><td>${f.step_started_at ?? '–'}</td><td>${f.step_ended_at ?? '–'}</td>
                  <td>${f.recorded_at ?? '–'}</td></tr>`,
              )}</tbody>
            </table></div>
            ${b.flags.length > SHOWN ? html`<p class="meta">${t.moreFlags(SHOWN, b.flags.length)}</p>` : nothing}`
          : html`<p class="meta" role="status">${t.noFlags}</p>`
      }`;
  }

  #reconcile(r: ReconcileResult, lang: Lang) {
    const t = messages(lang);
    const money = numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const yuan = (n: number | null) => (n === null ? '–' : money.format(n));
    const title = t.reconcileTitle(
      yuan(r.totals.case_amount),
      yuan(r.totals.receipt_amount),
      r.totals.flags,
      yuan(r.totals.unmatched_amount),
    );
    const shown = r.flags.slice(0, SHOWN);
    return html`<h4>${title}</h4>
      ${
        r.flags.length
          ? html`<div class="scroll sticky-first" data-scroller tabindex="0" role="region" aria-label=${title}>
            <table part="table" class="reconcile-flags">
              <thead><tr><th scope="col">${t.finding}</th><th scope="col">${t.paymentRef}</th><th scope="col">${t.department}</th>
                <th scope="col" class="num">${t.caseAmount}</th><th scope="col" class="num">${t.receiptAmount}</th>
                <th scope="col" class="num">${t.difference}</th><th scope="col">${t.cases}</th></tr></thead>
              <tbody>${shown.map(
                (
                  f,
                ) => html`<tr><td>${FINDING_LABELS[f.reason][lang]}</td><th scope="row">${f.payment_ref ?? '–'}</th>
                  <td>${f.dept_name ?? '–'}</td><td class="num">${yuan(f.case_amount)}</td>
                  <td class="num">${yuan(f.receipt_amount)}</td><td class="num">${yuan(f.difference)}</td>
                  <td>${f.case_ids.join('、') || '–'}</td></tr>`,
              )}</tbody>
            </table></div>
            ${r.flags.length > SHOWN ? html`<p class="meta">${t.moreFlags(SHOWN, r.flags.length)}</p>` : nothing}`
          : html`<p class="meta" role="status">${t.noFlags}</p>`
      }`;
  }
}
