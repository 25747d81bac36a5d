import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_NAMES, EVENT_CODES } from '../world/event-types.js';
import { describeEvent, type Names } from './describe-event.js';
import { eventData } from './event-data.js';

const names: Names = {
  person: (id) => `person ${id}`,
  place: (id) => `place ${id}`,
  item: () => undefined,
};

describe('event labels', () => {
  it('read an event payload as an object, or as nothing when it is not one', () => {
    expect(eventData<{ from: number }>('{"from":12}').from).toBe(12);
    for (const bad of [null, '', 'not json', '[1,2]', '7', 'null', '{"from":'])
      expect(eventData<{ from: number }>(bad)).toEqual({});
  });

  it('describe every type of event whatever its payload, a damaged one included', () => {
    for (const name of EVENT_TYPE_NAMES) {
      for (const data of [null, '{}', 'not json', '[]', '{"from":"x","previous":[],"works":7,"offered":1}']) {
        const e = { day: 30_000, type: EVENT_CODES[name], person: 1, other: 2, place: 3, value: 2, data };
        const label = describeEvent(e, names);
        expect(typeof label, `${name} with ${data}`).toBe('string');
        expect(label.length).toBeGreaterThan(0);
      }
    }
    const moved = {
      day: 30_000,
      type: EVENT_CODES.transferred,
      person: 1,
      other: null,
      place: 3,
      value: null,
    };
    expect(describeEvent({ ...moved, data: '{"from":9}' }, names)).toContain('when place 9 closed');
    expect(describeEvent({ ...moved, data: 'oops' }, names)).toContain('when the school closed');
  });
});
