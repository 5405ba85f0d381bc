import { html } from 'lit';
import type { PanelActions } from './panel.ts';

/**
 * A panel's title as a disclosure button (expanded): pressing it folds the panel to this one line, which
 * the ready view draws without calling the panel's `render` (see ready-view.ts).
 */
export function panelTitle(panel: string, id: string, text: string, actions: PanelActions) {
  return html`<h3 class="panel-title" id=${id}><button type="button" class="disclosure" aria-expanded="true"
      @click=${() => actions.collapse(panel, text)}>${text}</button></h3>`;
}
