/**
 * Cliques: once a year in each year group the boldest without a clique may gather their friends
 * into one (Ruth's kind); drifting members leave, the liked may join, and a clique dissolves
 * when its leader goes.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import { SCHOOL_ROLES } from './events.js';
import type { Clique, Life, Member } from './life.js';
import { poisson, signed, unit } from './life.js';
import { type TickScope } from './social.js';

/**
 * Once a year, in each year group old enough, the boldest of those without a clique may gather
 * their friends into one; drifting members leave, and the liked may join.
 */
export function cliqueYear(life: Life, scope: TickScope, s: Sequence): void {
  const soc = life.school.social;
  const { day, place } = scope;
  for (const group of scope.groups.values()) {
    if (group.length < 4 || life.age(group[0]!, day) < soc.cliqueFromAge) continue;
    // Members who have drifted from the leader leave; the leader's favourites join.
    for (const m of group) {
      if (m.clique === NONE) continue;
      const c = life.cliques[m.clique - 1]!;
      if (c.leader === m.id || c.ended !== NONE) continue;
      const fond = m.ties.get(c.leader)?.f ?? 0;
      if (fond < 0.1 && s.chance(0.6)) leaveClique(life, c, m, day, 'left');
    }
    for (const c of cliquesLedIn(life, group)) {
      const leader = life.members.get(c.leader)!;
      for (const m of group) {
        if (m.clique !== NONE || m === leader || c.members.length >= 7) continue;
        const mine = m.ties.get(leader.id)?.f ?? 0;
        const theirs = leader.ties.get(m.id)?.f ?? 0;
        if (mine > 0.45 && theirs > 0.3 && s.chance(0.5)) {
          c.members.push(m.id);
          m.clique = c.id;
          life.cliqueMembers.push([c.id, m.id, day, NONE]);
          life.emit(day, EVENT_CODES.clique_changed, m.id, leader.id, place, c.id, c.foundedEvent, {
            change: 'joined',
          });
        }
      }
    }
    const n = Math.min(2, poisson(s, soc.cliquesPerYear));
    for (let k = 0; k < n; k++) {
      let leader: Member | undefined;
      let best = 0.25;
      for (const m of group) {
        if (m.clique !== NONE) continue;
        let free = 0;
        for (const t of m.ties.values())
          if (t.friends && t.who.clique === NONE && t.who.home === place) free++;
        if (free < 2) continue;
        const score = m.traits.confidence * (0.5 + m.traits.sociability) + 0.3 * m.standing + 0.1 * s.next();
        if (score > best) {
          best = score;
          leader = m;
        }
      }
      if (!leader) break;
      const members: Member[] = [];
      const friends = [...leader.ties.values()]
        .filter((t) => t.who.clique === NONE && t.who.home === place && (t.friends || t.f > 0.4))
        .sort((x, y) => y.f - x.f || x.who.id - y.who.id)
        .slice(0, 5);
      for (const t of friends) members.push(t.who);
      const id = life.cliques.length + 1;
      const event = life.emit(day, EVENT_CODES.clique_formed, leader.id, NONE, place, id, NONE, {
        members: members.map((m) => m.id),
      });
      life.involve(
        event,
        members.map((m) => m.id),
        SCHOOL_ROLES.member,
      );
      const c: Clique = {
        id,
        place,
        leader: leader.id,
        founded: day,
        foundedEvent: event,
        ended: NONE,
        members: [],
      };
      life.cliques.push(c);
      for (const m of [leader, ...members]) {
        m.clique = id;
        c.members.push(m.id);
        life.cliqueMembers.push([id, m.id, day, NONE]);
        if (m !== leader) {
          const t = life.tie(m, leader);
          t.t = signed(t.t + 0.2);
        }
      }
      leader.standing = unit(leader.standing + 0.05);
    }
  }
}

function cliquesLedIn(life: Life, group: readonly Member[]): Clique[] {
  const out: Clique[] = [];
  for (const m of group) {
    if (m.clique === NONE) continue;
    const c = life.cliques[m.clique - 1]!;
    if (c.leader === m.id && c.ended === NONE) out.push(c);
  }
  return out;
}

/**
 * A member leaves a clique; when the leader goes, the clique breaks up.
 */
export function leaveClique(life: Life, c: Clique, m: Member, day: number, why: 'left' | 'dissolved'): void {
  const place = c.place;
  if (m.id === c.leader || why === 'dissolved') {
    c.ended = day;
    life.emit(day, EVENT_CODES.clique_changed, c.leader, NONE, place, c.id, c.foundedEvent, {
      change: 'dissolved',
    });
    for (const id of c.members) {
      const x = life.members.get(id);
      if (x && x.clique === c.id) x.clique = NONE;
    }
    for (const row of life.cliqueMembers) if (row[0] === c.id && row[3] === NONE) row[3] = day;
    c.members = [];
    return;
  }
  life.emit(day, EVENT_CODES.clique_changed, m.id, c.leader, place, c.id, c.foundedEvent, { change: 'left' });
  m.clique = NONE;
  c.members = c.members.filter((x) => x !== m.id);
  for (const row of life.cliqueMembers)
    if (row[0] === c.id && row[1] === m.id && row[3] === NONE) row[3] = day;
}
