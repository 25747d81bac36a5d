/**
 * What a storyline may ask of school life and the Cottages: a thing wished for at the next
 * Sale, lost on a day, found on the next trip; Madame moved by a song; a sighting of a possible
 * and the trip that follows (the story's own, whose sighting is wrong); a couple formed now; a
 * guardian gone; a truth learned from experience. Each acts through the same rules and events
 * as school life's own; the storyline's beats (src/world/canon/consequences.ts) call them.
 */
import { hash4 } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import type { Cottages } from '../cottages/index.js';
import { EVENT_CODES } from '../event-types.js';
import type { WorldContext } from '../module.js';
import { guardianLeaves } from './guardians.js';
import { isResidence, type Life, type Member } from './life.js';
import { endCouple, formCouple } from './social.js';

/** How the story's days are put on school life's calendar. */
export interface StoryDays {
  /** The item (at `version`) is lost on `day`. */
  lose(day: number, item: number, version: number): void;
  /** Someone at the residence claims a sighting on `day`. */
  sighting(day: number, place: number): void;
  /** Madame comes upon the person on `day`. */
  moved(day: number, person: number): void;
}

export class SchoolStory {
  constructor(
    private readonly ctx: WorldContext,
    private readonly life: Life,
    private readonly cottages: Cottages,
    private readonly days: StoryDays,
  ) {}

  /**
   * The person buys this thing at their next Sale (a cassette of songs, say).
   * @example life.wish(kathy, 'cassette', '"Slow Hours", songs by Vera Linley, on cassette')
   */
  wish(person: number, kind: string, label: string): void {
    const list = this.life.wishes.get(person) ?? [];
    list.push({ kind, label });
    this.life.wishes.set(person, list);
  }

  /** The person loses the first thing of this kind in their collection on `day`. */
  loseOn(person: number, kind: string, day: number): void {
    const m = this.life.members.get(person);
    const item = m?.items.map((id) => this.life.items[id - 1]!).find((i) => i.kind === kind);
    if (!item) throw new RangeError(`loseOn: ${this.ctx.people.name(person)} has no ${kind} to lose`);
    if (day >= this.ctx.sim.now && day <= this.ctx.end) this.days.lose(day, item.id, item.version);
  }

  /** On `day` someone at the person's residence claims to have seen their possible; a trip follows. */
  sightingOn(person: number, day: number): void {
    const m = this.life.members.get(person);
    if (!m || m.home === NONE || !isResidence(this.ctx, m.home))
      throw new RangeError(`sightingOn: ${this.ctx.people.name(person)} is not at a residence`);
    this.cottages.sightings.push(person);
    if (day >= this.ctx.sim.now && day <= this.ctx.end) this.days.sighting(day, m.home);
  }

  /** On their next trip from a residence, the person finds what they lost (or its twin). */
  findOnNextTrip(person: number, kind: string | null = null): void {
    this.life.findsOnTrip.set(person, kind);
  }

  /** Madame comes upon the person alone with a song on `day`, and is moved. */
  madameMovedOn(person: number, day: number): void {
    if (day >= this.ctx.sim.now && day <= this.ctx.end) this.days.moved(day, person);
  }

  /** Madame's visit on the day she is moved: recorded with the song the person holds, if any. */
  onMadameMoved(day: number, person: number): void {
    const m = this.life.members.get(person);
    if (!m || this.life.madame === NONE) return;
    const song = m.items.find((id) => this.life.items[id - 1]!.kind === 'cassette') ?? NONE;
    this.life.emit(day, EVENT_CODES.madame_moved, person, this.life.madame, m.home, song, NONE, null);
  }

  /**
   * Two people become a couple today (a storyline's beat); whoever either was with ends it.
   * Returns false when either is not followed in detail.
   */
  coupleNow(a: number, b: number, day: number, place: number): boolean {
    const ma = this.life.members.get(a);
    const mb = this.life.members.get(b);
    if (!ma || !mb) return false;
    for (const m of [ma, mb]) {
      const c = this.life.coupleOf(m);
      if (c && c.ended === NONE && !((c.a === a && c.b === b) || (c.a === b && c.b === a)))
        endCouple(this.life, c, m, day, place, 'drifted');
    }
    const now = this.life.coupleOf(ma);
    if (now && now.ended === NONE && (now.a === b || now.b === b)) return true;
    formCouple(this.life, ma, mb, place, day);
    return true;
  }

  /** A guardian leaves the school today, because of the event `cause` (a storyline's beat). */
  guardianLeavesNow(guardian: number, day: number, cause: number): boolean {
    const st = this.life.staffRows.find((x) => x.id === guardian);
    if (!st || st.left !== NONE) return false;
    guardianLeaves(this.life, st, day, cause);
    return true;
  }

  /**
   * Someone comes to hold a version of a proposition from what they lived through (told by
   * Miss Emily, say), recorded as `learned_by_experience` caused by `cause`.
   */
  learnNow(person: number, prop: string, version: string, day: number, cause: number, what: string): void {
    const b = this.life.book.adopt({
      person,
      prop,
      version,
      day,
      source: cause,
      kind: 'experience',
      confidence: 1,
    });
    if (!b) return;
    const place = this.ctx.people.place(person);
    this.life.emit(day, EVENT_CODES.learned_by_experience, person, NONE, place, b.id, cause, {
      p: prop,
      v: version,
      what,
    });
  }

  /**
   * A storyline's trip to look for `subject`'s possible, today, with the story's party; the
   * sighting is wrong. Returns false when they are not all at one residence.
   */
  storyTripNow(subject: number, party: readonly number[], day: number): boolean {
    const m = this.life.members.get(subject);
    const members = party.map((id) => this.life.members.get(id));
    if (
      !m ||
      m.home === NONE ||
      !isResidence(this.ctx, m.home) ||
      members.some((x) => !x || x.home !== m.home)
    )
      return false;
    const s = this.ctx.streams.sequence('possible-trip', hash4(this.ctx.places[m.home]!.key, day, 0, 0));
    this.cottages.storyTrip(m, members as Member[], day, s);
    return true;
  }
}
