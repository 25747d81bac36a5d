/**
 * Telling by association. A memoir's narrator lives in the present of caring: a donor's
 * donation, a completion heard of at a recovery centre, a schoolfriend become a donor. Such a
 * moment calls up a memory that shares a person with it, and the telling returns to the present
 * afterwards. This module finds those moments in the log (the hooks), writes them, and writes
 * the short recollection that a donor from the narrator's school brings back in the caring
 * years. Each hook is used once, and only an event no paragraph has cited yet becomes one, so a
 * forward glance never retells what the text tells in full elsewhere.
 *
 * The phrases are typed data keyed by the event type the sentence rests on.
 */
import type { EventRow } from '../store/reader.js';
import type { EventTypeName } from '../world/event-types.js';
import type { Ctx } from './context.js';
import type { Episode } from './episode.js';
import { who, type Phrasebook, type Variant } from './writer.js';
import { numberWord, ordinalWord } from './words.js';

/** Phrases for sentences resting on one kind of event. */
export type TypedPhrases = Partial<Record<EventTypeName, readonly Variant[]>>;

/** A phrasebook's entries for a typed table, under `prefix:type`. */
export function typedPhrases(prefix: string, table: TypedPhrases): Phrasebook {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}:${k}`, v ?? []]));
}

/** Moments of the present that call up a memory of `{x}` at `{where}`. */
export const HOOK_PHRASES: TypedPhrases = {
  donated: [
    {
      t: '{when}, sitting with {x} at {centre} after {x.pos} {ord} donation, I found [we were talking about|us going back over] {where} again.',
    },
    {
      t: 'After {x.pos} {ord} donation {x} wanted to talk about {where}, [and I let {x.obj}|and I was glad to], [through the long afternoons|most afternoons] at {centre}.',
    },
    {
      t: '{when} {x} was recovering at {centre} from {x.pos} {ord} donation, and [one afternoon|one evening] {x.subj} asked me if I remembered.',
    },
    {
      t: 'I was at {centre} {when}, with {x} just through {x.pos} {ord} donation, when {where} came back to me [whole|all at once].',
    },
  ],
  carer_assigned: [
    {
      t: '{when} I took {x.obj} on as a donor at {centre}, and [before long|soon enough] the two of us were back at {where} in talk.',
    },
    { t: 'Becoming {x.pos} carer at {centre}, {when}, brought {where} back [to me|more than I expected].' },
    {
      t: 'When I was given {x} as a donor {when}, at {centre}, [the first thing|what] I thought of was {where}.',
    },
  ],
  left_for_training: [
    {
      t: '{when} I heard that {x} had left {where} to train as a carer, and I thought of {x.obj} as {x.subj} had been [years before|in the old days].',
    },
    {
      t: 'Word reached me {when} that {x} was training to be a carer too, and [it took me|I went] straight back.',
    },
    {
      t: '{when} someone at a centre mentioned that {x} had begun [the training|training as a carer], and [I found myself thinking of|my mind went back to] the old days.',
    },
    {
      t: '{x} [started|went off for] {x.pos} training {when}; I only heard it later, [on one of my drives|in passing], and [it took me back all the same|the old days came back with it].',
    },
  ],
  became_donor: [
    {
      t: '{when} I heard that {x} had become a donor, at {centre}, and it took me straight back to {where}.',
    },
    {
      t: 'Word reached me at {centre} {when} that {x} was a donor now; I thought of {x.obj} [as {x.subj} had been|the way {x.subj} was] at {where}.',
    },
    {
      t: 'When I learned {when} that {x} had begun donating, at {centre}, what I remembered first was {where}.',
    },
  ],
  completed: [
    {
      t: '{when} I heard that {x} had completed at {centre}, and for days afterwards I kept thinking of {where}.',
    },
    {
      t: 'The news that {x} had completed reached me {when}, from {centre}; I found myself [remembering|back at] {where}.',
    },
    {
      t: 'When word came {when} that {x} had completed, at {centre}, [the first thing I thought of|what came back] was {where}.',
    },
    {
      t: '{x} completed at {centre} {when}; I heard it [from another carer|in a corridor|over a cup of tea in a staff room], and [I was back at {where} before I knew it|the rest of that day I was at {where} again].',
    },
  ],
  guardian_left: [
    {
      t: '{when} I heard that {x} had left {where}, and [I tried to picture the place without {x.obj}|it was as if a door there had closed].',
    },
    {
      t: 'A carer I met [at one of the centres|on my rounds|in a service station] {when} told me {x} was no longer at {where}; [it set me thinking of {x.obj} as we had known {x.obj}|I found I minded more than I expected].',
    },
    {
      t: 'News of {where} still reached me now and then, and {when} it was that {x} had gone[, nobody could say where|, without a word to any of us|].',
    },
  ],
};

/** Back in the present after the memory a hook called up (only with someone the narrator cared for). */
export const RETURN_PHRASES: TypedPhrases = {
  donated: [
    { t: 'I did not bring that up at {centre}; there seemed no need.' },
    { t: 'It was strange to think of it, sitting beside {x.pos} bed at {centre}.' },
    { t: 'Driving back from {centre} that evening, I kept turning it over.' },
  ],
  carer_assigned: [
    {
      t: 'Driving away from {centre} [that first evening|after that first visit], I could think of nothing else.',
    },
    { t: 'I thought of it often on the road to {centre}, [those months|that year].' },
  ],
  became_donor: [
    {
      t: 'I wondered how {x} was taking it, at {centre}[, and whether anyone there knew what {x.subj} had been like| among strangers|, with {x.pos} first operation ahead of {x.obj}].',
    },
    { t: 'I wondered who {x.pos} carer was, and whether {x.subj} talked to them about any of it.' },
    {
      t: '[By then|These days] {x.name} was at {centre}, on the other side of it, and I was [still driving|still on the road|still the one with the car].',
    },
    {
      t: 'Somebody would be driving out to {x.obj} at {centre} now, the way I drove out to mine[, and I hoped they were kind|, and I hoped they let {x.obj} talk|, and I hoped {x.subj} had been given someone good|].',
    },
    {
      t: '[I pictured|I could picture] {x.obj} in one of those rooms at {centre}, [looking out at the car park|with the blinds half down|waiting for the first operation], and I [drove on|did not stop picturing it for days].',
    },
  ],
  completed: [
    {
      t: 'By the time the news reached me, {x} had been gone [some weeks|a while|a month or more], and [someone else had {x.pos} room at {centre}|{centre} had someone else in {x.pos} room].',
    },
    {
      t: 'I said nothing about {x.obj} to anyone that day; nobody [at my centres|I was seeing then|on my rounds] had known {x.obj}.',
    },
    {
      t: 'Then I drove on to [the next centre|wherever I was due|the next town], [keeping {x.obj} with me|with {x.obj} on my mind] [as far as the coast road|for the rest of the day|most of the way].',
    },
    {
      t: '[It seemed to me|I thought] that somebody ought to remember {x.obj} as {x.subj} had been, and [it might as well be me|that it had better be me].',
    },
  ],
  left_for_training: [
    {
      t: 'I hoped {x.name} would [manage it better than I had at first|find the work easier than I did|have better luck with the centres than I had|not be given too many donors at once].',
    },
    {
      t: '{x} was [somewhere out on the same roads, then|on the same roads as me from then on], and I kept half an eye out for {x.obj} [after that|at service stations|in the car parks of the centres].',
    },
  ],
  guardian_left: [
    { t: 'The place went on, I suppose, without {x.obj} and without us.' },
    { t: 'I was sorry, and then I was surprised to be sorry, after so long.' },
  ],
};

/** What a donor from the narrator's past brings back, resting on the earlier event recalled. */
export const RECALL_PHRASES: TypedPhrases = {
  friendship_formed: [
    {
      t: 'We had been friends since {age}, at {where}, and [it made the visits easier|that counted for something at {centre}].',
    },
    { t: '{x} and I had been friends from {age} on, back at {where}.' },
  ],
  couple_formed: [
    { t: 'At {where}, {age}, {x} and I had been a couple for a while; neither of us spoke of it now.' },
  ],
  tantrum: [
    { t: 'I remembered {x.obj} at {where}, {age}, in one of {x.pos} rages, and could hardly match the two.' },
  ],
  possible_trip: [{ t: 'We had gone to {town} together once, from {where}, looking for a possible.' }],
  teased: [{ t: 'At {where} I had seen {x.obj} teased, {age}, and had not stood up for {x.obj}.' }],
  became_resident: [
    { t: '{x} had been at {where} when I was, and I remembered {x.obj} from there.' },
    { t: 'I had known {x.obj} at {where}, [in the old days|years before], though never well.' },
  ],
  born: [
    { t: '{x} had been at {where} {rel}, and I remembered {x.obj}[ well| a little| from the corridors].' },
    { t: 'I had known {x.obj} at {where}, {rel}[, though never well|, by sight at least|].' },
    { t: '{x} had been a {where} face, {rel}, and the sight of {x.obj} [took me back|brought it all back].' },
  ],
};

/** What news of someone from the narrator's past (not a donor of theirs) brings back. */
export const NEWS_RECALL_PHRASES: TypedPhrases = {
  friendship_formed: [
    {
      t: 'We had been friends since {age}, at {where}, [and I had always meant to look {x.obj} up|and I wished I had kept in touch|though we had drifted apart].',
    },
    { t: 'I thought of the two of us at {where}, friends from {age} on.' },
    { t: '{x} had been my friend at {where} from {age}; I had not seen {x.obj} in years.' },
  ],
  couple_formed: [
    { t: 'At {where}, {age}, {x} and I had been a couple for a while, and I found I still minded.' },
    { t: 'I remembered the months {x} and I had been together at {where}, {age}.' },
  ],
  tantrum: [
    { t: 'What came back was a day at {where}, {age}, when {x} stood shouting at nobody in particular.' },
    {
      t: 'I remembered {x.obj} at {where}, {age}, in one of {x.pos} tempers, [with the rest of us standing round|with half the class watching|and nobody quite knowing where to look].',
    },
    {
      t: 'I could only picture {x.obj} as {x.subj} had been at {where}, {age}, red in the face over nothing much.',
    },
  ],
  possible_trip: [
    { t: 'I thought of the day we had gone to {town} together from {where}, looking for a possible.' },
  ],
  teased: [
    { t: 'I remembered {x.obj} being teased at {where}, {age}, and that I had done nothing about it.' },
    { t: 'What came back was the teasing at {where}, {age}, and my part in it.' },
  ],
  became_resident: [
    { t: 'We had come to {where} together, and I remembered {x.obj} from the first weeks there.' },
    {
      t: '{x} had been at {where} in my time[, and I remembered {x.obj} well|, and I remembered {x.obj} from there].',
    },
  ],
  born: [
    {
      t: '{x} had been at {where} {rel}, and I could still see {x.obj} [in the corridors|on the playing field|at the Sales].',
    },
    { t: 'I had known {x.obj} at {where}, {rel}[, though never well|, by sight at least|, a little].' },
    {
      t: '[All I could see was|What I saw was|I pictured] {x.obj} as {x.subj} had been at {where}, {rel}, [queueing at a Sale|with {x.pos} pile of things for the Exchange|on the pavilion steps|in the dining hall].',
    },
    {
      t: '{x} had been {rel} at {where}; I [could not have said much about {x.obj}|had hardly spoken to {x.obj}|only knew {x.obj} to nod to], and yet [I minded|it stayed with me all that week|I found I remembered {x.pos} voice].',
    },
  ],
};

export const RECALL_PHRASEBOOK: Phrasebook = {
  ...typedPhrases('hook', HOOK_PHRASES),
  ...typedPhrases('return', RETURN_PHRASES),
  ...typedPhrases('recall', RECALL_PHRASES),
  ...typedPhrases('recall-news', NEWS_RECALL_PHRASES),
};

/** A moment of the narrator's present that can call up a memory of someone. */
export interface Hook {
  readonly event: EventRow;
  readonly x: number;
  readonly type: EventTypeName;
}

const HOOK_ORDER: readonly EventTypeName[] = [
  'donated',
  'carer_assigned',
  'left_for_training',
  'became_donor',
  'completed',
  'guardian_left',
];

/** Hooks that are news heard of someone, not time spent with them. */
const NEWS: readonly EventTypeName[] = ['completed', 'became_donor', 'left_for_training', 'guardian_left'];

/** Which part of the past a present moment may call up. */
export type PastPart = 'school' | 'residence';

/** Most hooks of a type in one memoir (default two). */
const HOOK_CAP: Partial<Record<EventTypeName, number>> = { left_for_training: 4, donated: 3 };

const RECALL_ORDER: readonly EventTypeName[] = [
  'couple_formed',
  'friendship_formed',
  'possible_trip',
  'tantrum',
  'teased',
];

/** The narrator's present moments, by the person they concern; see the module comment. */
export class Associations {
  private readonly used = new Set<number>();
  private readonly times = new Map<number, number>();
  private readonly recalled = new Set<number>();
  private readonly recalledTypes = new Set<EventTypeName>();
  /** Hooks told, by type: a kind of news repeated reads as a formula. */
  private readonly perType = new Map<EventTypeName, number>();
  /** People whose present moments are kept for one part of the past (a donor met again calls up the Cottages). */
  private readonly reserved = new Map<number, PastPart>();

  constructor(private readonly c: Ctx) {}

  /** Keeps the present moments with `x` for calling up one part of the past. */
  reserve(x: number, part: PastPart): void {
    this.reserved.set(x, part);
  }

  /** The part of the past `x`'s present moments are kept for, if any. */
  reservedFor(x: number): PastPart | undefined {
    return this.reserved.get(x);
  }

  /**
   * News of `x` heard in the caring years that no paragraph has told yet: a completion first,
   * then becoming a donor, training, leaving the school.
   */
  newsOf(x: number, skip: ReadonlySet<EventTypeName> = new Set()): Hook | undefined {
    return this.hooksOf(x)
      .filter(
        (h) =>
          NEWS.includes(h.type) &&
          !skip.has(h.type) &&
          !this.used.has(h.event.id) &&
          !this.c.w.hasCited(h.event.id),
      )
      .sort((a, b) => NEWS.indexOf(a.type) - NEWS.indexOf(b.type) || a.event.day - b.event.day)[0];
  }

  private hooksOf(x: number): Hook[] {
    const c = this.c;
    const me = c.life.id;
    const from = c.life.dates.carerOn;
    const to = c.life.dates.present;
    if (from === null || x === me) return [];
    const out: Hook[] = [];
    for (const e of c.src.eventsOf(x)) {
      if (e.day < from || e.day > to) continue;
      const type = c.src.typeName(e.type) as EventTypeName;
      if (!HOOK_ORDER.includes(type)) continue;
      if (e.person !== x) continue;
      // What the narrator saw as carer is told in full in the caring years; a completion they
      // were there for is never a thing merely "heard".
      if ((type === 'donated' || type === 'carer_assigned') && e.other !== me) continue;
      if (type === 'completed' && e.other === me) continue;
      out.push({ event: e, x, type });
    }
    return out.sort(
      (a, b) => HOOK_ORDER.indexOf(a.type) - HOOK_ORDER.indexOf(b.type) || a.event.day - b.event.day,
    );
  }

  /** A present moment to open a memory of the episode: a person in it, an event not yet cited. */
  hookFor(ep: Episode, part?: PastPart): Hook | undefined {
    for (const x of ep.people) {
      if ((this.times.get(x) ?? 0) >= 2) continue;
      const kept = this.reserved.get(x);
      if (kept !== undefined && part !== undefined && kept !== part) continue;
      const h = this.hooksOf(x).find(
        (h) =>
          !this.used.has(h.event.id) &&
          !this.c.w.hasCited(h.event.id) &&
          (this.perType.get(h.type) ?? 0) < (HOOK_CAP[h.type] ?? 2),
      );
      if (h) return h;
    }
    return undefined;
  }

  /** Keeps an event for a moment told elsewhere, so that no paragraph opens on it. */
  claim(event: number): void {
    this.used.add(event);
  }

  /** People whose later news has been told as a hook (their fate need not be told again). */
  get hookedPeople(): ReadonlySet<number> {
    return new Set(this.times.keys());
  }

  /** Events told as hooks. */
  get hookEvents(): ReadonlySet<number> {
    return this.used;
  }

  /** Writes the hook's sentence; the memory that follows is dated afresh. */
  tell(h: Hook, where: string): boolean {
    const c = this.c;
    const said = c.w.say(
      `hook:${h.type}`,
      {
        s: c.s,
        x: who(h.x),
        when: c.at(h.event.day),
        centre: c.centreName(h.event.place),
        // Training begins where the person was living then, and a guardian leaves the school.
        where:
          h.type === 'left_for_training' || h.type === 'guardian_left'
            ? (c.placeName(h.event.place) ?? where)
            : where,
        ord: h.type === 'donated' ? ordinalWord(h.event.value ?? 1) : undefined,
      },
      [h.event.id],
    );
    if (said) {
      this.used.add(h.event.id);
      this.times.set(h.x, (this.times.get(h.x) ?? 0) + 1);
      this.perType.set(h.type, (this.perType.get(h.type) ?? 0) + 1);
    }
    c.forget();
    return said;
  }

  /** Returns to the present after the memory, when the narrator was with the person. */
  back(h: Hook): void {
    const c = this.c;
    if (!RETURN_PHRASES[h.type]) return;
    c.w.say(`return:${h.type}`, { s: c.s, x: who(h.x), centre: c.centreName(h.event.place) }, [h.event.id]);
  }

  /**
   * After an episode of the caring years with someone from the narrator's past, one sentence of
   * what they shared before (something not yet told), or of where the narrator knew them from;
   * `news` when the episode was news of them heard, not a donor of the narrator's.
   */
  recall(x: number, centre: string, news = false): void {
    const key = news ? 'recall-news' : 'recall';
    const c = this.c;
    if (this.recalled.has(x) || x === c.life.id) return;
    const carerOn = c.life.dates.carerOn;
    if (carerOn === null) return;
    const me = c.life.id;
    const shared = c.life.events.filter(
      (e) =>
        e.day < carerOn &&
        !c.w.hasCited(e.id) &&
        (e.person === x || e.other === x) &&
        (e.person === me || e.other === me || c.src.typeName(e.type) === 'tantrum'),
    );
    // A kind of memory told once by a line like this is not told again the same way.
    const pick = RECALL_ORDER.filter((t) => !this.recalledTypes.has(t))
      .map((t) => shared.find((e) => c.src.typeName(e.type) === t))
      .find((e) => e !== undefined);
    const p = c.src.person(x);
    const where = (e: EventRow) => c.placeName(e.place) ?? c.schoolName;
    let said = false;
    if (pick) {
      const type = c.src.typeName(pick.type) as EventTypeName;
      this.recalledTypes.add(type);
      said = c.w.say(
        `${key}:${type}`,
        {
          s: c.s,
          x: who(x),
          where: where(pick),
          town: c.placeName(pick.place),
          age: `when we were ${numberWord(c.clock.age(pick.day))}`,
          centre,
        },
        [pick.id],
      );
    }
    // Someone close needs no "I had known her at school": only a shared thing is worth a sentence.
    const close = c.bond(x) >= 4;
    if (!said && !close && p && p.school !== null && p.school === c.life.person.school) {
      const born = c.src.eventsOf(x).find((e) => e.person === x && c.src.typeName(e.type) === 'born');
      if (born)
        said = c.w.say(`${key}:born`, { s: c.s, x: who(x), where: c.schoolName, rel: relOf(c, x) }, [
          born.id,
        ]);
    }
    if (!said && !close && p && c.life.residence && p.resident_on !== null) {
      const arrived = c.src
        .eventsOf(x)
        .find(
          (e) =>
            e.person === x &&
            c.src.typeName(e.type) === 'became_resident' &&
            e.place === c.life.residence?.id,
        );
      if (arrived)
        said = c.w.say(
          `${key}:became_resident`,
          { s: c.s, x: who(x), where: c.placeName(arrived.place) ?? '' },
          [arrived.id],
        );
    }
    if (said) this.recalled.add(x);
  }
}

/** Where someone stood to the narrator at school: "in my year", "two years below me". */
export function relOf(c: Ctx, other: number): string | undefined {
  const me = c.life.person;
  const p = c.src.person(other);
  if (!p || p.cohort === null || me.cohort === null) return undefined;
  const diff = p.cohort - me.cohort;
  if (diff === 0) return 'in my year';
  const n = Math.abs(diff);
  return `${n === 1 ? 'a year' : `${numberWord(n)} years`} ${diff > 0 ? 'below' : 'above'} me`;
}
