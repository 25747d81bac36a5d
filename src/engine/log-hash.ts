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
    const text = payloadLines(b);
    if (text.length > 0) this.payloads.update(text);
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

/** The batch's payload lines, `id:text\n` each (a shaped row's text made from its shape). */
function payloadLines(b: EventBatch): string {
  const { count, firstId, shapes, shapeArg, data } = b;
  const shape = shapes ? b.shape : undefined;
  let text = '';
  for (let i = 0; i < count; i++) {
    const k = shape ? shape[i]! : 0;
    if (k !== 0) {
      const s = shapes![k]!;
      text += `${firstId + i}:${s[0]}${shapeArg![i]!}${s[1]}\n`;
    } else {
      const d = data[i];
      if (d !== null && d !== undefined) text += `${firstId + i}:${d}\n`;
    }
  }
  return text;
}
