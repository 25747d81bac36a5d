import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { PERSON_KINDS } from '../world/phases.js';
import { World } from '../world/world.js';
import { addressOf, formatAddress, keysOf, parseAddress, type Address } from './index.js';

/** Every person of a world: their address, and whether it leads back to their key. */
function addressesOf(file: string, seed: number): { world: World; address: string[] } {
  const { scenario } = loadScenario(file);
  const world = new World(scenario, { seed, sink: null });
  world.run();
  const p = world.people;
  const schools = world.places.filter((x) => x.cohorts !== null || x.kind === 'school').map((x) => x.slug);
  const address: string[] = [];
  for (let id = 0; id < p.count; id++) {
    const here = world.places[p.school(id)]?.slug;
    address.push(
      addressOf({
        kind: PERSON_KINDS[p.kind(id)] ?? 'clone',
        key: p.key(id),
        cohort: p.kind(id) === 0 ? p.cohort(id) : null,
        schools: here ? [here, ...schools.filter((s) => s !== here)] : schools,
      }),
    );
  }
  return { world, address };
}

describe('addresses', () => {
  it('formatAddress() and parseAddress() are inverses', () => {
    const cases: Address[] = [
      { kind: 'clone', school: 'hailsham', cohort: 1968, place: 1 },
      { kind: 'clone', school: 'kingsfield-home', cohort: 1971, place: 312 },
      { kind: 'staff', school: 'hailsham', place: 3 },
      { kind: 'madame' },
      { kind: 'key', key: 0xdeadbeef },
    ];
    for (const a of cases) expect(parseAddress(formatAddress(a))).toEqual(a);
    expect(formatAddress(cases[0]!)).toBe('hailsham-1968-01');
    for (const bad of ['', 'Hailsham-1968-01', 'hailsham-1968-00', 'hailsham-68-1', '../etc', 'k-12']) {
      expect(parseAddress(bad), bad).toBeUndefined();
    }
  });

  it('every person of small.yaml seed 7 has an address that leads back to their key', () => {
    const { world, address } = addressesOf('examples/small.yaml', 7);
    const p = world.people;
    const seen = new Set<string>();
    for (let id = 0; id < p.count; id++) {
      const a = parseAddress(address[id]!);
      expect(a, address[id]).toBeDefined();
      expect(keysOf(a!), address[id]).toContain(p.key(id));
      // Only a person without a plan falls back to the key.
      if (p.kind(id) === 0 || p.kind(id) === 1) expect(a!.kind, address[id]).not.toBe('key');
      expect(seen.has(address[id]!), `two people at ${address[id]}`).toBe(false);
      seen.add(address[id]!);
    }
  });

  it('the canon’s cast have the same address in the canon and in a what-if of it', () => {
    const cast = (file: string) => {
      const { world, address } = addressesOf(file, 1968);
      const out = new Map<string, string>();
      for (let id = 0; id < world.people.count; id++)
        if (['Kathy H.', 'Ruth', 'Tommy D.', 'Miss Emily', 'Madame'].includes(world.name(id)))
          out.set(world.name(id), address[id]!);
      return out;
    };
    const canon = cast('examples/canon.yaml');
    expect(canon.get('Kathy H.')).toBe('hailsham-1968-01');
    expect(canon.get('Madame')).toBe('madame');
    expect(canon.get('Miss Emily')).toBe('hailsham-staff-01');
    expect(cast('examples/whatif/canon-deferrals-granted.yaml')).toEqual(canon);
  });
});
