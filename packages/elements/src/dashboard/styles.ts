import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    font-size: calc(var(--ad-font-size, calc(1 * var(--_rem))) * var(--_scale));
  }
  :host([hidden]) { display: none; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: calc(0.25 * var(--_rem)) calc(1 * var(--_rem)); }
  .heading { margin: 0; font-size: calc(1.25 * var(--_rem) * var(--_scale)); border-left: 4px solid var(--_accent); padding-left: calc(0.5 * var(--_rem)); }
  h3.panel-title { margin: 0 0 calc(0.5 * var(--_rem)); font-size: calc(1.05 * var(--_rem) * var(--_scale)); }
  .meta { color: var(--_muted); font-size: calc(0.875 * var(--_rem) * var(--_scale)); margin: 0; }
  .as-of-control { display: flex; flex-wrap: wrap; align-items: center; gap: calc(0.25 * var(--_rem)) calc(0.4 * var(--_rem)); min-width: 0; max-width: 100%; }
  .as-of-control input { min-width: 0; max-width: 100%; box-sizing: border-box; font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: 4px; padding: calc(0.1 * var(--_rem)) calc(0.3 * var(--_rem)); }
  .tiles-as-of { margin-top: var(--_space); }
  details.unavailable { margin: 0 0 var(--_space); color: var(--_muted); font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
  details.unavailable summary { cursor: pointer; }
  details.unavailable ul { margin: calc(0.25 * var(--_rem)) 0 0; padding-left: calc(1.25 * var(--_rem)); }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(calc(13 * var(--_rem) * var(--_scale)), 100%), 1fr));
    gap: calc(0.75 * var(--_rem));
    margin: var(--_space) 0;
    padding: 0;
    list-style: none;
  }
  section.panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.75 * var(--_rem)) calc(1 * var(--_rem));
  }
  .state { padding: calc(1.5 * var(--_rem)) calc(1 * var(--_rem)); text-align: center; background: var(--_bg); border-radius: var(--_radius); }
  .notice { margin: calc(0.5 * var(--_rem)) 0; padding: calc(0.5 * var(--_rem)) calc(0.75 * var(--_rem)); background: var(--_bg); border-inline-start: 4px solid var(--_accent); border-radius: var(--_radius); }
  .state progress { width: min(calc(24 * var(--_rem)), 100%); height: calc(0.75 * var(--_rem)); accent-color: var(--_bar); }
  /* No line box (a block bar in a block): no font is looked up for it (status-view.ts, bootView). */
  .boot progress { display: block; margin: 0 auto; }
  .error { text-align: left; border: 1px solid var(--_bad); }
  .error h3 { margin: 0 0 calc(0.25 * var(--_rem)); color: var(--_bad); font-size: calc(1.05 * var(--_rem) * var(--_scale)); }
  .error p { margin: calc(0.25 * var(--_rem)) 0; overflow-wrap: anywhere; }
  button {
    font: inherit;
    padding: calc(0.35 * var(--_rem)) calc(1 * var(--_rem));
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  button.link { border: none; background: none; padding: 0 calc(0.25 * var(--_rem)); color: var(--_bar); text-decoration: underline; }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: calc(1.5 * var(--_rem)) calc(1 * var(--_rem));
    text-align: center;
  }
  .drop.dragging { border-color: var(--_bar); background: var(--_panel); }
  .drop p { margin: calc(0.35 * var(--_rem)) 0; }
  assessment-import-report { margin-top: calc(0.5 * var(--_rem)); }
  .tools { margin: calc(0.25 * var(--_rem)) 0; font-size: calc(0.85 * var(--_rem) * var(--_scale)); color: var(--_muted); }
  /* The ready view's layout: scope bar, overview, sections (see ready-view.ts). */
  .scope-bar {
    position: sticky;
    top: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.25 * var(--_rem)) calc(1 * var(--_rem));
    margin: calc(0.5 * var(--_rem)) calc(-0.5 * var(--_rem)) 0;
    padding: calc(0.35 * var(--_rem)) calc(0.5 * var(--_rem));
    background: var(--_panel);
    border-bottom: 1px solid var(--_border);
  }
  .scope-bar .chips { margin-top: 0; align-items: center; }
  .scope-bar .period { white-space: nowrap; }
  .updating { color: var(--_muted); font-size: calc(0.85 * var(--_rem) * var(--_scale)); }
  .skip { position: absolute; left: -9999px; }
  .skip:focus { position: static; display: inline-block; margin: calc(0.25 * var(--_rem)) 0; color: var(--_bar); }
  h3.section-title {
    margin: calc(1.25 * var(--_rem)) 0 calc(0.5 * var(--_rem));
    font-size: calc(1.15 * var(--_rem) * var(--_scale));
    /* below the sticky scope bar when a nav link scrolls to it */
    scroll-margin-top: calc(6 * var(--_rem));
  }
  .overview h3.section-title { margin-top: calc(0.75 * var(--_rem)); }
  .extremes { display: flex; flex-wrap: wrap; gap: calc(0.25 * var(--_rem)) calc(1.5 * var(--_rem)); }
  details.import-details { margin: var(--_space) 0 0; font-size: calc(0.875 * var(--_rem) * var(--_scale)); }
  details.import-details > summary { cursor: pointer; color: var(--_muted); overflow-wrap: anywhere; }
  .section-nav ul { display: flex; flex-wrap: wrap; gap: calc(0.25 * var(--_rem)) calc(1 * var(--_rem)); list-style: none; margin: var(--_space) 0 0; padding: 0; }
  .section-nav a { color: var(--_bar); }
  .grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space); align-items: start; }
  .slot { position: relative; min-width: 0; }
  /* Dimmed while its numbers update (fading out only: the new numbers show at once, at full contrast). */
  .slot.pending { opacity: 0.55; transition: opacity 0.2s; }
  .pending-label {
    position: absolute;
    top: calc(0.5 * var(--_rem));
    right: calc(0.75 * var(--_rem));
    z-index: 1;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 calc(0.5 * var(--_rem));
    font-size: calc(0.8 * var(--_rem) * var(--_scale));
  }
  h3.panel-title button.disclosure {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: calc(0.4 * var(--_rem));
    align-items: baseline;
  }
  h3.panel-title button.disclosure::before { content: '▾'; color: var(--_muted); }
  h3.panel-title button.disclosure[aria-expanded='false']::before { content: '▸'; }
  h3.panel-title button.disclosure:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  .folded h3.panel-title { margin: 0; }
  /* Two columns of charts on a wide element; tables, lists and folded panels keep the whole row. */
  @container (min-width: 1024px) {
    .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    .slot:not(:has(assessment-bar-chart, assessment-line-chart)) { grid-column: 1 / -1; }
    /* A bar per department is a tall chart: it takes two rows, so that the trend and the channel chart
       stack beside it rather than leaving a half-page hole next to it. */
    .slot:is([data-slot='dept'], [data-slot='hotline-dept'], [data-slot='request-dept']):not(.folded) { grid-row: span 2; }
  }
  /*
   * The printed report (A4, 2–4 pages for the sample data; test/print.e2e.test.ts): the overview (tiles,
   * ranking top and bottom), the ranking one line per department, the 20 most urgent watch-list cases, and
   * each section's summaries (a chart's one-sentence summary stands for it; trend lines are drawn at a
   * fixed height). Controls, the import details, the section navigation and the drill-down stay on screen.
   */
  @media print {
    /* Smaller type on paper (a page's own --ad-rem still wins: :host rules yield to the page's). */
    :host { border: none; background: none; padding: 0; --ad-rem: 12px; }
    /* Keep what describes the view (title, as-of, filter chips); drop controls. */
    .tools, button.link, .link-text, assessment-import-report, .skip, .section-nav, details.import-details,
    .drop, .pending-label, .band[data-section='detail'], .slot.folded,
    assessment-bar-chart::part(chart), assessment-calendar-heatmap::part(chart), assessment-calendar-heatmap::part(legend) { display: none !important; }
    assessment-line-chart::part(chart) { width: 100%; max-height: 65mm; }
    h3.panel-title button.disclosure::before { content: none; }
    .scope-bar { position: static; }
    .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); }
    section.panel, .tiles li { break-inside: avoid; }
    /* The ranking and the watch list may run over a page (rows do not break, the header row repeats):
       kept whole they would leave most of a page blank. A heading stays with what follows it. */
    .slot:is([data-slot='scorecard'], [data-slot='watch']) section.panel { break-inside: auto; }
    h3 { break-after: avoid; }
  }
  .crumbs { margin: calc(0.25 * var(--_rem)) 0 calc(0.5 * var(--_rem)); font-size: calc(0.9 * var(--_rem)); overflow-wrap: anywhere; }
  .crumbs [aria-current] { font-weight: 600; }
  .chips { display: flex; flex-wrap: wrap; gap: calc(0.5 * var(--_rem)); margin-top: calc(0.5 * var(--_rem)); min-height: 0; }
  .chips .note, header .note { color: var(--_muted); font-size: calc(0.85 * var(--_rem) * var(--_scale)); overflow-wrap: anywhere; }
  .chip { border-radius: 999px; border-color: var(--_accent); color: var(--_accent); padding: calc(0.15 * var(--_rem)) calc(0.75 * var(--_rem)); }
  @media (max-width: 30rem) {
    :host { padding: calc(0.5 * var(--_rem)); }
    section.panel { padding: calc(0.5 * var(--_rem)); }
  }
  /* px: a query cannot read var(), and rem here would follow a 62.5 % root font down to 300 px. */
  @container (max-width: 480px) {
    /* Two tiles a row on phones, one with large type (the column minimum grows with the text). */
    .tiles { grid-template-columns: repeat(auto-fill, minmax(min(calc(9 * var(--_rem) * var(--_scale)), 100%), 1fr)); gap: calc(0.5 * var(--_rem)); }
  }
  @media (prefers-reduced-motion: reduce) { * { animation: none !important; transition: none !important; } }
`;
