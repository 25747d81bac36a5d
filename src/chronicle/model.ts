/**
 * The chronicle's data model: prose as sections of paragraphs of sentences, each sentence
 * carrying the ids of the events it rests on. Renderers (./render.ts) turn it into Markdown or
 * HTML; tests check it directly (no repeated sentence, every id in the log).
 */

/** One sentence of prose and the events that bear it out. */
export interface Sentence {
  readonly text: string;
  /** Event ids, ascending, never empty. */
  readonly events: readonly number[];
  /**
   * How many more events the sentence rests on beyond those listed: a sentence that counts a
   * thousand donations lists an even sample of them (see MAX_CITED) and says how many it left out.
   */
  readonly more?: number;
}

/** The most event ids one sentence lists; a sentence resting on more lists an even sample. */
export const MAX_CITED = 40;

export interface Paragraph {
  readonly sentences: readonly Sentence[];
}

export interface Section {
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
}

export type ChronicleKind = 'memoir' | 'biography' | 'institution';

/** A whole chronicle: a memoir, a biography or an institution's history. */
export interface Chronicle {
  readonly kind: ChronicleKind;
  readonly title: string;
  /** One line under the title saying what this is and whose world it comes from. */
  readonly subtitle: string;
  readonly subject: { readonly kind: 'person' | 'place'; readonly id: number; readonly name: string };
  readonly world: { readonly scenario: string; readonly seed: number; readonly logSha256: string };
  readonly sections: readonly Section[];
}

/** Every sentence of a chronicle, in reading order. */
export function sentencesOf(c: Chronicle): Sentence[] {
  return c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
}

/** Every event id a chronicle cites, ascending and without repeats. */
export function citedEvents(c: Chronicle): number[] {
  return [...new Set(sentencesOf(c).flatMap((s) => s.events))].sort((a, b) => a - b);
}
