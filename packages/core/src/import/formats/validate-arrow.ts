import { MAX_DECLARED_ROWS } from './limits.ts';

/**
 * Structural check of Arrow IPC bytes before `apache-arrow` reads them. The library trusts every length
 * and offset: flatbuffer vector lengths are not checked against the buffer (a damaged count makes it
 * loop billions of times), and its file reader re-reads the footer block of the current record batch
 * until it gets a RecordBatch message, so a block pointing at any other message loops forever (found
 * by fuzzing). Here every message the library will visit is located, bounds-checked and typed.
 * Throws an Error describing the first problem.
 */
export function validateArrowIpc(bytes: Uint8Array): void {
  if (isFileFormat(bytes)) validateFile(bytes);
  else validateStream(bytes);
}

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // 'ARROW1'
const MAGIC_AND_PADDING = 8;
const BLOCK_SIZE = 24; // struct Block { offset: long; metaDataLength: int; bodyLength: long }
const MAX_NESTING = 64;

// MessageHeader union tags.
const SCHEMA = 1;
const DICTIONARY_BATCH = 2;
const RECORD_BATCH = 3;
const UNION_TYPE = 14;

const hasMagic = (bytes: Uint8Array, at: number) => MAGIC.every((b, i) => bytes[at + i] === b);
// apache-arrow picks the file reader from the leading magic alone.
const isFileFormat = (bytes: Uint8Array) => bytes.length >= MAGIC.length && hasMagic(bytes, 0);

/** Bounds-checked reader of one flatbuffer (a message's metadata or the file footer). */
class FlatBuffer {
  private readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(pos: number, n: number): void {
    if (!(Number.isInteger(pos) && pos >= 0 && pos + n <= this.view.byteLength)) {
      throw new Error(`flatbuffer offset ${pos} is outside its ${this.view.byteLength} bytes`);
    }
  }
  u8(pos: number): number {
    this.need(pos, 1);
    return this.view.getUint8(pos);
  }
  u16(pos: number): number {
    this.need(pos, 2);
    return this.view.getUint16(pos, true);
  }
  i32(pos: number): number {
    this.need(pos, 4);
    return this.view.getInt32(pos, true);
  }
  u32(pos: number): number {
    this.need(pos, 4);
    return this.view.getUint32(pos, true);
  }
  /** An int64 that must be a non-negative safe integer (lengths, offsets, counts). */
  size(pos: number, what: string): number {
    this.need(pos, 8);
    const v = this.view.getBigInt64(pos, true);
    if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${what} ${v} is impossible`);
    return Number(v);
  }
  root(): number {
    return this.table(this.u32(0));
  }
  /** Checks the table's vtable lies inside the buffer; returns the table position. */
  table(pos: number): number {
    const vtable = pos - this.i32(pos);
    const vtableLength = this.u16(vtable);
    if (vtableLength < 4 || vtableLength % 2) throw new Error(`flatbuffer vtable length ${vtableLength}`);
    this.need(vtable, vtableLength);
    this.need(pos, this.u16(vtable + 2));
    return pos;
  }
  /** Position of field `index` of a table, or undefined when absent. */
  field(table: number, index: number): number | undefined {
    const vtable = table - this.i32(table);
    const slot = 4 + 2 * index;
    if (slot >= this.u16(vtable)) return undefined;
    const offset = this.u16(vtable + slot);
    return offset ? table + offset : undefined;
  }
  child(table: number, index: number): number | undefined {
    const at = this.field(table, index);
    return at === undefined ? undefined : this.table(at + this.u32(at));
  }
  /** Start and length of a vector field whose elements are `width` bytes, checked to fit. */
  vector(table: number, index: number, width: number): { start: number; length: number } {
    const at = this.field(table, index);
    if (at === undefined) return { start: 0, length: 0 };
    const header = at + this.u32(at);
    const length = this.u32(header);
    this.need(header + 4, length * width);
    return { start: header + 4, length };
  }
  tables(table: number, index: number): number[] {
    const { start, length } = this.vector(table, index, 4);
    return Array.from({ length }, (_, i) => this.table(start + 4 * i + this.u32(start + 4 * i)));
  }
}

function checkKeyValues(fb: FlatBuffer, table: number, index: number): void {
  for (const kv of fb.tables(table, index)) {
    fb.vector(kv, 0, 1);
    fb.vector(kv, 1, 1);
  }
}

function checkField(fb: FlatBuffer, field: number, depth: number): void {
  if (depth > MAX_NESTING) throw new Error('Arrow schema nests deeper than any real export');
  fb.vector(field, 0, 1); // name
  const typeTag = fb.field(field, 2);
  const type = fb.child(field, 3);
  if (type !== undefined && typeTag !== undefined && fb.u8(typeTag) === UNION_TYPE) fb.vector(type, 1, 4);
  const dictionary = fb.child(field, 4);
  if (dictionary !== undefined) fb.child(dictionary, 1); // index type
  for (const c of fb.tables(field, 5)) checkField(fb, c, depth + 1);
  checkKeyValues(fb, field, 6);
}

function checkSchema(fb: FlatBuffer, schema: number): void {
  for (const f of fb.tables(schema, 1)) checkField(fb, f, 0);
  checkKeyValues(fb, schema, 2);
  fb.vector(schema, 3, 8); // features
}

/** A RecordBatch table: its rows are capped and every buffer lies inside the message body. */
function checkRecordBatch(fb: FlatBuffer, batch: number, bodyLength: number): number {
  const lengthAt = fb.field(batch, 0);
  const rows = lengthAt === undefined ? 0 : fb.size(lengthAt, 'record batch length');
  const nodes = fb.vector(batch, 1, 16);
  for (let i = 0; i < nodes.length; i++) {
    const length = fb.size(nodes.start + 16 * i, 'field node length');
    const nulls = fb.size(nodes.start + 16 * i + 8, 'field node null count');
    if (length > MAX_DECLARED_ROWS || nulls > length) throw new Error(`field node of ${length} values`);
  }
  const buffers = fb.vector(batch, 2, 16);
  for (let i = 0; i < buffers.length; i++) {
    const offset = fb.size(buffers.start + 16 * i, 'buffer offset');
    const length = fb.size(buffers.start + 16 * i + 8, 'buffer length');
    if (offset + length > bodyLength) {
      throw new Error(`buffer ${offset}+${length} overruns its ${bodyLength}-byte message body`);
    }
  }
  fb.vector(batch, 4, 8); // variadic buffer counts
  return rows;
}

interface Message {
  type: number;
  /** Bytes of the length prefix and metadata, then the body. */
  metadataEnd: number;
  bodyLength: number;
  rows: number;
}

/**
 * The message at `at`: length prefix (with or without the 0xFFFFFFFF continuation marker), flatbuffer
 * metadata, body. Undefined for the end-of-stream marker (a zero length).
 */
function readMessage(bytes: Uint8Array, at: number, end: number): Message | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 4 > end) throw new Error(`message at ${at} is cut off`);
  let prefix = 4;
  let length = view.getInt32(at, true);
  if (length === -1) {
    if (at + 8 > end) throw new Error(`message at ${at} is cut off`);
    prefix = 8;
    length = view.getInt32(at + 4, true);
  }
  if (length === 0) return undefined;
  if (length < 0 || at + prefix + length > end) {
    throw new Error(`message at ${at} declares ${length} metadata bytes, more than the file holds`);
  }
  const fb = new FlatBuffer(bytes.subarray(at + prefix, at + prefix + length));
  const message = fb.root();
  const typeAt = fb.field(message, 1);
  const type = typeAt === undefined ? 0 : fb.u8(typeAt);
  const header = fb.child(message, 2);
  const bodyAt = fb.field(message, 3);
  const bodyLength = bodyAt === undefined ? 0 : fb.size(bodyAt, 'message body length');
  const metadataEnd = at + prefix + length;
  if (metadataEnd + bodyLength > end) {
    throw new Error(`message at ${at} declares a ${bodyLength}-byte body, more than the file holds`);
  }
  checkKeyValues(fb, message, 4);
  if (header === undefined) throw new Error(`message at ${at} has no header`);
  let rows = 0;
  if (type === SCHEMA) checkSchema(fb, header);
  else if (type === RECORD_BATCH) rows = checkRecordBatch(fb, header, bodyLength);
  else if (type === DICTIONARY_BATCH) {
    const data = fb.child(header, 1);
    if (data === undefined) throw new Error(`dictionary batch at ${at} has no data`);
    checkRecordBatch(fb, data, bodyLength);
  } else throw new Error(`message at ${at} has type ${type}, not a schema, dictionary or record batch`);
  return { type, metadataEnd, bodyLength, rows };
}

function countRows(total: number, rows: number): number {
  if (total + rows > MAX_DECLARED_ROWS) throw new Error(`more than ${MAX_DECLARED_ROWS} rows declared`);
  return total + rows;
}

function validateStream(bytes: Uint8Array): void {
  let at = 0;
  let rows = 0;
  let first = true;
  while (at < bytes.length) {
    const m = readMessage(bytes, at, bytes.length);
    if (!m) return;
    if (first && m.type !== SCHEMA) throw new Error('the Arrow stream does not start with a schema');
    first = false;
    rows = countRows(rows, m.rows);
    at = m.metadataEnd + m.bodyLength;
  }
  if (first) throw new Error('the Arrow stream is empty');
}

function validateFile(bytes: Uint8Array): void {
  const size = bytes.length;
  if (size < 2 * MAGIC_AND_PADDING + 4 || !hasMagic(bytes, size - MAGIC.length)) {
    throw new Error('the Arrow file does not end with its ARROW1 footer (is it complete?)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const footerLength = view.getInt32(size - MAGIC.length - 4, true);
  const footerEnd = size - MAGIC.length - 4;
  const footerStart = footerEnd - footerLength;
  if (footerLength <= 0 || footerStart < MAGIC_AND_PADDING) {
    throw new Error(`the Arrow footer length ${footerLength} does not fit the file`);
  }
  const fb = new FlatBuffer(bytes.subarray(footerStart, footerEnd));
  const footer = fb.root();
  const schema = fb.child(footer, 1);
  if (schema === undefined) throw new Error('the Arrow footer has no schema');
  checkSchema(fb, schema);
  checkKeyValues(fb, footer, 4);
  let rows = 0;
  for (const [index, expected] of [
    [2, DICTIONARY_BATCH],
    [3, RECORD_BATCH],
  ] as const) {
    const blocks = fb.vector(footer, index, BLOCK_SIZE);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks.start + BLOCK_SIZE * i;
      const offset = fb.size(block, 'block offset');
      const metadataLength = fb.i32(block + 8);
      const bodyLength = fb.size(block + 16, 'block body length');
      if (
        offset < MAGIC_AND_PADDING ||
        metadataLength <= 0 ||
        offset + metadataLength + bodyLength > footerStart
      ) {
        throw new Error(
          `Arrow footer block ${i} (${offset}, ${metadataLength}, ${bodyLength}) is outside the file`,
        );
      }
      const m = readMessage(bytes, offset, footerStart);
      // The file reader asks for this block again until it yields a message of the expected type.
      if (!m || m.type !== expected) throw new Error(`Arrow footer block ${i} does not point at a batch`);
      rows = countRows(rows, m.rows);
    }
  }
}
