import { AssessmentWatchList } from './watch-list.ts';

/** Registers the watch list (a live-data panel, not in a snapshot: loaded on first use). */
if (!customElements.get('assessment-watch-list')) {
  customElements.define('assessment-watch-list', AssessmentWatchList);
}

export { AssessmentWatchList };
