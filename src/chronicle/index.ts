/**
 * The chronicle: prose written from a world's event log, in the restrained register of the
 * book, where every sentence carries the ids of the events it rests on.
 *
 * - `memoir(src, id)`: a clone's own account, in the first person (./memoir.ts);
 * - `biography(src, id)`: anyone's life in the third person (./biography.ts);
 * - `institutionHistory(src, placeId)`: a school's, residence's or recovery centre's history
 *   (./institution.ts);
 * - `toMarkdown` and `toHtml` render any of them (./render.ts).
 *
 * The same world always gives the same text: every choice of wording is drawn from a
 * counter-based stream keyed by the world's seed and the subject.
 */
import { NotFoundError, UsageError } from '../errors.js';
import type { WorldDb } from '../store/reader.js';
import { biography } from './biography.js';
import { institutionHistory } from './institution.js';
import { memoir } from './memoir.js';
import type { Chronicle } from './model.js';
import { Source } from './source.js';

export { biography } from './biography.js';
export { institutionHistory } from './institution.js';
export { memoir, memoirPresent } from './memoir.js';
export {
  citedEvents,
  sentencesOf,
  type Chronicle,
  type Paragraph,
  type Section,
  type Sentence,
} from './model.js';
export { toHtml, toMarkdown, type IdStyle, type RenderOptions } from './render.js';
export { Source } from './source.js';

export type ChronicleRequest =
  | { kind: 'memoir'; narrator?: number }
  | { kind: 'biography'; person: number }
  | { kind: 'institution'; place: number };

/**
 * The default narrator of a world: a clone named "Kathy H." if there is one (the canon's
 * narrator), otherwise the clone of a full-detail school with the most events who lived to be a
 * carer (or, failing that, any clone with the most events).
 */
export function defaultNarrator(world: WorldDb): number {
  const kathy = world.get<{ id: number }>(
    "SELECT id FROM people WHERE kind = 'clone' AND name = 'Kathy H.' ORDER BY id LIMIT 1",
  );
  if (kathy) return kathy.id;
  // Events of the person's own: Exchanges and Sales, where everyone takes part, do not count.
  const best = world.get<{ id: number }>(
    `WITH mass AS (SELECT code FROM event_types WHERE name IN ('exchange_held', 'sale_held', 'carer_round')),
          cared AS (SELECT DISTINCT e.other AS id FROM events e JOIN event_types t ON t.code = e.type
                     WHERE t.name = 'carer_assigned' AND e.other IS NOT NULL),
          own AS (SELECT person AS who FROM events WHERE person IS NOT NULL AND type NOT IN (SELECT code FROM mass)
                  UNION ALL SELECT other FROM events WHERE other IS NOT NULL AND type NOT IN (SELECT code FROM mass)
                  UNION ALL SELECT ep.person FROM event_people ep JOIN events e ON e.id = ep.event
                             WHERE e.type NOT IN (SELECT code FROM mass))
     SELECT p.id AS id FROM people p
       JOIN places s ON s.id = p.school AND s.detail = 'full'
       JOIN own ON own.who = p.id
      WHERE p.kind = 'clone'
      GROUP BY p.id
      ORDER BY p.id IN (SELECT id FROM cared) DESC, count(*) DESC, p.id
      LIMIT 1`,
  );
  if (best) return best.id;
  const any = world.get<{ id: number }>(
    "SELECT p.id AS id FROM people p JOIN events e ON e.person = p.id WHERE p.kind = 'clone' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1",
  );
  if (!any) throw new NotFoundError(`${world.file} has no clones to narrate a memoir`);
  return any.id;
}

/**
 * Writes a chronicle of a world.
 * @example writeChronicle(openWorld('world.db'), { kind: 'memoir' })
 */
export function writeChronicle(world: WorldDb, req: ChronicleRequest): Chronicle {
  const src = new Source(world);
  switch (req.kind) {
    case 'memoir': {
      const id = req.narrator ?? defaultNarrator(world);
      const p = world.person(id);
      if (!p) throw new NotFoundError(`no person has the id ${id} in ${world.file}`);
      if (p.kind !== 'clone')
        throw new UsageError(
          `${p.name} (#${id}) is not a clone of the programme; a memoir needs a clone as narrator (try --person for a biography)`,
        );
      return memoir(src, id);
    }
    case 'biography':
      if (!world.person(req.person))
        throw new NotFoundError(`no person has the id ${req.person} in ${world.file}`);
      return biography(src, req.person);
    case 'institution':
      if (!world.place(req.place))
        throw new NotFoundError(`no place has the id ${req.place} in ${world.file}`);
      return institutionHistory(src, req.place);
  }
}
