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
import { group, who, Writer } from './writer.js';
import { INSTITUTION_PHRASES, type InstitutionPhraseKey } from './phrases/institution.js';
import { count, listJoin, numberWord, ordinalWord, roughly, seasonOf } from './words.js';

function anchor(day: number): string[] {
  return [`in ${yearOf(day)}`, `in the ${seasonOf(day)} of ${yearOf(day)}`];
}

/**
 * Anchors for a day told just after another: counted from it when they share a year ("that
 * autumn", "later that year") so that a paragraph does not date one year twice.
 */
function anchorAfter(before: number, day: number): string[] {
  if (yearOf(before) !== yearOf(day)) return anchor(day);
  return seasonOf(before) === seasonOf(day)
    ? ['that same season', 'soon after']
    : [`that ${seasonOf(day)}`, 'later that year'];
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
        { place: placeText(place) },
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
  const closed = at(['school_closed'])[0];
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
      'school_opened',
      {
        place: pname,
        year: String(yearOf(opened.day)),
        head: who(head.person),
        n: count(guardians.length, 'guardian'),
      },
      [opened.id, head.id, ...guardians.map((e) => e.id)],
    );
  else if (opened)
    w.say('school_opened.alone', { place: pname, year: String(yearOf(opened.day)) }, [opened.id]);
  const cohorts = [...new Set(born.map((e) => e.value ?? yearOf(e.day)))].sort((a, b) => a - b);
  if (cohorts.length > 0)
    w.say(
      cohorts.length > 1 ? 'born' : 'born.one',
      { first: String(cohorts[0]), last: String(cohorts[cohorts.length - 1]) },
      born.slice(0, 40).map((e) => e.id),
    );
  // Children sent here when another school closed.
  const arrived = at(['transferred']);
  if (arrived.length > 0) {
    const from = src.place(dataOf<{ from?: number }>(arrived[0]!)?.from ?? null);
    if (from)
      w.say(
        'transferred.in',
        { when: anchor(arrived[0]!.day), from: from.name, n: roughly(arrived.length) },
        arrived.slice(0, 20).map((e) => e.id),
      );
  }
  // What the school was for: the campaign, and the Gallery that was its evidence.
  const exchanges = at(['exchange_held']);
  const sales = at(['sale_held']);
  if (visits.length > 0) {
    w.section('The campaign');
    w.say('campaign', { head: headSlot, madame: madameSlot, place: pname }, [visits[0]!.id]);
    const years = Math.max(1, yearOf(visits[visits.length - 1]!.day) - yearOf(visits[0]!.day) + 1);
    w.say(
      'gallery_visit',
      {
        from: String(yearOf(visits[0]!.day)),
        madame: madameSlot,
        often: visits.length / years >= 1.5 ? 'twice a year' : 'once a year or so',
      },
      visits.slice(0, 2).map((e) => e.id),
    );
    // How the campaign grew: what a visit yielded at first, and when it yielded most.
    const early = visits.slice(0, 2);
    const peak = [...visits].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.day - b.day)[0]!;
    const earlyMost = Math.max(...early.map((e) => e.value ?? 0));
    if (visits.length >= 6 && (peak.value ?? 0) >= 3 * Math.max(1, earlyMost))
      w.say(
        'gallery_visit.grew',
        {
          early:
            earlyMost <= 1 ? 'a single piece' : earlyMost <= 3 ? 'a piece or two' : 'a handful of pieces',
          peak: `the ${decade(peak.day)}`,
        },
        [...early.map((e) => e.id), peak.id],
      );
    const truth = src.proposition('gallery-purpose', 'souls');
    const guesses = galleryGuesses(src, p.id);
    if (truth && truth.truth === 1) {
      // The world's own truth, put as the history's reader needs it: who was to be shown what.
      const truthText = 'it could be shown to people outside that students like them had souls at all';
      if (guesses.clauses.length > 0)
        w.say(
          'rumour_started.gallery',
          { guesses: listJoin(guesses.clauses, 'or'), truth: truthText },
          guesses.ids,
        );
      else w.say('gallery_visit.purpose', { truth: truthText }, [visits[0]!.id]);
    }
    const chosen = at(['work_chosen']);
    const byMaker = new Map<number, EventRow[]>();
    for (const e of chosen)
      if (e.person !== null) byMaker.set(e.person, [...(byMaker.get(e.person) ?? []), e]);
    const top = [...byMaker].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
    if (top && top[1].length > 1)
      w.say(
        'work_chosen',
        { x: who(top[0]), madame: madameSlot },
        top[1].map((e) => e.id),
      );
    if (exchanges.length > 0) {
      const years = Math.max(1, yearOf(exchanges[exchanges.length - 1]!.day) - yearOf(exchanges[0]!.day) + 1);
      const perYear = Math.round(exchanges.length / years);
      w.say(
        'exchange_held',
        { often: perYear >= 2 ? `${numberWord(perYear)} times a year` : 'once a year' },
        [...exchanges.slice(0, 4).map((e) => e.id), ...sales.slice(0, 4).map((e) => e.id)],
      );
    }
    const moved = at(['madame_moved']).filter((e) => e.person !== null);
    w.para();
    if (moved.length === 1)
      w.say('madame_moved', { x: who(moved[0]!.person!), madame: madameSlot, when: anchor(moved[0]!.day) }, [
        moved[0]!.id,
      ]);
    else if (moved.length > 1)
      w.say(
        'madame_moved.many',
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
        'madame_tested',
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
        'guardian_disclosed',
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
        w.say('guardian_spoke_plainly.again', { g: who(e.person), when: anchor(e.day) }, [e.id]);
      else if (spoken.size > 0)
        w.say('guardian_spoke_plainly.other', { g: who(e.person), when: anchor(e.day) }, [e.id]);
      else
        w.say(
          'guardian_spoke_plainly',
          { g: who(e.person), when: anchor(e.day), clause: listJoin(clauses) },
          [e.id],
        );
      spoken.add(e.person);
      // Their leaving, whether the talk caused it or a storyline's beat did, within the year.
      const left =
        src.causedBy(e.id).find((x) => src.typeName(x.type) === 'guardian_left') ??
        at(['guardian_left']).find((x) => x.person === e.person && x.day >= e.day && x.day - e.day < 365);
      if (left)
        w.say(
          'guardian_left',
          {
            g: who(e.person),
            when:
              left.day - e.day < 60
                ? ['weeks later', 'before the term was out']
                : anchorAfter(e.day, left.day),
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
        w.say('rumour_heard', { clause: beliefClause(d.p, d.v, 'third', 'other') }, [
          origin.id,
          ...top[1].slice(0, 20).map((e) => e.id),
        ]);
        const down = debunked.filter(
          (e) =>
            dataOf<{ p: string; v: string }>(e)?.p === d.p && dataOf<{ p: string; v: string }>(e)?.v === d.v,
        );
        if (down.length > 0)
          w.say(
            'rumour_debunked',
            {},
            down.map((e) => e.id),
          );
      }
    }
    if (tantrums.length > 0) {
      const trigger = modeText(tantrums.map((e) => dataOf<{ trigger?: string }>(e)?.trigger ?? ''));
      w.say(
        'tantrum',
        { trigger },
        tantrums.slice(0, 20).map((e) => e.id),
      );
    }
    const couples = at(['couple_formed']);
    if (couples.length > 0)
      w.say(
        'couple_formed',
        {},
        couples.slice(0, 20).map((e) => e.id),
      );
  }
  // Leavers, and a few of the lives that went on from there.
  const leavers = src
    .eventsOfType(['became_resident'])
    .filter((e) => dataOf<{ from?: number }>(e)?.from === p.id && e.person !== null);
  const students = new Set(born.map((e) => e.person));
  const residences = [...new Set(leavers.map((e) => e.place))]
    .map((x) => src.place(x))
    .filter((x): x is PlaceRow => !!x);
  if (leavers.length > 0) {
    w.section('Leavers');
    const ages = leavers.map((e) => {
      const b = src.person(e.person!)?.born ?? e.day;
      return Math.floor((e.day - b) / 365.2425);
    });
    w.say(
      'became_resident',
      { residences: listJoin(residences.slice(0, 3).map(placeText), 'or'), age: numberWord(mode(ages)) },
      leavers.slice(0, 20).map((e) => e.id),
    );
    const completions = src.eventsOfType(['completed']).filter((e) => students.has(e.person));
    const first = completions[0];
    if (first)
      w.say(
        'completed',
        { x: who(first.person!), when: anchor(first.day), centre: centreText(src, first.place) },
        [first.id],
      );
    // A carer who asked for an old schoolfriend as a donor.
    const friend = src
      .eventsOfType(['carer_assigned'])
      .find((e) => e.value === 1 && students.has(e.person) && students.has(e.other));
    if (friend && friend.other !== null)
      w.say(
        'carer_assigned.friend',
        {
          c: who(friend.other),
          d: who(friend.person!),
          when: anchor(friend.day),
          centre: centreText(src, friend.place),
          school: pname,
        },
        [friend.id],
      );
    const longest = longestCarer(src, students);
    if (longest)
      w.say(
        'carer_round.long',
        {
          x: who(longest.person),
          place: pname,
          years: `${roughly(Math.floor(longest.years)).replace(/^some /, '')} years`,
        },
        [longest.event],
      );
  }
  // Couples who went to ask for a deferral, and what they were told.
  const asked = src
    .eventsOfType(['deferral_refused'])
    .filter((e) => students.has(e.person) || students.has(e.other));
  const home = asked[0] ? src.place(asked[0].place) : undefined;
  const noDeferrals = src.proposition('deferral', 'no-such-thing')?.truth === 1;
  if (asked.length > 0 && home && noDeferrals) {
    w.para();
    w.say(
      'deferral_refused',
      { from: String(yearOf(asked[0]!.day)), place: pname, home: placeText(home) },
      asked.slice(0, 20).map((e) => e.id),
    );
    const a = asked[0]!;
    if (a.person !== null && a.other !== null)
      w.say('deferral_refused.first', { a: who(a.person), b: who(a.other) }, [a.id]);
  }
  w.section(closed ? 'Closing' : 'Since');
  if (!closed) {
    const last = src.world.get<EventRow>(
      'SELECT * FROM events WHERE place = ? ORDER BY id DESC LIMIT 1',
      p.id,
    );
    if (last) w.say('school_closed.open', { place: pname }, [last.id]);
    return;
  }
  // The closing: the last visit, why, who was still there and where they went, and after.
  const lastVisit = [...visits].reverse().find((e) => e.day <= closed.day);
  if (lastVisit)
    w.say('gallery_visit.last', { madame: madameSlot, when: anchor(lastVisit.day) }, [lastVisit.id]);
  w.say(
    visits.length > 0 ? 'school_closed' : 'school_closed.plain',
    { place: pname, when: lastVisit ? anchorAfter(lastVisit.day, closed.day) : anchor(closed.day) },
    [closed.id],
  );
  const moved = src.eventsOfType(['transferred']).filter((e) => dataOf<{ from?: number }>(e)?.from === p.id);
  if (moved.length > 0) {
    const youngest = Math.max(...moved.map((e) => src.person(e.person!)?.cohort ?? 0));
    if (youngest > 0)
      w.say('school_closed.youngest', { year: String(youngest) }, [moved[moved.length - 1]!.id]);
    const to = src.place(moved[0]!.place);
    // Whether the new home had anything of the campaign: a Gallery visit ever made there.
    const hadGallery = to ? src.eventsAt(to.id, ['gallery_visit']).length > 0 : true;
    w.para();
    w.say(
      'transferred',
      {
        n: roughly(moved.length),
        to: to ? placeText(to) : 'other homes',
        plain: hadGallery
          ? ''
          : [
              ', where nobody came to choose their pictures',
              ', a home with no Gallery and no Exchanges worth the name',
              ', where art was a way to pass an afternoon and nothing more',
            ],
      },
      moved.slice(0, 20).map((e) => e.id),
    );
  }
  const before = leavers.filter((e) => e.day <= closed.day);
  if (before.length > 0 && residences.length > 0)
    w.say('school_closed.leavers', { residences: listJoin(residences.slice(0, 2).map(placeText), 'or') }, [
      closed.id,
      before[before.length - 1]!.id,
    ]);
  // Madame's house after the closing, and whether the headmistress is seen there with her.
  const after = asked.filter((e) => e.day > closed.day);
  if (home && after.length > 0 && noDeferrals) {
    const headThere =
      head?.person != null &&
      src.world.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM event_people ep JOIN events e ON e.id = ep.event WHERE e.place = ? AND ep.person = ?',
        home.id,
        head.person,
      )!.n > 0;
    w.say(
      headThere ? 'school_closed.after' : 'school_closed.after.madame',
      { madame: madameSlot, head: headSlot, home: placeText(home) },
      after.slice(0, 10).map((e) => e.id),
    );
  }
}

/** "the late 1970s", "the early 1980s". */
function decade(day: number): string {
  const y = yearOf(day);
  const d = Math.floor(y / 10) * 10;
  const part = y - d < 4 ? 'early' : y - d < 7 ? 'middle' : 'late';
  return part === 'middle' ? `middle of the ${d}s` : `${part} ${d}s`;
}

/**
 * The people a storyline's beats name: in a world with a storyline, their episodes are the ones a
 * reader comes for, so a history prefers them when it picks one episode of a kind.
 */
function storyPeople(src: Source): Set<number> {
  const code = src.eventsOfType(['canon_beat']).map((e) => e.id);
  const out = new Set<number>();
  if (code.length === 0) return out;
  for (const r of src.world.all<{ person: number }>(
    `SELECT ep.person AS person FROM event_people ep WHERE ep.event IN (${code.join(',')})`,
  ))
    out.add(r.person);
  for (const e of src.eventsOfType(['canon_beat'])) {
    if (e.person !== null) out.add(e.person);
    if (e.other !== null) out.add(e.other);
  }
  return out;
}

/** The first of `list` whose people the storyline names, else the first. */
function storyFirst(list: readonly EventRow[], story: ReadonlySet<number>): EventRow | undefined {
  return list.find((e) => story.has(e.person ?? -1) || story.has(e.other ?? -1)) ?? list[0];
}

/** A recovery centre's short name ("Ludlow"), or "a recovery centre". */
function centreText(src: Source, place: number | null): string {
  return src.place(place)?.name.replace(/ recovery centre$/, '') ?? 'a recovery centre';
}

/** The student with the longest career as a carer (training to notice, or to the record's end). */
function longestCarer(
  src: Source,
  students: ReadonlySet<number | null>,
): { person: number; years: number; event: number } | undefined {
  let best: { person: number; years: number; event: number } | undefined;
  for (const e of src.eventsOfType(['became_donor'])) {
    if (!students.has(e.person) || e.person === null || (e.value ?? 0) <= 0) continue;
    const years = (e.value ?? 0) / 365.2425;
    if (!best || years > best.years) best = { person: e.person, years, event: e.id };
  }
  return best && best.years >= 8 ? best : undefined;
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
  const pname = placeText(p);
  w.section('Arrivals');
  if (arrivals.length > 0) {
    const firstYear = yearOf(arrivals[0]!.day);
    const firsts = arrivals.filter((e) => yearOf(e.day) === firstYear);
    const schools = [...new Set(firsts.map((e) => dataOf<{ from?: number }>(e)?.from))]
      .map((x) => src.place(x ?? null))
      .filter((x): x is PlaceRow => !!x);
    w.say(
      'became_resident.first',
      { place: pname, from: String(firstYear), schools: listJoin(schools.slice(0, 3).map(placeText)) },
      firsts.slice(0, 20).map((e) => e.id),
    );
    const names = firsts.filter((e) => e.person !== null).slice(0, 3);
    if (names.length >= 2)
      w.say(
        'became_resident.names',
        { xs: group(names.map((e) => e.person!)) },
        names.map((e) => e.id),
      );
  }
  // The couple that lasted best there, and one that hardly lasted at all.
  const formed = at(['couple_formed']).filter((e) => e.person !== null && e.other !== null);
  const ended = at(['couple_ended']);
  const endOf = (e: EventRow): number => {
    const end = ended.find(
      (x) =>
        x.day >= e.day &&
        ((x.person === e.person && x.other === e.other) || (x.person === e.other && x.other === e.person)),
    );
    return end ? end.day : src.world.meta.endDay;
  };
  if (formed.length > 0) {
    const spans = formed.map((e) => ({ e, days: endOf(e) - e.day }));
    const long = [...spans].sort((a, b) => b.days - a.days || a.e.id - b.e.id)[0]!;
    w.para();
    w.say(
      'couple_formed.long',
      { a: who(long.e.person!), b: who(long.e.other!), place: pname, when: anchor(long.e.day) },
      [long.e.id],
    );
    const short = spans.find(
      (x) => x.days < 60 && x.e.person !== long.e.person && x.e.other !== long.e.other,
    );
    if (short) w.say('couple_ended.short', { a: who(short.e.person!), b: who(short.e.other!) }, [short.e.id]);
  }
  const trips = src.eventsOfType(['possible_trip']).filter((e) => {
    const party = dataOf<{ party?: number[] }>(e)?.party ?? [];
    return party.length > 0 && arrivals.some((a) => a.person === e.person);
  });
  if (trips.length > 0) {
    w.section('Trips');
    const seenOf = (t: EventRow) => src.eventsOfType(['possible_seen']).filter((e) => e.cause === t.id);
    const tell = (t: EventRow) => {
      const d = dataOf<{ party?: number[]; town?: string }>(t);
      const party = (d?.party ?? []).filter((x) => x !== t.person);
      w.say(
        'possible_trip',
        {
          x: who(t.person!),
          party: group([t.person!, ...party].slice(0, 5)),
          town: d?.town ?? 'a town on the coast',
          when: anchor(t.day),
        },
        [t.id],
      );
      const seen = seenOf(t)[0];
      if (seen)
        w.say(
          dataOf<{ right?: boolean }>(seen)?.right ? 'possible_seen.right' : 'possible_seen',
          { x: who(t.person!) },
          [seen.id],
        );
      const out = src.causedBy(t.id).find((x) => src.typeName(x.type) === 'outburst');
      const od = out ? dataOf<{ about?: string; v?: string }>(out) : null;
      if (out?.person != null && od?.about && od.v)
        w.say('outburst', { x: who(out.person), clause: beliefClause(od.about, od.v, 'third', 'other') }, [
          out.id,
        ]);
    };
    const story = storyPeople(src);
    const told = storyFirst(trips, story)!;
    // A trip that found the right person is rare enough to tell too, in its turn.
    const right = trips.find(
      (t) => t !== told && seenOf(t).some((e) => dataOf<{ right?: boolean }>(e)?.right),
    );
    [told, ...(right ? [right] : [])]
      .sort((x, y) => x.day - y.day)
      .forEach((t, k) => {
        if (k > 0) w.para();
        tell(t);
      });
  }
  const training = at(['left_for_training']).filter((e) => e.person !== null);
  if (training.length > 0) {
    w.section('Departures');
    const first = training[0]!;
    w.say('left_for_training', { x: who(first.person!), when: anchor(first.day) }, [first.id]);
    let best: { e: EventRow; years: number } | undefined;
    for (const e of training) {
      const pp = src.person(e.person!);
      if (pp?.resident_on == null) continue;
      const years = (e.day - pp.resident_on) / 365.2425;
      if (!best || years > best.years) best = { e, years };
    }
    if (best && best.e.id !== first.id && best.years >= 3)
      w.say(
        'left_for_training.long',
        { x: who(best.e.person!), years: `nearly ${numberWord(Math.ceil(best.years))} years` },
        [best.e.id],
      );
  }
}

function centre(src: Source, w: Writer<InstitutionPhraseKey>, p: PlaceRow): void {
  const at = (types: string[]) => src.eventsAt(p.id, types);
  const donations = at(['donated']);
  const completions = at(['completed']).filter((e) => e.person !== null);
  const assigned = at(['carer_assigned']).filter((e) => e.other !== null && e.person !== null);
  // A centre by its town's name: "Dover", not "Dover recovery centre", inside a sentence.
  const pname = centreText(src, p.id);
  w.section('Donors');
  const first = donations.find((e) => e.person !== null);
  if (first) w.say('donated', { place: pname, when: anchor(first.day), x: who(first.person!) }, [first.id]);
  // The carer who came here longest, and a reunion of schoolfriends as carer and donor.
  const byCarer = new Map<number, EventRow[]>();
  for (const e of assigned) byCarer.set(e.other!, [...(byCarer.get(e.other!) ?? []), e]);
  const long = [...byCarer]
    .map(([c, list]) => ({ c, list, days: list[list.length - 1]!.day - list[0]!.day }))
    .sort((a, b) => b.days - a.days || a.c - b.c)[0];
  if (long && long.days >= 3 * 365)
    w.say(
      'carer_assigned.long',
      { c: who(long.c), place: pname, years: `${numberWord(Math.round(long.days / 365.2425))} years` },
      long.list.slice(0, 20).map((e) => e.id),
    );
  const friend = assigned.find((e) => e.value === 1);
  if (friend)
    w.say(
      'carer_assigned.friend.centre',
      { c: who(friend.other!), d: who(friend.person!), place: pname, when: anchor(friend.day) },
      [friend.id],
    );
  if (completions.length > 0) {
    w.section('Completions');
    // The youngest to complete after a single donation, and one who lasted through four.
    const ageAt = (e: EventRow) => (e.day - (src.person(e.person!)?.born ?? e.day)) / 365.2425;
    const quick = completions
      .filter((e) => e.value === 1)
      .sort((a, b) => ageAt(a) - ageAt(b) || a.id - b.id)[0];
    const story = storyPeople(src);
    const named = completions.find((e) => story.has(e.person!) && e.other !== null && e.id !== quick?.id);
    const fourth = completions.find((e) => (e.value ?? 0) >= 4 && e.other !== null && e !== named);
    const tellings: [EventRow, () => void][] = [];
    if (quick)
      tellings.push([
        quick,
        () =>
          w.say(
            'completed.first',
            { x: who(quick.person!), when: anchor(quick.day), age: numberWord(Math.floor(ageAt(quick))) },
            [quick.id],
          ),
      ]);
    if (named)
      tellings.push([
        named,
        () =>
          w.say(
            'completed.named',
            {
              x: who(named.person!),
              c: who(named.other!),
              place: pname,
              when: anchor(named.day),
              n: named.value === 1 ? 'a single donation' : `the ${ordinalWord(named.value ?? 1)} donation`,
            },
            [named.id],
          ),
      ]);
    if (fourth)
      tellings.push([
        fourth,
        () =>
          w.say(
            'completed.fourth',
            { x: who(fourth.person!), c: who(fourth.other!), when: anchor(fourth.day) },
            [fourth.id],
          ),
      ]);
    // Told in the order they happened.
    for (const [, tell] of tellings.sort((x, y) => x[0].day - y[0].day)) tell();
  }
  // A couple who set out from here to ask for a deferral.
  const donors = new Set(donations.map((e) => e.person));
  const applied = storyFirst(
    src
      .eventsOfType(['deferral_applied'])
      .filter(
        (e) =>
          e.person !== null &&
          e.other !== null &&
          (donors.has(e.person) || donors.has(e.other)) &&
          (src.person(e.person)?.centre === p.id || src.person(e.other)?.centre === p.id),
      ),
    storyPeople(src),
  );
  if (applied) {
    w.para();
    // The one recovering here comes first in the telling; the other may be their carer.
    const here = donors.has(applied.person) && src.person(applied.person!)?.centre === p.id;
    const [da, db]: [number, number] = here
      ? [applied.person!, applied.other!]
      : [applied.other!, applied.person!];
    w.say('deferral_applied.centre', { a: who(da), b: who(db), place: pname, when: anchor(applied.day) }, [
      applied.id,
    ]);
  }
}
