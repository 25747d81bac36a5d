/**
 * The tables school life adds to the world database. Each is derived from the module's side
 * tables, which are written in step with the events, so every row can be checked against the
 * log: a work's `made_event` and `fate_event`, a holding's `event_in` and `event_out`, a
 * belief's `source_event` and `origin_event`, a ledger row's `event`.
 */
import { NONE } from '../../engine/recorder.js';
import { PROPOSITIONS } from '../beliefs/propositions.js';
import type { ExtraTable, TableRow } from '../module.js';
import { titleOf } from './art.js';
import type { Life } from './life.js';

const opt = (v: number): number | null => (v === NONE ? null : v);

/** The module's tables, in the order they are written. */
export function schoolTables(life: Life): ExtraTable[] {
  const book = life.book;
  return [
    {
      name: 'students',
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
    },
    {
      name: 'items',
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
    },
    {
      name: 'ledger',
      rows: life.ledger,
    },
    {
      name: 'propositions',
      rows: PROPOSITIONS.flatMap((p) =>
        p.versions.map((v): TableRow<'propositions'> => {
          const t = book.truthOf(p.id, v.id);
          return [p.id, v.id, p.about, v.text, t === null ? null : t ? 1 : 0, v.spread];
        }),
      ),
    },
    {
      name: 'beliefs',
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
    },
    {
      name: 'couples',
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
      rows: life.cliques.map((c) => [c.id, c.place, c.leader, c.founded, c.foundedEvent, opt(c.ended)]),
    },
    {
      name: 'clique_members',
      rows: life.cliqueMembers.map(([c, p, j, l]) => [c, p, j, opt(l)]),
    },
    {
      name: 'relationships',
      rows: life.relationships,
    },
    {
      name: 'staff',
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
