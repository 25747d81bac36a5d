/**
 * The storyline as a world module: a scenario's cast and beats (the canon's, or any other).
 *
 * - Its cast is kept where the story needs them by steering the lifecycle (`steerLife`): the
 *   storyline's course (course.ts) answers the lifecycle's decisions for the cast from their
 *   pins and passes everyone else on, so no rule branches on the storyline.
 * - Each beat is a wake-up on its day: checked against the world as it stands (the people it
 *   names are in the world, in the phases it requires), recorded as `canon_beat`, heard by the
 *   other modules (`onBeat`), and followed by its consequences (consequences.ts).
 * - After the run every pin that falls within the calendar is checked to have happened.
 *
 * With no cast and no beats the module steers nothing and schedules nothing.
 */
import { isoDate, parseIsoDate } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import { RuleViolation } from '../../errors.js';
import type { Beat } from '../../scenario/canon-schema.js';
import { caringOf } from '../caring/index.js';
import { EVENT_CODES } from '../event-types.js';
import type { LifeCourse } from '../lifecycle/course.js';
import { moduleFinder, type ModuleFactory, type WorldContext, type WorldModule } from '../module.js';
import type { WakeUp } from '../order.js';
import { PHASE_CARER, PHASE_COMPLETED, PHASE_DONOR, phaseName } from '../phases.js';
import { beatConsequences } from './consequences.js';
import { StoryCourse } from './course.js';
import { Cast } from './pins.js';

/**
 * The storyline module of a world.
 * @example storylineOf(ctx)!.personOf('kathy')
 */
export const storylineOf = moduleFinder<Storyline>();

export class Storyline implements WorldModule {
  readonly name = 'storyline';
  /** The storyline's named people and their pins (empty for most worlds). */
  readonly cast: Cast;
  private readonly beat: WakeUp;
  private made = 0;

  constructor(private readonly ctx: WorldContext) {
    this.cast = new Cast(ctx.scenario);
    this.beat = ctx.wakeUp('beat', (day, index) => this.onBeatDay(day, index));
    storylineOf.set(ctx, this);
  }

  /** The person a cast id names, once they are in the world. */
  personOf(castId: string): number | undefined {
    return this.cast.personOf.get(castId);
  }

  steerLife(course: LifeCourse): LifeCourse {
    return this.ctx.scenario.cast.length === 0
      ? course
      : new StoryCourse(course, this.cast, this.ctx.people, this.ctx.places);
  }

  init(): void {
    this.ctx.scenario.beats.forEach((b, i) => this.beat.at(parseIsoDate(b.date)!, i));
  }

  /** A beat of the storyline: checked against the world as it is that day, then recorded. */
  private onBeatDay(day: number, index: number): void {
    const ctx = this.ctx;
    const beat = ctx.scenario.beats[index]!;
    const ids = beat.people.map((c) => this.castPerson(beat, c, day));
    for (const [castId, phase] of Object.entries(beat.requires ?? {})) {
      const id = this.castPerson(beat, castId, day);
      const actual = phaseName(ctx.people.phase(id));
      if (actual !== phase) {
        const detail = `it needs ${ctx.people.name(id)} to be a ${phase}, but on that day they are a ${actual}`;
        throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
      }
    }
    const place =
      beat.place !== undefined
        ? (ctx.places.find((p) => p.slug === beat.place)?.id ?? NONE)
        : ctx.people.place(ids[0]!);
    const data = JSON.stringify({
      beat: beat.id,
      title: beat.title,
      kind: beat.kind,
      people: ids,
      ...(beat.item ? { item: beat.item } : {}),
    });
    const first = ids[0]!;
    const id = ctx.record(
      day,
      EVENT_CODES.canon_beat,
      first,
      ids[1] ?? NONE,
      place,
      NONE,
      ctx.people.lastEvent(first),
      data,
    );
    for (const extra of ids.slice(2)) ctx.participant(id, extra, 0);
    if (beat.kind === 'cares-for') this.caresFor(beat, day, ids, id);
    for (const m of ctx.modules) if (m !== this) m.onBeat?.(beat, ids, day, id);
    if (beatConsequences(ctx, beat, ids, day, id, (c) => this.personOf(c))) this.made++;
  }

  private castPerson(beat: Beat, castId: string, day: number): number {
    const id = this.cast.personOf.get(castId);
    if (id === undefined) {
      const detail = `'${castId}' is not yet in the world on that day`;
      throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
    }
    return id;
  }

  /** The carer (first named) takes the donor (second named): the story's choice of a friend. */
  private caresFor(beat: Beat, day: number, ids: number[], cause: number): void {
    const [carer, donor] = ids;
    const p = this.ctx.people;
    const fail = (detail: string): never => {
      throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
    };
    if (
      carer === undefined ||
      donor === undefined ||
      p.phase(carer) !== PHASE_CARER ||
      p.phase(donor) !== PHASE_DONOR
    )
      fail('a carer can take on only a donor: name the carer first, then the donor');
    if (p.carer(donor!) === carer) return;
    if (!caringOf(this.ctx)!.pool.assignChosen(day, donor!, carer!, cause))
      fail(`${p.name(carer!)} already has the most donors a carer may hold`);
  }

  /** After the run: every pinned fact that falls within the calendar happened. */
  finish(): void {
    const p = this.ctx.people;
    const end = this.ctx.end;
    for (const [id, pins] of this.cast.byPerson) {
      const who = `cast '${pins.member.id}' (${pins.member.name})`;
      const due = (d: number | null) => d !== null && d <= end;
      const fail = (detail: string) => {
        throw new RuleViolation('the world honours every pin of the storyline', detail, who);
      };
      if (due(pins.trainingOn) && p.phase(id) < PHASE_CARER)
        fail(`never left for training (pinned ${isoDate(pins.trainingOn!)})`);
      if (due(pins.donorOn) && p.phase(id) < PHASE_DONOR)
        fail(`never became a donor (pinned ${isoDate(pins.donorOn!)})`);
      const pinnedDone = pins.donations.filter((d) => d <= end).length;
      if (p.donations(id) < pinnedDone)
        fail(`gave ${p.donations(id)} donations, but ${pinnedDone} are pinned`);
      if (
        pins.completesAfter !== null &&
        p.phase(id) === PHASE_COMPLETED &&
        p.donations(id) !== pins.completesAfter
      )
        fail(`completed after ${p.donations(id)} donations, not ${pins.completesAfter}`);
      if (due(pins.completedOn) && p.phase(id) !== PHASE_COMPLETED)
        fail(`did not complete (pinned ${isoDate(pins.completedOn!)})`);
    }
    for (const m of this.ctx.scenario.cast) {
      if (
        m.kind !== 'madame' &&
        !this.cast.personOf.has(m.id) &&
        (m.born === undefined || parseIsoDate(m.born)! <= end)
      ) {
        throw new RuleViolation(
          'the world honours every pin of the storyline',
          'never came into the world (is their school simulated in full, with room on its staff?)',
          `cast '${m.id}' (${m.name})`,
        );
      }
    }
  }

  summary(): Record<string, unknown> {
    return { beatsWithConsequences: this.made };
  }
}

/** The module factory for src/world/modules.ts. */
export const storyline: ModuleFactory = (ctx) => new Storyline(ctx);
