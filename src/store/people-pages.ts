/**
 * The people table and its three indexes made as SQLite pages in memory (src/store/pages.ts),
 * from the columns the world keeps them in, for the writer's thread to place in the file whole.
 * The rows are what `INSERT` would store for the same values (writer-worker.ts, `writePeople`,
 * is the SQL path beside it, and the tests compare the two); the indexes are sorted by counting
 * passes, since every key is a small integer or one of a few thousand names.
 *
 * Names are taken once each: a national world has about a million people and a few thousand
 * distinct names (a given name and an initial), so each name is encoded and ranked once, in
 * the order `COLLATE NOCASE` gives (ASCII letters folded, then by length), and people are
 * sorted by their name's rank.
 */
import { NONE } from '../engine/recorder.js';
import { PERSON_KINDS, phaseName } from '../world/phases.js';
import {
  countingSort,
  ImageSink,
  IndexLeaves,
  intType,
  NotCopyable,
  putInt,
  putVarint,
  SERIAL_SIZE,
  TableTree,
  varintLen,
  type CopiedTrees,
} from './pages.js';
import { people as peopleTable } from './tables/index.js';
import type { PeopleColumns, PhaseDays } from './writer-worker.js';

/** Names longer than this (in UTF-8 bytes) go through SQL instead (index entries must not overflow). */
const MAX_NAME_BYTES = 400;

/** Rows longer than this would overflow their page (pages.ts `TABLE_MAX_LOCAL`, less a margin). */
const MAX_ROW_BYTES = 4000;

/** Copies a short text's bytes (a loop beats `Buffer.copy` for a few bytes); returns the offset after. */
function putBytes(b: Uint8Array, o: number, bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 0; k < n; k++) b[o + k] = bytes[k]!;
  return o + n;
}

/** A text's body and serial type. */
interface Text {
  bytes: Buffer;
  type: number;
}

const text = (s: string): Text => {
  const bytes = Buffer.from(s, 'utf8');
  return { bytes, type: 2 * bytes.length + 13 };
};

/** Compares two texts as SQLite's NOCASE collation does: bytes with A–Z folded, then length. */
function compareNocase(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a[i]!;
    let y = b[i]!;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** What people's indexes are made of: their names, schools, cohorts and keys. */
export type PeopleKeys = Pick<
  PeopleColumns,
  'count' | 'nameId' | 'names' | 'kind' | 'school' | 'cohort' | 'key'
>;

/** A copy of what people's indexes need, to send to another thread. */
export function peopleKeys(p: PeopleColumns): PeopleKeys {
  const { count, names } = p;
  return {
    count,
    names,
    nameId: p.nameId.slice(0, count),
    kind: p.kind.slice(0, count),
    school: p.school.slice(0, count),
    cohort: p.cohort.slice(0, count),
    key: p.key.slice(0, count),
  };
}

/** True when people can be made as pages here: no name too long for an index entry on its page. */
export function peopleFit(p: Pick<PeopleColumns, 'names'>): boolean {
  return p.names.every((s) => Buffer.byteLength(s, 'utf8') <= MAX_NAME_BYTES);
}

type SchemaRows = [string, string, string, number, string | null][];

/**
 * People's table, with those of their indexes `withIndex` takes, as trees in memory (the rest
 * are made apart: `peopleIndexTrees`). Only for people that fit (`peopleFit`): the indexes
 * refuse a name too long for an entry on its page (`NotCopyable`).
 */
export function peopleTableTrees(
  p: PeopleColumns,
  phases: PhaseDays,
  withIndex: (name: string) => boolean,
): CopiedTrees {
  const sink = new ImageSink((p.count * 130) / 4096 + 64);
  const rows: SchemaRows = [];
  writePeopleTable(sink, p, phases, rows);
  writePeopleIndexes(sink, p, rows, withIndex);
  return sink.trees(rows);
}

/** Those of people's indexes `which` takes, alone, as trees in memory. */
export function peopleIndexTrees(k: PeopleKeys, which: (name: string) => boolean): CopiedTrees {
  const sink = new ImageSink((k.count * 70) / 4096 + 48);
  const rows: SchemaRows = [];
  writePeopleIndexes(sink, k, rows, which);
  return sink.trees(rows);
}

function writePeopleTable(sink: ImageSink, p: PeopleColumns, phases: PhaseDays, rows: SchemaRows): void {
  const n = p.count;
  phases.grow(n);
  const { residentOn, carerOn, donorOn, firstDonationOn, completedOn } = phases;

  const nameIds = p.nameId;
  const names = p.names.map(text);
  const kinds = PERSON_KINDS.map(text);
  const clone = kinds[0]!;
  const sexes = [text('female'), text('male')];
  const phaseTexts = Array.from({ length: 256 }, (_, code) => text(phaseName(code)));
  const none = text('none');

  const table = new TableTree(sink);
  const page = table.leaf.page;
  const st = new Int32Array(17);
  const opt = (v: number) => (v === NONE ? 0 : intType(v));
  for (let i = 0; i < n; i++) {
    const kind = p.kind[i]!;
    const isClone = kind === 0;
    const phase = p.phase[i]!;
    const name = names[nameIds[i]!]!;
    const kindText = kinds[kind] ?? clone;
    const sexText = p.sex[i] === 0 ? sexes[0]! : sexes[1]!;
    const phaseT = isClone ? phaseTexts[phase]! : none;
    // id is the rowid, stored as NULL in the record.
    st[0] = 0;
    st[1] = name.type;
    st[2] = kindText.type;
    st[3] = sexText.type;
    st[4] = intType(p.born[i]!);
    st[5] = intType(p.school[i]!);
    st[6] = isClone ? intType(p.cohort[i]!) : 0;
    st[7] = phaseT.type;
    st[8] = intType(p.donations[i]!);
    st[9] = opt(residentOn[i]!);
    st[10] = opt(carerOn[i]!);
    st[11] = opt(donorOn[i]!);
    st[12] = opt(firstDonationOn[i]!);
    st[13] = opt(completedOn[i]!);
    st[14] = phase >= 4 ? intType(p.centre[i]!) : 0;
    st[15] = opt(p.carer[i]!);
    st[16] = intType(p.key[i]!);
    let headerLen = 1;
    let body = name.bytes.length + kindText.bytes.length + sexText.bytes.length + phaseT.bytes.length;
    for (let c = 0; c < 17; c++) {
      const t = st[c]!;
      headerLen += varintLen(t);
      if (t < 12) body += SERIAL_SIZE[t]!;
    }
    const payload = headerLen + body;
    if (payload > MAX_ROW_BYTES) throw new NotCopyable(`person ${i}: a row of ${payload} bytes`);
    let o = table.record(payload, i, headerLen, st);
    o = putBytes(page, o, name.bytes);
    o = putBytes(page, o, kindText.bytes);
    o = putBytes(page, o, sexText.bytes);
    o = putIntOf(page, o, p.born[i]!, st[4]);
    o = putIntOf(page, o, p.school[i]!, st[5]);
    if (isClone) o = putIntOf(page, o, p.cohort[i]!, st[6]);
    o = putBytes(page, o, phaseT.bytes);
    o = putIntOf(page, o, p.donations[i]!, st[8]);
    o = putIntOf(page, o, residentOn[i]!, st[9]);
    o = putIntOf(page, o, carerOn[i]!, st[10]);
    o = putIntOf(page, o, donorOn[i]!, st[11]);
    o = putIntOf(page, o, firstDonationOn[i]!, st[12]);
    o = putIntOf(page, o, completedOn[i]!, st[13]);
    o = putIntOf(page, o, p.centre[i]!, st[14]);
    o = putIntOf(page, o, p.carer[i]!, st[15]);
    putIntOf(page, o, p.key[i]!, st[16]);
  }
  rows.push(['table', peopleTable.name, peopleTable.name, sink.append(table.finish()), peopleTable.create]);
}

function writePeopleIndexes(
  sink: ImageSink,
  p: PeopleKeys,
  rows: SchemaRows,
  which: (name: string) => boolean = () => true,
): void {
  if (!peopleFit(p)) throw new NotCopyable('a name too long for an index entry on its page');
  const n = p.count;
  const names = p.names.map(text);
  const nameIds = p.nameId;
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const cell = new Uint8Array(16 + MAX_NAME_BYTES);
  for (const sql of peopleTable.indexes) {
    const name = /^CREATE INDEX (\w+)/.exec(sql)![1]!;
    if (!which(name)) continue;
    const leaves = new IndexLeaves(sink);
    const column = /ON people\((\w+)/.exec(sql)?.[1];
    if (column === 'name') {
      // Names ranked once, equal names under NOCASE sharing a rank; people by rank, then id.
      const order = names.map((_, k) => k).sort((a, b) => compareNocase(names[a]!.bytes, names[b]!.bytes));
      const rank = new Int32Array(names.length);
      order.forEach((k, r) => {
        const prev = order[r - 1];
        rank[k] = r > 0 && compareNocase(names[prev!]!.bytes, names[k]!.bytes) === 0 ? rank[prev!]! : r;
      });
      const ranks = new Int32Array(n);
      for (let i = 0; i < n; i++) ranks[i] = rank[nameIds[i]!]!;
      const rowsInOrder = countingSort(identity, ranks, false, []).rows;
      for (let e = 0; e < n; e++) {
        const i = rowsInOrder[e]!;
        const name = names[nameIds[i]!]!;
        const ti = intType(i);
        const headerLen = 1 + varintLen(name.type) + 1;
        const payload = headerLen + name.bytes.length + SERIAL_SIZE[ti]!;
        let o = putVarint(cell, 0, payload);
        o = putVarint(cell, o, headerLen);
        o = putVarint(cell, o, name.type);
        cell[o++] = ti;
        o = putIntOf(cell, putBytes(cell, o, name.bytes), i, ti);
        leaves.add(cell, o, e === n - 1);
      }
    } else if (column === 'school') {
      // School, then cohort (NULL, first, for all but clones), then id.
      const cohort = new Int32Array(n);
      for (let i = 0; i < n; i++) cohort[i] = p.kind[i] === 0 ? p.cohort[i]! : NONE;
      const byCohort = countingSort(identity, cohort, true, []).rows;
      const sorted = countingSort(byCohort, p.school, false, [cohort]);
      const [schools, cohorts] = sorted.keys as [Int32Array, Int32Array];
      for (let e = 0; e < n; e++) {
        const i = sorted.rows[e]!;
        const ts = intType(schools[e]!);
        const tc = cohorts[e] === NONE ? 0 : intType(cohorts[e]!);
        const ti = intType(i);
        const payload = 4 + SERIAL_SIZE[ts]! + SERIAL_SIZE[tc]! + SERIAL_SIZE[ti]!;
        cell[0] = payload;
        cell[1] = 4;
        cell[2] = ts;
        cell[3] = tc;
        cell[4] = ti;
        let o = putIntOf(cell, 5, schools[e]!, ts);
        o = putIntOf(cell, o, cohorts[e]!, tc);
        o = putIntOf(cell, o, i, ti);
        leaves.add(cell, o, e === n - 1);
      }
    } else if (column === 'key') {
      // Keys are 32-bit: two counting passes of 16 bits, low then high.
      const lo = new Int32Array(n);
      const hi = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        lo[i] = p.key[i]! & 0xffff;
        hi[i] = p.key[i]! >>> 16;
      }
      const byLow = countingSort(identity, lo, false, []).rows;
      const rowsInOrder = countingSort(byLow, hi, false, []).rows;
      for (let e = 0; e < n; e++) {
        const i = rowsInOrder[e]!;
        const key = p.key[i]!;
        const tk = intType(key);
        const ti = intType(i);
        const payload = 3 + SERIAL_SIZE[tk]! + SERIAL_SIZE[ti]!;
        cell[0] = payload;
        cell[1] = 3;
        cell[2] = tk;
        cell[3] = ti;
        let o = putIntOf(cell, 4, key, tk);
        o = putIntOf(cell, o, i, ti);
        leaves.add(cell, o, e === n - 1);
      }
    } else throw new Error(`people: no way to build the index '${sql}' as pages`);
    rows.push(['index', name, peopleTable.name, sink.append(leaves.finish()), sql]);
  }
}

/** Writes an integer's body for serial type `t` (nothing for NULL, 0 and 1); returns the offset after it. */
function putIntOf(b: Uint8Array, o: number, v: number, t: number): number {
  const size = SERIAL_SIZE[t]!;
  if (size > 0) putInt(b, o, v, size);
  return o + size;
}
