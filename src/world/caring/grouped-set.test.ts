import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NONE } from '../../engine/recorder.js';
import { GroupedSet } from './grouped-set.js';

describe('GroupedSet', () => {
  it('holds exactly the members a plain map of sets would, through adds, removes and growth (property)', () => {
    const op = fc.record({
      add: fc.boolean(),
      person: fc.integer({ min: 0, max: 60 }),
      group: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 300, size: 'max' }),
        fc.integer({ min: 3, max: 6 }),
        (ops, stride) => {
          // Rows of `stride` words with the set's pair at offset 1, as an owner would keep them.
          let rows = new Int32Array(8 * stride).fill(NONE);
          const set = new GroupedSet(rows, stride, 1);
          const model = new Map<number, number>();
          for (const o of ops) {
            if (o.person * stride >= rows.length) {
              const grown = new Int32Array((o.person + 1) * 2 * stride).fill(NONE);
              grown.set(rows);
              rows = grown;
              set.rebind(rows);
            }
            if (o.add) {
              set.add(o.person, o.group, o.person * 100 + o.group);
              if (!model.has(o.person)) model.set(o.person, o.group);
            } else {
              set.remove(o.person);
              model.delete(o.person);
            }
          }
          for (let g = 0; g < 10; g++) {
            const members = Array.from({ length: set.size(g) }, (_, i) => set.at(g, i)).sort((a, b) => a - b);
            const expected = [...model].filter(([, mg]) => mg === g).map(([p]) => p);
            expect(members).toEqual(expected.sort((a, b) => a - b));
            // Each member keeps the tag it was added with, wherever removals moved it.
            for (let i = 0; i < set.size(g); i++) expect(set.tagAt(g, i)).toBe(set.at(g, i) * 100 + g);
          }
          for (let p = 0; p <= 60; p++) {
            if (p * stride < rows.length) expect(set.has(p)).toBe(model.has(p));
            // The words outside the set's pair are never touched.
            if (p * stride < rows.length) expect(rows[p * stride]).toBe(NONE);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
