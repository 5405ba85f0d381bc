import type { ScannedBytes } from '@assessment-dashboard/core';
import { FetchError, type FetchProgress, TooLargeError } from './fetch-with-progress.ts';

/** What the page asks of the download worker (fetch.worker.ts). */
export type FetchAsk = { url: string; maxBytes: number } | { abort: true };

/** A download's error, as it crosses to the page (its class is made again there: reviveError). */
export type SentError =
  | { kind: 'fetch'; url: string; status: number | undefined; message: string }
  | { kind: 'too-large'; file: string; size: number; limit: number }
  | { kind: 'other'; name: string; message: string };

/** What the worker answers: progress (any number), then the bytes or the error. */
export type FetchAnswer =
  | { progress: FetchProgress }
  | { bytes: Uint8Array; scan: ScannedBytes | undefined }
  | { error: SentError };

export function errorAnswer(e: unknown): FetchAnswer {
  if (e instanceof TooLargeError)
    return { error: { kind: 'too-large', file: e.file, size: e.size, limit: e.limit } };
  if (e instanceof FetchError)
    return { error: { kind: 'fetch', url: e.url, status: e.status, message: e.message } };
  const { name, message } = e instanceof Error ? e : { name: 'Error', message: String(e) };
  return { error: { kind: 'other', name, message } };
}

/** The error the page's own download of `url` (as the page named it: the worker got it absolute) would have thrown. */
export function reviveError(e: SentError, url: string): Error {
  if (e.kind === 'too-large') return new TooLargeError(url, e.size, e.limit);
  if (e.kind === 'fetch') return new FetchError(url, e.status, e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
