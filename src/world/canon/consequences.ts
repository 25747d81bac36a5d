/**
 * What a storyline's beats change in the world. The beat itself is recorded by the world
 * (`canon_beat`); here each kind of beat asks the module that owns the state to make its
 * consequences, as ordinary events caused by the beat: a cassette wished for at the next
 * Sale, lost, found on a trip; Madame moved; a couple formed; a guardian gone; the truth
 * learned. A beat whose consequence the world cannot make stops the run, naming the beat.
 */
import { isoDate } from '../../engine/calendar.js';
import { RuleViolation } from '../../errors.js';
import type { Beat } from '../../scenario/canon-schema.js';
import type { ModuleFactory, WorldContext, WorldModule } from '../module.js';
import { hashString } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import { learn } from '../beliefs/rumours.js';
import { T } from '../event-types.js';
import { KIND_CLONE, KIND_GUARDIAN } from '../phases.js';
import { makeOne } from '../school/art.js';
import { Draws } from '../school/draws.js';
import { SCHOOL_ROLES } from '../school/events.js';
import { schoolLifeOf, type SchoolLife } from '../school/index.js';
import { endCouple } from '../school/social.js';
import { itemKind } from './hold-back.js';

const P_NOTEBOOK = hashString('canon-notebook');

class Consequences implements WorldModule {
  readonly name = 'storyline';
  private made = 0;

  constructor(private readonly ctx: WorldContext) {}

  onBeat(beat: Beat, people: number[], day: number, eventId: number): void {
    const life = schoolLifeOf(this.ctx);
    if (!life) return;
    const [first, second] = people;
    const fail = (detail: string): never => {
      throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
    };
    try {
      switch (beat.kind) {
        case 'bought':
          life.wish(first!, itemKind(beat.item), beat.item ?? 'something from a Sale box');
          break;
        case 'lost':
          life.loseOn(first!, itemKind(beat.item), day);
          break;
        case 'danced':
          life.madameMovedOn(first!, day);
          break;
        case 'possible-trip': {
          // Whoever finds something on this trip must be listening for it before the trip sets out.
          for (const b of this.ctx.scenario.beats) {
            if (b.kind === 'found' && b.date === beat.date) {
              for (const c of b.people) {
                const id = this.castId(c);
                if (id !== undefined) life.findOnNextTrip(id, itemKind(b.item));
              }
            }
          }
          if (!life.storyTripNow(first!, people, day))
            fail('the people of a trip must all be living at one residence');
          break;
        }
        case 'couple':
          if (second === undefined || !life.coupleNow(first!, second, day, this.ctx.people.place(first!))) {
            fail('a couple needs two people followed in detail');
          }
          break;
        case 'couple-ended': {
          const c = second === undefined ? undefined : life.coupleOf(first!);
          if (!c || (c.a !== second && c.b !== second)) fail('only a couple can part');
          const m = life.life.members.get(first!)!;
          const couple = life.life.coupleOf(m)!;
          endCouple(life.life, couple, m, day, this.ctx.people.place(first!), 'drifted');
          break;
        }
        case 'told-plainly':
          this.toldPlainly(life, people, day, eventId, fail);
          break;
        case 'animals':
          this.notebook(life, first!, day, eventId, fail);
          break;
        case 'guardian-left':
          if (!life.guardianLeavesNow(first!, day, eventId))
            fail(`${this.ctx.people.name(first!)} is not on a school's staff`);
          break;
        case 'learned-truth':
          for (const who of people.filter((p) => this.ctx.people.kind(p) === 0)) {
            life.learnNow(who, 'deferral', 'no-such-thing', day, eventId, 'told by Miss Emily');
            life.learnNow(who, 'gallery-purpose', 'souls', day, eventId, 'told by Miss Emily');
          }
          break;
        case 'apology':
          for (const who of people.slice(1))
            life.learnNow(who, 'madame-address', 'seaside', day, eventId, 'given the address by Ruth');
          break;
        default:
          return;
      }
    } catch (e) {
      if (e instanceof RuleViolation) throw e;
      fail((e as Error).message);
    }
    this.made++;
  }

  /**
   * The storyline's guardian tells the class of the clones it names what their lives will be:
   * the same talk the rules' plain speakers give, caused by the beat, heard by the whole class.
   */
  private toldPlainly(
    life: SchoolLife,
    people: number[],
    day: number,
    cause: number,
    fail: (detail: string) => never,
  ): void {
    const p = this.ctx.people;
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
    const event = this.ctx.rec.nextId;
    for (const m of group) {
      for (const [prop, v] of said)
        learn(life.life, m, prop, v, day, event, 'plain-speaking', 0.85, { via: guardian });
    }
    const id = life.life.emit(
      day,
      T.guardian_spoke_plainly,
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
  private notebook(
    life: SchoolLife,
    maker: number,
    day: number,
    cause: number,
    fail: (detail: string) => never,
  ): void {
    const l = life.life;
    const m = l.members.get(maker);
    if (!m || m.home === NONE)
      fail(`${this.ctx.people.name(maker)} is not living where the rules follow them`);
    const s = new Draws(this.ctx.seed, P_NOTEBOOK, m.key);
    const n = 6 + s.int(5);
    const first = l.works.length + 1;
    const afterSchool = l.place(m.home).kind === 'residence';
    for (let i = 0; i < n; i++) {
      // Spread over the season before the beat, oldest first.
      const on = day - Math.round(((n - i) * 120) / n);
      makeOne(l, m, m.home, Math.max(on, m.born), s, afterSchool);
    }
    const last = l.works.length;
    const event = l.emit(day, T.works_made, NONE, NONE, m.home, last - first + 1, cause, { first, last });
    for (let id = first; id <= last; id++) l.works[id - 1]!.madeEvent = event;
  }

  private castId(castId: string): number | undefined {
    return this.ctx.personOfCast(castId);
  }

  summary(): Record<string, unknown> {
    return { beatsWithConsequences: this.made };
  }
}

/** The storyline's consequences, as a world module. */
export const storyline: ModuleFactory = (ctx) => new Consequences(ctx);
