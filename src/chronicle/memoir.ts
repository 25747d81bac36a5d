/**
 * The memoir: a clone tells their own life in the first person, from the day they are given
 * notice to become a donor (or from the end of the log, if that day never comes). It opens in
 * the present of caring, goes back to school, then the Cottages, then the years on the road,
 * and closes in the present again. Along the way it moves by association: a schoolfriend's
 * name brings the day, years later, when the narrator became her carer; a donor who was at
 * school with the narrator takes the story back there.
 */
import { isoDate } from '../engine/calendar.js';
import type { EventRow } from '../store/reader.js';
import { Ctx, type PhraseKey } from './context.js';
import type { Episode } from './episode.js';
import { BEAT_PHRASES, beatEpisode, beatsFor, consequencesOf } from './beats.js';
import { LATER_PHRASES, assignmentsOf, laterEpisodes } from './later.js';
import { keyPeople, readLife, type Life } from './life.js';
import type { Chronicle } from './model.js';
import { Namer } from './names.js';
import { SCHOOL_PHRASES, schoolEpisodes } from './school.js';
import { dataOf, type Source } from './source.js';
import { Associations, RECALL_PHRASEBOOK, type Hook, type PastPart } from './recall.js';
import { curate, scaleOf } from './curate.js';
import { planPresent, tellKept, type PresentPlan } from './present.js';
import { Clock, inText } from './time.js';
import { group, who, Writer } from './writer.js';
import { MEMOIR_PHRASES } from './phrases/memoir.js';
import { count, listJoin, numberWord, possessive, seasonOf, seasonYear, thingPhrase } from './words.js';

/** When a memoir is set: the day of the notice, or the end of the log. */
export function memoirPresent(src: Source, id: number): number {
  const p = src.person(id);
  const end = src.world.meta.endDay;
  if (p?.donor_on !== null && p?.donor_on !== undefined && p.donor_on <= end) return p.donor_on;
  return end;
}

/**
 * Storyline beats near the subject. A beat the storyline gives words of its own is told in them,
 * in place of the ordinary episodes that carry it out (their events are cited with it, so the
 * telling still rests on them); any other beat lends its weight and id to the episodes that
 * carry it, or is told from its kind.
 */
export function withBeats(c: Ctx, eps: Episode[]): Episode[] {
  const beats = beatsFor(c, c.first ? keyPeople(c.life, 6) : []);
  if (beats.length === 0) return eps;
  let out = [...eps];
  for (const b of beats) {
    const carried = new Set(consequencesOf(c, b).map((e) => e.id));
    const own = hasOwnWords(c, b);
    const carriers = out.filter((ep) => ep.events.some((e) => e === b.id || carried.has(e)));
    if (own) {
      const ep = beatEpisode(c, b);
      if (ep) {
        for (const id of carried) c.w.alsoCite(b.id, id);
        // The storyline's own purchase is the prized thing a Sale gave; a second telling of it goes.
        const gone = new Set([
          ...carriers,
          ...(dataOf<{ kind?: string }>(b)?.kind === 'bought'
            ? out.filter((x) => x.kind === 'cassette')
            : []),
        ]);
        out = out.filter((e) => !gone.has(e));
        out.push({ ...ep, people: [...new Set([...ep.people, ...carriers.flatMap((e) => e.people)])] });
        continue;
      }
    }
    for (const id of carried) c.w.alsoCite(id, b.id);
    out = out.map((ep) => (carriers.includes(ep) ? { ...ep, weight: ep.weight + 40 } : ep));
    if (carriers.length === 0) {
      const ep = beatEpisode(c, b);
      if (ep) out.push(ep);
    }
  }
  return out;
}

function hasOwnWords(c: Ctx, b: EventRow): boolean {
  const d = dataOf<{ beat?: string }>(b);
  return d?.beat !== undefined && c.w.opts.phrases[`beat:${d.beat}`] !== undefined;
}

function setUp(src: Source, id: number): { c: Ctx; life: Life } {
  const present = memoirPresent(src, id);
  const life = readLife(src, id, { present });
  const namer = new Namer(src, id);
  const w = new Writer<PhraseKey>({
    kind: 'memoir',
    perspective: 'first',
    seed: src.seed,
    key: id,
    namer,
    phrases: {
      ...SCHOOL_PHRASES,
      ...LATER_PHRASES,
      ...BEAT_PHRASES,
      ...MEMOIR_PHRASES,
      ...RECALL_PHRASEBOOK,
    },
  });
  const clock = new Clock(life.dates, 'first', life.person.sex);
  return { c: new Ctx(w, src, life, clock), life };
}

/**
 * Writes the memoir of a clone.
 * @example const text = memoir(new Source(openWorld('world.db')), 312);
 */
export function memoir(src: Source, id: number): Chronicle {
  const { c, life } = setUp(src, id);
  const w = c.w;
  const all = withBeats(c, [...schoolEpisodes(c), ...laterEpisodes(c)]).filter(
    (e) => e.day <= life.dates.present,
  );
  const school = c.schoolName;
  const residence = life.residence ? inText(life.residence.name) : 'the Cottages';
  const assignments = assignmentsOf(c);
  const keys = keyPeople(life, 4);
  const assoc = new Associations(c);
  const noticeBeat = all.find(
    (e) => e.kind === 'beat' && c.src.event(e.events[0]!)?.data?.includes('"kind":"notice"'),
  );
  const notice = noticeBeat ?? all.find((e) => e.kind === 'notice');

  // What is worth telling, by salience; then the present planned first, so that the memories
  // it calls up are told there and not again in their own part.
  const scale = scaleOf(src, life.bonds);
  reserveDonors(c, assoc, assignments, all);
  const closingDay = notice?.day ?? Infinity;
  const lastBeats = all.filter((e) => e.kind === 'beat' && e !== notice && e.day > closingDay);
  const careCandidates = curate(
    all.filter((e) => e.phase === 'caring' && e !== notice && !lastBeats.includes(e)),
    scale,
    { max: 14, caps: { 'care-donor': 5, 'care-year': 5, fate: 4 }, always: ['care-first'] },
  );
  const plan = planPresent(
    c,
    assoc,
    careCandidates,
    curate(
      all.filter((e) => e.phase === 'school' && e.kind !== 'fate'),
      scale,
      {
        max: 16,
        caps: { belief: 4, told: 3, friend: 4, 'tantrum-seen': 2, teased: 2, clique: 2, couple: 2 },
        always: ['origin'],
      },
    ),
    curate(
      all.filter((e) => e.phase === 'residence'),
      scale,
      {
        max: 12,
        caps: { belief: 3, friend: 2, told: 1 },
        always: ['arrival', 'training', 'trip'],
      },
    ),
    scale,
    {
      max: 6,
      keepSchool: 5,
      spare: all.filter((e) => e.phase === 'school' || e.phase === 'residence'),
    },
  );

  // The first part: the present of caring, and the school it keeps calling back.
  const schoolEps = plan.school;
  c.section(life.school?.name ?? 'School');
  opening(c, assignments, school, residence, notice);
  c.para();
  const [origin, ...restOfSchool] = schoolEps;
  if (origin?.kind === 'origin') {
    origin.tell(c);
    schoolIntro(c);
    c.para();
    tellByAssociation(c, restOfSchool, assoc, school, 'school');
  } else tellByAssociation(c, schoolEps, assoc, school, 'school');

  // The second: the Cottages, called back the same way.
  const resEps = plan.residence;
  if (resEps.length > 0) {
    c.section(life.residence?.name ?? 'After school');
    // Without news from the present to open it, the section opens on the morning the narrator
    // left for training, the first day of the caring years, which calls back the day they came.
    const training = resEps.find((e) => e.kind === 'training');
    const first = resEps[0]!;
    if (training && first.kind === 'arrival' && !assoc.hookFor(first, 'residence')) {
      const e = c.src.event(training.events[0]!);
      const day = e?.day ?? 0;
      if (
        e &&
        c.w.say(
          'left_for_training.frame',
          { s: c.s, when: [`in the ${seasonOf(day)} of ${seasonYear(day)}`], residence },
          [e.id],
        )
      ) {
        c.framed.add(e.id);
        c.forget();
      }
    }
    tellByAssociation(c, resEps, assoc, residence, 'residence');
  }

  // The third: the caring years themselves, each moment of them calling up a memory it shares
  // a person with, and the telling going back to the present after.
  const hooked = assoc.hookedPeople;
  const careEps = [
    ...careCandidates.filter(
      (e) =>
        plan.memories.has(e) ||
        // A fate glimpsed already as news in the present is not told a second time.
        !(
          e.kind === 'fate' &&
          (e.people.some((p) => hooked.has(p)) || e.events.some((x) => assoc.hookEvents.has(x)))
        ),
    ),
    ...plan.news,
  ].sort((a, b) => a.day - b.day || a.events[0]! - b.events[0]!);
  if (careEps.length > 0) {
    c.section('Caring');
    tellPresent(c, careEps, plan, assoc, assignments);
  }

  // The close: the notice, what is kept, and what comes next.
  c.section('What I keep');
  closing(c, school, residence, assignments, keys, notice, lastBeats);

  const name = life.person.name;
  return w.finish({
    title: `${name}: a memoir`,
    subtitle: `Written from the world of the scenario "${src.world.meta.scenarioName}", seed ${src.seed}: ${possessive(name)} own account, set on ${isoDate(life.dates.present)}.`,
    subject: { kind: 'person', id, name },
    world: { scenario: src.world.meta.scenarioName, seed: src.seed, logSha256: src.world.meta.logSha256 },
  });
}

/**
 * Tells episodes of the past in the order they happened, opening a paragraph where it can with
 * a moment of the present that shares a person with the memory, and returning to it after.
 */
function tellByAssociation(
  c: Ctx,
  eps: readonly Episode[],
  assoc: Associations,
  where: string,
  part: PastPart,
): void {
  let prev: Episode | undefined;
  let hook: Hook | undefined;
  for (const [i, ep] of eps.entries()) {
    const n = c.w.paragraphLength;
    // A lone sentence is no paragraph: one is not closed after a single sentence, and the
    // last episode, with no moment of the present to open it, joins the paragraph before.
    const last = i === eps.length - 1;
    const shared = prev !== undefined && ep.people.some((p) => prev!.people.includes(p));
    const gap = prev !== undefined ? ep.day - prev.day : 0;
    const next = ep.kind === 'origin' ? undefined : assoc.hookFor(ep, part);
    const limit = hook ? 5 : 4;
    if (
      n > 1 &&
      !(last && next === undefined && n < 5) &&
      prev?.kind !== 'origin' &&
      ep.day !== prev?.day &&
      (n >= limit ||
        gap > 700 ||
        (next !== undefined && n >= 1) ||
        (n >= 3 && !shared) ||
        (n >= 2 && !shared && c.w.rng.chance(0.5)))
    ) {
      if (hook) assoc.back(hook);
      hook = undefined;
      c.para();
    }
    if (c.w.paragraphLength === 0 && next && assoc.tell(next, where)) hook = next;
    ep.tell(c);
    prev = ep;
  }
  if (hook) assoc.back(hook);
  c.para();
}

/**
 * Tells the caring years: each moment that calls up a memory opens a paragraph, the memory
 * follows, and the telling returns to the present; a moment with nothing to call up joins the
 * paragraph around it (so no fact stands alone), with a line of what the narrator shared with
 * the person if there is one.
 */
function tellPresent(
  c: Ctx,
  eps: readonly Episode[],
  plan: PresentPlan,
  assoc: Associations,
  assignments: readonly Assignment[],
): void {
  // After a moment and its memory the paragraph is whole: what follows starts another.
  let whole = false;
  for (const [i, ep] of eps.entries()) {
    const memory = plan.memories.get(ep);
    const n = c.w.paragraphLength;
    // A last fact with nothing to call up closes the paragraph before rather than standing alone.
    if (whole && n > 0 && (i < eps.length - 1 || memory !== undefined || ep.kind === 'news')) c.para();
    whole = memory !== undefined || ep.kind === 'news';
    if (memory) {
      if (n >= 2) c.para();
      ep.tell(c);
      c.forget();
      memory.tell(c);
      const back = plan.returns.get(ep);
      if (back) assoc.back(back);
      c.forget();
      continue;
    }
    if ((n >= 5 && i < eps.length - 1) || (ep.kind === 'news' && n >= 2)) c.para();
    ep.tell(c);
    // News of someone from the narrator's past calls them back as they were then.
    if (ep.kind === 'fate') {
      const x = ep.people[0];
      const e = c.src.event(ep.events[0]!);
      if (x !== undefined && e) assoc.recall(x, c.centreName(e.place), true);
      continue;
    }
    if (ep.kind !== 'care-first' && ep.kind !== 'care-donor' && ep.kind !== 'beat') continue;
    const x = ep.people.find((p) => assignments.some((a) => a.donor === p));
    const a = assignments.find((a) => a.donor === x);
    if (x !== undefined && a) assoc.recall(x, c.centreName(a.event.place));
  }
  c.para();
}

/**
 * A donor met again who shared the residence with the narrator calls up the residence, as the
 * Cottages come back through Ruth: of two such donors close to the narrator, the second closest
 * is kept for that part (the closest belongs to the last part, the caring years themselves).
 */
function reserveDonors(
  c: Ctx,
  assoc: Associations,
  assignments: readonly Assignment[],
  all: readonly Episode[],
): void {
  const residence = all.filter((e) => e.phase === 'residence');
  const donors = [...new Set(assignments.map((a) => a.donor))]
    .filter((x) => c.bond(x) >= 4 && residence.some((e) => e.people.includes(x)))
    .sort((a, b) => c.bond(b) - c.bond(a) || a - b);
  if (donors.length >= 2) assoc.reserve(donors[1]!, 'residence');
}

/**
 * What a reader who has not been to the school needs before its life can be told: the guardians
 * by name and role, the Exchanges and their tokens, the Sales, and Madame's Gallery. Each is said
 * once, where the school is first told, and rests on the first such event in the narrator's life.
 */
function schoolIntro(c: Ctx): void {
  const life = c.life;
  const school = life.school;
  if (!school || life.dates.residentOn === null) return;
  const start = life.dates.born + 5 * 365;
  const staff = c.src
    .staffOf(school.id)
    .filter((s) => s.joined_on <= start + 365 && (s.left_on === null || s.left_on > start));
  const head = staff.find((s) => s.role === 'headmistress' || s.role === 'headmaster');
  const others = staff.filter((s) => s !== head && s.role === 'guardian').slice(0, 3);
  const joined = (ids: number[]) =>
    c.src
      .eventsOfType(['joined_staff'])
      .filter((e) => e.person !== null && ids.includes(e.person) && e.place === school.id)
      .map((e) => e.id);
  const age = (day: number) => numberWord(c.clock.age(day));
  if (head && others.length > 0) {
    const ev = joined([head.person, ...others.map((s) => s.person)]);
    if (ev.length > 0)
      c.w.say(
        'intro.guardians',
        { s: c.s, head: who(head.person), others: group(others.map((s) => s.person)), school: c.schoolName },
        ev,
      );
  }
  const exchange = life.of('exchange_held')[0];
  if (exchange)
    c.w.say('intro.exchange', { s: c.s, age: age(exchange.day), school: c.schoolName }, [exchange.id]);
  // A Sale where nothing was bought, so that the purchases keep their own telling.
  const bought = new Set(c.src.holdingsOf(life.id).map((h) => h.event_in));
  const sale = life.of('sale_held').find((e) => !bought.has(e.id));
  if (sale) c.w.say('intro.sale', { s: c.s, age: age(sale.day) }, [sale.id]);
  const visit = life.of('gallery_visit')[0];
  if (visit) c.w.say('intro.gallery', { s: c.s, age: age(visit.day), school: c.schoolName }, [visit.id]);
}

type Assignment = ReturnType<typeof assignmentsOf>[number];

function opening(
  c: Ctx,
  assignments: readonly Assignment[],
  school: string,
  residence: string,
  notice: Episode | undefined,
): void {
  const life = c.life;
  const w = c.w;
  const age = numberWord(c.clock.age(life.dates.present));
  const born = life.of('born').find((e) => e.person === life.id);
  const training = life.of('left_for_training').find((e) => e.person === life.id);
  if (life.dates.carerOn !== null && training) {
    const years = Math.floor((life.dates.present - life.dates.carerOn) / 365.2425);
    const centres = [
      ...new Set(assignments.map((a) => c.placeName(a.event.place)).filter((x): x is string => !!x)),
    ].sort();
    w.say(
      'open.carer',
      {
        s: c.s,
        age,
        years: years < 1 ? 'a few months' : years === 1 ? 'a year' : `${numberWord(years)} years`,
        centres:
          centres.length > 1
            ? listJoin(centres.slice(0, 3))
            : centres.length === 0
              ? 'the recovery centres'
              : undefined,
        centre: centres.length === 1 ? centres[0] : undefined,
      },
      [training.id, ...(born ? [born.id] : [])],
    );
    if (assignments.length === 1) {
      const a = assignments[0]!;
      w.say(a.completed ? 'open.donors.one' : 'open.donors.one.alive', { s: c.s, x: who(a.donor) }, [
        a.event.id,
        ...(a.completed ? [a.completed.id] : []),
      ]);
    } else if (assignments.length > 1) {
      const done = assignments.filter((a) => a.completed);
      w.say(
        done.length === assignments.length
          ? 'open.donors.all'
          : done.length > 0
            ? 'open.donors'
            : 'open.donors.none',
        { s: c.s, donors: count(assignments.length, 'donor'), done: numberWord(done.length) },
        assignments.map((a) => a.event.id),
      );
      if ((life.carer?.record ?? 0) >= 0.9 && assignments.length >= 3)
        w.say(
          'open.record',
          { s: c.s },
          assignments.map((a) => a.event.id),
        );
      const chosen = assignments.filter((a) => a.chosen);
      if (chosen.length > 0)
        w.say(
          'open.chosen',
          { s: c.s, school },
          chosen.map((a) => a.event.id),
        );
    }
    if (notice) {
      w.say('open.ending', { s: c.s, when: c.when(notice.day) }, notice.events);
      w.say('open.why', { s: c.s }, notice.events);
    }
  } else if (life.dates.residentOn !== null) {
    const arrived = life.of('became_resident').find((e) => e.person === life.id);
    w.say('open.resident', { s: c.s, age, residence, school }, [arrived?.id ?? born!.id]);
    w.say('open.why', { s: c.s }, [arrived?.id ?? born!.id]);
  } else if (born) {
    w.say('open.student', { s: c.s, age, school }, [born.id]);
  }
}

/** Someone's completion, if it came by the memoir's present. */
function completionOf(c: Ctx, x: number): EventRow | undefined {
  return c.src
    .eventsOf(x)
    .find((e) => e.person === x && c.src.typeName(e.type) === 'completed' && e.day <= c.life.dates.present);
}

function closing(
  c: Ctx,
  school: string,
  residence: string,
  assignments: readonly Assignment[],
  keys: readonly number[],
  notice: Episode | undefined,
  lastBeats: readonly Episode[],
): void {
  const life = c.life;
  const w = c.w;
  if (notice) notice.tell(c);
  for (const b of lastBeats) b.tell(c);
  if (notice) tellKept(c, notice.events, c.placeName(dataOfNotice(c, notice)));
  const kept = c.src
    .holdingsOf(life.id)
    .filter(
      (h) =>
        h.how_in === 'bought' &&
        h.from_day <= life.dates.present &&
        (h.until_day === null || h.until_day > life.dates.present),
    );
  const lostLabels = new Set(
    c.src
      .holdingsOf(life.id)
      .filter((h) => h.how_out === 'lost')
      .map((h) => h.label),
  );
  const keptDistinct = [
    ...new Map(kept.filter((h) => !lostLabels.has(h.label)).map((h) => [h.label, h])).values(),
  ];
  const unsaid = keptDistinct.filter((h) => !c.labels.has(h.label));
  const distinct = (unsaid.length >= 2 ? unsaid : []).slice(-3);
  if (distinct.length === 0 && keptDistinct.length > 0)
    w.say(
      'close.kept.same',
      { s: c.s, school },
      keptDistinct.map((h) => h.event_in),
    );
  if (distinct.length > 0)
    w.say(
      'close.kept',
      { s: c.s, school, things: listJoin(distinct.map((h) => thingPhrase(h.label, h.kind))) },
      distinct.map((h) => h.event_in),
    );
  const gone = keys.map((x) => ({ x, e: completionOf(c, x) })).filter((g) => g.e !== undefined);
  if (gone.length >= 2) {
    const p = life.person;
    const year =
      p.school !== null && p.cohort !== null
        ? c.src.world.all<{ id: number; completed_on: number | null }>(
            'SELECT id, completed_on FROM people WHERE school = ? AND cohort = ? AND id <> ?',
            p.school,
            p.cohort,
            p.id,
          )
        : [];
    const done = year.filter((r) => r.completed_on !== null && r.completed_on <= life.dates.present).length;
    const share = year.length > 0 ? done / year.length : 0;
    const most =
      share > 0.75
        ? 'nearly all'
        : share > 0.5
          ? 'most'
          : share > 0.25
            ? 'a good many'
            : share > 0
              ? 'a few'
              : undefined;
    w.say(
      'close.gone',
      { s: c.s, people: group(gone.map((g) => g.x)), most },
      gone.map((g) => g.e!.id),
    );
  }
  const centres = [
    ...new Set(
      assignments
        .slice(-6)
        .map((a) => c.placeName(a.event.place))
        .filter((x): x is string => !!x),
    ),
  ].sort();
  const anchor = notice?.events ?? life.events.slice(-1).map((e) => e.id);
  if (anchor.length === 0) return;
  if (notice)
    w.say(
      'close.final',
      {
        s: c.s,
        centres: centres.length > 0 ? listJoin(centres) : undefined,
        centre: c.placeName(dataOfNotice(c, notice)) ?? undefined,
        school,
        residence,
      },
      anchor,
    );
  else w.say('close.final.still', { s: c.s }, anchor);
}

/** The recovery centre the narrator's notice names, if it names one (a storyline's notice may be set elsewhere). */
function dataOfNotice(c: Ctx, notice: Episode): number | null {
  const place = c.src.event(notice.events[0]!)?.place ?? null;
  return c.src.place(place)?.kind === 'recovery-centre' ? place : null;
}
