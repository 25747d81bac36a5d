/**
 * What the generated world holds back around a storyline, so that it neither contradicts nor
 * repeats a beat. For the people a beat names, episodes of the beat's kind that the ordinary
 * rules would draw are held back within the beat's window (`windowOf`): another partner while
 * a storyline couple lasts, the end of that couple before the storyline ends it, another
 * guardian's plain talk to the class a beat told plainly, another trip to find a possible in
 * the season of theirs, another lost thing turning up, a pinned thing lost or given away before
 * its beat loses it, and a pinned guardian's leaving before their beat. Some episodes are the
 * storyline's alone for the whole of the cast's lives, because the book gives them to one
 * person: the tempers (a tantrum beat names whose they are), a guardian's private word that art
 * need not matter (a guardian's moment with a pupil at school), and Madame moved to tears by a
 * student with a song (the dance). The school, Cottages and beliefs rules ask here before they
 * draw; a world without a storyline answers every question with one flag test.
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
  /** The first people of tantrum beats: the only cast clones the rules may give a temper. */
  private readonly tempers = new Set<string>();
  private tempersTold = false;
  /** Cast guardians whose private word to a pupil at school is a beat. */
  private readonly privateWords = new Set<string>();
  /** Pupils given a guardian's private word by a beat, and its day: their tempers ease after it. */
  private readonly spokenTo = new Map<string, number>();
  /** The first people of mocked beats: the only cast clones the rules may make ringleaders. */
  private readonly unkind = new Set<string>();
  private unkindnessTold = false;
  /** Whether a beat has Madame moved to tears by a student (the dance). */
  private madameMovedTold = false;
  private readonly castOf = new Map<number, string>();
  private unresolved: string[];
  private readonly clones: ReadonlySet<string> = new Set();

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
    this.clones = clones;
    const schools = new Set(sc.places.schools.map((x) => x.id));
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
        case 'found': {
          // Nothing else turns up for anyone on the trip that finds the beat's thing: in the book
          // the one lost thing found in Norfolk is Kathy's tape, and a second find on the same
          // day (Ruth's, say) would make the beat one of several.
          const party = beats
            .filter((x) => x.kind === 'possible-trip' && x.date === b.date)
            .flatMap((x) => x.people);
          this.finds.push({ people: [...new Set([...b.people, ...party])], from: d - w, to: d + w });
          break;
        }
        case 'tantrum':
          // The beat's first person is the one who loses their temper; the others watch.
          this.tempersTold = true;
          if (b.people[0] !== undefined) this.tempers.add(b.people[0]);
          break;
        case 'danced':
          this.madameMovedTold = true;
          break;
        case 'moment': {
          // A guardian's moment with one pupil at school is a private word (Miss Lucy telling
          // Tommy his art need not matter): that guardian says it to nobody else.
          if (b.place === undefined || !schools.has(b.place)) break;
          const pupils = b.people.filter((p) => clones.has(p));
          if (pupils.length !== 1) break;
          const guardians = b.people.filter((p) => this.guardians.has(p));
          if (guardians.length === 0) break;
          for (const g of guardians) this.privateWords.add(g);
          this.spokenTo.set(pupils[0]!, d);
          break;
        }
        case 'mocked':
          // The beat's first person is the unkind one (Ruth, mocking Tommy's animals).
          this.unkindnessTold = true;
          if (b.people[0] !== undefined) this.unkind.add(b.people[0]);
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

  /**
   * Whether `person` may not have a tantrum drawn by the rules: the storyline tells whose
   * tempers they are (a tantrum beat), and this is a cast clone who is not its first person.
   * The book gives the tantrums to Tommy; a generated one for Kathy or Ruth would contradict it.
   * Nor does the one whose temper it is rage again after a guardian's private word to them (a
   * beat): in the book Tommy's tantrums stop after Miss Lucy's talk.
   */
  tantrumHeld(person: number, day: number): boolean {
    if (this.empty || !this.tempersTold) return false;
    const c = this.castId(person);
    if (c === undefined || !this.clones.has(c)) return false;
    if (!this.tempers.has(c)) return true;
    const word = this.spokenTo.get(c);
    return word !== undefined && day >= word;
  }

  /**
   * Whether a cast clone may not lead a teasing: the storyline tells who among its cast is unkind
   * (a mocked beat's first person, Ruth), and the others (Kathy, Tommy) are never ringleaders.
   */
  teasingHeld(leader: number): boolean {
    if (this.empty || !this.unkindnessTold) return false;
    const c = this.castId(leader);
    return c !== undefined && this.clones.has(c) && !this.unkind.has(c);
  }

  /**
   * Whether a guardian's word of comfort (that being creative does not matter) may not be drawn
   * for `guardian` and `pupil`: what guardians say privately to the cast's clones is the
   * storyline's to tell (Miss Lucy's word to Tommy, and nobody's to Kathy), and a guardian whose
   * private word is a beat says it to nobody else.
   */
  comfortHeld(guardian: number, pupil: number): boolean {
    if (this.empty) return false;
    const p = this.castId(pupil);
    if (p !== undefined && this.clones.has(p)) return true;
    if (this.privateWords.size === 0) return false;
    const g = this.castId(guardian);
    return g !== undefined && this.privateWords.has(g);
  }

  /**
   * Whether Madame may not be drawn coming upon a student alone with a song: the storyline's dance
   * is the one time she is moved to tears, and another would make the beat one of several.
   */
  madameMovedHeld(): boolean {
    return !this.empty && this.madameMovedTold;
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
