import {
  DATASETS,
  type DatasetKey,
  type FilePreview,
  type ImportMapping,
  missingRoles,
  requiredRoles,
  suggestColumns,
} from '@assessment-dashboard/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { downloadText } from '../download.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * Column-mapping screen for an export whose required columns were not recognised: for each canonical
 * column it offers the file's headers (pre-selected by suggestion) with sample values, and produces a
 * mapping file the user can apply and download for next time.
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
  };
  declare preview: FilePreview | undefined;
  declare fileName: string;
  declare problem: string;
  declare lang: string;
  declare _dataset: DatasetKey;
  declare _columns: Record<string, string>;

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      form { background: var(--_bg); border: 1px solid var(--_warn); border-radius: var(--_radius); padding: 0.75rem 1rem; }
      h3 { margin: 0 0 0.25rem; font-size: calc(1.05rem * var(--_scale)); }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; margin: 0.5rem 0; min-width: 100%; }
      th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); text-align: left; vertical-align: middle; }
      td.samples { color: var(--_muted); font-size: calc(0.85rem * var(--_scale)); overflow-wrap: anywhere; max-width: 18rem; }
      .required { color: var(--_bad); }
      select, button { font: inherit; padding: 0.25rem 0.5rem; border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_bg); color: var(--_fg); }
      button { cursor: pointer; margin-right: 0.5rem; }
      button.primary { background: var(--_bar); color: #fff; border-color: var(--_bar); }
      button:disabled { opacity: 0.45; cursor: not-allowed; }
      :focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
      p.missing { color: var(--_bad); }
    `,
  ];

  constructor() {
    super();
    this.fileName = '';
    this.problem = '';
    this.lang = '';
    this._dataset = 'cases';
    this._columns = {};
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('preview') && this.preview) {
      const p = this.preview;
      this._dataset = p.dataset ?? p.candidates?.[0] ?? bestGuess(p.headers);
      this._columns = suggestColumns(this.preview.headers, this._dataset);
    }
  }

  /** The mapping as the user has set it. */
  get mapping(): ImportMapping {
    const columns = Object.fromEntries(Object.entries(this._columns).filter(([, h]) => h));
    return { dataset: this._dataset, columns };
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
      ${missing.length ? html`<p class="missing" role="status">${t.stillMissing(missing.join('、'))}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${missing.length > 0}>${t.applyMapping}</button>
      <button type="button" @click=${this.#download}>${t.downloadMapping}</button>
    </form>`;
  }

  #pickDataset = (e: Event) => {
    this._dataset = (e.target as HTMLSelectElement).value as DatasetKey;
    this._columns = suggestColumns(this.preview?.headers ?? [], this._dataset);
  };

  #pick(key: string, header: string) {
    this._columns = { ...this._columns, [key]: header };
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

/**
 * The mapping screen's first guess when detection found no candidate: the dataset with the largest share
 * of its required roles filled by suggested columns, then the one with the most suggested columns.
 */
function bestGuess(headers: readonly string[]): DatasetKey {
  let best: DatasetKey = 'cases';
  let score = -1;
  for (const key of Object.keys(DATASETS) as DatasetKey[]) {
    const suggested = suggestColumns(headers, key);
    const roles = requiredRoles(DATASETS[key]);
    const filled = roles.length - missingRoles(DATASETS[key], Object.keys(suggested)).length;
    const n = (filled / Math.max(roles.length, 1)) * 1000 + Object.keys(suggested).length;
    if (n > score) {
      best = key;
      score = n;
    }
  }
  return best;
}
