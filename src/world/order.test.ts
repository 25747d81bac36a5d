import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { LAST_PRIORITY, WAKE_UPS } from './order.js';
import { World } from './world.js';

describe('the order of wake-ups', () => {
  it('gives every kind its own priority, within what the queue holds', () => {
    const priorities = Object.values(WAKE_UPS);
    expect(new Set(priorities).size).toBe(priorities.length);
    for (const p of priorities) expect(p >= 0 && p <= LAST_PRIORITY).toBe(true);
  });

  it('has an entry for every kind a world with every module registers, and none unused', () => {
    const { scenario } = loadScenario('examples/canon.yaml');
    const world = new World(scenario, { seed: 1968, sink: null, hashing: false });
    const registered: string[] = [];
    for (let k = 0; ; k++) {
      const name = world.sim.kindName(k);
      if (name === `kind ${k}`) break;
      registered.push(name);
    }
    expect(registered.sort()).toEqual(Object.keys(WAKE_UPS).sort());
  });
});
