/**
 * The writer: turns phrase templates into sentences while remembering everything it has
 * written, so that repetition is controlled across the whole text. It never writes the same
 * sentence twice; it penalises a template, a phrase, an opening word or a sentence length used
 * recently; and it chooses among what is left with a counter-based random stream, so the same
 * world always gives the same text.
 *
 * Template syntax: `{x}` is a slot (a person as subject, or text), `{x.obj}`, `{x.pos}`,
 * `{x.name}` and `{x.full}` are a person in other cases; `[one|other|]` chooses among
 * phrasings (an empty one is allowed). A variant that names a slot the caller did not give is
 * skipped, so optional details come for free: give `where` and the variants that say where
 * become possible.
 */
import { Stream, hashString } from '../engine/random.js';
import {
  MAX_CITED,
  type Chronicle,
  type ChronicleKind,
  type Paragraph,
  type Section,
  type Sentence,
} from './model.js';
import { NameState, type Case, type Namer } from './names.js';
import { capitalize, listJoin } from './words.js';

export type Perspective = 'first' | 'third';

/** One way of saying something; `p` limits it to memoirs (first) or biographies (third). */
export interface Variant {
  readonly t: string;
  readonly p?: Perspective;
  /** Relative weight (default 1). */
  readonly w?: number;
  /** Only inside a paragraph, never as its first sentence ("Around then …"). */
  readonly mid?: boolean;
}

export type Phrasebook = Readonly<Record<string, readonly (string | Variant)[]>>;

export interface PersonSlot {
  readonly kind: 'person';
  readonly id: number;
}
export interface PeopleSlot {
  readonly kind: 'people';
  readonly ids: readonly number[];
}
/** Text, alternatives of text (the writer picks one), a person, or a list of people. */
export type Slot = string | readonly string[] | PersonSlot | PeopleSlot | undefined | null;
export type Slots = Readonly<Record<string, Slot>>;

/** A person for a slot. */
export const who = (id: number): PersonSlot => ({ kind: 'person', id });
/** Several people for a slot, named as a list ("Ruth, Tommy and me"). */
export const group = (ids: readonly number[]): PeopleSlot => ({ kind: 'people', ids });

type Node =
  | { k: 'lit'; text: string }
  | { k: 'slot'; name: string; c: Case | 'text' }
  | { k: 'alt'; options: Node[][]; raw: string[] };

const parsed = new Map<string, Node[]>();

function parse(t: string): Node[] {
  let cached = parsed.get(t);
  if (cached) return cached;
  let i = 0;
  const seq = (stop: string): Node[] => {
    const out: Node[] = [];
    let lit = '';
    const flush = () => {
      if (lit) out.push({ k: 'lit', text: lit });
      lit = '';
    };
    while (i < t.length && !stop.includes(t[i]!)) {
      const ch = t[i]!;
      if (ch === '{') {
        flush();
        const end = t.indexOf('}', i);
        if (end < 0) throw new SyntaxError(`chronicle template: unclosed '{' in "${t}"`);
        const [name, c] = t.slice(i + 1, end).split('.');
        out.push({ k: 'slot', name: name!, c: (c as Case | undefined) ?? 'subj' });
        i = end + 1;
      } else if (ch === '[') {
        flush();
        i++;
        const options: Node[][] = [];
        const raw: string[] = [];
        for (;;) {
          const start = i;
          options.push(seq('|]'));
          raw.push(t.slice(start, i));
          if (t[i] === '|') i++;
          else if (t[i] === ']') {
            i++;
            break;
          } else throw new SyntaxError(`chronicle template: unclosed '[' in "${t}"`);
        }
        out.push({ k: 'alt', options, raw });
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    return out;
  };
  cached = seq('');
  if (i !== t.length) throw new SyntaxError(`chronicle template: stray '${t[i]}' in "${t}"`);
  parsed.set(t, cached);
  return cached;
}

const ANCHOR_SLOTS = new Set(['when', 'at']);

function slotNames(nodes: Node[], into: Set<string>): Set<string> {
  for (const n of nodes) {
    if (n.k === 'slot') into.add(n.name);
    else if (n.k === 'alt') for (const o of n.options) slotNames(o, into);
  }
  return into;
}

/** Normal form of a sentence for the never-twice rule. */
function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tidy(text: string): string {
  let s = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/,\./g, '.')
    .replace(/\.\./g, '.')
    .trim();
  s = capitalize(s);
  if (!/[.!?]["']?$/.test(s)) s += '.';
  return s;
}

function openingWord(text: string): string {
  return (/^[^A-Za-z]*([A-Za-z']+)/.exec(text)?.[1] ?? '').toLowerCase();
}

/** Four-word runs of a sentence (lower-cased, words only), for the recent-phrase penalty. */
function gramsOf(text: string): string[] {
  const w = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
  return out;
}

/** The first two words of a sentence, lower-cased: "in 1997", "the autumn". */
function startOf(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .slice(0, 2)
    .join(' ')
    .replace(/[^a-z0-9' ]/g, '');
}

function bucket(text: string): number {
  const n = text.split(' ').length;
  return n < 11 ? 0 : n < 22 ? 1 : 2;
}

export interface WriterOptions {
  kind: ChronicleKind;
  perspective: Perspective;
  seed: number;
  /** The subject's id or any number that keys the random stream. */
  key: number;
  namer: Namer;
  phrases: Phrasebook;
}

/**
 * Builds a chronicle sentence by sentence. `K` is the set of phrase keys the text may use: a
 * writer built over closed phrase tables rejects a misspelt key at compile time.
 */
export class Writer<K extends string = string> {
  readonly rng: Stream;
  readonly names: NameState = new NameState();
  private readonly sections: { title: string; paragraphs: Paragraph[] }[] = [];
  private paragraph: Sentence[] = [];
  private readonly used = new Set<string>();
  private readonly templateUses = new Map<string, { n: number; last: number }>();
  private readonly phraseUses = new Map<string, { n: number; last: number }>();
  private readonly openings: string[] = [];
  private readonly starts: string[] = [];
  /** Four-word runs written, with the sentence number they were last used in. */
  private readonly grams = new Map<string, number>();
  private readonly buckets: number[] = [];
  private count = 0;
  private readonly extra = new Map<number, number[]>();
  /** For each event cited, the paragraphs (by number) that cite it. */
  private readonly citing = new Map<number, Set<number>>();
  private paragraphs = 0;

  constructor(readonly opts: WriterOptions) {
    this.rng = new Stream(opts.seed, hashString(`chronicle/${opts.kind}`), opts.key);
  }

  get perspective(): Perspective {
    return this.opts.perspective;
  }

  /** Sentences written so far. */
  get written(): number {
    return this.count;
  }

  /** True if the person has not been named yet. */
  isNew(id: number): boolean {
    return id !== this.opts.namer.narrator && !this.names.mentioned.has(id);
  }

  /** Whenever a sentence cites `event`, it cites `also` too (a storyline beat behind an event). */
  alsoCite(event: number, also: number): void {
    this.extra.set(event, [...(this.extra.get(event) ?? []), also]);
  }

  /** How many paragraphs so far cite the event (the one in progress included). */
  paragraphsCiting(event: number): number {
    return this.citing.get(event)?.size ?? 0;
  }

  /** True if some sentence already cites the event. */
  hasCited(event: number): boolean {
    return this.citing.has(event);
  }

  /** Starts a section; the paragraph in progress ends. */
  section(title: string): void {
    this.para();
    this.sections.push({ title, paragraphs: [] });
  }

  /** Ends the paragraph in progress; pronouns start afresh. */
  para(): void {
    if (this.paragraph.length > 0) {
      if (this.sections.length === 0) this.sections.push({ title: '', paragraphs: [] });
      this.sections[this.sections.length - 1]!.paragraphs.push({ sentences: this.paragraph });
      this.paragraphs++;
    }
    this.paragraph = [];
    this.names.newParagraph();
  }

  /** Sentences in the paragraph in progress. */
  get paragraphLength(): number {
    return this.paragraph.length;
  }

  /** Picks one of several strings, preferring those used least and longest ago. */
  pick(options: readonly string[]): string {
    const live = options.filter((o) => o !== undefined);
    if (live.length === 0) return '';
    const weights = live.map((o) => this.phraseWeight(o));
    const chosen = live[this.weighted(weights)]!;
    return chosen;
  }

  private phraseWeight(p: string): number {
    const u = this.phraseUses.get(p);
    if (!u || p.trim() === '') return 1;
    const ago = this.count - u.last;
    return (ago < 6 ? 0.03 : ago < 25 ? 0.25 : 0.7) / (1 + u.n);
  }

  private weighted(weights: number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return 0;
    let r = this.rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  private render(nodes: Node[], slots: Slots, state: NameState, phrases: string[]): string | null {
    let out = '';
    let opened = false;
    for (const n of nodes) {
      // A time anchor of three words or more opening a sentence takes a comma: "The autumn I was seven, …".
      if (
        opened &&
        n.k === 'lit' &&
        n.text.startsWith(' ') &&
        out.trim().split(/\s+/).length >= 3 &&
        !out.endsWith(',')
      )
        out += ',';
      opened = n.k === 'slot' && ANCHOR_SLOTS.has(n.name) && out === '';
      if (n.k === 'lit') out += n.text;
      else if (n.k === 'alt') {
        const ok = n.options.map((o) =>
          [...slotNames(o, new Set())].every((s) => slots[s] !== undefined && slots[s] !== null),
        );
        const idx = n.options.map((_, j) => j).filter((j) => ok[j]);
        if (idx.length === 0) return null;
        const j = idx[this.weighted(idx.map((k) => this.phraseWeight(n.raw[k]!)))]!;
        phrases.push(n.raw[j]!);
        const r = this.render(n.options[j]!, slots, state, phrases);
        if (r === null) return null;
        out += r;
      } else {
        const v = slots[n.name];
        if (v === undefined || v === null) return null;
        if (typeof v === 'string') out += v;
        else if (Array.isArray(v)) {
          const options = v as readonly string[];
          // Opening a sentence, avoid the way a recent sentence opened.
          const weights = options.map(
            (o) =>
              this.phraseWeight(o) * (out === '' && this.starts.slice(-4).includes(startOf(o)) ? 0.08 : 1),
          );
          let s = options[this.weighted(weights)] ?? '';
          phrases.push(s);
          // "by in 1982" → "by 1982".
          if (/\b(by|until|from|since|before|after|of)\s*$/i.test(out)) s = s.replace(/^in /, '');
          out += s;
        } else {
          const slot = v as PersonSlot | PeopleSlot;
          const c: Case = n.c === 'text' ? 'subj' : n.c;
          if (slot.kind === 'person') out += this.opts.namer.ref(slot.id, c, state);
          else {
            if (c === 'subj') this.opts.namer.subject(slot.ids, state);
            const narrator = this.opts.namer.narrator;
            const ids = [
              ...slot.ids.filter((x) => x !== narrator),
              ...slot.ids.filter((x) => x === narrator),
            ];
            const parts = ids.map((x) =>
              x === narrator
                ? c === 'subj'
                  ? 'I'
                  : 'me'
                : this.opts.namer.ref(
                    x,
                    c === 'pos' ? 'name' : c === 'subj' || c === 'obj' ? 'name' : c,
                    state,
                  ),
            );
            out += listJoin(parts);
          }
        }
      }
    }
    return out;
  }

  /**
   * Writes one sentence from a phrasebook entry: every variant that can be filled is rendered,
   * those already written are dropped, the rest are weighed against recent use, and one is
   * chosen. Returns false when nothing new could be said.
   */
  say(key: K, slots: Slots, events: readonly number[]): boolean {
    const variants = this.opts.phrases[key];
    if (!variants) throw new RangeError(`chronicle: no phrases for '${key}'`);
    const candidates: { text: string; tkey: string; state: NameState; phrases: string[]; w: number }[] = [];
    variants.forEach((raw, i) => {
      const v: Variant = typeof raw === 'string' ? { t: raw } : raw;
      if (v.p && v.p !== this.opts.perspective) return;
      if (v.mid && this.paragraph.length === 0) return;
      const nodes = parse(v.t);
      const needed = slotNames(nodes, new Set());
      for (const s of needed) if (slots[s] === undefined || slots[s] === null) return;
      const state = this.names.clone();
      const phrases: string[] = [];
      const r = this.render(nodes, slots, state, phrases);
      if (r === null) return;
      const text = tidy(r);
      if (this.used.has(norm(text))) return;
      const tkey = `${key}#${i}`;
      let w = (v.w ?? 1) * (needed.has('mine') || needed.has('mineA') || needed.has('mineB') ? 5 : 1);
      const tu = this.templateUses.get(tkey);
      if (tu) {
        w /= 1 + 3 * tu.n;
        if (this.count - tu.last < 15) w *= 0.05;
      }
      const open = openingWord(text);
      const recent = this.openings.slice(-3);
      if (recent.includes(open)) w *= open === 'i' ? 0.4 : 0.12;
      if (this.openings[this.openings.length - 1] === open) w *= open === 'i' ? 0.5 : 0.2;
      let shared = 0;
      for (const g of gramsOf(text)) {
        const last = this.grams.get(g);
        if (last !== undefined && this.count - last < 40) shared++;
      }
      w *= Math.pow(0.3, Math.min(shared, 4));
      const start = startOf(text);
      if (start.split(' ').length >= 2 && this.starts.slice(-4).includes(start)) w *= 0.08;
      const b = bucket(text);
      if (this.buckets.length >= 2 && this.buckets.slice(-2).every((x) => x === b)) w *= 0.45;
      for (const p of phrases) w *= Math.min(1, this.phraseWeight(p) * 1.5);
      candidates.push({ text, tkey, state, phrases, w });
    });
    if (candidates.length === 0) return false;
    const c = candidates[this.weighted(candidates.map((x) => x.w))]!;
    this.commit(c.text, events, c.state, c.phrases, c.tkey);
    return true;
  }

  /** Writes a sentence given whole (a storyline's own title, say), still never twice. */
  sayText(text: string, events: readonly number[]): boolean {
    const t = tidy(text);
    if (this.used.has(norm(t))) return false;
    this.commit(t, events, this.names.clone(), [], `text:${t}`);
    return true;
  }

  private commit(
    text: string,
    events: readonly number[],
    state: NameState,
    phrases: string[],
    tkey: string,
  ): void {
    const all = [...new Set(events.flatMap((e) => [e, ...(this.extra.get(e) ?? [])]))].sort((a, b) => a - b);
    if (all.length === 0) throw new RangeError(`chronicle: the sentence "${text}" rests on no event`);
    const ids =
      all.length <= MAX_CITED
        ? all
        : Array.from(
            { length: MAX_CITED },
            (_, i) => all[Math.round((i * (all.length - 1)) / (MAX_CITED - 1))]!,
          );
    this.used.add(norm(text));
    for (const e of ids) {
      let set = this.citing.get(e);
      if (!set) this.citing.set(e, (set = new Set()));
      set.add(this.paragraphs);
    }
    const tu = this.templateUses.get(tkey);
    this.templateUses.set(tkey, { n: (tu?.n ?? 0) + 1, last: this.count });
    for (const p of phrases) {
      const u = this.phraseUses.get(p);
      this.phraseUses.set(p, { n: (u?.n ?? 0) + 1, last: this.count });
    }
    this.openings.push(openingWord(text));
    this.starts.push(startOf(text));
    for (const g of gramsOf(text)) this.grams.set(g, this.count);
    this.buckets.push(bucket(text));
    state.endSentence();
    this.copyState(state);
    this.paragraph.push(
      all.length > ids.length ? { text, events: ids, more: all.length - ids.length } : { text, events: ids },
    );
    this.count++;
  }

  /** Takes over the naming state of the sentence just written, every field of it. */
  private copyState(s: NameState): void {
    Object.assign(this.names, s);
  }

  /** The finished chronicle. */
  finish(meta: Omit<Chronicle, 'sections' | 'kind'>): Chronicle {
    this.para();
    const sections: Section[] = this.sections.filter((s) => s.paragraphs.length > 0);
    return { kind: this.opts.kind, ...meta, sections };
  }
}
