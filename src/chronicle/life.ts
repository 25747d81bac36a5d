/**
 * One life read for telling: the person, their school and residence, the days of their phases,
 * every event they take part in up to the day the telling is set, and how much each other
 * person matters to them (a bond score from what they shared: a couple, a friendship, a clique,
 * caring, a trip, a quarrel). The people with the strongest bonds are the ones a memoir keeps
 * returning to.
 */
import type { EventRow, PersonRow, PlaceRow } from '../store/reader.js';
import type { LifeDates } from './time.js';
import { dataOf, type BeliefRow, type CarerRow, type CoupleRow, type Source } from './source.js';

export interface Life {
  readonly id: number;
  readonly person: PersonRow;
  readonly school: PlaceRow | undefined;
  readonly residence: PlaceRow | undefined;
  readonly dates: LifeDates;
  /** The person's events up to the present of the telling, in log order. */
  readonly events: readonly EventRow[];
  readonly beliefs: readonly BeliefRow[];
  readonly couples: readonly CoupleRow[];
  readonly carer: CarerRow | undefined;
  /** Bond scores with other people, highest first. */
  readonly bonds: ReadonlyMap<number, number>;
  /** Events of a type, by name. */
  of(type: string): EventRow[];
}

/** Events after which a life is told from (memoir: the day the narrator is given notice). */
export interface LifeOptions {
  /** The last day told; events after it are left out. */
  present?: number;
}

/**
 * Reads a person's life from the world.
 * @example const life = readLife(src, 312, { present: 37489 });
 */
export function readLife(src: Source, id: number, opts: LifeOptions = {}): Life {
  const person = src.person(id);
  if (!person) throw new RangeError(`readLife: person ${id} does not exist`);
  const present = opts.present ?? src.world.meta.endDay;
  const events = src.eventsOf(id).filter((e) => e.day <= present);
  const byType = new Map<string, EventRow[]>();
  for (const e of events) {
    const name = src.typeName(e.type);
    let list = byType.get(name);
    if (!list) byType.set(name, (list = []));
    list.push(e);
  }
  const of = (t: string) => byType.get(t) ?? [];
  const resident = of('became_resident').find((e) => e.person === id);
  const school = src.place(person.school) ?? src.place(of('born')[0]?.place);
  const residence = src.place(resident?.place);
  const cut = (d: number | null) => (d !== null && d <= present ? d : null);
  const dates: LifeDates = {
    born: person.born,
    residentOn: cut(person.resident_on),
    carerOn: cut(person.carer_on),
    donorOn: cut(person.donor_on),
    completedOn: cut(person.completed_on),
    present,
    school: school?.name ?? null,
    residence: residence?.name ?? null,
  };
  const beliefs = src.beliefsOf(id).filter((b) => b.held_from <= present);
  const couples = src.couplesOf(id).filter((c) => c.formed_on <= present);
  return {
    id,
    person,
    school,
    residence,
    dates,
    events,
    beliefs,
    couples,
    carer: src.carer(id),
    bonds: bondsOf(src, id, events, couples),
    of,
  };
}

function bondsOf(
  src: Source,
  id: number,
  events: readonly EventRow[],
  couples: readonly CoupleRow[],
): Map<number, number> {
  const score = new Map<number, number>();
  const add = (other: number | null | undefined, n: number) => {
    if (other === null || other === undefined || other === id || other < 0) return;
    const p = src.person(other);
    if (!p || p.kind !== 'clone') return;
    score.set(other, (score.get(other) ?? 0) + n);
  };
  for (const c of couples) {
    const other = c.a === id ? c.b : c.a;
    const years = ((c.ended_on ?? src.world.meta.endDay) - c.formed_on) / 365.2425;
    add(other, 12 + Math.min(years, 6) * 2);
  }
  for (const r of src.relationshipsOf(id))
    add(r.person === id ? r.other : r.person, Math.max(0, r.friendship) * 1.5);
  for (const e of events) {
    const t = src.typeName(e.type);
    const other = e.person === id ? e.other : e.person;
    switch (t) {
      case 'friendship_formed':
        add(other, 6 * (e.value ?? 0.5));
        break;
      case 'friendship_broken':
        add(other, 2);
        break;
      case 'carer_assigned':
        add(other, e.value === 1 ? 8 : 3);
        break;
      case 'completed':
      case 'donated':
        if (e.other === id) add(e.person, 0.5);
        break;
      case 'teased':
        add(other, 1.5);
        break;
      case 'rumour_heard':
        add(other, 0.4);
        break;
      case 'tantrum': {
        const d = dataOf<{ answers?: [number, string][] }>(e);
        if (e.person === id) for (const [p, a] of d?.answers ?? []) add(p, a === 'calmed' ? 1.5 : 0.3);
        else if (d?.answers?.some(([p, a]) => p === id && a === 'calmed')) add(e.person, 1.5);
        else add(e.person, 0.2);
        break;
      }
      case 'possible_trip': {
        const d = dataOf<{ party?: number[] }>(e);
        for (const p of d?.party ?? []) add(p, 3);
        break;
      }
      case 'clique_formed': {
        const d = dataOf<{ members?: number[] }>(e);
        if (e.person === id) for (const p of d?.members ?? []) add(p, 1);
        else add(e.person, 2.5);
        break;
      }
      case 'canon_beat': {
        const d = dataOf<{ people?: number[] }>(e);
        for (const p of d?.people ?? []) add(p, 4);
        break;
      }
      case 'deferral_applied':
      case 'deferral_refused':
      case 'deferral_granted':
        add(other, 6);
        break;
      default:
        break;
    }
  }
  return new Map([...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]));
}

/** The people who matter most to a life: the top bonds above a floor. */
export function keyPeople(life: Life, max = 5): number[] {
  return [...life.bonds]
    .filter(([, s]) => s >= 4)
    .slice(0, max)
    .map(([id]) => id);
}
