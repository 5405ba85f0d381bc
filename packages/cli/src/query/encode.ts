import { RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { addStage, type QueryResult, Refusal, type Stages } from './backend.ts';

export type ResultType = 'arrow' | 'json';

export interface EncodeLimits {
  maxRows: number;
  maxBytes: number;
}

/** The end-of-stream marker of the Arrow IPC stream format (continuation token + zero length). */
const EOS = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/**
 * Encodes a result chunk by chunk (Arrow IPC stream or a JSON array of rows) and stops as soon as it goes
 * over the row or byte budget, so a huge result costs at most the budget, never the whole result. Time
 * spent waiting for a chunk counts as `exec` in `stages`, the rest as `encode`.
 */
export async function encodeResult(
  result: QueryResult,
  type: ResultType,
  limits: EncodeLimits,
  stages?: Stages,
): Promise<Buffer> {
  let from = performance.now();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let rows = 0;
  const push = (part: Uint8Array) => {
    bytes += part.length;
    if (bytes > limits.maxBytes)
      throw new Refusal(
        413,
        `result is over this server's limit of ${limits.maxBytes} bytes (${type}); ask for fewer rows or columns`,
      );
    parts.push(part);
  };
  const { schema } = result;
  // Each chunk is written as a one-batch stream with this schema; its schema prefix and end marker are cut,
  // which leaves exactly the record-batch message (no dictionaries: strings are plain Utf8).
  const head = tableToIPC(new Table(schema), 'stream');
  const schemaBytes = head.subarray(0, head.length - EOS.length);
  if (type === 'arrow') push(schemaBytes);
  else push(Buffer.from('['));
  const chunks = result.chunks[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      addStage(stages, 'encode', from);
      from = performance.now();
      const next = await chunks.next();
      addStage(stages, 'exec', from);
      from = performance.now();
      if (next.done) {
        finished = true;
        break;
      }
      const chunk = next.value;
      rows += chunk.numRows;
      if (rows > limits.maxRows)
        throw new Refusal(413, `result has over ${limits.maxRows} rows, this server's limit`);
      if (type === 'arrow') {
        for (const batch of chunk.batches) {
          const one = tableToIPC(new Table(schema, [new RecordBatch(schema, batch.data)]), 'stream');
          if (!Buffer.from(one.buffer, one.byteOffset, schemaBytes.length).equals(schemaBytes))
            throw new Error('a result chunk does not match the result schema');
          push(one.subarray(schemaBytes.length, one.length - EOS.length));
        }
      } else {
        const text = chunk
          .toArray()
          .map((row) => JSON.stringify(row.toJSON()))
          .join(',');
        if (text) push(Buffer.from(rows > chunk.numRows ? `,${text}` : text));
      }
    }
  } finally {
    // Stopped early (over a budget): the rest of the result is never read, as `for await` would do.
    if (!finished) await chunks.return?.(undefined);
  }
  push(type === 'arrow' ? EOS : Buffer.from(']'));
  const body = Buffer.concat(parts);
  addStage(stages, 'encode', from);
  return body;
}
