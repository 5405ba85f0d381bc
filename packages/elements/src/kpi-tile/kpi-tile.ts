import { type IndicatorResult, missingText } from '@assessment-dashboard/core';
import { css, html, nothing } from 'lit';
import {
  formatCompact,
  formatCount,
  formatPercent,
  formatScore,
  formatWorkingDays,
  isCompacted,
} from '../i18n/format.ts';
import { hostLang, type Lang, messages } from '../i18n/messages.ts';
import { ScaledElement } from '../styles/scaled-element.ts';
import { tokens } from '../styles/tokens.ts';

/**
 * The tile's text styles, each a font size and weight: its own styles and the dashboard's font warm-up
 * (panels/tile-font-warmup.ts) use these, so the fonts resolved early are exactly the tile's.
 */
export const TILE_TYPE = {
  label: css`font-size: calc(0.95 * var(--_rem) * var(--_scale)); font-weight: 600;`,
  value: css`font-size: calc(2 * var(--_rem) * var(--_scale)); font-weight: 700; font-variant-numeric: tabular-nums;`,
  /** the value on a narrow screen (max-width: 30rem) */
  valueNarrow: css`font-size: calc(1.6 * var(--_rem) * var(--_scale));`,
  note: css`font-size: calc(0.85 * var(--_rem) * var(--_scale));`,
  status: css`font-weight: 600;`,
  /** the value's place while it is pending or unavailable */
  placeholder: css`font-size: calc(1.1 * var(--_rem) * var(--_scale)); font-weight: 600;`,
};

/** Status marks so colour is never the only carrier of meaning. */
const MARK = { green: '✓', amber: '!', red: '✕', insufficient: '?', none: '', unavailable: '' } as const;

/**
 * One indicator as a tile: value, fraction, target, status with a text label, and its 95 % interval.
 * The formula and the source are in the tile's description for screen readers and as a tooltip.
 *
 * @element assessment-kpi-tile
 * @csspart tile - the tile box
 * @csspart value - the big number
 */
export class AssessmentKpiTile extends ScaledElement {
  static override properties = {
    result: { attribute: false },
    lang: { type: String, reflect: true },
    pending: { type: Boolean, reflect: true },
  };
  declare result: IndicatorResult | undefined;
  declare lang: string;
  /** The number is still being computed: the tile names the indicator and says so (never a 0 or an old number). */
  declare pending: boolean;

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      article {
        box-sizing: border-box;
        height: 100%;
        padding: calc(0.75 * var(--_rem)) calc(1 * var(--_rem));
        border: 1px solid var(--_border);
        border-top: 4px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      article.green { border-top-color: var(--_good); }
      article.amber { border-top-color: var(--_warn); }
      article.red { border-top-color: var(--_bad); }
      h3 { margin: 0; ${TILE_TYPE.label} color: var(--_muted); }
      p.value { margin: calc(0.25 * var(--_rem)) 0 0; ${TILE_TYPE.value} color: var(--_fg); }
      p { margin: calc(0.15 * var(--_rem)) 0 0; ${TILE_TYPE.note} color: var(--_muted); }
      .status { ${TILE_TYPE.status} }
      p.value.na { ${TILE_TYPE.placeholder} color: var(--_muted); }
      .green .status { color: var(--_good); }
      .amber .status { color: var(--_warn); }
      .red .status { color: var(--_bad); }
      @media (max-width: 30rem) {
        article { padding: calc(0.5 * var(--_rem)) calc(0.625 * var(--_rem)); }
        p.value { ${TILE_TYPE.valueNarrow} }
      }
    `,
  ];

  constructor() {
    super();
    this.lang = '';
    this.pending = false;
  }

  #format(v: number, lang: Lang) {
    const unit = this.result?.unit;
    if (unit === 'percent') return formatPercent(v, lang);
    if (unit === 'wd') return formatWorkingDays(v, lang);
    if (unit === 'score') return formatScore(v, lang);
    return formatCount(v, lang);
  }

  /**
   * A count that may be large: 1.2万 / 12.5K on screen, the exact number as the tooltip and for screen
   * readers (the abbreviation is hidden from them, the exact value is visually hidden).
   */
  #count(v: number, lang: Lang) {
    if (!isCompacted(v)) return formatCount(v, lang);
    const exact = formatCount(v, lang);
    return html`<span class="compact" aria-hidden="true" title=${exact}>${formatCompact(v, lang)}</span><span class="visually-hidden">${exact}</span>`;
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const lang = hostLang(this);
    const t = messages(lang);
    if (this.pending) return this.#pending(r, lang);
    if (r.status === 'unavailable') return this.#unavailable(r, lang);
    const counted = r.unit !== 'percent' && r.unit !== 'wd' && r.unit !== 'score';
    const value =
      r.value === null
        ? r.disclosure === 'suppressed'
          ? t.withheld
          : '–'
        : counted
          ? this.#count(r.value, lang)
          : this.#format(r.value, lang);
    const target =
      r.target === null
        ? ''
        : (r.direction === 'higher' ? t.targetAtLeast : t.targetAtMost)(this.#format(r.target, lang));
    const statusText = t.status[r.status];
    const description = `${r.formula[lang]}。${r.source}`;
    return html`<article part="tile" class=${r.status} title=${description} aria-describedby="d">
      <h3 id="l">${r.label[lang]}</h3>
      <p class="value" part="value" data-key=${r.key} data-value=${r.value ?? ''}>${value}</p>
      ${
        r.kind === 'rate' && r.denominator !== null
          ? html`<p class="fraction" data-numerator=${r.numerator ?? ''} data-denominator=${r.denominator}>
              ${formatCount(r.numerator ?? 0, lang)} ${t.of} ${formatCount(r.denominator, lang)}
            </p>`
          : nothing
      }
      <p>
        ${target}${target && statusText ? ' · ' : ''}${
          statusText ? html`<span class="status">${MARK[r.status]} ${statusText}</span>` : nothing
        }
      </p>
      ${r.ci ? html`<p class="ci">${t.interval(this.#format(r.ci[0], lang), this.#format(r.ci[1], lang))}</p>` : nothing}
      <span id="d" class="visually-hidden">${description}</span>
    </article>`;
  }

  /** Still being computed: the label and that it is coming, busy for screen readers, no number. */
  #pending(r: IndicatorResult, lang: Lang) {
    const description = `${r.formula[lang]}。${r.source}`;
    return html`<article part="tile" class="pending" title=${description} aria-busy="true" aria-describedby="d">
      <h3 id="l">${r.label[lang]}</h3>
      <p class="value na" part="value" data-key=${r.key} data-value="" data-status="pending">
        ${messages(lang).tilePending}
      </p>
      <span id="d" class="visually-hidden">${description}</span>
    </article>`;
  }

  /** The export has no data for it: say so and name the column, with no number and no colour. */
  #unavailable(r: IndicatorResult, lang: Lang) {
    const t = messages(lang);
    const missing = missingText(r.missing ?? [], lang);
    const description = `${r.formula[lang]}。${r.source}`;
    return html`<article part="tile" class="unavailable" title=${description} aria-describedby="d">
      <h3 id="l">${r.label[lang]}</h3>
      <p class="value na" part="value" data-key=${r.key} data-value="" data-status="unavailable">
        ${t.status.unavailable}
      </p>
      <p class="missing">${missing}</p>
      <span id="d" class="visually-hidden">${t.status.unavailable}：${missing}。${description}</span>
    </article>`;
  }
}
