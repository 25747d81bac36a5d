/**
 * Writes behind: chunks of a file's pages written around the page cache (`O_DIRECT`) by a
 * thread of their own, so the thread that makes the pages goes on making the next ones while
 * the disk takes the last. Without it, the writer's thread spent about a second and a half of
 * England's run blocked in `write` (bench/README.md).
 *
 * The chunks are slices of one shared buffer, aligned as the device asks (found by trying, as
 * `openDirect` in pages.ts does), used in turn: chunk `s % count` holds the `s`-th write. The
 * maker fills a chunk, `submit`s it (its length and position go into shared arrays, then the
 * count of writes submitted is raised), and before filling a chunk again waits until the write
 * that last held it is done. The writing thread takes writes in order; a direct write the
 * system refuses (EINVAL) or cuts short (a disk nearly full) is made, or finished, through the
 * page cache, so what fails, fails with the error an ordinary write meets. The first error
 * stops the writing: it is sent back whole and thrown by the maker's next call.
 */
import { closeSync, writeSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** Slots of the control array. */
const CTRL = { submitted: 0, done: 1, failed: 2, stop: 3, started: 4, tid: 5 } as const;

/** How long to wait for the writing thread to start before giving up on it. */
const START_WAIT_MS = 30_000;

/** An error as it crosses from the writing thread. */
interface SentError {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
}

/**
 * The writing thread's code. It is evaluated as a script of its own (no file to find: it runs
 * the same from the sources and from the build).
 */
const THREAD = `
const { workerData } = require('node:worker_threads');
const { readlinkSync, writeSync } = require('node:fs');
const { memory, offset, chunkBytes, count, ctrl: ctrlBuf, lengths: lenBuf, positions: posBuf, direct, buffered, port } = workerData;
const ctrl = new Int32Array(ctrlBuf);
const lengths = new Int32Array(lenBuf);
const positions = new Float64Array(posBuf);
const bytes = Buffer.from(memory, offset, chunkBytes * count);
let viaDirect = true;
const U = 4096;
function writeAll(fd, b, position) {
  let done = 0;
  while (done < b.length) done += writeSync(fd, b, done, b.length - done, position + done);
}
function write(slot) {
  const b = bytes.subarray(slot * chunkBytes, slot * chunkBytes + lengths[slot]);
  const position = positions[slot];
  let done = 0;
  if (viaDirect) {
    try {
      while (done < b.length && done % U === 0) {
        const n = writeSync(direct, b, done, b.length - done, position + done);
        if (n === 0) break;
        done += n;
      }
    } catch (e) {
      if (e.code !== 'EINVAL') throw e;
      viaDirect = false;
    }
  }
  if (done < b.length) writeAll(buffered, b.subarray(done), position + done);
}
// Its id for the system's scheduler (Linux), for the maker to set its niceness with its own.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) Atomics.store(ctrl, ${CTRL.tid}, tid);
} catch {}
Atomics.store(ctrl, ${CTRL.started}, 1);
let next = 0;
for (;;) {
  const submitted = Atomics.load(ctrl, ${CTRL.submitted});
  if (next === submitted) {
    if (Atomics.load(ctrl, ${CTRL.stop}) !== 0) break;
    Atomics.wait(ctrl, ${CTRL.submitted}, submitted, 1000);
    continue;
  }
  if (Atomics.load(ctrl, ${CTRL.failed}) === 0) {
    try {
      write(next % count);
    } catch (e) {
      port.postMessage({ message: String(e && e.message), code: e && e.code, errno: e && e.errno, syscall: e && e.syscall });
      Atomics.store(ctrl, ${CTRL.failed}, 1);
    }
  }
  next++;
  Atomics.store(ctrl, ${CTRL.done}, next);
  Atomics.notify(ctrl, ${CTRL.done});
}
port.close();
`;

export class WriteBehind {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(4 * 6));
  private readonly lengths: Int32Array;
  private readonly positions: Float64Array;
  private readonly chunks: Buffer[];
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private submitted = 0;
  private failure: Error | null = null;
  private stopped = false;

  /**
   * @param memory the chunks' memory (shared), `count` chunks of `chunkBytes` from `offset`,
   *   aligned for direct writes
   * @param direct the descriptor opened for direct writes
   * @param buffered one through the page cache, for writes the direct one refuses
   */
  constructor(
    memory: SharedArrayBuffer,
    offset: number,
    readonly chunkBytes: number,
    readonly count: number,
    private readonly direct: number,
    buffered: number,
  ) {
    this.chunks = Array.from({ length: count }, (_, i) =>
      Buffer.from(memory, offset + i * chunkBytes, chunkBytes),
    );
    const lengths = new SharedArrayBuffer(4 * count);
    const positions = new SharedArrayBuffer(8 * count);
    this.lengths = new Int32Array(lengths);
    this.positions = new Float64Array(positions);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(THREAD, {
      eval: true,
      workerData: {
        memory,
        offset,
        chunkBytes,
        count,
        ctrl: this.ctrl.buffer,
        lengths,
        positions,
        direct,
        buffered,
        port: port2,
      },
      transferList: [port2],
    });
    // It must never keep the process alive: `close` stops it, and a run abandoned leaves it idle.
    this.worker.unref();
  }

  /**
   * Makes the chunk memory for `count` chunks of `chunkBytes`, aligned for direct writes
   * through `fd`; null when no offset works. The tries write page 1 (`pageBytes` of zeros),
   * which the caller writes again last.
   */
  static aligned(
    fd: number,
    chunkBytes: number,
    count: number,
    pageBytes: number,
  ): { memory: SharedArrayBuffer; offset: number } | null {
    const memory = new SharedArrayBuffer(chunkBytes * count + pageBytes);
    const raw = Buffer.from(memory);
    for (let at = 0; at < pageBytes; at += 16) {
      try {
        writeSync(fd, raw, at, pageBytes, 0);
        return { memory, offset: at };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EINVAL') break;
      }
    }
    return null;
  }

  /**
   * The writing thread's id for the system's scheduler, once it has started, or null (not yet,
   * or not Linux). It starts with its maker's niceness; a maker that changes its own changes
   * this thread's too (src/store/writer-worker.ts).
   */
  get tid(): number | null {
    const tid = Atomics.load(this.ctrl, CTRL.tid);
    return tid > 0 ? tid : null;
  }

  /** The chunk the next `submit` writes from, once the write that last held it is done. */
  chunk(): Buffer {
    this.waitUntilDone(this.submitted - this.count + 1);
    return this.chunks[this.submitted % this.count]!;
  }

  /** Hands the first `bytes` of the chunk `chunk()` gave to the writing thread, for `position`. */
  submit(bytes: number, position: number): void {
    this.throwFailure();
    const slot = this.submitted % this.count;
    this.lengths[slot] = bytes;
    this.positions[slot] = position;
    this.submitted++;
    Atomics.store(this.ctrl, CTRL.submitted, this.submitted);
    Atomics.notify(this.ctrl, CTRL.submitted);
  }

  /** Waits until every write submitted is done; throws the first that failed. */
  drain(): void {
    this.waitUntilDone(this.submitted);
  }

  /** Drains, then stops the thread and closes the direct descriptor (the caller closes the other). */
  close(): void {
    if (this.stopped) return;
    try {
      this.drain();
    } finally {
      this.stopped = true;
      Atomics.store(this.ctrl, CTRL.stop, 1);
      Atomics.notify(this.ctrl, CTRL.submitted);
      closeSync(this.direct);
    }
  }

  private waitUntilDone(writes: number): void {
    const since = performance.now();
    for (;;) {
      const done = Atomics.load(this.ctrl, CTRL.done);
      if (done >= writes) break;
      if (Atomics.load(this.ctrl, CTRL.started) === 0 && performance.now() - since > START_WAIT_MS)
        throw new Error('write-behind: the writing thread did not start');
      Atomics.wait(this.ctrl, CTRL.done, done, 1000);
    }
    this.throwFailure();
  }

  /** Throws the writing thread's error, once it has sent one (the same error on every call). */
  private throwFailure(): void {
    if (this.failure) throw this.failure;
    if (Atomics.load(this.ctrl, CTRL.failed) === 0) return;
    const got = receiveMessageOnPort(this.port)?.message as SentError | undefined;
    const e: NodeJS.ErrnoException = new Error(got?.message ?? 'write-behind: a write failed');
    if (got?.code !== undefined) e.code = got.code;
    if (got?.errno !== undefined) e.errno = got.errno;
    if (got?.syscall !== undefined) e.syscall = got.syscall;
    this.failure = e;
    throw e;
  }
}
