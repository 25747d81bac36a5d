/**
 * Units of telling by association: every phrase of the present moments, the returns to them and
 * the recollections renders to an English sentence with the slots the teller gives it, and the
 * tables are keyed by event types of the world.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_NAMES } from '../world/event-types.js';
import { Namer } from './names.js';
import {
  HOOK_PHRASES,
  NEWS_RECALL_PHRASES,
  RECALL_PHRASEBOOK,
  RECALL_PHRASES,
  RETURN_PHRASES,
  typedPhrases,
} from './recall.js';
import type { Source } from './source.js';
import { who, Writer, type Phrasebook } from './writer.js';

const src = {
  person: (id: number) =>
    ({
      1: { id: 1, name: 'Kathy H.', sex: 'female', kind: 'clone' },
      2: { id: 2, name: 'Laura C.', sex: 'female', kind: 'clone' },
    })[id],
} as unknown as Source;

/** The slots `Associations` fills, all of them. */
const SLOTS = {
  s: who(1),
  x: who(2),
  when: ['in the spring of 1990'],
  centre: 'Dover',
  where: 'Hailsham',
  ord: 'second',
  town: 'Cromer',
  age: 'when we were ten',
  rel: 'in my year',
};

function writer(phrases: Phrasebook): Writer {
  return new Writer({
    kind: 'memoir',
    perspective: 'first',
    seed: 7,
    key: 1,
    namer: new Namer(src, 1),
    phrases,
  });
}

describe('recall phrases', () => {
  it('are keyed by event types of the world, under their prefix', () => {
    const types = new Set<string>(EVENT_TYPE_NAMES);
    for (const table of [HOOK_PHRASES, RETURN_PHRASES, RECALL_PHRASES, NEWS_RECALL_PHRASES])
      for (const k of Object.keys(table)) expect(types.has(k), k).toBe(true);
    expect(Object.keys(typedPhrases('hook', { completed: [{ t: 'x' }] }))).toEqual(['hook:completed']);
    expect(Object.keys(RECALL_PHRASEBOOK).some((k) => k.startsWith('recall-news:'))).toBe(true);
  });

  it('every variant renders to one finished sentence naming the person, with no slot left over', () => {
    for (const [key, variants] of Object.entries(RECALL_PHRASEBOOK)) {
      variants.forEach((v, i) => {
        // One variant at a time, so each is rendered at least once.
        const w = writer({ [key]: [v] });
        expect(w.say(key, SLOTS, [1]), `${key}#${i}`).toBe(true);
        const text = w
          .finish({
            title: '',
            subtitle: '',
            subject: { kind: 'place', id: 0, name: '' },
            world: { scenario: '', seed: 7, logSha256: '' },
          })
          .sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)))
          .join(' ');
        expect(text, `${key}#${i}`).not.toMatch(/[{}[\]|]/);
        expect(text, `${key}#${i}`).toMatch(/^[A-Z].*[.!?]$/);
        expect(text, `${key}#${i}`).not.toMatch(/\b(he|she) (me|him|her)\b|\bround she\b/);
      });
    }
  });

  it('a recollection needs the slot it speaks of: no town, no trip', () => {
    const w = writer(RECALL_PHRASEBOOK);
    expect(w.say('recall:possible_trip', { ...SLOTS, town: undefined }, [1])).toBe(false);
  });
});
