// @ts-check
/**
 * The reference: a bare typed-array binary heap event loop with no rules at all. Each pop
 * schedules one new event a pseudo-random number of days later, so the heap stays at its
 * starting size (a million pending entries by default). Engine figures are quoted as a ratio
 * to this loop run in the same process, which holds on a noisy machine where seconds do not.
 */

/**
 * Runs `events` pop-and-push steps over a heap of `pending` entries; returns events per second.
 * @param {number} events
 * @param {number} pending
 */
export function bareLoop(events, pending) {
  const cap = pending + 16;
  const keys = new Float64Array(cap);
  const kinds = new Uint8Array(cap);
  const as = new Int32Array(cap);
  const bs = new Int32Array(cap);
  let n = 0;
  let seq = 0;
  let x = 12345;
  const DAY = 2 ** 37;
  /** @param {number} key @param {number} kind @param {number} a @param {number} b */
  const push = (key, kind, a, b) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk <= key) break;
      keys[i] = pk;
      kinds[i] = kinds[p];
      as[i] = as[p];
      bs[i] = bs[p];
      i = p;
    }
    keys[i] = key;
    kinds[i] = kind;
    as[i] = a;
    bs[i] = b;
  };
  for (let i = 0; i < pending; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    push((x % 20000) * DAY + seq++, i & 7, i, 0);
  }
  let checksum = 0;
  const t0 = performance.now();
  for (let e = 0; e < events; e++) {
    const key = keys[0];
    const day = Math.floor(key / DAY);
    const a = as[0];
    checksum += kinds[0] + a;
    const last = --n;
    const lk = keys[last],
      lkind = kinds[last],
      la = as[last],
      lb = bs[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= lk) break;
      keys[i] = keys[c];
      kinds[i] = kinds[c];
      as[i] = as[c];
      bs[i] = bs[c];
      i = c;
    }
    keys[i] = lk;
    kinds[i] = lkind;
    as[i] = la;
    bs[i] = lb;
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    push((day + 1 + (x % 900)) * DAY + seq++, e & 7, a, e);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (checksum === -1) console.log('impossible');
  return events / seconds;
}
