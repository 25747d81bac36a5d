/**
 * What the generated world holds back around a storyline, so that it neither contradicts nor
 * repeats a beat. For the people a beat names, episodes of the beat's kind that the ordinary
 * rules would draw are held back within the beat's window (`windowOf`): another partner while
 * a storyline couple lasts, the end of that couple before the storyline ends it, another
 * guardian's plain talk to the class a beat told plainly, another trip to find a possible in
 * the season of theirs, another lost thing turning up, a pinned thing lost or given away before
 * its beat loses it, and a pinned guardian's leaving before their beat. The school, Cottages
 * and beliefs rules ask here before they draw; a world without a storyline answers every
 * question with one flag test.
 */
import type { Beat } from '../../scenario/canon-schema.js';
import { windowOf } from '../../scenario/canon-schema.js';
import { parseIsoDate } from '../../engine/calendar.js';
import type { WorldContext } from '../module.js';
import { storylineOf } from './index.js';

/** The thing a beat names, as the kind of item the school's Sales deal in. */
export function itemKind(item: string | undefined): string {
  return item !== undefined && /cassette|tape/i.test(item) ? 'cassette' : 'trinket';
}

interface Span {
  readonly people: readonly string[];
  readonly from: number;
  readonly to: number;
}

interface StoryCouple {
  readonly a: string;
  readonly b: string;
  readonly formed: number;
  /** The day the storyline ends it (a parting, or a new couple of either), or +Infinity. */
  readonly ended: number;
  readonly window: number;
}

export class HoldBack {
  /** True when the world has no storyline: every question is answered no at once. */
  readonly empty: boolean;
  private readonly couples: StoryCouple[] = [];
  private readonly talks: { guardians: string[]; classOf: string[]; from: number; to: number }[] = [];
  private readonly trips: Span[] = [];
  private readonly finds: Span[] = [];
  private readonly losses: { who: string; kind: string; day: number }[] = [];
  /** Cast guardians and the day their beat has them leave (+Infinity: never). */
  private readonly guardians = new Map<string, number>();
  private readonly castOf = new Map<number, string>();
  private unresolved: string[];

  constructor(private readonly ctx: WorldContext) {
    const sc = ctx.scenario;
    this.empty = sc.cast.length === 0 && sc.beats.length === 0;
    this.unresolved = sc.cast.map((c) => c.id);
    if (this.empty) return;
    const beats = [...sc.beats].sort((x, y) => day(x) - day(y));
    for (const c of sc.cast) {
      if (c.kind === 'guardian') {
        const leaves = beats.find((b) => b.kind === 'guardian-left' && b.people[0] === c.id);
        const pinned = c.leftOn !== undefined ? parseIsoDate(c.leftOn)! : Infinity;
        this.guardians.set(c.id, leaves ? day(leaves) : pinned);
      }
    }
    const clones = new Set(sc.cast.filter((c) => c.kind === 'clone').map((c) => c.id));
    beats.forEach((b, i) => {
      const d = day(b);
      const w = windowOf(b);
      switch (b.kind) {
        case 'couple': {
          const [a, c] = b.people;
          if (a === undefined || c === undefined) break;
          const later = beats
            .slice(i + 1)
            .find(
              (x) =>
                (x.kind === 'couple-ended' && x.people.includes(a) && x.people.includes(c)) ||
                (x.kind === 'couple' && (x.people.includes(a) || x.people.includes(c))),
            );
          this.couples.push({ a, b: c, formed: d, ended: later ? day(later) : Infinity, window: w });
          break;
        }
        case 'told-plainly':
          this.talks.push({
            guardians: b.people.filter((p) => this.guardians.has(p)),
            classOf: b.people.filter((p) => clones.has(p)),
            from: d - w,
            to: d + w,
          });
          break;
        case 'possible-trip':
          this.trips.push({ people: b.people, from: d - w, to: d + w });
          break;
        case 'found':
          this.finds.push({ people: b.people, from: d - w, to: d + w });
          break;
        case 'lost':
          if (b.people[0] !== undefined)
            this.losses.push({ who: b.people[0], kind: itemKind(b.item), day: d });
          break;
        default:
          break;
      }
    });
  }

  /** The cast id a person is, if any. */
  castId(person: number): string | undefined {
    if (this.empty) return undefined;
    const known = this.castOf.get(person);
    // Only named people can be cast: the rest never cost a look-up.
    if (known !== undefined || this.unresolved.length === 0 || !this.ctx.people.namedAs.has(person))
      return known;
    this.resolve();
    return this.castOf.get(person);
  }

  /** True for the storyline's named people. */
  isCast(person: number): boolean {
    return this.castId(person) !== undefined;
  }

  /**
   * Whether the rules may not pair `a` and `b` on `day`: either is in a storyline couple with
   * someone else that lasts that day, or is about to form one within its window.
   */
  partnerHeld(a: number, b: number, day: number): boolean {
    if (this.empty) return false;
    const ca = this.castId(a);
    const cb = this.castId(b);
    if (ca === undefined && cb === undefined) return false;
    for (const c of this.couples) {
      const pair = (ca === c.a && cb === c.b) || (ca === c.b && cb === c.a);
      if (pair) {
        // The storyline forms them on its day; the rules may not do it first.
        if (day < c.formed) return true;
        continue;
      }
      const involved = [ca, cb].some((x) => x !== undefined && (x === c.a || x === c.b));
      if (involved && day >= c.formed - c.window && day < c.ended) return true;
    }
    return false;
  }

  /** Whether `a` and `b` are a storyline couple on `day`, which only the storyline may end. */
  keepsCouple(a: number, b: number, day: number): boolean {
    if (this.empty) return false;
    const ca = this.castId(a);
    const cb = this.castId(b);
    if (ca === undefined || cb === undefined) return false;
    return this.couples.some(
      (c) => ((ca === c.a && cb === c.b) || (ca === c.b && cb === c.a)) && day >= c.formed && day < c.ended,
    );
  }

  /**
   * Whether a guardian's plain talk to the class born in `cohort` is held back on `day`: a beat
   * tells that class plainly within its window, or the guardian is one the storyline gives
   * their own plain talk (they speak only in the beat).
   */
  plainTalkHeld(guardian: number, cohort: number, day: number): boolean {
    if (this.empty) return false;
    const g = this.castId(guardian);
    for (const t of this.talks) {
      if (g !== undefined && t.guardians.includes(g)) return true;
      if (day < t.from || day > t.to) continue;
      for (const id of t.classOf) {
        const person = this.personOf(id);
        if (person !== undefined && this.ctx.people.cohort(person) === cohort) return true;
      }
    }
    return false;
  }

  /** Whether a guardian stays on the staff on `day` whatever the rules draw: their beat comes later. */
  guardianStays(guardian: number, day: number): boolean {
    if (this.empty) return false;
    const g = this.castId(guardian);
    if (g === undefined) return false;
    const leaves = this.guardians.get(g);
    return leaves !== undefined && day < leaves;
  }

  /** Whether a person may not join (or be the subject of) a generated trip to find a possible on `day`. */
  tripHeld(person: number, day: number): boolean {
    return this.within(this.trips, person, day);
  }

  /** Whether a lost thing of the person's may not turn up by chance on `day`. */
  findHeld(person: number, day: number): boolean {
    return this.within(this.finds, person, day);
  }

  /** Whether an item of this kind stays in its owner's collection on `day`: a beat loses it later. */
  itemHeld(owner: number, kind: string, day: number): boolean {
    if (this.empty) return false;
    const c = this.castId(owner);
    return c !== undefined && this.losses.some((l) => l.who === c && l.kind === kind && day < l.day);
  }

  private within(spans: readonly Span[], person: number, day: number): boolean {
    if (this.empty || spans.length === 0) return false;
    const c = this.castId(person);
    return c !== undefined && spans.some((s) => day >= s.from && day <= s.to && s.people.includes(c));
  }

  private personOf(castId: string): number | undefined {
    return storylineOf(this.ctx)?.personOf(castId);
  }

  /** Learns the person ids of cast members who have come into the world. */
  private resolve(): void {
    this.unresolved = this.unresolved.filter((id) => {
      const person = this.personOf(id);
      if (person === undefined) return true;
      this.castOf.set(person, id);
      return false;
    });
  }
}

function day(b: Beat): number {
  return parseIsoDate(b.date)!;
}
