import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    font-size: calc(var(--ad-font-size, 1rem) * var(--_scale));
  }
  :host([hidden]) { display: none; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; }
  h2 { margin: 0; font-size: calc(1.25rem * var(--_scale)); border-left: 4px solid var(--_accent); padding-left: 0.5rem; }
  h3.panel-title { margin: 0 0 0.5rem; font-size: calc(1.05rem * var(--_scale)); }
  .meta { color: var(--_muted); font-size: calc(0.875rem * var(--_scale)); margin: 0; }
  .as-of-control { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.4rem; min-width: 0; max-width: 100%; }
  .as-of-control input { min-width: 0; max-width: 100%; box-sizing: border-box; font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: 4px; padding: 0.1rem 0.3rem; }
  .tiles-as-of { margin-top: var(--_space); }
  details.unavailable { margin: 0 0 var(--_space); color: var(--_muted); font-size: calc(0.875rem * var(--_scale)); }
  details.unavailable summary { cursor: pointer; }
  details.unavailable ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(calc(13rem * var(--_scale)), 100%), 1fr));
    gap: 0.75rem;
    margin: var(--_space) 0;
    padding: 0;
    list-style: none;
  }
  section.panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .state { padding: 1.5rem 1rem; text-align: center; background: var(--_bg); border-radius: var(--_radius); }
  .state progress { width: min(24rem, 100%); height: 0.75rem; accent-color: var(--_bar); }
  .error { text-align: left; border: 1px solid var(--_bad); }
  .error h3 { margin: 0 0 0.25rem; color: var(--_bad); font-size: calc(1.05rem * var(--_scale)); }
  .error p { margin: 0.25rem 0; overflow-wrap: anywhere; }
  button {
    font: inherit;
    padding: 0.35rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  button.link { border: none; background: none; padding: 0 0.25rem; color: var(--_bar); text-decoration: underline; }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 1.5rem 1rem;
    text-align: center;
  }
  .drop.dragging { border-color: var(--_bar); background: var(--_panel); }
  .drop p { margin: 0.35rem 0; }
  assessment-import-report { margin-top: 0.5rem; }
  .tools { margin: 0.25rem 0; font-size: calc(0.85rem * var(--_scale)); color: var(--_muted); }
  @media print {
    :host { border: none; background: none; padding: 0; }
    /* Keep what describes the view (title, as-of, filter chips); drop controls. */
    .tools, button.link, .link-text, assessment-import-report { display: none !important; }
    section.panel, .tiles li { break-inside: avoid; }
  }
  .crumbs { margin: 0.25rem 0 0.5rem; font-size: 0.9rem; overflow-wrap: anywhere; }
  .crumbs [aria-current] { font-weight: 600; }
  .chips { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; min-height: 0; }
  .chips .note, header .note { color: var(--_muted); font-size: calc(0.85rem * var(--_scale)); overflow-wrap: anywhere; }
  .chip { border-radius: 999px; border-color: var(--_accent); color: var(--_accent); padding: 0.15rem 0.75rem; }
  @media (max-width: 30rem) {
    :host { padding: 0.5rem; }
    section.panel { padding: 0.5rem; }
  }
  @container (max-width: 30rem) {
    /* Two tiles a row on phones, one with large type (the column minimum grows with the text). */
    .tiles { grid-template-columns: repeat(auto-fill, minmax(min(calc(9rem * var(--_scale)), 100%), 1fr)); gap: 0.5rem; }
  }
  @media (prefers-reduced-motion: reduce) { * { animation: none !important; transition: none !important; } }
`;
