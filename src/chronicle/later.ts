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
import { group, who } from './writer.js';
export { LATER_PHRASES } from './phrases/later.js';
import { count, listJoin, numberWord, ordinalWord, seasonOf } from './words.js';

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
        c.w.say(mates.length > 0 ? 'became_resident.with' : 'became_resident.alone', slots, [e.id]);
        if (c.first) c.w.say('became_resident.reflect', { s: c.s, school }, [e.id]);
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
          c.w.say(seeker === id ? 'possible_trip.mine' : 'possible_trip.theirs', slots, [e.id]);
          if (!seen) return;
          const person = original?.sex === 'male' ? 'man' : 'woman';
          if (seenData?.right) c.w.say('possible_trip.right', { s: c.s, person }, [seen.id]);
          else
            c.w.say(
              seeker === id && c.first ? 'possible_trip.wrong.mine' : 'possible_trip.wrong',
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
          if (knew) c.w.say('left_for_training.back', { s: c.s }, [knew.id]);
        } else
          c.w.say(
            'left_for_training.left',
            {
              s: c.s,
              when: arrivalAnchors(c, e.day),
              age: numberWord(c.clock.age(e.day)),
              residence: c.placeName(e.place) ?? 'the Cottages',
            },
            [e.id],
          );
        if (knew) c.w.say('left_for_training.knew', { s: c.s }, [knew.id]);
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
          'carer_assigned.first',
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
          c.w.say(done.length > 0 ? 'carer_assigned.year' : 'carer_assigned.year.none', slots, ids);
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
              'carer_round',
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
    'carer_assigned.chosen.many',
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
      a.completed ? 'carer_assigned.follow' : 'carer_assigned.follow.alive',
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
    if (c.w.say(a.completed ? 'carer_assigned.compact' : 'carer_assigned.compact.alive', slots, ids)) return;
  }
  c.w.say(
    a.chosen ? 'carer_assigned.chosen' : 'carer_assigned.given',
    { s: c.s, x: who(a.donor), when: c.when(a.event.day), centre },
    [a.event.id],
  );
  const rel = schoolRel(c, a.donor);
  if (rel && c.bond(a.donor) < 4)
    c.w.say('carer_assigned.schoolmate', { s: c.s, x: who(a.donor), school, rel }, [a.event.id]);
  if (!expanded && (a.donations.length > 1 || (a.donations.length === 1 && !a.completed)))
    c.w.say(
      'carer_assigned.donations',
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
    'carer_assigned.completed',
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
        if (c.first)
          c.w.say(caredDays > 0 ? 'became_donor.first' : 'became_donor.direct', slots, [notice.id]);
        else c.w.say(caredDays > 0 ? 'became_donor.third' : 'became_donor.direct', slots, [notice.id]);
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
          if (i === 0) c.w.say('donated.first', { s: c.s, when: c.when(e.day), centre }, [e.id]);
          else
            c.w.say('donated.next', { s: c.s, when: c.then(e.day), ord: ordinalWord(e.value ?? i + 1) }, [
              e.id,
            ]);
        });
        if (mainCarer && donations.length > 1)
          c.w.say(
            'donated.carer',
            { s: c.s, x: who(mainCarer[0]) },
            donations.filter((e) => e.other === mainCarer[0]).map((e) => e.id),
          );
        if (done) {
          tellOwnCompletion(c, done, donations);
        } else if (spared) c.w.say('spared.self', { s: c.s, when: c.when(spared.day) }, [spared.id]);
      },
    }),
  );
}

/**
 * Tells the life's own completion: where, after which donation, citing the last donation too
 * when it came within weeks. Memoir and biography tell it alike.
 */
export function tellOwnCompletion(c: Ctx, done: EventRow, donations: readonly EventRow[]): void {
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
            'transferred.moved',
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
            'deferral_applied',
            { s: c.s, x: who(other), when: c.when(e.day), place: c.placeName(e.place) ?? "Madame's house" },
            [e.id],
          );
          if (!answer) return;
          if (c.src.typeName(answer.type) === 'deferral_refused')
            c.w.say('deferral_refused', { s: c.s }, [answer.id]);
          else c.w.say('deferral_granted', { s: c.s, years: count(answer.value ?? 1, 'year') }, [answer.id]);
        },
      }),
    );
  }
}
