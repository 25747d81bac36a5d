/**
 * The event recorder: the one place events enter the log. It gives each event the next id,
 * buffers events in columns (typed arrays, no object per event), keeps a running SHA-256 of
 * the log in a canonical byte form (log-hash.ts) unless its sink keeps it, and hands full
 * batches to a sink (the SQLite writer, or nothing in a benchmark). The engine knows event types only as small integers.
 *
 * The commonest payloads are one number in a fixed JSON shape (`{"from":12}`); rules record
 * them as a shape and the number (`emit(…, null, shape, n)`), and the text is made when the batch is
 * flushed to a sink or a hash, so a million of them cost no strings while the world runs.
 */
import { LogHash } from './log-hash.js';

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
  /**
   * True when the sink keeps the log's digest itself from the batches it is given (as
   * `LogHash` does); the recorder then keeps none. At the end the recorder calls `askDigest`
   * once the last batch is written, and `digest` when the digest is wanted, so a sink on
   * another thread can finish the last batches while the caller goes on.
   */
  readonly keepsDigest?: boolean;
  askDigest?(): void;
  digest?(): string;
}

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
  /** The log's digest, unless it is not kept or the sink keeps it. */
  private readonly hash: LogHash | null;
  private readonly sinkDigest: boolean;
  private ended = false;
  private digestText: string | null = null;
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
    this.sinkDigest =
      hashing && sink?.keepsDigest === true && sink.askDigest !== undefined && sink.digest !== undefined;
    this.hash = hashing && !this.sinkDigest ? new LogHash() : null;
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

  /** Hands buffered events to the sink and folds them into the running digest (log-hash.ts). */
  flush(): void {
    if (this.n === 0 && this.pCount === 0) return;
    const count = this.n;
    if (this.sink && !this.sink.readsShapes) this.shapeText(count);
    const batch: EventBatch = {
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
    };
    this.hash?.add(batch);
    this.sink?.write(batch);
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

  /** Writes out the text of every shaped payload among the first `count` rows. */
  private shapeText(count: number): void {
    const shape = this.shape;
    for (let i = 0; i < count; i++) {
      const k = shape[i]!;
      if (k !== 0) this.data[i] = this.shapes[k]![0] + String(this.shapeArg[i]) + this.shapes[k]![1];
    }
  }

  /**
   * The log is over: writes the last batch, and asks a sink that keeps the digest for it
   * (`digest` then waits for its answer). Nothing may be emitted after this.
   */
  end(): void {
    if (this.ended) return;
    this.flush();
    this.ended = true;
    if (this.sinkDigest) this.sink!.askDigest!();
  }

  /**
   * Ends the log (if not yet) and returns the hex SHA-256 of the whole log in canonical form
   * (log-hash.ts), or '' when the recorder was made not to hash. Two runs with byte-identical
   * logs give the same digest; any changed field, order or payload changes it.
   */
  digest(): string {
    this.end();
    if (this.digestText === null) {
      if (this.sinkDigest) this.digestText = this.sink!.digest!();
      else this.digestText = this.hash ? this.hash.digest() : '';
    }
    return this.digestText;
  }

  /** Flushes and returns the log's digest: `end()`, then `digest()`. */
  finish(): string {
    return this.digest();
  }
}
