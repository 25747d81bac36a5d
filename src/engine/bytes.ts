/**
 * Small byte writers shared by the log's digest (src/engine/log-hash.ts) and the pages written
 * straight in SQLite's format (src/store/pages.ts): a few bytes copied, an integer in decimal.
 */

/**
 * Copies the first `n` (by default all) of a few bytes (a loop beats `Buffer.copy` and
 * `subarray` for short runs); returns the offset after them.
 */
export function putBytes(b: Uint8Array, o: number, bytes: Uint8Array, n = bytes.length): number {
  for (let k = 0; k < n; k++) b[o + k] = bytes[k]!;
  return o + n;
}

/** Characters of an integer written in decimal, as `String(v)` writes it. */
export function decimalLen(v: number): number {
  let n = v < 0 ? 2 : 1;
  let x = v < 0 ? -v : v;
  while (x >= 10) {
    x = Math.floor(x / 10);
    n++;
  }
  return n;
}

/** Writes an integer in decimal ASCII, as `String(v)` writes it; returns the offset after it. */
export function putDecimal(b: Uint8Array, o: number, v: number): number {
  let x = v;
  if (x < 0) {
    b[o++] = 45;
    x = -x;
  }
  const end = o + decimalLen(x);
  let at = end;
  do {
    const q = Math.floor(x / 10);
    b[--at] = 48 + (x - q * 10);
    x = q;
  } while (x > 0);
  return end;
}
