/**
 * Rumours: how beliefs start, pass from person to person, change in the telling, and are put
 * down. A rumour starts with a `rumour_started` event (its origin); each hop is a
 * `rumour_heard` event whose cause is the event by which the teller came to hold the belief,
 * and whose belief row names the teller's belief as its parent. Either chain leads back to the
 * origin. Whether a hearer takes a belief up depends on their credulity, their trust in the
 * teller, the teller's confidence and how firmly they hold a rival version.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import type { Life, Member } from '../school/life.js';
import { unit } from '../school/life.js';
import { SCHOOL_ROLES } from '../school/events.js';
import type { Belief, SourceKind } from './book.js';
import { findVersion, proposition } from './propositions.js';

/**
 * Someone starts a rumour: records the origin event and the starter's belief.
 * @example startRumour(life, m, 'woods', 'fence-girl', day, school, 'made it up after dark')
 */
export function startRumour(
  life: Life,
  m: Member,
  prop: string,
  version: string,
  day: number,
  place: number,
  how: string,
  options: { about?: number; concerns?: Member; truth?: boolean | null; confidence?: number } = {},
): Belief | undefined {
  const holder = options.concerns ?? m;
  const event = life.ctx.rec.nextId;
  const belief = life.book.adopt({
    person: holder.id,
    prop,
    version,
    day,
    source: event,
    kind: holder === m ? 'origin' : 'rumour',
    via: holder === m ? NONE : m.id,
    confidence: options.confidence ?? 0.6 + 0.3 * m.traits.confidence,
    ...(options.about !== undefined ? { about: options.about } : {}),
    ...(options.truth !== undefined ? { truth: options.truth } : {}),
  });
  if (!belief) return undefined;
  const id = life.emit(
    day,
    EVENT_CODES.rumour_started,
    m.id,
    holder === m ? NONE : holder.id,
    place,
    belief.id,
    NONE,
    {
      p: prop,
      v: version,
      how,
    },
  );
  if (id !== event) throw new Error(`startRumour: expected event ${event}, recorded ${id}`);
  life.counts.rumoursStarted++;
  return belief;
}

/**
 * A belief taken up from an event already recorded (a disclosure, an experience, an
 * outburst): the belief's source is that event.
 */
export function learn(
  life: Life,
  m: Member,
  prop: string,
  version: string,
  day: number,
  source: number,
  kind: SourceKind,
  confidence: number,
  options: { via?: number; parent?: Belief; about?: number; truth?: boolean | null } = {},
): Belief | undefined {
  return life.book.adopt({
    person: m.id,
    prop,
    version,
    day,
    source,
    kind,
    confidence,
    ...(options.via !== undefined ? { via: options.via } : {}),
    ...(options.parent ? { parent: options.parent.id, origin: options.parent.origin } : {}),
    ...(options.about !== undefined ? { about: options.about } : {}),
    ...(options.truth !== undefined ? { truth: options.truth } : {}),
  });
}

/**
 * `a` tells `b` what they believe (`chosen`); `b` may take it up, perhaps changed in the
 * telling. Returns the new belief of `b`, or undefined when it did not pass.
 */
export function tell(
  life: Life,
  a: Member,
  b: Member,
  chosen: Belief,
  day: number,
  place: number,
  s: Sequence,
): Belief | undefined {
  const book = life.book;
  const theirs = book.current(b.id, chosen.prop);
  if (theirs && theirs.version === chosen.version) return undefined;
  const trust = unit(0.5 + (b.ties.get(a.id)?.t ?? 0) / 2);
  let p = b.traits.credulity * (0.45 + 0.55 * trust) * (0.5 + 0.5 * chosen.confidence);
  // Talking someone out of what they already believe takes more than one telling.
  if (theirs) p *= 0.35 * (1 - theirs.confidence);
  if (a.clique !== NONE && a.clique === b.clique && life.cliques[a.clique - 1]?.leader === a.id)
    p = Math.min(1, p * 1.4);
  if (!s.chance(p)) return undefined;

  let version = chosen.version;
  if (s.chance(life.beliefSettings.mutation * (0.5 + a.traits.imagination))) {
    const turns = findVersion(chosen.prop, chosen.version)?.turnsInto ?? [];
    if (turns.length > 0) version = s.pick(turns);
  }
  if (theirs && theirs.version === version) return undefined;

  const event = life.ctx.rec.nextId;
  const belief = book.adopt({
    person: b.id,
    prop: chosen.prop,
    version,
    day,
    source: event,
    kind: 'rumour',
    via: a.id,
    parent: chosen.id,
    origin: chosen.origin,
    confidence: unit(chosen.confidence * (0.55 + 0.45 * trust) + 0.12 * (s.next() + s.next() - 1)),
  });
  if (!belief) return undefined;
  const data: { p: string; v: string; from?: string; origin: number } = {
    p: chosen.prop,
    v: version,
    origin: chosen.origin,
  };
  if (version !== chosen.version) data.from = chosen.version;
  const id = life.emit(day, EVENT_CODES.rumour_heard, b.id, a.id, place, belief.id, chosen.source, data);
  if (id !== event) throw new Error(`tell: expected event ${event}, recorded ${id}`);
  return belief;
}

/**
 * How much someone wants to pass a belief on (0..1): how juicy it is, and how new to them
 * (news is told eagerly for some months; an old belief only now and then).
 */
export function eagerness(b: Belief, day: number): number {
  return b.spread / (1 + (day - b.from) / 150);
}

/**
 * Guardians put down a false rumour at a place: those holding a false version are told the
 * true one; the credulous mostly accept it, a stubborn few keep what they believed.
 * Returns the event id, or NONE when nobody held a false version.
 */
export function debunk(
  life: Life,
  place: number,
  day: number,
  prop: string,
  guardian: number,
  s: Sequence,
): number {
  const p = proposition(prop);
  const truth = p.versions.find((v) => life.book.truthOf(prop, v.id) === true);
  if (!truth) return NONE;
  const holders: Member[] = [];
  const counts = new Map<string, number>();
  for (const m of life.at(place)) {
    const b = life.book.current(m.id, prop);
    if (!b || life.book.truthOf(prop, b.version) !== false) continue;
    holders.push(m);
    counts.set(b.version, (counts.get(b.version) ?? 0) + 1);
  }
  if (holders.length === 0) return NONE;
  let common = '';
  let most = 0;
  for (const [v, n] of counts) if (n > most) [common, most] = [v, n];
  const event = life.ctx.rec.nextId;
  const corrected: number[] = [];
  for (const m of holders) {
    const held = life.book.current(m.id, prop)!;
    if (s.chance(0.35 * held.confidence * (1 - m.traits.credulity))) continue;
    learn(life, m, prop, truth.id, day, event, 'debunk', 0.55 + 0.3 * m.traits.credulity, { via: guardian });
    corrected.push(m.id);
  }
  const id = life.emit(day, EVENT_CODES.rumour_debunked, guardian, NONE, place, corrected.length, NONE, {
    p: prop,
    v: common,
    now: truth.id,
  });
  if (id !== event) throw new Error(`debunk: expected event ${event}, recorded ${id}`);
  life.involve(id, corrected, SCHOOL_ROLES.corrected);
  return id;
}
