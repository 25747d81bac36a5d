/**
 * Time anchors: how a life's days are placed in prose. A writer rarely gives a date; she says
 * "the winter we were thirteen", "that last summer at the Cottages", "in my fourth year as a
 * carer", "a few weeks later". A clock knows the subject's phases and offers several anchors
 * for a day (and relative ones when the previous anchor of the paragraph is given); the writer
 * chooses among them so that no phrasing wears out.
 */
import { ageInYears, yearOf, ymdFromDay } from '../engine/calendar.js';
import { pronoun } from './names.js';
import type { Perspective } from './writer.js';
import { numberWord, ordinalWord, seasonOf, seasonYear, type Season } from './words.js';

export interface LifeDates {
  born: number;
  residentOn: number | null;
  carerOn: number | null;
  donorOn: number | null;
  completedOn: number | null;
  /** The day the telling is set (a memoir's present), or the end of the log. */
  present: number;
  school: string | null;
  residence: string | null;
}

export type Phase = 'school' | 'residence' | 'caring' | 'donor' | 'after';

/** A place's name as it reads mid-sentence: "The Cottages" becomes "the Cottages". */
export function inText(name: string): string {
  return name.replace(/^The /, 'the ');
}

const NEXT: Record<Season, Season> = {
  winter: 'spring',
  spring: 'summer',
  summer: 'autumn',
  autumn: 'winter',
};

export class Clock {
  private readonly first: boolean;
  private readonly he: string;
  private readonly his: string;

  /**
   * @param grownUp a life not lived through the programme's phases (a guardian, Madame): its
   *   days are anchored by season and year only, never by the age of a pupil
   */
  constructor(
    readonly d: LifeDates,
    readonly perspective: Perspective,
    sex: string,
    private readonly grownUp = false,
  ) {
    this.first = perspective === 'first';
    this.he = this.first ? 'I' : pronoun(sex, 'subj');
    this.his = this.first ? 'my' : pronoun(sex, 'pos');
  }

  age(day: number): number {
    return ageInYears(this.d.born, day);
  }

  phase(day: number): Phase {
    const d = this.d;
    if (d.completedOn !== null && day >= d.completedOn) return 'after';
    if (d.donorOn !== null && day >= d.donorOn) return 'donor';
    if (d.carerOn !== null && day >= d.carerOn) return 'caring';
    if (d.residentOn !== null && day >= d.residentOn) return 'residence';
    return 'school';
  }

  /** Whole years of caring by a day. */
  caringYears(day: number): number {
    return this.d.carerOn === null ? 0 : Math.floor((day - this.d.carerOn) / 365.2425);
  }

  /** Anchors for a day, absolute ones always, relative ones when `prev` (a day) is given. */
  at(day: number, prev?: number): string[] {
    const out = [...this.absolute(day)];
    if (prev !== undefined) out.push(...this.relative(day, prev));
    return out;
  }

  /** Only relative anchors, or absolute ones if none fits. */
  after(day: number, prev: number): string[] {
    const r = this.relative(day, prev);
    return r.length > 0 ? r : this.absolute(day);
  }

  private relative(day: number, prev: number): string[] {
    const diff = day - prev;
    const s = seasonOf(day);
    const out: string[] = [];
    if (diff < 0) return out;
    if (diff < 10) out.push('a few days later', 'within the week');
    else if (diff < 50) out.push('a few weeks later', 'some weeks later');
    else if (diff < 120 && seasonOf(prev) === s) out.push(`later that ${s}`, `that same ${s}`);
    else if (diff < 200)
      out.push(
        yearOf(prev) === yearOf(day)
          ? 'later that year'
          : seasonOf(prev) !== s && NEXT[seasonOf(prev)] === s
            ? `the following ${s}`
            : 'some months later',
      );
    else if (diff < 450)
      out.push('a year later', `the next ${s}`, this.first ? 'a year on' : 'about a year after that');
    else if (diff < 1100) {
      const n = Math.round(diff / 365.2425);
      out.push(
        n <= 1 ? 'a year or so later' : `${numberWord(n)} years later`,
        n <= 1 ? 'the year after' : 'a couple of years later',
      );
    } else out.push('years later', `${numberWord(Math.round(diff / 365.2425))} years on`);
    return out;
  }

  private absolute(day: number): string[] {
    const d = this.d;
    const s = seasonOf(day);
    const a = this.age(day);
    const aw = numberWord(a);
    const y = seasonYear(day);
    const out: string[] = [];
    const phase = this.phase(day);
    if (this.grownUp) out.push(`in the ${s} of ${y}`, `in ${yearOf(day)}`);
    else if (phase === 'school') {
      const school = d.school ?? 'school';
      const lastYear = d.residentOn !== null && d.residentOn - day < 330;
      if (this.first) {
        out.push(`the ${s} we were ${aw}`, `when I was ${aw}`, `the ${s} I was ${aw}`);
        if (a <= 7)
          out.push(
            'when we were still small',
            'in our first years there',
            'while we were still in the Juniors',
          );
        else if (a <= 10) out.push(`the year we were ${aw}`);
        else if (a >= 12 && a <= 15) out.push(`when we were ${aw} or so`);
        if (a >= 13) out.push('once we were Seniors');
        if (lastYear)
          out.push(
            `in our last year at ${inText(school)}`,
            `that last ${s} at ${inText(school)}`,
            `the ${s} before we left`,
          );
      } else {
        out.push(`the ${s} ${this.he} was ${aw}`, `in the ${s} of ${y}`, `in ${yearOf(day)}`);
        if (lastYear) out.push(`in ${this.his} last year at ${inText(school)}`);
      }
    } else if (phase === 'residence') {
      const res = inText(d.residence ?? 'the Cottages');
      const since = day - d.residentOn!;
      const left = d.carerOn !== null ? d.carerOn - day : Infinity;
      if (since < 365) out.push(`in ${this.first ? 'our' : this.his} first ${s} at ${res}`);
      if (since < 100) out.push(`soon after ${this.first ? 'we' : this.he} arrived at ${res}`);
      if (left < 240)
        out.push(`that last ${s} at ${res}`, `in ${this.first ? 'our' : this.his} last months at ${res}`);
      if (since >= 365 && left >= 240) {
        const n = Math.floor(since / 365.2425) + 1;
        out.push(
          `in ${this.first ? 'our' : this.his} ${ordinalWord(n)} year at ${res}`,
          `the ${s} ${this.first ? 'we were' : `${this.he} was`} ${aw}`,
        );
      }
      if (!this.first) out.push(`in the ${s} of ${y}`);
    } else if (phase === 'caring') {
      const n = this.caringYears(day);
      // Near a memoir's present, a day is told from the present ("this past autumn"), never as
      // a date, so that one season is not dated two ways in one text.
      const near = this.first ? this.nearPresent(day) : [];
      out.push(`in ${this.his} ${ordinalWord(n + 1)} year as a carer`);
      if (near.length === 0) out.push(`in the ${s} of ${y}`);
      if (!this.first) out.push(`in ${yearOf(day)}`);
      out.push(...near);
    } else {
      const near = this.first ? this.nearPresent(day) : [];
      if (near.length === 0) out.push(`in the ${s} of ${y}`);
      if (!this.first) out.push(`in ${yearOf(day)}`);
      out.push(...near);
    }
    return out;
  }

  /**
   * Anchors that count back from a memoir's present, by seasons: "last autumn" is the most
   * recent autumn before it, "the autumn before last" the one before that.
   */
  private nearPresent(day: number): string[] {
    const ago = this.d.present - day;
    const s = seasonOf(day);
    if (ago < 0) return [];
    if (ago < 40) return ['a few weeks ago', 'only the other week'];
    const seasons = seasonIndex(this.d.present) - seasonIndex(day);
    if (seasons === 0) return [`earlier this ${s}`];
    if (seasons < 4) return [`this past ${s}`, `last ${s}`];
    if (seasons < 8) return [`the ${s} before last`, ...(ago < 550 ? ['a year or so ago'] : [])];
    return [];
  }
}

/** Seasons counted from the calendar's start; a December and the January after share one. */
function seasonIndex(day: number): number {
  const [y, m] = ymdFromDay(day);
  return Math.floor((12 * y + m) / 3);
}
