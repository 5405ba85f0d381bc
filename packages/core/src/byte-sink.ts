import { MAX_LINE_BYTES } from './import/formats/long-lines.ts';
import { scannedAsArrived, Utf8StreamScan } from './import/formats/utf8-scan.ts';
import { concatInSlices, sliceClock } from './yield-to-host.ts';

/** Bytes asked of a byte stream per read: progress and the UTF-8 check follow it a megabyte at a time. */
const READ_PIECE = 1 << 20;

/** `min`: fill the view before resolving (Chrome 129+, Firefox 131+; elsewhere ignored: any bytes). */
type ByobReader = {
  read(view: Uint8Array, options: { min: number }): Promise<ReadableStreamReadResult<Uint8Array>>;
  releaseLock(): void;
};

/** A reader into the caller's memory when `body` is a byte stream, else undefined. */
function byobReader(body: ReadableStream<Uint8Array>): ByobReader | undefined {
  try {
    return body.getReader({ mode: 'byob' }) as unknown as ByobReader;
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes gathered as they arrive. With its size known beforehand (Content-Length, File.size),
 * each chunk is written once into a buffer of that size: no second copy of the whole file at the end,
 * which at 180 MB cost the UI thread 0.1–0.4 s and held the file twice. A size that turns out wrong (a
 * compressed Content-Length) falls back to keeping the chunks and joining them once.
 */
export class ByteSink {
  #buffer: Uint8Array | undefined;
  #chunks: Uint8Array[] = [];
  #length = 0;
  #scan: Utf8StreamScan | undefined;
  #tick = sliceClock();

  /**
   * `scan`: the UTF-8 check a CSV import makes (directCsv) is made as the bytes arrive, while the UI
   * thread waits for the network, instead of after the download (0.3–0.4 s for 180 MB, while DuckDB-WASM
   * was still compiling). Only with the size known (one buffer from the start).
   */
  constructor(size?: number, options: { scan?: boolean } = {}) {
    if (size !== undefined && Number.isSafeInteger(size) && size > 0) {
      this.#buffer = new Uint8Array(size);
      if (options.scan) this.#scan = new Utf8StreamScan(MAX_LINE_BYTES, size);
    }
  }

  get length(): number {
    return this.#length;
  }

  /**
   * Takes a chunk. Returns a promise to await when the page should get a turn first: chunks already
   * buffered by the network arrive in one task, whose copies and scans add up to a long task otherwise.
   */
  push(chunk: Uint8Array): Promise<void> | undefined {
    const buffer = this.#buffer;
    if (buffer && this.#length + chunk.byteLength <= buffer.byteLength) {
      buffer.set(chunk, this.#length);
      this.#length += chunk.byteLength;
      this.#scan?.advance(buffer.subarray(0, this.#length));
      return this.#tick();
    }
    if (buffer) {
      // Larger than announced: what arrived so far becomes the first chunk (and the import scans it).
      this.#chunks.push(buffer.subarray(0, this.#length));
      this.#buffer = undefined;
      this.#scan = undefined;
    }
    this.#chunks.push(chunk);
    this.#length += chunk.byteLength;
    return this.#tick();
  }

  /**
   * Reads `body` to its end, resolving each time bytes were taken (for progress). A byte stream with the
   * size known (fetch and File bodies in current browsers) is read straight into the buffer, a megabyte at
   * a time: no copy of each network chunk and no turn of the page per chunk (a 180 MB file arrives in
   * thousands of them; reading and copying them cost the UI thread 0.3–0.4 s). Otherwise chunk by chunk.
   */
  async *drain(body: ReadableStream<Uint8Array>): AsyncGenerator<void, void, undefined> {
    const direct = this.#buffer && this.#length < this.#buffer.byteLength ? byobReader(body) : undefined;
    if (direct) {
      try {
        for (;;) {
          const buffer = this.#buffer;
          if (!buffer || this.#length === buffer.byteLength) break; // full: any more (a wrong size) below
          const room = new Uint8Array(
            buffer.buffer,
            this.#length,
            Math.min(READ_PIECE, buffer.byteLength - this.#length),
          );
          // The view's memory is handed to the stream and back: the buffer is the one `value` sees.
          const { done, value } = await direct.read(room, { min: room.byteLength });
          if (!value) throw new Error('the stream was cancelled while reading');
          this.#buffer = new Uint8Array(value.buffer);
          this.#length += value.byteLength; // the last bytes may come with `done`
          this.#scan?.advance(this.#buffer.subarray(0, this.#length));
          if (done) return;
          const turn = this.#tick();
          if (turn) await turn;
          yield;
        }
      } finally {
        direct.releaseLock();
      }
    }
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const turn = this.push(value);
        if (turn) await turn;
        yield;
      }
    } finally {
      reader.releaseLock();
    }
  }

  /**
   * The bytes, in one buffer of their own when the size was right (which the engine may then take without
   * copying them: register-file.ts).
   */
  bytes(): Promise<Uint8Array> {
    if (!this.#buffer) return concatInSlices(this.#chunks);
    const bytes = this.#buffer.subarray(0, this.#length);
    if (this.#scan) scannedAsArrived.set(bytes, this.#scan.finish(bytes));
    return Promise.resolve(bytes);
  }
}
