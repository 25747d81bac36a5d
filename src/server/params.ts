/**
 * Builders for the query and path parameters of the API. Parameters arrive as text; each
 * builder checks the text strictly (no silent coercion of `12abc` or an empty string), turns it
 * into a value, and carries the JSON Schema the OpenAPI document shows for it. Their error
 * messages are phrased to follow the parameter's name: "limit: expected a whole number from 1
 * to 200".
 */
import { z } from 'zod';
import { parseIsoDate } from '../engine/calendar.js';

/**
 * A whole number from `min` to `max`, written in decimal digits.
 * @example wholeNumber(1, 200).parse('50') // 50
 */
export function wholeNumber(min: number, max: number, description?: string) {
  const range = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^-?\d{1,10}$/, { error: range })
    .transform(Number)
    .pipe(z.number().min(min, { error: range }).max(max, { error: range }))
    .meta({ type: 'integer', minimum: min, maximum: max, ...(description ? { description } : {}) });
}

/** A row id in a path (`/api/people/{id}`): a whole number from 0. */
export const idParam = wholeNumber(0, 2_147_483_647, 'the id');

/**
 * The JSON Schema of a date parameter: a calendar date (`format: date`, which also rules out
 * 1958-02-30) matching YYYY-MM-DD with months 01–12 and days 01–31, or a bare year. A pattern
 * alone cannot tell the length of each month; `format: date` says it to validators that check
 * formats.
 */
export const DATE_PARAM_SCHEMA = {
  type: 'string',
  maxLength: 10,
  anyOf: [
    { format: 'date', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
    { pattern: '^\\d{4}$' },
  ],
} as const;

/**
 * A calendar date as YYYY-MM-DD, or a bare year (meaning 1 January); the value is a day
 * number counted from 1900-01-01.
 */
export function dateParam(description: string) {
  const msg = 'expected a date as YYYY-MM-DD or a year such as 1985';
  return z
    .string()
    .max(10, { error: msg })
    .transform((text, ctx) => {
      const day = parseIsoDate(text);
      if (day === undefined) {
        ctx.addIssue({ code: 'custom', message: msg });
        return z.NEVER;
      }
      return day;
    })
    .meta({
      ...DATE_PARAM_SCHEMA,
      description: `${description} (YYYY-MM-DD or a year)`,
      examples: ['1985-07-01', '1990'],
    });
}

/**
 * One or more values from a fixed list, comma-separated (`type=donated,completed`).
 * @example oneOrMore(['a', 'b'], 'kinds').parse('a,b') // ['a', 'b']
 */
export function oneOrMore<const T extends string>(values: readonly T[], description: string) {
  const allowed = new Set<string>(values);
  const one = `(${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
  return z
    .string()
    .max(2000)
    .transform((text, ctx) => {
      const parts = text.split(',').filter((p) => p !== '');
      const bad = parts.find((p) => !allowed.has(p));
      if (bad !== undefined || parts.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `expected one or more of ${values.join(', ')} (comma-separated), found '${bad ?? ''}'`,
        });
        return z.NEVER;
      }
      return [...new Set(parts)] as T[];
    })
    .meta({
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      pattern: `^${one}(,${one})*$`,
      description: `${description}: one or more of ${values.join(', ')}, comma-separated`,
    });
}

/** One value from a fixed list. */
export function oneOf<const T extends string>(values: readonly [T, ...T[]], description: string) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` }).meta({ description });
}

/** The paging parameters every list accepts. */
export function paging(maxLimit = 200, defaultLimit = 50) {
  return {
    limit: wholeNumber(1, maxLimit, `how many to return (default ${defaultLimit})`)
      .optional()
      .transform((v) => v ?? defaultLimit),
    offset: wholeNumber(0, 1_000_000, 'how many to skip (default 0)')
      .optional()
      .transform((v) => v ?? 0),
  };
}
