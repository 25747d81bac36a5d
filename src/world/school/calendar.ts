/**
 * The school calendar: when each full-detail school and residence wakes. The calendar turns on
 * the first of January; the school year starts on 5 September; social ticks fall evenly through
 * the year (each tick schedules the next); Exchanges, Sales and Madame's visits are spread
 * through the year with a little jitter, a fractional rate sometimes rounding up. School life
 * (index.ts) says what happens on each of these days.
 */
import { dayFromYmd, yearOf } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import type { Handler } from '../../engine/simulation.js';
import type { WorldContext } from '../module.js';
import type { WakeUp } from '../order.js';
import type { Purpose } from '../streams.js';
import type { SchoolSettings } from './life.js';

/** What a `school-happening` wake-up is: its code, in the low bits of its first argument. */
const HAPPENING = { exchange: 0, sale: 1, gallery: 2 } as const;

/** The handlers of the calendar's days, each woken with (day, place, n). */
export interface SchoolDays {
  calendar: Handler;
  tick: Handler;
  year: Handler;
  exchange: Handler;
  sale: Handler;
  gallery: Handler;
}

export class SchoolCalendar {
  private readonly calendar: WakeUp;
  private readonly tick: WakeUp;
  private readonly year: WakeUp;
  private readonly happening: WakeUp;

  constructor(
    private readonly ctx: WorldContext,
    private readonly school: SchoolSettings,
    days: SchoolDays,
  ) {
    this.calendar = ctx.wakeUp('school-calendar', days.calendar);
    this.tick = ctx.wakeUp('school-tick', days.tick);
    this.year = ctx.wakeUp('school-year', days.year);
    this.happening = ctx.wakeUp('school-happening', (day, a, n) => {
      const code = a & 3;
      const place = a >> 2;
      if (code === HAPPENING.exchange) days.exchange(day, place, n);
      else if (code === HAPPENING.sale) days.sale(day, place, n);
      else days.gallery(day, place, n);
    });
  }

  /** Starts a place's calendar, school year and ticks in the first year of the world. */
  start(place: number): void {
    const startYear = yearOf(this.ctx.start);
    this.nextCalendar(place, startYear, this.ctx.start);
    this.nextYear(place, startYear);
    // One tick now and then one after another: each tick schedules the next.
    this.nextTick(place, startYear * 64 - 1);
  }

  /** Schedules the calendar of `year` (its first of January, or `from` if later). */
  nextCalendar(place: number, year: number, from: number): void {
    const day = Math.max(from, dayFromYmd(year, 1, 1));
    if (day <= this.ctx.end) this.calendar.at(day, place, year);
  }

  /** Schedules the start of the school year of `year` (or the next, if that is before the world). */
  nextYear(place: number, year: number): void {
    let day = dayFromYmd(year, 9, 5);
    if (day < this.ctx.start) day = dayFromYmd(year + 1, 9, 5);
    if (day <= this.ctx.end) this.year.at(day, place, yearOf(day));
  }

  /** Schedules the tick after tick `n` (year * 64 + index), if one falls before the end. */
  nextTick(place: number, n: number): void {
    const next = this.tickAfter(n);
    if (next !== NONE) this.tick.at(this.tickDay(next), place, next);
  }

  /** Spreads the year's Exchanges, Sales and Madame's visits to a school over `year`. */
  spreadHappenings(place: number, year: number, from: number): void {
    const s = this.school;
    this.spread(place, year, from, HAPPENING.exchange, s.exchange.perYear, 0.5, 'exchange');
    this.spread(place, year, from, HAPPENING.sale, s.sale.perYear, 0.3, 'sale');
    this.spread(place, year, from, HAPPENING.gallery, s.gallery.visitsPerYear, 0.4, 'gallery');
  }

  private tickDay(n: number): number {
    const per = this.school.social.ticksPerYear;
    const year = Math.floor(n / 64);
    const i = n % 64;
    const jan1 = dayFromYmd(year, 1, 1);
    return jan1 + Math.floor(((i + 0.5) * (dayFromYmd(year + 1, 1, 1) - jan1)) / per);
  }

  /** The tick number after `n` on or after the start (and today), or NONE after the end. */
  private tickAfter(n: number): number {
    const per = this.school.social.ticksPerYear;
    let year = Math.floor((n + 1) / 64);
    let i = (n + 1) % 64;
    for (;;) {
      if (i >= per) {
        year++;
        i = 0;
      }
      const m = year * 64 + i;
      const day = this.tickDay(m);
      if (day > this.ctx.end) return NONE;
      if (day >= this.ctx.start && day >= this.ctx.sim.now) return m;
      i++;
    }
  }

  /** Spreads `perYear` happenings over a year (a fractional rate sometimes rounds up). */
  private spread(
    place: number,
    year: number,
    from: number,
    code: number,
    perYear: number,
    phase: number,
    purpose: Purpose,
  ): void {
    const key = this.ctx.places[place]!.key;
    const draw = this.ctx.streams.draw(purpose);
    const whole = Math.floor(perYear);
    const n = whole + (draw.at(key, year * 2) < perYear - whole ? 1 : 0);
    const jan1 = dayFromYmd(year, 1, 1);
    const len = dayFromYmd(year + 1, 1, 1) - jan1;
    for (let i = 0; i < n; i++) {
      const jitter = Math.floor((draw.at(key, year * 64 + i + 1) - 0.5) * Math.min(20, len / (2 * n)));
      const day = jan1 + Math.floor(((i + phase) * len) / n) + jitter;
      if (day >= from && day <= this.ctx.end) this.happening.at(day, place * 4 + code, year * 64 + i);
    }
  }
}
