/**
 * What every teller of an episode needs: the writer, the world, the life being told, its
 * clock, and the paragraph's last time anchor (so the next can be relative: "a year later").
 */
import type { Life } from './life.js';
import type { Source } from './source.js';
import { inText, type Clock } from './time.js';
import type { EventTypeName } from '../world/event-types.js';
import type { BEAT_PHRASES } from './beats.js';
import type { BIO_PHRASES } from './biography.js';
import type { LaterPhraseKey } from './phrases/later.js';
import type { MemoirPhraseKey } from './phrases/memoir.js';
import type { SchoolPhraseKey } from './phrases/school.js';
import { who, type PersonSlot, type Writer } from './writer.js';

/**
 * Every phrase key a life's telling may use: the closed tables, a storyline's own beats and
 * kinds (named by scenario data, so open), and the typed recall tables by event type.
 */
export type PhraseKey =
  | SchoolPhraseKey
  | LaterPhraseKey
  | MemoirPhraseKey
  | keyof typeof BIO_PHRASES
  | keyof typeof BEAT_PHRASES
  | `beat:${string}`
  | `kind:${string}`
  | `${'hook' | 'return' | 'recall' | 'recall-news'}:${EventTypeName}`;

export class Ctx {
  /** The subject as a slot: "I" in a memoir, the person in a biography. */
  readonly s: PersonSlot;
  private lastDay: number | undefined;
  /** Items already named in the text, so a second mention can be short. */
  readonly things = new Set<number>();
  /** Labels of things already listed (a Sale's purchases), so the closing can name others. */
  readonly labels = new Set<string>();
  /** Events already told as the frame a section opens from, so their own episode only returns to them. */
  readonly framed = new Set<number>();

  constructor(
    readonly w: Writer<PhraseKey>,
    readonly src: Source,
    readonly life: Life,
    readonly clock: Clock,
  ) {
    this.s = who(life.id);
  }

  get first(): boolean {
    return this.w.perspective === 'first';
  }

  /** Starts a section; the next anchor will be absolute. */
  section(title: string): void {
    this.w.section(title);
    this.lastDay = undefined;
  }

  /** Ends the paragraph; the next anchor will be absolute. */
  para(): void {
    this.w.para();
    this.lastDay = undefined;
  }

  /** Forgets the paragraph's last anchor: after a moment of the present, a memory is dated afresh. */
  forget(): void {
    this.lastDay = undefined;
  }

  /** Anchors for a day (relative ones too, if the paragraph has an anchor), and remembers it. */
  when(day: number): string[] {
    const out = this.clock.at(day, this.lastDay);
    this.lastDay = day;
    return out;
  }

  /**
   * An empty slot when the day is close to the paragraph's last anchor (so "Around then …"
   * variants may be used), undefined otherwise.
   */
  near(day: number): string | undefined {
    const close = this.lastDay !== undefined && Math.abs(day - this.lastDay) <= 120;
    return close ? '' : undefined;
  }

  /** Relative anchors only when the paragraph has one; absolute ones otherwise. */
  then(day: number): string[] {
    const out = this.lastDay === undefined ? this.clock.at(day) : this.clock.after(day, this.lastDay);
    this.lastDay = day;
    return out;
  }

  /** The bond score of another person with the subject. */
  bond(id: number): number {
    return this.life.bonds.get(id) ?? 0;
  }

  /** Absolute anchors only (for phrasings where "a year later" would read wrongly). */
  at(day: number): string[] {
    this.lastDay = day;
    return this.clock.at(day);
  }

  /**
   * Name of a place as it reads mid-sentence: "the Cottages"; a recovery centre by its town
   * alone ("Dover recovery centre" becomes "Dover"), as carers speak of them.
   */
  placeName(id: number | null | undefined): string | undefined {
    const p = this.src.place(id);
    return p ? shortPlace(p.name) : undefined;
  }

  /** The subject's school as it reads mid-sentence ("Hailsham"), or "school" if there is none. */
  get schoolName(): string {
    return this.life.school ? inText(this.life.school.name) : 'school';
  }

  /** A recovery centre's name as it reads mid-sentence, or "a recovery centre" if unknown. */
  centreName(id: number | null | undefined): string {
    return this.placeName(id) ?? 'a recovery centre';
  }

  sexOf(id: number): string {
    return this.src.person(id)?.sex ?? 'other';
  }
}

/** A place's name as it reads mid-sentence (see Ctx.placeName). */
export function shortPlace(name: string): string {
  return name.replace(/^The /, 'the ').replace(/ recovery centre$/i, '');
}
