import { AssessmentColumnMapper } from './column-mapper.ts';

/** Registers the column mapper (a chunk of its own, with the header guesser: see lazy-elements.ts). */
if (!customElements.get('assessment-column-mapper')) {
  customElements.define('assessment-column-mapper', AssessmentColumnMapper);
}

export { AssessmentColumnMapper };
