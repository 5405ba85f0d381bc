import type { Selection } from '@assessment-dashboard/core';
import { html, nothing, type TemplateResult } from 'lit';
import { type Lang, messages } from '../i18n/messages.ts';
import { layoutMessages } from './layout-messages.ts';

/** What the scope bar shows and may do: the selection's chips, the link to it, and whether it is painted yet. */
export interface ScopeActions {
  /** the `url-state` attribute is set: offer "copy link" */
  readonly linkable: boolean;
  readonly copied: boolean;
  /** the link shown selected when the clipboard refused it */
  readonly linkText: string | undefined;
  /** parts of the URL's selection that were not applied */
  readonly ignored: readonly string[];
  /** the chips' numbers are still being computed */
  readonly recomputing: boolean;
  copyLink(): void;
  select(selection: readonly Selection[]): void;
}

/**
 * The whole current scope in one bar that stays in view while the reader scrolls (position: sticky): the
 * as-of day, the ranking period and the filter chips (none while loading: there is nothing to filter yet).
 */
export function scopeBar(
  asOf: TemplateResult | typeof nothing,
  period: string | undefined,
  selection: readonly Selection[] | undefined,
  lang: Lang,
  a: ScopeActions,
) {
  if (asOf === nothing && !selection) return nothing;
  const l = layoutMessages(lang);
  return html`<div class="scope-bar" part="scope-bar" role="group" aria-label=${l.scopeBar}>
      ${asOf}
      ${period ? html`<p class="meta period">${l.period(period)}</p>` : nothing}
      ${selection ? chips(selection, lang, a) : nothing}
    </div>`;
}

/** The selection as removable chips, with "copy link" when the selection lives in the URL. */
function chips(selection: readonly Selection[], lang: Lang, a: ScopeActions) {
  const t = messages(lang);
  const l = layoutMessages(lang);
  const copy = a.linkable
    ? html`<button type="button" class="link" @click=${() => a.copyLink()}>${a.copied ? t.linkCopied : t.copyLink}</button>`
    : nothing;
  return html`<div class="chips" role="status" aria-live="polite">
      ${selection.length ? nothing : html`<span class="meta no-filter">${l.noFilter}</span>`}
      ${selection.map(
        (x) => html`<button type="button" class="chip" aria-label=${t.removeFilter(x.label)}
          @click=${() => a.select(selection.filter((y) => y !== x))}>${t.filterChip(x.label)} ✕</button>`,
      )}
      ${a.recomputing ? html`<span class="updating">${l.updating}</span>` : nothing}
      ${copy}
      ${a.linkText ? html`<input class="link-text" readonly aria-label=${t.copyLink} .value=${a.linkText} />` : nothing}
      ${a.ignored.length ? html`<span class="note">${t.ignoredFilters(a.ignored.join('; '))}</span>` : nothing}
    </div>`;
}
