import { AssessmentCaseList } from './case-list.ts';
import { AssessmentItemBreakdown } from './item-breakdown.ts';

/** Registers the drill-down elements (a chunk of its own: loaded on first use, see lazy-elements.ts). */
if (!customElements.get('assessment-case-list'))
  customElements.define('assessment-case-list', AssessmentCaseList);
if (!customElements.get('assessment-item-breakdown')) {
  customElements.define('assessment-item-breakdown', AssessmentItemBreakdown);
}

export { AssessmentCaseList, AssessmentItemBreakdown };
