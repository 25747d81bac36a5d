/**
 * The Cottages: life at the residence of a full-detail school between leaving school and
 * carer training. Leavers arrive to find veterans from other schools (the leavers of other
 * schools who share the residence, a few of each year followed in detail), who bring plainer
 * knowledge and the deferral rumour with them. Residents pair off and split, trade rumours,
 * learn where Madame lives, and now and then take a trip because someone claims to have seen
 * one of them's possible: a sighting that is usually wrong, and what they learn on the way
 * changes what they believe. Lost things may turn up on such a trip. People leave one by one
 * for training (the lifecycle decides when; this module hears of it).
 */
import { DAYS_PER_YEAR, yearOf } from '../../engine/calendar.js';
import { hash4 } from '../../engine/random.js';
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { learn, startRumour } from '../beliefs/rumours.js';
import { fromDistribution } from '../draw.js';
import { EVENT_CODES } from '../event-types.js';
import { FEMALE_NAMES, MALE_NAMES, SEX_FEMALE, SURNAMES } from '../names.js';
import { KIND_ORIGINAL } from '../phases.js';
import { CANON_PLACES } from '../geography/canon-places.js';
import { SCHOOL_ROLES } from '../school/events.js';
import type { Item, Life, Member } from '../school/life.js';
import { poisson, unit } from '../school/life.js';
import { endCouple } from '../school/social.js';

interface Trip {
  readonly residence: number;
  readonly subject: Member;
  readonly reporter: Member;
  readonly report: number;
  readonly rumour: number;
}

/** A place a trip may go: a place of the world, or a town by name. */
interface Destination {
  place: number;
  town: string;
  lat: number;
  lon: number;
}

/** Rough bounds of Norfolk, where lost things are said to end up. */
function inNorfolk(d: Destination): boolean {
  return d.lat > 52.35 && d.lat < 53.05 && d.lon > 0.15 && d.lon < 1.8;
}

export class Cottages {
  private readonly trips: Trip[] = [];
  private readonly followed = new Map<number, number>();
  /** Pinned: people someone will claim to have seen the possible of, at the next report. */
  readonly sightings: number[] = [];

  constructor(
    private readonly life: Life,
    private readonly newMember: (person: number, home: number, veteran: boolean) => Member,
  ) {}

  /** Where trips go: the first of the settings' destinations present, else Cromer on the Norfolk coast. */
  destination(): Destination {
    for (const slug of this.life.cottages.trips.destinations) {
      const p = this.life.ctx.places.find((x) => x.slug === slug);
      if (p) return { place: p.id, town: p.name, lat: p.lat, lon: p.lon };
    }
    const cromer = CANON_PLACES.find((p) => p.id === 'cromer')!;
    return { place: NONE, town: cromer.name, lat: cromer.lat, lon: cromer.lon };
  }

  /** Whether a veteran arriving on `day` would still be followed (a few are, each year). */
  followsVeteran(day: number): boolean {
    return (this.followed.get(yearOf(day)) ?? 0) < this.life.cottages.veteransFollowed;
  }

  /**
   * A leaver of another school arrives at a detailed residence. A few each year are followed in
   * detail: they know their future more plainly, and some bring the deferral rumour.
   */
  arriveVeteran(
    person: number,
    day: number,
    residence: number,
    arrival: number,
    s: Sequence,
    always = false,
  ): Member | undefined {
    const year = yearOf(day);
    const n = this.followed.get(year) ?? 0;
    if (n >= this.life.cottages.veteransFollowed && !always) return undefined;
    this.followed.set(year, n + 1);
    const life = this.life;
    const m = this.newMember(person, residence, true);
    const event = life.ctx.rec.nextId;
    const b = learn(life, m, 'we-will-donate', 'plainly', day, event, 'disclosure', 0.8);
    life.emit(day, EVENT_CODES.learned_by_experience, person, NONE, residence, b ? b.id : NONE, arrival, {
      p: 'we-will-donate',
      v: 'plainly',
      what: 'told plainly at their old school',
    });
    if (s.chance(life.cottages.deferralRumour)) {
      const version = s.chance(0.75) ? 'exists' : 'hailsham-only';
      startRumour(life, m, 'deferral', version, day, residence, 'heard it at their old school');
    }
    return m;
  }

  /** A resident leaves for training (or straight to donation): couples part or hold, and they know now. */
  leave(m: Member, day: number, place: number, cause: number, s: Sequence): void {
    const life = this.life;
    const c = life.coupleOf(m);
    if (
      c &&
      c.ended === NONE &&
      !s.chance(life.cottages.keepCoupleOnLeaving) &&
      !life.storyline.keepsCouple(c.a, c.b, day)
    )
      endCouple(life, c, m, day, place, 'left');
    const held = life.book.current(m.id, 'we-will-donate');
    if (!held || held.version !== 'plainly') {
      const event = life.ctx.rec.nextId;
      const b = learn(life, m, 'we-will-donate', 'plainly', day, event, 'experience', 0.95);
      life.emit(day, EVENT_CODES.learned_by_experience, m.id, NONE, place, b ? b.id : NONE, cause, {
        p: 'we-will-donate',
        v: 'plainly',
        what: 'leaving for training',
      });
    }
    life.move(m, NONE);
  }

  /** Works a year a resident makes: only late bloomers and those who think art can prove a couple. */
  latePace(m: Member): number {
    const proof = this.life.book.current(m.id, 'deferral')?.version === 'proof-by-art';
    return m.art.late || proof ? this.life.cottages.lateArtPerYear : 0;
  }

  /** Once a year at a residence: Madame's address, the deferral rumour revived, sighting reports to schedule. */
  yearly(residence: number, day: number, s: Sequence): number {
    const life = this.life;
    const here = life.at(residence);
    if (here.length === 0) return 0;
    if (s.chance(life.cottages.madameAddress)) {
      const m = s.pick(here);
      startRumour(
        life,
        m,
        'madame-address',
        'seaside',
        day,
        residence,
        'a carer described a house by the sea',
      );
    }
    let believers = 0;
    for (const m of here) if (life.book.current(m.id, 'deferral')) believers++;
    if (believers < 2 && here.length >= 4 && s.chance(life.cottages.deferralRumour)) {
      startRumour(
        life,
        s.pick(here),
        'deferral',
        'exists',
        day,
        residence,
        'picked it up from a visiting carer',
      );
    }
    return poisson(s, life.cottages.trips.perYear);
  }

  /**
   * Someone says they have seen a resident's possible. Returns the trip's index (to schedule),
   * or NONE when nobody suits.
   */
  report(residence: number, day: number, s: Sequence): number {
    const life = this.life;
    const here = life.at(residence);
    if (here.length < 3) return NONE;
    const seekers = here.filter(
      (m) => !life.book.current(m.id, 'my-possible') && !life.storyline.tripHeld(m.id, day),
    );
    const pinned = here.find((m) => this.sightings.includes(m.id));
    if (seekers.length === 0 && !pinned) return NONE;
    let subject = pinned ?? s.pick(seekers);
    for (let k = 0; k < 3 && !pinned; k++) {
      const c = s.pick(seekers);
      if (c.traits.imagination > subject.traits.imagination) subject = c;
    }
    if (pinned) this.sightings.splice(this.sightings.indexOf(pinned.id), 1);
    const others = here.filter((m) => m !== subject && !life.storyline.tripHeld(m.id, day));
    if (others.length === 0) return NONE;
    const veterans = others.filter((m) => m.veteran);
    const reporter = veterans.length > 0 && s.chance(0.7) ? s.pick(veterans) : s.pick(others);
    const where = this.destination().town;
    const what = s.pick([
      'in an office with glass walls',
      'behind a shop counter',
      'walking a dog on the front',
      'in a cafe by the sea',
    ]);
    const belief = startRumour(
      life,
      reporter,
      'my-possible',
      'seen',
      day,
      residence,
      `saw someone like them in ${where}, ${what}`,
      {
        concerns: subject,
        truth: null,
        confidence: 0.5 + 0.4 * subject.traits.credulity,
      },
    );
    if (!belief) return NONE;
    this.trips.push({ residence, subject, reporter, report: belief.source, rumour: belief.id });
    return this.trips.length - 1;
  }

  /**
   * A storyline's trip, today: `subject` goes with `party` (the story's people) to look at
   * someone a veteran among them claims to have seen, and it is not their possible.
   */
  storyTrip(subject: Member, party: readonly Member[], day: number, s: Sequence): void {
    const residence = subject.home;
    const reporter =
      party.find((m) => m !== subject && m.veteran) ?? party.find((m) => m !== subject) ?? subject;
    const belief = startRumour(
      this.life,
      reporter,
      'my-possible',
      'seen',
      day,
      residence,
      `saw someone like them in ${this.destination().town}`,
      {
        concerns: subject,
        truth: null,
        confidence: 0.5 + 0.4 * subject.traits.credulity,
      },
    );
    this.trips.push({
      residence,
      subject,
      reporter,
      report: belief ? belief.source : NONE,
      rumour: belief ? belief.id : NONE,
    });
    this.trip(this.trips.length - 1, day, s, {
      party: [subject, ...party.filter((m) => m !== subject)],
      right: false,
    });
  }

  /** The trip itself: the possible is seen (usually the wrong one), beliefs change, lost things turn up. */
  trip(index: number, day: number, s: Sequence, pinned?: { party: Member[]; right: boolean }): void {
    const life = this.life;
    const t = this.trips[index];
    if (!t || t.subject.home !== t.residence) return;
    const { subject, residence } = t;
    const dest = this.destination();
    const size = Math.max(2, Math.round(fromDistribution(life.cottages.trips.party, s.next())));
    const party: Member[] = pinned ? pinned.party : [subject];
    if (!pinned && t.reporter.home === residence && !life.storyline.tripHeld(t.reporter.id, day))
      party.push(t.reporter);
    const friends = pinned
      ? []
      : [...subject.ties.values()]
          .filter(
            (x) =>
              x.who.home === residence && !party.includes(x.who) && !life.storyline.tripHeld(x.who.id, day),
          )
          .sort((a, b) => b.f + b.r - (a.f + a.r) || a.who.id - b.who.id);
    for (const f of friends) if (party.length < size) party.push(f.who);
    const tripEvent = life.emit(
      day,
      EVENT_CODES.possible_trip,
      subject.id,
      NONE,
      dest.place,
      party.length,
      t.report,
      {
        town: dest.town,
        party: party.map((m) => m.id),
        report: t.report,
      },
    );
    life.involve(
      tripEvent,
      party.filter((m) => m !== subject).map((m) => m.id),
      SCHOOL_ROLES.traveller,
    );

    const original = this.makeOriginal(subject, index, dest);
    const drawnRight = s.chance(life.cottages.trips.rightChance);
    const right = pinned ? pinned.right : drawnRight;
    const seen = life.ctx.rec.nextId;
    const belief = learn(
      life,
      subject,
      'my-possible',
      right ? 'seen' : 'not-them',
      day,
      seen,
      'experience',
      0.9,
      {
        about: original,
        truth: true,
      },
    );
    life.emit(
      day,
      EVENT_CODES.possible_seen,
      subject.id,
      original,
      dest.place,
      belief ? belief.id : NONE,
      tripEvent,
      {
        right,
        town: dest.town,
      },
    );
    if (!right && s.chance(0.25 + 0.5 * subject.traits.temper))
      this.outburst(subject, party, dest, day, seen, s);
    for (const m of party) {
      const pinned = life.findsOnTrip.has(m.id);
      const kind = life.findsOnTrip.get(m.id) ?? null;
      life.findsOnTrip.delete(m.id);
      // A pinned find of a kind is the most recently lost thing of that kind.
      if (pinned && kind !== null) {
        for (let i = m.lost.length - 1; i >= 0; i--) {
          const item = life.items[m.lost[i]! - 1]!;
          if (item.kind !== kind) continue;
          this.found(m, item, dest, day, tripEvent, s);
          m.lost.splice(i, 1);
          break;
        }
        continue;
      }
      for (let i = 0; i < m.lost.length; i++) {
        if (!pinned && (!s.chance(life.cottages.trips.findLostChance) || life.storyline.findHeld(m.id, day)))
          continue;
        this.found(m, life.items[m.lost[i]! - 1]!, dest, day, tripEvent, s);
        m.lost.splice(i, 1);
        break;
      }
    }
    for (const m of party) {
      const tie = (o: Member) => life.tie(m, o);
      for (const o of party) if (o !== m) tie(o).f = Math.min(1, tie(o).f + 0.05);
    }
  }

  private outburst(
    subject: Member,
    party: readonly Member[],
    dest: Destination,
    day: number,
    cause: number,
    s: Sequence,
  ): void {
    const life = this.life;
    const event = life.ctx.rec.nextId;
    const own = learn(life, subject, 'originals', 'gutter', day, event, 'outburst', 0.8);
    const heard: number[] = [];
    for (const m of party) {
      if (m === subject || !s.chance(0.6 * m.traits.credulity)) continue;
      if (
        learn(life, m, 'originals', 'gutter', day, event, 'outburst', 0.5, {
          via: subject.id,
          ...(own ? { parent: own } : {}),
        })
      )
        heard.push(m.id);
    }
    const id = life.emit(day, EVENT_CODES.outburst, subject.id, NONE, dest.place, party.length - 1, cause, {
      about: 'originals',
      v: 'gutter',
    });
    if (id !== event) throw new Error(`outburst: expected event ${event}, recorded ${id}`);
    life.involve(
      id,
      party.filter((m) => m !== subject).map((m) => m.id),
      SCHOOL_ROLES.listener,
    );
    subject.strain = unit(subject.strain + 0.3);
  }

  private found(m: Member, lost: Item, dest: Destination, day: number, cause: number, s: Sequence): void {
    const life = this.life;
    const copy = s.chance(0.55);
    let item = lost;
    if (copy) {
      item = {
        ...lost,
        id: life.items.length + 1,
        saleEvent: NONE,
        bought: day,
        price: 0,
        buyer: m.id,
        owner: m.id,
        fate: 'held',
        lostOn: NONE,
        version: 0,
        copyOf: lost.id,
        foundOn: day,
        foundEvent: NONE,
      };
      life.items.push(item);
    }
    const event = life.emit(day, EVENT_CODES.item_found, m.id, NONE, dest.place, item.id, cause, {
      copy,
      lostOn: lost.lostOn === NONE ? null : lost.lostOn,
      town: dest.town,
    });
    item.foundOn = day;
    item.foundEvent = event;
    life.hold(item, m, day, event, 'found');
    if (inNorfolk(dest)) {
      const held = life.book.current(m.id, 'norfolk');
      if (!held || held.version !== 'lost-property') {
        const ev = life.ctx.rec.nextId;
        const b = learn(life, m, 'norfolk', 'lost-property', day, ev, 'experience', 0.7);
        life.emit(day, EVENT_CODES.learned_by_experience, m.id, NONE, dest.place, b ? b.id : NONE, event, {
          p: 'norfolk',
          v: 'lost-property',
          what: 'found a lost thing there',
        });
      }
    }
  }

  /** An ordinary person outside the programme, seen on a trip: the sighted "possible". */
  private makeOriginal(subject: Member, index: number, dest: Destination): number {
    const life = this.life;
    const p = life.ctx.people;
    const key = hash4(subject.key, 0x0419, index, 0);
    const draw = life.ctx.streams.draw('original');
    const years = 18 + 16 * draw.at(key, 0);
    const id = p.add(
      KIND_ORIGINAL,
      subject.sex,
      key,
      dest.place === NONE ? subject.home : dest.place,
      Math.round(subject.born - years * DAYS_PER_YEAR),
    );
    const names = subject.sex === SEX_FEMALE ? FEMALE_NAMES : MALE_NAMES;
    const given = names[Math.floor(draw.at(key, 1) * names.length)]!;
    const surname = SURNAMES[7 + Math.floor(draw.at(key, 2) * (SURNAMES.length - 7))]!;
    p.namedAs.set(id, `${given} ${surname}`);
    return id;
  }
}
