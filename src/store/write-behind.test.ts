import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteBehind } from './write-behind.js';

const U = 4096;
const CHUNK = 4 * U;
const O_DIRECT = (constants as { O_DIRECT?: number }).O_DIRECT ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'hailsham-behind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A chunk's worth of bytes that tell which write they belong to. */
function pattern(write: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (write * 31 + i * 7) & 0xff;
  return b;
}

/** A write-behind on `path` (opened direct where the file system allows it, else buffered). */
function open(path: string, offset: 'aligned' | 'misaligned'): { wb: WriteBehind; buffered: number } {
  const buffered = openSync(path, 'w+');
  let direct: number;
  try {
    direct = openSync(path, constants.O_WRONLY | O_DIRECT);
  } catch {
    direct = openSync(path, constants.O_WRONLY);
  }
  const found = WriteBehind.aligned(direct, CHUNK, 3, U);
  // Misaligned: 8 bytes past the aligned offset (or anywhere, where direct writes are refused).
  const memory = found?.memory ?? new SharedArrayBuffer(3 * CHUNK + U);
  const at = (found?.offset ?? 0) + (offset === 'misaligned' ? 8 : 0);
  return { wb: new WriteBehind(memory, at, CHUNK, 3, direct, buffered), buffered };
}

describe('write-behind', () => {
  for (const offset of ['aligned', 'misaligned'] as const) {
    it(`writes every chunk where it was sent, in turn through three chunks (${offset} memory)`, () => {
      const path = join(dir, `${offset}.bin`);
      const { wb, buffered } = open(path, offset);
      const writes = 20;
      // Written out of order in the file: the last chunk first, so positions are not assumed.
      for (let w = 0; w < writes; w++) {
        const chunk = wb.chunk();
        const bytes = w === writes - 1 ? U : CHUNK;
        chunk.set(pattern(w, bytes));
        wb.submit(bytes, (writes - 1 - w) * CHUNK);
      }
      // Its thread has told its id for the scheduler (Linux), a thread of this process.
      if (process.platform === 'linux') {
        expect(wb.tid).toBeGreaterThan(0);
        expect(existsSync(`/proc/self/task/${wb.tid}`)).toBe(true);
      }
      wb.close();
      closeSync(buffered);
      const got = readFileSync(path);
      expect(got.length).toBe((writes - 1) * CHUNK + CHUNK);
      for (let w = 0; w < writes; w++) {
        const bytes = w === writes - 1 ? U : CHUNK;
        const at = (writes - 1 - w) * CHUNK;
        expect(got.subarray(at, at + bytes).equals(pattern(w, bytes)), `write ${w}`).toBe(true);
      }
    });
  }

  it("throws the writing thread's error, with its code, at the next call and again after", () => {
    const path = join(dir, 'readonly.bin');
    closeSync(openSync(path, 'w'));
    const ro = openSync(path, 'r');
    const memory = new SharedArrayBuffer(2 * CHUNK);
    const wb = new WriteBehind(memory, 0, CHUNK, 2, ro, ro);
    wb.chunk().fill(1);
    wb.submit(CHUNK, 0);
    let caught: NodeJS.ErrnoException | null = null;
    try {
      wb.drain();
    } catch (e) {
      caught = e as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('EBADF');
    expect(caught?.syscall).toBe('write');
    expect(caught?.message).toMatch(/^EBADF: bad file descriptor, write/);
    expect(() => wb.chunk()).toThrow(caught!);
    expect(() => wb.close()).toThrow(caught!);
    // `close` closed the descriptor it was given as the direct one.
    expect(() => closeSync(ro)).toThrow(/EBADF/);
  });
});
