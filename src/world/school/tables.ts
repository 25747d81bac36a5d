/**
 * The tables school life adds to the world database. Each is derived from the module's side
 * tables, which are written in step with the events, so every row can be checked against the
 * log: a work's `made_event` and `fate_event`, a holding's `event_in` and `event_out`, a
 * belief's `source_event` and `origin_event`, a ledger row's `event`.
 */
import { NONE } from '../../engine/recorder.js';
import { PROPOSITIONS } from '../beliefs/propositions.js';
import type { ExtraTable } from '../module.js';
import { titleOf } from './art.js';
import type { Life } from './life.js';

const opt = (v: number): number | null => (v === NONE ? null : v);

/** The module's tables, in the order they are written. */
export function schoolTables(life: Life): ExtraTable[] {
  const book = life.book;
  return [
    {
      name: 'students',
      columns:
        'person INTEGER PRIMARY KEY, school INTEGER NOT NULL, veteran INTEGER NOT NULL, style TEXT NOT NULL, hue INTEGER NOT NULL, medium TEXT NOT NULL, talent REAL NOT NULL, originality REAL NOT NULL, temperament REAL NOT NULL, late INTEGER NOT NULL, pace REAL NOT NULL, sociability REAL NOT NULL, agreeableness REAL NOT NULL, temper REAL NOT NULL, confidence REAL NOT NULL, credulity REAL NOT NULL, imagination REAL NOT NULL, tokens INTEGER NOT NULL, standing REAL NOT NULL, chosen INTEGER NOT NULL, works INTEGER NOT NULL',
      rows: [...life.members.values()]
        .sort((a, b) => a.id - b.id)
        .map((m) => [
          m.id,
          m.school,
          m.veteran ? 1 : 0,
          m.art.style,
          m.art.hue,
          m.art.medium,
          m.art.talent,
          m.art.originality,
          m.art.temperament,
          m.art.late ? 1 : 0,
          m.art.pace,
          m.traits.sociability,
          m.traits.agreeableness,
          m.traits.temper,
          m.traits.confidence,
          m.traits.credulity,
          m.traits.imagination,
          m.tokens,
          Math.round(m.standing * 1000) / 1000,
          m.chosen,
          m.works,
        ]),
    },
    {
      name: 'works',
      columns:
        'id INTEGER PRIMARY KEY, maker INTEGER NOT NULL, made_on INTEGER NOT NULL, place INTEGER NOT NULL, medium TEXT NOT NULL, style TEXT NOT NULL, skill REAL NOT NULL, originality REAL NOT NULL, temperament REAL NOT NULL, hue INTEGER NOT NULL, maker_age REAL NOT NULL, title TEXT NOT NULL, fate TEXT NOT NULL, owner INTEGER, made_event INTEGER NOT NULL, fate_on INTEGER NOT NULL, fate_event INTEGER, paid INTEGER NOT NULL, price INTEGER NOT NULL',
      rows: life.works.map((w) => [
        w.id,
        w.maker,
        w.made,
        w.place,
        w.medium,
        w.style,
        w.skill,
        w.originality,
        w.temperament,
        w.hue,
        w.age,
        titleOf(life, w),
        w.fate,
        opt(w.owner),
        w.madeEvent,
        w.fateOn,
        opt(w.fateEvent),
        w.paid,
        w.price,
      ]),
      after: 'CREATE INDEX works_maker ON works(maker); CREATE INDEX works_owner ON works(owner);',
    },
    {
      name: 'items',
      columns:
        'id INTEGER PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, sale_event INTEGER, bought_on INTEGER NOT NULL, price INTEGER NOT NULL, buyer INTEGER NOT NULL, owner INTEGER NOT NULL, fate TEXT NOT NULL, lost_on INTEGER, found_on INTEGER, found_event INTEGER, copy_of INTEGER',
      rows: life.items.map((i) => [
        i.id,
        i.kind,
        i.label,
        opt(i.saleEvent),
        i.bought,
        i.price,
        i.buyer,
        i.owner,
        i.fate,
        opt(i.lostOn),
        opt(i.foundOn),
        opt(i.foundEvent),
        opt(i.copyOf),
      ]),
    },
    {
      name: 'holdings',
      columns:
        'item INTEGER NOT NULL, person INTEGER NOT NULL, from_day INTEGER NOT NULL, until_day INTEGER, event_in INTEGER NOT NULL, event_out INTEGER, how_in TEXT NOT NULL, how_out TEXT',
      rows: life.holdings.map((h) => [
        h.item,
        h.person,
        h.from,
        opt(h.until),
        h.eventIn,
        opt(h.eventOut),
        h.how,
        h.howOut,
      ]),
      after:
        'CREATE INDEX holdings_person ON holdings(person); CREATE INDEX holdings_item ON holdings(item);',
    },
    {
      name: 'ledger',
      columns:
        'person INTEGER NOT NULL, day INTEGER NOT NULL, event INTEGER NOT NULL, delta INTEGER NOT NULL, balance INTEGER NOT NULL, reason TEXT NOT NULL',
      rows: life.ledger,
      after: 'CREATE INDEX ledger_person ON ledger(person, day);',
    },
    {
      name: 'propositions',
      columns:
        'proposition TEXT NOT NULL, version TEXT NOT NULL, about TEXT NOT NULL, text TEXT NOT NULL, truth INTEGER, spread REAL NOT NULL, PRIMARY KEY (proposition, version)',
      rows: PROPOSITIONS.flatMap((p) =>
        p.versions.map((v) => {
          const t = book.truthOf(p.id, v.id);
          return [p.id, v.id, p.about, v.text, t === null ? null : t ? 1 : 0, v.spread];
        }),
      ),
    },
    {
      name: 'beliefs',
      columns:
        'id INTEGER PRIMARY KEY, person INTEGER NOT NULL, proposition TEXT NOT NULL, version TEXT NOT NULL, about INTEGER, held_from INTEGER NOT NULL, held_until INTEGER, source_event INTEGER NOT NULL, source_kind TEXT NOT NULL, via INTEGER, parent INTEGER, origin_event INTEGER NOT NULL, confidence REAL NOT NULL, truth INTEGER',
      rows: book
        .all()
        .map((b) => [
          b.id,
          b.person,
          b.prop,
          b.version,
          opt(b.about),
          b.from,
          opt(b.until),
          b.source,
          b.kind,
          opt(b.via),
          opt(b.parent),
          b.origin,
          b.confidence,
          b.truth === null ? null : b.truth ? 1 : 0,
        ]),
      after:
        'CREATE INDEX beliefs_person ON beliefs(person, held_from); CREATE INDEX beliefs_origin ON beliefs(origin_event); CREATE INDEX beliefs_prop ON beliefs(proposition, held_from);',
    },
    {
      name: 'couples',
      columns:
        'id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL, place INTEGER NOT NULL, formed_on INTEGER NOT NULL, formed_event INTEGER NOT NULL, ended_on INTEGER, ended_event INTEGER, ended_by INTEGER, reason TEXT',
      rows: life.couples.map((c) => [
        c.id,
        c.a,
        c.b,
        c.place,
        c.formed,
        c.formedEvent,
        opt(c.ended),
        opt(c.endedEvent),
        opt(c.endedBy),
        c.reason,
      ]),
    },
    {
      name: 'cliques',
      columns:
        'id INTEGER PRIMARY KEY, place INTEGER NOT NULL, leader INTEGER NOT NULL, founded_on INTEGER NOT NULL, founded_event INTEGER NOT NULL, ended_on INTEGER',
      rows: life.cliques.map((c) => [c.id, c.place, c.leader, c.founded, c.foundedEvent, opt(c.ended)]),
    },
    {
      name: 'clique_members',
      columns:
        'clique INTEGER NOT NULL, person INTEGER NOT NULL, joined_on INTEGER NOT NULL, left_on INTEGER',
      rows: life.cliqueMembers.map(([c, p, j, l]) => [c, p, j, opt(l)]),
    },
    {
      name: 'relationships',
      columns:
        'person INTEGER NOT NULL, other INTEGER NOT NULL, year INTEGER NOT NULL, friendship REAL NOT NULL, romance REAL NOT NULL, trust REAL NOT NULL',
      rows: life.relationships,
      after: 'CREATE INDEX relationships_person ON relationships(person, year);',
    },
    {
      name: 'staff',
      columns:
        'person INTEGER PRIMARY KEY, place INTEGER NOT NULL, role TEXT NOT NULL, warmth REAL NOT NULL, plain INTEGER NOT NULL, joined_on INTEGER NOT NULL, left_on INTEGER',
      rows: life.staffRows.map((s) => [
        s.id,
        s.place,
        s.role,
        s.warmth,
        s.plain ? 1 : 0,
        s.joined,
        opt(s.left),
      ]),
    },
  ];
}

/** The module's figures for the run's summary. */
export function schoolSummary(life: Life): Record<string, unknown> {
  return {
    followed: life.members.size,
    works: life.works.length,
    exchanges: life.counts.exchanges,
    sales: life.counts.sales,
    items: life.items.length,
    galleryVisits: life.counts.galleryVisits,
    chosen: life.counts.chosen,
    couples: life.couples.length,
    cliques: life.cliques.length,
    beliefs: life.book.size,
    rumoursStarted: life.counts.rumoursStarted,
    plainSpeakings: life.counts.plainSpeakings,
  };
}
