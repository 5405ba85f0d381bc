import { AssessmentSupervision } from './supervision.ts';

/** Registers the supervision findings (shown only with steps and receipts: loaded on first use). */
if (!customElements.get('assessment-supervision')) {
  customElements.define('assessment-supervision', AssessmentSupervision);
}

export { AssessmentSupervision };
