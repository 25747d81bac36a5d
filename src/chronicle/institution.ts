/**
 * The history of an institution, told from the events at its place: a school's opening, its
 * cohorts, guardians and Madame, its Exchanges, Sales and Gallery, the talk among its students,
 * its leavers and what became of them, and its closing; a residence's arrivals, couples, trips
 * and departures; a recovery centre's donors, donations, completions and carers.
 */
import { isoDate, yearOf } from '../engine/calendar.js';
import type { EventRow, PlaceRow } from '../store/reader.js';
import { beliefClause } from './beliefs.js';
import type { Chronicle } from './model.js';
import { Namer } from './names.js';
import { dataOf, type Source } from './source.js';
import { who, Writer, type Phrasebook } from './writer.js';
import { count, listJoin, numberWord, ordinalWord, seasonOf, times } from './words.js';

export const INSTITUTION_PHRASES: Phrasebook = {
  'school.opened': ['{place} opened in {year}.', '{place} first opened its doors in {year}.'],
  'school.head': [
    '{head} was its headmistress from the start, with {n} to help her.',
    'From the beginning it was run by {head}, with {n} on the staff.',
  ],
  'school.cohorts': [
    'Its children were born between {first} and {last}, {cohorts} of them, from {min} to {max} to a year; {total} in all passed through it.',
    'Over {cohorts} the school raised {total} children, born between {first} and {last}, with anything from {min} to {max} to a year.',
  ],
  'school.cohorts.one': ['It raised {total} children, all born in {first}.'],
  'school.madame': [
    'Madame came {visits} between {from} and {to}, and took {works} away for the Gallery.',
    'Between {from} and {to} Madame visited {visits}, and {works} went with her to the Gallery.',
  ],
  'school.chosen': [
    'Nobody had more work taken than {x.obj}, chosen {n}.',
    'The student Madame chose most often was {x}: {n} in all.',
  ],
  'school.exchanges': [
    'There were {n} Exchanges, at which {sold} changed hands for tokens.',
    'The school held {n} Exchanges; {sold} were bought at them.',
  ],
  'school.sales': [
    '{n} Sales brought boxes of things from outside, and the students bought {items} from them.',
    'At {n} Sales the students spent their tokens on {items}.',
  ],
  'school.told': ['The guardians told classes {n} that {clause}.', '{n} a class was told that {clause}.'],
  'school.plain': [
    '{when} {g} told a senior class plainly that {clause}.',
    '{when}, against the way the school did things, {g} told older students that {clause}.',
  ],
  'school.left': ['{g} left {when}.', '{when} {g} was gone.'],
  'school.plain.again': [
    '{when} {g} did the same again, to another class.',
    '{g} said it again {when}, to the next class.',
  ],
  'school.rumour': [
    'The story that went furthest among the students was that {clause}; {n} heard it from someone else.',
    'Of all the stories told among its students, the one most passed on was that {clause}, heard by {n}.',
  ],
  'school.debunked': ['The guardians put it down {n}.', 'Guardians set the students right about it {n}.'],
  'school.tantrums': [
    'The record holds {n} tantrums, most often over {trigger}.',
    'There were {n} tantrums, more of them over {trigger} than anything else.',
  ],
  'school.couples': [
    '{n} couples formed among its students while they were there.',
    'Among its students {n} couples formed.',
  ],
  'school.tested': ['{n} a group of students crowded round Madame to see whether she was afraid of them.'],
  'school.moved': ['{when} Madame came upon {x} alone with a song playing, and wept.'],
  'school.moved.many': [
    '{n} Madame came upon a student alone with a song playing, and wept ({xs}).',
    'More than once Madame was found in tears, having come upon a student alone with a song: {xs}.',
  ],
  'school.plain.other': [
    '{when} {g} did the same, telling older students the plain truth of their future.',
    '{when} it happened again: {g} told a senior class what lay ahead of them.',
  ],
  'school.leavers': [
    'Of its students, {n} left for {residences}, most of them at {age}.',
    'Its leavers, {n} of them, went on to {residences}, usually at {age}.',
  ],
  'school.fates': [
    'By the end of the record {done} of them had completed, most often after the {mode} donation.',
    'When the record ends, {done} of its former students have completed, the largest number after the {mode} donation.',
  ],
  'school.first.completed': [
    'The first of them to complete was {x}, {when}, at {centre}.',
    '{x} was the first to complete, {when}, at {centre}.',
  ],
  'school.closed': [
    '{place} closed {when}, for lack of money.',
    '{when} {place} closed; the money had run out.',
  ],
  'school.transferred': [
    '{n} were moved to other schools.',
    'Its remaining students, {n}, were sent elsewhere.',
  ],
  'school.open': [
    'When the record ends, {place} is still open.',
    '{place} was still open when the record ends.',
  ],
  'residence.arrivals': [
    'Between {from} and {to}, {place} took in {n} school leavers, from {schools}.',
    'Between {from} and {to}, {n} came to {place} from {schools}.',
  ],
  'residence.couples': ['{n} couples formed there.', 'There were {n} couples formed at {place}.'],
  'residence.trips': [
    '{n} residents set out from there to look for a possible, most often to {town}; none of the trips found the right person.',
    'Residents went looking for their possibles {n}, usually to {town}.',
  ],
  'residence.trips.right': ['{right} of those trips found the right person.'],
  'residence.outbursts': ['{n} someone said aloud, bitterly, that {clause}.'],
  'residence.training': [
    '{n} left {place} for carer training, after staying on average {years}.',
    'In all {n} left to train as carers; the usual stay was {years}.',
  ],
  'centre.first': [
    'The first donation at {place} was given {when}.',
    '{place} saw its first donation {when}.',
  ],
  'centre.donations': [
    'In all {n} donations were given there, by {donors}.',
    'Altogether {donors} gave {n} donations there.',
  ],
  'centre.busiest': ['The busiest year was {year}, with {n}.', 'Its busiest year was {year}: {n}.'],
  'centre.completions': [
    'In all, {n} donors completed there, {first} after a first donation and {fourth} after a fourth.',
    'There were {n} completions, of which {first} came after a first donation and {fourth} after a fourth.',
  ],
  'centre.carers': [
    '{n} carers looked after donors there.',
    'Donors there were looked after by {n} carers in all.',
  ],
  'centre.longest': [
    'Of those who completed there, {x} had given the most, {n}.',
    '{x} gave {n} there before completing, more than anyone.',
  ],
  'place.none': ['The record holds {n} events at {place}.'],
};

function anchor(day: number): string[] {
  return [`in ${yearOf(day)}`, `in the ${seasonOf(day)} of ${yearOf(day)}`];
}

function placeText(p: PlaceRow): string {
  return p.name.replace(/^The /, 'the ');
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * Writes the history of a place: a school, a residence or a recovery centre.
 * @example institutionHistory(new Source(openWorld('world.db')), 0) // Hailsham
 */
export function institutionHistory(src: Source, placeId: number): Chronicle {
  const place = src.place(placeId)!;
  const w = new Writer({
    kind: 'institution',
    perspective: 'third',
    seed: src.seed,
    key: placeId + 1_000_000,
    namer: new Namer(src, null),
    phrases: INSTITUTION_PHRASES,
  });
  const name = place.name;
  if (place.kind === 'school' || place.kind === 'home') school(src, w, place);
  else if (place.kind === 'residence') residence(src, w, place);
  else if (place.kind === 'recovery-centre') centre(src, w, place);
  if (w.written === 0) {
    const evs = src.world.all<EventRow>(
      'SELECT * FROM events WHERE place = ? ORDER BY id LIMIT 1000',
      placeId,
    );
    if (evs.length > 0) {
      w.section('');
      w.say(
        'place.none',
        { place: placeText(place), n: numberWord(evs.length) },
        evs.map((e) => e.id),
      );
    }
  }
  return w.finish({
    title: `${name}: a history`,
    subtitle: `From the world of the scenario "${src.world.meta.scenarioName}", seed ${src.seed}, as its record stands on ${isoDate(src.world.meta.endDay)}.`,
    subject: { kind: 'place', id: placeId, name },
    world: { scenario: src.world.meta.scenarioName, seed: src.seed, logSha256: src.world.meta.logSha256 },
  });
}

function school(src: Source, w: Writer, p: PlaceRow): void {
  const at = (types: string[]) => src.eventsAt(p.id, types);
  const pname = p.name;
  const opened = at(['school_opened'])[0];
  const born = at(['born']);
  const staff = at(['joined_staff']);
  w.section('Beginnings');
  if (opened) w.say('school.opened', { place: pname, year: String(yearOf(opened.day)) }, [opened.id]);
  const head = staff.find((e) => dataOf<{ role?: string }>(e)?.role === 'headmistress');
  const guardians = staff.filter(
    (e) => dataOf<{ role?: string }>(e)?.role === 'guardian' && e.day === (head?.day ?? -1),
  );
  if (head?.person != null)
    w.say('school.head', { head: who(head.person), n: count(guardians.length, 'guardian') }, [
      head.id,
      ...guardians.map((e) => e.id),
    ]);
  if (born.length > 0) {
    const byCohort = new Map<number, number>();
    for (const e of born)
      byCohort.set(e.value ?? yearOf(e.day), (byCohort.get(e.value ?? yearOf(e.day)) ?? 0) + 1);
    const sizes = [...byCohort.values()];
    const years = [...byCohort.keys()].sort((a, b) => a - b);
    w.say(
      byCohort.size > 1 ? 'school.cohorts' : 'school.cohorts.one',
      {
        first: String(years[0]),
        last: String(years[years.length - 1]),
        cohorts: count(byCohort.size, 'year'),
        min: numberWord(Math.min(...sizes)),
        max: numberWord(Math.max(...sizes)),
        total: numberWord(born.length),
      },
      born.map((e) => e.id),
    );
  }
  // Art.
  const visits = at(['gallery_visit']);
  const exchanges = at(['exchange_held']);
  const sales = at(['sale_held']);
  if (visits.length + exchanges.length + sales.length > 0) {
    w.section('Exchanges, Sales and the Gallery');
    if (visits.length > 0) {
      const works = visits.reduce((s, e) => s + (e.value ?? 0), 0);
      w.say(
        'school.madame',
        {
          visits: times(visits.length),
          from: String(yearOf(visits[0]!.day)),
          to: String(yearOf(visits[visits.length - 1]!.day)),
          works: count(works, 'piece'),
        },
        visits.map((e) => e.id),
      );
      const chosen = at(['work_chosen']);
      const byMaker = new Map<number, EventRow[]>();
      for (const e of chosen)
        if (e.person !== null) byMaker.set(e.person, [...(byMaker.get(e.person) ?? []), e]);
      const top = [...byMaker].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
      if (top && top[1].length > 1)
        w.say(
          'school.chosen',
          { x: who(top[0]), n: times(top[1].length) },
          top[1].map((e) => e.id),
        );
    }
    if (exchanges.length > 0) {
      const sold = exchanges.reduce((s, e) => s + (e.value ?? 0), 0);
      w.say(
        'school.exchanges',
        { n: numberWord(exchanges.length), sold: count(sold, 'piece') },
        exchanges.map((e) => e.id),
      );
    }
    if (sales.length > 0) {
      const items = sales.reduce((s, e) => s + (e.value ?? 0), 0);
      w.say(
        'school.sales',
        { n: numberWord(sales.length), items: count(items, 'thing') },
        sales.map((e) => e.id),
      );
    }
  }
  // Talk, and what the guardians said.
  const disclosed = at(['guardian_disclosed']);
  const plain = at(['guardian_spoke_plainly']);
  const started = at(['rumour_started']);
  const debunked = at(['rumour_debunked']);
  const tantrums = at(['tantrum']);
  if (disclosed.length + plain.length + started.length + tantrums.length > 0) {
    w.section('What was said');
    const byProp = new Map<string, EventRow[]>();
    for (const e of disclosed) {
      const d = dataOf<{ p: string; v: string }>(e);
      if (d) byProp.set(`${d.p}/${d.v}`, [...(byProp.get(`${d.p}/${d.v}`) ?? []), e]);
    }
    for (const key of ['we-are-clones/yes', 'we-will-donate/vaguely', 'no-children/yes']) {
      const list = byProp.get(key);
      if (!list) continue;
      const [prop, v] = key.split('/') as [string, string];
      w.say(
        'school.told',
        {
          n: times(list.length),
          clause: beliefClause(prop, v, 'third', 'other').replace(/^they\b/, 'the students'),
        },
        list.map((e) => e.id),
      );
    }
    w.para();
    const spoken = new Set<number>();
    for (const e of plain) {
      if (e.person === null) continue;
      const d = dataOf<{ said?: [string, string][] }>(e);
      const clauses = (d?.said ?? []).map(([prop, v]) => beliefClause(prop, v, 'third', 'other'));
      if (spoken.has(e.person))
        w.say('school.plain.again', { g: who(e.person), when: anchor(e.day) }, [e.id]);
      else if (spoken.size > 0)
        w.say('school.plain.other', { g: who(e.person), when: anchor(e.day) }, [e.id]);
      else
        w.say('school.plain', { g: who(e.person), when: anchor(e.day), clause: listJoin(clauses) }, [e.id]);
      spoken.add(e.person);
      const left = src.causedBy(e.id).find((x) => src.typeName(x.type) === 'guardian_left');
      if (left)
        w.say('school.left', { g: who(e.person), when: anchor(left.day).concat(['weeks later']) }, [left.id]);
    }
    w.para();
    // The rumour most passed on, by the events that carry its origin.
    const heard = new Map<number, EventRow[]>();
    const startedIds = new Set(started.map((e) => e.id));
    for (const e of src.eventsAt(p.id, ['rumour_heard'])) {
      const origin = dataOf<{ origin?: number }>(e)?.origin;
      if (origin !== undefined && startedIds.has(origin))
        heard.set(origin, [...(heard.get(origin) ?? []), e]);
    }
    const top = [...heard].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
    if (top) {
      const origin = src.event(top[0])!;
      const d = dataOf<{ p: string; v: string }>(origin);
      if (d) {
        w.say(
          'school.rumour',
          { clause: beliefClause(d.p, d.v, 'third', 'other'), n: count(top[1].length, 'student') },
          [origin.id, ...top[1].map((e) => e.id)],
        );
        const down = debunked.filter(
          (e) =>
            dataOf<{ p: string; v: string }>(e)?.p === d.p && dataOf<{ p: string; v: string }>(e)?.v === d.v,
        );
        if (down.length > 0)
          w.say(
            'school.debunked',
            { n: times(down.length) },
            down.map((e) => e.id),
          );
      }
    }
    if (tantrums.length > 0) {
      const trigger = modeText(tantrums.map((e) => dataOf<{ trigger?: string }>(e)?.trigger ?? ''));
      w.say(
        'school.tantrums',
        { n: numberWord(tantrums.length), trigger },
        tantrums.map((e) => e.id),
      );
    }
    const couples = at(['couple_formed']);
    if (couples.length > 0)
      w.say(
        'school.couples',
        { n: numberWord(couples.length) },
        couples.map((e) => e.id),
      );
    const tested = at(['madame_tested']);
    if (tested.length > 0)
      w.say(
        'school.tested',
        { n: times(tested.length) },
        tested.map((e) => e.id),
      );
    const moved = at(['madame_moved']).filter((e) => e.person !== null);
    if (moved.length === 1)
      w.say('school.moved', { x: who(moved[0]!.person!), when: anchor(moved[0]!.day) }, [moved[0]!.id]);
    else if (moved.length > 1)
      w.say(
        'school.moved.many',
        {
          n: times(moved.length),
          xs: moved
            .slice(0, 6)
            .map((e) => `${src.person(e.person!)?.name ?? 'a student'} in ${yearOf(e.day)}`)
            .join(', '),
        },
        moved.map((e) => e.id),
      );
  }
  // Leavers.
  const leavers = src
    .eventsOfType(['became_resident'])
    .filter((e) => dataOf<{ from?: number }>(e)?.from === p.id && e.person !== null);
  if (leavers.length > 0) {
    w.section('Leavers');
    const residences = [...new Set(leavers.map((e) => e.place))]
      .map((x) => src.place(x))
      .filter((x): x is PlaceRow => !!x);
    const ages = leavers.map((e) => {
      const b = src.person(e.person!)?.born ?? e.day;
      return Math.floor((e.day - b) / 365.2425);
    });
    w.say(
      'school.leavers',
      {
        n: numberWord(leavers.length),
        residences: listJoin(residences.slice(0, 3).map(placeText)),
        age: numberWord(mode(ages)),
      },
      leavers.map((e) => e.id),
    );
    const students = new Set(born.map((e) => e.person));
    const completions = src.eventsOfType(['completed']).filter((e) => students.has(e.person));
    if (completions.length > 0) {
      w.say(
        'school.fates',
        {
          done: numberWord(completions.length),
          mode: ordinalWord(mode(completions.map((e) => e.value ?? 0))),
        },
        completions.map((e) => e.id),
      );
      const first = completions[0]!;
      w.say(
        'school.first.completed',
        {
          x: who(first.person!),
          when: anchor(first.day),
          centre: src.place(first.place)?.name.replace(/ recovery centre$/, '') ?? 'a recovery centre',
        },
        [first.id],
      );
    }
  }
  const closed = at(['school_closed'])[0];
  w.section(closed ? 'Closing' : 'Since');
  if (closed) {
    w.say('school.closed', { place: pname, when: anchor(closed.day) }, [closed.id]);
    const moved = src
      .eventsOfType(['transferred'])
      .filter((e) => dataOf<{ from?: number }>(e)?.from === p.id);
    if (moved.length > 0)
      w.say(
        'school.transferred',
        { n: numberWord(moved.length) },
        moved.map((e) => e.id),
      );
  } else {
    const last = src.world.get<EventRow>(
      'SELECT * FROM events WHERE place = ? ORDER BY id DESC LIMIT 1',
      p.id,
    );
    if (last) w.say('school.open', { place: pname }, [last.id]);
  }
}

function modeText(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'nothing in particular'
  );
}

function residence(src: Source, w: Writer, p: PlaceRow): void {
  const at = (types: string[]) => src.eventsAt(p.id, types);
  const arrivals = at(['became_resident']);
  w.section('Arrivals');
  if (arrivals.length > 0) {
    const schools = [...new Set(arrivals.map((e) => dataOf<{ from?: number }>(e)?.from))]
      .map((x) => src.place(x ?? null))
      .filter((x): x is PlaceRow => !!x);
    w.say(
      'residence.arrivals',
      {
        n: numberWord(arrivals.length),
        place: placeText(p),
        from: String(yearOf(arrivals[0]!.day)),
        to: String(yearOf(arrivals[arrivals.length - 1]!.day)),
        schools:
          schools.length > 3 ? `${numberWord(schools.length)} schools` : listJoin(schools.map(placeText)),
      },
      arrivals.map((e) => e.id),
    );
  }
  const couples = at(['couple_formed']);
  if (couples.length > 0)
    w.say(
      'residence.couples',
      { n: numberWord(couples.length), place: placeText(p) },
      couples.map((e) => e.id),
    );
  const trips = src.eventsOfType(['possible_trip']).filter((e) => {
    const party = dataOf<{ party?: number[] }>(e)?.party ?? [];
    return (
      party.some((x) => src.person(x)?.resident_on != null) && arrivals.some((a) => a.person === e.person)
    );
  });
  if (trips.length > 0) {
    w.section('Trips');
    const town = modeText(trips.map((e) => dataOf<{ town?: string }>(e)?.town ?? ''));
    w.say(
      'residence.trips',
      { n: times(trips.length), town },
      trips.map((e) => e.id),
    );
    const seen = src.eventsOfType(['possible_seen']).filter((e) => trips.some((t) => t.id === e.cause));
    const right = seen.filter((e) => dataOf<{ right?: boolean }>(e)?.right);
    if (right.length > 0)
      w.say(
        'residence.trips.right',
        { right: numberWord(right.length) },
        right.map((e) => e.id),
      );
    const outbursts = src
      .eventsOfType(['outburst'])
      .filter((e) => e.place === p.id || trips.some((t) => t.id === e.cause));
    const d = outbursts[0] ? dataOf<{ about?: string; v?: string }>(outbursts[0]) : null;
    if (outbursts.length > 0 && d?.about && d.v)
      w.say(
        'residence.outbursts',
        { n: times(outbursts.length), clause: beliefClause(d.about, d.v, 'third', 'other') },
        outbursts.map((e) => e.id),
      );
  }
  const training = at(['left_for_training']);
  if (training.length > 0) {
    w.section('Departures');
    const stays = training
      .map((e) => {
        const pp = src.person(e.person!);
        return pp?.resident_on != null ? (e.day - pp.resident_on) / 365.2425 : null;
      })
      .filter((x): x is number => x !== null);
    const mean = stays.reduce((a, b) => a + b, 0) / Math.max(1, stays.length);
    const years = mean < 1.5 ? 'about a year' : `about ${numberWord(Math.round(mean))} years`;
    w.say(
      'residence.training',
      { n: numberWord(training.length), place: placeText(p), years },
      training.map((e) => e.id),
    );
  }
}

function centre(src: Source, w: Writer, p: PlaceRow): void {
  const at = (types: string[]) => src.eventsAt(p.id, types);
  const donations = at(['donated']);
  const completions = at(['completed']);
  const assigned = at(['carer_assigned']);
  const pname = placeText(p);
  w.section('Donors');
  if (donations.length > 0) {
    w.say('centre.first', { place: pname, when: anchor(donations[0]!.day) }, [donations[0]!.id]);
    const donors = new Set(donations.map((e) => e.person));
    w.say(
      'centre.donations',
      { n: numberWord(donations.length), donors: count(donors.size, 'donor') },
      donations.map((e) => e.id),
    );
    const byYear = new Map<number, EventRow[]>();
    for (const e of donations) byYear.set(yearOf(e.day), [...(byYear.get(yearOf(e.day)) ?? []), e]);
    const busiest = [...byYear].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
    w.say(
      'centre.busiest',
      { year: String(busiest[0]), n: count(busiest[1].length, 'donation') },
      busiest[1].map((e) => e.id),
    );
  }
  if (completions.length > 0) {
    w.section('Completions');
    const firsts = completions.filter((e) => e.value === 1).length;
    const fourths = completions.filter((e) => e.value === 4).length;
    w.say(
      'centre.completions',
      { n: numberWord(completions.length), first: numberWord(firsts), fourth: numberWord(fourths) },
      completions.map((e) => e.id),
    );
    const most = [...completions].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.id - b.id)[0]!;
    if (most.person !== null && (most.value ?? 0) > 1)
      w.say('centre.longest', { x: who(most.person), n: count(most.value ?? 0, 'donation') }, [most.id]);
  }
  if (assigned.length > 0) {
    const carers = new Set(assigned.map((e) => e.other));
    w.say(
      'centre.carers',
      { n: numberWord(carers.size) },
      assigned.map((e) => e.id),
    );
  }
}
