/**
 * A storyline's beats (`canon_beat` events) in the chronicle. A beat whose consequences are
 * ordinary events the chronicle already tells (a couple formed, a carer assigned) lends them
 * its weight and its id; a beat with none is told from its own phrases: the canon's beats by
 * their ids, any other beat by its kind and the people it names (the first named is who it is
 * about). Slots: `a`, `b`, `c`, `d`, `e` are the people in the beat's order, `party` all of
 * them, `clones` the clones among them, `thing` its item, `place` its place, `town` and
 * `school` where it happens; `mine` is present (empty) when the narrator is among the people,
 * `mineA` and `mineB` when the narrator is the first or the second named.
 */
import type { EventRow } from '../store/reader.js';
import type { Ctx } from './context.js';
import { episode, type Episode } from './episode.js';
import { dataOf } from './source.js';
import { group, who, type Phrasebook, type Slots } from './writer.js';
import { seasonOf, seasonYear, thingAgain, thingPhrase } from './words.js';

export interface BeatData {
  beat?: string;
  title?: string;
  kind?: string;
  people?: number[];
  item?: string;
}

/** Ordinary event types that may carry out a beat of each kind. */
const CONSEQUENCES: Record<string, readonly string[]> = {
  friends: ['friendship_formed'],
  tantrum: ['tantrum'],
  'told-plainly': ['guardian_spoke_plainly'],
  'guardian-left': ['guardian_left'],
  lost: ['item_lost'],
  found: ['item_found'],
  danced: ['madame_moved'],
  couple: ['couple_formed'],
  'couple-ended': ['couple_ended'],
  'possible-trip': ['possible_trip', 'possible_seen'],
  outburst: ['outburst'],
  'cares-for': ['carer_assigned'],
  'deferral-visit': ['deferral_applied', 'deferral_refused'],
  'learned-truth': ['deferral_refused'],
  notice: ['became_donor'],
};

/** The ordinary events that carry out a beat: caused by it (or on its day, by its people), of a fitting type. */
export function consequencesOf(c: Ctx, beat: EventRow): EventRow[] {
  const d = dataOf<BeatData>(beat);
  const types = CONSEQUENCES[d?.kind ?? ''] ?? [];
  if (types.length === 0) return [];
  const people = new Set(d?.people ?? [beat.person]);
  const fits = (e: EventRow) => types.includes(c.src.typeName(e.type)) && Math.abs(e.day - beat.day) <= 3;
  const caused = c.src.causedBy(beat.id).filter(fits);
  if (caused.length > 0) return caused;
  const near = [...people].flatMap((p) => (p === null ? [] : c.src.eventsOf(p))).filter(fits);
  return [...new Map(near.map((e) => [e.id, e])).values()];
}

export const BEAT_PHRASES = {
  'beat:secret-guard': [
    {
      t: '{mine}{when} {a} let {b.obj} into {a.pos} secret guard for Miss Geraldine, and that was the real beginning of our friendship.',
      p: 'first',
    },
    { t: '{when} {a} let {b.obj} into {a.pos} secret guard for Miss Geraldine.' },
  ],
  'beat:cassette-bought': [
    { t: '{when} {a} bought {thing} at a Sale.' },
    { t: '{mineA}{when} I found {thing} in a Sale box and spent my tokens on it at once.', p: 'first' },
  ],
  'beat:cassette-bought.after': [
    { t: '{mineA}There was one song on it that I played more than all the others together.', p: 'first' },
    { t: 'There was one song on it {a} played more than all the others together.', p: 'third' },
  ],
  'beat:tantrum-field': [
    { t: '{when} {a} raged on the playing field after the other boys left {a.obj} out of their team.' },
    {
      t: '{when} the boys picked their team without {a.obj}, and {a} stood raging on the field while the rest of us watched.',
      p: 'first',
    },
  ],
  'beat:tantrum-field.after': [
    { t: '{mine}I remember wanting it to stop, and not knowing how.', p: 'first' },
  ],
  'beat:dance': [
    {
      t: '{mineA}{when}, Madame found me dancing on my own to that song, a pillow held to me like a baby, and she stood in the doorway crying.',
      p: 'first',
    },
    { t: '{when} Madame came upon {a} dancing alone to a song, holding a pillow like a baby, and wept.' },
  ],
  'beat:dance.after': [
    { t: '{mineA}It was years before I understood what she had seen.', p: 'first' },
    { t: '{mineA}Neither of us said a word about it, then or later.', p: 'first' },
  ],
  'beat:lucy-to-tommy': [
    { t: '{when} {b} told {a.obj} that it did not matter if {a} was not creative.' },
    { t: '{when} {b} took {a.obj} aside and told {a.obj} that {a.pos} art need not matter.' },
  ],
  'beat:cassette-lost': [
    { t: '{when} {thing} went missing from {a.pos} collection.' },
    { t: '{mineA}{when} {again} disappeared from my collection, and I never found out how.', p: 'first' },
  ],
  'beat:lucy-speaks': [
    {
      t: '{mine}{when} {a} told our class plainly what our lives would be, the donations and nothing after them.',
      p: 'first',
    },
    { t: '{when} {a} told {hearer.pos} class plainly what their lives would be.', p: 'third' },
    {
      t: '{when} {a} told us plainly what our lives would be[, the donations and what came after them|, and what they would not be|].',
      p: 'first',
    },
  ],
  'beat:lucy-leaves': [
    { t: '{when} {a.name} left us, and nobody told us why.', p: 'first' },
    { t: '{when} {a.name} left {school}.' },
  ],
  'beat:ruth-and-tommy': [
    { t: '{when} {ab} became a couple; before long it was hard to think of one without the other.' },
    { t: '{when} {ab} became a couple.' },
  ],
  'beat:cottages': [
    {
      t: '{mine}At {place}, {d} and {e}, who had been there longer than any of us, took up the three of us from {school}.',
      p: 'first',
    },
    { t: 'At {place}, the veterans {d} and {e} took up {abc}.', p: 'third' },
  ],
  'beat:norfolk-trip': [
    {
      t: '{when} {party} drove to Norfolk, because someone had seen a woman there who might be {a.pos} possible.',
    },
    { t: '{when} {party} went all the way to Norfolk to look at a woman who might have been {a.pos} model.' },
  ],
  'beat:ruth-outburst': [
    {
      t: '{mine}The woman was not {a.pos} model after all, and on the way home {a.name} said bitterly that we had all been copied from the lowest people there were.',
      p: 'first',
    },
    {
      t: 'The woman was not {a.pos} model, and {a.name} said bitterly that they had all been copied from the lowest people there were.',
      p: 'third',
    },
  ],
  'beat:cassette-found': [
    {
      t: '{mineA}In a shop in {town}, {ab} found a copy of the cassette I had lost; it was not mine, but it was the same.',
      p: 'first',
    },
    { t: 'In a shop in {town}, {ab} found another copy of {again} {a.name} had lost.', p: 'third' },
  ],
  'beat:animals': [
    {
      t: '{when} {a} showed {b.obj} a notebook of small imaginary animals, and explained {a.pos} idea of what the Gallery had been for.',
    },
    {
      t: '{when} {a} let {b.obj} see the little animals {a} had been drawing in secret, and told {b.obj} {a.pos} theory about the Gallery.',
    },
  ],
  'beat:ruth-mocks': [
    { t: '{when} {a} laughed at {b.pos} animals in front of {c.obj}.' },
    { t: '{when} {a} made fun of the animals {b} drew, in front of {c.obj}.' },
  ],
  'beat:the-boat': [
    {
      t: '{when} {a} drove {b.obj} and {c.obj} out to see a boat left stranded in a field, far from any water.',
    },
    { t: '{when} the three of us went to see the boat stranded in a field; {a} drove.', p: 'first' },
  ],
  'beat:ruth-apology': [
    {
      t: "{mineB}On the way back {a} told {c.name} and me that she had kept us apart on purpose, said she was sorry, and gave us Madame's address.",
      p: 'first',
    },
    {
      t: "On the way back {a} told {bc.obj} that she had kept them apart, said she was sorry, and gave them Madame's address.",
      p: 'third',
    },
  ],
  'beat:kathy-and-tommy': [
    { t: '{mine}{when}, at {place}, {ab} became lovers at last.', p: 'first' },
    { t: '{when}, at {place}, {ab} became lovers.' },
  ],
  'beat:visit-madame': [
    { t: "{when} {clones} went to Madame's house by the sea, to ask her for a deferral." },
    { t: "{when} {clones} found Madame's house and asked her for a deferral." },
  ],
  'beat:the-truth': [
    {
      t: '{mine}Madame let us in, and behind her was Miss Emily, who had been head guardian at {school} in our time; it was Miss Emily who told us that there had never been any deferrals, and that the Gallery had been gathered to show people outside that we had souls at all.',
      p: 'first',
    },
    {
      t: '{mine}Miss Emily, our old head guardian, was living there with Madame, and between them they told us the truth: no couple had ever been given a deferral, and the Gallery had only ever been meant to prove that students like us had souls.',
      p: 'first',
    },
    {
      t: 'Madame and Miss Emily, once head guardian at {school}, told them there that there had never been any deferrals, and that the Gallery had been meant to show that students had souls.',
      p: 'third',
    },
  ],
  'reveal.closed': [
    {
      t: '{school} itself had closed {when}: once people outside stopped wanting to hear how students were raised, Miss Emily said, the money ran out.',
    },
    {
      t: 'She told {us} that {school} had been shut {when}, because those who had paid for it had lost interest, and the money had run out.',
    },
  ],
  'reveal.closing': [
    { t: 'The money was running out, Miss Emily said, and {school} would not last much longer.' },
  ],
  'reveal.dance': [
    {
      t: '{mine}When I asked Madame about the day she had found me dancing, she said she had not been weeping for me alone, but for the harder world she saw coming.',
      p: 'first',
    },
  ],
  'reveal.theory': [
    {
      t: '{mine}So Tommy had been right that the Gallery mattered, and wrong about what it could do for us.',
      p: 'first',
    },
    { t: 'So Tommy had been right that the Gallery mattered, and wrong about what it could do.', p: 'third' },
  ],
  'reveal.lucy': [
    {
      t: '{mine}Miss Lucy, Miss Emily said, had wanted us told everything, and that was why she had had to go.',
      p: 'first',
    },
  ],
  'beat:tommy-rage': [
    {
      t: '{mineB}On the drive back {a} asked me to stop, walked off into a field in the dark, and raged.',
      p: 'first',
    },
    { t: 'On the drive back {a} stopped the car, walked into a field in the dark, and raged.' },
  ],
  'beat:notice': [
    { t: '{when} {a} was told that {a.pos} caring would end with the year.' },
    { t: '{mineA}{when} I was told that my caring would end with the year.', p: 'first' },
  ],
  'beat:norfolk-again': [
    {
      t: '{mineA}{when} I drove out to Norfolk and stood for a while at a fence where all kinds of rubbish had caught on the wire.',
      p: 'first',
    },
    { t: '{when} {a} drove out to Norfolk and stood for a while at a fence hung with rubbish.' },
  ],
  // By kind, for beats of other storylines.
  'kind:friends': ['{when} {ab} became friends.'],
  'kind:tantrum': ['{when} {a} lost {a.pos} temper, badly, in front of everyone.'],
  'kind:told-plainly': ['{when} {a} told a class plainly what their lives would be.'],
  'kind:guardian-left': ['{when} {a} left {school}.'],
  'kind:bought': ['{when} {a} bought {thing}.'],
  'kind:lost': ['{when} {a} lost {thing}.'],
  'kind:found': ['{when} {a} found {thing} again.'],
  'kind:danced': ['{when} Madame came upon {a} dancing alone, and wept.'],
  'kind:couple': ['{when} {ab} became a couple.'],
  'kind:couple-ended': ['{when} {ab} parted.'],
  'kind:possible-trip': ['{when} {party} went looking for {a.pos} possible.'],
  'kind:outburst': ['{when} {a} said bitter things about where they all came from.'],
  'kind:animals': ['{when} {a} began drawing small imaginary animals.'],
  'kind:mocked': ['{when} {a} mocked {b.pos} work in front of the others.'],
  'kind:cares-for': ['{when} {a} became {b.pos} carer.'],
  'kind:trip': ['{when} {party} went out together, to {place}.', '{when} {party} made a trip together.'],
  'kind:apology': ['{when} {a} said sorry to {others}.'],
  'kind:deferral-visit': ['{when} {clones} went to ask for a deferral.'],
  'kind:learned-truth': ['{when} {clones} learned that there had never been any deferrals.'],
  'kind:notice': ['{when} {a} was given notice to become a donor.'],
  'kind:moment': ['{when}: {title}.'],
} satisfies Phrasebook;

/**
 * Tells a beat that no ordinary event carries out.
 * @example beatEpisode(c, beatRow)
 */
export function beatEpisode(c: Ctx, e: EventRow): Episode | undefined {
  const d = dataOf<BeatData>(e);
  if (!d?.title) return undefined;
  const people = d.people ?? [e.person, e.other].filter((x): x is number => x !== null);
  const kind = d.kind ?? 'moment';
  const own: `beat:${string}` = `beat:${d.beat ?? ''}`;
  const title = d.title.replace(/\.$/, '');
  return episode(c, {
    kind: 'beat',
    day: e.day,
    weight: 40,
    people: people.filter((p) => p !== c.life.id),
    events: [e.id],
    tell: (c) => {
      const clones = people.filter((p) => c.src.person(p)?.kind === 'clone');
      const p = (i: number) => (people[i] !== undefined ? who(people[i]) : undefined);
      const item = d.item;
      const slots: Slots = {
        s: c.s,
        when: c.when(e.day),
        title,
        party: group(people),
        clones: group(clones.length > 0 ? clones : people),
        ab: people.length >= 2 ? group(people.slice(0, 2)) : undefined,
        abc: people.length >= 3 ? group(people.slice(0, 3)) : undefined,
        // Named together, never "Kathy and him": a pronoun in a list of two reads as a slip.
        bc: people.length >= 3 ? group(people.slice(1, 3)) : undefined,
        // Whose class heard a beat told to a class: the life's own when they were there.
        hearer: people.includes(c.life.id) && people[0] !== c.life.id ? who(c.life.id) : p(1),
        a: p(0),
        b: p(1),
        c: p(2),
        d: p(3),
        e: p(4),
        others: people.length > 1 ? group(people.slice(1)) : undefined,
        thing: item ? (c.things.has(-hash(item)) ? thingAgain(item) : thingPhrase(item)) : undefined,
        again: item ? thingAgain(item) : undefined,
        place: c.placeName(e.place),
        town: c.placeName(e.place),
        school: c.schoolName,
        mine: people.includes(c.life.id) ? '' : undefined,
        mineA: people[0] === c.life.id ? '' : undefined,
        mineB: people[1] === c.life.id ? '' : undefined,
      };
      if (item) c.things.add(-hash(item));
      const said =
        (c.w.opts.phrases[own] && c.w.say(own, slots, [e.id])) ||
        c.w.say(`kind:${kind}`, slots, [e.id]) ||
        c.w.say('kind:moment', slots, [e.id]);
      if (said && c.w.opts.phrases[`${own}.after`]) c.w.say(`${own}.after` as const, slots, [e.id]);
      if (said && d.beat === 'the-truth') payoff(c, e, slots);
    },
  });
}

/**
 * What the truth at Madame's house explains: why the school closed, and the earlier moments the
 * text has told (the dance, Tommy's theory, Miss Lucy's plain words), called back in turn.
 */
function payoff(c: Ctx, e: EventRow, slots: Slots): void {
  const school = c.life.person.school;
  const closed = c.src
    .eventsOfType(['school_closed'])
    .find((x) => school !== null && x.place === school && x.day <= e.day);
  const us = c.first ? 'us' : 'them';
  // Told as Miss Emily would say it: a season and a year, not the narrator's years of caring.
  if (closed)
    c.w.say(
      'reveal.closed',
      { ...slots, us, when: [`in the ${seasonOf(closed.day)} of ${seasonYear(closed.day)}`] },
      [closed.id, e.id],
    );
  else c.w.say('reveal.closing', { ...slots, us }, [e.id]);
  const told = (beat: string) =>
    c.src.eventsOfType(['canon_beat']).find((b) => dataOf<BeatData>(b)?.beat === beat && c.w.hasCited(b.id));
  for (const [beat, key] of [
    ['dance', 'reveal.dance'],
    ['animals', 'reveal.theory'],
    ['lucy-speaks', 'reveal.lucy'],
  ] as const) {
    const b = told(beat);
    if (b) c.w.say(key, slots, [e.id, b.id]);
  }
}

function hash(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h) + 1;
}

/**
 * The beats a life's telling should include: those naming the subject (or, in a memoir, someone
 * close to the narrator), and a class's beats (plain words, a guardian leaving) at the subject's
 * school while they were there.
 */
export function beatsFor(c: Ctx, close: readonly number[]): EventRow[] {
  const all = c.src.eventsOfType(['canon_beat']);
  if (all.length === 0) return [];
  const near = new Set([c.life.id, ...close]);
  const school = c.life.person.school;
  const left = c.life.dates.residentOn ?? c.life.dates.present;
  return all.filter((b) => {
    if (b.day > c.life.dates.present || b.day < c.life.dates.born) return false;
    const d = dataOf<BeatData>(b);
    const people = d?.people ?? [b.person];
    if (people.some((p) => p !== null && near.has(p))) return true;
    const classWide = d?.kind === 'told-plainly' || d?.kind === 'guardian-left';
    return classWide && school !== null && b.place === school && b.day < left;
  });
}
