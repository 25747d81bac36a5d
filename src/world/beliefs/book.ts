/**
 * The belief book: what each person followed in detail believes, since when, and from where.
 * A belief is one row: a person holding one version of a proposition from a day until a day
 * (or for good), with the event it came from, the person it came through, the belief of theirs
 * it was copied from (`parent`), and the event the whole chain began with (`origin`). So any
 * belief can be walked back, hop by hop, to a guardian's words, an experience, or the one who
 * started the rumour. Rows are never rewritten except to close them.
 */
import { NONE } from '../../engine/recorder.js';
import { findVersion, proposition } from './propositions.js';

/** How a belief came to be held. */
export type SourceKind =
  'origin' | 'rumour' | 'disclosure' | 'plain-speaking' | 'experience' | 'debunk' | 'outburst';

export interface Belief {
  readonly id: number;
  readonly person: number;
  readonly prop: string;
  readonly version: string;
  /** For personal propositions, whom it is about (the original seen); otherwise NONE. */
  readonly about: number;
  readonly from: number;
  /** Day it was given up, or NONE while held. */
  until: number;
  /** The event it came from. */
  readonly source: number;
  readonly kind: SourceKind;
  /** The teller, or NONE. */
  readonly via: number;
  /** The teller's belief it was copied from, or NONE. */
  readonly parent: number;
  /** The event the chain began with. */
  readonly origin: number;
  readonly confidence: number;
  readonly truth: boolean | null;
  /** How readily this version is passed on (from the catalogue). */
  readonly spread: number;
}

export interface AdoptArgs {
  person: number;
  prop: string;
  version: string;
  day: number;
  source: number;
  kind: SourceKind;
  via?: number;
  parent?: number;
  /** Defaults to `source` (the belief starts a chain). */
  origin?: number;
  confidence: number;
  about?: number;
  /** Overrides the catalogue's truth (personal propositions). */
  truth?: boolean | null;
}

export class BeliefBook {
  private readonly rows: Belief[] = [];
  /** What each person holds now: a short list (a dozen at most), in the order taken up. */
  private readonly held = new Map<number, Belief[]>();
  private readonly overrides = new Map<string, boolean | null>();

  /** Sets the truth of a version in this world (e.g. deferrals that exist under a policy). */
  setTruth(prop: string, version: string, truth: boolean | null): void {
    if (!findVersion(prop, version))
      throw new RangeError(`BeliefBook.setTruth: no version '${version}' of '${prop}'`);
    this.overrides.set(`${prop}/${version}`, truth);
  }

  /** Whether a version is true in this world. */
  truthOf(prop: string, version: string): boolean | null {
    const o = this.overrides.get(`${prop}/${version}`);
    if (o !== undefined) return o;
    return findVersion(prop, version)?.truth ?? null;
  }

  /** The id the next belief will get. */
  get nextId(): number {
    return this.rows.length + 1;
  }

  get size(): number {
    return this.rows.length;
  }

  /** A belief by id. */
  get(id: number): Belief | undefined {
    return this.rows[id - 1];
  }

  /** The version of a proposition a person holds now, if any. */
  current(person: number, prop: string): Belief | undefined {
    const mine = this.held.get(person);
    if (!mine) return undefined;
    for (let i = 0; i < mine.length; i++) if (mine[i]!.prop === prop) return mine[i];
    return undefined;
  }

  /** Everything a person holds now, in the order they came to hold it. */
  heldBy(person: number): readonly Belief[] {
    return this.held.get(person) ?? EMPTY;
  }

  /** How many propositions a person holds a version of. */
  countHeld(person: number): number {
    return this.held.get(person)?.length ?? 0;
  }

  /**
   * Makes a person hold a version from `day`, closing any other version they held. Returns the
   * new belief, or undefined when they already hold that very version (nothing changes).
   * @example book.adopt({ person, prop: 'woods', version: 'fence-girl', day, source: eventId, kind: 'origin', confidence: 0.8 })
   */
  adopt(a: AdoptArgs): Belief | undefined {
    const p = proposition(a.prop);
    const v = findVersion(a.prop, a.version);
    if (!v) throw new RangeError(`BeliefBook.adopt: no version '${a.version}' of '${a.prop}'`);
    let mine = this.held.get(a.person);
    const prior = this.current(a.person, a.prop);
    const about = a.about ?? NONE;
    if (prior && prior.version === a.version && prior.about === about) return undefined;
    // Once told plainly, a vaguer telling changes nothing.
    if (prior && findVersion(a.prop, prior.version)?.refines === a.version) return undefined;
    if (prior) prior.until = a.day;
    const belief: Belief = {
      id: this.rows.length + 1,
      person: a.person,
      prop: a.prop,
      version: a.version,
      about,
      from: a.day,
      until: NONE,
      source: a.source,
      kind: a.kind,
      via: a.via ?? NONE,
      parent: a.parent ?? NONE,
      origin: a.origin ?? a.source,
      confidence: Math.round(Math.min(1, Math.max(0, a.confidence)) * 1000) / 1000,
      truth: a.truth !== undefined ? a.truth : this.truthOf(a.prop, a.version),
      spread: p.personal ? 0 : v.spread,
    };
    this.rows.push(belief);
    if (!mine) {
      mine = [];
      this.held.set(a.person, mine);
    }
    if (prior) mine.splice(mine.indexOf(prior), 1);
    mine.push(belief);
    return belief;
  }

  /** Gives up a belief without taking another (a personal belief proved empty). */
  drop(person: number, prop: string, day: number): void {
    const b = this.current(person, prop);
    if (!b) return;
    b.until = day;
    const mine = this.held.get(person)!;
    mine.splice(mine.indexOf(b), 1);
  }

  /**
   * The chain of beliefs from the first holder to this one: [origin's belief, …, belief].
   * @example book.path(42).map((b) => b.person)
   */
  path(id: number): Belief[] {
    const out: Belief[] = [];
    for (let b = this.get(id); b; b = b.parent === NONE ? undefined : this.get(b.parent)) out.push(b);
    return out.reverse();
  }

  /** Every belief, in id order. */
  all(): readonly Belief[] {
    return this.rows;
  }
}

const EMPTY: readonly Belief[] = [];
