import { html } from 'lit';

/** The file types the picker offers: every format the importer reads. */
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.parquet,.arrow,.arrows,.feather,.json,.ndjson,.jsonl,text/csv';

/**
 * The dashboard's file input, opened by its "choose" and "load other files" buttons (openFilePicker). It is
 * `hidden`, never laid out: a visually hidden one still had its button text shaped in the browser's own
 * font, one more font look-up of the first layout, during the download; click() opens the chooser all the
 * same. The chosen files go to `load`; the input is emptied so the same file can be chosen again.
 */
export function filePicker(load: (files: FileList) => void) {
  const picked = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.files?.length) load(input.files);
    input.value = '';
  };
  return html`<input id="picker" hidden type="file" multiple accept=${ACCEPT} tabindex="-1" aria-hidden="true"
    @change=${picked} />`;
}

/** Opens the browser's file chooser of the picker rendered in `root`. */
export const openFilePicker = (root: ParentNode) => root.querySelector<HTMLInputElement>('#picker')?.click();
