import type { ImportMapping } from '@assessment-dashboard/core';
import { html } from 'lit';
import { formatBytes } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import { tileList } from '../panels/tiles-panel.ts';
import type { LoadState } from './load-state.ts';

/** What the status views may do: the element's buttons and the drop zone's events. */
export interface StatusActions {
  /** how an input is named to people */
  label(name: string): string;
  /** the query server's host, for its error title */
  serverHost: string;
  /** whether sources are given (an idle element with sources is about to start) */
  hasInputs: boolean;
  /** whether the page shows the KPI tiles (the `panels` attribute), so tiles computed first are painted */
  showsTiles: boolean;
  dragging: boolean;
  cancel(): void;
  retry(): void;
  openPicker(): void;
  applyFix(file: string, mapping: ImportMapping): void;
  setDragging(on: boolean): void;
  loadFiles(files: FileList): void;
  /** the input is a file the user picked or dropped (read from disk, not downloaded) */
  isLocal(file: string): boolean;
}

/** Everything but the ready dashboard: progress (bytes, rows, computing), the drop zone, errors, mapping. */
export function statusView(s: Exclude<LoadState, { phase: 'ready' }>, lang: Lang, a: StatusActions) {
  const t = messages(lang);
  switch (s.phase) {
    case 'idle':
      return a.hasInputs ? progress(t.startingEngine, lang, a) : dropZone(lang, a);
    case 'fetching': {
      // A local file is read, not downloaded: its own size, not bytes so far.
      const local = a.isLocal(s.file);
      const sizes =
        s.total && local
          ? formatBytes(s.total, lang)
          : s.total
            ? `${formatBytes(s.loaded, lang)} / ${formatBytes(s.total, lang)}`
            : formatBytes(s.loaded, lang);
      const fraction = s.total ? s.loaded / s.total : undefined;
      const what = (local ? t.readingLocal : t.fetching)(a.label(s.file));
      return progress(`${what}${lang === 'zh' ? `（${sizes}）` : ` (${sizes})`}`, lang, a, fraction);
    }
    case 'starting-engine':
      return progress(t.startingEngine, lang, a);
    case 'connecting':
      return progress(t.connecting(new URL(s.url).host), lang, a);
    case 'importing':
      return progress(t.importing(a.label(s.file)), lang, a);
    case 'computing':
      // The tiles painted first (session/early-tiles.ts) stay above the progress while the rest is computed.
      return s.tiles?.length && a.showsTiles
        ? html`${tileList(s.tiles, lang)}${progress(t.computing, lang, a)}`
        : progress(t.computing, lang, a);
    case 'empty':
      return html`<div class="state" role="status">${t.emptyFile(s.file)}</div>${dropZone(lang, a)}`;
    case 'cancelled':
      return html`<div class="state" role="status">${t.cancelled}
          <button type="button" @click=${() => a.retry()}>${t.retry}</button></div>${dropZone(lang, a)}`;
    case 'error': {
      const titles = {
        fetch: t.loadFailed(s.file ?? ''),
        import: t.importFailed(s.file ?? ''),
        engine: t.engineFailed,
        server: t.serverFailed(a.serverHost),
        crash: t.engineCrashed,
        'too-large': t.tooLargeTitle,
      };
      return html`<div class="state error" role="alert">
          <h3>${titles[s.kind]}</h3>
          <p>${s.detail}</p>
          <button type="button" @click=${() => a.retry()}>${t.retry}</button>
          <button type="button" @click=${() => a.openPicker()}>${t.loadOther}</button>
        </div>`;
    }
    case 'mapping':
      void loadElement('assessment-column-mapper');
      return html`<assessment-column-mapper .preview=${s.preview} file-name=${a.label(s.file)} problem=${s.problem}
          lang=${lang} @ad-apply-mapping=${(e: CustomEvent<{ mapping: ImportMapping }>) => a.applyFix(s.file, e.detail.mapping)}>
          </assessment-column-mapper>`;
  }
}

function progress(text: string, lang: Lang, a: StatusActions, fraction?: number) {
  const t = messages(lang);
  return html`<div class="state" role="status" aria-live="polite" aria-busy="true">
      <p>${text}</p>
      ${fraction === undefined ? html`<progress aria-label=${text}></progress>` : html`<progress aria-label=${text} max="1" value=${fraction}></progress>`}
      <p><button type="button" @click=${() => a.cancel()}>${t.cancel}</button></p>
    </div>`;
}

function dropZone(lang: Lang, a: StatusActions) {
  const t = messages(lang);
  const over = (e: DragEvent) => {
    e.preventDefault();
    a.setDragging(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    a.setDragging(false);
    const files = e.dataTransfer?.files;
    if (files?.length) a.loadFiles(files);
  };
  return html`<div part="dropzone" class="drop ${a.dragging ? 'dragging' : ''}"
        @dragover=${over} @dragleave=${() => a.setDragging(false)} @drop=${drop}>
      <p>${t.noSource}</p>
      <p><strong>${t.dropTitle}</strong> <button type="button" @click=${() => a.openPicker()}>${t.choose}</button></p>
      <p class="meta">${t.dropHint}</p>
    </div>`;
}
