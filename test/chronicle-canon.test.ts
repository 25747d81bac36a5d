/**
 * The canon's chronicle: Kathy H.'s memoir of examples/canon.yaml, against its golden, with
 * every storyline beat of hers cited by some sentence. Skipped until the canon scenario exists.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultNarrator, sentencesOf, toMarkdown, writeChronicle } from '../src/chronicle/index.js';
import { openWorld } from '../src/store/reader.js';
import { checkChronicle, cleanWorlds, expectGolden, worldFor } from './golden/harness.js';

const hasCanon = existsSync('examples/canon.yaml');

afterAll(() => cleanWorlds());

describe.runIf(hasCanon)('the canon chronicle', () => {
  it("Kathy H.'s memoir matches its golden and tells every beat she is in", () => {
    const file = worldFor('examples/canon.yaml');
    const world = openWorld(file);
    try {
      const kathy = defaultNarrator(world);
      expect(world.person(kathy)!.name).toBe('Kathy H.');
      const c = writeChronicle(world, { kind: 'memoir' });
      const md = toMarkdown(c);
      checkChronicle(c, file, md);
      const cited = new Set(sentencesOf(c).flatMap((s) => s.events));
      const beats = world.all<{ id: number; data: string }>(
        "SELECT e.id, e.data FROM events e JOIN event_types t ON t.code = e.type WHERE t.name = 'canon_beat' ORDER BY e.id",
      );
      const hers = beats.filter((b) => (JSON.parse(b.data) as { people: number[] }).people.includes(kathy));
      expect(
        hers.filter((b) => !cited.has(b.id)).map((b) => (JSON.parse(b.data) as { beat: string }).beat),
      ).toEqual([]);
      expectGolden('canon-memoir.md', md);
    } finally {
      world.close();
    }
  });
});
