/**
 * A person's chronicle (src/chronicle): their memoir, for a clone who lived to be a carer, or
 * their biography, as sentences that each carry the events they rest on, or as the chronicle's
 * own HTML page. Written on first request and kept (src/server/chronicles.ts).
 */
import { z } from 'zod';
import { toHtml } from '../../chronicle/index.js';
import { HttpError } from '../../errors.js';
import { ChronicleService, chronicleKinds, type ChronicleKind } from '../chronicles.js';
import type { ApiContext } from '../context.js';
import { idParam, oneOf } from '../params.js';
import { defineRoute, RawBody } from '../route.js';
import { CHRONICLE_KINDS, ChronicleView } from '../../api/schemas.js';

const services = new WeakMap<ApiContext, ChronicleService>();

/** The server's chronicle writer for a world, made on first use. */
export function chroniclesOf(api: ApiContext): ChronicleService {
  let s = services.get(api);
  if (!s) services.set(api, (s = new ChronicleService(api.world)));
  return s;
}

/** The page's policy: its own inline style sheet, nothing else loaded or run. */
const HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * A person's chronicle of the kind asked for, or the one they have by default (a memoir when
 * they may have one); 404 for an unknown person, and for a memoir of someone who has none to
 * tell (the kind is a valid one; this person's chronicle of it does not exist).
 */
export function chronicleFor(api: ApiContext, id: number, asked: ChronicleKind | undefined) {
  const row = api.world.person(id);
  if (!row) throw new HttpError(404, `no person has the id ${id}`);
  const kinds = chronicleKinds(row);
  const kind = asked ?? kinds[0]!;
  if (!kinds.includes(kind))
    throw Object.assign(
      new HttpError(
        404,
        `query parameter 'kind': ${row.name} (#${id}) has no memoir: only a clone who lived to be a carer or a donor tells one; ask for kind=biography`,
      ),
      { field: 'kind' },
    );
  return { row, kind, kinds, ...chroniclesOf(api).get(id, kind) };
}

export const chronicleRoutes = [
  defineRoute({
    path: '/api/people/{id}/chronicle',
    operationId: 'getPersonChronicle',
    tag: 'people',
    summary: "A person's chronicle: their memoir or biography, every sentence with the events it rests on",
    description:
      'A memoir (first person, told from the day of their notice) for a clone who lived to be a carer or donor, otherwise a biography; `kind` chooses. With `format=html`, the chronicle as a page of its own whose sentences link to `/events/{id}` and whose first sentence citing each event carries the anchor `ev-{id}`. Written on first request (well under a second) and kept.',
    params: z.strictObject({ id: idParam }),
    query: z.strictObject({
      kind: oneOf(CHRONICLE_KINDS, 'memoir or biography (default: memoir when they have one)').optional(),
      format: oneOf(['json', 'html'], 'json (default) or html').optional(),
    }),
    response: ChronicleView,
    alternatives: { 'text/html': 'with format=html: the chronicle as a standalone HTML page' },
    errors: { 404: 'no person has this id, or they have no chronicle of the kind asked for' },
    handler: ({ api, params, query }) => {
      const { row, kind, kinds, chronicle, ms, kept } = chronicleFor(api, params.id, query.kind);
      if (query.format === 'html')
        return new RawBody('text/html; charset=utf-8', toHtml(chronicle, { anchors: true }), HTML_POLICY);
      const sentences = chronicle.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
      return {
        person: { id: row.id, name: row.name },
        kind,
        kinds,
        title: chronicle.title,
        subtitle: chronicle.subtitle,
        sections: chronicle.sections.map((s) => ({
          title: s.title,
          paragraphs: s.paragraphs.map((p) => ({
            sentences: p.sentences.map((x) => ({ text: x.text, events: [...x.events], more: x.more ?? 0 })),
          })),
        })),
        sentences: sentences.length,
        cited: new Set(sentences.flatMap((x) => x.events)).size,
        writtenMs: kept ? 0 : Math.round(ms * 10) / 10,
      };
    },
  }),
];
