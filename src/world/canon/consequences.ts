/**
 * What a storyline's beats change in the world. The beat itself is recorded by the storyline
 * module (`canon_beat`, index.ts); here each kind of beat asks the module that owns the state to make its
 * consequences, as ordinary events caused by the beat: a cassette wished for at the next
 * Sale, lost, found on a trip; Madame moved; a couple formed; a guardian gone; the truth
 * learned. A beat whose consequence the world cannot make stops the run, naming the beat.
 */
import { isoDate } from '../../engine/calendar.js';
import { RuleViolation } from '../../errors.js';
import type { Beat } from '../../scenario/canon-schema.js';
import { NONE } from '../../engine/recorder.js';
import { learn } from '../beliefs/rumours.js';
import { EVENT_CODES } from '../event-types.js';
import type { WorldContext } from '../module.js';
import { KIND_CLONE, KIND_GUARDIAN } from '../phases.js';
import { makeOne } from '../school/art.js';
import { SCHOOL_ROLES } from '../school/events.js';
import { schoolLifeOf, type SchoolLife } from '../school/index.js';
import { endCouple } from '../school/social.js';
import { itemKind } from './hold-back.js';

/**
 * Makes the consequences of a recorded beat (`eventId`) through the module that owns their
 * state; returns false for a kind of beat with none here.
 * @example beatConsequences(ctx, beat, [kathy], day, beatEvent, (id) => cast.personOf.get(id))
 */
export function beatConsequences(
  ctx: WorldContext,
  beat: Beat,
  people: number[],
  day: number,
  eventId: number,
  personOfCast: (castId: string) => number | undefined,
): boolean {
  const life = schoolLifeOf(ctx);
  const story = life?.story;
  if (!life || !story) return false;
  const [first, second] = people;
  const fail = (detail: string): never => {
    throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
  };
  try {
    switch (beat.kind) {
      case 'bought':
        story.wish(first!, itemKind(beat.item), beat.item ?? 'something from a Sale box');
        break;
      case 'lost':
        story.loseOn(first!, itemKind(beat.item), day);
        break;
      case 'danced':
        story.madameMovedOn(first!, day);
        break;
      case 'possible-trip': {
        // Whoever finds something on this trip must be listening for it before the trip sets out.
        for (const b of ctx.scenario.beats) {
          if (b.kind === 'found' && b.date === beat.date) {
            for (const c of b.people) {
              const id = personOfCast(c);
              if (id !== undefined) story.findOnNextTrip(id, itemKind(b.item));
            }
          }
        }
        if (!story.storyTripNow(first!, people, day))
          fail('the people of a trip must all be living at one residence');
        break;
      }
      case 'couple': {
        // Where the story sets it (Kingsfield), else where the first of them lives.
        const where = ctx.places.find((x) => x.slug === beat.place)?.id ?? ctx.people.place(first!);
        if (second === undefined || !story.coupleNow(first!, second, day, where)) {
          fail('a couple needs two people followed in detail');
        }
        break;
      }
      case 'couple-ended': {
        const c = second === undefined ? undefined : life.coupleOf(first!);
        if (!c || (c.a !== second && c.b !== second)) fail('only a couple can part');
        const m = life.life.members.get(first!)!;
        endCouple(life.life, life.life.coupleOf(m)!, m, day, ctx.people.place(first!), 'drifted');
        break;
      }
      case 'told-plainly':
        toldPlainly(ctx, life, people, day, eventId, fail);
        break;
      case 'animals':
        notebook(ctx, life, first!, day, eventId, fail);
        break;
      case 'guardian-left':
        if (!story.guardianLeavesNow(first!, day, eventId))
          fail(`${ctx.people.name(first!)} is not on a school's staff`);
        break;
      case 'learned-truth':
        for (const who of people.filter((p) => ctx.people.kind(p) === 0)) {
          story.learnNow(who, 'deferral', 'no-such-thing', day, eventId, 'told by Miss Emily');
          story.learnNow(who, 'gallery-purpose', 'souls', day, eventId, 'told by Miss Emily');
        }
        break;
      case 'apology':
        for (const who of people.slice(1))
          story.learnNow(who, 'madame-address', 'seaside', day, eventId, 'given the address by Ruth');
        break;
      default:
        return false;
    }
  } catch (e) {
    if (e instanceof RuleViolation) throw e;
    fail((e as Error).message);
  }
  return true;
}

/**
 * The storyline's guardian tells the class of the clones it names what their lives will be:
 * the same talk the rules' plain speakers give, caused by the beat, heard by the whole class.
 */
function toldPlainly(
  ctx: WorldContext,
  life: SchoolLife,
  people: number[],
  day: number,
  cause: number,
  fail: (detail: string) => never,
): void {
  const p = ctx.people;
  const guardian = people.find((x) => p.kind(x) === KIND_GUARDIAN);
  const named = people.filter((x) => p.kind(x) === KIND_CLONE);
  if (guardian === undefined || named.length === 0) fail('a plain talk needs a guardian and a class');
  const place = p.place(named[0]!);
  const cohorts = new Set(named.map((x) => p.cohort(x)));
  const group = life.life.at(place).filter((m) => cohorts.has(m.cohort));
  const said: [string, string][] = [
    ['no-ordinary-future', 'yes'],
    ['we-will-donate', 'plainly'],
  ];
  const event = ctx.rec.nextId;
  for (const m of group) {
    for (const [prop, v] of said)
      learn(life.life, m, prop, v, day, event, 'plain-speaking', 0.85, { via: guardian });
  }
  const id = life.life.emit(
    day,
    EVENT_CODES.guardian_spoke_plainly,
    guardian,
    NONE,
    place,
    p.cohort(named[0]!),
    cause,
    {
      said,
      reaction: 'silence',
    },
  );
  if (id !== event) throw new Error(`told-plainly: expected event ${event}, recorded ${id}`);
  life.life.involve(
    id,
    group.map((m) => m.id),
    SCHOOL_ROLES.listener,
  );
  life.life.counts.plainSpeakings++;
}

/**
 * The drawings the beat shows: a notebook of small imaginary animals, made at the residence
 * in the months before it, in the maker's own hand (their cast entry decides its style and
 * medium), recorded as one `works_made` caused by the beat.
 */
function notebook(
  ctx: WorldContext,
  life: SchoolLife,
  maker: number,
  day: number,
  cause: number,
  fail: (detail: string) => never,
): void {
  const l = life.life;
  const m = l.members.get(maker);
  if (!m || m.home === NONE) fail(`${ctx.people.name(maker)} is not living where the rules follow them`);
  const s = ctx.streams.sequence('canon-notebook', m.key);
  const n = 6 + s.int(5);
  const first = l.works.length + 1;
  const afterSchool = l.place(m.home).kind === 'residence';
  for (let i = 0; i < n; i++) {
    // Spread over the season before the beat, oldest first.
    const on = day - Math.round(((n - i) * 120) / n);
    makeOne(l, m, m.home, Math.max(on, m.born), s, afterSchool);
  }
  const last = l.works.length;
  const event = l.emit(day, EVENT_CODES.works_made, NONE, NONE, m.home, last - first + 1, cause, {
    first,
    last,
  });
  for (let id = first; id <= last; id++) l.works[id - 1]!.madeEvent = event;
}
