/**
 * Why DuckDB-WASM could not start, as far as the page can tell. Its worker compiles the wasm with
 * `WebAssembly.instantiateStreaming` and never reports that promise's rejection, so a wrong MIME type, a
 * 404 or an HTML page served in place of the wasm would otherwise only show as a start-up timeout.
 */
export type EngineStartProblem =
  | { kind: 'status'; url: string; status: number }
  | { kind: 'mime'; url: string; type: string }
  | { kind: 'not-wasm'; url: string; type: string }
  | { kind: 'worker'; url: string; message: string }
  | { kind: 'timeout'; url: string; seconds: number };

/** DuckDB-WASM did not start; `problem` says why, for a message in the page's language. */
export class EngineStartError extends Error {
  override name = 'EngineStartError';
  constructor(
    message: string,
    readonly problem: EngineStartProblem,
  ) {
    super(message);
  }
}
