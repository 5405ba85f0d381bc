import {
  DATASETS,
  type DatasetKey,
  type FieldDef,
  type FilePreview,
  guessForMapping,
  type ImportMapping,
  missingRoles,
  requiredRoles,
  suggestColumns,
  type UnknownValue,
  unknownValues,
} from '@assessment-dashboard/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { downloadText } from '../download.ts';
import { formatCount } from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * Column-mapping screen for an export whose required columns were not recognised: for each canonical
 * column it offers the file's headers (pre-selected by suggestion) with sample values; for each coded
 * column, the values the importer would not recognise (with their row counts) and a code for each
 * (pre-selected when one is close). It produces a mapping file (columns, values, dataset) the user can apply
 * and download for next time (`--mapping` of the command line reads it).
 *
 * @element assessment-column-mapper
 * @fires ad-apply-mapping - detail: `{ mapping }` (an ImportMapping)
 * @csspart form - the mapping form
 */
export class AssessmentColumnMapper extends ScaledElement {
  static override properties = {
    preview: { attribute: false },
    fileName: { type: String, attribute: 'file-name' },
    problem: { type: String },
    lang: { type: String, reflect: true },
    _dataset: { state: true },
    _columns: { state: true },
    _recodes: { state: true },
  };
  declare preview: FilePreview | undefined;
  declare fileName: string;
  declare problem: string;
  declare lang: string;
  declare _dataset: DatasetKey;
  declare _columns: Record<string, string>;
  /** coded field → { value in the file → code } as chosen ('' = not recoded) */
  declare _recodes: Record<string, Record<string, string>>;

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      form { background: var(--_bg); border: 1px solid var(--_warn); border-radius: var(--_radius); padding: calc(0.75 * var(--_rem)) calc(1 * var(--_rem)); }
      h3 { margin: 0 0 calc(0.25 * var(--_rem)); font-size: calc(1.05 * var(--_rem) * var(--_scale)); }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; margin: calc(0.5 * var(--_rem)) 0; min-width: 100%; }
      th, td { padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem)); border-bottom: 1px solid var(--_border); text-align: left; vertical-align: middle; }
      td.samples { color: var(--_muted); font-size: calc(0.85 * var(--_rem) * var(--_scale)); overflow-wrap: anywhere; max-width: calc(18 * var(--_rem)); }
      .required { color: var(--_bad); }
      select, button { font: inherit; padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem)); border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_bg); color: var(--_fg); }
      button { cursor: pointer; margin-right: calc(0.5 * var(--_rem)); }
      button.primary { background: var(--_bar); color: #fff; border-color: var(--_bar); }
      button:disabled { opacity: 0.45; cursor: not-allowed; }
      :focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      p.missing { color: var(--_bad); }
      p.hint { color: var(--_muted); }
      h4 { margin: calc(0.75 * var(--_rem)) 0 calc(0.25 * var(--_rem)); font-size: calc(1 * var(--_rem) * var(--_scale)); }
      caption { text-align: left; font-weight: 600; padding-top: calc(0.5 * var(--_rem)); }
      td.count { text-align: right; font-variant-numeric: tabular-nums; }
    `,
  ];

  constructor() {
    super();
    this.fileName = '';
    this.problem = '';
    this.lang = '';
    this._dataset = 'cases';
    this._columns = {};
    this._recodes = {};
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('preview') && this.preview) {
      const p = this.preview;
      this._dataset = p.dataset ?? p.candidates?.[0] ?? guessForMapping(p.headers);
      this.#setColumns(suggestColumns(this.preview.headers, this._dataset));
    }
  }

  /** The mapping as the user has set it: the `values` of coded columns only where a code was chosen. */
  get mapping(): ImportMapping {
    const columns = Object.fromEntries(Object.entries(this._columns).filter(([, h]) => h));
    const values = Object.fromEntries(
      Object.entries(this._recodes)
        .filter(([key]) => columns[key])
        .map(
          ([key, table]) =>
            [key, Object.fromEntries(Object.entries(table).filter(([, code]) => code))] as const,
        )
        .filter(([, table]) => Object.keys(table).length),
    );
    return { dataset: this._dataset, columns, ...(Object.keys(values).length ? { values } : {}) };
  }

  /** Coded fields of the dataset with a column chosen, and that column's values the importer would not know. */
  #unknown(): { field: FieldDef; header: string; values: UnknownValue[] }[] {
    return DATASETS[this._dataset].fields.flatMap((field) => {
      const header = this._columns[field.key];
      const counts = header ? this.preview?.values?.[header] : undefined;
      if (field.type !== 'enum' || !header || !counts) return [];
      const values = unknownValues(field, counts);
      return values.length ? [{ field, header, values }] : [];
    });
  }

  /** Sets the chosen columns; a coded field whose column changed starts again from the suggested codes. */
  #setColumns(columns: Record<string, string>) {
    const before = this._columns;
    this._columns = columns;
    const recodes: Record<string, Record<string, string>> = {};
    for (const { field, header, values } of this.#unknown()) {
      const kept = before[field.key] === header ? this._recodes[field.key] : undefined;
      recodes[field.key] = kept ?? Object.fromEntries(values.map((v) => [v.value, v.suggested ?? '']));
    }
    this._recodes = recodes;
  }

  /** Required roles not yet given a column, each as its headers (e.g. 受理时间 / 申请时间). */
  #missing(): string[] {
    const def = DATASETS[this._dataset];
    const chosen = Object.keys(this._columns).filter((k) => this._columns[k]);
    const zh = (k: string) => def.fields.find((f) => f.key === k)?.zh ?? k;
    return missingRoles(def, chosen).map((r) => r.fields.map(zh).join(' / '));
  }

  override render() {
    const p = this.preview;
    if (!p) return nothing;
    const lang: Lang = hostLang(this);
    const t = messages(lang);
    const def = DATASETS[this._dataset];
    const missing = this.#missing();
    // Fields of a role of several (clock start: 受理时间 or 申请时间) are marked "one of"; single ones "required".
    const roleOf = new Map(
      requiredRoles(def).flatMap((r) => r.fields.map((k) => [k, r.fields.length] as const)),
    );
    const mark = (key: string) => {
      const n = roleOf.get(key);
      return n === undefined
        ? nothing
        : html` <span class="required">（${n > 1 ? t.requiredOneOf : t.requiredMark}）</span>`;
    };
    return html`<form part="form" @submit=${this.#apply}>
      <h3>${t.mapTitle(this.fileName)}</h3>
      <p>${this.problem}</p>
      <p>
        <label>${t.dataset}
          <select @change=${this.#pickDataset} .value=${this._dataset}>
            ${Object.values(DATASETS).map((d) => html`<option value=${d.key} ?selected=${d.key === this._dataset}>${d.label[lang]}</option>`)}
          </select>
        </label>
      </p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">${t.canonicalColumn}</th><th scope="col">${t.columnInFile}</th><th scope="col">${t.sampleValues}</th></tr></thead>
        <tbody>${[...def.fields]
          .sort((a, b) => Number(roleOf.has(b.key)) - Number(roleOf.has(a.key)))
          .map((f) => {
            const chosen = this._columns[f.key] ?? '';
            const id = `f-${f.key}`;
            return html`<tr>
            <th scope="row"><label for=${id}>${f.zh}</label> <code>${f.key}</code>${mark(f.key)}</th>
            <td><select id=${id} @change=${(e: Event) => this.#pick(f.key, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!chosen}>—</option>
              ${p.headers.map((h) => html`<option value=${h} ?selected=${h === chosen}>${h}</option>`)}
            </select></td>
            <td class="samples">${chosen ? (p.samples[chosen] ?? []).join(' · ') : ''}</td>
          </tr>`;
          })}</tbody>
      </table></div>
      ${this.#recodeSection(lang)}
      ${missing.length ? html`<p class="missing" role="status">${t.stillMissing(missing.join('、'))}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${missing.length > 0}>${t.applyMapping}</button>
      <button type="button" @click=${this.#download}>${t.downloadMapping}</button>
    </form>`;
  }

  /** One table per coded column with unknown values: value, rows, the code to use. */
  #recodeSection(lang: Lang) {
    const groups = this.#unknown();
    if (!groups.length) return nothing;
    const t = messages(lang);
    const name = (e: { code: string; zh: string[]; en: string }) =>
      lang === 'zh' ? `${e.zh[0] ?? e.code}（${e.code}）` : `${e.en} (${e.code})`;
    return html`<h4>${t.recodeTitle}</h4>
      <p class="hint">${t.recodeHint}</p>
      ${groups.map(
        ({ field, header, values }) => html`<div class="scroll"><table class="recode" data-field=${field.key}>
          <caption>${t.recodeCaption(field.zh, header)}</caption>
          <thead><tr><th scope="col">${t.valueInFile}</th><th scope="col">${t.rowCount}</th><th scope="col">${t.codeToUse}</th></tr></thead>
          <tbody>${values.map((v) => {
            const chosen = this._recodes[field.key]?.[v.value] ?? '';
            return html`<tr>
              <th scope="row">${v.value}</th>
              <td class="count">${formatCount(v.count, lang)}</td>
              <td><select aria-label=${`${field.zh} ${v.value}`} data-value=${v.value}
                  @change=${(e: Event) => this.#recode(field.key, v.value, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!chosen}>${t.noRecode}</option>
                ${(field.enum ?? []).map(
                  (e) =>
                    html`<option value=${e.code} ?selected=${e.code === chosen}>${name(e)}${
                      e.code === v.suggested ? t.suggestedMark : ''
                    }</option>`,
                )}
              </select></td>
            </tr>`;
          })}</tbody>
        </table></div>`,
      )}`;
  }

  #pickDataset = (e: Event) => {
    this._dataset = (e.target as HTMLSelectElement).value as DatasetKey;
    this._recodes = {};
    this.#setColumns(suggestColumns(this.preview?.headers ?? [], this._dataset));
  };

  #pick(key: string, header: string) {
    this.#setColumns({ ...this._columns, [key]: header });
  }

  #recode(key: string, value: string, code: string) {
    this._recodes = { ...this._recodes, [key]: { ...this._recodes[key], [value]: code } };
  }

  #apply = (e: Event) => {
    e.preventDefault();
    if (this.#missing().length) return;
    this.dispatchEvent(
      new CustomEvent('ad-apply-mapping', {
        detail: { mapping: this.mapping },
        bubbles: true,
        composed: true,
      }),
    );
  };

  #download = () => {
    const name = `${this.fileName.replace(/\.[^.]+$/, '') || 'export'}.mapping.json`;
    downloadText(`${JSON.stringify(this.mapping, null, 2)}\n`, name, 'application/json');
  };
}
