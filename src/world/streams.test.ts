import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashString, uniform } from '../engine/random.js';
import { PURPOSES, Streams } from './streams.js';

/** The source of every rule file under src/world (tests aside). */
function worldSources(dir = 'src/world'): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) text += worldSources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'streams.ts')
      text += readFileSync(path, 'utf8');
  }
  return text;
}

describe('Streams', () => {
  it('declares each purpose once, and every purpose is drawn for somewhere', () => {
    expect(new Set(PURPOSES).size).toBe(PURPOSES.length);
    const source = worldSources();
    const unused = PURPOSES.filter((p) => !source.includes(`'${p}'`));
    expect(unused).toEqual([]);
  });

  it('draws exactly what the engine draws for (seed, purpose, key, index)', () => {
    const streams = new Streams(1968);
    for (const purpose of ['career', 'sex', 'exchange'] as const) {
      for (const [key, index] of [
        [0, 0],
        [123_456_789, 3],
        [4_000_000_000, 17],
      ] as const)
        expect(streams.draw(purpose).at(key, index)).toBe(uniform(1968, hashString(purpose), key, index));
    }
  });

  it('gives a sequence that depends only on (seed, purpose, key)', () => {
    const a = new Streams(7).sequence('school-month', 42);
    const b = new Streams(7).sequence('school-month', 42);
    const c = new Streams(7).sequence('school-month', 43);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });
});
