/**
 * Naming people as a careful writer does: the full name at first mention ("Linda G."), the
 * first name after ("Linda"), a pronoun when the person was the last of their sex named in the
 * same or the previous sentence of the paragraph (and, to open a sentence as its subject, when
 * the previous sentence's subject was that person alone), and titles kept whole ("Miss Emily",
 * "Madame"). When two people mentioned share a first name, both keep their full names. In a
 * memoir the narrator is always "I", "me" and "my".
 */
import type { Source } from './source.js';
import { firstNameOf, possessive } from './words.js';

export type Case = 'subj' | 'obj' | 'pos' | 'name' | 'full';

/** Who has been named where: global across the text, and per paragraph and sentence. */
export class NameState {
  mentioned = new Set<number>();
  /** First names in use, by the person who first had it. */
  firstOwners = new Map<string, number>();
  /** First names shared by two people mentioned: those people keep their full names. */
  clash = new Set<string>();
  /** Last person of each sex named in this paragraph. */
  last = new Map<string, number>();
  para = new Set<number>();
  prev = new Set<number>();
  cur = new Set<number>();
  /** People named as a subject ("{x} completed", "{xs} went") in the previous and this sentence. */
  prevSubjects = new Set<number>();
  subjects = new Set<number>();

  clone(): NameState {
    const s = new NameState();
    s.mentioned = new Set(this.mentioned);
    s.firstOwners = new Map(this.firstOwners);
    s.clash = new Set(this.clash);
    s.last = new Map(this.last);
    s.para = new Set(this.para);
    s.prev = new Set(this.prev);
    s.cur = new Set(this.cur);
    s.prevSubjects = new Set(this.prevSubjects);
    s.subjects = new Set(this.subjects);
    return s;
  }

  newParagraph(): void {
    this.last.clear();
    this.para.clear();
    this.prev.clear();
    this.cur.clear();
    this.prevSubjects.clear();
    this.subjects.clear();
  }

  endSentence(): void {
    this.prev = this.cur;
    this.cur = new Set();
    this.prevSubjects = this.subjects;
    this.subjects = new Set();
  }
}

const PRONOUNS: Record<string, Record<'subj' | 'obj' | 'pos', string>> = {
  female: { subj: 'she', obj: 'her', pos: 'her' },
  male: { subj: 'he', obj: 'him', pos: 'his' },
  other: { subj: 'they', obj: 'them', pos: 'their' },
};

/**
 * A third-person pronoun for a person's sex; any sex but female or male reads "they".
 * @example pronoun('male', 'pos') // 'his'
 */
export function pronoun(sex: string, c: 'subj' | 'obj' | 'pos'): string {
  return PRONOUNS[sex === 'female' || sex === 'male' ? sex : 'other']![c];
}

/** Decides how each mention of a person reads. */
export class Namer {
  constructor(
    private readonly src: Source,
    /** The first-person narrator, if the text is a memoir. */
    readonly narrator: number | null,
    /** A biography's subject: keeps the short name even when someone else shares it. */
    readonly protagonist: number | null = null,
  ) {}

  sexOf(id: number): string {
    const s = this.src.person(id)?.sex;
    return s === 'female' || s === 'male' ? s : 'other';
  }

  fullName(id: number): string {
    return this.src.person(id)?.name ?? `someone (#${id})`;
  }

  private shortName(id: number, state: NameState): string {
    const p = this.src.person(id);
    if (!p) return `someone (#${id})`;
    if (p.kind !== 'clone') return p.name;
    const first = firstNameOf(p.name);
    if (state.clash.has(first) && id !== this.protagonist) return p.name;
    return first;
  }

  /**
   * True if a mention of this person now, in case `c`, would be a pronoun: they were the last
   * of their sex named, in this sentence or the previous one. A subject pronoun carried over
   * from the previous sentence also needs that sentence's subject, where it was a person, to
   * have been this one alone: "Chrissie and Rodney took us up. Chrissie completed …", not
   * "She completed …".
   */
  wouldPronoun(id: number, state: NameState, c: 'subj' | 'obj' | 'pos'): boolean {
    if (id === this.narrator) return true;
    const sex = this.sexOf(id);
    if (sex === 'other') return false;
    // A possessive of the sentence's one subject reads as theirs even after someone else of the
    // same sex is named: "she let Kathy into her secret guard", not "into Ruth's".
    if (c === 'pos' && state.cur.has(id) && state.subjects.size === 1 && state.subjects.has(id)) return true;
    if (state.last.get(sex) !== id) return false;
    if (state.cur.has(id)) return true;
    if (!state.prev.has(id)) return false;
    const before = state.prevSubjects;
    return c !== 'subj' || before.size === 0 || (before.size === 1 && before.has(id));
  }

  /** Records people named in the subject case (alone or as a list) as the sentence's subject. */
  subject(ids: readonly number[], state: NameState): void {
    for (const id of ids) if (id !== this.narrator) state.subjects.add(id);
  }

  /** Renders a mention and records it in the state. */
  ref(id: number, c: Case, state: NameState): string {
    if (c === 'subj') this.subject([id], state);
    if (id === this.narrator && c !== 'full') {
      return c === 'subj' || c === 'name' ? 'I' : c === 'obj' ? 'me' : 'my';
    }
    const p = this.src.person(id);
    const sex = this.sexOf(id);
    let text: string;
    if (c !== 'name' && c !== 'full' && this.wouldPronoun(id, state, c)) {
      text = pronoun(sex, c);
    } else {
      if (p && p.kind === 'clone' && !state.mentioned.has(id)) {
        const first = firstNameOf(p.name);
        const owner = state.firstOwners.get(first);
        if (owner === undefined) state.firstOwners.set(first, id);
        else if (owner !== id) state.clash.add(first);
      }
      const base = c === 'full' || !state.mentioned.has(id) ? this.fullName(id) : this.shortName(id, state);
      text = c === 'pos' ? possessive(base) : base;
    }
    state.mentioned.add(id);
    state.para.add(id);
    state.cur.add(id);
    if (id !== this.narrator) state.last.set(sex, id);
    return text;
  }
}
