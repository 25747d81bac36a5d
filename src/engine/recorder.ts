/**
 * The event recorder: the one place events enter the log. It gives each event the next id,
 * buffers events in columns (typed arrays, no object per event), keeps a running SHA-256 of
 * the log in a canonical byte form, and hands full batches to a sink (the SQLite writer, or
 * nothing in a benchmark). The engine knows event types only as small integers.
 *
 * The commonest payloads are one number in a fixed JSON shape (`{"from":12}`); rules record
 * them as a shape and the number (`emit(…, null, shape, n)`), and the text is made when the batch is
 * flushed to a sink or a hash, so a million of them cost no strings while the world runs.
 */
import { createHash, type Hash } from 'node:crypto';

/** Null for the integer columns. */
export const NONE = -1;

/** One batch of events in columns; `count` rows are valid, ids run from `firstId`. */
export interface EventBatch {
  readonly firstId: number;
  readonly count: number;
  readonly day: Int32Array;
  readonly type: Int32Array;
  readonly person: Int32Array;
  readonly other: Int32Array;
  readonly place: Int32Array;
  readonly value: Float64Array;
  readonly cause: Int32Array;
  readonly data: (string | null)[];
  /** Extra participants of many-sided events: event id, person id, role code, in triples. */
  readonly participants: Int32Array;
  readonly participantCount: number;
  /**
   * Per row, the payload's shape (0: none, or a text of its own) and its number; a shaped row's
   * text is `shapes[shape][0] + number + shapes[shape][1]`, so a sink that passes the batch on
   * may send the shape and number instead of the text. The recorder also puts that text in
   * `data` unless its sink `readsShapes`; a batch rebuilt from shapes (the writer's thread) may
   * leave it null there too, so a reader given `shapes` takes a shaped row's text from its shape.
   */
  readonly shape?: Uint8Array;
  readonly shapeArg?: Int32Array;
  readonly shapes?: readonly (readonly [string, string])[];
}

/** The arrays a batch's numbers are recorded in, each of the recorder's batch size. */
export interface EventColumns {
  day: Int32Array;
  type: Int32Array;
  person: Int32Array;
  other: Int32Array;
  place: Int32Array;
  value: Float64Array;
  cause: Int32Array;
  shape: Uint8Array;
  shapeArg: Int32Array;
}

/** Receives full batches; must copy anything it keeps, since the arrays are reused. */
export interface EventSink {
  write(batch: EventBatch): void;
  /**
   * Arrays (of `size` each) for the recorder to fill with the next batch instead of its own, or
   * null to go on with the ones it has. Asked after each `write`. A sink that hands batches to
   * another thread gives arrays in shared memory, so a batch crosses without a copy; it must
   * not give arrays the other thread may still be reading.
   */
  nextColumns?(size: number): EventColumns | null;
  /**
   * True when the sink takes a shaped row's text from `shapes`, `shape` and `shapeArg` alone, so
   * the recorder need not write those texts into `data` (they are then null there).
   */
  readonly readsShapes?: boolean;
}

const ROW_BYTES = 36;
/** Whether typed arrays are little-endian here, as the hash's row bytes are. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class EventRecorder {
  private firstId = 1;
  private n = 0;
  private day: Int32Array;
  private type: Int32Array;
  private person: Int32Array;
  private other: Int32Array;
  private place: Int32Array;
  private value: Float64Array;
  private cause: Int32Array;
  private readonly data: (string | null)[];
  /** Per row, the payload shape (0: the text is in `data`) and its number. */
  private shape: Uint8Array;
  private shapeArg: Int32Array;
  /** Each shape's text before and after its number (index 0 unused). */
  private readonly shapes: [string, string][] = [['', '']];
  private participants: Int32Array;
  private pCount = 0;
  private readonly rowHash: Hash | null;
  private readonly dataHash: Hash | null;
  private readonly participantHash: Hash | null;
  private readonly rowBuf: Buffer;
  /** `rowBuf` as 32-bit words. */
  private readonly rowWords: Int32Array;
  /** Events recorded, per type code. */
  readonly countsByType: Float64Array = new Float64Array(256);

  constructor(
    private readonly sink: EventSink | null,
    private readonly batchSize = 65_536,
    hashing = true,
  ) {
    this.day = new Int32Array(batchSize);
    this.type = new Int32Array(batchSize);
    this.person = new Int32Array(batchSize);
    this.other = new Int32Array(batchSize);
    this.place = new Int32Array(batchSize);
    this.value = new Float64Array(batchSize);
    this.cause = new Int32Array(batchSize);
    this.data = new Array<string | null>(batchSize).fill(null);
    this.shape = new Uint8Array(batchSize);
    this.shapeArg = new Int32Array(batchSize);
    this.participants = new Int32Array(3 * 4096);
    this.rowHash = hashing ? createHash('sha256') : null;
    this.dataHash = hashing ? createHash('sha256') : null;
    this.participantHash = hashing ? createHash('sha256') : null;
    this.rowBuf = Buffer.alloc(batchSize * ROW_BYTES);
    this.rowWords = new Int32Array(this.rowBuf.buffer, this.rowBuf.byteOffset, batchSize * (ROW_BYTES / 4));
  }

  /** Id the next event will get. */
  get nextId(): number {
    return this.firstId + this.n;
  }

  /** Events recorded so far. */
  get total(): number {
    return this.firstId - 1 + this.n;
  }

  /**
   * Appends an event and returns its id. Pass NONE (-1) for an absent person, place or cause.
   * A payload of one number may be given as a `shape` (from `defineShape`) and its `arg`
   * instead of `data`: the text is made when the batch is written, the same bytes either way.
   * @example const id = rec.emit(day, T_DONATED, donor, NONE, centre, 2, previousId, null)
   * @example rec.emit(day, T_BECAME_RESIDENT, person, NONE, cottages, NONE, cause, null, FROM, school)
   */
  emit(
    day: number,
    type: number,
    person: number,
    other: number,
    place: number,
    value: number,
    cause: number,
    data: string | null,
    shape = 0,
    arg = 0,
  ): number {
    const i = this.n;
    this.day[i] = day;
    this.type[i] = type;
    this.person[i] = person;
    this.other[i] = other;
    this.place[i] = place;
    this.value[i] = value;
    this.cause[i] = cause;
    this.data[i] = data;
    this.shape[i] = shape;
    this.shapeArg[i] = arg;
    this.countsByType[type]! += 1;
    const id = this.firstId + i;
    this.n = i + 1;
    if (this.n === this.batchSize) this.flush();
    return id;
  }

  /**
   * A payload shape of one integer: the text before it and the text after it. Returns the
   * shape's number for `emit`.
   * @example const FROM = rec.defineShape('{"from":', '}')
   */
  defineShape(before: string, after: string): number {
    if (this.shapes.length > 255) throw new RangeError('EventRecorder.defineShape: too many shapes');
    this.shapes.push([before, after]);
    return this.shapes.length - 1;
  }

  /** Adds a participant (beyond person and other) to an event already emitted in this batch or later. */
  participant(eventId: number, person: number, role: number): void {
    if (this.pCount * 3 + 3 > this.participants.length) {
      const grown = new Int32Array(this.participants.length * 2);
      grown.set(this.participants);
      this.participants = grown;
    }
    const j = this.pCount * 3;
    this.participants[j] = eventId;
    this.participants[j + 1] = person;
    this.participants[j + 2] = role;
    this.pCount++;
  }

  /** Hands buffered events to the sink and folds them into the running hash. */
  flush(): void {
    if (this.n === 0 && this.pCount === 0) return;
    const count = this.n;
    if (this.sink && !this.sink.readsShapes) this.shapeText(count);
    if (this.rowHash && this.dataHash) {
      this.hashRows(count);
      // Participants get a digest of their own, so where batches break cannot change the total.
      if (this.pCount > 0 && this.participantHash) {
        this.participantHash.update(Buffer.from(this.participants.buffer, 0, this.pCount * 12));
      }
    }
    this.sink?.write({
      firstId: this.firstId,
      count,
      day: this.day,
      type: this.type,
      person: this.person,
      other: this.other,
      place: this.place,
      value: this.value,
      cause: this.cause,
      data: this.data,
      participants: this.participants,
      participantCount: this.pCount,
      shape: this.shape,
      shapeArg: this.shapeArg,
      shapes: this.shapes,
    });
    const next = this.sink?.nextColumns?.(this.batchSize);
    if (next) {
      this.day = next.day;
      this.type = next.type;
      this.person = next.person;
      this.other = next.other;
      this.place = next.place;
      this.value = next.value;
      this.cause = next.cause;
      this.shape = next.shape;
      this.shapeArg = next.shapeArg;
    }
    for (let i = 0; i < count; i++) this.data[i] = null;
    this.firstId += count;
    this.n = 0;
    this.pCount = 0;
  }

  /**
   * Folds the first `count` rows into the hashes: each row's numbers as 36 little-endian bytes
   * (day, type, person, other, place as int32, value as float64, cause and id as int32), and
   * each payload as `id:text\n`. The numbers are copied as 32-bit words (a float64 as its two
   * words) and the payloads joined into one text, so a batch costs one call to each hash.
   */
  private hashRows(count: number): void {
    const firstId = this.firstId;
    const data = this.data;
    if (LITTLE_ENDIAN) {
      const w = this.rowWords;
      const { day, type, person, other, place, cause } = this;
      const v = new Int32Array(this.value.buffer, this.value.byteOffset, 2 * count);
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
    } else {
      const buf = this.rowBuf;
      for (let i = 0; i < count; i++) {
        const o = i * ROW_BYTES;
        buf.writeInt32LE(this.day[i]!, o);
        buf.writeInt32LE(this.type[i]!, o + 4);
        buf.writeInt32LE(this.person[i]!, o + 8);
        buf.writeInt32LE(this.other[i]!, o + 12);
        buf.writeInt32LE(this.place[i]!, o + 16);
        buf.writeDoubleLE(this.value[i]!, o + 20);
        buf.writeInt32LE(this.cause[i]!, o + 28);
        buf.writeInt32LE(firstId + i, o + 32);
      }
    }
    this.rowHash!.update(this.rowBuf.subarray(0, count * ROW_BYTES));
    // A shaped row's text is the same bytes whether or not `shapeText` has put it in `data`.
    const { shape, shapeArg, shapes } = this;
    let text = '';
    for (let i = 0; i < count; i++) {
      const k = shape[i]!;
      if (k !== 0) {
        const s = shapes[k]!;
        text += `${firstId + i}:${s[0]}${shapeArg[i]!}${s[1]}\n`;
      } else {
        const d = data[i];
        if (d !== null && d !== undefined) text += `${firstId + i}:${d}\n`;
      }
    }
    if (text.length > 0) this.dataHash!.update(text);
  }

  /** Writes out the text of every shaped payload among the first `count` rows. */
  private shapeText(count: number): void {
    const shape = this.shape;
    for (let i = 0; i < count; i++) {
      const k = shape[i]!;
      if (k !== 0) this.data[i] = this.shapes[k]![0] + String(this.shapeArg[i]) + this.shapes[k]![1];
    }
  }

  /**
   * Flushes and returns the hex SHA-256 of the whole log in canonical form. Two runs with
   * byte-identical logs give the same digest; any changed field, order or payload changes it.
   */
  finish(): string {
    this.flush();
    if (!this.rowHash || !this.dataHash || !this.participantHash) return '';
    const outer = createHash('sha256');
    outer.update(this.rowHash.digest());
    outer.update(this.dataHash.digest());
    outer.update(this.participantHash.digest());
    return outer.digest('hex');
  }
}
