/**
 * Episodes after school, and the phrases that tell them: arriving at the Cottages (or another
 * residence), the trips to look for possibles, bitter words about where we come from, leaving
 * for training, the years of caring (donors, the drives, completions), what became of the
 * people who mattered, the notice to become a donor, donations and completion, deferrals, and
 * a storyline's beats where the log marks them.
 */
import { yearOf } from '../engine/calendar.js';
import type { EventRow } from '../store/reader.js';
import { beliefClause } from './beliefs.js';
import type { Ctx } from './context.js';
import { episode, type Episode } from './episode.js';
import { keyPeople } from './life.js';
import { pronoun } from './names.js';
import { dataOf } from './source.js';
import { group, who, type Phrasebook } from './writer.js';
import { count, listJoin, numberWord, ordinalWord, seasonOf } from './words.js';

export const LATER_PHRASES: Phrasebook = {
  'arrival.with': [
    { t: '{when} I left {school} for {residence}, with {mates} and {n} others of our year.', p: 'first' },
    { t: 'I was {age} when we left {school}; {mates} came with me to {residence}.', p: 'first' },
    { t: '{when} {party} went to live at {residence}.', p: 'first' },
    { t: 'At {age} {s} left {school} for {residence}, along with {mates}.', p: 'third' },
    { t: '{when} {s} moved from {school} to {residence}, as did {mates}.', p: 'third' },
  ],
  'arrival.alone': [
    { t: '{when} I left {school} for {residence}.', p: 'first' },
    { t: 'I was {age} when I left {school} and went to {residence}.', p: 'first' },
    { t: 'At {age} {s} left {school} for {residence}.', p: 'third' },
  ],
  'arrival.reflect': [
    {
      t: '[It was the first time I had lived anywhere but {school}|I had never lived anywhere but {school} before|Until then I had known nowhere but {school}|Before that, {school} was the only home I had known][, and it showed|, and I felt it at once|, and for weeks I missed it|].',
      p: 'first',
    },
    {
      t: 'I remember how [small|few|shabby] our things looked, unpacked in a [strange|cold|bare|draughty] room[ that first night| under the eaves| that first week|].',
      p: 'first',
    },
    {
      t: 'There were [people|veterans|residents] there from other [places|schools|homes], [older than us|a year or two ahead of us|who had been there for ages], [who seemed to know|who knew|who acted as if they knew] how everything [worked|went][ already|].',
      p: 'first',
    },
  ],
  'trip.mine': [
    {
      t: '{when} {party} drove to {town}, because someone claimed to have seen my possible there.',
      p: 'first',
    },
    {
      t: '{when} we went all the way to {town}, {party}, on the strength of a sighting of my possible.',
      p: 'first',
    },
    {
      t: '{when} {party} travelled to {town} to look for {s.pos} possible, who had been seen there.',
      p: 'third',
    },
  ],
  'trip.theirs': [
    { t: '{when} I went to {town} with {companions}, looking for {x.pos} possible.', p: 'first' },
    {
      t: '{when} {party} drove to {town}, where someone had seen a person who might have been {x.pos} model.',
      p: 'first',
    },
    { t: '{when} {s} went with {party} to {town}, to look for {x.pos} possible.', p: 'third' },
  ],
  'trip.wrong': [
    {
      t: 'When we found the {person} at last, it was plain to all of us that it was the wrong one.',
      p: 'first',
    },
    { t: 'The {person} we saw there was nothing like {x.obj}, once we were close.', p: 'first' },
    { t: 'The {person} they found was not {x.pos} model.', p: 'third' },
    { t: 'It was the wrong {person}.', p: 'third' },
  ],
  'trip.wrong.mine': [
    { t: 'The {person} we found was nothing like me, and I think I knew it at once.', p: 'first' },
    { t: 'It was not my model, whatever I had hoped.', p: 'first' },
  ],
  'trip.right': [
    { t: 'It was the right {person}; none of us ever doubted it.', p: 'first' },
    { t: 'This time the sighting was right.', p: 'third' },
  ],
  'outburst.them': [
    {
      t: '{when} {x} said aloud, in front of {n} of us, what we had all been careful not to say: that {clause}.',
      p: 'first',
    },
    { t: '{when} {x} told a room of us, bitterly, that {clause}.', p: 'first' },
    { t: '{when} {x} said in front of {s.obj} and others that {clause}.', p: 'third' },
  ],
  'outburst.mine': [
    {
      t: '{when} I said aloud, in front of {n} others, that {clause}; I have regretted it since.',
      p: 'first',
    },
    { t: '{when} {s} said bitterly, in front of {n} others, that {clause}.', p: 'third' },
  ],
  'training.left': [
    {
      t: "{when} I left {residence} [to begin my training as a carer|to train as a carer|for my carer's training|and started my training][, like most of us sooner or later|, with a bag and a list of addresses|, and did not go back|].",
      p: 'first',
    },
    {
      t: 'I was {age} when I left {residence} for [training|carer training|my training][, and I went alone|, on a grey morning|].',
      p: 'first',
    },
    { t: '{when} {s} left {residence} to train as a carer.', p: 'third' },
    { t: 'At {age} {s} left {residence} for carer training.', p: 'third' },
  ],
  'training.frame': [
    {
      t: 'The morning I left {residence} to train as a carer, {when}, I [stood a while by the gate|looked back from the lane|sat in the van with my bag on my knees] and thought of the day we had [first come there|arrived|got down from the van with our things].',
      p: 'first',
    },
    {
      t: 'When I set off from {residence} for my training, {when}, [it was the day we had arrived that came back to me|what I kept seeing was the day we had arrived|I found myself thinking of the day we had arrived][, and how young we had been|].',
      p: 'first',
    },
  ],
  'training.back': [
    {
      t: '[All of that was behind me, then,|That was what I left behind|That was the place I was leaving] the morning I [set off|went off|left] for my training[, and I did not look back again|, with no more idea than before of what it would be like|, with one bag and a list of centres| in the rain|].',
      p: 'first',
    },
  ],
  'training.knew': [
    {
      t: '[Until then|Up to that morning|Before that], I [think|suppose|believe], I had known what lay ahead [without ever quite believing it|without letting it in|without looking at it straight|the way you know the date of something far off|only as words].',
      p: 'first',
    },
    {
      t: '[It was only then that|It was there that|It was at that point that] what we had been told [became something I actually believed|became something I believed|turned into something I felt|turned into something I could believe|started to feel real][| in my bones| for me].',
      p: 'first',
    },
    { t: 'Only then, it seems, did the future {s} had been told about become real to {s.obj}.', p: 'third' },
  ],
  'care.first': [
    { t: 'My first donor was {x}, at {centre}, {when}.', p: 'first' },
    { t: '{when} I was given my first donor, {x}, at {centre}.', p: 'first' },
    { t: '{s.pos} first donor, {when}, was {x}, at {centre}.', p: 'third' },
  ],
  'care.chosen': [
    { t: '{when} I asked to be {x.pos} carer, and they let me.', p: 'first' },
    { t: '{when} I became {x.pos} carer at {centre}, at my own request.', p: 'first' },
    { t: '{when} {s} asked for {x.obj} as a donor, and became {x.pos} carer at {centre}.', p: 'third' },
  ],
  'care.given': [
    { t: '{when} {x} became one of my donors, at {centre}.', p: 'first' },
    { t: '{when} I was made {x.pos} carer at {centre}.', p: 'first' },
    { t: '{when} {s} became {x.pos} carer, at {centre}.', p: 'third' },
  ],
  'care.compact': [
    { t: '{at} I asked for {x.obj}, who gave {n} in my care and completed {later}.', p: 'first' },
    { t: '{x} came to me {at}, and I saw {x.obj} through {allOf}; {x} completed {later}.', p: 'first' },
    {
      t: '{at} I became carer to {x.obj}, at {centre}, and stayed with {x.obj} through {n} until {x} completed, {later}.',
      p: 'first',
    },
    { t: '{at} {s} became carer to {x.obj}, at {centre}; {x} gave {n} and completed {later}.', p: 'third' },
  ],
  'care.compact.alive': [
    { t: '{at} I became carer to {x.obj}, at {centre}; {x} has given {n} since.', p: 'first' },
    { t: '{x} came to me {at}, and has given {n} in my care.', p: 'first' },
    { t: '{at} {s} became carer to {x.obj}, at {centre}; {x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'care.chosen.many': [
    { t: '{at} I asked for {xs} together, at {centre}, and was given {all}.', p: 'first' },
    { t: '{at} I took on {xs} at once, at {centre}, because I asked to.', p: 'first' },
    { t: '{at} {s} took on {xs} together, at {centre}, at {s.pos} own request.', p: 'third' },
  ],
  'care.follow': [
    { t: '{x} gave {n} in my care and completed {later}.', p: 'first' },
    { t: '{x} completed {later}, after {n} with me.', p: 'first' },
    { t: '{x} stayed in my care through {n}, and completed {later}.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care and completed {later}.', p: 'third' },
  ],
  'care.follow.alive': [
    { t: '{x} has given {n} since.', p: 'first' },
    { t: '{x} is still mine, with {n} given.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'care.schoolmate': [
    { t: 'I had known {x.obj} at {school}, {rel}.', p: 'first' },
    { t: '{x} had been at {school} with {s.obj}, {rel}.', p: 'third' },
  ],
  'care.donations': [
    { t: '{x} gave {n} while I looked after {x.obj}.', p: 'first' },
    { t: 'In my care {x} gave {n}.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'care.completed': [
    { t: '{x} completed {when}, after the {ord} donation, while I was still {x.pos} carer.', p: 'first' },
    { t: '{when} {x} completed, after {x.pos} {ord} donation, with me still {x.pos} carer.', p: 'first' },
    { t: 'I was still looking after {x.obj} when {x} completed, {when}, after the {ord}.', p: 'first' },
    { t: '{x} completed {when}, after {x.pos} {ord} donation.', p: 'first' },
    { t: '{x} completed {when}, after the {ord} donation, still in {s.pos} care.', p: 'third' },
  ],
  'care.year': [
    { t: 'In {year} I took on {donors} at {centres}, and {done} of them completed in my care.', p: 'first' },
    { t: '{at} I was given {donors}, at {centres}; {done} of them completed while I had them.', p: 'first' },
    { t: '{season} brought {donors}, at {centres}, and in time {done} completions.', p: 'first' },
    {
      t: 'In {year} {s} took on {donors} at {centres}; {done} of them completed in {s.pos} care.',
      p: 'third',
    },
  ],
  'care.year.none': [
    {
      t: 'In {year} I took on {donors} at {centres}, and none of them completed while I had them.',
      p: 'first',
    },
    { t: '{at} I was given {donors}, at {centres}, and saw every one of them through.', p: 'first' },
    { t: 'In {year} {s} took on {donors} at {centres}, none of whom completed in {s.pos} care.', p: 'third' },
  ],
  'care.rounds': [
    { t: 'In {span} I must have driven {miles} miles, most of it between {centres}.', p: 'first' },
    { t: 'The drives between {centres} have come to {miles} miles in {span}, by my reckoning.', p: 'first' },
    {
      t: 'I have worn out two cars on the roads between {centres}: {miles} miles, near enough, in {span}.',
      p: 'first',
    },
    { t: 'In {span} {s.pos} rounds between {centres} came to {miles} miles.', p: 'third' },
  ],
  'fate.completed': [
    { t: '{x} completed at {centre} {when}, after {x.pos} {ord} donation.', p: 'first' },
    { t: '{when} I heard that {x} had completed, at {centre}, after the {ord} donation.', p: 'first' },
    { t: '{x} completed {when}, at {centre}; it was the {ord} donation.', p: 'first' },
    { t: '{x} completed at {centre} {when}, after {x.pos} {ord} donation.', p: 'third' },
  ],
  'fate.donor': [
    { t: '{x} became a donor {when}, at {centre}.', p: 'first' },
    { t: '{x} became a donor {when}.', p: 'third' },
  ],
  'fate.carer': [
    { t: '{x} is still a carer, as far as I know.', p: 'first' },
    { t: 'The last I heard, {x} was still caring.', p: 'first' },
  ],
  'notice.first': [
    {
      t: '{when} I was told that my caring will end this year, and that I am to [be a donor|begin donating|start my donations].',
      p: 'first',
    },
    {
      t: '[The notice came|My notice came|Word came] {when}: [before long I will be a donor myself|by the end of the year I will be a donor|soon I will be the one being cared for|my turn to donate is coming].',
      p: 'first',
    },
    {
      t: '{when} they told me I would soon stop being a carer and [begin as a donor|become a donor|start my donations][, which I had known was coming|, as we all do sooner or later|].',
      p: 'first',
    },
  ],
  'notice.third': [
    { t: '{when} {s} became a donor, at {centre}, after {years} as a carer.', p: 'third' },
    {
      t: 'After {years} as a carer, {s} was given notice {when} and became a donor at {centre}.',
      p: 'third',
    },
  ],
  'notice.direct': [
    { t: '{when} {s} became a donor, at {centre}, without ever having cared for anyone.', p: 'third' },
    { t: '{when} I was given notice to become a donor.', p: 'first' },
  ],
  'donation.first': [
    { t: '{s} gave {s.pos} first donation at {centre} {when}.', p: 'third' },
    { t: '{when} {s} gave the first donation, at {centre}.', p: 'third' },
  ],
  'donation.next': [
    { t: 'The {ord} followed {when}.', p: 'third' },
    { t: 'The {ord} donation came {when}.', p: 'third' },
    { t: '{s} gave the {ord} {when}.', p: 'third' },
  ],
  'donation.carer': [
    { t: '{x} was {s.pos} carer for much of that time.', p: 'third' },
    { t: 'For most of it {s.pos} carer was {x}.', p: 'third' },
  ],
  'completed.self': [
    { t: '{s} completed at {centre} {when}, after {n}.', p: 'third' },
    { t: '{when} {s} completed, at {centre}, after {n}.', p: 'third' },
  ],
  'spared.self': [
    { t: '{when} {s} reached the last donation the programme asks, and gave no more.', p: 'third' },
  ],
  'alive.end': [
    { t: 'When this record ends, {s} is still a donor, at {centre}, with {n} given.', p: 'third' },
    { t: 'When this record ends, {s} is still a carer.', p: 'third' },
  ],
  'alive.notice': [
    {
      t: 'When this record ends, {s} has been given notice and is waiting for the first donation.',
      p: 'third',
    },
  ],
  'alive.resident': [{ t: 'When this record ends, {s} is still at {residence}.', p: 'third' }],
  'alive.student': [{ t: 'When this record ends, {s} is still a student at {school}.', p: 'third' }],
  'transfer.moved': [
    { t: '{when} {from} closed, and I was sent to {to}.', p: 'first' },
    { t: '{when} {from} closed for lack of money, and {s} was moved to {to}.', p: 'third' },
  ],
  'deferral.applied': [
    {
      t: '{when} {x} and I went to {place} to ask for a deferral, and took our pictures with us.',
      p: 'first',
    },
    {
      t: '{when} {s} and {x} went to {place} to ask for a deferral, bringing their art as proof.',
      p: 'third',
    },
  ],
  'deferral.refused': [
    { t: 'We were told, kindly enough, that there was no such thing, and never had been.', p: 'first' },
    { t: 'They were told that there were no deferrals, and never had been.', p: 'third' },
  ],
  'deferral.granted': [
    { t: 'To our astonishment we were given {years} more.', p: 'first' },
    { t: 'They were granted {years}.', p: 'third' },
  ],
};

function placeOrTown(c: Ctx, e: EventRow, town?: string): string {
  return town ?? c.placeName(e.place) ?? 'a town a long way off';
}

/** Every episode after school: residence, caring, donation, and what became of friends. */
export function laterEpisodes(c: Ctx): Episode[] {
  const out: Episode[] = [];
  arrival(c, out);
  trips(c, out);
  outbursts(c, out);
  training(c, out);
  caring(c, out);
  fates(c, out);
  donorYears(c, out);
  transfers(c, out);
  deferrals(c, out);
  return out;
}

function arrival(c: Ctx, out: Episode[]): void {
  const e = c.life.of('became_resident').find((x) => x.person === c.life.id);
  if (!e || e.place === null) return;
  const sameDay = c.src
    .eventsAt(e.place, ['became_resident'])
    .filter((x) => x.day === e.day && x.person !== c.life.id && x.person !== null);
  const mates = sameDay
    .map((x) => x.person!)
    .filter((p) => c.bond(p) >= 4)
    .sort((a, b) => c.bond(b) - c.bond(a))
    .slice(0, 2);
  const school = c.schoolName;
  out.push(
    episode(c, {
      kind: 'arrival',
      day: e.day,
      phase: 'residence',
      weight: 20,
      people: mates,
      events: [e.id],
      tell: (c) => {
        const slots = {
          s: c.s,
          when: arrivalAnchors(c, e.day),
          age: numberWord(c.clock.age(e.day)),
          school,
          residence: c.placeName(e.place) ?? 'the Cottages',
          mates: mates.length > 0 ? group(mates) : undefined,
          party: mates.length > 0 ? group([...mates, c.life.id]) : undefined,
          n: numberWord(Math.max(0, sameDay.length - mates.length)),
        };
        c.w.say(mates.length > 0 ? 'arrival.with' : 'arrival.alone', slots, [e.id]);
        if (c.first) c.w.say('arrival.reflect', { s: c.s, school }, [e.id]);
      },
    }),
  );
}

/** The day of leaving school, told as an age and a season (never "in our first months there"). */
function arrivalAnchors(c: Ctx, day: number): string[] {
  const s = seasonOf(day);
  const a = numberWord(c.clock.age(day));
  return c.first
    ? [`the ${s} we were ${a}`, `when I was ${a}`, `the ${s} I turned ${a}`].slice(
        0,
        c.clock.age(day) === c.clock.age(day - 120) ? 2 : 3,
      )
    : [`the ${s} ${c.sexOf(c.life.id) === 'male' ? 'he' : 'she'} was ${a}`, `in the ${s} of ${yearOf(day)}`];
}

function trips(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const e of c.life.of('possible_trip')) {
    const d = dataOf<{ town?: string; party?: number[] }>(e);
    const party = (d?.party ?? []).filter((p) => p !== id);
    const seeker = e.person ?? id;
    const seen = c.src.causedBy(e.id).find((x) => c.src.typeName(x.type) === 'possible_seen');
    const seenData = seen ? dataOf<{ right?: boolean }>(seen) : null;
    const original = seen?.other !== null && seen?.other !== undefined ? c.src.person(seen.other) : undefined;
    out.push(
      episode(c, {
        kind: 'trip',
        day: e.day,
        weight: 14,
        people: [seeker === id ? -1 : seeker, ...party].filter((p) => p >= 0),
        events: [e.id, ...(seen ? [seen.id] : [])],
        tell: (c) => {
          const town = placeOrTown(c, e, d?.town);
          const others = party.filter((p) => p !== seeker);
          const slots = {
            s: c.s,
            x: who(seeker),
            when: c.when(e.day),
            town,
            companions: group([seeker, ...others.slice(0, 3)]),
            party:
              seeker === id
                ? group([...party, id])
                : group([seeker, ...others.slice(0, 3), ...(c.first ? [id] : [])]),
          };
          c.w.say(seeker === id ? 'trip.mine' : 'trip.theirs', slots, [e.id]);
          if (!seen) return;
          const person = original?.sex === 'male' ? 'man' : 'woman';
          if (seenData?.right) c.w.say('trip.right', { s: c.s, person }, [seen.id]);
          else
            c.w.say(
              seeker === id && c.first ? 'trip.wrong.mine' : 'trip.wrong',
              { s: c.s, x: who(seeker), person },
              [seen.id],
            );
        },
      }),
    );
  }
}

function outbursts(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const e of c.life.of('outburst')) {
    const d = dataOf<{ about?: string; v?: string }>(e);
    if (!d?.about || !d.v || e.person === null) continue;
    const speaker = e.person;
    out.push(
      episode(c, {
        kind: 'outburst',
        day: e.day,
        weight: 8 + c.bond(speaker) / 3,
        people: speaker === id ? [] : [speaker],
        events: [e.id],
        tell: (c) => {
          const clause = beliefClause(d.about!, d.v!, c.w.perspective, c.life.person.sex);
          c.w.say(
            speaker === id ? 'outburst.mine' : 'outburst.them',
            { s: c.s, x: who(speaker), when: c.when(e.day), n: numberWord(e.value ?? 3), clause },
            [e.id],
          );
        },
      }),
    );
  }
}

function training(c: Ctx, out: Episode[]): void {
  const e = c.life.of('left_for_training').find((x) => x.person === c.life.id);
  if (!e) return;
  const knew = c.life.of('learned_by_experience').find((x) => x.cause === e.id && x.person === c.life.id);
  out.push(
    episode(c, {
      kind: 'training',
      day: e.day,
      phase: 'residence',
      weight: 20,
      people: [],
      events: [e.id],
      tell: (c) => {
        // Told already as the frame the section opened from: only the return to it, resting on
        // what leaving taught (an event of its own), so the leaving is cited in no third paragraph.
        if (c.framed.has(e.id)) {
          if (knew) c.w.say('training.back', { s: c.s }, [knew.id]);
        } else
          c.w.say(
            'training.left',
            {
              s: c.s,
              when: arrivalAnchors(c, e.day),
              age: numberWord(c.clock.age(e.day)),
              residence: c.placeName(e.place) ?? 'the Cottages',
            },
            [e.id],
          );
        if (knew) c.w.say('training.knew', { s: c.s }, [knew.id]);
      },
    }),
  );
}

interface Assignment {
  event: EventRow;
  donor: number;
  chosen: boolean;
  donations: EventRow[];
  completed: EventRow | undefined;
}

/** The donors a carer took on, with their donations and completions in the carer's care. */
export function assignmentsOf(c: Ctx): Assignment[] {
  const id = c.life.id;
  const byDonor = new Map<number, Assignment>();
  const list: Assignment[] = [];
  for (const e of c.life.events) {
    const t = c.src.typeName(e.type);
    if (e.other !== id || e.person === null) continue;
    if (t === 'carer_assigned') {
      const a: Assignment = {
        event: e,
        donor: e.person,
        chosen: e.value === 1,
        donations: [],
        completed: undefined,
      };
      byDonor.set(e.person, a);
      list.push(a);
    } else if (t === 'donated') byDonor.get(e.person)?.donations.push(e);
    else if (t === 'completed') {
      const a = byDonor.get(e.person);
      if (a) a.completed = e;
    }
  }
  return list;
}

function schoolRel(c: Ctx, other: number): string | undefined {
  const me = c.life.person;
  const p = c.src.person(other);
  if (!p || p.school === null || p.school !== me.school || p.cohort === null || me.cohort === null)
    return undefined;
  const diff = p.cohort - me.cohort;
  if (diff === 0) return c.first ? 'in my own year' : 'in the same year';
  const n = Math.abs(diff);
  const years = n === 1 ? 'a year' : `${numberWord(n)} years`;
  if (c.first) return diff > 0 ? `${years} below me` : `${years} above me`;
  return diff > 0 ? `${years} below` : `${years} above`;
}

function caring(c: Ctx, out: Episode[]): void {
  const all = assignmentsOf(c);
  if (all.length === 0) return;
  const told = new Set<Assignment>();
  const first = all[0]!;
  const school = c.schoolName;
  const keyDonor = (a: Assignment) => a.chosen || c.bond(a.donor) >= 6;
  out.push(
    episode(c, {
      kind: 'care-first',
      day: first.event.day,
      phase: 'caring',
      weight: 10,
      people: [first.donor],
      events: [first.event.id],
      tell: (c) =>
        void c.w.say(
          'care.first',
          {
            s: c.s,
            x: who(first.donor),
            when: c.when(first.event.day),
            centre: c.centreName(first.event.place),
          },
          [first.event.id],
        ),
    }),
  );
  told.add(first);
  const keyByDay = new Map<number, Assignment[]>();
  for (const a of all) {
    if (!keyDonor(a) || a === first) continue;
    told.add(a);
    keyByDay.set(a.event.day, [...(keyByDay.get(a.event.day) ?? []), a]);
  }
  for (const [day, list] of keyByDay) {
    // Someone who matters a great deal: the ending is its own episode, told in its place in time.
    const a = list[0]!;
    if (list.length === 1 && c.bond(a.donor) >= 12 && a.completed) {
      const end = a.completed;
      out.push(
        episode(c, {
          kind: 'care-donor',
          day,
          phase: 'caring',
          weight: 12 + c.bond(a.donor) / 2,
          people: [a.donor],
          events: [a.event.id, ...a.donations.map((e) => e.id)],
          tell: (c) => tellAssignment(c, { ...a, completed: undefined }, school, true),
        }),
        episode(c, {
          kind: 'care-end',
          day: end.day,
          phase: 'caring',
          weight: 12 + c.bond(a.donor) / 2,
          people: [a.donor],
          events: [end.id],
          tell: (c) => tellCompleted(c, a, end, c.when(end.day)),
        }),
      );
      continue;
    }
    const events = list.flatMap((a) => [
      a.event.id,
      ...a.donations.map((e) => e.id),
      ...(a.completed ? [a.completed.id] : []),
    ]);
    out.push(
      episode(c, {
        kind: 'care-donor',
        day,
        phase: 'caring',
        weight: 6 + Math.max(...list.map((a) => c.bond(a.donor))) / 2 + (list.some((a) => a.chosen) ? 3 : 0),
        people: list.map((a) => a.donor),
        events,
        tell: (c) => (list.length === 1 ? tellAssignment(c, list[0]!, school) : tellTogether(c, list)),
      }),
    );
  }
  // The rest, a year at a time.
  const byYear = new Map<number, Assignment[]>();
  for (const a of all) {
    if (told.has(a)) continue;
    const y = Math.floor((a.event.day - (c.life.dates.carerOn ?? a.event.day)) / 365.2425);
    byYear.set(y, [...(byYear.get(y) ?? []), a]);
  }
  for (const [, list] of byYear) {
    if (list.length < 2) continue;
    const day = list[0]!.event.day;
    const centres = [...new Set(list.map((a) => c.placeName(a.event.place)).filter((x): x is string => !!x))];
    const done = list.filter((a) => a.completed);
    const ids = [...list.map((a) => a.event.id), ...done.map((a) => a.completed!.id)];
    out.push(
      episode(c, {
        kind: 'care-year',
        day,
        phase: 'caring',
        weight: 3 + done.length * 0.5,
        people: [],
        events: ids,
        tell: (c) => {
          const slots = {
            s: c.s,
            at: c.at(day),
            season: `the ${seasonOf(day)} of ${yearOf(day)}`,
            year: String(yearOf(day)),
            donors: count(list.length, 'new donor'),
            centres: listJoin(centres),
            done: numberWord(done.length),
          };
          c.w.say(done.length > 0 ? 'care.year' : 'care.year.none', slots, ids);
        },
      }),
    );
  }
  const rounds = c.life.of('carer_round').filter((e) => e.person === c.life.id);
  if (rounds.length > 0) {
    const km = rounds.reduce((s, e) => s + (e.value ?? 0), 0);
    const centres = new Set<number>();
    for (const e of rounds)
      for (const [from, to] of dataOf<{ legs?: [number, number, number][] }>(e)?.legs ?? []) {
        centres.add(from);
        centres.add(to);
      }
    const names = [...centres]
      .map((p) => c.placeName(p))
      .filter((x): x is string => !!x)
      .sort();
    if (km > 100 && names.length > 0)
      out.push(
        episode(c, {
          kind: 'rounds',
          day: rounds[rounds.length - 1]!.day,
          phase: 'caring',
          weight: 2,
          people: [],
          events: rounds.map((e) => e.id),
          tell: (c) =>
            void c.w.say(
              'care.rounds',
              {
                s: c.s,
                // England in those years counted in miles.
                miles: approx(km * 0.621371),
                centres: listJoin(names),
                // The years of rounds are the years of caring, counted as the opening counts them.
                span: spanText(c, c.life.dates.carerOn ?? rounds[0]!.day, c.life.dates.present),
              },
              rounds.map((e) => e.id),
            ),
        }),
      );
  }
}

/** A distance as a person would say it: "nearly twenty thousand", "well over a hundred thousand". */
export function approx(km: number): string {
  if (km < 1000) return `some ${numberWord(Math.max(1, Math.round(km / 100)))} hundred`;
  const k = km / 1000;
  if (k >= 100) {
    const h = Math.floor(k / 100);
    return `well over ${h === 1 ? 'a' : numberWord(h)} hundred thousand`;
  }
  const r = Math.round(k);
  return `${k < r ? 'nearly' : 'some'} ${numberWord(r)} thousand`;
}

/** How long a run of months lasted, as a person would say it. */
function spanText(c: Ctx, from: number, to: number): string {
  const mine = c.first ? 'my' : c.sexOf(c.life.id) === 'male' ? 'his' : 'her';
  const years = Math.floor((to - from) / 365.2425);
  if (years < 1) return `${mine} months on the road`;
  return years === 1 ? 'a year of rounds' : `${numberWord(years)} years of rounds`;
}

function donationsText(a: Assignment): string {
  return a.donations.length === 1 ? 'one donation' : count(a.donations.length, 'donation');
}

function tellTogether(c: Ctx, list: readonly Assignment[]): void {
  const a0 = list[0]!;
  c.w.say(
    'care.chosen.many',
    {
      s: c.s,
      xs: group(list.map((a) => a.donor)),
      at: c.when(a0.event.day),
      centre: c.centreName(a0.event.place),
      all: list.length === 2 ? 'both' : `all ${numberWord(list.length)}`,
    },
    list.map((a) => a.event.id),
  );
  for (const a of list) {
    if (a.donations.length === 0) continue;
    const ids = [...a.donations.map((e) => e.id), ...(a.completed ? [a.completed.id] : [])];
    const later = a.completed ? c.clock.after(a.completed.day, a.event.day) : undefined;
    c.w.say(
      a.completed ? 'care.follow' : 'care.follow.alive',
      { s: c.s, x: who(a.donor), n: donationsText(a), later },
      ids,
    );
  }
}

function tellAssignment(c: Ctx, a: Assignment, school: string, expanded = false): void {
  const centre = c.centreName(a.event.place);
  const n = donationsText(a);
  if (!expanded && c.w.isNew(a.donor) && a.donations.length > 0 && c.w.rng.chance(0.8)) {
    const ids = [a.event.id, ...a.donations.map((e) => e.id), ...(a.completed ? [a.completed.id] : [])];
    const pos = pronoun(c.sexOf(a.donor), 'pos');
    const k = a.donations.length;
    const allOf =
      k === 1
        ? `${pos} only donation`
        : k === 2
          ? `both ${pos} donations`
          : `all ${numberWord(k)} of ${pos} donations`;
    const slots = {
      s: c.s,
      x: who(a.donor),
      at: c.when(a.event.day),
      centre,
      n,
      allOf,
      later: a.completed ? c.clock.after(a.completed.day, a.event.day) : undefined,
    };
    if (c.w.say(a.completed ? 'care.compact' : 'care.compact.alive', slots, ids)) return;
  }
  c.w.say(
    a.chosen ? 'care.chosen' : 'care.given',
    { s: c.s, x: who(a.donor), when: c.when(a.event.day), centre },
    [a.event.id],
  );
  const rel = schoolRel(c, a.donor);
  if (rel && c.bond(a.donor) < 4)
    c.w.say('care.schoolmate', { s: c.s, x: who(a.donor), school, rel }, [a.event.id]);
  if (!expanded && (a.donations.length > 1 || (a.donations.length === 1 && !a.completed)))
    c.w.say(
      'care.donations',
      {
        s: c.s,
        x: who(a.donor),
        n,
      },
      a.donations.map((e) => e.id),
    );
  if (a.completed) tellCompleted(c, a, a.completed, c.then(a.completed.day));
}

/** The donor's completion while the subject was still their carer, anchored by `when`. */
function tellCompleted(c: Ctx, a: Assignment, end: EventRow, when: string[]): void {
  c.w.say(
    'care.completed',
    { s: c.s, x: who(a.donor), when, ord: ordinalWord(end.value ?? a.donations.length) },
    [end.id],
  );
}

function fates(c: Ctx, out: Episode[]): void {
  const cared = new Set(assignmentsOf(c).map((a) => a.donor));
  for (const x of keyPeople(c.life, 6)) {
    if (cared.has(x)) continue;
    const evs = c.src.eventsOf(x).filter((e) => e.person === x && e.day <= c.life.dates.present);
    const done = evs.find((e) => c.src.typeName(e.type) === 'completed');
    const donor = evs.find((e) => c.src.typeName(e.type) === 'became_donor');
    // A completion is told if there was one; otherwise becoming a donor.
    const e = done ?? donor;
    if (!e) continue;
    const phase = c.clock.phase(e.day);
    out.push(
      episode(c, {
        kind: 'fate',
        day: e.day,
        phase: phase === 'school' ? 'caring' : phase,
        weight: done ? 4 + c.bond(x) / 2 : 2 + c.bond(x) / 3,
        people: [x],
        events: [e.id],
        tell: (c) =>
          void c.w.say(
            done ? 'fate.completed' : 'fate.donor',
            {
              s: c.s,
              x: who(x),
              when: c.when(e.day),
              centre: c.centreName(e.place),
              ord: done ? ordinalWord(done.value ?? 1) : undefined,
            },
            [e.id],
          ),
      }),
    );
  }
}

/** The notice, the donations and the completion of the subject (a memoir stops at the notice). */
function donorYears(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const notice = c.life.of('became_donor').find((e) => e.person === id);
  if (!notice) return;
  const caredDays = notice.value ?? 0;
  out.push(
    episode(c, {
      kind: 'notice',
      day: notice.day,
      phase: 'donor',
      weight: 30,
      people: [],
      events: [notice.id],
      tell: (c) => {
        const years = caredDays > 0 ? `${numberWord(Math.round(caredDays / 365.2425))} years` : undefined;
        const slots = {
          s: c.s,
          when: c.when(notice.day),
          centre: c.centreName(notice.place),
          years,
        };
        if (c.first) c.w.say(caredDays > 0 ? 'notice.first' : 'notice.direct', slots, [notice.id]);
        else c.w.say(caredDays > 0 ? 'notice.third' : 'notice.direct', slots, [notice.id]);
      },
    }),
  );
  if (c.first) return;
  const donations = c.life.of('donated').filter((e) => e.person === id);
  const done = c.life.of('completed').find((e) => e.person === id);
  const spared = c.life.of('spared').find((e) => e.person === id);
  if (donations.length === 0 && !done) return;
  const carers = new Map<number, number>();
  for (const e of donations) if (e.other !== null) carers.set(e.other, (carers.get(e.other) ?? 0) + 1);
  const mainCarer = [...carers].sort((a, b) => b[1] - a[1])[0];
  out.push(
    episode(c, {
      kind: 'donations',
      day: donations[0]?.day ?? done!.day,
      phase: 'donor',
      weight: 30,
      people: mainCarer ? [mainCarer[0]] : [],
      events: [...donations.map((e) => e.id), ...(done ? [done.id] : [])],
      tell: (c) => {
        donations.forEach((e, i) => {
          const centre = c.centreName(e.place);
          if (done && i === donations.length - 1 && done.day - e.day < 40) return;
          if (i === 0) c.w.say('donation.first', { s: c.s, when: c.when(e.day), centre }, [e.id]);
          else
            c.w.say('donation.next', { s: c.s, when: c.then(e.day), ord: ordinalWord(e.value ?? i + 1) }, [
              e.id,
            ]);
        });
        if (mainCarer && donations.length > 1)
          c.w.say(
            'donation.carer',
            { s: c.s, x: who(mainCarer[0]) },
            donations.filter((e) => e.other === mainCarer[0]).map((e) => e.id),
          );
        if (done) {
          const last = donations[donations.length - 1];
          c.w.say(
            'completed.self',
            {
              s: c.s,
              when: c.then(done.day),
              centre: c.centreName(done.place),
              n:
                done.value === 1
                  ? 'a single donation'
                  : `the ${ordinalWord(done.value ?? donations.length)} donation`,
            },
            [done.id, ...(last && done.day - last.day < 40 ? [last.id] : [])],
          );
        } else if (spared) c.w.say('spared.self', { s: c.s, when: c.when(spared.day) }, [spared.id]);
      },
    }),
  );
}

function transfers(c: Ctx, out: Episode[]): void {
  for (const e of c.life.of('transferred')) {
    if (e.person !== c.life.id) continue;
    const from = dataOf<{ from?: number }>(e)?.from;
    out.push(
      episode(c, {
        kind: 'transfer',
        day: e.day,
        weight: 12,
        people: [],
        events: [e.id],
        tell: (c) =>
          void c.w.say(
            'transfer.moved',
            {
              s: c.s,
              when: c.when(e.day),
              from: c.placeName(from) ?? 'the school',
              to: c.placeName(e.place) ?? 'another school',
            },
            [e.id],
          ),
      }),
    );
  }
}

function deferrals(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const e of c.life.of('deferral_applied')) {
    const other = e.person === id ? e.other : e.person;
    if (other === null) continue;
    const answer = c.src
      .causedBy(e.id)
      .find((x) => ['deferral_refused', 'deferral_granted'].includes(c.src.typeName(x.type)));
    out.push(
      episode(c, {
        kind: 'deferral',
        day: e.day,
        weight: 25,
        people: [other],
        events: [e.id, ...(answer ? [answer.id] : [])],
        tell: (c) => {
          c.w.say(
            'deferral.applied',
            { s: c.s, x: who(other), when: c.when(e.day), place: c.placeName(e.place) ?? "Madame's house" },
            [e.id],
          );
          if (!answer) return;
          if (c.src.typeName(answer.type) === 'deferral_refused')
            c.w.say('deferral.refused', { s: c.s }, [answer.id]);
          else c.w.say('deferral.granted', { s: c.s, years: count(answer.value ?? 1, 'year') }, [answer.id]);
        },
      }),
    );
  }
}
