/**
 * One-line labels for the events of school life and the Cottages (codes 20–59), for timelines
 * in the terminal and the explorer. Labels, not prose: the chronicle writes the prose.
 */
import { findVersion } from '../world/beliefs/propositions.js';
import { eventTypeName } from '../world/event-types.js';
import type { DescribableEvent, Names } from './describe-event.js';
import { eventData } from './event-data.js';

const parse = eventData;

/** A belief's wording: the version's sentence, or "prop: version" for an unknown one. */
export function beliefText(prop: string | undefined, version: string | undefined): string {
  if (!prop || !version) return 'something';
  const v = findVersion(prop, version);
  return v ? `"${v.text}"` : `${prop}: ${version}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Describes a school-life event in a line, or returns undefined for other types.
 * @example describeSchoolEvent(e, names) // "Madame took 3 works for the Gallery from Hailsham"
 */
export function describeSchoolEvent(e: DescribableEvent, names: Names): string | undefined {
  const thing = (id: number): string => names.item?.(id) ?? `item #${id}`;
  const who = e.person !== null ? names.person(e.person) : '';
  const other = e.other !== null ? names.person(e.other) : '';
  const where = e.place !== null ? names.place(e.place) : '';
  const v = e.value ?? 0;
  switch (eventTypeName(e.type)) {
    case 'works_made':
      return `${plural(v, 'work')} of art made at ${where}`;
    case 'exchange_held': {
      const d = parse<{ offered: number[][] }>(e.data);
      const offered = d.offered?.length ?? 0;
      const paid = d.offered?.filter((o) => (o[2] ?? 0) > 0).length ?? 0;
      return `an Exchange at ${where}: ${plural(offered, 'work')} offered, ${paid} accepted, ${v} bought`;
    }
    case 'sale_held': {
      const d = parse<{ unsold: number }>(e.data);
      return `a Sale at ${where}: ${plural(v, 'thing')} bought, ${d.unsold ?? 0} sent back`;
    }
    case 'gallery_visit':
      return `${who} came to ${where} and took ${plural(v, 'work')} for the Gallery`;
    case 'work_chosen':
      return `${who}'s work #${v} was taken for the Gallery`;
    case 'item_lost':
      return `${who} lost ${thing(v)}${where ? ` at ${where}` : ''}`;
    case 'item_found': {
      const d = parse<{ copy: boolean; town: string }>(e.data);
      return `${who} found ${d.copy ? 'a twin of a lost thing' : 'a lost thing'} (${thing(v)}) in ${d.town ?? where}`;
    }
    case 'item_given':
      return `${who} gave ${other} ${thing(v)}`;
    case 'friendship_formed':
      return `${who} and ${other} became friends`;
    case 'friendship_broken': {
      const d = parse<{ over: string }>(e.data);
      return `${who} fell out with ${other} over ${d.over ?? 'something'}`;
    }
    case 'couple_formed':
      return `${who} and ${other} became a couple`;
    case 'couple_ended': {
      const d = parse<{ reason: string }>(e.data);
      const why =
        d.reason === 'left'
          ? 'when one of them left'
          : d.reason === 'quarrel'
            ? 'after a quarrel'
            : 'as they drifted apart';
      return `${who} and ${other || 'their partner'} parted ${why}`;
    }
    case 'clique_formed': {
      const d = parse<{ members: number[] }>(e.data);
      return `${who} gathered a clique of ${plural(d.members?.length ?? 0, 'friend')} at ${where}`;
    }
    case 'clique_changed': {
      const d = parse<{ change: string }>(e.data);
      if (d.change === 'dissolved') return `${who}'s clique broke up`;
      return d.change === 'joined' ? `${who} joined ${other}'s clique` : `${who} left ${other}'s clique`;
    }
    case 'tantrum': {
      const d = parse<{ trigger: string; answers: [number, string][] }>(e.data);
      const laughed = d.answers?.filter((a) => a[1] === 'laughed').length ?? 0;
      const calmed = d.answers?.filter((a) => a[1] === 'calmed').length ?? 0;
      return `${who} had a tantrum over ${d.trigger ?? 'something'} (${laughed} laughed, ${calmed} tried to calm them)`;
    }
    case 'teased': {
      const d = parse<{ over: string; joined: number[]; shieldedBy: number }>(e.data);
      const joined = d.joined?.length ?? 0;
      const shield =
        d.shieldedBy !== undefined && d.shieldedBy >= 0
          ? `, until ${names.person(d.shieldedBy)} stopped it`
          : '';
      return `${other} teased ${who} about ${d.over ?? 'something'}${joined ? ` (${joined} joined in)` : ''}${shield}`;
    }
    case 'guardian_disclosed': {
      const d = parse<{ p: string; v: string; tookIn: number }>(e.data);
      return `${who} told the ${v} class ${beliefText(d.p, d.v)} (${d.tookIn ?? 0} took it in)`;
    }
    case 'guardian_spoke_plainly': {
      const d = parse<{ reaction: string }>(e.data);
      return `${who} told the ${v} class plainly what their lives would be (${d.reaction ?? 'silence'})`;
    }
    case 'guardian_left':
      return `${who} left ${where}`;
    case 'guardian_spoke_to': {
      const d = parse<{ kind: string; about: string }>(e.data);
      const said: Record<string, string> = {
        comfort: 'told them it did not matter if they were not creative',
        praise: 'praised their work',
        shield: 'stood up for them',
        truth: 'told them she had been wrong: their art did matter',
      };
      return `${who} spoke to ${other}: ${said[d.kind ?? ''] ?? d.about ?? ''}`;
    }
    case 'rumour_started': {
      const d = parse<{ p: string; v: string; how: string }>(e.data);
      const about = other ? ` about ${other}` : '';
      return `${who} started a rumour${about}: ${beliefText(d.p, d.v)} (${d.how ?? ''})`;
    }
    case 'rumour_heard': {
      const d = parse<{ p: string; v: string; from?: string }>(e.data);
      return `${who} heard from ${other} ${beliefText(d.p, d.v)}${d.from ? ` (changed in the telling from "${d.from}")` : ''}`;
    }
    case 'rumour_debunked': {
      const d = parse<{ p: string; v: string; now: string }>(e.data);
      return `${who || 'someone'} put down the rumour ${beliefText(d.p, d.v)}; ${plural(v, 'person', 'people')} set right`;
    }
    case 'learned_by_experience': {
      const d = parse<{ p: string; v: string; what: string }>(e.data);
      return `${who} came to believe ${beliefText(d.p, d.v)} (${d.what ?? 'experience'})`;
    }
    case 'madame_tested':
      return `${who} and ${plural(Math.max(0, v - 1), 'other')} crowded round ${other} to see if she was afraid of them`;
    case 'madame_moved':
      return `${other} came upon ${who} alone with a song, and was moved to tears`;
    case 'possible_trip': {
      const d = parse<{ town: string }>(e.data);
      return `${plural(v, 'resident')} went to ${d.town ?? where} to look for ${who}'s possible`;
    }
    case 'possible_seen': {
      const d = parse<{ right: boolean; town: string }>(e.data);
      return d.right
        ? `${who} saw ${other} in ${d.town ?? where}: their possible, it seemed`
        : `${who} saw ${other} in ${d.town ?? where}, and knew she was not their possible`;
    }
    case 'outburst': {
      const d = parse<{ about: string; v: string }>(e.data);
      return `${who} said bitterly ${beliefText(d.about, d.v)}`;
    }
    default:
      return undefined;
  }
}
