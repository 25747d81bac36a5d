/**
 * The log's digest: a SHA-256 over the events in a canonical byte form, the same whoever
 * computes it. The recorder keeps it while the world runs; a sink that sees every batch (the
 * writer's thread) may keep it instead, so the simulation's thread does not spend its time on it.
 *
 * The canonical form is three digests, hashed together in this order:
 * - the rows: per event 36 bytes, little-endian: day, type, person, other, place as int32,
 *   value as float64, cause and id as int32;
 * - the payloads: per event with a payload, `id:text\n` in UTF-8;
 * - the participants: per extra participant, event id, person and role as int32 (the bytes of
 *   the batch's triples).
 */
import { createHash, type Hash } from 'node:crypto';
import { putBytes, putDecimal } from './bytes.js';
import type { EventBatch } from './recorder.js';

const ROW_BYTES = 36;
/** Whether typed arrays are little-endian here, as the canonical row bytes are. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class LogHash {
  private readonly rows: Hash = createHash('sha256');
  private readonly payloads: Hash = createHash('sha256');
  private readonly participants: Hash = createHash('sha256');
  private rowBuf: Buffer = Buffer.alloc(0);
  /** `rowBuf` as 32-bit words. */
  private rowWords: Int32Array = new Int32Array(0);
  /** The batch's payload lines as UTF-8, made here (grown as needed). */
  private text: Payloads = { bytes: Buffer.alloc(1 << 16), length: 0 };
  /** Each payload shape's text before and after its number, as UTF-8 (made once per shape). */
  private readonly shapeBytes: [Buffer, Buffer][] = [];

  /**
   * Folds in a batch: its rows, its payloads (a shaped row's text made from its shape, whether
   * or not `data` holds it) and its participants. The numbers are copied as 32-bit words (a
   * float64 as its two words) and the payloads joined into one text, so a batch costs one call
   * to each hash.
   */
  add(b: EventBatch): void {
    const count = b.count;
    if (this.rowBuf.length < count * ROW_BYTES) {
      this.rowBuf = Buffer.alloc(count * ROW_BYTES);
      this.rowWords = new Int32Array(this.rowBuf.buffer, this.rowBuf.byteOffset, count * (ROW_BYTES / 4));
    }
    if (LITTLE_ENDIAN) rowWords(b, this.rowWords);
    else rowBytes(b, this.rowBuf);
    this.rows.update(this.rowBuf.subarray(0, count * ROW_BYTES));
    if (b.shapes)
      for (let k = this.shapeBytes.length; k < b.shapes.length; k++) {
        const [before, after] = b.shapes[k]!;
        this.shapeBytes.push([Buffer.from(before, 'utf8'), Buffer.from(after, 'utf8')]);
      }
    this.text.length = 0;
    payloadLines(b, this.shapeBytes, this.text);
    if (this.text.length > 0) this.payloads.update(this.text.bytes.subarray(0, this.text.length));
    // Participants get a digest of their own, so where batches break cannot change the total.
    if (b.participantCount > 0) {
      const p = b.participants;
      this.participants.update(new Uint8Array(p.buffer, p.byteOffset, b.participantCount * 12));
    }
  }

  /** The hex digest of everything added. Call once. */
  digest(): string {
    const outer = createHash('sha256');
    outer.update(this.rows.digest());
    outer.update(this.payloads.digest());
    outer.update(this.participants.digest());
    return outer.digest('hex');
  }
}

// The loops of `LogHash.add`, one a function: each is compiled once, while it runs, where one
// function holding them all was compiled again for every loop it reached.

/** The batch's rows in canonical form, as 32-bit words of a little-endian machine. */
function rowWords(b: EventBatch, w: Int32Array): void {
  const { count, firstId, day, type, person, other, place, value, cause } = b;
  const v = new Int32Array(value.buffer, value.byteOffset, 2 * count);
  for (let i = 0, o = 0; i < count; i++, o += 9) {
    w[o] = day[i]!;
    w[o + 1] = type[i]!;
    w[o + 2] = person[i]!;
    w[o + 3] = other[i]!;
    w[o + 4] = place[i]!;
    w[o + 5] = v[2 * i]!;
    w[o + 6] = v[2 * i + 1]!;
    w[o + 7] = cause[i]!;
    w[o + 8] = firstId + i;
  }
}

/** The batch's rows in canonical form, byte by byte (a big-endian machine). */
function rowBytes(b: EventBatch, buf: Buffer): void {
  const { count, firstId, day, type, person, other, place, value, cause } = b;
  for (let i = 0; i < count; i++) {
    const o = i * ROW_BYTES;
    buf.writeInt32LE(day[i]!, o);
    buf.writeInt32LE(type[i]!, o + 4);
    buf.writeInt32LE(person[i]!, o + 8);
    buf.writeInt32LE(other[i]!, o + 12);
    buf.writeInt32LE(place[i]!, o + 16);
    buf.writeDoubleLE(value[i]!, o + 20);
    buf.writeInt32LE(cause[i]!, o + 28);
    buf.writeInt32LE(firstId + i, o + 32);
  }
}

/** Bytes written so far into a buffer that grows. */
interface Payloads {
  bytes: Buffer;
  length: number;
}

/** Room for `n` more bytes in `t`. */
function room(t: Payloads, n: number): Buffer {
  if (t.length + n > t.bytes.length) {
    const grown = Buffer.alloc(Math.max(2 * t.bytes.length, t.length + n));
    t.bytes.copy(grown, 0, 0, t.length);
    t.bytes = grown;
  }
  return t.bytes;
}

/**
 * The batch's payload lines, `id:text\n` each (a shaped row's text made from its shape), as
 * UTF-8 appended to `out`: the same bytes as the lines joined into one string and encoded, made
 * without a string for each (the strings of a whole batch, alive until it was hashed, made the
 * young generation's collections copy them again and again).
 */
function payloadLines(b: EventBatch, shapeBytes: readonly [Buffer, Buffer][], out: Payloads): void {
  const { count, firstId, shapes, shapeArg, data } = b;
  const shape = shapes ? b.shape : undefined;
  for (let i = 0; i < count; i++) {
    const k = shape ? shape[i]! : 0;
    if (k !== 0) {
      const [before, after] = shapeBytes[k]!;
      // An id and an int32 take at most 11 bytes each in decimal.
      const buf = room(out, 24 + before.length + after.length);
      let o = putDecimal(buf, out.length, firstId + i);
      buf[o++] = 58;
      o = putBytes(buf, o, before);
      o = putDecimal(buf, o, shapeArg![i]!);
      o = putBytes(buf, o, after);
      buf[o++] = 10;
      out.length = o;
    } else {
      const d = data[i];
      if (d === null || d === undefined) continue;
      const buf = room(out, 13 + 3 * d.length);
      let o = putDecimal(buf, out.length, firstId + i);
      buf[o++] = 58;
      o += buf.write(d, o, 'utf8');
      buf[o++] = 10;
      out.length = o;
    }
  }
}
