/**
 * Episodes of school life, and the phrases that tell them: arriving at school, the Gallery,
 * Exchanges and Sales, things lost and found, friendships, couples, cliques, tempers and
 * teasing, what guardians said, Madame, and what was believed and later learned. Every phrase
 * is written for both a memoir (first person, `p: 'first'`) and a biography (`p: 'third'`)
 * where it has to differ; unmarked ones serve both.
 */
import type { EventRow } from '../store/reader.js';
import { BELIEF_WEIGHT, beliefClause } from './beliefs.js';
import type { Ctx } from './context.js';
import { episode, type Episode } from './episode.js';
import { pronoun } from './names.js';
import { dataOf, type BeliefRow } from './source.js';
import { inText } from './time.js';
import { group, who } from './writer.js';
export { SCHOOL_PHRASES } from './phrases/school.js';
import { yearOf } from '../engine/calendar.js';
import {
  listJoin,
  monthName,
  mediumNoun,
  numberWord,
  quoted,
  thingAgain,
  thingPhrase,
  times,
} from './words.js';

/** What someone was teased about, turned to the person teased: "their temper" → "my temper". */
export function overPhrase(over: string, first: boolean, teased: number, c: Ctx): string {
  const sex = c.sexOf(teased);
  const mine = first && teased === c.life.id;
  const pos = mine ? 'my' : pronoun(sex, 'pos');
  const subj = mine ? 'I' : pronoun(sex, 'subj');
  const known: Record<string, string> = {
    'never having a work chosen': 'never having had anything chosen for the Gallery',
    'how they talk': `the way ${subj} talked`,
    'what they believe': `what ${subj} believed`,
    'a mistake in class': `a mistake ${subj} had made in class`,
    'nothing much': 'nothing in particular',
  };
  return (known[over] ?? over)
    .replace(/\bthey draw\b/g, `${subj} drew`)
    .replace(/\bthey make\b/g, `${subj} made`)
    .replace(/\btheir\b/g, pos)
    .replace(/\bthey\b/g, subj);
}

/** How a rumour was started, told of its starter: "made it up after lights out". */
export function howPhrase(how: string, first: boolean, sex: string): string {
  const subj = first ? 'I' : pronoun(sex, 'subj');
  const obj = first ? 'me' : pronoun(sex, 'obj');
  return how
    .replace(/\bsaid an older student told them\b/, `said an older student had told ${obj}`)
    .replace(/\bswore they saw\b/, `swore ${subj} had seen`)
    .replace(/\blook when she comes\b/, 'looked when she came')
    .replace(/\bthem\b/g, obj)
    .replace(/\bthey\b/g, subj);
}

function yearsPhrase(days: number): string {
  const y = Math.round(days / 365.2425);
  return y <= 0 ? 'months' : y === 1 ? 'a year' : `${numberWord(y)} years`;
}

function ageAt(c: Ctx, day: number): string {
  return numberWord(c.clock.age(day));
}

function workPhrase(c: Ctx, workId: number | null): string | undefined {
  if (workId === null) return undefined;
  const w = c.src.work(workId);
  if (!w) return undefined;
  const m = mediumNoun(w.medium);
  return `a ${m} called ${quoted(w.title)}`;
}

/** Every school-life episode of the life (and the ones about couples and friends, wherever they fall). */
export function schoolEpisodes(c: Ctx): Episode[] {
  const out: Episode[] = [];
  origin(c, out);
  gallery(c, out);
  exchanges(c, out);
  sales(c, out);
  lostAndFound(c, out);
  friendships(c, out);
  couples(c, out);
  cliques(c, out);
  tempers(c, out);
  teasing(c, out);
  guardians(c, out);
  beliefs(c, out);
  madame(c, out);
  return out;
}

function origin(c: Ctx, out: Episode[]): void {
  const born = c.life.of('born').find((e) => e.person === c.life.id);
  if (!born) return;
  const school = c.life.school;
  const p = c.life.person;
  const size = school && p.cohort !== null ? c.src.cohortSize(school.id, p.cohort) : 0;
  const left = c.life.dates.residentOn;
  const year = yearOf(born.day);
  const month = monthName(born.day);
  out.push(
    episode(c, {
      kind: 'origin',
      day: born.day,
      phase: 'school',
      weight: 100,
      people: [],
      events: [born.id],
      tell: (c) => {
        const slots = {
          s: c.s,
          school: school ? inText(school.name) : undefined,
          size: size > 1 ? numberWord(size) : undefined,
          leftAge: left !== null ? ageAt(c, left) : undefined,
          year: String(year),
          month,
        };
        if (!c.w.say('born.first', slots, [born.id])) c.w.say('born.only', slots, [born.id]);
      },
    }),
  );
}

function gallery(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const chosen = c.life.of('work_chosen').filter((e) => e.person === id);
  const school = c.life.school;
  if (chosen.length > 0) {
    const first = chosen[0]!;
    out.push(
      episode(c, {
        kind: 'gallery',
        day: first.day,
        weight: 6 + Math.min(chosen.length, 8),
        people: [],
        events: chosen.map((e) => e.id),
        tell: (c) => {
          const ids = chosen.map((e) => e.id);
          const slots = {
            s: c.s,
            school: c.schoolName,
            n: chosen.length > 1 ? numberWord(chosen.length) : undefined,
            times: times(chosen.length),
            work: workPhrase(c, first.value) ?? 'a piece of mine',
            age: ageAt(c, first.day),
          };
          c.w.say('work_chosen.intro', slots, ids);
          c.w.say(chosen.length > 1 ? 'work_chosen.many' : 'work_chosen.one', slots, ids);
          if (c.first || c.w.rng.chance(0.5)) c.w.say('work_chosen.reflect', { s: c.s }, ids);
        },
      }),
    );
    return;
  }
  if (!school || school.detail !== 'full') return;
  const until = c.life.dates.residentOn ?? c.life.dates.present;
  const visits = c.src
    .eventsAt(school.id, ['gallery_visit'])
    .filter((e) => e.day >= c.life.dates.born && e.day <= until);
  if (visits.length < 2) return;
  out.push(
    episode(c, {
      kind: 'gallery',
      day: visits[Math.floor(visits.length / 2)]!.day,
      weight: 6,
      people: [],
      events: visits.map((e) => e.id),
      tell: (c) => {
        c.w.say('work_chosen.intro', { s: c.s, school: c.schoolName }, [visits[0]!.id]);
        c.w.say(
          'work_chosen.none',
          {
            s: c.s,
            visits: visits.length > 12 ? ['again and again', 'term after term'] : times(visits.length),
          },
          visits.map((e) => e.id),
        );
      },
    }),
  );
}

function exchanges(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const held = c.life.of('exchange_held');
  let offered = 0;
  let sold = 0;
  const buyers = new Map<number, { n: number; events: number[] }>();
  const mediums = new Map<string, number>();
  const sellingEvents: number[] = [];
  for (const e of held) {
    const d = dataOf<{ offered?: [number, number, number, number, number][] }>(e);
    let mine = false;
    for (const [work, maker, , buyer] of d?.offered ?? []) {
      if (maker !== id) continue;
      mine = true;
      offered++;
      if (buyer >= 0) {
        sold++;
        const b = buyers.get(buyer) ?? { n: 0, events: [] };
        b.n++;
        b.events.push(e.id);
        buyers.set(buyer, b);
        const m = c.src.work(work)?.medium;
        if (m) mediums.set(mediumNoun(m), (mediums.get(mediumNoun(m)) ?? 0) + 1);
      }
    }
    if (mine) sellingEvents.push(e.id);
  }
  if (offered < 3) return;
  const medium = [...mediums].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'picture';
  const top = [...buyers].filter(([b]) => c.bond(b) >= 2).sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
  out.push(
    episode(c, {
      kind: 'exchange',
      day: held.find((e) => sellingEvents.includes(e.id))!.day,
      weight: 3 + (top ? 2 : 0),
      people: top ? [top[0]] : [],
      events: sellingEvents,
      tell: (c) => {
        const slots = { s: c.s, sold: numberWord(sold), offered: numberWord(offered), medium };
        c.w.say(
          sold === 0 ? 'exchange_held.none' : sold * 3 < offered ? 'exchange_held.few' : 'exchange_held.sold',
          slots,
          sellingEvents,
        );
        if (top && top[1].n >= 2)
          c.w.say('exchange_held.buyer', { s: c.s, x: who(top[0]), k: numberWord(top[1].n) }, top[1].events);
      },
    }),
  );
}

function sales(c: Ctx, out: Episode[]): void {
  const bought = c.src
    .holdingsOf(c.life.id)
    .filter((h) => h.how_in === 'bought' && h.from_day <= c.life.dates.present);
  if (bought.length === 0) return;
  const cassette = bought.find((h) => h.kind === 'cassette');
  const lostLabels = new Set(bought.filter((h) => h.how_out === 'lost').map((h) => h.label));
  const others = bought.filter((h) => h !== cassette && !lostLabels.has(h.label));
  const distinct = [...new Map(others.map((h) => [h.label, h])).values()];
  const picks = distinct.filter((_, i) => i % Math.max(1, Math.floor(distinct.length / 4)) === 0).slice(0, 4);
  if (picks.length >= 2) {
    out.push(
      episode(c, {
        kind: 'sales',
        day: bought[0]!.from_day,
        weight: 3,
        people: [],
        events: picks.map((h) => h.event_in),
        tell: (c) => {
          for (const h of picks) c.labels.add(h.label);
          c.w.say(
            'sale_held.things',
            {
              s: c.s,
              things: listJoin(picks.map((h) => thingPhrase(h.label, h.kind))),
              n: numberWord(bought.length),
            },
            picks.map((h) => h.event_in),
          );
        },
      }),
    );
  }
  if (cassette) {
    out.push(
      episode(c, {
        kind: 'cassette',
        day: cassette.from_day,
        weight: 9,
        people: [],
        events: [cassette.event_in],
        tell: (c) =>
          void c.w.say(
            'sale_held.cassette',
            {
              s: c.s,
              cassette: thingPhrase(cassette.label, cassette.kind),
              age: ageAt(c, cassette.from_day),
            },
            [cassette.event_in],
          ),
      }),
    );
  }
}

function lostAndFound(c: Ctx, out: Episode[]): void {
  const lost = c.life.of('item_lost').filter((e) => e.person === c.life.id);
  const found = c.life.of('item_found').filter((e) => e.person === c.life.id);
  const foundItems = new Map<number, EventRow>();
  for (const f of found) {
    const it = f.value !== null ? c.src.item(f.value) : undefined;
    foundItems.set(it?.copy_of ?? f.value ?? -1, f);
  }
  const items = lost.map((e) => ({ e, item: e.value !== null ? c.src.item(e.value) : undefined }));
  const rank = (x: (typeof items)[number]) =>
    (x.item?.kind === 'cassette' ? 10 : 0) +
    (foundItems.has(x.item?.id ?? -2) ? 8 : 0) +
    (x.item?.kind === 'watch' ? 2 : 0);
  const sorted = [...items].sort((a, b) => rank(b) - rank(a) || a.e.id - b.e.id);
  const main = sorted[0];
  const seenLabels = new Set<string>(main?.item ? [main.item.label] : []);
  const rest = sorted
    .slice(1)
    .filter((x) => {
      if (!x.item || seenLabels.has(x.item.label)) return false;
      seenLabels.add(x.item.label);
      return true;
    })
    .slice(0, 4)
    .sort((a, b) => a.e.id - b.e.id);
  if (main?.item) {
    const item = main.item;
    const later = foundItems.get(item.id);
    out.push(
      episode(c, {
        kind: 'lost',
        day: main.e.day,
        weight: 4 + rank(main),
        people: [],
        events: [main.e.id, ...rest.map((x) => x.e.id)],
        tell: (c) => {
          c.things.add(item.id);
          c.w.say(
            'item_lost.one',
            { s: c.s, when: c.when(main.e.day), thing: thingPhrase(item.label, item.kind) },
            [main.e.id],
          );
          if (later)
            c.w.say(
              'item_lost.later',
              {
                s: c.s,
                years: yearsPhrase(later.day - main.e.day),
                again: thingAgain(item.label, item.kind),
              },
              [main.e.id, later.id],
            );
          else c.w.say('item_lost.never', { s: c.s }, [main.e.id]);
          if (rest.length >= 2)
            c.w.say(
              'item_lost.more',
              { s: c.s, things: listJoin(rest.map((x) => thingPhrase(x.item!.label, x.item!.kind))) },
              rest.map((x) => x.e.id),
            );
        },
      }),
    );
  }
  for (const f of found) {
    const d = dataOf<{ copy?: boolean; lostOn?: number | null; town?: string }>(f);
    const item = f.value !== null ? c.src.item(f.value) : undefined;
    if (!item) continue;
    const learned = c.life
      .of('learned_by_experience')
      .find((e) => e.cause === f.id && e.person === c.life.id);
    const belief = learned ? dataOf<{ p: string; v: string }>(learned) : null;
    out.push(
      episode(c, {
        kind: 'found',
        day: f.day,
        weight: 9,
        people: [],
        events: [f.id],
        tell: (c) => {
          const slots = {
            s: c.s,
            when: c.when(f.day),
            town: d?.town ?? c.placeName(f.place) ?? 'a town far from school',
            thing: thingPhrase(item.label, item.kind),
            years: d?.lostOn != null ? yearsPhrase(f.day - d.lostOn) : 'years',
          };
          const again = !d?.copy && c.things.has(item.copy_of ?? item.id);
          c.w.say(
            d?.copy ? 'item_found.copy' : again ? 'item_found.same.again' : 'item_found.same',
            { ...slots, again: thingAgain(item.label, item.kind) },
            [f.id],
          );
          c.things.add(item.id);
          if (learned && belief)
            c.w.say(
              'item_found.belief',
              { s: c.s, clause: beliefClause(belief.p, belief.v, c.w.perspective, c.life.person.sex) },
              [f.id, learned.id],
            );
        },
      }),
    );
  }
}

function friendships(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const rels = c.src.relationshipsOf(id);
  const broken = c.life.of('friendship_broken');
  for (const e of c.life.of('friendship_formed')) {
    const other = e.person === id ? e.other : e.person;
    if (other === null) continue;
    const years = rels
      .filter((r) => (r.person === other || r.other === other) && r.friendship >= 0.4)
      .map((r) => r.year);
    const span = years.length > 0 ? Math.max(...years) - Math.min(...years) + 1 : 0;
    const brk = broken.find((b) => b.person === other || b.other === other);
    out.push(
      episode(c, {
        kind: 'friend',
        day: e.day,
        weight: 2 + c.bond(other) / 2,
        people: [other],
        events: [e.id, ...(brk ? [brk.id] : [])],
        tell: (c) => {
          const near = c.near(e.day);
          c.w.say('friendship_formed', { s: c.s, x: who(other), near, when: c.when(e.day) }, [e.id]);
          if (brk) {
            const over = dataOf<{ over?: string }>(brk)?.over ?? 'something never quite explained';
            c.w.say('friendship_broken', { s: c.s, x: who(other), when: c.then(brk.day), over }, [brk.id]);
          } else if (span >= 3)
            c.w.say('friendship_formed.lasted', { s: c.s, years: `${numberWord(span)} years` }, [e.id]);
        },
      }),
    );
  }
}

function couples(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const k of c.life.couples) {
    const other = k.a === id ? k.b : k.a;
    const endedEvent =
      k.ended_event !== null && k.ended_on !== null && k.ended_on <= c.life.dates.present
        ? k.ended_event
        : null;
    const ended = endedEvent !== null ? c.src.event(endedEvent) : undefined;
    out.push(
      episode(c, {
        kind: 'couple',
        day: k.formed_on,
        weight: 8 + c.bond(other) / 3,
        people: [other],
        events: [k.formed_event, ...(ended ? [ended.id] : [])],
        tell: (c) => {
          c.w.say(
            'couple_formed',
            { s: c.s, x: who(other), when: c.when(k.formed_on), at: c.clock.at(k.formed_on) },
            [k.formed_event],
          );
          if (!ended) return;
          const reason = k.reason ?? dataOf<{ reason?: string }>(ended)?.reason ?? 'drifted';
          const leaver = ended.person ?? other;
          const slots = {
            s: c.s,
            x: who(other),
            when: c.then(ended.day),
            leaver: who(leaver),
            place: c.placeName(ended.place) ?? (c.first ? 'the Cottages' : 'the residence'),
          };
          const key =
            reason === 'quarrel'
              ? 'couple_ended.quarrel'
              : reason === 'left'
                ? 'couple_ended.left'
                : reason === 'completed'
                  ? 'couple_ended.completed'
                  : 'couple_ended.drifted';
          c.w.say(key, slots, [ended.id]);
        },
      }),
    );
  }
}

function cliques(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  // Being in someone's circle, whether from its start or by joining later.
  const member = (leader: number, e: EventRow) =>
    episode(c, {
      kind: 'clique',
      day: e.day,
      weight: 2 + c.bond(leader) / 4,
      people: [leader],
      events: [e.id],
      tell: (c) =>
        void c.w.say('clique_formed.member', { s: c.s, x: who(leader), when: c.when(e.day) }, [e.id]),
    });
  for (const e of c.life.of('clique_formed')) {
    const d = dataOf<{ members?: number[] }>(e);
    const members = d?.members ?? [];
    if (e.person === id) {
      if (members.length === 0) continue;
      out.push(
        episode(c, {
          kind: 'clique',
          day: e.day,
          weight: 3,
          people: members,
          events: [e.id],
          tell: (c) =>
            void c.w.say(
              'clique_formed.leader',
              { s: c.s, when: c.when(e.day), members: group(members.slice(0, 3)) },
              [e.id],
            ),
        }),
      );
    } else if (e.person !== null && members.includes(id)) out.push(member(e.person, e));
  }
  for (const e of c.life.of('clique_changed')) {
    const d = dataOf<{ change?: string }>(e);
    if (e.person !== id || d?.change !== 'joined' || e.other === null) continue;
    out.push(member(e.other, e));
  }
}

type Answer = [number, string];

function tempers(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const all = c.life.of('tantrum');
  const own = all.filter((e) => e.person === id);
  const school = c.schoolName;
  if (own.length > 0) {
    const triggers = [
      ...new Set(own.map((e) => dataOf<{ trigger?: string }>(e)?.trigger).filter((t): t is string => !!t)),
    ];
    const answers = own.flatMap((e) =>
      (dataOf<{ answers?: Answer[] }>(e)?.answers ?? []).map((a) => ({ e, a })),
    );
    // Of those who answered a rage in a given way, the one closest to the subject.
    const closest = (how: string) =>
      answers.filter((x) => x.a[1] === how).sort((a, b) => c.bond(b.a[0]) - c.bond(a.a[0]))[0];
    const laughed = closest('laughed');
    const calmed = closest('calmed');
    out.push(
      episode(c, {
        kind: 'temper',
        day: own[0]!.day,
        weight: 3 + Math.min(own.length, 6),
        people: [calmed?.a[0], laughed?.a[0]].filter((x): x is number => x !== undefined),
        events: own.map((e) => e.id),
        tell: (c) => {
          const ids = own.map((e) => e.id);
          if (own.length === 1)
            c.w.say(
              'tantrum.one',
              { s: c.s, when: c.when(own[0]!.day), trigger: triggers[0] ?? 'nothing much' },
              ids,
            );
          else
            c.w.say(
              'tantrum.own',
              {
                s: c.s,
                n: times(own.length),
                count: numberWord(own.length),
                triggers: listJoin(triggers.slice(0, 3), 'or'),
                school,
              },
              ids,
            );
          const trig = (e: EventRow) => dataOf<{ trigger?: string }>(e)?.trigger ?? 'nothing much';
          if (calmed && c.bond(calmed.a[0]) >= 3)
            c.w.say('tantrum.calmed', { s: c.s, x: who(calmed.a[0]), trigger: trig(calmed.e) }, [
              calmed.e.id,
            ]);
          else if (laughed && c.bond(laughed.a[0]) >= 3)
            c.w.say('tantrum.laughed', { s: c.s, x: who(laughed.a[0]), trigger: trig(laughed.e) }, [
              laughed.e.id,
            ]);
        },
      }),
    );
  }
  // Others' tempers the subject answered: only those of people who matter, or where they helped.
  for (const e of all) {
    if (e.person === id || e.person === null) continue;
    const d = dataOf<{ trigger?: string; answers?: Answer[] }>(e);
    const mine = d?.answers?.find((a) => a[0] === id);
    if (!mine) continue;
    const other = e.person;
    const matters = c.bond(other);
    if (!(mine[1] === 'calmed' || (mine[1] === 'laughed' && matters >= 3))) continue;
    out.push(
      episode(c, {
        kind: 'tantrum-seen',
        day: e.day,
        weight: 1.5 + matters / 3 + (mine[1] === 'calmed' ? 1 : 0),
        people: [other],
        events: [e.id],
        tell: (c) =>
          void c.w.say(
            mine[1] === 'calmed' ? 'tantrum.seen.calmed' : 'tantrum.seen.laughed',
            { s: c.s, x: who(other), when: c.when(e.day), trigger: d?.trigger ?? 'nothing much' },
            [e.id],
          ),
      }),
    );
  }
}

function teasing(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const mine = new Map<string, EventRow[]>();
  const theirs = new Map<string, EventRow[]>();
  for (const e of c.life.of('teased')) {
    const over = dataOf<{ over?: string }>(e)?.over ?? 'nothing much';
    if (e.person === id && e.other !== null) mine.set(over, [...(mine.get(over) ?? []), e]);
    else if (e.other === id && e.person !== null) theirs.set(over, [...(theirs.get(over) ?? []), e]);
  }
  for (const [over, list] of mine) {
    const first = list[0]!;
    const teasers = [...new Set(list.map((e) => e.other!))].sort((a, b) => c.bond(b) - c.bond(a));
    const shield = list.map((e) => dataOf<{ shieldedBy?: number }>(e)?.shieldedBy ?? -1).find((g) => g >= 0);
    out.push(
      episode(c, {
        kind: 'teased',
        day: first.day,
        weight: 2 + list.length / 2 + c.bond(teasers[0]!) / 3,
        people: teasers,
        events: list.map((e) => e.id),
        tell: (c) => {
          const ids = list.map((e) => e.id);
          c.w.say(
            'teased.me',
            {
              s: c.s,
              x: who(teasers[0]!),
              xs: group(teasers.slice(0, 3)),
              when: c.when(first.day),
              at: c.clock.at(first.day),
              over: overPhrase(over, c.first, id, c),
            },
            ids,
          );
          if (shield !== undefined) c.w.say('teased.shield', { s: c.s, g: who(shield) }, ids);
        },
      }),
    );
  }
  for (const [over, list] of theirs) {
    const first = list[0]!;
    const victims = [...new Set(list.map((e) => e.person!))].sort((a, b) => c.bond(b) - c.bond(a));
    out.push(
      episode(c, {
        kind: 'teasing',
        day: first.day,
        weight: 2.5 + c.bond(victims[0]!) / 3,
        people: victims,
        events: list.map((e) => e.id),
        tell: (c) => {
          const v = victims.slice(0, 3);
          // The teased are named together, so "their" stands for all of them.
          const overText = v.length > 1 ? overPhrase(over, false, -1, c) : overPhrase(over, false, v[0]!, c);
          c.w.say(
            'teased.them',
            { s: c.s, x: group(v), when: c.when(first.day), over: overText },
            list.map((e) => e.id),
          );
        },
      }),
    );
  }
}

function beliefFrom(c: Ctx, event: number): BeliefRow | undefined {
  return c.life.beliefs.find((b) => b.source_event === event);
}

function guardians(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const school = c.schoolName;
  const seenProps = new Set<string>();
  for (const e of c.life.of('guardian_disclosed')) {
    if (e.person === null) continue;
    const d = dataOf<{ p: string; v: string; plainness?: number }>(e);
    if (!d) continue;
    const heard = beliefFrom(c, e.id);
    const weight = (BELIEF_WEIGHT[d.p] ?? 1) + (seenProps.has(d.p) ? -2 : 1);
    seenProps.add(d.p);
    const g = e.person;
    const plain = d.plainness ?? 0.5;
    out.push(
      episode(c, {
        kind: 'told',
        day: e.day,
        weight,
        people: [],
        events: [e.id],
        tell: (c) => {
          const clause = beliefClause(d.p, d.v, c.w.perspective, c.life.person.sex);
          const key =
            plain >= 0.7
              ? 'guardian_disclosed.plain'
              : plain >= 0.4
                ? 'guardian_disclosed.mid'
                : 'guardian_disclosed.vague';
          c.w.say(key, { s: c.s, g: who(g), when: c.when(e.day), clause }, [e.id]);
          const grave = (BELIEF_WEIGHT[d.p] ?? 1) >= 2.5;
          if (!heard) c.w.say('guardian_disclosed.missed', { s: c.s }, [e.id]);
          else if (grave && c.w.rng.chance(0.7)) c.w.say('guardian_disclosed.tookin', { s: c.s }, [e.id]);
        },
      }),
    );
  }
  for (const e of c.life.of('guardian_spoke_plainly')) {
    if (e.person === null) continue;
    const g = e.person;
    const d = dataOf<{ said?: [string, string][]; reaction?: string }>(e);
    const left = c.src.causedBy(e.id).find((x) => c.src.typeName(x.type) === 'guardian_left');
    out.push(
      episode(c, {
        kind: 'plain',
        day: e.day,
        weight: 12,
        people: [],
        events: [e.id, ...(left ? [left.id] : [])],
        tell: (c) => {
          const clauses = (d?.said ?? []).map(([p, v]) =>
            beliefClause(p, v, c.w.perspective, c.life.person.sex),
          );
          c.w.say(
            'guardian_spoke_plainly.said',
            { s: c.s, g: who(g), when: c.when(e.day), clause: listJoin(clauses) },
            [e.id],
          );
          const r = d?.reaction ?? 'silence';
          c.w.say(
            `guardian_spoke_plainly.${r === 'unrest' || r === 'disbelief' ? r : 'silence'}`,
            { s: c.s, g: who(g) },
            [e.id],
          );
          if (left && left.day <= c.life.dates.present) {
            c.w.say('guardian_spoke_plainly.left', { s: c.s, g: who(g), when: c.then(left.day), school }, [
              left.id,
            ]);
            if (c.first) c.w.say('guardian_spoke_plainly.wonder', { s: c.s }, [e.id, left.id]);
          }
        },
      }),
    );
  }
  for (const e of c.life.of('guardian_spoke_to')) {
    if (e.other !== id || e.person === null) continue;
    const g = e.person;
    const d = dataOf<{ kind?: string; about?: string }>(e);
    const key =
      d?.kind === 'comfort'
        ? 'guardian_spoke_to.comfort'
        : d?.kind === 'truth'
          ? 'guardian_spoke_to.truth'
          : d?.kind === 'praise'
            ? 'guardian_spoke_to.praise'
            : null;
    if (!key) continue;
    out.push(
      episode(c, {
        kind: 'spoken-to',
        day: e.day,
        weight: key === 'guardian_spoke_to.praise' ? 1.5 : 7,
        people: [],
        events: [e.id],
        tell: (c) => void c.w.say(key, { s: c.s, g: who(g), when: c.when(e.day) }, [e.id]),
      }),
    );
  }
}

/** Beliefs from rumours (and rumours started): what was believed then, and when it was corrected. */
function beliefs(c: Ctx, out: Episode[]): void {
  const byProp = new Map<string, BeliefRow[]>();
  for (const b of c.life.beliefs) byProp.set(b.proposition, [...(byProp.get(b.proposition) ?? []), b]);
  for (const [prop, chain] of byProp) {
    // A possible sought is the trip's to tell; so is what Norfolk gave back.
    if (prop === 'my-possible') continue;
    chain.sort((a, b) => a.held_from - b.held_from || a.id - b.id);
    const told = new Set<string>();
    chain.forEach((b, i) => {
      if (b.source_kind !== 'rumour' && b.source_kind !== 'origin') return;
      // A story taken up again after it was put down is the same story: told once.
      if (told.has(b.version)) return;
      told.add(b.version);
      const next = chain[i + 1];
      const source = c.src.event(b.source_event);
      if (!source) return;
      const teller = b.source_kind === 'rumour' ? (b.via ?? source.other) : null;
      const wrong = b.truth === 0;
      const corrected = next && next.held_from <= c.life.dates.present ? next : undefined;
      const weight =
        (BELIEF_WEIGHT[prop] ?? 1) +
        (wrong ? 2 : 0) +
        (corrected && wrong ? 2 : 0) +
        (teller !== null ? c.bond(teller) / 4 : 0);
      out.push(
        episode(c, {
          kind: 'belief',
          day: b.held_from,
          weight,
          people: teller !== null ? [teller] : [],
          events: [b.source_event, ...(corrected ? [corrected.source_event] : [])],
          tell: (c) => {
            const persp = c.w.perspective;
            const sex = c.life.person.sex;
            const clause = beliefClause(b.proposition, b.version, persp, sex);
            const how = dataOf<{ how?: string }>(source)?.how;
            if (b.source_kind === 'origin')
              c.w.say(
                'rumour_started',
                {
                  s: c.s,
                  when: c.when(b.held_from),
                  clause,
                  how: how ? howPhrase(how, c.first, sex) : undefined,
                },
                [b.source_event],
              );
            else if (teller !== null && teller >= 0)
              c.w.say('rumour_heard.rumour', { s: c.s, x: who(teller), when: c.when(b.held_from), clause }, [
                b.source_event,
              ]);
            else return;
            if (corrected) {
              const how = c.src.event(corrected.source_event);
              const clause2 = beliefClause(corrected.proposition, corrected.version, persp, sex);
              // "Learned" only when what came next is true; a second false story is told as one.
              // A second false story that is an episode of its own is told there, once.
              if (
                corrected.truth === 0 &&
                (corrected.source_kind === 'rumour' || corrected.source_kind === 'origin')
              ) {
                /* told by its own episode */
              } else if (corrected.truth === 0)
                c.w.say(
                  'rumour_heard.replaced',
                  { s: c.s, when: c.then(corrected.held_from), clause: clause2 },
                  [corrected.source_event],
                );
              else if (
                corrected.source_kind === 'debunk' &&
                how?.person !== null &&
                how?.person !== undefined
              )
                c.w.say(
                  'rumour_debunked',
                  { s: c.s, g: who(how.person), when: c.then(corrected.held_from), clause: clause2 },
                  [corrected.source_event],
                );
              else
                c.w.say(
                  'rumour_heard.corrected',
                  { s: c.s, when: c.then(corrected.held_from), clause: clause2 },
                  [corrected.source_event],
                );
            } else if (wrong) {
              const refusal =
                prop === 'deferral'
                  ? c.life.of('deferral_refused').find((e) => e.person === c.life.id && e.day > b.held_from)
                  : undefined;
              if (refusal)
                c.w.say('rumour_heard.contradicted', { s: c.s, when: c.at(refusal.day) }, [refusal.id]);
              else c.w.say('rumour_heard.still', { s: c.s }, [b.source_event]);
            }
          },
        }),
      );
    });
  }
}

function madame(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const e of c.life.of('madame_tested')) {
    const learned = c.life.beliefs.find((b) => b.source_event === e.id);
    const leader = e.person;
    out.push(
      episode(c, {
        kind: 'madame-tested',
        day: e.day,
        weight: 7,
        people: leader !== null && leader !== id ? [leader] : [],
        events: [e.id],
        tell: (c) => {
          if (leader === id || leader === null)
            c.w.say('madame_tested.led', { s: c.s, when: c.when(e.day) }, [e.id]);
          else c.w.say('madame_tested', { s: c.s, x: who(leader), when: c.when(e.day) }, [e.id]);
          if (learned)
            c.w.say(
              'gallery_visit.afraid',
              {
                s: c.s,
                clause: beliefClause(
                  learned.proposition,
                  learned.version,
                  c.w.perspective,
                  c.life.person.sex,
                ),
              },
              [e.id],
            );
        },
      }),
    );
  }
  for (const e of c.life.of('madame_moved')) {
    if (e.person !== id) continue;
    const item = e.value !== null && e.value >= 0 ? c.src.item(e.value) : undefined;
    out.push(
      episode(c, {
        kind: 'madame-moved',
        day: e.day,
        weight: 14,
        people: [],
        events: [e.id],
        tell: (c) => {
          c.w.say(
            'madame_moved',
            {
              s: c.s,
              when: c.when(e.day),
              song: item ? thingPhrase(item.label, item.kind) : 'a song I loved',
            },
            [e.id],
          );
          c.w.say('madame_moved.after', { s: c.s }, [e.id]);
        },
      }),
    );
  }
}
