import { AssessmentCalendarHeatmap } from './calendar-heatmap.ts';

/** Registers the calendar heatmap (a chunk of its own, with the holiday calendar: see lazy-elements.ts). */
if (!customElements.get('assessment-calendar-heatmap')) {
  customElements.define('assessment-calendar-heatmap', AssessmentCalendarHeatmap);
}

export { AssessmentCalendarHeatmap };
