/**
 * The situations worth reading, as patterns over a world's event log. Each pattern names the
 * events that make one situation (a couple asking for a deferral, a lost thing turning up in
 * Norfolk, a carer who once loved their donor), finds every match in the store with a few
 * indexed queries, and counts its opportunities: how often the world gave it the chance to
 * happen (every couple could have asked; every carer assigned could have been an old friend).
 * How rare a match is comes from those two counts (index.ts).
 */
import type { EventRow, WorldDb } from '../store/reader.js';

/** One situation found in the log. */
export interface Match {
  /** The events that make it, the scene first. */
  events: number[];
  /** The people in it, the one whose story it is first. */
  people: number[];
  day: number;
  place: number | null;
  /** Extra bits of surprise of this match within its pattern (0 when all are alike). */
  bits?: number;
}

/** A kind of situation and how to find it. */
export interface Pattern {
  key: string;
  title: string;
  /** What the pattern looks for, in a sentence. */
  description: string;
  /**
   * How many times the world gave the situation a chance, how many times it happened (when
   * more than the matches returned), and the matches: all of them, or for a kind that happens
   * by the hundred thousand the first MAX_MATCHES (the rest would rank far below).
   */
  find(log: Log): { opportunities: number; count?: number; matches: Match[] } | null;
}

/** The most matches of one kind kept as stories; the k-th is log2(k) bits less news. */
export const MAX_MATCHES = 500;

/** A world's log as the patterns read it: events of a type, counts, and plain queries. */
export class Log {
  private readonly codes: Map<string, number>;

  constructor(readonly db: WorldDb) {
    // A world says what its own codes mean.
    this.codes = new Map(
      db
        .all<{ code: number; name: string }>('SELECT code, name FROM event_types')
        .map((r) => [r.name, r.code]),
    );
  }

  /** The code of an event type, or undefined when this world has no such type. */
  code(name: string): number | undefined {
    return this.codes.get(name);
  }

  /** Every event of a type (and a further SQL condition), in order. */
  ofType(name: string, where = '', limit?: number): EventRow[] {
    const c = this.code(name);
    if (c === undefined) return [];
    return this.db.all<EventRow>(
      `SELECT * FROM events WHERE type = ?${where ? ` AND ${where}` : ''} ORDER BY id${limit ? ` LIMIT ${limit}` : ''}`,
      c,
    );
  }

  /** How many events of a type (and a further SQL condition) there are. */
  count(name: string, where = ''): number {
    const c = this.code(name);
    if (c === undefined) return 0;
    return this.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE type = ?${where ? ` AND ${where}` : ''}`,
      c,
    )!.n;
  }

  all<R>(sql: string, ...params: unknown[]): R[] {
    return this.db.all<R>(sql, ...params);
  }

  get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.db.get<R>(sql, ...params);
  }
}

function data<T>(row: EventRow): Partial<T> {
  try {
    return (row.data === null ? {} : JSON.parse(row.data)) as Partial<T>;
  } catch {
    return {};
  }
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

function single(row: EventRow, people = [row.person, row.other]): Match {
  return {
    events: [row.id],
    people: people.filter((p): p is number => p !== null),
    day: row.day,
    place: row.place,
  };
}

function tableExists(w: Log, name: string): boolean {
  return w.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name) !== undefined;
}

/** Every pattern the explorer looks for, in no particular order (rarity orders them). */
export const PATTERNS: readonly Pattern[] = [
  {
    key: 'deferral-applied',
    title: 'A couple asked for a deferral',
    description: 'Two people in love took their art to Madame and asked for a few years together.',
    find: (w) => ({
      opportunities: w.count('couple_formed'),
      matches: w.ofType('deferral_applied').map((r) => {
        const answer = w.get<{ id: number }>(
          'SELECT id FROM events WHERE cause = ? AND type IN (?, ?) ORDER BY id LIMIT 1',
          r.id,
          w.code('deferral_refused') ?? -1,
          w.code('deferral_granted') ?? -1,
        );
        return { ...single(r), events: answer ? [r.id, answer.id] : [r.id] };
      }),
    }),
  },
  {
    key: 'found-in-norfolk',
    title: 'A lost thing found in Norfolk',
    description: 'Someone found, in a Norfolk town, a thing they had lost years before (or its copy).',
    find: (w) => ({
      opportunities: w.count('item_lost'),
      matches: w.ofType('item_found').map((r) => {
        const lostOn = data<{ lostOn: number }>(r).lostOn;
        // Years between losing and finding: the longer the wait, the better the story.
        const years = typeof lostOn === 'number' ? Math.max(0, (r.day - lostOn) / 365.25) : 0;
        return { ...single(r), bits: Math.log2(1 + years) / 4 };
      }),
    }),
  },
  {
    key: 'cared-for-old-friend',
    title: 'A carer chose an old friend',
    description: 'A carer took on, as a donor, a friend from their school days.',
    find: (w) => ({
      opportunities: w.count('carer_assigned'),
      count: w.count('carer_assigned', 'value = 1'),
      matches: w
        .ofType('carer_assigned', 'value = 1', MAX_MATCHES)
        .map((r) => single(r, [r.other, r.person])),
    }),
  },
  {
    key: 'cared-for-former-partner',
    title: 'A carer cared for someone they once loved',
    description: 'A carer was assigned a donor with whom they had once been a couple.',
    find: (w) => {
      const assigned = w.code('carer_assigned');
      if (assigned === undefined) return null;
      const matches: Match[] = [];
      const lovers = new Set<number>();
      for (const c of w.ofType('couple_formed')) {
        if (c.person === null || c.other === null) continue;
        lovers.add(c.person);
        lovers.add(c.other);
        // Either may have become the other's carer, after they were together.
        for (const [donor, carer] of [
          [c.person, c.other],
          [c.other, c.person],
        ] as const)
          for (const r of w.all<EventRow>(
            // `+type`: look the donor up by person (events_person), not among every assignment.
            'SELECT * FROM events WHERE person = ? AND +type = ? AND other = ? AND id > ? ORDER BY id',
            donor,
            assigned,
            carer,
            c.id,
          ))
            matches.push({ events: [r.id, c.id], people: [carer, donor], day: r.day, place: r.place });
      }
      // The chances: carers assigned to donors who had ever been in a couple.
      let opportunities = 0;
      for (const id of lovers)
        opportunities += w.get<{ n: number }>(
          'SELECT count(*) AS n FROM events WHERE person = ? AND +type = ?',
          id,
          assigned,
        )!.n;
      return { opportunities, matches };
    },
  },
  {
    key: 'love-triangle',
    title: 'A love triangle',
    description:
      'Someone who had been a couple with one person became a couple with that person’s friend or classmate.',
    find: (w) => {
      const friends = new Set<string>();
      for (const r of w.ofType('friendship_formed'))
        if (r.person !== null && r.other !== null) friends.add(pairKey(r.person, r.other));
      // Classmates know each other whether or not the log records a friendship between them.
      const classOf = (id: number) => {
        const r = w.get<{ s: number | null; c: number | null }>(
          'SELECT school AS s, cohort AS c FROM people WHERE id = ?',
          id,
        );
        return r?.s == null || r.c == null ? null : `${r.s}:${r.c}`;
      };
      const close = (a: number, c: number) => {
        if (friends.has(pairKey(a, c))) return true;
        const k = classOf(a);
        return k !== null && k === classOf(c);
      };
      const partners = new Map<number, EventRow[]>();
      const matches: Match[] = [];
      let opportunities = 0;
      for (const r of w.ofType('couple_formed')) {
        if (r.person === null || r.other === null) continue;
        for (const [b, c] of [
          [r.person, r.other],
          [r.other, r.person],
        ] as const) {
          // b takes up with c after an earlier couple with a: a triangle when a and c are friends.
          for (const earlier of partners.get(b) ?? []) {
            opportunities++;
            const a = earlier.person === b ? earlier.other! : earlier.person!;
            if (a !== c && close(a, c))
              matches.push({ events: [r.id, earlier.id], people: [b, a, c], day: r.day, place: r.place });
          }
        }
        for (const p of [r.person, r.other]) partners.set(p, [...(partners.get(p) ?? []), r]);
      }
      return { opportunities: Math.max(opportunities, matches.length), matches };
    },
  },
  {
    key: 'rumour-came-true',
    title: 'A rumour that turned out true',
    description: 'Someone guessed at what they were or what awaited them, and they were right.',
    find: (w) => {
      if (!tableExists(w, 'propositions')) return null;
      const truth = new Map(
        w
          .all<{ p: string; v: string; t: number | null }>(
            'SELECT proposition AS p, version AS v, truth AS t FROM propositions',
          )
          .map((r) => [`${r.p}:${r.v}`, r.t]),
      );
      const started = w.ofType('rumour_started');
      const byProposition = new Map<string, number>();
      for (const r of started) {
        const p = data<{ p: string }>(r).p ?? '';
        byProposition.set(p, (byProposition.get(p) ?? 0) + 1);
      }
      const matches: Match[] = [];
      for (const r of started) {
        const d = data<{ p: string; v: string }>(r);
        if (truth.get(`${d.p}:${d.v}`) !== 1) continue;
        // A true guess about something rarely guessed at says more.
        const share = (byProposition.get(d.p ?? '') ?? 1) / started.length;
        matches.push({ ...single(r), bits: -Math.log2(share) / 4 });
      }
      return { opportunities: started.length, matches };
    },
  },
  {
    key: 'right-possible',
    title: 'A possible who was the one',
    description: 'On a trip to find someone’s original, the person they saw really was their model.',
    find: (w) => ({
      opportunities: w.count('possible_seen'),
      matches: w
        .ofType('possible_seen')
        .filter((r) => data<{ right: boolean }>(r).right === true)
        .map((r) => single(r, [r.person])),
    }),
  },
  {
    key: 'spoke-plainly',
    title: 'A guardian spoke plainly',
    description: 'A guardian told a class what their lives would be, in so many words.',
    find: (w) => ({
      opportunities: w.get<{ n: number }>("SELECT count(*) AS n FROM people WHERE kind = 'guardian'")!.n,
      matches: w.ofType('guardian_spoke_plainly').map((r) => single(r, [r.person])),
    }),
  },
  {
    key: 'completed-at-first',
    title: 'Completed at the first donation',
    description: 'A donor who completed at their very first donation.',
    find: (w) => ({
      opportunities: w.count('completed'),
      count: w.count('completed', 'value = 1'),
      matches: w.ofType('completed', 'value = 1', MAX_MATCHES).map((r) => single(r, [r.person])),
    }),
  },
  {
    key: 'spared',
    title: 'Spared',
    description: 'A donor who gave every donation the policy allows and lived on.',
    find: (w) => ({
      opportunities: w.count('became_donor'),
      matches: w.ofType('spared').map((r) => single(r, [r.person])),
    }),
  },
  {
    key: 'outburst-about-originals',
    title: 'An outburst about the originals',
    description: 'After a trip to find a possible, someone said out loud where they believed they came from.',
    find: (w) => ({
      opportunities: w.count('possible_trip'),
      matches: w.ofType('outburst').map((r) => single(r, [r.person])),
    }),
  },
];
