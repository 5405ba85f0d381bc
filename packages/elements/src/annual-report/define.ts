import { AssessmentAnnualReport } from './annual-report.ts';

/** Registers the annual-report element (a chunk of its own: loaded on first use, see lazy-elements.ts). */
if (!customElements.get('assessment-annual-report')) {
  customElements.define('assessment-annual-report', AssessmentAnnualReport);
}

export { AssessmentAnnualReport };
