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
import { who, Writer } from './writer.js';
import { INSTITUTION_PHRASES, type InstitutionPhraseKey } from './phrases/institution.js';
import { count, listJoin, numberWord, ordinalWord, roughly, seasonOf, share, times } from './words.js';

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
  const w = new Writer<InstitutionPhraseKey>({
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

function school(src: Source, w: Writer<InstitutionPhraseKey>, p: PlaceRow): void {
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

function residence(src: Source, w: Writer<InstitutionPhraseKey>, p: PlaceRow): void {
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

function centre(src: Source, w: Writer<InstitutionPhraseKey>, p: PlaceRow): void {
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
