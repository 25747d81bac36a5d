/**
 * The biography: anyone's life in the third person, from the log to its end. A clone's life
 * runs through school, the residence, caring and donation, using the same episodes as a memoir
 * told from outside; a guardian's is their years on a school's staff (what they told classes,
 * whom they comforted or shielded, whether they spoke plainly and left); Madame's is her visits
 * and the Gallery; an original's, the day someone came looking for them.
 */
import { isoDate, yearOf } from '../engine/calendar.js';
import type { EventRow } from '../store/reader.js';
import { choose, tellAll } from './arrange.js';
import { BELIEF_WEIGHT, beliefClause } from './beliefs.js';
import { Ctx, type PhraseKey } from './context.js';
import { episode, type Episode } from './episode.js';
import { BEAT_PHRASES } from './beats.js';
import { LATER_PHRASES, laterEpisodes, tellOwnCompletion } from './later.js';
import { readLife } from './life.js';
import { withBeats } from './memoir.js';
import type { Chronicle } from './model.js';
import { Namer } from './names.js';
import { SCHOOL_PHRASES, schoolEpisodes } from './school.js';
import { dataOf, type Source } from './source.js';
import { Clock, inText } from './time.js';
import { group, who, Writer } from './writer.js';
import { BIO_PHRASES } from './phrases/biography.js';
import { beatEpisode } from './beats.js';
import { count, listJoin, monthName, ordinalWord, thingPhrase } from './words.js';

export { BIO_PHRASES };

function lifespan(src: Source, id: number): string {
  const p = src.person(id)!;
  const from = p.born > 0 ? yearOf(p.born) : null;
  const to = p.completed_on !== null ? yearOf(p.completed_on) : null;
  if (from === null) return '';
  return to !== null ? ` (${from}–${to})` : ` (born ${from})`;
}

/**
 * Writes the biography of anyone in the world.
 * @example biography(new Source(openWorld('world.db')), 286)
 */
export function biography(src: Source, id: number): Chronicle {
  const p = src.person(id)!;
  const life = readLife(src, id);
  const namer = new Namer(src, null, id);
  const w = new Writer<PhraseKey>({
    kind: 'biography',
    perspective: 'third',
    seed: src.seed,
    key: id,
    namer,
    phrases: { ...SCHOOL_PHRASES, ...LATER_PHRASES, ...BEAT_PHRASES, ...BIO_PHRASES },
  });
  const c = new Ctx(w, src, life, new Clock(life.dates, 'third', p.sex, p.kind !== 'clone'));
  if (p.kind === 'clone') cloneLife(c);
  else if (p.kind === 'guardian') guardianLife(c);
  else if (p.kind === 'madame') madameLife(c);
  else otherLife(c);
  if (w.written === 0) {
    const evs = life.events;
    c.section('');
    if (evs.length > 0)
      w.say(
        'born.none',
        { s: who(id) },
        evs.slice(0, 12).map((e) => e.id),
      );
  }
  return w.finish({
    title: `${p.name}${lifespan(src, id)}`,
    subtitle: `A life from the world of the scenario "${src.world.meta.scenarioName}", seed ${src.seed}, as its record stands on ${isoDate(src.world.meta.endDay)}.`,
    subject: { kind: 'person', id, name: p.name },
    world: { scenario: src.world.meta.scenarioName, seed: src.seed, logSha256: src.world.meta.logSha256 },
  });
}

/**
 * Kinds of episode a biography leaves out: a year's tally of donors and a sum of miles driven
 * read as a ledger, not a life; the donations are told one by one instead (`donationEpisodes`).
 */
const LEDGER_KINDS = new Set(['care-year', 'rounds', 'donations']);

/**
 * The donations and the completion, each its own episode on its own day, so that the storyline's
 * beats of the donor years (a trip, a carer, a visit) fall between them in the order they happened.
 */
function donationEpisodes(c: Ctx): Episode[] {
  const id = c.life.id;
  const donations = c.life.of('donated').filter((e) => e.person === id);
  const done = c.life.of('completed').find((e) => e.person === id);
  const out: Episode[] = donations.map((e, i) =>
    episode(c, {
      kind: 'donations',
      day: e.day,
      phase: 'donor',
      weight: 30,
      people: e.other !== null ? [e.other] : [],
      events: [e.id],
      tell: (c) => {
        // A donation the completion follows within weeks is told with it.
        if (done && i === donations.length - 1 && done.day - e.day < 40) return;
        const centre = c.centreName(e.place);
        if (i === 0) c.w.say('donated.first', { s: c.s, when: c.when(e.day), centre }, [e.id]);
        else
          c.w.say('donated.next', { s: c.s, when: c.then(e.day), ord: ordinalWord(e.value ?? i + 1) }, [
            e.id,
          ]);
      },
    }),
  );
  if (done) {
    out.push(
      episode(c, {
        kind: 'donations',
        day: done.day,
        phase: 'donor',
        weight: 30,
        people: done.other !== null ? [done.other] : [],
        events: [done.id],
        tell: (c) => tellOwnCompletion(c, done, donations),
      }),
    );
  }
  return out;
}

/**
 * The biography's own opening: the birth, the school and the classmates who matter most in the
 * life (by bond), in place of the memoir's, which counts the year's children.
 */
function originEpisode(c: Ctx): Episode[] {
  const life = c.life;
  const born = life.of('born').find((e) => e.person === life.id);
  if (!born) return [];
  const p = life.person;
  const mates = [...life.bonds.keys()]
    .filter((id) => {
      const o = c.src.person(id);
      return o?.kind === 'clone' && o.school === p.school && o.cohort === p.cohort;
    })
    .slice(0, 2);
  return [
    episode(c, {
      kind: 'origin',
      day: born.day,
      phase: 'school',
      weight: 100,
      people: mates,
      events: [born.id],
      tell: (c) =>
        c.w.say(
          mates.length > 0 ? 'born.bio' : 'born.bio.alone',
          {
            s: c.s,
            school: life.school ? inText(life.school.name) : 'a school',
            year: String(yearOf(born.day)),
            month: monthName(born.day),
            mates: mates.length > 0 ? group(mates) : undefined,
          },
          [born.id],
        ),
    }),
  ];
}

function cloneLife(c: Ctx): void {
  const life = c.life;
  // A life ends at its completion: what became of the others after it belongs to their own.
  const ended = life.person.completed_on;
  const eps: Episode[] = withBeats(c, [
    ...schoolEpisodes(c).filter((e) => e.kind !== 'origin'),
    ...originEpisode(c),
    ...laterEpisodes(c).filter((e) => !LEDGER_KINDS.has(e.kind)),
    ...donationEpisodes(c),
  ]).filter((e) => !ended || e.day <= ended);
  const school = choose(
    eps.filter((e) => e.phase === 'school' && e.kind !== 'fate'),
    {
      max: 12,
      caps: { belief: 3, told: 2, friend: 3, 'tantrum-seen': 1, teased: 2, clique: 1, couple: 2 },
      always: ['origin', 'beat'],
    },
  );
  const residence = choose(
    eps.filter((e) => e.phase === 'residence'),
    { max: 8, caps: { belief: 2, friend: 2, told: 1 }, always: ['arrival', 'training', 'trip', 'beat'] },
  );
  const caring = choose(
    eps.filter((e) => e.phase === 'caring'),
    { max: 10, caps: { 'care-donor': 4, 'care-year': 4, fate: 2 }, always: ['care-first', 'beat'] },
  );
  const donor = choose(
    eps.filter((e) => e.phase === 'donor' || e.phase === 'after'),
    { max: 12, always: ['notice', 'donations', 'beat', 'deferral'] },
  );
  if (school.length > 0) {
    c.section(life.school?.name ?? 'School');
    tellAll(c, school);
  }
  if (residence.length > 0) {
    c.section(life.residence?.name ?? 'After school');
    tellAll(c, residence);
  }
  if (caring.length > 0) {
    c.section('Caring');
    tellAll(c, caring);
  }
  if (donor.length > 0) {
    c.section('Donations');
    tellAll(c, donor);
  }
  const phase = life.person.phase;
  if (phase !== 'completed') {
    const last = life.events[life.events.length - 1];
    if (!last) return;
    const centre = c.centreName(life.person.centre);
    // Where the life stands when the record ends: each phase by its own key, so that a donor
    // is never said to be still caring.
    const donations = life.person.donations;
    const key =
      phase === 'donor'
        ? donations > 0
          ? 'donated.alive'
          : 'became_donor.alive'
        : phase === 'resident'
          ? 'alive.resident'
          : phase === 'student'
            ? 'alive.student'
            : 'carer_assigned.alive';
    c.para();
    c.w.say(
      key,
      {
        s: c.s,
        centre: phase === 'donor' ? centre : undefined,
        n: donations > 0 ? count(donations, 'donation') : undefined,
        residence: life.residence ? inText(life.residence.name) : undefined,
        school: life.school ? inText(life.school.name) : undefined,
      },
      [last.id],
    );
  }
}

/** The storyline's beats that name this person, as episodes in their own words. */
function beatsOf(c: Ctx): Episode[] {
  return c.life
    .of('canon_beat')
    .map((e) => beatEpisode(c, e))
    .filter((e): e is Episode => e !== undefined);
}

/** "once", "more than once", "year after year": how often, in words, never a tally. */
function often(n: number): string {
  return n <= 1 ? 'once' : n === 2 ? 'more than once' : n <= 5 ? 'several times' : 'year after year';
}

/** "the late 1970s". */
function decadeOf(day: number): string {
  const y = yearOf(day);
  const d = Math.floor(y / 10) * 10;
  return `the ${y - d < 4 ? 'early' : y - d < 7 ? 'middle' : 'late'} ${d}s`.replace(
    'the middle',
    'the middle of the',
  );
}

function guardianLife(c: Ctx): void {
  const id = c.life.id;
  const w = c.w;
  const staff = c.src.staff(id);
  const joined = c.life.of('joined_staff').find((e) => e.person === id);
  const schoolId = staff?.place ?? joined?.place ?? null;
  const school = c.placeName(schoolId) ?? 'the school';
  const eps: Episode[] = [];
  const ep = (kind: string, day: number, events: number[], tell: (c: Ctx) => void, people: number[] = []) =>
    eps.push(episode(c, { kind, day, weight: 10, people, events, tell }));
  if (joined) {
    const role = dataOf<{ role?: string }>(joined)?.role === 'headmistress' ? 'headmistress' : 'a guardian';
    ep('joined', joined.day, [joined.id], (c) =>
      w.say('joined_staff.staff', { s: c.s, school, role, year: String(yearOf(joined.day)) }, [joined.id]),
    );
  }
  // What they told classes, the weightiest things first, and how they told them.
  const told = new Map<string, EventRow[]>();
  for (const e of c.life.of('guardian_disclosed')) {
    if (e.person !== id) continue;
    const d = dataOf<{ p: string; v: string }>(e);
    if (d) told.set(`${d.p}/${d.v}`, [...(told.get(`${d.p}/${d.v}`) ?? []), e]);
  }
  const ranked = [...told]
    .sort(
      (a, b) =>
        (BELIEF_WEIGHT[b[0].split('/')[0]!] ?? 1) - (BELIEF_WEIGHT[a[0].split('/')[0]!] ?? 1) ||
        b[1].length - a[1].length,
    )
    .slice(0, 2);
  const plainness = [...told.values()].flat().map((e) => dataOf<{ plainness?: number }>(e)?.plainness ?? 0.5);
  ranked.forEach(([key, list], i) => {
    const [p, v] = key.split('/') as [string, string];
    const clause = beliefClause(p, v, 'third', 'other').replace(/\bthey\b/, 'the students');
    ep(
      'told',
      list[0]!.day,
      list.map((e) => e.id),
      (c) => {
        w.say(
          'guardian_disclosed.staff',
          { s: c.s, often: often(list.length), year: String(yearOf(list[0]!.day)), clause },
          list.map((e) => e.id),
        );
        if (i > 0 || plainness.length < 3) return;
        const mean = plainness.reduce((a, b) => a + b, 0) / plainness.length;
        if (mean < 0.45) w.say('guardian_disclosed.gently', { s: c.s }, [list[0]!.id]);
        else if (mean > 0.65) w.say('guardian_disclosed.plainly', { s: c.s }, [list[0]!.id]);
      },
    );
  });
  // The first student comforted, by name, and the first whose comfort was taken back.
  const spoke = c.life.of('guardian_spoke_to').filter((e) => e.person === id && e.other !== null);
  const comfort = spoke.filter((e) => dataOf<{ kind?: string }>(e)?.kind === 'comfort');
  const truth = spoke.filter((e) => dataOf<{ kind?: string }>(e)?.kind === 'truth');
  const firstComfort = comfort[0];
  if (firstComfort)
    ep(
      'comfort',
      firstComfort.day,
      comfort.map((e) => e.id),
      (c) => {
        w.say(
          'guardian_spoke_to.comfort',
          { s: c.s, x: who(firstComfort.other!), when: c.when(firstComfort.day) },
          [firstComfort.id],
        );
        if (comfort.length > 1)
          w.say(
            'guardian_spoke_to.comfort.more',
            { s: c.s },
            comfort.slice(1).map((e) => e.id),
          );
      },
      [firstComfort.other!],
    );
  const firstTruth = truth[0];
  if (firstTruth)
    ep(
      'truth',
      firstTruth.day,
      [firstTruth.id],
      (c) =>
        w.say(
          'guardian_spoke_to.truth',
          { s: c.s, x: who(firstTruth.other!), when: c.when(firstTruth.day) },
          [firstTruth.id],
        ),
      [firstTruth.other!],
    );
  if (schoolId !== null) {
    const shields = c.src
      .eventsAt(schoolId, ['teased'])
      .filter(
        (e) => dataOf<{ shieldedBy?: number }>(e)?.shieldedBy === id && e.person !== null && e.other !== null,
      );
    const first = shields[0];
    if (first)
      ep(
        'shield',
        first.day,
        shields.map((e) => e.id),
        (c) => {
          w.say(
            'teased.shield',
            { s: c.s, x: who(first.person!), leader: who(first.other!), when: c.when(first.day) },
            [first.id],
          );
          if (shields.length > 2)
            w.say(
              'teased.shield.more',
              { s: c.s },
              shields.slice(1).map((e) => e.id),
            );
        },
        [first.person!],
      );
  }
  const byStory = new Map<string, EventRow[]>();
  for (const e of c.life.of('rumour_debunked').filter((x) => x.person === id)) {
    const d = dataOf<{ p: string; v: string }>(e);
    if (d) byStory.set(`${d.p}/${d.v}`, [...(byStory.get(`${d.p}/${d.v}`) ?? []), e]);
  }
  for (const [key, list] of [...byStory].slice(0, 2)) {
    const [p, v] = key.split('/') as [string, string];
    ep(
      'debunk',
      list[0]!.day,
      list.map((e) => e.id),
      (c) =>
        w.say(
          'rumour_debunked.staff',
          { s: c.s, clause: beliefClause(p, v, 'third', 'other') },
          list.map((e) => e.id),
        ),
    );
  }
  // A plain talk the storyline tells is its beat's; the rules' own are told here.
  const beats = beatsOf(c);
  const beatDays = new Set(beats.map((b) => b.day));
  for (const e of c.life
    .of('guardian_spoke_plainly')
    .filter((x) => x.person === id && !beatDays.has(x.day))) {
    const d = dataOf<{ said?: [string, string][] }>(e);
    const clauses = (d?.said ?? []).map(([p, v]) => beliefClause(p, v, 'third', 'other'));
    ep('plain', e.day, [e.id], (c) =>
      w.say('guardian_spoke_plainly.staff', { s: c.s, when: c.when(e.day), clause: listJoin(clauses) }, [
        e.id,
      ]),
    );
  }
  const left = c.life.of('guardian_left').find((e) => e.person === id);
  const closed = schoolId !== null ? c.src.eventsAt(schoolId, ['school_closed'])[0] : undefined;
  if (left && !beatDays.has(left.day))
    ep('left', left.day, [left.id], (c) =>
      w.say('guardian_left.staff', { s: c.s, school, when: c.when(left.day) }, [left.id]),
    );
  else if (!left && closed)
    ep('closed', closed.day, [closed.id], (c) => {
      w.say('school_closed.staff', { s: c.s, school, when: c.when(closed.day) }, [closed.id]);
      const home = homeOf(c, id);
      if (home) w.say('school_closed.home', { s: c.s, home: home.name }, [home.event]);
    });
  else if (!left && joined)
    ep('stayed', c.src.world.meta.endDay, [joined.id], (c) =>
      w.say('joined_staff.stayed', { s: c.s, school }, [joined.id]),
    );
  c.section(c.src.place(schoolId)?.name ?? 'On the staff');
  tellAll(
    c,
    [...eps, ...beats].sort((a, b) => a.day - b.day || a.events[0]! - b.events[0]!),
  );
}

/** Madame's house, where this person is seen after their school (a storyline's visit), if any. */
function homeOf(c: Ctx, id: number): { name: string; event: number } | undefined {
  const row = c.src.world.get<{ event: number; place: number }>(
    "SELECT e.id AS event, e.place AS place FROM event_people ep JOIN events e ON e.id = ep.event JOIN places p ON p.id = e.place WHERE ep.person = ? AND p.kind = 'home-of-madame' ORDER BY e.id LIMIT 1",
    id,
  );
  const place = row ? c.src.place(row.place) : undefined;
  return row && place ? { name: place.name, event: row.event } : undefined;
}

function madameLife(c: Ctx): void {
  const id = c.life.id;
  const w = c.w;
  const eps: Episode[] = [];
  const ep = (kind: string, day: number, events: number[], tell: (c: Ctx) => void, people: number[] = []) =>
    eps.push(episode(c, { kind, day, weight: 10, people, events, tell }));
  const visits = c.life.of('gallery_visit').filter((e) => e.person === id);
  const bySchool = new Map<number, EventRow[]>();
  for (const e of visits) if (e.place !== null) bySchool.set(e.place, [...(bySchool.get(e.place) ?? []), e]);
  for (const [place, list] of bySchool) {
    const school = c.placeName(place) ?? 'the school';
    const first = list[0]!;
    const n = first.value ?? 0;
    ep('visit', first.day, [first.id], (c) =>
      w.say(
        'gallery_visit.first',
        {
          school,
          when: c.when(first.day),
          works: n <= 1 ? 'a single piece' : n <= 3 ? 'a piece or two' : 'a handful of pieces',
        },
        [first.id],
      ),
    );
    const peak = [...list].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.day - b.day)[0]!;
    if (list.length >= 6 && (peak.value ?? 0) >= 3 * Math.max(1, n))
      ep(
        'grew',
        first.day + 1,
        list.slice(1, 20).map((e) => e.id),
        () =>
          w.say(
            'gallery_visit.grew',
            { peak: decadeOf(peak.day) },
            list.slice(1, 20).map((e) => e.id),
          ),
      );
    const chosen = c.src.eventsAt(place, ['work_chosen']);
    const byMaker = new Map<number, EventRow[]>();
    for (const e of chosen)
      if (e.person !== null) byMaker.set(e.person, [...(byMaker.get(e.person) ?? []), e]);
    const top = [...byMaker].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
    if (top && top[1].length > 1)
      ep(
        'chosen',
        top[1][0]!.day,
        top[1].map((e) => e.id),
        () =>
          w.say(
            'work_chosen.madame',
            { x: who(top[0]) },
            top[1].map((e) => e.id),
          ),
      );
    const last = list[list.length - 1]!;
    const closed = c.src.eventsAt(place, ['school_closed'])[0];
    if (closed && last.day <= closed.day)
      ep('last', last.day, [last.id, closed.id], (c) =>
        w.say('gallery_visit.last', { school, when: c.when(last.day) }, [last.id]),
      );
  }
  const crowded = c.life.of('madame_tested').filter((e) => e.person !== null);
  const firstCrowd = crowded[0];
  if (firstCrowd)
    ep(
      'crowded',
      firstCrowd.day,
      [firstCrowd.id],
      (c) =>
        w.say('madame_tested.madame', { x: who(firstCrowd.person!), when: c.when(firstCrowd.day) }, [
          firstCrowd.id,
        ]),
      [firstCrowd.person!],
    );
  // Her tears at a student alone with a song; the storyline's dance is told by its beat.
  const beats = beatsOf(c);
  const beatDays = new Set(beats.map((b) => b.day));
  for (const e of c.life.of('madame_moved').slice(0, 2)) {
    if (e.person === null || beatDays.has(e.day)) continue;
    const item = e.value !== null && e.value >= 0 ? c.src.item(e.value) : undefined;
    ep(
      'moved',
      e.day,
      [e.id],
      (c) =>
        w.say(
          'madame_moved.madame',
          {
            x: who(e.person!),
            when: c.when(e.day),
            song: item ? thingPhrase(item.label, item.kind) : 'a song',
          },
          [e.id],
        ),
      [e.person],
    );
  }
  // The couples who came to her house; the storyline's own visit is told by its beat.
  const asked = c.src.eventsOfType(['deferral_refused']).filter((e) => e.person !== null && e.other !== null);
  const firstAsk = asked.find((e) => !beatDays.has(e.day));
  const home = firstAsk ? c.src.place(firstAsk.place) : undefined;
  if (firstAsk && home)
    ep(
      'deferrals',
      firstAsk.day,
      asked.slice(0, 20).map((e) => e.id),
      (c) =>
        w.say(
          'deferral_refused.madame',
          { x: who(firstAsk.person!), y: who(firstAsk.other!), when: c.when(firstAsk.day), home: home.name },
          asked.slice(0, 20).map((e) => e.id),
        ),
    );
  c.section('Madame');
  tellAll(
    c,
    [...eps, ...beats].sort((a, b) => a.day - b.day || a.events[0]! - b.events[0]!),
  );
}

function otherLife(c: Ctx): void {
  const id = c.life.id;
  c.section('');
  for (const e of c.life.of('possible_seen')) {
    if (e.other !== id || e.person === null) continue;
    const d = dataOf<{ right?: boolean; town?: string }>(e);
    c.w.say(
      d?.right ? 'possible_seen.right' : 'possible_seen.original',
      {
        s: c.s,
        x: who(e.person),
        when: [`in ${yearOf(e.day)}`],
        town: d?.town ?? c.placeName(e.place) ?? 'a town',
      },
      [e.id],
    );
  }
}
