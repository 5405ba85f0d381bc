import type { ImportMapping } from '@assessment-dashboard/core';
import { html, nothing } from 'lit';
import { formatByteProgress, formatBytes, formatCount } from '../i18n/format.ts';
import { type Lang, messages } from '../i18n/messages.ts';
import { loadElement } from '../lazy-elements.ts';
import { tileFontWarmup } from '../panels/tile-font-warmup.ts';
import { tileList } from '../panels/tiles-panel.ts';
import { loadMessages } from './load-messages.ts';
import { type LoadState, loadFraction } from './load-state.ts';

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
  /** how many of the tiles' text styles the loading view lays out (start-up.ts) */
  warmStyles: number;
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

/** The phases that show a progress line (and a Cancel button). */
const PROGRESS = new Set(['fetching', 'starting-engine', 'connecting', 'importing', 'computing']);

/**
 * The progress line of a loading state, or undefined when `s` is not one: a local file's bytes read
 * ("正在读取 cases.csv：12.3 / 48.0 MB"), a download's, then its rows parsed, then the computing.
 */
export function progressText(
  s: LoadState,
  lang: Lang,
  a: Pick<StatusActions, 'label' | 'isLocal' | 'hasInputs'>,
): string | undefined {
  const t = messages(lang);
  const l = loadMessages(lang);
  switch (s.phase) {
    case 'idle':
      return a.hasInputs ? t.startingEngine : undefined;
    case 'fetching': {
      // A local file is read, not downloaded: bytes read of its own size, never "0 KB".
      if (a.isLocal(s.file))
        return s.total
          ? l.readingBytes(a.label(s.file), formatByteProgress(s.loaded, s.total, lang))
          : `${t.readingLocal(a.label(s.file))}…`;
      const sizes = s.total
        ? `${formatBytes(s.loaded, lang)} / ${formatBytes(s.total, lang)}`
        : formatBytes(s.loaded, lang);
      return `${t.fetching(a.label(s.file))}${lang === 'zh' ? `（${sizes}）` : ` (${sizes})`}`;
    }
    case 'starting-engine':
      return t.startingEngine;
    case 'connecting':
      return t.connecting(new URL(s.url).host);
    case 'importing':
      return s.parsed === undefined
        ? l.parsing(a.label(s.file))
        : l.parsedRows(formatCount(s.parsed, lang), a.label(s.file));
    case 'computing':
      return l.computing;
    default:
      return undefined;
  }
}

/**
 * The loading view while the fonts are still being opened (dashboard/start-up.ts): the bar without any text
 * (its label is for assistive technology), so that the page's thread looks up no font then: under a large
 * download those look-ups wait on a busy browser process (traced at 3M rows: a 121 ms layout, 11 ms of it
 * CPU). Nothing when nothing loads.
 */
export function bootView(
  s: LoadState,
  lang: Lang,
  a: Pick<StatusActions, 'label' | 'isLocal' | 'hasInputs'>,
) {
  if (!PROGRESS.has(s.phase) && !(s.phase === 'idle' && a.hasInputs)) return nothing;
  const t = messages(lang);
  // The phase in words, without the numbers (formatting them would load ICU's data on this thread too).
  const label =
    s.phase === 'fetching'
      ? (a.isLocal(s.file) ? t.readingLocal : t.fetching)(a.label(s.file))
      : s.phase === 'importing'
        ? loadMessages(lang).parsing(a.label(s.file))
        : (progressText(s, lang, a) ?? t.startingEngine);
  return html`<div class="state boot" part="progress" aria-busy="true">
    <progress aria-label=${label} max="1" value=${loadFraction(s)}></progress></div>`;
}

/** Everything but the ready dashboard: progress (bytes, rows, computing), the drop zone, errors, mapping. */
export function statusView(s: Exclude<LoadState, { phase: 'ready' }>, lang: Lang, a: StatusActions) {
  const t = messages(lang);
  const text = progressText(s, lang, a);
  if (text !== undefined && PROGRESS.has(s.phase)) {
    // The tiles painted first (session/early-tiles.ts) stay above the progress while the rest is computed.
    if (s.phase === 'computing' && s.tiles?.length && a.showsTiles) {
      return html`${tileList(s.tiles, lang)}${progress(text, lang, a, s)}`;
    }
    return html`${progress(text, lang, a, s)}${a.showsTiles ? tileFontWarmup(a.warmStyles) : nothing}`;
  }
  switch (s.phase) {
    case 'idle':
      return text === undefined ? dropZone(lang, a) : progress(text, lang, a, s);
    case 'empty':
      return html`<div class="state" role="status">${t.emptyFile(s.file)}</div>${dropZone(lang, a)}`;
    case 'cancelled': {
      // A local file's import was stopped: nothing else to retry, the drop zone is back.
      const local = s.file !== undefined && a.isLocal(s.file);
      return html`<div class="state" role="status">${local ? `${loadMessages(lang).importCancelled}。` : t.cancelled}
          <button type="button" @click=${() => a.retry()}>${t.retry}</button></div>${dropZone(lang, a)}`;
    }
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
    default:
      return progress(text ?? '', lang, a, s);
  }
}

/** The visible progress line; the element's own live region announces it (throttled), not this block. */
function progress(text: string, lang: Lang, a: StatusActions, s: LoadState) {
  const t = messages(lang);
  return html`<div class="state" part="progress" aria-busy="true">
      <p>${text}</p>
      <progress aria-label=${text} max="1" value=${loadFraction(s)}></progress>
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
