/**
 * A fast sequential stream for the social tick's many small draws. It is keyed exactly as the
 * engine's `Stream` is (seed, purpose, key): the key hashes through the engine's counter-based
 * `hash4` into the 128-bit state of sfc32 (Chris Doty-Humphrey's small fast chaotic
 * generator), so its n-th draw depends on nothing but (seed, purpose, key, n). It exists
 * because a school's month makes tens of thousands of draws and sfc32 costs a few nanoseconds
 * a draw where a full hash costs about twenty; the two share one interface (`Rng`).
 */
import { hash4 } from '../../engine/random.js';

/** What the rules need of a stream of draws. */
export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  normal(mean?: number, sd?: number): number;
  shuffled<T>(items: readonly T[]): T[];
}

const INV_2_32 = 1 / 4_294_967_296;

export class Draws implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, purpose: number, key: number) {
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

  /** The next uniform draw in [0, 1). */
  next(): number {
    return this.step() * INV_2_32;
  }

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
    if (items.length === 0) throw new RangeError('Draws.pick: the array is empty');
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
