import { concatInSlices } from './yield-to-host.ts';

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

  constructor(size?: number) {
    if (size !== undefined && Number.isSafeInteger(size) && size > 0) this.#buffer = new Uint8Array(size);
  }

  get length(): number {
    return this.#length;
  }

  push(chunk: Uint8Array): void {
    const buffer = this.#buffer;
    if (buffer && this.#length + chunk.byteLength <= buffer.byteLength) {
      buffer.set(chunk, this.#length);
    } else {
      if (buffer) {
        // Larger than announced: what arrived so far becomes the first chunk.
        this.#chunks.push(buffer.subarray(0, this.#length));
        this.#buffer = undefined;
      }
      this.#chunks.push(chunk);
    }
    this.#length += chunk.byteLength;
  }

  /**
   * The bytes, in one buffer of their own when the size was right (which the engine may then take without
   * copying them: register-file.ts).
   */
  bytes(): Promise<Uint8Array> {
    if (this.#buffer) return Promise.resolve(this.#buffer.subarray(0, this.#length));
    return concatInSlices(this.#chunks);
  }
}
