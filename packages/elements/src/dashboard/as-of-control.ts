import { html } from 'lit';
import { type Lang, messages } from '../i18n/messages.ts';

/**
 * The as-of day as a labelled date field (keyboard and screen-reader friendly, a native control), with
 * "latest" when a day is chosen. `shown`: the day in force; `set(undefined)` goes back to the data's own.
 */
export function asOfControl(
  shown: string,
  chosen: boolean,
  lang: Lang,
  set: (day: string | undefined) => void,
) {
  const t = messages(lang);
  const pick = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    // An empty or partly typed field keeps the day in force; a full date recomputes.
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) set(v);
  };
  return html`<p class="meta as-of-control">
      <label for="as-of">${t.asOfLabel}</label>
      <input id="as-of" type="date" .value=${shown} @change=${pick} />
      ${chosen ? html`<button type="button" class="link" @click=${() => set(undefined)}>${t.asOfReset}</button>` : ''}
    </p>`;
}
