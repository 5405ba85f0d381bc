import { css } from 'lit';

/** Column widths in rem (a fixed layout: the widths do not change as other rows scroll into view). */
export const WIDTHS = {
  case_id: 12,
  item_name: 14,
  dept_name: 11,
  apply_channel: 10,
  // "2025-01-02 08:30" in full, with room for a wider font (it was cut to "2025-01-02 08:…").
  submitted_at: 11,
  accepted_at: 11,
  closed_at: 11,
  due_day: 7,
  // "Not accepted", "Late (closed on a rest day)" and "Overdue (working days)" in full, not cut by an ellipsis.
  status: 8,
  overdue: 15,
  personal: 11,
};

/** The case table's styles (sizes in --_rem, so a 62.5 % root font does not shrink them). */
export const caseListStyles = css`
  :host { display: block; max-width: 100%; min-width: 0; }
  .scroll {
    position: relative; overflow: auto; max-width: 100%;
    height: var(--ad-case-list-height, calc(24 * var(--_rem)));
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
  }
  .scroll:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  table { border-collapse: collapse; table-layout: fixed; font-variant-numeric: tabular-nums; }
  .head { font-weight: 600; margin: 0 0 calc(0.4 * var(--_rem)); }
  .total { font-weight: normal; color: var(--_muted); margin-left: calc(0.5 * var(--_rem)); }
  th, td {
    height: calc(2.25 * var(--_rem)); box-sizing: border-box; padding: 0 calc(0.6 * var(--_rem)); text-align: left;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    border-bottom: 1px solid var(--_border);
  }
  thead button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
  thead button:focus-visible { outline: 3px solid var(--_bar); outline-offset: 2px; }
  thead th { position: sticky; top: 0; z-index: 1; background: var(--_panel); font-weight: 600; }
  tbody th { font-weight: normal; }
  tr.spacer td { height: 0; padding: 0; border: 0; }
  td.num { text-align: right; }
  .late { color: var(--_bad); font-weight: 600; }
  .muted { color: var(--_muted); }
  .status { color: var(--_muted); margin: calc(0.4 * var(--_rem)) 0; }
  .status.error { color: var(--_bad); }
  @media print { .scroll { height: auto; overflow: visible; } }
`;
