/**
 * Small helpers of English for the chronicle: numbers and ordinals as words, lists, seasons,
 * possessives, and the names of things (a Sale's cassette, a work's title) as a writer would
 * put them in a sentence.
 */
import { ymdFromDay } from '../engine/calendar.js';

const UNITS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * A whole number in words up to ninety-nine, in digits (with commas) beyond.
 * @example numberWord(31) // 'thirty-one'
 */
export function numberWord(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n > 99) return n.toLocaleString('en-GB');
  if (n < 20) return UNITS[n]!;
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? t : `${t}-${UNITS[n % 10]!}`;
}

const ORD_UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

/**
 * An ordinal in words up to the ninety-ninth.
 * @example ordinalWord(4) // 'fourth'
 */
export function ordinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return `${n}th`;
  if (n < 20) return ORD_UNITS[n]!;
  if (n % 10 === 0) return `${TENS[n / 10]!.slice(0, -1)}ieth`;
  return `${TENS[Math.floor(n / 10)]!}-${ORD_UNITS[n % 10]!}`;
}

/** "once", "twice", "three times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${numberWord(n)} times`;
}

/** A count with its noun, in words: "one donor", "three donors". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${numberWord(n)} ${n === 1 ? noun : plural}`;
}

/**
 * Joins items as English does.
 * @example listJoin(['Ruth', 'Tommy', 'me']) // 'Ruth, Tommy and me'
 */
export function listJoin(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]!}`;
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

export type Season = 'winter' | 'spring' | 'summer' | 'autumn';

/** The season of a day (winter is December to February). */
export function seasonOf(day: number): Season {
  const m = ymdFromDay(day)[1];
  return m === 12 || m <= 2 ? 'winter' : m <= 5 ? 'spring' : m <= 8 ? 'summer' : 'autumn';
}

/** The year to name with a season: the calendar year ("the winter of 1999" is its December or its January). */
export function seasonYear(day: number): number {
  return ymdFromDay(day)[0];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function monthName(day: number): string {
  return MONTHS[ymdFromDay(day)[1] - 1]!;
}

/**
 * The possessive of a name: "Ruth's", "Kathy H.'s"; a name ending in s takes the apostrophe
 * alone: "The Harbourlights'", "Miss Barnes'".
 * @example possessive('Ruth') // "Ruth's"
 */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "a" or "an" before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(one|uni|use|eu)/i.test(word) ? 'an' : 'a';
}

const CASSETTE = /^"(.+)", songs by (.+), on cassette$/;

/** A Sale's cassette label split into album and singer, or undefined for anything else. */
export function cassetteOf(label: string): { album: string; singer: string } | undefined {
  const m = CASSETTE.exec(label);
  return m ? { album: m[1]!, singer: m[2]! } : undefined;
}

/**
 * A thing from a collection as a sentence would name it, with its article: item labels come
 * with one ("a blue toy car"); a cassette becomes "a cassette of Vera Linley's 'Slow Hours'".
 */
export function thingPhrase(label: string, kind?: string): string {
  const c = cassetteOf(label);
  if (c) return `a cassette of ${possessive(c.singer)} songs, "${c.album}"`;
  if (/^(a|an|the|some|two|three)\s/i.test(label)) return label;
  const noun = label || kind || 'thing';
  return `${article(noun)} ${noun}`;
}

/** The same thing named again, shorter: "the cassette", "the toy car". */
export function thingAgain(label: string, kind?: string): string {
  if (cassetteOf(label)) return 'the cassette';
  if (kind) return `the ${kind}`;
  return label.replace(/^(a|an|some)\s/i, 'the ');
}

/** A work's title in quotation marks, as a memoir would give it. */
export function quoted(title: string): string {
  return `"${title}"`;
}

/** Picture, poem, sculpture… as a noun phrase with an article. */
export function mediumNoun(medium: string): string {
  const m = medium.toLowerCase();
  if (m === 'picture' || m === 'painting' || m === 'drawing') return 'picture';
  if (m === 'poem' || m === 'poetry') return 'poem';
  if (m === 'sculpture') return 'sculpture';
  return m;
}

/** The first name of a clone's name ("Linda G." → "Linda"); other names are kept whole. */
export function firstNameOf(name: string): string {
  const m = /^(\S+)\s+[A-Z]\.$/.exec(name);
  return m ? m[1]! : name;
}

/**
 * A quantity as someone telling a history would put it, not as a ledger would: "a handful",
 * "about a dozen", "some forty", "some nine hundred".
 * @example roughly(915) // 'some nine hundred'
 */
export function roughly(n: number): string {
  if (n <= 1) return numberWord(Math.max(0, n));
  if (n <= 4) return numberWord(n);
  if (n <= 7) return 'a handful';
  if (n <= 15) return 'about a dozen';
  if (n < 100) return `some ${numberWord(Math.round(n / 10) * 10)}`;
  if (n < 1000) {
    const h = Math.round(n / 100);
    return h === 10 ? 'about a thousand' : `some ${UNITS[h]!} hundred`;
  }
  const k = Math.round(n / 1000);
  return k === 1 ? 'about a thousand' : `some ${numberWord(k)} thousand`;
}

/**
 * A share of a whole in words: "nearly half", "about a third", "most".
 * @example share(445, 915) // 'nearly half'
 */
export function share(part: number, whole: number): string {
  const f = whole > 0 ? part / whole : 0;
  if (f >= 0.97) return 'nearly all';
  if (f >= 0.7) return 'most';
  if (f >= 0.55) return 'more than half';
  if (f >= 0.45) return f < 0.5 ? 'nearly half' : 'about half';
  if (f >= 0.3) return 'about a third';
  if (f >= 0.2) return 'about a quarter';
  if (f >= 0.08) return 'a few';
  return 'hardly any';
}
