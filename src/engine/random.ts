/**
 * Seeded, counter-based randomness. Every draw is a pure function of (seed, purpose, key,
 * index): there is no shared generator whose state one rule could advance for another. A
 * person's key is stable across policies, so a counterfactual that changes one rule changes
 * only the draws that rule makes, and paired comparisons see the policy, not noise.
 */

/** MurmurHash3's 32-bit finaliser: a bijective avalanche mix. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more 32-bit word (a MurmurHash3 round). */
export function mixIn(h: number, word: number): number {
  let k = Math.imul(word | 0, 0xcc9e_2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b87_3593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe654_6b64) | 0;
}

/** A 32-bit hash of a string (FNV-1a, then mixed), used to turn names into stream purposes and keys. */
export function hashString(text: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x0100_0193);
  }
  return fmix32(h);
}

/** Four words hashed to one uint32. */
export function hash4(a: number, b: number, c: number, d: number): number {
  let h = mixIn(0x9747_b28c, a);
  h = mixIn(h, b);
  h = mixIn(h, c);
  h = mixIn(h, d);
  return fmix32(h ^ 16);
}

const INV_2_32 = 1 / 4_294_967_296;

/**
 * A uniform draw in [0, 1) for one (seed, purpose, key, index).
 * @example uniform(7, hashString('completion'), personKey, donationNumber)
 */
export function uniform(seed: number, purpose: number, key: number, index: number): number {
  return hash4(seed, purpose, key, index) * INV_2_32;
}

/**
 * The part of a draw's hash that depends only on (seed, purpose), for rules that draw for the
 * same purpose many times: `uniformAfter(drawPrefix(s, p), key, i)` is `uniform(s, p, key, i)`
 * to the bit, with half the hashing.
 */
export function drawPrefix(seed: number, purpose: number): number {
  return mixIn(mixIn(0x9747_b28c, seed), purpose);
}

/** A uniform draw in [0, 1) from a `drawPrefix` and the (key, index) of the draw. */
export function uniformAfter(prefix: number, key: number, index: number): number {
  return fmix32(mixIn(mixIn(prefix, key), index) ^ 16) * INV_2_32;
}

/** What rules need of a stream of draws. */
export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  normal(mean?: number, sd?: number): number;
  shuffled<T>(items: readonly T[]): T[];
}

/**
 * An open-ended sequence of draws: everything a stream offers, built on its own `next()`.
 * `Stream` and `FastStream` are the two kinds.
 */
export abstract class Sequence implements Rng {
  /** The next uniform draw in [0, 1). */
  abstract next(): number;

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError(`${this.constructor.name}.pick: the array is empty`);
    return items[this.int(items.length)] as T;
  }

  /** A normal draw (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A cheap bell-shaped draw in (-1, 1) (the sum of two uniforms, centred). */
  tri(): number {
    return this.next() + this.next() - 1;
  }

  /** Shuffles a copy of the array (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i] as T;
      out[i] = out[j] as T;
      out[j] = t;
    }
    return out;
  }
}

/**
 * A sequential stream for code that makes an open-ended number of draws for one person and
 * purpose (a school's social life, say). Two streams with different (purpose, key) never
 * share draws; a stream's n-th draw depends on nothing but its own seed, purpose, key and n.
 */
export class Stream extends Sequence {
  private counter = 0;
  constructor(
    private readonly seed: number,
    private readonly purpose: number,
    private readonly key: number,
  ) {
    super();
  }

  next(): number {
    return uniform(this.seed, this.purpose, this.key, this.counter++);
  }
}

/**
 * A fast sequential stream for code that makes very many small draws (a school's social
 * tick). It is keyed exactly as `Stream` is: (seed, purpose, key) hash through `hash4` into
 * the 128-bit state of sfc32 (Chris Doty-Humphrey's small fast chaotic generator), so its
 * n-th draw depends on nothing but (seed, purpose, key, n); a draw costs a few nanoseconds
 * where a full hash costs about twenty.
 */
export class FastStream extends Sequence {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, purpose: number, key: number) {
    super();
    this.a = hash4(seed, purpose, key, 0);
    this.b = hash4(seed, purpose, key, 1);
    this.c = hash4(seed, purpose, key, 2);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.step();
  }

  private step(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.step() * INV_2_32;
  }
}
