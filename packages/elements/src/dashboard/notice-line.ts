import { html, nothing } from 'lit';
import type { Lang } from '../i18n/messages.ts';
import { loadMessages } from './load-messages.ts';
import type { LoadState } from './load-state.ts';

/** What the line over the data says: the import was cancelled (the data before is shown), or the engine restarted. */
export type Notice = 'cancelled' | 'restarted';

/** Over the data shown again after a cancelled import, or over the reload after a restart; until dismissed. */
export function noticeLine(notice: Notice | undefined, s: LoadState, lang: Lang, dismiss: () => void) {
  const shown = notice === 'restarted' ? s.phase !== 'error' : s.phase === 'ready';
  if (!notice || !shown) return nothing;
  const l = loadMessages(lang);
  const text = notice === 'restarted' ? l.restarted : `${l.importCancelled}${l.keptPrevious}`;
  return html`<p class="notice" part="notice">${text}
      <button type="button" @click=${dismiss}>${l.dismiss}</button></p>`;
}
