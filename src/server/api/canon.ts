/**
 * The canon's storyline beats, for worlds run from the canon scenario. The world records each
 * beat as a `canon_beat` event (its data: the beat's id, title, kind and cast); a
 * `canon_beats` table, or JSON under the `canon_beats` key of `meta`, is read too, should a
 * module keep them there. A world without beats answers 404 with a sentence saying why, never
 * an empty placeholder.
 */
import { isoDate, parseIsoDate } from '../../engine/calendar.js';
import { defaultNarrator } from '../../chronicle/index.js';
import { DatabaseError, HttpError } from '../../errors.js';
import { hasTable, metaValue } from '../../store/queries.js';
import type { EventRow } from '../../store/reader.js';
import { EVENT_CODES } from '../../world/event-types.js';
import { chronicleKinds } from '../chronicles.js';
import type { ApiContext } from '../context.js';
import { defineRoute } from '../route.js';
import { chroniclesOf } from './chronicle.js';
import { Canon, type Canon as CanonT, type Ref } from '../../api/schemas.js';
import { columnRole, num, pick, quoteIdent, str, type Row } from '../side-tables.js';

const NO_CANON =
  'this world has no canon storyline: only worlds run from the canon scenario (examples/canon.yaml) record its beats';

/** The beats recorded as `canon_beat` events, in the order they happened. */
function beatEvents(api: ApiContext): CanonT | null {
  const code = (EVENT_CODES as Record<string, number | undefined>).canon_beat;
  if (code === undefined) return null;
  const rows = api.world.all<EventRow>('SELECT * FROM events WHERE type = ? ORDER BY day, id', code);
  if (rows.length === 0) return null;
  const data = rows.map((r) => {
    try {
      return (r.data ? JSON.parse(r.data) : {}) as {
        title?: unknown;
        kind?: unknown;
        people?: unknown;
        item?: unknown;
      };
    } catch {
      return {};
    }
  });
  const cast = data.map((d, i) =>
    Array.isArray(d.people)
      ? d.people.filter((x): x is number => typeof x === 'number')
      : [rows[i]!.person, rows[i]!.other].filter((x): x is number => x !== null),
  );
  const names = api.peopleNames(cast.flat());
  return {
    beats: rows.map((r, i) => ({
      order: i + 1,
      date: isoDate(r.day),
      title: str(data[i]!.title) ?? `Beat ${i + 1}`,
      text: typeof data[i]!.item === 'string' ? `With ${data[i]!.item}.` : null,
      event: r.id,
      people: cast[i]!.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      place: r.place === null ? null : api.placeRef(r.place),
      scene: str(data[i]!.kind),
      told: null,
    })),
  };
}

/** Reads the beats from a table or meta entry, or null when the world keeps none there. */
function canonRows(api: ApiContext): { rows: Row[]; roles: Map<string, string> } | null {
  const w = api.world;
  if (hasTable(w, 'canon_beats')) {
    const cols = w.all<{ name: string; type: string }>(
      "SELECT name, type FROM pragma_table_info('canon_beats')",
    );
    const roles = new Map(cols.map((c) => [c.name, columnRole(c.name, c.type)] as [string, string]));
    return { rows: w.all<Row>(`SELECT * FROM ${quoteIdent('canon_beats')} ORDER BY rowid`), roles };
  }
  const meta = metaValue(w, 'canon_beats');
  if (meta === undefined) return null;
  try {
    const parsed = JSON.parse(meta) as unknown;
    if (!Array.isArray(parsed)) return null;
    const rows = parsed.filter((r): r is Row => typeof r === 'object' && r !== null);
    const roles = new Map<string, string>();
    for (const r of rows)
      for (const k of Object.keys(r))
        roles.set(k, columnRole(k, typeof r[k] === 'number' ? 'INTEGER' : 'TEXT'));
    return { rows, roles };
  } catch {
    return null;
  }
}

/** The world's storyline beats, from wherever it keeps them, or null when it has none. */
export function beatsOf(api: ApiContext): CanonT | null {
  const found = canonRows(api);
  if (!found || found.rows.length === 0) return beatEvents(api);
  const { rows, roles } = found;
  const cols = (role: string) => [...roles].filter(([, r]) => r === role).map(([n]) => n);
  const personCols = cols('person');
  const dayCols = cols('day');
  const placeCols = cols('place');
  const eventCols = cols('event');
  const ids = rows
    .flatMap((r) => [
      ...personCols.map((c) => num(r[c])),
      ...(Array.isArray(r.people) ? (r.people as unknown[]).map(num) : []),
    ])
    .filter((x): x is number => x !== null);
  const names = api.peopleNames(ids);
  const beats = rows.map((r, i) => {
    const day = num(pick(r, dayCols));
    const dateText = str(pick(r, ['date']));
    const date =
      day !== null ? isoDate(day) : dateText && parseIsoDate(dateText) !== undefined ? dateText : null;
    const people: Ref[] = [
      ...personCols.map((c) => num(r[c])),
      ...(Array.isArray(r.people) ? (r.people as unknown[]).map(num) : []),
    ]
      .filter((x): x is number => x !== null)
      .map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
    const place = num(pick(r, placeCols));
    return {
      order: num(pick(r, ['ord', 'order', 'seq', 'position', 'n'])) ?? i + 1,
      date,
      title: str(pick(r, ['title', 'name', 'beat', 'label', 'slug', 'key', 'id'])) ?? `Beat ${i + 1}`,
      text: str(pick(r, ['text', 'description', 'summary', 'note', 'detail'])),
      event: num(pick(r, eventCols)),
      people: [...new Map(people.map((p) => [p.id, p])).values()],
      place: place === null ? null : api.placeRef(place),
      scene: str(pick(r, ['scene', 'chapter', 'chronicle'])),
      told: null,
    };
  });
  beats.sort((a, b) => a.order - b.order);
  return { beats };
}

/**
 * Marks each beat the narrator's memoir tells (cites its event), so the canon page can open the
 * scene: the memoir's first sentence citing an event carries the anchor `ev-<id>`.
 */
function withScenes(api: ApiContext, canon: CanonT): CanonT {
  const narrator = defaultNarrator(api.world);
  const row = api.world.person(narrator);
  if (!row || !chronicleKinds(row).includes('memoir')) return canon;
  let chronicle;
  try {
    chronicle = chroniclesOf(api).get(narrator, 'memoir').chronicle;
  } catch (e) {
    // Tables of a shape the chronicle does not read: the beats stand without their scenes.
    if (e instanceof DatabaseError) return canon;
    throw e;
  }
  const citing = new Map<number, number>();
  for (const s of chronicle.sections)
    for (const p of s.paragraphs)
      for (const x of p.sentences) for (const e of x.events) citing.set(e, (citing.get(e) ?? 0) + 1);
  const person = { id: row.id, name: row.name };
  return {
    beats: canon.beats.map((b) => {
      const n = b.event === null ? 0 : (citing.get(b.event) ?? 0);
      return { ...b, told: n > 0 ? { person, sentences: n } : null };
    }),
  };
}

const canonCache = new WeakMap<ApiContext, CanonT | null>();

export const canonRoutes = [
  defineRoute({
    path: '/api/canon',
    operationId: 'getCanon',
    tag: 'canon',
    summary: "The canon storyline's beats, in order, each with its date, people, place and event",
    response: Canon,
    errors: { 404: 'the world has no canon storyline' },
    handler: ({ api }) => {
      let beats = canonCache.get(api);
      if (beats === undefined) {
        beats = beatsOf(api);
        if (beats) beats = withScenes(api, beats);
        canonCache.set(api, beats);
      }
      if (!beats) throw new HttpError(404, NO_CANON);
      return beats;
    },
  }),
];
