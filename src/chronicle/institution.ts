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
import { count, listJoin, numberWord, ordinalWord, roughly, seasonOf, share, times } from './words.js';

export const INSTITUTION_PHRASES: Phrasebook = {
  'school.opened': [
    '{place} opened in {year}, with {head} at its head and {n} under her.',
    '{place} first opened its doors in {year}; {head} ran it from the start, with {n} beside her.',
  ],
  'school.opened.alone': ['{place} opened in {year}.', '{place} first opened its doors in {year}.'],
  'school.cohorts': [
    'In the {span} that followed it raised {total} children, born between {first} and {last}, never more than {max} to a year.',
    'Over {span} {total} children grew up there, the eldest born in {first} and the youngest in {last}.',
  ],
  'school.cohorts.one': ['It raised {total} children, all born in {first}.'],
  'school.campaign': [
    'It was never only a school. {head} and {madame} meant it to show the world outside that children like these, reared well and kindly, grew up as sensitive and intelligent as anyone; if people could see that, they might treat the donors better.',
    'What set it apart was its purpose. {head} and {madame} had built it as a case to put to the world outside: that children reared with care, and given books and paint, grew up as thoughtful as anyone else, and deserved better than they were getting.',
  ],
  'school.gallery': [
    "From {from} {madame} came {often}, and took away the best of the students' pictures, poems and carvings for what they all called the Gallery.",
    'Several times a year from {from}, {madame} arrived to choose work for the Gallery, and the students whose pieces she took were proud of it for weeks.',
  ],
  'school.gallery.purpose': [
    'The students were never told what the Gallery was for, and made up their own answers: that {guesses}. The truth was that {truth}.',
    'Nobody explained the Gallery to the students, so they explained it to one another: {guesses}. It was in fact gathered so that {truth}.',
  ],
  'school.gallery.purpose.plain': [
    'The students were never told what the Gallery was for. It was gathered so that {truth}.',
  ],
  'school.chosen': [
    'Nobody had more work taken than {x}.',
    'Of all the students, {madame} chose {x.pos} work the most often.',
  ],
  'school.exchanges': [
    "Between her visits came the Exchanges, {often}, where the students bought one another's work with tokens, and the Sales, when boxes of things from outside were opened on the tables and the tokens spent on them.",
    'The students traded their own work at the Exchanges, {often}, paying in tokens, and spent what tokens they had left at the Sales, where the boxes held things from outside.',
  ],
  'school.told': [
    'The guardians told the students what they were a little at a time, each thing before they were old enough to take it in: {clauses}.',
    'What the students were, they learned from the guardians in pieces, told early enough that nothing came as a shock: {clauses}.',
  ],
  'school.plain': [
    '{when} {g} broke with that, and told a senior class plainly that {clause}.',
    '{when}, against the way the school did things, {g} told older students that {clause}.',
  ],
  'school.left': ['{g} left {when}.', '{when} {g} was gone.'],
  'school.plain.again': [
    '{when} {g} did the same again, to another class.',
    '{g} said it again {when}, to the next class.',
  ],
  'school.plain.other': [
    '{when} {g} did the same, telling older students the plain truth of their future.',
    '{when} it happened again: {g} told a senior class what lay ahead of them.',
  ],
  'school.rumour': [
    'Among the students themselves, the story that went furthest was that {clause}.',
    'Of the stories the students told one another, none went round like the one that {clause}.',
  ],
  'school.debunked': [
    'The guardians set them right, and it went on being told all the same.',
    'The guardians said it was not so, which did little to stop it.',
  ],
  'school.tantrums': [
    'Tempers were lost, as in any school, most often over {trigger}.',
    'When a student lost their temper it was most often over {trigger}.',
  ],
  'school.couples': [
    'Older students paired off, and the guardians allowed it.',
    'In the senior years couples formed, and nobody stopped them.',
  ],
  'school.tested': [
    'More than once a group of students crowded round {madame.obj} to see whether she was afraid of them; she was.',
    'Some students made a test of it, swarming round {madame.obj} as she crossed the courtyard, and saw her flinch from them.',
  ],
  'school.moved': ['{when} {madame} came upon {x} alone with a song playing, and wept.'],
  'school.moved.many': [
    'Now and then {madame} came upon a student alone with a song playing, and was seen to weep: {xs}.',
    'More than once {madame} was found in tears, having come upon a student alone with a song: {xs}.',
  ],
  'school.leavers': [
    'At {age} or so, the students left for {residences}; from there they trained as carers, and then became donors themselves.',
    'Its students left at about {age}, for {residences}, and went on from there to caring and then to the donations.',
  ],
  'school.fates': [
    'By the end of the record {share} of them had completed, most often after the {mode} donation.',
    'When the record ends, {share} of its former students have completed, more of them after the {mode} donation than any other.',
  ],
  'school.first.completed': [
    'The first of them to complete was {x}, {when}, at {centre}.',
    '{x} was the first to complete, {when}, at {centre}.',
  ],
  'school.deferrals': [
    'From {from} couples who had been at {place} came to the house at {home} to ask for a deferral, believing their art would prove their love; each was told there had never been any such thing.',
    'Couples from {place} went looking for deferrals at the house at {home}, from {from} on, and each was sent away with the truth: there were none, and there never had been.',
  ],
  'school.closed': [
    '{place} closed {when}, when the money for it ran out; with it went the campaign, and the Gallery had nothing more to show.',
    '{when} the money ran out and {place} closed, and the case it had been built to make closed with it.',
  ],
  'school.closed.plain': ['{place} closed {when}, when the money for it ran out.'],
  'school.transferred': [
    'The children still there, {n}, were sent to other homes.',
    'Its remaining children, {n}, were moved elsewhere.',
  ],
  'school.after': [
    'In later years {head} and {madame} lived together at {home}, in a house they kept going by selling off what they had.',
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
  const visits = at(['gallery_visit']);
  const head = staff.find((e) => dataOf<{ role?: string }>(e)?.role === 'headmistress');
  const madameId = visits.find((e) => e.person !== null)?.person ?? null;
  const headSlot = head?.person != null ? who(head.person) : 'the headmistress';
  const madameSlot = madameId !== null ? who(madameId) : 'Madame';
  w.section('Beginnings');
  const guardians = staff.filter(
    (e) => dataOf<{ role?: string }>(e)?.role === 'guardian' && e.day === (head?.day ?? -1),
  );
  if (opened && head?.person != null)
    w.say(
      'school.opened',
      {
        place: pname,
        year: String(yearOf(opened.day)),
        head: who(head.person),
        n: count(guardians.length, 'guardian'),
      },
      [opened.id, head.id, ...guardians.map((e) => e.id)],
    );
  else if (opened)
    w.say('school.opened.alone', { place: pname, year: String(yearOf(opened.day)) }, [opened.id]);
  if (born.length > 0) {
    const byCohort = new Map<number, number>();
    for (const e of born)
      byCohort.set(e.value ?? yearOf(e.day), (byCohort.get(e.value ?? yearOf(e.day)) ?? 0) + 1);
    const sizes = [...byCohort.values()];
    const years = [...byCohort.keys()].sort((a, b) => a - b);
    const span = years[years.length - 1]! - years[0]! + 1;
    w.say(
      byCohort.size > 1 ? 'school.cohorts' : 'school.cohorts.one',
      {
        first: String(years[0]),
        last: String(years[years.length - 1]),
        span: span >= 20 ? `${roughly(span).replace(/^some /, 'nearly ')} years` : count(span, 'year'),
        max: numberWord(Math.max(...sizes)),
        total: roughly(born.length),
      },
      born.map((e) => e.id),
    );
  }
  // What the school was for: the Gallery and the campaign behind it.
  const exchanges = at(['exchange_held']);
  const sales = at(['sale_held']);
  if (visits.length > 0) {
    w.section('The Gallery');
    w.say('school.campaign', { head: headSlot, madame: madameSlot }, [visits[0]!.id]);
    const years = Math.max(1, yearOf(visits[visits.length - 1]!.day) - yearOf(visits[0]!.day) + 1);
    w.say(
      'school.gallery',
      {
        from: String(yearOf(visits[0]!.day)),
        madame: madameSlot,
        often: visits.length / years >= 1.5 ? 'several times a year' : 'once a year or so',
      },
      visits.map((e) => e.id),
    );
    const truth = src.proposition('gallery-purpose', 'souls');
    const guesses = galleryGuesses(src, p.id);
    if (truth && truth.truth === 1) {
      // The world's own truth, put as the history's reader needs it: who was to be shown what.
      const truthText = 'it could be shown to people outside that students like them had souls at all';
      if (guesses.clauses.length > 0)
        w.say(
          'school.gallery.purpose',
          { guesses: listJoin(guesses.clauses, 'or'), truth: truthText },
          guesses.ids,
        );
      else w.say('school.gallery.purpose.plain', { truth: truthText }, [visits[0]!.id]);
    }
    const chosen = at(['work_chosen']);
    const byMaker = new Map<number, EventRow[]>();
    for (const e of chosen)
      if (e.person !== null) byMaker.set(e.person, [...(byMaker.get(e.person) ?? []), e]);
    const top = [...byMaker].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
    if (top && top[1].length > 1)
      w.say(
        'school.chosen',
        { x: who(top[0]), madame: madameSlot },
        top[1].map((e) => e.id),
      );
    if (exchanges.length > 0) {
      const years = Math.max(1, yearOf(exchanges[exchanges.length - 1]!.day) - yearOf(exchanges[0]!.day) + 1);
      const perYear = Math.round(exchanges.length / years);
      w.say(
        'school.exchanges',
        { often: perYear >= 2 ? `${numberWord(perYear)} times a year` : 'once a year' },
        [...exchanges.map((e) => e.id), ...sales.map((e) => e.id)],
      );
    }
    const moved = at(['madame_moved']).filter((e) => e.person !== null);
    w.para();
    if (moved.length === 1)
      w.say('school.moved', { x: who(moved[0]!.person!), madame: madameSlot, when: anchor(moved[0]!.day) }, [
        moved[0]!.id,
      ]);
    else if (moved.length > 1)
      w.say(
        'school.moved.many',
        {
          madame: madameSlot,
          xs: listJoin(
            moved.slice(0, 6).map((e) => `${src.person(e.person!)?.name ?? 'a student'} in ${yearOf(e.day)}`),
          ),
        },
        moved.map((e) => e.id),
      );
    const tested = at(['madame_tested']);
    const afraid = src.proposition('madame-fears-us', 'afraid');
    if (tested.length > 0 && afraid?.truth === 1)
      w.say(
        'school.tested',
        { madame: madameSlot },
        tested.map((e) => e.id),
      );
  }
  // What the guardians said, and what the students said among themselves.
  const disclosed = at(['guardian_disclosed']);
  const plain = at(['guardian_spoke_plainly']);
  const started = at(['rumour_started']);
  const debunked = at(['rumour_debunked']);
  const tantrums = at(['tantrum']);
  if (disclosed.length + plain.length + started.length + tantrums.length > 0) {
    w.section('What they were told');
    const byProp = new Map<string, EventRow[]>();
    for (const e of disclosed) {
      const d = dataOf<{ p: string; v: string }>(e);
      if (d) byProp.set(`${d.p}/${d.v}`, [...(byProp.get(`${d.p}/${d.v}`) ?? []), e]);
    }
    const told = ['we-are-clones/yes', 'we-will-donate/vaguely', 'no-children/yes'].filter((k) =>
      byProp.has(k),
    );
    if (told.length > 0)
      w.say(
        'school.told',
        {
          clauses: listJoin(
            told.map((key) => {
              const [prop, v] = key.split('/') as [string, string];
              return `that ${beliefClause(prop, v, 'third', 'other')}`;
            }),
          ),
        },
        told.flatMap((k) => byProp.get(k)!.map((e) => e.id)),
      );
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
        w.say(
          'school.left',
          {
            g: who(e.person),
            when: left.day - e.day < 180 ? ['weeks later', 'before the term was out'] : anchor(left.day),
          },
          [left.id],
        );
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
    const top = [...heard]
      .filter(([id]) => dataOf<{ p: string }>(src.event(id)!)?.p !== 'gallery-purpose')
      .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
    if (top) {
      const origin = src.event(top[0])!;
      const d = dataOf<{ p: string; v: string }>(origin);
      if (d) {
        w.say('school.rumour', { clause: beliefClause(d.p, d.v, 'third', 'other') }, [
          origin.id,
          ...top[1].map((e) => e.id),
        ]);
        const down = debunked.filter(
          (e) =>
            dataOf<{ p: string; v: string }>(e)?.p === d.p && dataOf<{ p: string; v: string }>(e)?.v === d.v,
        );
        if (down.length > 0)
          w.say(
            'school.debunked',
            {},
            down.map((e) => e.id),
          );
      }
    }
    if (tantrums.length > 0) {
      const trigger = modeText(tantrums.map((e) => dataOf<{ trigger?: string }>(e)?.trigger ?? ''));
      w.say(
        'school.tantrums',
        { trigger },
        tantrums.map((e) => e.id),
      );
    }
    const couples = at(['couple_formed']);
    if (couples.length > 0)
      w.say(
        'school.couples',
        {},
        couples.map((e) => e.id),
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
        residences: listJoin(residences.slice(0, 3).map(placeText), 'or'),
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
          share: share(completions.length, students.size),
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
    // Couples who went to ask for a deferral, and what they were told.
    const asked = src
      .eventsOfType(['deferral_refused'])
      .filter((e) => students.has(e.person) || students.has(e.other));
    const home = asked[0] ? src.place(asked[0].place) : undefined;
    if (asked.length > 0 && home && src.proposition('deferral', 'no-such-thing')?.truth === 1)
      w.say(
        'school.deferrals',
        { from: String(yearOf(asked[0]!.day)), place: pname, home: placeText(home) },
        asked.map((e) => e.id),
      );
  }
  const closed = at(['school_closed'])[0];
  w.section(closed ? 'Closing' : 'Since');
  if (closed) {
    w.say(
      visits.length > 0 ? 'school.closed' : 'school.closed.plain',
      { place: pname, when: anchor(closed.day) },
      [closed.id],
    );
    const moved = src
      .eventsOfType(['transferred'])
      .filter((e) => dataOf<{ from?: number }>(e)?.from === p.id);
    if (moved.length > 0)
      w.say(
        'school.transferred',
        { n: roughly(moved.length) },
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

/** The students' own guesses at what the Gallery was for, as clauses, with the events that started them. */
function galleryGuesses(src: Source, place: number): { clauses: string[]; ids: number[] } {
  const seen = new Map<string, number[]>();
  for (const e of src.eventsAt(place, ['rumour_started'])) {
    const d = dataOf<{ p: string; v: string }>(e);
    if (d?.p !== 'gallery-purpose' || src.proposition(d.p, d.v)?.truth === 1) continue;
    seen.set(d.v, [...(seen.get(d.v) ?? []), e.id]);
  }
  const top = [...seen].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 2);
  return {
    clauses: top.map(([v]) => `that ${beliefClause('gallery-purpose', v, 'third', 'other')}`),
    ids: top.flatMap(([, ids]) => ids),
  };
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
