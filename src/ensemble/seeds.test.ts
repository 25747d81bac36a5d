import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseSeeds, parseShard, seedSpec, shardSeeds } from './seeds.js';

describe('parseSeeds()', () => {
  it('reads ranges, lists and both, and keeps seeds ascending', () => {
    expect(parseSeeds('1..5').seeds).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('9,3,5').seeds).toEqual([3, 5, 9]);
    expect(parseSeeds('1..3, 10, 20..21')).toEqual({ seeds: [1, 2, 3, 10, 20, 21], spec: '1..3,10,20,21' });
    expect(parseSeeds('7')).toEqual({ seeds: [7], spec: '7' });
  });

  it('rejects a backwards range and says how to write it', () => {
    expect(() => parseSeeds('5..1')).toThrow(UsageError);
    expect(() => parseSeeds('5..1')).toThrow(
      'the range 5..1 runs backwards; write the smaller seed first (1..5)',
    );
  });

  it('rejects repeated seeds, words, negatives, empty lists and seeds beyond 32 bits', () => {
    expect(() => parseSeeds('1..5,3')).toThrow('seed 3 is named twice');
    expect(() => parseSeeds('1..x')).toThrow("'x' is not a seed");
    expect(() => parseSeeds('-1')).toThrow("'-1' is not a seed");
    expect(() => parseSeeds('')).toThrow('--seeds is empty');
    expect(() => parseSeeds('4294967296')).toThrow('larger than 4294967295');
    expect(() => parseSeeds('1,,2')).toThrow("'' is not a seed");
  });
});

describe('seedSpec()', () => {
  it('writes runs of three or more as ranges', () => {
    expect(seedSpec([1, 2, 3, 5, 6, 9])).toBe('1..3,5,6,9');
    expect(seedSpec([])).toBe('');
  });
});

describe('parseShard() and shardSeeds()', () => {
  it('reads k/n', () => {
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ k: 1, n: 1 });
  });

  it('rejects shards that do not exist, with the valid range', () => {
    expect(() => parseShard('3/2')).toThrow('shard 3 does not exist; shards of 2 are 1/2 to 2/2');
    expect(() => parseShard('0/4')).toThrow('shard 0 does not exist');
    expect(() => parseShard('1/0')).toThrow('the number of shards must be at least 1');
    expect(() => parseShard('half')).toThrow('write k/n');
  });

  it('puts every seed in exactly one shard, positions i with i % n == k - 1', () => {
    const seeds = parseSeeds('10..20').seeds;
    const shards = [1, 2, 3].map((k) => shardSeeds(seeds, { k, n: 3 }));
    expect(shards[0]).toEqual([10, 13, 16, 19]);
    expect(shards[1]).toEqual([11, 14, 17, 20]);
    expect(shards[2]).toEqual([12, 15, 18]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(seeds);
  });
});
