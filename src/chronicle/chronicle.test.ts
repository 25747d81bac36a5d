/**
 * Units of the chronicle: English helpers, the writer's memory, naming, and rendering. The
 * whole chronicle on a real world is tested in test/chronicle.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Chronicle } from './model.js';
import { NameState, Namer } from './names.js';
import { toHtml, toMarkdown } from './render.js';
import type { Source } from './source.js';
import { group, who, Writer, type Phrasebook } from './writer.js';
import { cassetteOf, listJoin, numberWord, ordinalWord, possessive, thingPhrase } from './words.js';

/** A Source with just enough people for naming. */
function fakeSource(people: Record<number, { name: string; sex: string; kind?: string }>): Source {
  return {
    person: (id: number) => {
      const p = people[id];
      return p ? { id, name: p.name, sex: p.sex, kind: p.kind ?? 'clone' } : undefined;
    },
  } as unknown as Source;
}

const src = fakeSource({
  1: { name: 'Kathy H.', sex: 'female' },
  2: { name: 'Ruth', sex: 'female' },
  3: { name: 'Tommy D.', sex: 'male' },
  4: { name: 'Miss Emily', sex: 'female', kind: 'guardian' },
  5: { name: 'Ruth B.', sex: 'female' },
});

function writer(
  phrases: Phrasebook,
  narrator: number | null = null,
  perspective: 'first' | 'third' = 'third',
): Writer {
  return new Writer({
    kind: 'biography',
    perspective,
    seed: 7,
    key: 1,
    namer: new Namer(src, narrator),
    phrases,
  });
}

describe('words', () => {
  it('numberWord() and ordinalWord() spell small numbers and keep large ones as digits', () => {
    expect(numberWord(31)).toBe('thirty-one');
    expect(numberWord(0)).toBe('no');
    expect(numberWord(1041)).toBe('1,041');
    expect(ordinalWord(4)).toBe('fourth');
    expect(ordinalWord(22)).toBe('twenty-second');
  });

  it('listJoin() joins as English does', () => {
    expect(listJoin(['Ruth'])).toBe('Ruth');
    expect(listJoin(['Ruth', 'Tommy', 'me'])).toBe('Ruth, Tommy and me');
  });

  it('names a cassette from a Sale as a reader would', () => {
    expect(cassetteOf('"Slow Hours", songs by Vera Linley, on cassette')).toEqual({
      album: 'Slow Hours',
      singer: 'Vera Linley',
    });
    expect(thingPhrase('"Slow Hours", songs by Vera Linley, on cassette')).toBe(
      'a cassette of Vera Linley\'s songs, "Slow Hours"',
    );
    expect(thingPhrase('a blue toy car')).toBe('a blue toy car');
  });

  it('possessive() gives a name ending in s the apostrophe alone', () => {
    expect(possessive('Ruth')).toBe("Ruth's");
    expect(possessive('Kathy H.')).toBe("Kathy H.'s");
    expect(possessive('Miss Barnes')).toBe("Miss Barnes'");
    expect(thingPhrase('"Lanterns", songs by The Harbourlights, on cassette')).toBe(
      'a cassette of The Harbourlights\' songs, "Lanterns"',
    );
  });
});

describe('Namer', () => {
  it('gives the full name first, the first name after, and a pronoun when unambiguous', () => {
    const n = new Namer(src, null);
    const s = new NameState();
    expect(n.ref(3, 'subj', s)).toBe('Tommy D.');
    s.endSentence();
    expect(n.ref(3, 'subj', s)).toBe('he');
    s.newParagraph();
    expect(n.ref(3, 'subj', s)).toBe('Tommy');
    expect(n.ref(4, 'subj', s)).toBe('Miss Emily');
  });

  it('keeps full names when two people share a first name, and never uses an ambiguous pronoun', () => {
    const n = new Namer(src, null);
    const s = new NameState();
    n.ref(2, 'subj', s);
    n.ref(5, 'subj', s);
    s.endSentence();
    expect(n.ref(2, 'subj', s)).toBe('Ruth');
    expect(n.ref(5, 'obj', s)).toBe('Ruth B.');
    s.endSentence();
    expect(n.ref(2, 'pos', s)).toBe("Ruth's");
  });

  it("names a sentence's subject when the previous sentence's subject was not that person alone", () => {
    const n = new Namer(src, 1);
    // "Tommy D. and Ruth took me up." Then Ruth is named as a subject, but "her" elsewhere.
    const both = new NameState();
    n.ref(3, 'subj', both);
    n.ref(2, 'subj', both);
    both.endSentence();
    expect(n.ref(2, 'subj', both.clone())).toBe('Ruth');
    expect(n.ref(2, 'obj', both.clone())).toBe('her');
    // "Ruth took me up." or "I met Ruth.": "she" follows.
    const alone = new NameState();
    n.ref(2, 'subj', alone);
    alone.endSentence();
    expect(n.ref(2, 'subj', alone)).toBe('she');
    const met = new NameState();
    n.ref(1, 'subj', met);
    n.ref(2, 'obj', met);
    met.endSentence();
    expect(n.ref(2, 'subj', met)).toBe('she');
  });

  it('calls the narrator I, me and my', () => {
    const n = new Namer(src, 1);
    const s = new NameState();
    expect([n.ref(1, 'subj', s), n.ref(1, 'obj', s), n.ref(1, 'pos', s)]).toEqual(['I', 'me', 'my']);
  });
});

describe('Writer', () => {
  const phrases: Phrasebook = {
    met: ['{a} met {b.obj} {when}.', '{when} {a} and {b} met.', 'It was {when} that {a} first saw {b.obj}.'],
    pair: [{ t: '{ab} went to the sea.' }],
    firstOnly: [{ t: 'I remember {x}.', p: 'first' }],
  };

  it('never writes the same sentence twice, and says so when it has nothing new', () => {
    const w = writer({ rain: ['It rained {when}.', '{when} it rained.'] });
    const slots = { when: ['in 1975'] };
    const said = [w.say('rain', slots, [1]), w.say('rain', slots, [2]), w.say('rain', slots, [3])];
    expect(said).toEqual([true, true, false]);
    const c = w.finish({
      title: 't',
      subtitle: 's',
      subject: { kind: 'person', id: 2, name: 'Ruth' },
      world: { scenario: 'x', seed: 7, logSha256: '' },
    });
    const texts = c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    expect(texts.sort()).toEqual(['In 1975 it rained.', 'It rained in 1975.']);
  });

  it('is deterministic for the same seed and key', () => {
    const run = () => {
      const w = writer(phrases);
      for (let i = 0; i < 3; i++)
        w.say('met', { a: who(2), b: who(3), when: ['in 1975', 'that spring', 'the next year'] }, [i + 1]);
      return JSON.stringify(
        w.finish({
          title: 't',
          subtitle: 's',
          subject: { kind: 'person', id: 2, name: 'Ruth' },
          world: { scenario: 'x', seed: 7, logSha256: '' },
        }),
      );
    };
    expect(run()).toBe(run());
  });

  it('puts the narrator last in a list of people ("Tommy and I")', () => {
    const w = writer(phrases, 1, 'first');
    w.say('pair', { ab: group([1, 3]) }, [9]);
    const c = w.finish({
      title: 't',
      subtitle: 's',
      subject: { kind: 'person', id: 1, name: 'Kathy H.' },
      world: { scenario: 'x', seed: 7, logSha256: '' },
    });
    expect(c.sections[0]!.paragraphs[0]!.sentences[0]!.text).toBe('Tommy D. and I went to the sea.');
  });

  it('skips variants for the other perspective and variants missing a slot', () => {
    const w = writer(phrases, null, 'third');
    expect(w.say('firstOnly', { x: who(2) }, [1])).toBe(false);
    expect(w.say('met', { a: who(2), b: who(3) }, [1])).toBe(false);
  });

  it('refuses a sentence that rests on no event', () => {
    const w = writer(phrases);
    expect(() => w.say('pair', { ab: group([2, 3]) }, [])).toThrow(/rests on no event/);
  });
});

describe('rendering', () => {
  const c: Chronicle = {
    kind: 'memoir',
    title: 'Kathy H.: a memoir',
    subtitle: 'A test.',
    subject: { kind: 'person', id: 1, name: 'Kathy H.' },
    world: { scenario: 'x', seed: 7, logSha256: 'abc' },
    sections: [
      {
        title: 'Now',
        paragraphs: [
          {
            sentences: [
              { text: 'I drive <a lot>.', events: [12, 34] },
              { text: 'It rains.', events: [56], more: 3 },
            ],
          },
        ],
      },
    ],
  };

  it('Markdown cites each paragraph in a footnote, sentence by sentence', () => {
    const md = toMarkdown(c);
    expect(md).toContain('I drive <a lot>. It rains.[^1]');
    expect(md).toContain('[^1]: (1) #12 #34; (2) #56 … and 3 more');
    expect(toMarkdown(c, { ids: 'inline' })).toContain(
      'I drive <a lot>. [#12,#34] It rains. [#56,…,and 3 more]',
    );
  });

  it('HTML links each sentence to its first event and lists all in data-events, escaped', () => {
    const html = toHtml(c, { linkBase: '#/events/' });
    expect(html).toContain(
      '<a class="s" href="#/events/12" data-events="12 34" title="events 12, 34">I drive &lt;a lot&gt;.</a>',
    );
    expect(html).toContain('data-more="3"');
  });
});
