/** Shared helpers for the tests: small scenarios built in code, and worlds run into memory. */
import { MemorySink } from '../src/engine/memory-sink.js';
import { Scenario, type ScenarioInput } from '../src/scenario/schema.js';
import { World, type WorldSummary } from '../src/world/world.js';

/** A small, valid scenario; `patch` changes its policy or anything else. */
export function tinyScenario(patch: (s: ScenarioInput) => void = () => {}): Scenario {
  const input: ScenarioInput = {
    name: 'tiny',
    calendar: { start: '1960-01-01', end: '2010-12-31' },
    places: {
      schools: [
        {
          id: 'hailsham',
          name: 'Hailsham',
          lat: 51.0,
          lon: -0.55,
          fictional: true,
          detail: 'full',
          cohorts: { first: 1960, last: 1966, size: { min: 8, max: 14 } },
        },
        {
          id: 'other-home',
          name: 'Other Home',
          kind: 'home',
          lat: 52.5,
          lon: -1.5,
          cohorts: { first: 1961, last: 1964, size: 10 },
        },
      ],
      residences: [{ id: 'the-cottages', name: 'The Cottages', lat: 52.15, lon: -2.88 }],
      centres: [
        { id: 'dover', name: 'Dover', lat: 51.128, lon: 1.313 },
        { id: 'kingsfield', name: 'Kingsfield', lat: 51.055, lon: 0.74, fictional: true },
      ],
    },
  };
  patch(input);
  return Scenario.parse(input);
}

export interface MemoryRun {
  world: World;
  summary: WorldSummary;
  sink: MemorySink;
}

/** Runs a scenario with every event kept in memory. */
export function runInMemory(scenario: Scenario, seed: number, batchSize = 997): MemoryRun {
  const sink = new MemorySink();
  const world = new World(scenario, { seed, sink, batchSize });
  const summary = world.run();
  return { world, summary, sink };
}
