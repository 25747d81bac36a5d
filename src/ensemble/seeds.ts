/**
 * Seed lists and shards: the grammar of `--seeds` (`1..1000`, `7`, `1,5,9`, `1..10,20..29`),
 * the grammar of `--shard k/n`, and the one rule that decides which seeds a shard runs. A seed
 * list is a set: it is kept sorted ascending, so rows come out in seed order wherever they ran.
 *
 * The shard rule: with the sorted seed list s[0], s[1], …, shard k of n runs the seeds s[i]
 * with i % n == k − 1. Every seed is in exactly one shard, and shards differ in size by at most
 * one seed.
 */
import { UsageError } from '../errors.js';

/** Most seeds one sweep may name (ten million). */
export const MAX_SEEDS = 10_000_000;
const MAX_SEED = 0xffff_ffff;

/** A parsed `--seeds` value: the seeds in ascending order and the canonical text of the list. */
export interface SeedList {
  readonly seeds: readonly number[];
  /** The list written canonically (ascending runs as `a..b`), as the manifest records it. */
  readonly spec: string;
}

/** A parsed `--shard k/n`: shard `k` (1-based) of `n`. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

function parseSeedNumber(text: string, whole: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(
      `--seeds '${whole}': '${text}' is not a seed; seeds are whole numbers from 0 to ${MAX_SEED} (e.g. 1..100 or 1,5,9)`,
    );
  }
  const n = Number(text);
  if (n > MAX_SEED) throw new UsageError(`--seeds '${whole}': seed ${text} is larger than ${MAX_SEED}`);
  return n;
}

/**
 * Parses a seed list: comma-separated seeds and inclusive ranges `a..b` with a ≤ b.
 * @throws UsageError naming the part at fault (a backwards range, a repeated seed, a non-number).
 * @example parseSeeds('1..3,10') // { seeds: [1, 2, 3, 10], spec: '1..3,10' }
 */
export function parseSeeds(text: string): SeedList {
  const whole = text.trim();
  if (whole === '') throw new UsageError('--seeds is empty; give seeds such as 1..100 or 1,5,9');
  const seen = new Set<number>();
  const seeds: number[] = [];
  for (const raw of whole.split(',')) {
    const part = raw.trim();
    const range = /^(.*?)\.\.(.*)$/.exec(part);
    if (range) {
      const a = parseSeedNumber(range[1]!.trim(), whole);
      const b = parseSeedNumber(range[2]!.trim(), whole);
      if (b < a) {
        throw new UsageError(
          `--seeds '${whole}': the range ${part} runs backwards; write the smaller seed first (${b}..${a})`,
        );
      }
      if (seeds.length + (b - a + 1) > MAX_SEEDS) {
        throw new UsageError(`--seeds '${whole}': more than ${MAX_SEEDS.toLocaleString('en-GB')} seeds`);
      }
      for (let s = a; s <= b; s++) {
        if (seen.has(s)) throw new UsageError(`--seeds '${whole}': seed ${s} is named twice`);
        seen.add(s);
        seeds.push(s);
      }
    } else {
      const s = parseSeedNumber(part, whole);
      if (seen.has(s)) throw new UsageError(`--seeds '${whole}': seed ${s} is named twice`);
      seen.add(s);
      seeds.push(s);
    }
  }
  seeds.sort((x, y) => x - y);
  return { seeds, spec: seedSpec(seeds) };
}

/**
 * Writes ascending seeds canonically: consecutive runs of three or more as `a..b`.
 * @example seedSpec([1, 2, 3, 7]) // '1..3,7'
 */
export function seedSpec(seeds: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < seeds.length) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${seeds[i]}..${seeds[j]}`);
    else for (let x = i; x <= j; x++) parts.push(String(seeds[x]));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Parses `k/n` (1 ≤ k ≤ n).
 * @throws UsageError saying what a shard looks like when `text` is not one.
 * @example parseShard('2/8') // { k: 2, n: 8 }
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) {
    throw new UsageError(
      `--shard '${text}' is not a shard; write k/n, the k-th of n slices, counting from 1 (e.g. 1/4)`,
    );
  }
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) throw new UsageError(`--shard '${text}': the number of shards must be at least 1`);
  if (k < 1 || k > n) {
    throw new UsageError(
      `--shard '${text}': shard ${k} does not exist; shards of ${n} are 1/${n} to ${n}/${n}`,
    );
  }
  return { k, n };
}

/**
 * The seeds shard k of n runs: those at positions i (in the ascending list) with i % n == k − 1.
 * @example shardSeeds([1, 2, 3, 4, 5], { k: 2, n: 2 }) // [2, 4]
 */
export function shardSeeds(seeds: readonly number[], shard: Shard): number[] {
  return seeds.filter((_, i) => i % shard.n === shard.k - 1);
}
