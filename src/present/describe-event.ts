/**
 * One line of plain English for an event, for timelines in the terminal and the explorer. It
 * is a label, not prose: the chronicle (src/chronicle) writes the prose.
 */
import { isoDate } from '../engine/calendar.js';
import { eventTypeName } from '../world/event-types.js';
import { describeSchoolEvent } from './describe-school.js';
import { eventData } from './event-data.js';

export interface Names {
  person(id: number): string;
  place(id: number): string;
  /** What a thing in someone's collection is ("a Judy Bridgewater cassette"), when known. */
  item?(id: number): string | undefined;
}

export interface DescribableEvent {
  day: number;
  type: number;
  person: number | null;
  other: number | null;
  place: number | null;
  value: number | null;
  data: string | null;
}

export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/**
 * Describes an event in a line. A payload that is not what its type promises (a file edited
 * by hand) gives a plain label rather than an error.
 * @example describeEvent(e, names) // "Ruth C. gave her 2nd donation at Dover"
 */
export function describeEvent(e: DescribableEvent, names: Names): string {
  try {
    return label(e, names);
  } catch {
    return `${eventTypeName(e.type) ?? `event of type ${e.type}`} on ${isoDate(e.day)} (its details cannot be read)`;
  }
}

function label(e: DescribableEvent, names: Names): string {
  const who = e.person !== null ? names.person(e.person) : '';
  const other = e.other !== null ? names.person(e.other) : '';
  const where = e.place !== null ? names.place(e.place) : '';
  const v = e.value ?? 0;
  switch (eventTypeName(e.type)) {
    case 'born':
      return `${who} was born, to be raised at ${where}`;
    case 'became_resident':
      return `${who} left school for ${where}`;
    case 'left_for_training':
      return `${who} left ${where} to train as a carer`;
    case 'became_donor':
      return v > 0
        ? `${who} became a donor at ${where} after ${(v / 365.2425).toFixed(1)} years as a carer`
        : `${who} became a donor at ${where}`;
    case 'carer_assigned': {
      const d = eventData<{ previous: number }>(e.data);
      const how =
        e.value === 1
          ? ' (chosen: an old friend)'
          : d.previous !== undefined
            ? ` after ${names.person(d.previous)}`
            : '';
      return `${other} became ${who}'s carer${how}`;
    }
    case 'carer_round': {
      const d = eventData<{ trips: number; donors: number[] }>(e.data);
      const n = d.donors?.length ?? 0;
      const to = n > 0 ? ` to ${n} donor${n === 1 ? '' : 's'}` : '';
      return `${who} drove ${v.toFixed(1)} km on ${d.trips ?? 0} trips${to} this month`;
    }
    case 'transferred': {
      const from = eventData<{ from: number }>(e.data).from;
      return `${who} moved to ${where} when ${typeof from === 'number' ? names.place(from) : 'the school'} closed`;
    }
    case 'canon_beat': {
      const d = eventData<{ title: string }>(e.data);
      return `storyline: ${d.title ?? 'a beat'}`;
    }
    case 'deferral_applied':
      return `${who} and ${other} asked Madame for a deferral${where ? ` at ${where}` : ''}, bringing their art (similarity ${v.toFixed(2)})`;
    case 'deferral_refused':
      return `${who} and ${other} were told there are no deferrals`;
    case 'deferral_granted':
      return `${who} and ${other} were granted a deferral of ${v} years`;
    case 'donated':
      return `${who} gave a ${ordinal(v)} donation at ${where}${other ? `, cared for by ${other}` : ''}`;
    case 'completed':
      return `${who} completed after ${v === 1 ? 'one donation' : `${v} donations`}, at ${where}`;
    case 'spared':
      return `${who} reached the last donation the policy allows (${v}) and gave no more`;
    case 'school_opened':
      return `${where} opened`;
    case 'school_closed':
      return `${where} closed for lack of funding`;
    case 'joined_staff': {
      const role = eventData<{ role: string }>(e.data).role;
      return `${who} joined ${where}${role === 'headmistress' ? ' as headmistress' : ' as a guardian'}`;
    }
    default:
      return describeSchoolEvent(e, names) ?? `event of type ${e.type} on ${isoDate(e.day)}`;
  }
}
