/**
 * An auditor of event logs: replays a log and lists every broken rule of the programme. The
 * property tests run it over randomly generated worlds; a scenario's pinned facts are checked
 * by it too. It reads plain rows, so it works on a database dump or an in-memory log alike.
 */
import { isoDate } from '../engine/calendar.js';
import { NONE } from '../engine/recorder.js';
import { EVENT_CODES } from './event-types.js';

export interface AuditEvent {
  id: number;
  day: number;
  type: number;
  person: number;
  other: number;
  value: number;
  cause: number;
}

export interface AuditOptions {
  maxDonations: number;
  maxDonors: number;
}

export interface Violation {
  rule: string;
  event: number;
  person: number;
  date: string;
  detail: string;
}

const PHASE_OF: Partial<Record<number, number>> = {
  [EVENT_CODES.born]: 1,
  [EVENT_CODES.became_resident]: 2,
  [EVENT_CODES.left_for_training]: 3,
  [EVENT_CODES.became_donor]: 4,
  [EVENT_CODES.completed]: 5,
};

/**
 * Replays `events` (in id order) and returns the rules they break; an empty list means none.
 * @example expect(auditLog(sink.events, { maxDonations: 4, maxDonors: 5 })).toEqual([])
 */
export function auditLog(events: readonly AuditEvent[], options: AuditOptions): Violation[] {
  const out: Violation[] = [];
  const phase = new Map<number, number>();
  const born = new Map<number, number>();
  const donations = new Map<number, number>();
  const carerOf = new Map<number, number>();
  const load = new Map<number, number>();
  let lastDay = -Infinity;
  let lastId = 0;
  const flag = (rule: string, e: AuditEvent, person: number, detail: string) =>
    out.push({ rule, event: e.id, person, date: isoDate(e.day), detail });
  const release = (donor: number) => {
    const c = carerOf.get(donor);
    if (c === undefined) return;
    carerOf.delete(donor);
    load.set(c, (load.get(c) ?? 1) - 1);
  };

  for (const e of events) {
    if (e.id <= lastId) flag('ids increase', e, e.person, `event ${e.id} follows ${lastId}`);
    lastId = e.id;
    if (e.day < lastDay) flag('the log is in time order', e, e.person, `day ${e.day} after day ${lastDay}`);
    lastDay = e.day;
    if (e.cause !== NONE && e.cause >= e.id)
      flag('a cause comes first', e, e.person, `cause ${e.cause} is not before ${e.id}`);

    for (const who of [e.person, e.other]) {
      if (who === NONE || e.type === EVENT_CODES.born) continue;
      const b = born.get(who);
      if (b !== undefined && e.day < b) flag('no event before a birth', e, who, `born on ${isoDate(b)}`);
      if (phase.get(who) === 5) flag('no event after a completion', e, who, `type ${e.type}`);
    }

    const next = PHASE_OF[e.type];
    if (next !== undefined) {
      const p = e.person;
      const cur = phase.get(p) ?? 0;
      if (e.type === EVENT_CODES.born) {
        if (cur !== 0) flag('a person is born once', e, p, 'born again');
        born.set(p, e.day);
      } else if (cur === 0) {
        // People born before the log began (guardians) have no birth event and no phases.
        flag('phases follow a birth', e, p, `phase ${next} with no birth`);
      } else if (next <= cur) {
        flag('phases never run backwards', e, p, `from ${cur} to ${next}`);
      }
      phase.set(p, next);
    }

    switch (e.type) {
      case EVENT_CODES.donated: {
        const n = (donations.get(e.person) ?? 0) + 1;
        donations.set(e.person, n);
        if (phase.get(e.person) !== 4)
          flag('only donors donate', e, e.person, `phase ${phase.get(e.person) ?? 0}`);
        if (e.value !== n)
          flag('donations are numbered in order', e, e.person, `donation ${e.value}, expected ${n}`);
        if (n > options.maxDonations)
          flag('nobody donates past the maximum', e, e.person, `donation ${n} of ${options.maxDonations}`);
        break;
      }
      case EVENT_CODES.completed: {
        const n = donations.get(e.person) ?? 0;
        if (n === 0) flag('every completion follows a donation', e, e.person, 'completed without donating');
        if (e.value !== n)
          flag('a completion counts the donations', e, e.person, `value ${e.value}, donations ${n}`);
        release(e.person);
        break;
      }
      case EVENT_CODES.became_donor: {
        // A carer who becomes a donor gives up all their donors.
        for (const [donor, c] of carerOf) if (c === e.person) release(donor);
        break;
      }
      case EVENT_CODES.carer_assigned: {
        const donor = e.person;
        const carer = e.other;
        if (phase.get(carer) !== 3)
          flag('only carers care', e, carer, `carer in phase ${phase.get(carer) ?? 0}`);
        if (phase.get(donor) !== 4)
          flag('only donors are cared for', e, donor, `phase ${phase.get(donor) ?? 0}`);
        release(donor);
        carerOf.set(donor, carer);
        const l = (load.get(carer) ?? 0) + 1;
        load.set(carer, l);
        if (l > options.maxDonors)
          flag('no carer over the cap', e, carer, `${l} donors, cap ${options.maxDonors}`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}
