import { ImportError } from '../ledger.ts';

/** Why a file could not be turned into delimited text; the message says the same for people. */
export type FormatErrorReason =
  | 'empty_file'
  | 'unsupported_format'
  | 'corrupt_file'
  | 'sheet_not_found'
  | 'invalid_json';

/**
 * A file that cannot be converted at all. It is an ImportError (code 'empty_file' or 'unreadable') so
 * callers that already report ImportError messages need no new branch.
 */
export class FormatError extends ImportError {
  constructor(
    readonly reason: FormatErrorReason,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(reason === 'empty_file' ? 'empty_file' : 'unreadable', message, details);
    this.name = 'FormatError';
  }
}

/** First line of an unknown error's message, for appending to our own. */
export const causeText = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
