/**
 * The events of a world written straight into SQLite's file format, page by page, instead of
 * through SQL: the table's leaf pages as the batches arrive, then each index sorted in memory
 * and laid down bottom-up. This is what SQLite itself would store (the same records, serial
 * types and B-tree shapes it can read and check), made several times faster because nothing is
 * parsed, searched or rebalanced: rows arrive in id order and index keys are sorted by counting
 * passes over columns of integers. The file that results is an ordinary database of one table
 * and its indexes; SQLite then opens it and adds everything else (src/store/writer-worker.ts).
 *
 * The layout follows https://www.sqlite.org/fileformat2.html: 4096-byte pages; page 1 holds
 * the 100-byte header and the schema table; the roots of the events table and of its indexes
 * are reserved next (a B-tree's root must keep the page number the schema names, though a tree
 * built bottom-up finishes with it); then come the leaves as they are filled, overflow pages
 * for long `data` texts, and the interior pages of each tree.
 *
 * `PRAGMA integrity_check` passes on every file this writes; test/store-pages.test.ts checks it
 * and compares every row and every index entry with the same rows inserted through SQL.
 */
import Database from 'better-sqlite3';
import { closeSync, constants, fdatasync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import type { EventBatch } from '../engine/recorder.js';
import { decimalLen, putBytes, putDecimal } from '../engine/bytes.js';
import { NONE } from '../engine/recorder.js';
import { trace } from './trace.js';
import { WriteBehind } from './write-behind.js';

/** The page size, in bytes. */
const U = 4096;
/** The largest payload a table leaf keeps on its own page (the rest overflows). */
const TABLE_MAX_LOCAL = U - 35;
/** The least a table leaf keeps locally of a payload that overflows. */
const TABLE_MIN_LOCAL = Math.floor(((U - 12) * 32) / 255) - 23;
/**
 * The largest payload an index cell keeps on its page (1002 bytes); an entry of integer keys
 * and a rowid is at most 28, so the index pages written here never overflow.
 */
const INDEX_MAX_LOCAL = Math.floor(((U - 12) * 64) / 255) - 23;
const OVERFLOW_CONTENT = U - 4;

const LEAF_TABLE = 13;
const INTERIOR_TABLE = 5;
const LEAF_INDEX = 10;
const INTERIOR_INDEX = 2;

/** Bytes of an integer's body for each serial type (0–9). */
export const SERIAL_SIZE: readonly number[] = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];

/** SQLite's serial type for an integer (a safe integer), as it would choose it. */
export function intType(i: number): number {
  const u = i < 0 ? -i - 1 : i;
  if (u <= 127) return i === 0 ? 8 : i === 1 ? 9 : 1;
  if (u <= 32767) return 2;
  if (u <= 8388607) return 3;
  if (u <= 2147483647) return 4;
  if (u <= 0x7fffffffffff) return 5;
  return 6;
}

/** Bytes of a varint. */
export function varintLen(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 1;
  for (let x = v; x >= 0x80; x = Math.floor(x / 0x80)) n++;
  return n;
}

/** Writes a non-negative varint (below 2^53) at `o`; returns the offset after it. */
export function putVarint(b: Uint8Array, o: number, v: number): number {
  if (v < 0x80) {
    b[o] = v;
    return o + 1;
  }
  if (v < 0x4000) {
    b[o] = 0x80 | (v >>> 7);
    b[o + 1] = v & 0x7f;
    return o + 2;
  }
  // Rowids of a national world take three or four bytes: written with 32-bit operations.
  if (v < 0x200000) {
    b[o] = 0x80 | (v >>> 14);
    b[o + 1] = 0x80 | ((v >>> 7) & 0x7f);
    b[o + 2] = v & 0x7f;
    return o + 3;
  }
  if (v < 0x10000000) {
    b[o] = 0x80 | (v >>> 21);
    b[o + 1] = 0x80 | ((v >>> 14) & 0x7f);
    b[o + 2] = 0x80 | ((v >>> 7) & 0x7f);
    b[o + 3] = v & 0x7f;
    return o + 4;
  }
  const n = varintLen(v);
  let x = v;
  for (let i = n - 1; i >= 0; i--) {
    const g = x % 0x80;
    x = Math.floor(x / 0x80);
    b[o + i] = i === n - 1 ? g : g | 0x80;
  }
  return o + n;
}

/** Writes an integer's body of `size` bytes (1, 2, 3, 4, 6 or 8), big-endian two's complement. */
export function putInt(b: Uint8Array, o: number, v: number, size: number): void {
  switch (size) {
    case 1:
      b[o] = v & 0xff;
      return;
    case 2:
      b[o] = (v >> 8) & 0xff;
      b[o + 1] = v & 0xff;
      return;
    case 3:
      b[o] = (v >> 16) & 0xff;
      b[o + 1] = (v >> 8) & 0xff;
      b[o + 2] = v & 0xff;
      return;
    case 4:
      b[o] = (v >> 24) & 0xff;
      b[o + 1] = (v >> 16) & 0xff;
      b[o + 2] = (v >> 8) & 0xff;
      b[o + 3] = v & 0xff;
      return;
    default: {
      // 6 or 8 bytes: the high part (signed) and the low 32 bits.
      const hi = Math.floor(v / 0x1_0000_0000);
      const lo = v - hi * 0x1_0000_0000;
      let p = o;
      if (size === 8) {
        b[p++] = (hi >> 24) & 0xff;
        b[p++] = (hi >> 16) & 0xff;
      }
      b[p++] = (hi >> 8) & 0xff;
      b[p++] = hi & 0xff;
      b[p] = (lo >>> 24) & 0xff;
      b[p + 1] = (lo >>> 16) & 0xff;
      b[p + 2] = (lo >>> 8) & 0xff;
      b[p + 3] = lo & 0xff;
    }
  }
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function putFloat(b: Uint8Array, o: number, v: number): void {
  f64[0] = v;
  for (let i = 0; i < 8; i++) b[o + i] = f64Bytes[littleEndian ? 7 - i : i]!;
}

/** Writes a number's body for serial type `st` (nothing for NULL, 0 and 1); returns the offset after it. */
function putValue(b: Uint8Array, o: number, v: number, st: number): number {
  if (st !== 7) return putIntOfType(b, o, v, st);
  putFloat(b, o, v);
  return o + 8;
}

/**
 * The serial type a NUMERIC column gives a number: an integral value within 64 bits is stored
 * as an integer, anything else as a float (SQLite's numeric affinity; -0 stays a float).
 */
function numericType(v: number): number {
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) return intType(v);
  return 7;
}

/** Where pages go as they are made, numbered in order: a file, or an image in memory. */
interface PageSink {
  /** The number the next page appended gets. */
  readonly next: number;
  append(page: Uint8Array): number;
}

/**
 * Pages made in memory, numbered from 2 as if they followed page 1 of a file of their own: trees
 * built apart (in another thread) and handed over whole, to be placed in a file by `placeFile`.
 */
export class ImageSink implements PageSink {
  private bytes: Buffer;
  private count = 0;
  private readonly origin = 2;

  /** `expected`: the pages the caller expects to make (room grows by half as needed). */
  constructor(expected = 1024) {
    this.bytes = Buffer.alloc(U * Math.max(16, Math.ceil(expected)));
  }

  get next(): number {
    return this.origin + this.count;
  }

  append(page: Uint8Array): number {
    if ((this.count + 1) * U > this.bytes.length) {
      const grown = Buffer.alloc(U * Math.ceil((this.bytes.length / U) * 1.5));
      grown.set(this.bytes.subarray(0, this.count * U));
      this.bytes = grown;
    }
    this.bytes.set(page, this.count * U);
    return this.origin + this.count++;
  }

  /** Drops the pages appended from page `mark` on (a table that turned out not to fit). */
  truncate(mark: number): void {
    if (mark < this.origin || mark > this.next) throw new Error(`pages: no page ${mark} to go back to`);
    this.count = mark - this.origin;
  }

  /**
   * The trees made, named by the schema rows given (type, name, table, root, SQL; roots among
   * the pages appended), with every pointer they hold found by walking them from their roots.
   */
  trees(rows: [string, string, string, number, string | null][]): CopiedTrees {
    // A view, not a copy: handing the image to another thread moves its whole buffer.
    const pages = this.bytes.subarray(0, this.count * U);
    const roots = rows.map((r) => r[3]);
    const seen = new Uint8Array(this.origin + this.count);
    const last = this.origin + this.count - 1;
    const pointers = walkTrees(pages, this.origin, this.origin, last, roots, seen, 'image', true);
    return { image: { pages, origin: this.origin, count: this.count, pointers, free: [] }, rows };
  }
}

/** Pages gathered before they are written, in one write. */
const CHUNK_PAGES = 256;

/**
 * `O_DIRECT` where the system has it, unless `HAILSHAM_DIRECT_IO=0` (for benchmarks). Written so,
 * the file's pages go from this process's buffer to the disk without first being copied into
 * the page cache. In a virtual machine whose memory the host hands out on first touch, filling
 * a gigabyte of fresh page cache costs seconds of CPU, and writing it directly, a megabyte at a
 * time, a fraction of one (figures in bench/README.md).
 */
const O_DIRECT = process.env.HAILSHAM_DIRECT_IO === '0' ? 0 : (constants.O_DIRECT ?? 0);

/** Chunks the pages are written in while the previous ones are on their way to the disk. */
const CHUNKS_BEHIND = 8;

/**
 * Chunks written around the page cache by a thread of their own (`WriteBehind`), or null where
 * the system or the file system does not allow direct writes (or no offset of a buffer meets
 * the device's alignment: nothing in JavaScript tells a buffer's address).
 */
function openBehind(path: string, buffered: number): WriteBehind | null {
  if (O_DIRECT === 0) return null;
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | O_DIRECT);
  } catch {
    return null;
  }
  const aligned = WriteBehind.aligned(fd, U * CHUNK_PAGES, CHUNKS_BEHIND, U);
  if (!aligned) {
    closeSync(fd);
    return null;
  }
  try {
    return new WriteBehind(aligned.memory, aligned.offset, U * CHUNK_PAGES, CHUNKS_BEHIND, fd, buffered);
  } catch {
    // No thread to be had: written here, through the page cache.
    closeSync(fd);
    return null;
  }
}

/** A file of pages: numbers handed out in order, written in large sequential chunks. */
class PageFile implements PageSink {
  private readonly fd: number;
  /** The thread chunks are written by, around the page cache (`openBehind`), or null. */
  private readonly behind: WriteBehind | null;
  /** The chunk being filled: the write-behind's next, or one of its own written here. */
  private chunk: Buffer;
  private chunkFirst: number;
  private chunkPages = 0;
  /** The next page number `append` hands out. */
  next: number;
  private open = true;
  /** Pages written since a sync was last started (`syncInBackground`). */
  private unsynced = 0;
  private syncing = false;

  /** Opens (creating or truncating) `path`; pages below `reservedBelow` are kept for `put`. */
  constructor(
    private readonly path: string,
    private readonly reservedBelow: number,
    directIo: boolean,
  ) {
    this.fd = openSync(path, 'w+');
    this.behind = directIo ? openBehind(path, this.fd) : null;
    this.chunk = this.behind ? this.behind.chunk() : Buffer.alloc(U * CHUNK_PAGES);
    this.next = reservedBelow;
    this.chunkFirst = reservedBelow;
  }

  /** Appends a page; returns its number. */
  append(page: Uint8Array): number {
    this.chunk.set(page, this.chunkPages * U);
    this.chunkPages++;
    if (this.chunkPages === CHUNK_PAGES) this.flush();
    return this.next++;
  }

  /**
   * Writes the first `pages` of the chunk at page `first`: handed to the write-behind thread
   * (the next chunk is then its next), or written here through the page cache.
   */
  private writeChunk(pages: number, first: number): void {
    const position = (first - 1) * U;
    if (this.behind) {
      this.behind.submit(pages * U, position);
      this.chunk = this.behind.chunk();
    } else writeAll(this.fd, this.chunk.subarray(0, pages * U), position);
  }

  /** Writes a reserved page (one below the first `append` handed out). */
  put(pageNo: number, page: Uint8Array): void {
    if (pageNo < 1 || pageNo >= this.reservedBelow) throw new Error(`pages: page ${pageNo} is not reserved`);
    writeAll(this.fd, page, (pageNo - 1) * U);
  }

  /** Writes over a page already written (after `flush`). */
  rewrite(pageNo: number, page: Uint8Array): void {
    if (pageNo < 1 || pageNo >= this.chunkFirst) throw new Error(`pages: page ${pageNo} is not written yet`);
    this.behind?.drain();
    writeAll(this.fd, page, (pageNo - 1) * U);
  }

  /** Reads back a page already appended (flushing what is buffered first). */
  read(pageNo: number): Buffer {
    if (pageNo < this.reservedBelow || pageNo >= this.next)
      throw new Error(`pages: page ${pageNo} was not appended`);
    this.flush();
    this.behind?.drain();
    const page = Buffer.alloc(U);
    let done = 0;
    while (done < U) {
      const got = readSync(this.fd, page, done, U - done, (pageNo - 1) * U + done);
      if (got === 0) throw new Error(`pages: page ${pageNo} is short`);
      done += got;
    }
    return page;
  }

  /** Writes what is buffered (with a write-behind thread: hands it over). */
  flush(): void {
    if (this.chunkPages > 0) this.writeChunk(this.chunkPages, this.chunkFirst);
    this.chunkFirst += this.chunkPages;
    this.unsynced += this.chunkPages;
    this.chunkPages = 0;
  }

  /**
   * Starts syncing what is written, in the background (on libuv's thread pool, through a
   * descriptor of its own), once `pages` or more have been written since the last start and
   * none is still going: the sync that publishes the file at the end then has little left to
   * do, and neither thread waits for the disk meanwhile. Not while the simulation runs: the
   * kernel's writeback would take time from it (bench/README.md).
   */
  syncInBackground(pages = 0): void {
    if (this.syncing || this.unsynced < pages || this.unsynced === 0) return;
    this.syncing = true;
    this.unsynced = 0;
    const fd = openSync(this.path, 'r');
    fdatasync(fd, () => {
      closeSync(fd);
      this.syncing = false;
    });
  }

  /**
   * Appends trees built apart (their pointers numbered from the image's `origin`), moving their
   * numbers to follow on from the file's; returns the number the image's first page gets.
   */
  appendImage(image: TreeImage): number {
    const base = this.next;
    relocate(image, base);
    this.flush();
    if (!this.behind) writeAll(this.fd, image.pages, (base - 1) * U);
    else
      // Through the chunks, whose memory is aligned for direct writes (the image's may not be).
      for (let done = 0; done < image.count; done += CHUNK_PAGES) {
        const pages = Math.min(CHUNK_PAGES, image.count - done);
        this.chunk.set(image.pages.subarray(done * U, (done + pages) * U));
        this.writeChunk(pages, base + done);
      }
    this.next += image.count;
    this.chunkFirst = this.next;
    return base;
  }

  /** Pages in the file. */
  get count(): number {
    return this.next - 1;
  }

  /** Whether chunks are written around the page cache (for tests). */
  get writesDirect(): boolean {
    return this.behind !== null;
  }

  /** The write-behind thread's id for the scheduler, if there is one and it is known. */
  get writerTid(): number | null {
    return this.behind?.tid ?? null;
  }

  /** Closes the file once every chunk handed over is written; throws the first write that failed. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.behind?.close();
    } finally {
      closeSync(this.fd);
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Trees built apart: their pages in order, numbered from `origin` in the pointers they hold. */
interface TreeImage {
  pages: Uint8Array;
  /** The number the first page has in the pointers the pages hold. */
  origin: number;
  count: number;
  /** Where in `pages` each page number is held (child, right-most child, overflow, chain). */
  pointers: Int32Array;
  /** The pages (counted from 0) that belong to no tree: they go on the freelist. */
  free: number[];
}

function getU32(b: Uint8Array, o: number): number {
  return b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** Moves a tree image's page numbers from origin… to base…: every pointer it holds. */
function relocate(image: TreeImage, base: number): void {
  const delta = base - image.origin;
  if (delta === 0) return;
  const b = image.pages;
  for (const o of image.pointers) putInt(b, o, getU32(b, o) + delta, 4);
}

/** A B-tree page being filled: cells from the end backwards, pointers after the header. */
class PageBuilder {
  readonly page = Buffer.alloc(U);
  cells = 0;
  content = U;

  constructor(
    private readonly flag: number,
    private readonly headerAt = 0,
  ) {}

  private get headerSize(): number {
    return this.flag === LEAF_TABLE || this.flag === LEAF_INDEX ? 8 : 12;
  }

  /** Free bytes for a cell and its pointer. */
  get free(): number {
    return this.content - (this.headerAt + this.headerSize + 2 * this.cells) - 2;
  }

  /** Reserves `size` bytes for the next cell; returns where to write it. */
  reserve(size: number): number {
    this.content -= size;
    const ptr = this.headerAt + this.headerSize + 2 * this.cells;
    this.page[ptr] = this.content >>> 8;
    this.page[ptr + 1] = this.content & 0xff;
    this.cells++;
    return this.content;
  }

  /** Completes the header (with `right`, the right-most child of an interior page). */
  seal(right = 0): Buffer {
    const p = this.page;
    const h = this.headerAt;
    p[h] = this.flag;
    p[h + 1] = 0;
    p[h + 2] = 0;
    p[h + 3] = this.cells >>> 8;
    p[h + 4] = this.cells & 0xff;
    p[h + 5] = (this.content >>> 8) & 0xff;
    p[h + 6] = this.content & 0xff;
    p[h + 7] = 0;
    if (this.headerSize === 12) putInt(p, h + 8, right, 4);
    // The gap between the pointers and the cells: zeros, so a file is the same on every run.
    p.fill(0, h + this.headerSize + 2 * this.cells, this.content);
    return p;
  }

  reset(): void {
    this.cells = 0;
    this.content = U;
  }
}

/**
 * Lays the interior levels of a B-tree over its children (page numbers, in key order) and the
 * dividers between them (the bytes after each interior cell's child pointer); returns the top
 * page (a copy), for the caller to put where the schema says the root is. At least two children.
 */
function buildInterior(sink: PageSink, flag: number, children: number[], dividers: Uint8Array[]): Buffer {
  let kids = children;
  let divs = dividers;
  const b = new PageBuilder(flag);
  // One level at a time, each pass in a function of its own (see countingSort).
  for (;;) {
    const ranges = interiorRanges(divs, kids.length);
    if (ranges.length === 2) return Buffer.from(interiorPage(b, kids, divs, ranges[0]!, ranges[1]!));
    const level = layInterior(sink, b, kids, divs, ranges);
    kids = level.pages;
    divs = level.up;
  }
}

/**
 * How `m` children are shared among the pages of one interior level: page p takes children
 * [ranges[2p], ranges[2p + 1]], cells for all but the last, which is its right child. A last
 * page with no cell (one child) takes the previous page's last one.
 */
function interiorRanges(divs: Uint8Array[], m: number): Int32Array {
  const ranges: number[] = [];
  let start = 0;
  while (start < m) {
    let used = 12;
    let j = start;
    while (j < m - 1 && used + 6 + divs[j]!.length <= U) {
      used += 6 + divs[j]!.length;
      j++;
    }
    ranges.push(start, j);
    start = j + 1;
  }
  const k = ranges.length;
  if (k > 2 && ranges[k - 2] === ranges[k - 1]) {
    ranges[k - 3]!--;
    ranges[k - 2]!--;
  }
  return Int32Array.from(ranges);
}

/** The interior page over children [s, e] (cells for s..e-1, `e` its right child), in `b`. */
function interiorPage(b: PageBuilder, kids: number[], divs: Uint8Array[], s: number, e: number): Buffer {
  b.reset();
  for (let j = s; j < e; j++) {
    const d = divs[j]!;
    const at = b.reserve(4 + d.length);
    putInt(b.page, at, kids[j]!, 4);
    b.page.set(d, at + 4);
  }
  return b.seal(kids[e]);
}

/** Writes one level's pages (not the top); returns them and the dividers between them. */
function layInterior(
  sink: PageSink,
  b: PageBuilder,
  kids: number[],
  divs: Uint8Array[],
  ranges: Int32Array,
): { pages: number[]; up: Uint8Array[] } {
  const m = kids.length;
  const pages: number[] = [];
  const up: Uint8Array[] = [];
  for (let r = 0; r < ranges.length; r += 2) {
    const e = ranges[r + 1]!;
    pages.push(sink.append(interiorPage(b, kids, divs, ranges[r]!, e)));
    if (e < m - 1) up.push(divs[e]!);
  }
  return { pages, up };
}

/** A table B-tree filled in rowid order: leaves as they fill, overflow chains for long rows. */
export class TableTree {
  readonly leaf = new PageBuilder(LEAF_TABLE);
  private readonly leaves: number[] = [];
  private readonly leafLast: number[] = [];
  private lastRowid = -Infinity;

  constructor(private readonly sink: PageSink) {}

  /** Reserves a cell of `size` bytes for `rowid` (the leaf is sealed first when full); returns its offset. */
  cell(size: number, rowid: number): number {
    if (rowid <= this.lastRowid) throw new Error(`pages: rowid ${rowid} after ${this.lastRowid}`);
    if (size + 2 > this.leaf.free) this.flush();
    this.lastRowid = rowid;
    return this.leaf.reserve(size);
  }

  /**
   * Reserves the cell of a row whose record (`payload` bytes, not overflowing) has the serial
   * types `types` in a header of `headerLen` bytes, and writes the sizes, the rowid and that
   * header; returns where the values go, in `leaf.page`.
   */
  record(payload: number, rowid: number, headerLen: number, types: Int32Array): number {
    const p = this.leaf.page;
    let o = this.cell(varintLen(payload) + varintLen(rowid) + payload, rowid);
    o = putVarint(p, o, payload);
    o = putVarint(p, o, rowid);
    o = putVarint(p, o, headerLen);
    for (let c = 0; c < types.length; c++) o = putVarint(p, o, types[c]!);
    return o;
  }

  /** Adds a row whose record is `payload`; a payload too long for one page overflows. */
  add(rowid: number, payload: Uint8Array): void {
    const n = payload.length;
    const p = this.leaf.page;
    if (n <= TABLE_MAX_LOCAL) {
      let o = this.cell(varintLen(n) + varintLen(rowid) + n, rowid);
      o = putVarint(p, o, n);
      o = putVarint(p, o, rowid);
      p.set(payload, o);
      return;
    }
    const k = TABLE_MIN_LOCAL + ((n - TABLE_MIN_LOCAL) % OVERFLOW_CONTENT);
    const local = k <= TABLE_MAX_LOCAL ? k : TABLE_MIN_LOCAL;
    const cellSize = varintLen(n) + varintLen(rowid) + local + 4;
    // Seal a full leaf before the chain takes its page numbers, in order.
    if (cellSize + 2 > this.leaf.free) this.flush();
    const chain = Math.ceil((n - local) / OVERFLOW_CONTENT);
    const first = this.sink.next;
    const page = Buffer.alloc(U);
    for (let i = 0; i < chain; i++) {
      page.fill(0);
      putInt(page, 0, i + 1 < chain ? first + i + 1 : 0, 4);
      const from = local + i * OVERFLOW_CONTENT;
      page.set(payload.subarray(from, Math.min(n, from + OVERFLOW_CONTENT)), 4);
      this.sink.append(page);
    }
    let o = this.cell(cellSize, rowid);
    o = putVarint(p, o, n);
    o = putVarint(p, o, rowid);
    p.set(payload.subarray(0, local), o);
    putInt(p, o + local, first, 4);
  }

  private flush(): void {
    if (this.leaf.cells === 0) return;
    this.leaves.push(this.sink.append(this.leaf.seal()));
    this.leafLast.push(this.lastRowid);
    this.leaf.reset();
  }

  /** Completes the tree; returns its root page (a copy): the only leaf, or the top interior page. */
  finish(): Buffer {
    if (this.leaves.length === 0) return Buffer.from(this.leaf.seal());
    this.flush();
    const dividers = this.leafLast.slice(0, -1).map((r) => {
      const d = new Uint8Array(varintLen(r));
      putVarint(d, 0, r);
      return d;
    });
    return buildInterior(this.sink, INTERIOR_TABLE, this.leaves, dividers);
  }
}

/**
 * A growing column of 32-bit integers, kept as the batches' copies: it is read only when an
 * index is sorted whole at the end (rare), so it is joined into one array only then, and
 * growing it never copies what it holds nor leaves old arrays behind.
 */
class Column {
  private chunks: Int32Array[] = [];
  private length = 0;
  push(from: Int32Array, n: number, at: number): void {
    if (at !== this.length) throw new Error(`pages: a column of ${this.length} values given more at ${at}`);
    this.chunks.push(from.slice(0, n));
    this.length += n;
  }

  /** The values, in one array. */
  get data(): Int32Array {
    if (this.chunks.length !== 1) {
      const all = new Int32Array(this.length);
      let at = 0;
      for (const c of this.chunks) {
        all.set(c, at);
        at += c.length;
      }
      this.chunks = [all];
    }
    return this.chunks[0] ?? new Int32Array(0);
  }
}

/** One index of the events: its name, its SQL, its key columns and whether nulls are left out. */
export interface IndexSpec {
  name: string;
  sql: string;
  columns: readonly EventColumn[];
  /** Rows whose first key column is null are not in the index (`WHERE c IS NOT NULL`). */
  partial: boolean;
}

export type EventColumn = 'day' | 'type' | 'person' | 'other' | 'place' | 'cause';
const NULLABLE: Record<EventColumn, boolean> = {
  day: false,
  type: false,
  person: true,
  other: true,
  place: true,
  cause: true,
};

/**
 * Reads the index declarations this writer can build: `CREATE INDEX n ON events(a[, b])`,
 * optionally `WHERE a IS NOT NULL`, over integer columns. Anything else is refused, so a change
 * to the declared indexes cannot silently write a wrong file.
 */
export function indexSpec(sql: string): IndexSpec {
  const m = /^CREATE INDEX (\w+) ON events\(([a-z_, ]+)\)(?: WHERE (\w+) IS NOT NULL)?$/.exec(sql);
  if (!m) throw new Error(`pages: cannot build the index '${sql}' directly`);
  const columns = m[2]!.split(',').map((c) => c.trim()) as EventColumn[];
  for (const c of columns)
    if (!(c in NULLABLE)) throw new Error(`pages: the index '${m[1]}' is on '${c}', not an integer column`);
  if (m[3] !== undefined && m[3] !== columns[0])
    throw new Error(`pages: the index '${m[1]}' leaves out nulls of a column it does not start with`);
  return { name: m[1]!, sql, columns, partial: m[3] !== undefined };
}

/** A payload shape's text before and after its number, as bytes, and their length together. */
interface ShapeBytes {
  before: Buffer;
  after: Buffer;
  length: number;
}

/** Whether `day[0, n)` never goes back, from `lastDay` on. */
function daysInOrder(day: Int32Array, n: number, lastDay: number): boolean {
  let last = lastDay;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < last) return false;
    last = d;
  }
  return true;
}

/**
 * Writes a batch's rows into the table's leaves. A shaped payload (`EventBatch.shape`, when
 * `shapes` is given) is written from its shape's bytes and its number, so no text is made for
 * it. One loop and nothing after it: the function is compiled while the loop runs, and code
 * after a loop has not run by then (see countingSort).
 */
function layEventRows(table: TableTree, b: EventBatch, shapes: (ShapeBytes | undefined)[] | null): void {
  const n = b.count;
  const { day, type, person, other, place, value, cause, data } = b;
  const shape = shapes ? b.shape! : null;
  const shapeArg = b.shapeArg ?? null;
  const p = table.leaf.page;
  for (let i = 0; i < n; i++) {
    const rowid = b.firstId + i;
    const d = day[i]!;
    const ty = type[i]!;
    const pe = person[i]!;
    const ot = other[i]!;
    const pl = place[i]!;
    const va = value[i]!;
    const ca = cause[i]!;
    const k = shape === null ? 0 : shape[i]!;
    let text: string | null = null;
    let textLen = 0;
    let arg = 0;
    if (k !== 0) {
      arg = shapeArg![i]!;
      textLen = shapes![k]!.length + decimalLen(arg);
    } else {
      text = data[i] ?? null;
      if (text !== null) textLen = Buffer.byteLength(text, 'utf8');
    }
    // id is the rowid, stored as NULL in the record.
    const t1 = intType(d);
    const t2 = intType(ty);
    const t3 = pe === NONE ? 0 : intType(pe);
    const t4 = ot === NONE ? 0 : intType(ot);
    const t5 = pl === NONE ? 0 : intType(pl);
    const t6 = va === NONE || va !== va ? 0 : numericType(va);
    const t7 = ca === NONE ? 0 : intType(ca);
    const t8 = k === 0 && text === null ? 0 : 2 * textLen + 13;
    const headerLen = 9 + varintLen(t8);
    const payload =
      headerLen +
      textLen +
      SERIAL_SIZE[t1]! +
      SERIAL_SIZE[t2]! +
      SERIAL_SIZE[t3]! +
      SERIAL_SIZE[t4]! +
      SERIAL_SIZE[t5]! +
      SERIAL_SIZE[t6]! +
      SERIAL_SIZE[t7]!;
    let q: Uint8Array = p;
    let o: number;
    if (payload > TABLE_MAX_LOCAL) {
      // A row too long for one page: the record is made whole, then split over overflow pages.
      q = Buffer.alloc(payload);
      o = 0;
    } else {
      o = table.cell(varintLen(payload) + varintLen(rowid) + payload, rowid);
      o = putVarint(p, o, payload);
      o = putVarint(p, o, rowid);
    }
    q[o] = headerLen;
    q[o + 1] = 0;
    q[o + 2] = t1;
    q[o + 3] = t2;
    q[o + 4] = t3;
    q[o + 5] = t4;
    q[o + 6] = t5;
    q[o + 7] = t6;
    q[o + 8] = t7;
    o = putVarint(q, o + 9, t8);
    o = putValue(q, o, d, t1);
    o = putValue(q, o, ty, t2);
    o = putValue(q, o, pe, t3);
    o = putValue(q, o, ot, t4);
    o = putValue(q, o, pl, t5);
    o = putValue(q, o, va, t6);
    o = putValue(q, o, ca, t7);
    if (k !== 0) {
      const parts = shapes![k]!;
      o = putBytes(q, o, parts.before);
      o = putDecimal(q, o, arg);
      putBytes(q, o, parts.after);
    } else if (text !== null) (q as Buffer).write(text, o, textLen, 'utf8');
    if (q !== p) table.add(rowid, q);
  }
}

/**
 * The events table and its indexes, written as pages. Feed it batches in id order with `add`,
 * then `finish` writes the indexes, the schema and the header; the file is then a database
 * SQLite can open and extend.
 */
export class EventPages {
  private readonly file: PageFile;
  private readonly table: TableTree;
  private rows = 0;
  private dayOrdered = true;
  private lastDay = -Infinity;
  private readonly cols: Record<EventColumn, Column> = {
    day: new Column(),
    type: new Column(),
    person: new Column(),
    other: new Column(),
    place: new Column(),
    cause: new Column(),
  };
  private firstRowid = -1;
  /** Payload shapes seen so far, as bytes (index 0 unused). */
  private readonly shapes: (ShapeBytes | undefined)[] = [undefined];
  private readonly specs: IndexSpec[];
  /** Per index, the one laid down as the events arrive, if it is. */
  private readonly streamed: (StreamedIndex | null)[];
  /** Per index, the one bucketed as the events arrive, if it is. */
  private readonly bucketed: (BucketedIndex | null)[];
  private readonly tableRoot = 2;
  /** Pages of no tree, listed on the freelist when the file is sealed. */
  private readonly free: number[] = [];
  /** The schema table's rows: type, name, table, root page, SQL. */
  private readonly schema: [string, string, string, number, string | null][] = [];

  /**
   * @param tableSql the events table's `CREATE TABLE` statement, as the schema records it
   * @param indexes its indexes' `CREATE INDEX` statements
   */
  constructor(
    path: string,
    tableSql: string,
    indexes: readonly string[],
    private readonly header: { userVersion: number; applicationId: number },
    options: {
      /** Events a bucket must go without an entry before it is laid down (tests make it small). */
      quietRows?: number;
      /** Whether pages may be written around the page cache (`O_DIRECT`, on by default). */
      directIo?: boolean;
    } = {},
  ) {
    const quietRows = options.quietRows ?? QUIET_ROWS;
    this.specs = indexes.map(indexSpec);
    this.file = new PageFile(path, 3 + this.specs.length, options.directIo ?? true);
    this.table = new TableTree(this.file);
    this.streamed = this.specs.map((spec) => {
      const [key, second] = spec.columns;
      return spec.columns.length === 2 && second === 'day' && !spec.partial && STREAMED_KEYS.has(key!)
        ? new StreamedIndex(this.file, key!, NULLABLE[key!])
        : null;
    });
    this.bucketed = this.specs.map((spec, i) => {
      const [key, second] = spec.columns;
      if (this.streamed[i] || (spec.columns.length === 2 && second !== 'day') || spec.columns.length > 2)
        return null;
      return new BucketedIndex(
        this.file,
        key!,
        spec.columns.length === 2,
        spec.partial,
        NULLABLE[key!],
        quietRows,
      );
    });
    this.schema.push(['table', 'events', 'events', this.tableRoot, tableSql]);
    this.specs.forEach((spec, i) => this.schema.push(['index', spec.name, 'events', 3 + i, spec.sql]));
  }

  /** Whether the pages are written around the page cache (`O_DIRECT`; for tests). */
  get writesDirect(): boolean {
    return this.file.writesDirect;
  }

  /** The id for the scheduler of the thread that writes the pages, if one does (`WriteBehind`). */
  get writerTid(): number | null {
    return this.file.writerTid;
  }

  /**
   * Per bucketed index, the entries laid down while the events arrived so far, or -1 where the
   * index fell back to one sort at the end (for tests and traces).
   */
  laidEarly(): Record<string, number> {
    const out: Record<string, number> = {};
    this.bucketed.forEach((bi, i) => {
      if (bi) out[this.specs[i]!.name] = bi.failed ? -1 : bi.laidEarly;
    });
    return out;
  }

  /** Closes the file unfinished (a run abandoned); the caller removes it. */
  close(): void {
    this.file.close();
  }

  /** Appends a batch of events (ids following on from the last batch's). */
  add(b: EventBatch): void {
    const n = b.count;
    if (n === 0) return;
    if (this.firstRowid < 0) this.firstRowid = b.firstId;
    if (b.firstId !== this.firstRowid + this.rows)
      throw new Error(
        `pages: events out of order (id ${b.firstId} after ${this.firstRowid + this.rows - 1})`,
      );
    for (const c of Object.keys(this.cols) as EventColumn[]) this.cols[c].push(b[c], n, this.rows);
    this.dayOrdered = this.addRows(b) && this.dayOrdered;
    for (const st of this.streamed) {
      if (!st) continue;
      // Streaming needs each key's entries in order, so days in order.
      if (!this.dayOrdered) st.failed = true;
      st.add(b[st.column], b.day, n, b.firstId);
    }
    for (const bi of this.bucketed) {
      if (!bi) continue;
      // Within a key, entries must arrive in key order: by day too for a (k, day) index.
      if (!this.dayOrdered && bi.withDay) bi.failed = true;
      bi.add(b[bi.column], b.day, n, this.rows);
    }
    this.rows += n;
    for (const bi of this.bucketed) bi?.advance(this.rows, this.firstRowid);
  }

  /**
   * Writes the batch's rows into the table's leaves; returns false if a day came before the one
   * ahead of it.
   */
  private addRows(b: EventBatch): boolean {
    const shapes = b.shapes && b.shape && b.shapeArg ? this.shapeBytes(b.shapes) : null;
    const ordered = daysInOrder(b.day, b.count, this.lastDay);
    if (b.count > 0) this.lastDay = b.day[b.count - 1]!;
    layEventRows(this.table, b, shapes);
    return ordered;
  }

  /** Each payload shape's text before and after its number, as bytes (made once per shape). */
  private shapeBytes(shapes: readonly (readonly [string, string])[]): (ShapeBytes | undefined)[] {
    const known = this.shapes;
    for (let k = known.length; k < shapes.length; k++) {
      const before = Buffer.from(shapes[k]![0], 'utf8');
      const after = Buffer.from(shapes[k]![1], 'utf8');
      known.push({ before, after, length: before.length + after.length });
    }
    return known;
  }

  /**
   * Completes the table and builds every index; the file stays open for `placeFile` and
   * `seal`. `stop` is asked between indexes (an abandoned run throws there).
   */
  finish(stop: () => void = () => undefined): void {
    try {
      this.file.put(this.tableRoot, this.table.finish());
      for (const [name, n] of Object.entries(this.laidEarly())) trace(`laid-early ${name}:${n}`);
      for (let i = 0; i < this.specs.length; i++) {
        stop();
        const st = this.streamed[i];
        const bi = this.bucketed[i];
        if (st && !st.failed) this.file.put(3 + i, st.finish(this.free));
        else if (bi && !bi.failed) this.file.put(3 + i, bi.finish(this.firstRowid, this.free));
        else {
          if (st) this.free.push(...st.written());
          if (bi) this.free.push(...bi.written());
          this.file.put(3 + i, this.buildIndex(this.specs[i]!));
        }
        trace(`index ${this.specs[i]!.name}`);
        this.file.flush();
        this.file.syncInBackground();
      }
      this.file.flush();
    } catch (e) {
      this.file.close();
      throw e;
    }
  }

  /** Places every tree of another database file (`readTrees`) and names them in the schema. */
  placeFile(copied: CopiedTrees): void {
    const base = this.file.appendImage(copied.image);
    this.file.syncInBackground();
    for (const i of copied.image.free) this.free.push(base + i);
    for (const [type, name, table, root, sql] of copied.rows)
      this.schema.push([type, name, table, root > 0 ? base + root - copied.image.origin : 0, sql]);
  }

  /** Writes the schema and the header on page 1 and closes the file, which is then complete. */
  seal(): void {
    try {
      this.file.flush();
      this.writeFirstPage();
    } finally {
      this.file.close();
    }
  }

  /**
   * The index's entries in key order: the rows' positions (0-based) and each key column's
   * values, gathered in the last sorting pass so the encoding reads them in sequence. Counting
   * sorts, stable, from the last key column to the first; days arrive in order, so a pass by a
   * last key column of days is not needed.
   */
  private sorted(spec: IndexSpec): SortedEntries {
    const n = this.rows;
    const first = this.cols[spec.columns[0]!].data;
    let order: Int32Array;
    if (spec.partial) {
      let m = 0;
      for (let i = 0; i < n; i++) if (first[i] !== NONE) m++;
      order = new Int32Array(m);
      m = 0;
      for (let i = 0; i < n; i++) if (first[i] !== NONE) order[m++] = i;
    } else {
      order = new Int32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
    }
    const last = spec.columns.length - 1;
    for (let c = last; c > 0; c--) {
      const col = spec.columns[c]!;
      if (col === 'day' && this.dayOrdered && c === last) continue;
      order = countingSort(order, this.cols[col].data, NULLABLE[col], []).rows;
    }
    const keyCols = spec.columns.map((c) => this.cols[c].data);
    return countingSort(order, keyCols[0]!, NULLABLE[spec.columns[0]!], keyCols.slice(1));
  }

  private buildIndex(spec: IndexSpec): Buffer {
    const { rows, keys } = this.sorted(spec);
    const nullable = spec.columns.map((c) => NULLABLE[c]);
    if (keys.length === 1)
      return encodeIndex(this.file, rows, this.firstRowid, keys[0]!, nullable[0]!, null, false);
    return encodeIndex(this.file, rows, this.firstRowid, keys[0]!, nullable[0]!, keys[1]!, nullable[1]!);
  }

  /** Page 1: the database header and the schema table naming each tree's root. */
  private writeFirstPage(): void {
    // The schema's records: type, name, table, root page, SQL (NULL for an index SQLite made for
    // a UNIQUE constraint).
    // Tables before indexes: SQLite reads the schema in order, and an index must follow its table.
    const entries = [
      ...this.schema.filter((e) => e[0] === 'table'),
      ...this.schema.filter((e) => e[0] !== 'table'),
    ];
    const records = entries.map(([type, name, table, root, sql]) => {
      const texts = [type, name, table].map((t) => Buffer.from(t, 'utf8'));
      const sqlText = sql === null ? null : Buffer.from(sql, 'utf8');
      const rootType = intType(root);
      const header = [
        ...texts.map((t) => 2 * t.length + 13),
        rootType,
        sqlText ? 2 * sqlText.length + 13 : 0,
      ];
      const headerLen = 1 + header.reduce((n, t) => n + varintLen(t), 0);
      const body = texts.reduce((n, t) => n + t.length, 0) + SERIAL_SIZE[rootType]! + (sqlText?.length ?? 0);
      const rec = Buffer.alloc(headerLen + body);
      let o = putVarint(rec, 0, headerLen);
      for (const t of header) o = putVarint(rec, o, t);
      for (const t of texts) o += t.copy(rec, o);
      putInt(rec, o, root, SERIAL_SIZE[rootType]!);
      o += SERIAL_SIZE[rootType]!;
      sqlText?.copy(rec, o);
      return rec;
    });
    // On page 1 if they fit (after the 100-byte file header); otherwise page 1 is the interior
    // root over leaves of their own.
    let page = new PageBuilder(LEAF_TABLE, 100);
    const fits =
      records.reduce((n, r) => n + 2 + varintLen(r.length) + varintLen(records.length) + r.length, 0) <=
        page.free + 2 && records.every((r) => r.length <= TABLE_MAX_LOCAL);
    if (fits)
      records.forEach((rec, i) => {
        let o = page.reserve(varintLen(rec.length) + varintLen(i + 1) + rec.length);
        o = putVarint(page.page, o, rec.length);
        o = putVarint(page.page, o, i + 1);
        page.page.set(rec, o);
      });
    else {
      if (records.some((r) => r.length > TABLE_MAX_LOCAL))
        throw new Error('pages: a schema entry is too long for one page');
      // Leaves of their own (at least two, so page 1 has a cell), then page 1 as the interior root.
      const leaves: number[] = [];
      const lastRowids: number[] = [];
      const leaf = new PageBuilder(LEAF_TABLE);
      const half = Math.ceil(records.length / 2);
      records.forEach((rec, i) => {
        const size = varintLen(rec.length) + varintLen(i + 1) + rec.length;
        if (leaf.cells > 0 && (size + 2 > leaf.free || (i === half && leaves.length === 0))) {
          leaves.push(this.file.append(leaf.seal()));
          lastRowids.push(i);
          leaf.reset();
        }
        let o = leaf.reserve(size);
        o = putVarint(leaf.page, o, rec.length);
        o = putVarint(leaf.page, o, i + 1);
        leaf.page.set(rec, o);
      });
      leaves.push(this.file.append(leaf.seal()));
      page = new PageBuilder(INTERIOR_TABLE, 100);
      for (let j = 0; j < leaves.length - 1; j++) {
        const at = page.reserve(4 + varintLen(lastRowids[j]!));
        putInt(page.page, at, leaves[j]!, 4);
        putVarint(page.page, at + 4, lastRowids[j]!);
      }
      this.file.flush();
      return this.putHeader(page.seal(leaves[leaves.length - 1]));
    }
    this.file.flush();
    this.putHeader(page.seal());
  }

  /**
   * Lists the free pages on trunk pages (each the next trunk's number, a count, and up to
   * 1022 free leaf pages); returns the first trunk, or 0 when there are none.
   */
  private writeFreelist(): number {
    const per = (U - 8) / 4;
    const trunks: number[][] = [];
    for (let i = 0; i < this.free.length; i += per + 1) trunks.push(this.free.slice(i, i + per + 1));
    const page = Buffer.alloc(U);
    trunks.forEach((group, t) => {
      page.fill(0);
      putInt(page, 0, t + 1 < trunks.length ? trunks[t + 1]![0]! : 0, 4);
      putInt(page, 4, group.length - 1, 4);
      group.slice(1).forEach((leaf, j) => putInt(page, 8 + 4 * j, leaf, 4));
      this.file.rewrite(group[0]!, page);
    });
    return trunks.length > 0 ? trunks[0]![0]! : 0;
  }

  /** Completes page 1 with the file header and writes it. */
  private putHeader(p: Buffer): void {
    p.write('SQLite format 3\0', 0, 'latin1');
    p[16] = U >>> 8;
    p[17] = U & 0xff;
    p[18] = 1; // file format write version: rollback journal
    p[19] = 1; // read version
    p[20] = 0; // reserved bytes per page
    p[21] = 64;
    p[22] = 32;
    p[23] = 32;
    putInt(p, 24, 1, 4); // change counter
    putInt(p, 28, this.file.count, 4); // pages
    putInt(p, 32, this.writeFreelist(), 4); // freelist trunk
    putInt(p, 36, this.free.length, 4); // free pages
    putInt(p, 40, 1, 4); // schema cookie
    putInt(p, 44, 4, 4); // schema format
    putInt(p, 48, 0, 4); // default cache size
    putInt(p, 52, 0, 4); // no auto-vacuum
    putInt(p, 56, 1, 4); // UTF-8
    putInt(p, 60, this.header.userVersion, 4);
    putInt(p, 64, 0, 4);
    putInt(p, 68, this.header.applicationId, 4);
    p.fill(0, 72, 92);
    putInt(p, 92, 1, 4); // the page count above is valid for change 1
    putInt(p, 96, 3_046_000, 4);
    this.file.put(1, p);
  }
}

/**
 * Lays an index's entries (in key order: rows, one or two key columns) into leaf pages, each
 * entry a record of its keys and the rowid, then the interior pages over them, the top at
 * the top returned. When a leaf is full, the next entry goes up into the interior as the divider between
 * it and the next leaf (an index B-tree holds each entry once).
 */
function encodeIndex(
  sink: PageFile,
  rows: Int32Array,
  firstRowid: number,
  a: Int32Array,
  aNullable: boolean,
  b: Int32Array | null,
  bNullable: boolean,
): Buffer {
  const n = rows.length;
  const page = Buffer.alloc(U);
  const leaves: number[] = [];
  const dividers: Uint8Array[] = [];
  const headerEnd = 8;
  let cells = 0;
  let content = U;
  let lastSize = 0;
  const fields = b ? 3 : 2;
  const seal = (): Buffer => {
    page[0] = LEAF_INDEX;
    page[1] = 0;
    page[2] = 0;
    page[3] = cells >>> 8;
    page[4] = cells & 0xff;
    page[5] = content >>> 8;
    page[6] = content & 0xff;
    page[7] = 0;
    page.fill(0, headerEnd + 2 * cells, content);
    return page;
  };
  const scratch = new Uint8Array(64);
  for (let e = 0; e < n; e++) {
    const va = a[e]!;
    const ta = aNullable && va === NONE ? 0 : intType(va);
    const vb = b ? b[e]! : 0;
    const tb = b ? (bNullable && vb === NONE ? 0 : intType(vb)) : 0;
    const rowid = firstRowid + rows[e]!;
    const tr = intType(rowid);
    const payload = 1 + fields + SERIAL_SIZE[ta]! + SERIAL_SIZE[tb]! + SERIAL_SIZE[tr]!;
    const cellSize = 1 + payload;
    if (cellSize + 2 > content - headerEnd - 2 * cells) {
      if (e < n - 1) {
        // This entry goes up, between the full leaf and the next.
        putIndexEntry(scratch, 0, payload, fields, ta, va, tb, vb, tr, rowid);
        dividers.push(scratch.slice(0, cellSize));
        leaves.push(sink.append(seal()));
        cells = 0;
        content = U;
        continue;
      }
      // The last entry: the full leaf's own last entry goes up instead, so no leaf is empty.
      dividers.push(new Uint8Array(page.subarray(content, content + lastSize)));
      content += lastSize;
      cells--;
      leaves.push(sink.append(seal()));
      cells = 0;
      content = U;
    }
    content -= cellSize;
    page[headerEnd + 2 * cells] = content >>> 8;
    page[headerEnd + 2 * cells + 1] = content & 0xff;
    cells++;
    lastSize = cellSize;
    putIndexEntry(page, content, payload, fields, ta, va, tb, vb, tr, rowid);
  }
  if (leaves.length === 0) return Buffer.from(seal());
  leaves.push(sink.append(seal()));
  return buildInterior(sink, INTERIOR_INDEX, leaves, dividers);
}

/** Writes an index cell: the payload's size, the record's header, the keys and the rowid. */
function putIndexEntry(
  p: Uint8Array,
  at: number,
  payload: number,
  fields: number,
  ta: number,
  va: number,
  tb: number,
  vb: number,
  tr: number,
  rowid: number,
): void {
  let o = at;
  p[o++] = payload;
  p[o++] = fields + 1;
  p[o++] = ta;
  if (fields === 3) p[o++] = tb;
  p[o++] = tr;
  o = putIntOfType(p, o, va, ta);
  if (fields === 3) o = putIntOfType(p, o, vb, tb);
  putIntOfType(p, o, rowid, tr);
}

/**
 * Writes an integer's body for its serial type `t` (nothing for NULL, 0 and 1); returns the
 * offset after it. The short sizes, all an index entry ever has here, are written in place
 * (a typed array's store keeps a number's low byte): this runs for every entry of every index.
 */
export function putIntOfType(b: Uint8Array, o: number, v: number, t: number): number {
  switch (t) {
    case 1:
      b[o] = v;
      return o + 1;
    case 2:
      b[o] = v >> 8;
      b[o + 1] = v;
      return o + 2;
    case 3:
      b[o] = v >> 16;
      b[o + 1] = v >> 8;
      b[o + 2] = v;
      return o + 3;
    case 4:
      b[o] = v >> 24;
      b[o + 1] = v >> 16;
      b[o + 2] = v >> 8;
      b[o + 3] = v;
      return o + 4;
    case 5:
    case 6:
      putInt(b, o, v, SERIAL_SIZE[t]!);
      return o + SERIAL_SIZE[t]!;
    default:
      return o;
  }
}

/** The first key columns whose values are few (event types, places): their indexes are laid down as the events arrive. */
const STREAMED_KEYS: ReadonlySet<EventColumn> = new Set(['type', 'place']);
/** Values of such a column past this (or below 0) end the streaming: the index is built at the end instead. */
const MAX_STREAMS = 1 << 16;

/** One key value's part of a streamed index: the leaf being filled, the leaves written and the entries between them. */
interface KeyStream {
  page: Buffer;
  cells: number;
  content: number;
  leaves: number[];
  /** `dividers[j]` follows `leaves[j]` in key order (the entry that did not fit in it). */
  dividers: Uint8Array[];
}

/**
 * An index on `(k, day)` whose `k` takes few values, laid down while the events arrive. Within
 * one value of `k` entries arrive in key order (days in order, then ids), so each value keeps a
 * leaf of its own; when it is full it is written and the entry that did not fit is kept to go
 * up into the interior, as in `encodeIndex`. At the end the values are taken in key order: their
 * written leaves stay as they are, the entries left over (each value's last, partly filled leaf
 * and its last divider) are laid into leaves between them (`assembleIndex`), and the interior is
 * built over all of them. Only a few pages' worth of entries are handled at the end.
 */
class StreamedIndex {
  private readonly streams: (KeyStream | undefined)[] = [];
  private nullStream: KeyStream | null = null;
  /** Set when a value could not be streamed (or days came out of order): build at the end instead. */
  failed = false;

  constructor(
    private readonly file: PageFile,
    readonly column: EventColumn,
    private readonly nullable: boolean,
  ) {}

  private static stream(): KeyStream {
    return { page: Buffer.alloc(U), cells: 0, content: U, leaves: [], dividers: [] };
  }

  /** Adds a batch's entries: `keys` and `days` its columns, ids from `firstRowid`. */
  add(keys: Int32Array, days: Int32Array, n: number, firstRowid: number): void {
    if (this.failed) return;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      let st: KeyStream;
      let tk: number;
      if (this.nullable && k === NONE) {
        st = this.nullStream ??= StreamedIndex.stream();
        tk = 0;
      } else {
        if (!(k >= 0 && k < MAX_STREAMS)) {
          this.failed = true;
          return;
        }
        st = this.streams[k] ??= StreamedIndex.stream();
        tk = intType(k);
      }
      const day = days[i]!;
      const td = intType(day);
      const rowid = firstRowid + i;
      const tr = intType(rowid);
      const payload = 4 + SERIAL_SIZE[tk]! + SERIAL_SIZE[td]! + SERIAL_SIZE[tr]!;
      const cellSize = 1 + payload;
      if (cellSize + 2 > st.content - 8 - 2 * st.cells) {
        // The leaf is full: it is written, and this entry goes up after it.
        st.leaves.push(this.file.append(sealIndexLeaf(st.page, st.cells, st.content)));
        const d = new Uint8Array(cellSize);
        putIndexEntry(d, 0, payload, 3, tk, k, td, day, tr, rowid);
        st.dividers.push(d);
        st.cells = 0;
        st.content = U;
        continue;
      }
      st.content -= cellSize;
      st.page[8 + 2 * st.cells] = st.content >>> 8;
      st.page[8 + 2 * st.cells + 1] = st.content & 0xff;
      st.cells++;
      putIndexEntry(st.page, st.content, payload, 3, tk, k, td, day, tr, rowid);
    }
  }

  /** The pages written so far (freed when the index is built at the end instead). */
  written(): number[] {
    const all = [this.nullStream, ...this.streams];
    return all.flatMap((st) => st?.leaves ?? []);
  }

  /** Completes the index; returns its root page. Pages it frees are added to `free`. */
  finish(free: number[]): Buffer {
    const tokens: IndexToken[] = [];
    for (const st of [this.nullStream, ...this.streams]) {
      if (!st) continue;
      st.leaves.forEach((leaf, j) => tokens.push(leaf, st.dividers[j]!));
      tokens.push(...leafEntries(st.page, st.cells));
    }
    return assembleIndex(this.file, tokens, free);
  }
}

/** Keys a bucket of a `BucketedIndex` holds (a power of two). */
const BUCKET_BITS = 10;
/** Keys past this (or below 0, but for null) end the bucketing: the index is sorted whole at the end. */
const MAX_BUCKETED_KEY = 1 << 27;
/**
 * Events that must pass without an entry for a bucket (and for none below it) before the bucket
 * is taken as complete and laid down while the events still arrive: about eight batches.
 */
const QUIET_ROWS = 1 << 19;

/**
 * An index on `(k)` or `(k, day)` whose `k` takes many values (people, events), sorted partly
 * while the events arrive: each entry goes into the bucket of its key's 1,024, in arrival order
 * (so in order of day and id within a key). A bucket is sorted by counting on its own, in the
 * cache, and its entries laid into leaves in key order: while the events arrive, once it and
 * every bucket below it have had no entry for a while (`QUIET_ROWS`: the people of a bucket have
 * completed, the events of a bucket have had their consequences), the rest at the end. An entry
 * for a bucket already laid down (a key that came back) makes the index fall back to one sort
 * at the end (`failed`); the leaves written are then freed. Nulls (when the index holds them)
 * come first: kept apart and laid at the end, then joined to the rest by `assembleIndex`.
 */
class BucketedIndex {
  private buckets: (Int32Array | undefined)[] = [];
  /** Buckets in use (the arrays below have room for more). */
  private bucketCount = 0;
  /** Per bucket, the entries it holds. */
  private sizes = new Int32Array(64);
  /** Per bucket, the position of the last entry it took (-1: none yet). */
  private lastAt = new Int32Array(64).fill(-1);
  /** Buckets below this are laid down. */
  private cursor = 0;
  /** Entries laid down while the events arrived (before `finish`). */
  laidEarly = 0;
  private nulls: Int32Array = new Int32Array(0);
  private nullCount = 0;
  private readonly stride: number;
  /** The leaves the buckets are laid into, in key order. */
  private readonly leaves: IndexLeaves;
  /** One entry's cell, made before it is added to a leaf. */
  private readonly cell = new Uint8Array(64);
  /** Arrays a bucket is sorted into (grown as needed). */
  private order = new Int32Array(0);
  private readonly counts = new Int32Array((1 << BUCKET_BITS) + 1);
  /**
   * Set when a key could not be bucketed, a bucket already laid down took another entry, or
   * days came out of order for a (k, day) index: the index is then sorted whole at the end.
   */
  failed = false;

  constructor(
    private readonly file: PageFile,
    readonly column: EventColumn,
    readonly withDay: boolean,
    private readonly partial: boolean,
    private readonly nullable: boolean,
    private readonly quietRows: number,
  ) {
    this.stride = withDay ? 3 : 2;
    this.leaves = new IndexLeaves(file);
  }

  private room(bucket: Int32Array | undefined, size: number): Int32Array {
    const need = (size + 1) * this.stride;
    if (bucket && need <= bucket.length) return bucket;
    const grown = new Int32Array(Math.max(need, (bucket?.length ?? 64 * this.stride) * 2));
    if (bucket) grown.set(bucket.subarray(0, size * this.stride));
    return grown;
  }

  /** Adds a batch's entries: `keys` and `days` its columns, rows from position `at`. */
  add(keys: Int32Array, days: Int32Array, n: number, at: number): void {
    if (this.failed) return;
    const stride = this.stride;
    const withDay = this.withDay;
    const nullable = this.nullable;
    const cursor = this.cursor;
    const buckets = this.buckets;
    let sizes = this.sizes;
    let lastAt = this.lastAt;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (nullable && k === NONE) {
        if (this.partial) continue;
        this.nulls = this.room(this.nulls, this.nullCount);
        const o = this.nullCount++ * stride;
        this.nulls[o] = k;
        if (withDay) this.nulls[o + 1] = days[i]!;
        this.nulls[o + stride - 1] = at + i;
        continue;
      }
      const b = k >>> BUCKET_BITS;
      if (!(k >= 0 && k < MAX_BUCKETED_KEY) || b < cursor) {
        this.failed = true;
        this.buckets = [];
        this.nulls = new Int32Array(0);
        return;
      }
      if (b >= this.bucketCount) {
        this.growTo(b + 1);
        sizes = this.sizes;
        lastAt = this.lastAt;
      }
      const size = sizes[b]!;
      const o = size * stride;
      let bucket = buckets[b];
      if (bucket === undefined || o + stride > bucket.length) {
        bucket = this.room(bucket, size);
        buckets[b] = bucket;
      }
      bucket[o] = k;
      if (withDay) bucket[o + 1] = days[i]!;
      bucket[o + stride - 1] = at + i;
      sizes[b] = size + 1;
      lastAt[b] = at + i;
    }
  }

  /** Makes room for `count` buckets. */
  private growTo(count: number): void {
    if (count > this.sizes.length) {
      const length = Math.max(count, 2 * this.sizes.length);
      const sizes = new Int32Array(length);
      sizes.set(this.sizes);
      const lastAt = new Int32Array(length).fill(-1);
      lastAt.set(this.lastAt);
      this.sizes = sizes;
      this.lastAt = lastAt;
    }
    this.bucketCount = count;
  }

  /**
   * Lays down the buckets, from the lowest not yet laid, that have been quiet for `quietRows`
   * of the `rows` events so far (a bucket that never had an entry passes when the next that did
   * is quiet). Ids are `firstRowid` and on.
   */
  advance(rows: number, firstRowid: number): void {
    if (this.failed) return;
    const quiet = (b: number) => this.lastAt[b]! >= 0 && rows - this.lastAt[b]! > this.quietRows;
    while (this.cursor < this.bucketCount) {
      const b = this.cursor;
      if (this.lastAt[b]! < 0) {
        let next = b + 1;
        while (next < this.bucketCount && this.lastAt[next]! < 0) next++;
        if (next === this.bucketCount || !quiet(next)) return;
      } else if (!quiet(b)) return;
      this.laidEarly += this.sizes[b]!;
      this.layBucket(b, firstRowid);
      this.cursor++;
    }
  }

  /** Sorts bucket `b` by counting and adds its entries to the leaves; the bucket is dropped. */
  private layBucket(b: number, firstRowid: number): void {
    const bucket = this.buckets[b];
    const size = this.sizes[b]!;
    this.buckets[b] = undefined;
    if (!bucket || size === 0) return;
    const stride = this.stride;
    const span = 1 << BUCKET_BITS;
    const counts = this.counts;
    counts.fill(0);
    for (let j = 0; j < size; j++) counts[(bucket[j * stride]! & (span - 1)) + 1]!++;
    for (let v = 1; v <= span; v++) counts[v]! += counts[v - 1]!;
    if (this.order.length < size) this.order = new Int32Array(Math.max(size, 2 * this.order.length));
    const order = this.order;
    // Stable: within a key, entries keep their order of arrival (of day, then id).
    for (let j = 0; j < size; j++) order[counts[bucket[j * stride]! & (span - 1)]!++] = j;
    this.layEntries(bucket, order, size, firstRowid, this.leaves);
  }

  /** Adds the entries `order[0, n)` of `from` (their keys, days and rows) to `leaves`. */
  private layEntries(
    from: Int32Array,
    order: Int32Array | null,
    n: number,
    firstRowid: number,
    leaves: IndexLeaves,
  ): void {
    const stride = this.stride;
    const withDay = this.withDay;
    const fields = withDay ? 3 : 2;
    const cell = this.cell;
    for (let e = 0; e < n; e++) {
      const o = (order ? order[e]! : e) * stride;
      const va = from[o]!;
      const ta = va === NONE ? 0 : intType(va);
      const vb = withDay ? from[o + 1]! : 0;
      const tb = withDay ? intType(vb) : 0;
      const rowid = firstRowid + from[o + stride - 1]!;
      const tr = intType(rowid);
      const payload = 1 + fields + SERIAL_SIZE[ta]! + SERIAL_SIZE[tb]! + SERIAL_SIZE[tr]!;
      // Straight into the leaf when it has room; through `cell` when the entry goes up.
      const at = leaves.reserve(1 + payload);
      if (at >= 0) putIndexEntry(leaves.page, at, payload, fields, ta, va, tb, vb, tr, rowid);
      else {
        putIndexEntry(cell, 0, payload, fields, ta, va, tb, vb, tr, rowid);
        leaves.add(cell, 1 + payload, false);
      }
    }
  }

  /** The pages written so far (freed when the index is sorted whole at the end instead). */
  written(): number[] {
    return this.leaves.leaves;
  }

  /** Completes the index (unless it `failed`); returns its root. Pages it frees are added to `free`. */
  finish(firstRowid: number, free: number[]): Buffer {
    if (this.failed) throw new Error('pages: a bucketed index that failed cannot be finished');
    for (; this.cursor < this.bucketCount; this.cursor++) this.layBucket(this.cursor, firstRowid);
    const rest = this.leaves.tokens();
    if (this.nullCount === 0) return assembleIndex(this.file, rest, free);
    // Nulls first, in their order of arrival (of day, then id); the last of their leaves is
    // left loose, to be laid with whatever joins them to the rest.
    const nulls = new IndexLeaves(this.file);
    this.layEntries(this.nulls, null, this.nullCount, firstRowid, nulls);
    this.nulls = new Int32Array(0);
    return assembleIndex(this.file, [...nulls.tokens(true), ...rest], free);
  }
}

/** A written leaf page (its number) or one entry (its cell's bytes), in key order. */
type IndexToken = number | Uint8Array;

/** Completes the header of an index leaf whose cells and pointers are written. */
function sealIndexLeaf(page: Buffer, cells: number, content: number): Buffer {
  page[0] = LEAF_INDEX;
  page[1] = 0;
  page[2] = 0;
  page[3] = cells >>> 8;
  page[4] = cells & 0xff;
  page[5] = (content >>> 8) & 0xff;
  page[6] = content & 0xff;
  page[7] = 0;
  page.fill(0, 8 + 2 * cells, content);
  return page;
}

/** The cells of an index leaf, in order, each a copy (entries short enough not to overflow). */
function leafEntries(page: Uint8Array, cells: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let j = 0; j < cells; j++) {
    const at = (page[8 + 2 * j]! << 8) | page[9 + 2 * j]!;
    if (page[at]! >= 0x80) throw new Error('pages: a long index entry in a streamed index');
    out.push(new Uint8Array(page.subarray(at, at + 1 + page[at]!)));
  }
  return out;
}

/**
 * Builds an index from leaves already written and entries not yet placed, all in key order.
 * Between two leaves there must be one entry (the divider) or at least three (a divider, a new
 * leaf, a divider); before the first leaf and after the last, none or at least two. Where the
 * entries at hand do not allow that, a neighbouring written leaf is read back and its entries
 * join them (its page is freed). Loose entries are then laid into new leaves as `encodeIndex`
 * does, and the interior is built over every leaf; returns the root.
 */
function assembleIndex(sink: PageFile, input: IndexToken[], free: number[]): Buffer {
  let tokens = input;
  for (;;) {
    let bad = -1;
    let prev = -1;
    for (let t = 0; t < tokens.length && bad < 0; t++) {
      if (typeof tokens[t] !== 'number') continue;
      const gap = t - prev - 1;
      if (prev < 0 ? gap === 1 : gap === 0 || gap === 2) bad = t;
      prev = t;
    }
    if (bad < 0 && prev >= 0 && tokens.length - prev - 1 === 1) bad = prev;
    if (bad < 0) break;
    const pg = tokens[bad] as number;
    const page = sink.read(pg);
    free.push(pg);
    tokens = [
      ...tokens.slice(0, bad),
      ...leafEntries(page, (page[3]! << 8) | page[4]!),
      ...tokens.slice(bad + 1),
    ];
  }
  const leaves: number[] = [];
  const dividers: Uint8Array[] = [];
  let run: Uint8Array[] = [];
  const place = (leafFollows: boolean) => {
    let r = run;
    run = [];
    if (r.length === 0) return;
    if (leaves.length > 0) {
      dividers.push(r[0]!);
      if (leafFollows && r.length === 1) return;
      r = r.slice(1);
    }
    const last = leafFollows ? r.pop()! : null;
    packEntries(sink, r, leaves, dividers);
    if (last) dividers.push(last);
  };
  for (const t of tokens) {
    if (typeof t === 'number') {
      place(true);
      leaves.push(t);
    } else run.push(t);
  }
  place(false);
  if (leaves.length === 0) return Buffer.from(sealIndexLeaf(Buffer.alloc(U), 0, U));
  if (dividers.length !== leaves.length - 1)
    throw new Error(`pages: ${leaves.length} leaves and ${dividers.length} dividers in an index`);
  if (leaves.length === 1) {
    free.push(leaves[0]!);
    return sink.read(leaves[0]!);
  }
  return buildInterior(sink, INTERIOR_INDEX, leaves, dividers);
}

/**
 * An index's leaves filled with entries given in key order, each as its cell's bytes. When a
 * leaf is full, the next entry goes up into the interior as the divider after it; when the last
 * entry does not fit, the full leaf's own last entry goes up instead, so no leaf is empty.
 * Leaves and dividers are appended to the arrays given (the caller's, when the index has other
 * leaves besides).
 */
export class IndexLeaves {
  /** The leaf being filled (cells `reserve`d are written into it by the caller). */
  readonly page = Buffer.alloc(U);
  private cells = 0;
  private content = U;
  private lastAt = 0;
  private lastLen = 0;

  constructor(
    private readonly sink: PageSink,
    readonly leaves: number[] = [],
    readonly dividers: Uint8Array[] = [],
  ) {}

  /**
   * Room for an entry of `len` bytes in the leaf being filled, when it fits there: the offset in
   * `page` where the caller writes its cell. -1 when the leaf is full: the caller then makes the
   * cell apart and `add`s it, and it goes up as the divider after the leaf. Not for the last
   * entry of an index (see `add`).
   */
  reserve(len: number): number {
    if (len > INDEX_MAX_LOCAL + 3) throw new NotCopyable(`an index entry of ${len} bytes would overflow`);
    if (len + 2 > this.content - 8 - 2 * this.cells) return -1;
    const page = this.page;
    const content = this.content - len;
    page[8 + 2 * this.cells] = content >>> 8;
    page[9 + 2 * this.cells] = content & 0xff;
    this.cells++;
    this.content = content;
    this.lastAt = content;
    this.lastLen = len;
    return content;
  }

  /** Adds the entry whose cell is `cell[0, len)`; `last` when none follows. */
  add(cell: Uint8Array, len: number, last: boolean): void {
    if (len > INDEX_MAX_LOCAL + 3) throw new NotCopyable(`an index entry of ${len} bytes would overflow`);
    const page = this.page;
    if (len + 2 > this.content - 8 - 2 * this.cells) {
      if (!last) {
        this.dividers.push(new Uint8Array(cell.subarray(0, len)));
        this.leaves.push(this.sink.append(sealIndexLeaf(page, this.cells, this.content)));
        this.cells = 0;
        this.content = U;
        return;
      }
      this.dividers.push(new Uint8Array(page.subarray(this.lastAt, this.lastAt + this.lastLen)));
      this.content = this.lastAt + this.lastLen;
      this.cells--;
      this.leaves.push(this.sink.append(sealIndexLeaf(page, this.cells, this.content)));
      this.cells = 0;
      this.content = U;
    }
    this.content -= len;
    page[8 + 2 * this.cells] = this.content >>> 8;
    page[9 + 2 * this.cells] = this.content & 0xff;
    this.cells++;
    this.lastAt = this.content;
    this.lastLen = len;
    putBytes(page, this.content, cell, len);
  }

  /**
   * The leaves and the entries between them, in key order, for `assembleIndex`: with `loose`,
   * the entries of the leaf being filled are given one by one and it is not written; otherwise
   * it is written first (`close`). Only for leaves added to with `last` false.
   */
  tokens(loose = false): IndexToken[] {
    if (!loose) this.close();
    const out: IndexToken[] = [];
    this.leaves.forEach((leaf, j) => {
      out.push(leaf);
      const d = this.dividers[j];
      if (d) out.push(d);
    });
    if (loose) out.push(...leafEntries(this.page, this.cells));
    return out;
  }

  /** Writes the last leaf (if it holds any entry). */
  close(): void {
    if (this.cells > 0)
      this.leaves.push(this.sink.append(sealIndexLeaf(this.page, this.cells, this.content)));
    this.cells = 0;
    this.content = U;
  }

  /** Completes the index; returns its root (a copy): the only leaf, or the top interior page. */
  finish(): Buffer {
    if (this.leaves.length === 0) return Buffer.from(sealIndexLeaf(this.page, this.cells, this.content));
    this.close();
    return buildInterior(this.sink, INTERIOR_INDEX, this.leaves, this.dividers);
  }
}

/** Lays entries (at least one) into new leaves after `leaves`, with the dividers between them. */
function packEntries(sink: PageSink, entries: Uint8Array[], leaves: number[], dividers: Uint8Array[]): void {
  const packer = new IndexLeaves(sink, leaves, dividers);
  entries.forEach((cell, e) => packer.add(cell, cell.length, e === entries.length - 1));
  packer.close();
}

/** An index's entries in key order: row positions and the key columns' values beside them. */
interface SortedEntries {
  rows: Int32Array;
  keys: Int32Array[];
}

/**
 * Orders `order` (row positions) by `col`'s value, stably, nulls first; a counting sort, since
 * keys are small integers (ids and days). Returns the rows in order and, gathered beside them,
 * `col`'s values and each of `more`'s.
 */
export function countingSort(
  order: Int32Array,
  col: Int32Array,
  nullable: boolean,
  more: Int32Array[],
): SortedEntries {
  const n = order.length;
  const [min, max] = keyRange(order, col, nullable);
  // Bucket 0 holds the nulls; value v goes to bucket v - min + 1.
  const counts = startsOf(order, col, nullable, min, max - min + 3);
  const rows = new Int32Array(n);
  const keys = new Int32Array(n);
  scatter(order, col, nullable, min, counts, rows, keys);
  const extra = more.map((m) => gather(m, rows));
  return { rows, keys: [keys, ...extra] };
}

// countingSort's passes, one loop each: a function that runs one long loop is compiled once
// for it, where one holding several was compiled again for each loop it reached (bench/README.md).

/** The least and greatest of `col`'s values at `order`, nulls aside ([0, 0] when all are null). */
function keyRange(order: Int32Array, col: Int32Array, nullable: boolean): [number, number] {
  const n = order.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = col[order[i]!]!;
    if (nullable && v === NONE) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? [0, 0] : [min, max];
}

/**
 * Where each bucket's entries start, in `size` buckets: bucket 0 holds the nulls, value v
 * goes to bucket v - min + 1 (and the last is spare).
 */
function startsOf(
  order: Int32Array,
  col: Int32Array,
  nullable: boolean,
  min: number,
  size: number,
): Int32Array {
  const counts = new Int32Array(size);
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const v = col[order[i]!]!;
    counts[nullable && v === NONE ? 1 : v - min + 2]!++;
  }
  for (let b = 1; b < size; b++) counts[b]! += counts[b - 1]!;
  return counts;
}

/** Places each row of `order` (and its key) at its bucket's next position, advancing `counts`. */
function scatter(
  order: Int32Array,
  col: Int32Array,
  nullable: boolean,
  min: number,
  counts: Int32Array,
  rows: Int32Array,
  keys: Int32Array,
): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    const v = col[row]!;
    const at = counts[nullable && v === NONE ? 0 : v - min + 1]!++;
    rows[at] = row;
    keys[at] = v;
  }
}

/** `from`'s values at `rows`, in order. */
function gather(from: Int32Array, rows: Int32Array): Int32Array {
  const n = rows.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = from[rows[i]!]!;
  return out;
}

/** Raised when a database file holds something `readTrees` does not copy page by page. */
export class NotCopyable extends Error {
  override name = 'NotCopyable';
}

/** Every tree of a database file, ready to be placed in another, and the schema rows naming them. */
export interface CopiedTrees {
  image: TreeImage;
  /** Type, name, table, root (numbered as in the image's pointers) and SQL, in the file's schema order. */
  rows: [string, string, string, number, string | null][];
}

/**
 * Reads a database file SQLite wrote (4096-byte pages, no free pages) as a tree image: its
 * pages after the first, each classified by walking every tree from its root, so `relocate`
 * can move them. An index cell long enough to overflow is refused (`NotCopyable`), as is any
 * page no tree reaches.
 */
export function readTrees(path: string): CopiedTrees {
  const db = new Database(path, { readonly: true });
  let rows: [string, string, string, number, string | null][];
  let pageCount: number;
  try {
    if (db.pragma('page_size', { simple: true }) !== U)
      throw new NotCopyable(`${path}: pages not of ${U} bytes`);
    if (db.pragma('freelist_count', { simple: true }) !== 0) throw new NotCopyable(`${path}: free pages`);
    pageCount = db.pragma('page_count', { simple: true }) as number;
    rows = db
      .prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid')
      .raw()
      .all() as [string, string, string, number, string | null][];
  } finally {
    db.close();
  }
  const bytes = readFileSync(path);
  if (bytes.length !== pageCount * U)
    throw new NotCopyable(`${path}: ${bytes.length} bytes for ${pageCount} pages`);
  // A file SQLite never had cause to write (no tables) holds nothing to copy.
  if (pageCount === 0)
    return { image: { pages: bytes, origin: 2, count: 0, pointers: new Int32Array(0), free: [] }, rows };
  const seen = new Uint8Array(pageCount + 1);
  const free: number[] = [];
  const reach = (pg: number) => {
    if (pg < 2 || pg > pageCount || seen[pg]) throw new NotCopyable(`${path}: page ${pg} reached twice`);
    seen[pg] = 1;
  };
  const cellAt = (at: number, header: number, j: number) =>
    at + ((bytes[at + header + 2 * j]! << 8) | bytes[at + header + 2 * j + 1]!);
  // The file's own schema may spill from page 1 onto pages of its own: those are not copied as
  // a tree (the schema is written anew) but kept as free pages.
  if (bytes[100] === INTERIOR_TABLE) {
    const spilled = [getU32(bytes, 108)];
    for (let j = 0; j < ((bytes[103]! << 8) | bytes[104]!); j++)
      spilled.push(getU32(bytes, cellAt(0, 112, j)));
    for (let k = 0; k < spilled.length; k++) {
      const pg = spilled[k]!;
      const at = (pg - 1) * U;
      const cells = (bytes[at + 3]! << 8) | bytes[at + 4]!;
      reach(pg);
      free.push(pg - 2);
      if (bytes[at] === INTERIOR_TABLE) {
        spilled.push(getU32(bytes, at + 8));
        for (let j = 0; j < cells; j++) spilled.push(getU32(bytes, cellAt(at, 12, j)));
      } else if (bytes[at] !== LEAF_TABLE)
        throw new NotCopyable(`${path}: schema page ${pg} is not a B-tree page`);
      else
        for (let j = 0; j < cells; j++)
          if (readVarint(bytes, cellAt(at, 8, j)) > TABLE_MAX_LOCAL)
            throw new NotCopyable(`${path}: a schema entry longer than a page`);
    }
  } else if (bytes[100] !== LEAF_TABLE) throw new NotCopyable(`${path}: page 1 is not a schema page`);
  const roots = rows.filter((r) => r[3] > 0).map((r) => r[3]);
  const pointers = walkTrees(bytes, 1, 2, pageCount, roots, seen, path);
  return {
    image: {
      pages: bytes.subarray(U),
      origin: 2,
      count: pageCount - 1,
      pointers,
      free,
    },
    rows,
  };
}

/** The varint at `o` (payload sizes and rowids here are far below 2^53), and where it ends. */
let varintEnd = 0;
function readVarint(bytes: Uint8Array, o: number): number {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const x = bytes[o + i]!;
    if (i === 8) {
      varintEnd = o + 9;
      return v * 256 + x;
    }
    v = v * 128 + (x & 0x7f);
    if (x < 0x80) {
      varintEnd = o + i + 1;
      return v;
    }
  }
  return v;
}

/**
 * Walks B-trees from their roots over `bytes` (pages `first`… in order), reaching each page
 * once from its parent or its overflow chain, and returns where every page number is held
 * (child, right-most child, overflow, chain), as offsets from the start of page `origin`.
 * Every page from `origin` to `last` must be reached (or marked in `seen` beforehand); an index
 * entry long enough to overflow is refused (`NotCopyable`, named by `label`). Leaves made here
 * (`ours`: no index entry and no row overflows) are not read.
 */
function walkTrees(
  bytes: Uint8Array,
  first: number,
  origin: number,
  last: number,
  roots: readonly number[],
  seen: Uint8Array,
  label: string,
  ours = false,
): Int32Array {
  const pointers: number[] = [];
  const base = (origin - first) * U;
  const pageAt = (pg: number) => (pg - first) * U;
  const reach = (pg: number) => {
    if (pg < origin || pg > last || seen[pg]) throw new NotCopyable(`${label}: page ${pg} reached twice`);
    seen[pg] = 1;
  };
  const pointer = (at: number) => pointers.push(at - base);
  const cellAt = (at: number, header: number, j: number) =>
    at + ((bytes[at + header + 2 * j]! << 8) | bytes[at + header + 2 * j + 1]!);
  /** Notes a table leaf's overflow chains, starting at each long cell's pointer. */
  const chains = (at: number, cells: number) => {
    for (let j = 0; j < cells; j++) {
      const payload = readVarint(bytes, cellAt(at, 8, j));
      if (payload <= TABLE_MAX_LOCAL) continue;
      readVarint(bytes, varintEnd);
      const k = TABLE_MIN_LOCAL + ((payload - TABLE_MIN_LOCAL) % OVERFLOW_CONTENT);
      let ptr = varintEnd + (k <= TABLE_MAX_LOCAL ? k : TABLE_MIN_LOCAL);
      for (let next = getU32(bytes, ptr); next !== 0; next = getU32(bytes, ptr)) {
        pointer(ptr);
        reach(next);
        ptr = pageAt(next);
      }
    }
  };
  const stack = [...roots];
  while (stack.length > 0) {
    const pg = stack.pop()!;
    reach(pg);
    const at = pageAt(pg);
    const flag = bytes[at];
    const cells = (bytes[at + 3]! << 8) | bytes[at + 4]!;
    if (flag === INTERIOR_TABLE || flag === INTERIOR_INDEX) {
      pointer(at + 8);
      stack.push(getU32(bytes, at + 8));
      for (let j = 0; j < cells; j++) {
        const cell = cellAt(at, 12, j);
        pointer(cell);
        stack.push(getU32(bytes, cell));
        if (flag === INTERIOR_INDEX && readVarint(bytes, cell + 4) > INDEX_MAX_LOCAL)
          throw new NotCopyable(`${label}: a long index entry on page ${pg}`);
      }
    } else if (ours && (flag === LEAF_INDEX || flag === LEAF_TABLE)) continue;
    else if (flag === LEAF_INDEX) {
      for (let j = 0; j < cells; j++)
        if (readVarint(bytes, cellAt(at, 8, j)) > INDEX_MAX_LOCAL)
          throw new NotCopyable(`${label}: a long index entry on page ${pg}`);
    } else if (flag === LEAF_TABLE) chains(at, cells);
    else throw new NotCopyable(`${label}: page ${pg} is not a B-tree page`);
  }
  for (let pg = origin; pg <= last; pg++)
    if (!seen[pg]) throw new NotCopyable(`${label}: page ${pg} is in no tree`);
  return Int32Array.from(pointers);
}
