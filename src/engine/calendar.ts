/**
 * The simulated calendar: whole days counted from 1900-01-01 (day 0), converted to and from
 * proleptic Gregorian dates by integer arithmetic alone, so the world's rules never touch the
 * host's clock or time zone. Day numbers fit a Uint16 until 2079 and an Int32 for ever.
 */

/** Day 0 of the simulated calendar. */
export const EPOCH_ISO = '1900-01-01';

// Days from 0000-03-01 to 1900-01-01 in Howard Hinnant's civil-days algorithm, so day 0 is 1900-01-01.
const EPOCH_SHIFT = 693_901;

/**
 * Days since 1900-01-01 for a calendar date.
 * @example dayFromYmd(1968, 4, 23) // 24950
 */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - EPOCH_SHIFT;
}

/** The calendar date of a day number, as `[year, month, day]`. */
export function ymdFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

/** Days covered by the year table (the queue's whole range, to 2079). */
const TABLE_DAYS = 65_536;
let yearTable: Uint16Array | null = null;

/** The year of every day from 1900 to 2079, built on first use (about a millisecond). */
function years(): Uint16Array {
  if (yearTable) return yearTable;
  const t = new Uint16Array(TABLE_DAYS);
  let day = 0;
  for (let y = 1900; day < TABLE_DAYS; y++) {
    const next = Math.min(TABLE_DAYS, dayFromYmd(y + 1, 1, 1));
    t.fill(y, day, next);
    day = next;
  }
  yearTable = t;
  return t;
}

/** The year a day number falls in. */
export function yearOf(dayNumber: number): number {
  if (dayNumber >= 0 && dayNumber < TABLE_DAYS && Number.isInteger(dayNumber)) return years()[dayNumber]!;
  return ymdFromDay(dayNumber)[0];
}

/**
 * ISO 8601 date (YYYY-MM-DD) of a day number.
 * @example isoDate(0) // '1900-01-01'
 */
export function isoDate(dayNumber: number): string {
  const [y, m, d] = ymdFromDay(dayNumber);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses YYYY-MM-DD (or a bare year, meaning 1 January) into a day number; returns undefined
 * for anything that is not a real calendar date.
 */
export function parseIsoDate(text: string): number | undefined {
  const year = /^\d{4}$/.test(text) ? Number(text) : undefined;
  if (year !== undefined) return dayFromYmd(year, 1, 1);
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const dayNumber = dayFromYmd(y, mo, d);
  const back = ymdFromDay(dayNumber);
  return back[1] === mo && back[2] === d ? dayNumber : undefined;
}

/** Average days in a year, for converting durations given in years. */
export const DAYS_PER_YEAR = 365.2425;

/** Whole years between two day numbers, as a person's age is counted. */
export function ageInYears(birthDay: number, onDay: number): number {
  const [by, bm, bd] = ymdFromDay(birthDay);
  const [y, m, d] = ymdFromDay(onDay);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
