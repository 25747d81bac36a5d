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
import { LATER_PHRASES, laterEpisodes } from './later.js';
import { readLife } from './life.js';
import { withBeats } from './memoir.js';
import type { Chronicle } from './model.js';
import { Namer } from './names.js';
import { SCHOOL_PHRASES, schoolEpisodes } from './school.js';
import { dataOf, type Source } from './source.js';
import { Clock, inText } from './time.js';
import { who, Writer, type Phrasebook } from './writer.js';
import { count, listJoin, numberWord, ordinalWord, thingPhrase, times } from './words.js';

export const BIO_PHRASES = {
  'staff.joined': [
    '{s.full} joined the staff of {school} as {role} in {year}.',
    '{s.full} came to {school} in {year}, as {role}.',
  ],
  'staff.told': [
    'Over the years {s} told {n} that {clause}.',
    '{s} told {n}, in {s.pos} time, that {clause}.',
    'It fell to {s.obj}, {times}, to tell a class that {clause}.',
  ],
  'staff.told.gently': [
    '{s} always put it gently, so gently that not every student took it in.',
    'When {s} spoke of it, {s} spoke softly and never for long.',
  ],
  'staff.told.plainly': ['{s} did not soften it.', '{s} said it plainly, as a rule.'],
  'staff.comfort': [
    '{s} comforted {n} who worried about their art, telling them it did not matter whether they were creative.',
    '{n} who fretted over their art were told by {s} that it need not matter.',
  ],
  'staff.truth': [
    'Later {s} told {n} that it had mattered after all.',
    '{s} afterwards took that comfort back, {times}.',
  ],
  'staff.shield': [
    '{s} stepped in {n} when students were being teased.',
    'When students were teased, {s} was the guardian most likely to stop it: {n} in all.',
  ],
  'staff.debunk': [
    '{s} put down the story that {clause}.',
    'It was {s} who put an end to the tale that {clause}.',
  ],
  'staff.plain': [
    '{when} {s} told a senior class plainly that {clause}.',
    "{when}, against the school's way of doing things, {s} told a class of older students that {clause}.",
  ],
  'staff.left': ['{when} {s} left {school}.', '{s} was gone from {school} {when}.'],
  'staff.stayed': [
    '{s} was still at {school} when this record ends.',
    'When this record ends, {s} is still on the staff of {school}.',
  ],
  'madame.visits': [
    'Madame came to {school} {n} between {from} and {to}, and took {works} for the Gallery.',
    'Between {from} and {to} Madame visited {school} {n}, taking {works} away for the Gallery.',
  ],
  'madame.crowded': [
    'Students crowded round her {n}, to see whether she was afraid of them.',
    '{n} a group of students closed in round her all at once, to see what she would do.',
  ],
  'madame.wept': ['{when} she came upon {x} alone with {song} playing, and wept.'],
  'original.seen': [
    '{when} {x} and others came to {town} believing {s} might be {x.pos} model; {s} was not.',
    '{when} a party of residents came to {town} to look at {s}, taken for the model of {x}, wrongly.',
  ],
  'original.seen.right': ['{when} {x} came to {town} to see {s}, rightly believed to be {x.pos} model.'],
  'bio.none': ['The record holds little of {s}: {s} appears in it {n}.'],
} satisfies Phrasebook;

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
  const c = new Ctx(w, src, life, new Clock(life.dates, 'third', p.sex));
  if (p.kind === 'clone') cloneLife(c);
  else if (p.kind === 'guardian') guardianLife(c);
  else if (p.kind === 'madame') madameLife(c);
  else otherLife(c);
  if (w.written === 0) {
    const evs = life.events;
    c.section('');
    if (evs.length > 0)
      w.say(
        'bio.none',
        { s: who(id), n: times(evs.length) },
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
    const last = donations[donations.length - 1];
    out.push(
      episode(c, {
        kind: 'donations',
        day: done.day,
        phase: 'donor',
        weight: 30,
        people: done.other !== null ? [done.other] : [],
        events: [done.id],
        tell: (c) =>
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
          ),
      }),
    );
  }
  return out;
}

function cloneLife(c: Ctx): void {
  const life = c.life;
  // A life ends at its completion: what became of the others after it belongs to their own.
  const ended = life.person.completed_on;
  const eps: Episode[] = withBeats(c, [
    ...schoolEpisodes(c),
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
    const key =
      phase === 'donor'
        ? 'alive.end'
        : phase === 'resident'
          ? 'alive.resident'
          : phase === 'student'
            ? 'alive.student'
            : life.of('became_donor').some((e) => e.person === life.id)
              ? 'alive.notice'
              : 'alive.end';
    c.para();
    c.w.say(
      key,
      {
        s: c.s,
        centre: phase === 'donor' ? centre : undefined,
        n: phase === 'donor' ? count(life.person.donations, 'donation') : undefined,
        residence: life.residence ? inText(life.residence.name) : undefined,
        school: life.school ? inText(life.school.name) : undefined,
      },
      [last.id],
    );
  }
}

function guardianLife(c: Ctx): void {
  const id = c.life.id;
  const w = c.w;
  const staff = c.src.staff(id);
  const joined = c.life.of('joined_staff').find((e) => e.person === id);
  const schoolId = staff?.place ?? joined?.place ?? null;
  const school = c.placeName(schoolId) ?? 'the school';
  c.section(c.src.place(schoolId)?.name ?? 'On the staff');
  if (joined) {
    const role = dataOf<{ role?: string }>(joined)?.role === 'headmistress' ? 'headmistress' : 'a guardian';
    w.say('staff.joined', { s: c.s, school, role, year: String(yearOf(joined.day)) }, [joined.id]);
  }
  // What they told classes, by proposition.
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
    .slice(0, 4);
  for (const [key, list] of ranked) {
    const [p, v] = key.split('/') as [string, string];
    const clause = beliefClause(p, v, 'third', 'other').replace(/\bthey\b/, 'the students');
    w.say(
      'staff.told',
      { s: c.s, n: count(list.length, 'class', 'classes'), times: times(list.length), clause },
      list.map((e) => e.id),
    );
  }
  const plainness = [...told.values()].flat().map((e) => dataOf<{ plainness?: number }>(e)?.plainness ?? 0.5);
  if (plainness.length >= 3) {
    const mean = plainness.reduce((a, b) => a + b, 0) / plainness.length;
    const ids = [...told.values()]
      .flat()
      .slice(0, 6)
      .map((e) => e.id);
    if (mean < 0.45) w.say('staff.told.gently', { s: c.s }, ids);
    else if (mean > 0.65) w.say('staff.told.plainly', { s: c.s }, ids);
  }
  c.para();
  const spoke = c.life.of('guardian_spoke_to').filter((e) => e.person === id);
  const comfort = spoke.filter((e) => dataOf<{ kind?: string }>(e)?.kind === 'comfort');
  const truth = spoke.filter((e) => dataOf<{ kind?: string }>(e)?.kind === 'truth');
  if (comfort.length > 0)
    w.say(
      'staff.comfort',
      { s: c.s, n: count(comfort.length, 'student') },
      comfort.map((e) => e.id),
    );
  if (truth.length > 0)
    w.say(
      'staff.truth',
      {
        s: c.s,
        n: truth.length === 1 ? 'one of them' : `${numberWord(truth.length)} of them`,
        times: times(truth.length),
      },
      truth.map((e) => e.id),
    );
  if (schoolId !== null) {
    const shields = c.src
      .eventsAt(schoolId, ['teased'])
      .filter((e) => dataOf<{ shieldedBy?: number }>(e)?.shieldedBy === id);
    if (shields.length > 0)
      w.say(
        'staff.shield',
        { s: c.s, n: times(shields.length) },
        shields.map((e) => e.id),
      );
  }
  const debunked = c.life.of('rumour_debunked').filter((e) => e.person === id);
  const byStory = new Map<string, EventRow[]>();
  for (const e of debunked) {
    const d = dataOf<{ p: string; v: string }>(e);
    if (d) byStory.set(`${d.p}/${d.v}`, [...(byStory.get(`${d.p}/${d.v}`) ?? []), e]);
  }
  for (const [key, list] of [...byStory].slice(0, 2)) {
    const [p, v] = key.split('/') as [string, string];
    w.say(
      'staff.debunk',
      { s: c.s, clause: beliefClause(p, v, 'third', 'other') },
      list.map((e) => e.id),
    );
  }
  c.para();
  for (const e of c.life.of('guardian_spoke_plainly').filter((x) => x.person === id)) {
    const d = dataOf<{ said?: [string, string][] }>(e);
    const clauses = (d?.said ?? []).map(([p, v]) => beliefClause(p, v, 'third', 'other'));
    w.say(
      'staff.plain',
      {
        s: c.s,
        when: [`in ${yearOf(e.day)}`, `in the ${seasonWord(e.day)} of ${yearOf(e.day)}`],
        clause: listJoin(clauses),
      },
      [e.id],
    );
  }
  const left = c.life.of('guardian_left').find((e) => e.person === id);
  if (left)
    w.say(
      'staff.left',
      { s: c.s, school, when: [`in ${yearOf(left.day)}`, `later in ${yearOf(left.day)}`] },
      [left.id],
    );
  else if (joined) w.say('staff.stayed', { s: c.s, school }, [joined.id]);
}

function seasonWord(day: number): string {
  const m = Number(isoDate(day).slice(5, 7));
  return m === 12 || m <= 2 ? 'winter' : m <= 5 ? 'spring' : m <= 8 ? 'summer' : 'autumn';
}

function madameLife(c: Ctx): void {
  const id = c.life.id;
  const w = c.w;
  const visits = c.life.of('gallery_visit').filter((e) => e.person === id);
  const bySchool = new Map<number, EventRow[]>();
  for (const e of visits) if (e.place !== null) bySchool.set(e.place, [...(bySchool.get(e.place) ?? []), e]);
  c.section('Madame');
  for (const [place, list] of bySchool) {
    const works = list.reduce((s, e) => s + (e.value ?? 0), 0);
    w.say(
      'madame.visits',
      {
        s: c.s,
        school: c.placeName(place) ?? 'the school',
        n: times(list.length),
        from: String(yearOf(list[0]!.day)),
        to: String(yearOf(list[list.length - 1]!.day)),
        works: count(works, 'piece'),
      },
      list.map((e) => e.id),
    );
  }
  const crowded = c.life.of('madame_tested');
  if (crowded.length > 0)
    w.say(
      'madame.crowded',
      { s: c.s, n: times(crowded.length) },
      crowded.map((e) => e.id),
    );
  for (const e of c.life.of('madame_moved')) {
    if (e.person === null) continue;
    const item = e.value !== null && e.value >= 0 ? c.src.item(e.value) : undefined;
    w.say(
      'madame.wept',
      {
        s: c.s,
        x: who(e.person),
        when: [`in ${yearOf(e.day)}`],
        song: item ? thingPhrase(item.label, item.kind) : 'a song',
      },
      [e.id],
    );
  }
}

function otherLife(c: Ctx): void {
  const id = c.life.id;
  c.section('');
  for (const e of c.life.of('possible_seen')) {
    if (e.other !== id || e.person === null) continue;
    const d = dataOf<{ right?: boolean; town?: string }>(e);
    c.w.say(
      d?.right ? 'original.seen.right' : 'original.seen',
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
