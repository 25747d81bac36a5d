/**
 * Addresses in one world database, both ways: the address of a person row, and the person at an
 * address. What src/address/index.ts computes from a key and the schools a person may belong to,
 * this reads from the world: their school first, then the school they were moved from when theirs
 * closed, then every other school. The explorer's API and the command line share it, so an
 * address printed by one opens the same life in the other.
 */
import type { PersonRow, PlaceRow, WorldDb } from '../store/reader.js';
import { eventsOfSubject, peopleWithKey } from '../store/queries.js';
import { EVENT_CODES } from '../world/event-types.js';
import { addressOf, keysOf, parseAddress } from './index.js';

/** What a person row must give for its address to be found. */
export type AddressedPerson = Pick<PersonRow, 'id' | 'kind' | 'key' | 'cohort' | 'school'>;

/** The addresses of one world's people, found on demand and kept once found. */
export class AddressBook {
  private readonly found = new Map<number, string>();
  private readonly slugById: Map<number, string>;
  private readonly schoolSlugs: string[];

  /** @param places the world's places, when the caller has read them already */
  constructor(
    private readonly world: WorldDb,
    places: readonly PlaceRow[] = world.places(),
  ) {
    this.slugById = new Map(places.map((p) => [p.id, p.slug]));
    this.schoolSlugs = places.filter((p) => p.kind === 'school' || p.kind === 'home').map((p) => p.slug);
  }

  /**
   * A person's address: found from their key by trying their school first, then the school they
   * were moved from, then every other school.
   * @example new AddressBook(w).addressOf(w.person(1038)!) // 'hailsham-1968-01' in the canon
   */
  addressOf(p: AddressedPerson): string {
    let found = this.found.get(p.id);
    if (found !== undefined) return found;
    const first: string[] = [];
    const here = p.school === null ? undefined : this.slugById.get(p.school);
    if (here) first.push(here);
    if (p.kind === 'clone') {
      // A child moved when their school closed keeps the key of the school they were born to.
      for (const r of eventsOfSubject(this.world, p.id, EVENT_CODES.transferred)) {
        const from = r.data === null ? undefined : (JSON.parse(r.data) as { from?: unknown }).from;
        const slug = typeof from === 'number' ? this.slugById.get(from) : undefined;
        if (slug) first.push(slug);
      }
    }
    found = addressOf({
      kind: p.kind,
      key: p.key,
      cohort: p.cohort,
      schools: [...new Set([...first, ...this.schoolSlugs])],
    });
    if (this.found.size > 100_000) this.found.clear();
    this.found.set(p.id, found);
    return found;
  }

  /**
   * The id of the person at an address (`hailsham-1968-01`, with or without a leading `/p/`), or
   * undefined when the text is not an address or nobody in this world is there.
   */
  find(text: string): number | undefined {
    const bare = text.startsWith('/p/') ? text.slice(3) : text;
    const a = parseAddress(bare);
    if (!a) return undefined;
    for (const key of keysOf(a)) {
      // Keys are 32-bit hashes: two people may share one, so the address must lead back.
      for (const row of peopleWithKey(this.world, key)) if (this.addressOf(row) === bare) return row.id;
    }
    return undefined;
  }
}
