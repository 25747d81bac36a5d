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
import { putBytes } from '../engine/bytes.js';
import { NONE } from '../engine/recorder.js';
import { PERSON_KINDS, phaseName } from '../world/phases.js';
import {
  countingSort,
  ImageSink,
  IndexLeaves,
  intType,
  NotCopyable,
  putIntOfType,
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

/** A text's body and serial type. */
interface Text {
  bytes: Buffer;
  type: number;
}

const text = (s: string): Text => {
  const bytes = Buffer.from(s, 'utf8');
  return { bytes, type: 2 * bytes.length + 13 };
};

/**
 * Texts packed end to end in one array, each with its offset, length and serial type in arrays
 * of numbers: a row reads its text's sizes without touching an object of its own.
 */
interface Texts {
  bytes: Uint8Array;
  at: Int32Array;
  len: Int32Array;
  type: Int32Array;
}

function packTexts(strings: readonly string[]): Texts {
  const encoded = strings.map((s) => Buffer.from(s, 'utf8'));
  const bytes = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0));
  const at = new Int32Array(strings.length);
  const len = new Int32Array(strings.length);
  const type = new Int32Array(strings.length);
  let o = 0;
  encoded.forEach((b, k) => {
    bytes.set(b, o);
    at[k] = o;
    len[k] = b.length;
    type[k] = 2 * b.length + 13;
    o += b.length;
  });
  return { bytes, at, len, type };
}

/** Copies text `k` of `t` to `o`; returns the offset after it. */
function putText(b: Uint8Array, o: number, t: Texts, k: number): number {
  const from = t.at[k]!;
  const n = t.len[k]!;
  const src = t.bytes;
  for (let j = 0; j < n; j++) b[o + j] = src[from + j]!;
  return o + n;
}

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

/** True when people can be made as pages here: no name too long for an index entry on its page. */
export function peopleFit(p: Pick<PeopleColumns, 'names'>): boolean {
  return p.names.every((s) => Buffer.byteLength(s, 'utf8') <= MAX_NAME_BYTES);
}

type SchemaRows = [string, string, string, number, string | null][];

/**
 * People's table and its indexes as trees in memory. Only for people that fit (`peopleFit`):
 * the indexes refuse a name too long for an entry on its page (`NotCopyable`).
 */
export function peopleTableTrees(
  p: PeopleColumns,
  phases: PhaseDays,
  indexed: readonly PeopleIndexColumn[] = PEOPLE_INDEX_COLUMNS,
): CopiedTrees {
  const sink = new ImageSink((p.count * 130) / 4096 + 64);
  const rows: SchemaRows = [];
  writePeopleTable(sink, p, phases, rows);
  writePeopleIndexes(sink, p, rows, indexed);
  return sink.trees(rows);
}

/** The first column of each of people's indexes. */
export type PeopleIndexColumn = 'name' | 'school' | 'key';
export const PEOPLE_INDEX_COLUMNS: readonly PeopleIndexColumn[] = ['name', 'school', 'key'];

/**
 * People's indexes on the columns given, without the table: the writer's thread makes some of
 * them while the simulation's makes the table and the rest (src/store/writer.ts).
 */
export function peopleIndexTrees(p: PeopleKeys, indexed: readonly PeopleIndexColumn[]): CopiedTrees {
  const sink = new ImageSink((p.count * 16 * indexed.length) / 4096 + 64);
  const rows: SchemaRows = [];
  writePeopleIndexes(sink, p, rows, indexed);
  return sink.trees(rows);
}

function writePeopleTable(sink: ImageSink, p: PeopleColumns, phases: PhaseDays, rows: SchemaRows): void {
  const n = p.count;
  phases.grow(n);
  const { residentOn, carerOn, donorOn, firstDonationOn, completedOn } = phases;

  const nameIds = p.nameId;
  const names = packTexts(p.names);
  const kinds = PERSON_KINDS.map(text);
  const clone = kinds[0]!;
  const sexes = [text('female'), text('male')];
  const phaseTexts = Array.from({ length: 256 }, (_, code) => text(phaseName(code)));
  const none = text('none');

  const table = new TableTree(sink);
  const page = table.leaf.page;
  const { kind: kinds_, sex, born, school, cohort, phase: phaseOf, donations, centre, carer, key } = p;
  for (let i = 0; i < n; i++) {
    const kind = kinds_[i]!;
    const isClone = kind === 0;
    const phase = phaseOf[i]!;
    const name = nameIds[i]!;
    const nameType = names.type[name]!;
    const kindText = kinds[kind] ?? clone;
    const sexText = sex[i] === 0 ? sexes[0]! : sexes[1]!;
    const phaseT = isClone ? phaseTexts[phase]! : none;
    const vBorn = born[i]!;
    const vSchool = school[i]!;
    const vCohort = cohort[i]!;
    const vDonations = donations[i]!;
    const vResident = residentOn[i]!;
    const vCarer = carerOn[i]!;
    const vDonor = donorOn[i]!;
    const vFirst = firstDonationOn[i]!;
    const vCompleted = completedOn[i]!;
    const vCentre = centre[i]!;
    const vCarerOf = carer[i]!;
    const vKey = key[i]!;
    // id is the rowid, stored as NULL in the record.
    const t4 = intType(vBorn);
    const t5 = intType(vSchool);
    const t6 = isClone ? intType(vCohort) : 0;
    const t8 = intType(vDonations);
    const t9 = vResident === NONE ? 0 : intType(vResident);
    const t10 = vCarer === NONE ? 0 : intType(vCarer);
    const t11 = vDonor === NONE ? 0 : intType(vDonor);
    const t12 = vFirst === NONE ? 0 : intType(vFirst);
    const t13 = vCompleted === NONE ? 0 : intType(vCompleted);
    const t14 = phase >= 4 ? intType(vCentre) : 0;
    const t15 = vCarerOf === NONE ? 0 : intType(vCarerOf);
    const t16 = intType(vKey);
    // Integer types are below 10 (one byte each); texts' types are varints of their own.
    const headerLen =
      14 + varintLen(nameType) + varintLen(kindText.type) + varintLen(sexText.type) + varintLen(phaseT.type);
    const payload =
      headerLen +
      names.len[name]! +
      kindText.bytes.length +
      sexText.bytes.length +
      phaseT.bytes.length +
      SERIAL_SIZE[t4]! +
      SERIAL_SIZE[t5]! +
      SERIAL_SIZE[t6]! +
      SERIAL_SIZE[t8]! +
      SERIAL_SIZE[t9]! +
      SERIAL_SIZE[t10]! +
      SERIAL_SIZE[t11]! +
      SERIAL_SIZE[t12]! +
      SERIAL_SIZE[t13]! +
      SERIAL_SIZE[t14]! +
      SERIAL_SIZE[t15]! +
      SERIAL_SIZE[t16]!;
    if (payload > MAX_ROW_BYTES) throw new NotCopyable(`person ${i}: a row of ${payload} bytes`);
    let o = table.cell(varintLen(payload) + varintLen(i) + payload, i);
    o = putVarint(page, o, payload);
    o = putVarint(page, o, i);
    o = putVarint(page, o, headerLen);
    page[o++] = 0;
    o = putVarint(page, o, nameType);
    o = putVarint(page, o, kindText.type);
    o = putVarint(page, o, sexText.type);
    page[o++] = t4;
    page[o++] = t5;
    page[o++] = t6;
    o = putVarint(page, o, phaseT.type);
    page[o++] = t8;
    page[o++] = t9;
    page[o++] = t10;
    page[o++] = t11;
    page[o++] = t12;
    page[o++] = t13;
    page[o++] = t14;
    page[o++] = t15;
    page[o++] = t16;
    o = putText(page, o, names, name);
    o = putBytes(page, o, kindText.bytes);
    o = putBytes(page, o, sexText.bytes);
    o = putIntOfType(page, o, vBorn, t4);
    o = putIntOfType(page, o, vSchool, t5);
    o = putIntOfType(page, o, vCohort, t6);
    o = putBytes(page, o, phaseT.bytes);
    o = putIntOfType(page, o, vDonations, t8);
    o = putIntOfType(page, o, vResident, t9);
    o = putIntOfType(page, o, vCarer, t10);
    o = putIntOfType(page, o, vDonor, t11);
    o = putIntOfType(page, o, vFirst, t12);
    o = putIntOfType(page, o, vCompleted, t13);
    o = putIntOfType(page, o, vCentre, t14);
    o = putIntOfType(page, o, vCarerOf, t15);
    putIntOfType(page, o, vKey, t16);
  }
  rows.push(['table', peopleTable.name, peopleTable.name, sink.append(table.finish()), peopleTable.create]);
}

function writePeopleIndexes(
  sink: ImageSink,
  p: PeopleKeys,
  rows: SchemaRows,
  indexed: readonly PeopleIndexColumn[],
): void {
  if (indexed.includes('name') && !peopleFit(p))
    throw new NotCopyable('a name too long for an index entry on its page');
  const n = p.count;
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  // Each index laid by a function of its own, one long loop each (see countingSort in pages.ts).
  for (const sql of peopleTable.indexes) {
    const name = /^CREATE INDEX (\w+)/.exec(sql)![1]!;
    const column = /ON people\((\w+)/.exec(sql)?.[1];
    if (!PEOPLE_INDEX_COLUMNS.includes(column as PeopleIndexColumn))
      throw new Error(`people: no way to build the index '${sql}' as pages`);
    if (!indexed.includes(column as PeopleIndexColumn)) continue;
    const leaves = new IndexLeaves(sink);
    if (column === 'name') layNames(leaves, p, identity);
    else if (column === 'school') laySchools(leaves, p, identity);
    else if (column === 'key') layKeys(leaves, p, identity);
    else throw new Error(`people: no way to build the index '${sql}' as pages`);
    rows.push(['index', name, peopleTable.name, sink.append(leaves.finish()), sql]);
  }
}

/** Each name's rank in `COLLATE NOCASE` order, equal names under NOCASE sharing a rank. */
function nameRanks(names: readonly string[]): Int32Array {
  const bytes = names.map((s) => Buffer.from(s, 'utf8'));
  const order = bytes.map((_, k) => k).sort((a, b) => compareNocase(bytes[a]!, bytes[b]!));
  const rank = new Int32Array(names.length);
  order.forEach((k, r) => {
    const prev = order[r - 1];
    rank[k] = r > 0 && compareNocase(bytes[prev!]!, bytes[k]!) === 0 ? rank[prev!]! : r;
  });
  return rank;
}

/** The index on names: people by their name's rank, then id. */
function layNames(leaves: IndexLeaves, p: PeopleKeys, identity: Int32Array): void {
  const n = p.count;
  const sorted = countingSort(identity, gatherRanks(nameRanks(p.names), p.nameId, n), false, [p.nameId]);
  const rowsInOrder = sorted.rows;
  const idsInOrder = sorted.keys[1]!;
  const packed = packTexts(p.names);
  const cell = new Uint8Array(16 + MAX_NAME_BYTES);
  for (let e = 0; e < n; e++) {
    const i = rowsInOrder[e]!;
    const id = idsInOrder[e]!;
    const type = packed.type[id]!;
    const ti = intType(i);
    const headerLen = 1 + varintLen(type) + 1;
    const payload = headerLen + packed.len[id]! + SERIAL_SIZE[ti]!;
    // Straight into the leaf where it fits (see IndexLeaves.reserve), else through `cell`.
    const len = varintLen(payload) + payload;
    const at = e < n - 1 ? leaves.reserve(len) : -1;
    const b = at >= 0 ? leaves.page : cell;
    let o = putVarint(b, at >= 0 ? at : 0, payload);
    o = putVarint(b, o, headerLen);
    o = putVarint(b, o, type);
    b[o++] = ti;
    putIntOfType(b, putText(b, o, packed, id), i, ti);
    if (at < 0) leaves.add(cell, len, e === n - 1);
  }
}

/** Each person's name's rank. */
function gatherRanks(rank: Int32Array, nameIds: Int32Array, n: number): Int32Array {
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = rank[nameIds[i]!]!;
  return ranks;
}

/** The index on schools: school, then cohort (NULL, first, for all but clones), then id. */
function laySchools(leaves: IndexLeaves, p: PeopleKeys, identity: Int32Array): void {
  const n = p.count;
  const cohort = clonesCohorts(p.kind, p.cohort, n);
  const byCohort = countingSort(identity, cohort, true, []).rows;
  const sorted = countingSort(byCohort, p.school, false, [cohort]);
  const [schools, cohorts] = sorted.keys as [Int32Array, Int32Array];
  const rowsInOrder = sorted.rows;
  const cell = new Uint8Array(16);
  for (let e = 0; e < n; e++) {
    const i = rowsInOrder[e]!;
    const ts = intType(schools[e]!);
    const tc = cohorts[e] === NONE ? 0 : intType(cohorts[e]!);
    const ti = intType(i);
    const payload = 4 + SERIAL_SIZE[ts]! + SERIAL_SIZE[tc]! + SERIAL_SIZE[ti]!;
    const at = e < n - 1 ? leaves.reserve(1 + payload) : -1;
    const b = at >= 0 ? leaves.page : cell;
    const o = at >= 0 ? at : 0;
    b[o] = payload;
    b[o + 1] = 4;
    b[o + 2] = ts;
    b[o + 3] = tc;
    b[o + 4] = ti;
    putIntOfType(b, putIntOfType(b, putIntOfType(b, o + 5, schools[e]!, ts), cohorts[e]!, tc), i, ti);
    if (at < 0) leaves.add(cell, 1 + payload, e === n - 1);
  }
}

/** Clones' cohorts, NONE for everyone else. */
function clonesCohorts(kind: Int32Array, cohort: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = kind[i] === 0 ? cohort[i]! : NONE;
  return out;
}

/** The index on keys: key, then id. */
function layKeys(leaves: IndexLeaves, p: PeopleKeys, identity: Int32Array): void {
  const n = p.count;
  const [rowsInOrder, keysInOrder] = byKey(p.key, n, identity);
  const cell = new Uint8Array(16);
  for (let e = 0; e < n; e++) {
    const i = rowsInOrder[e]!;
    const key = keysInOrder[e]!;
    const tk = intType(key);
    const ti = intType(i);
    const payload = 3 + SERIAL_SIZE[tk]! + SERIAL_SIZE[ti]!;
    const at = e < n - 1 ? leaves.reserve(1 + payload) : -1;
    const b = at >= 0 ? leaves.page : cell;
    const o = at >= 0 ? at : 0;
    b[o] = payload;
    b[o + 1] = 3;
    b[o + 2] = tk;
    b[o + 3] = ti;
    putIntOfType(b, putIntOfType(b, o + 4, key, tk), i, ti);
    if (at < 0) leaves.add(cell, 1 + payload, e === n - 1);
  }
}

/**
 * People in order of their 32-bit keys, then id. Key and id packed into one number (when the
 * two fit in its 53 bits: up to two million people) are sorted natively, which beats counting
 * passes over keys spread this wide; otherwise two counting passes of 16 bits, low then high.
 */
function byKey(key: Uint32Array, n: number, identity: Int32Array): [Int32Array, Float64Array] {
  const bits = Math.max(1, Math.ceil(Math.log2(n)));
  const rows = new Int32Array(n);
  const keys = new Float64Array(n);
  if (bits <= 21) {
    const scale = 2 ** bits;
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = key[i]! * scale + i;
    packed.sort();
    for (let e = 0; e < n; e++) {
      const v = packed[e]!;
      const k = Math.floor(v / scale);
      keys[e] = k;
      rows[e] = v - k * scale;
    }
    return [rows, keys];
  }
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = key[i]! & 0xffff;
    hi[i] = key[i]! >>> 16;
  }
  rows.set(countingSort(countingSort(identity, lo, false, []).rows, hi, false, []).rows);
  for (let e = 0; e < n; e++) keys[e] = key[rows[e]!]!;
  return [rows, keys];
}
