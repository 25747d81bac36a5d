/**
 * One paired comparison: a base world and a what-if world run with the same seed, so that each
 * person's random draws are the same in both wherever the policy does not touch them. Lives are
 * matched by identity (kind, cohort year and the person's stable key, itself a hash of the
 * school they were born to, the cohort and their place in it), and each matched
 * life is walked event by event in both logs to find where it first differs.
 *
 * Two events are the same when their day, type, value, place and counterpart (matched by
 * identity) agree. Payloads are not compared: they may hold person or event ids, which need not
 * agree between worlds; a change that matters shows in those columns too.
 */
import { isoDate, DAYS_PER_YEAR, yearOf } from '../engine/calendar.js';
import { NONE } from '../engine/recorder.js';
import { LifeSink, TeeSink } from '../ensemble/lives.js';
import { measure, type ReporterSet, type Value } from '../ensemble/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { describeEvent, type Names } from '../present/describe-event.js';
import { EVENT_TYPES, eventTypeName } from '../world/event-types.js';
import {
  KIND_CLONE,
  PERSON_KINDS,
  PHASE_CARER,
  PHASE_COMPLETED,
  PHASE_DONOR,
  PHASE_RESIDENT,
  PHASE_STUDENT,
} from '../world/phases.js';
import { World, type WorldSummary } from '../world/world.js';
import { ColumnarLog, LifeIndex, ROLE_OTHER, ROLE_SUBJECT } from './log.js';

/** A world run for comparison: its log indexed by life, and each person's identity. */
export interface ComparedWorld {
  world: World;
  summary: WorldSummary;
  lives: LifeSink;
  log: ColumnarLog;
  index: LifeIndex;
  /** identity[id]: kind, cohort and key, the same for the same person in both worlds. */
  identity: string[];
  byIdentity: Map<string, number>;
  names: Names;
}

/**
 * Runs a scenario in memory, keeping the log, and indexes it.
 * @example const w = runForComparison(loaded.scenario, 7)
 */
export function runForComparison(scenario: Scenario, seed: number): ComparedWorld {
  const lives = new LifeSink();
  const log = new ColumnarLog();
  const world = new World(scenario, { seed, sink: new TeeSink(lives, log) });
  const summary = world.run();
  const p = world.people;
  const identity: string[] = new Array<string>(p.count);
  const byIdentity = new Map<string, number>();
  for (let id = 0; id < p.count; id++) {
    // Not the school: a student moved when theirs closes keeps their key but not their school.
    let ident = `${PERSON_KINDS[p.kind(id)] ?? p.kind(id)}:${p.cohort(id)}:${p.key(id).toString(16)}`;
    // Keys are 32-bit hashes of school, cohort and place in it; in a national world two of a
    // cohort may meet, so later ones are numbered.
    if (byIdentity.has(ident)) {
      let n = 2;
      while (byIdentity.has(`${ident}#${n}`)) n++;
      ident = `${ident}#${n}`;
    }
    identity[id] = ident;
    byIdentity.set(ident, id);
  }
  const names: Names = {
    person: (id) => world.name(id),
    place: (id) => world.places[id]?.name ?? `place ${id}`,
  };
  return { world, summary, lives, log, index: new LifeIndex(log, p.count), identity, byIdentity, names };
}

/** How a life ended (or stood at the end of the run) in one world. */
export interface Outcome {
  phase: string;
  donations: number;
  /** Completion date, or null. */
  completed: string | null;
  /** Age in whole years at completion, or at the end of the run. */
  age: number;
  text: string;
}

/** What one world says at the point where a life first differs. */
export interface DivergenceSide {
  /** The first differing event in words, or null if the life has no more events here. */
  event: string | null;
  type: string | null;
  date: string | null;
  outcome: Outcome;
}

/** A life that differs between the worlds. */
export interface LifeDivergence {
  identity: string;
  name: string;
  kind: string;
  school: string;
  cohort: number | null;
  /** True for people the scenario names (the canon's cast). */
  named: boolean;
  /** Date of the first difference. */
  date: string;
  day: number;
  base: DivergenceSide;
  whatif: DivergenceSide;
  /**
   * When both first differing events read alike, what tells them apart (e.g. 'value 5 → 7',
   * 'with Barry C. → with Vincent L.'); empty otherwise.
   */
  differs: string;
}

/** Lives in one world only (e.g. cohorts born only because a school stayed open). */
export interface UnmatchedLives {
  count: number;
  examples: { identity: string; name: string; school: string; cohort: number | null; outcome: string }[];
}

/** Everything a single-seed comparison finds. */
export interface SeedComparison {
  seed: number;
  lives: { base: number; whatif: number; matched: number };
  /** Lives whose own events differ, sorted: the named first, then by date, then name. */
  diverged: LifeDivergence[];
  /** Lives whose own events are alike but whose part in others' differs (carers whose donors changed). */
  touched: LifeDivergence[];
  onlyBase: UnmatchedLives;
  onlyWhatif: UnmatchedLives;
  /** The earliest first difference of any life (date and who), or null when none differs. */
  firstDifference: { date: string; name: string } | null;
  /** Counts of (first differing event in base → in what-if) among diverged lives. */
  transitions: { base: string; whatif: string; count: number }[];
  logSha256: { base: string; whatif: string };
  /** The two worlds' run rows (columns as in the report). */
  runs: { base: Value[]; whatif: Value[] };
}

function phaseWord(phase: number): string {
  switch (phase) {
    case PHASE_STUDENT:
      return 'student';
    case PHASE_RESIDENT:
      return 'resident';
    case PHASE_CARER:
      return 'carer';
    case PHASE_DONOR:
      return 'donor';
    case PHASE_COMPLETED:
      return 'completed';
    default:
      return 'none';
  }
}

/** A life's outcome in a world, in a short phrase. */
export function outcomeOf(w: ComparedWorld, id: number): Outcome {
  const p = w.world.people;
  const phase = p.phase(id);
  const n = p.donations(id);
  const born = p.born(id);
  const endDay = phase === PHASE_COMPLETED ? p.phaseDay(id) : w.world.end;
  const age = Math.floor((endDay - born) / DAYS_PER_YEAR);
  const don = n === 1 ? 'one donation' : `${n} donations`;
  let text: string;
  if (p.kind(id) !== KIND_CLONE) {
    const kind = PERSON_KINDS[p.kind(id)] ?? 'person';
    text =
      kind === 'madame' ? 'Madame' : kind === 'original' ? 'an original, outside the programme' : `a ${kind}`;
  } else if (phase === PHASE_COMPLETED) text = `completed after ${don} in ${yearOf(endDay)}, aged ${age}`;
  else if (phase === PHASE_DONOR) {
    text =
      n >= w.world.maxDonations
        ? `spared after ${don}, alive at the end aged ${age}`
        : `a donor at the end (${n === 0 ? 'no donations yet' : don}), aged ${age}`;
  } else text = `a ${phaseWord(phase)} at the end, aged ${age}`;
  return {
    phase: phaseWord(phase),
    donations: n,
    completed: phase === PHASE_COMPLETED ? isoDate(endDay) : null,
    age,
    text,
  };
}

function describeAt(w: ComparedWorld, e: number): string {
  const log = w.log;
  const ev = {
    day: log.day[e]!,
    type: log.type[e]!,
    person: log.person[e] === NONE ? null : log.person[e]!,
    other: log.other[e] === NONE ? null : log.other[e]!,
    place: log.place[e] === NONE ? null : log.place[e]!,
    value: log.value[e]!,
    data: log.data[e] ?? null,
  };
  const text = describeEvent(ev, w.names);
  if (!text.startsWith('event of type')) return text;
  // A type the describer does not know yet: say what the type is, with its people.
  const name = eventTypeName(ev.type);
  const what = name
    ? EVENT_TYPES[name].description.replace(/^An? /, '').replace(/^./, (c) => c.toLowerCase())
    : `event ${ev.type}`;
  const who = [ev.person, ev.other].filter((x): x is number => x !== null).map((x) => w.names.person(x));
  return `${what}${who.length ? ` (${who.join(', ')})` : ''}`;
}

function signature(w: ComparedWorld, e: number, role: number): string {
  const log = w.log;
  const counterpart = role === ROLE_SUBJECT ? log.other[e]! : log.person[e]!;
  const place = log.place[e]!;
  return `${log.day[e]}|${log.type[e]}|${log.value[e]}|${role}|${place === NONE ? '-' : (w.world.places[place]?.slug ?? place)}|${counterpart === NONE ? '-' : w.identity[counterpart]}`;
}

/** Index (within the life's entries) of the first difference, or -1; `own` skips the other-party entries. */
function firstDifference(
  a: ComparedWorld,
  ia: number,
  b: ComparedWorld,
  ib: number,
  own: boolean,
): [number, number] | null {
  const sa = a.index.offsets[ia]!;
  const ea = a.index.offsets[ia + 1]!;
  const sb = b.index.offsets[ib]!;
  const eb = b.index.offsets[ib + 1]!;
  let i = sa;
  let j = sb;
  for (;;) {
    if (own) {
      while (i < ea && a.index.roles[i] === ROLE_OTHER) i++;
      while (j < eb && b.index.roles[j] === ROLE_OTHER) j++;
    }
    if (i >= ea && j >= eb) return null;
    if (i >= ea || j >= eb) return [i, j];
    const ra = a.index.roles[i]!;
    const rb = b.index.roles[j]!;
    if (signature(a, a.index.events[i]!, ra) !== signature(b, b.index.events[j]!, rb)) return [i, j];
    i++;
    j++;
  }
}

function side(w: ComparedWorld, id: number, at: number): DivergenceSide {
  const end = w.index.offsets[id + 1]!;
  if (at >= end) return { event: null, type: null, date: null, outcome: outcomeOf(w, id) };
  const e = w.index.events[at]!;
  const name = w.world.name(id);
  const text = describeAt(w, e);
  return {
    // The life's own name is said once, at the head of the line.
    event: text.startsWith(`${name} `) ? text.slice(name.length + 1) : text,
    type: eventTypeName(w.log.type[e]!) ?? String(w.log.type[e]),
    date: isoDate(w.log.day[e]!),
    outcome: outcomeOf(w, id),
  };
}

function divergence(
  base: ComparedWorld,
  ib: number,
  whatif: ComparedWorld,
  iw: number,
  at: [number, number],
): LifeDivergence {
  const p = base.world.people;
  const bs = side(base, ib, at[0]);
  const ws = side(whatif, iw, at[1]);
  const dayOf = (w: ComparedWorld, id: number, k: number) =>
    k < w.index.offsets[id + 1]! ? w.log.day[w.index.events[k]!]! : Infinity;
  const day = Math.min(dayOf(base, ib, at[0]), dayOf(whatif, iw, at[1]));
  let differs = '';
  if (bs.event !== null && bs.event === ws.event && bs.date === ws.date) {
    const eb = base.index.events[at[0]]!;
    const ew = whatif.index.events[at[1]]!;
    const rb = base.index.roles[at[0]]!;
    const rw = whatif.index.roles[at[1]]!;
    const parts: string[] = [];
    if (base.log.value[eb] !== whatif.log.value[ew])
      parts.push(`value ${base.log.value[eb]} → ${whatif.log.value[ew]}`);
    const who = (w: ComparedWorld, e: number, r: number) => {
      const c = r === ROLE_SUBJECT ? w.log.other[e]! : w.log.person[e]!;
      return c === NONE ? 'no one' : w.world.name(c);
    };
    const cb = who(base, eb, rb);
    const cw = who(whatif, ew, rw);
    if (cb !== cw) parts.push(`with ${cb} → with ${cw}`);
    if (rb !== rw) parts.push('a different part in it');
    const pb = base.log.place[eb]!;
    const pw = whatif.log.place[ew]!;
    if (base.world.places[pb]?.slug !== whatif.world.places[pw]?.slug) {
      parts.push(`at ${base.names.place(pb)} → at ${whatif.names.place(pw)}`);
    }
    differs = parts.join('; ');
  }
  return {
    identity: base.identity[ib]!,
    name: base.world.name(ib),
    kind: PERSON_KINDS[p.kind(ib)] ?? 'person',
    school: base.world.places[p.school(ib)]?.name ?? '?',
    cohort: p.kind(ib) === KIND_CLONE ? p.cohort(ib) : null,
    named: p.namedAs.has(ib),
    date: Number.isFinite(day) ? isoDate(day) : '',
    day: Number.isFinite(day) ? day : 0,
    base: bs,
    whatif: ws,
    differs,
  };
}

function unmatched(from: ComparedWorld, to: ComparedWorld, limit: number): UnmatchedLives {
  const out: UnmatchedLives = { count: 0, examples: [] };
  const p = from.world.people;
  for (let id = 0; id < p.count; id++) {
    if (to.byIdentity.has(from.identity[id]!)) continue;
    out.count++;
    if (out.examples.length < limit) {
      out.examples.push({
        identity: from.identity[id]!,
        name: from.world.name(id),
        school: from.world.places[p.school(id)]?.name ?? '?',
        cohort: p.kind(id) === KIND_CLONE ? p.cohort(id) : null,
        outcome: outcomeOf(from, id).text,
      });
    }
  }
  return out;
}

function order(a: LifeDivergence, b: LifeDivergence): number {
  if (a.named !== b.named) return a.named ? -1 : 1;
  return (
    a.day - b.day || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.identity < b.identity ? -1 : 1)
  );
}

/**
 * Compares two already-run worlds life by life.
 * @example comparePair(runForComparison(base, 7), runForComparison(whatif, 7), reporters)
 */
export function compareWorlds(
  base: ComparedWorld,
  whatif: ComparedWorld,
  seed: number,
  reporters: ReporterSet,
  examples = 20,
): SeedComparison {
  const diverged: LifeDivergence[] = [];
  const touched: LifeDivergence[] = [];
  let matched = 0;
  for (let ib = 0; ib < base.world.people.count; ib++) {
    const iw = whatif.byIdentity.get(base.identity[ib]!);
    if (iw === undefined) continue;
    matched++;
    const own = firstDifference(base, ib, whatif, iw, true);
    if (own) {
      diverged.push(divergence(base, ib, whatif, iw, own));
      continue;
    }
    const any = firstDifference(base, ib, whatif, iw, false);
    if (any) touched.push(divergence(base, ib, whatif, iw, any));
  }
  diverged.sort(order);
  touched.sort(order);
  const counts = new Map<string, number>();
  for (const d of diverged) {
    const k = `${d.base.type ?? '(nothing)'}\u0000${d.whatif.type ?? '(nothing)'}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const transitions = [...counts]
    .map(([k, count]) => {
      const [b, w] = k.split('\u0000') as [string, string];
      return { base: b, whatif: w, count };
    })
    .sort((x, y) => y.count - x.count || (x.base + x.whatif < y.base + y.whatif ? -1 : 1));
  let first: LifeDivergence | null = null;
  for (const d of [...diverged, ...touched]) if (d.date && (!first || d.day < first.day)) first = d;
  return {
    seed,
    lives: { base: base.world.people.count, whatif: whatif.world.people.count, matched },
    firstDifference: first ? { date: first.date, name: first.name } : null,
    diverged,
    touched,
    onlyBase: unmatched(base, whatif, examples),
    onlyWhatif: unmatched(whatif, base, examples),
    transitions,
    logSha256: { base: base.summary.logSha256, whatif: whatif.summary.logSha256 },
    runs: {
      base: measure(seed, base.world, base.summary, base.lives, reporters).run,
      whatif: measure(seed, whatif.world, whatif.summary, whatif.lives, reporters).run,
    },
  };
}

/** A one-line account of a divergence, for lists. */
export function divergenceLine(d: LifeDivergence): string {
  const who = `${d.name} (${d.school}${d.cohort !== null ? `, ${d.cohort}` : ''})`;
  const year = (s: DivergenceSide) => (s.date ? ` in ${s.date.slice(0, 4)}` : '');
  const b = d.base.event ? `${d.base.event}${year(d.base)}` : 'nothing more happened';
  const w = d.whatif.event ? `${d.whatif.event}${year(d.whatif)}` : 'nothing more happened';
  return `${who}: in base ${b}, and ${d.base.outcome.text}; in what-if ${w}, and ${d.whatif.outcome.text}`;
}
