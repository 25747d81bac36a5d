import { describe, expect, it } from 'vitest';
import { NONE } from '../../engine/recorder.js';
import { BeliefBook } from './book.js';
import { PROPOSITIONS, proposition } from './propositions.js';

describe('the belief book', () => {
  it('adopt() closes the rival version and keeps one current belief per proposition', () => {
    const book = new BeliefBook();
    const a = book.adopt({
      person: 1,
      prop: 'woods',
      version: 'runaway-boy',
      day: 10,
      source: 100,
      kind: 'origin',
      confidence: 0.7,
    })!;
    expect(book.current(1, 'woods')).toBe(a);
    expect(
      book.adopt({
        person: 1,
        prop: 'woods',
        version: 'runaway-boy',
        day: 12,
        source: 101,
        kind: 'rumour',
        confidence: 0.9,
      }),
    ).toBeUndefined();
    const b = book.adopt({
      person: 1,
      prop: 'woods',
      version: 'just-woods',
      day: 20,
      source: 102,
      kind: 'debunk',
      confidence: 0.8,
    })!;
    expect(a.until).toBe(20);
    expect(b.until).toBe(NONE);
    expect(book.current(1, 'woods')).toBe(b);
    expect(book.heldBy(1)).toHaveLength(1);
    expect(b.truth).toBe(true);
    expect(a.truth).toBe(false);
  });

  it('a vaguer telling does not undo a plain one', () => {
    const book = new BeliefBook();
    book.adopt({
      person: 2,
      prop: 'we-will-donate',
      version: 'plainly',
      day: 5,
      source: 1,
      kind: 'plain-speaking',
      confidence: 0.9,
    });
    expect(
      book.adopt({
        person: 2,
        prop: 'we-will-donate',
        version: 'vaguely',
        day: 6,
        source: 2,
        kind: 'disclosure',
        confidence: 0.5,
      }),
    ).toBeUndefined();
    expect(book.current(2, 'we-will-donate')!.version).toBe('plainly');
  });

  it('path() walks parents back to the first holder, who holds it from the origin event', () => {
    const book = new BeliefBook();
    const first = book.adopt({
      person: 1,
      prop: 'deferral',
      version: 'exists',
      day: 1,
      source: 50,
      kind: 'origin',
      confidence: 0.8,
    })!;
    const second = book.adopt({
      person: 2,
      prop: 'deferral',
      version: 'exists',
      day: 2,
      source: 51,
      kind: 'rumour',
      via: 1,
      parent: first.id,
      origin: first.origin,
      confidence: 0.6,
    })!;
    const third = book.adopt({
      person: 3,
      prop: 'deferral',
      version: 'proof-by-art',
      day: 3,
      source: 52,
      kind: 'rumour',
      via: 2,
      parent: second.id,
      origin: second.origin,
      confidence: 0.5,
    })!;
    expect(book.path(third.id).map((b) => b.person)).toEqual([1, 2, 3]);
    expect(third.origin).toBe(50);
  });

  it('setTruth() changes what is true in a world where deferrals exist', () => {
    const book = new BeliefBook();
    book.setTruth('deferral', 'exists', true);
    expect(book.truthOf('deferral', 'exists')).toBe(true);
    expect(() => book.setTruth('deferral', 'nonsense', true)).toThrow(/no version 'nonsense'/);
  });

  it('every proposition has versions, and every change in the telling leads to a known version', () => {
    for (const p of PROPOSITIONS) {
      expect(p.versions.length).toBeGreaterThan(0);
      for (const v of p.versions)
        for (const t of v.turnsInto) expect(p.versions.map((x) => x.id)).toContain(t);
    }
    expect(() => proposition('nothing')).toThrow(/no proposition 'nothing'/);
  });
});
