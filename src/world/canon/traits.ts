/**
 * The cast's traits in the world's own terms. A cast entry may fix what the rules would
 * otherwise draw for a person: their style and medium of art (Tommy's `style: animals` makes
 * him a late-blooming drawer of imaginary animals) and any of their personality or hand traits
 * (`temper`, `skill`, `originality`, …). Drawn values stay for whatever the entry leaves open.
 */
import type { CastMember } from '../../scenario/canon-schema.js';
import type { ArtHand, Traits } from '../school/life.js';

const PERSONALITY: readonly (keyof Traits)[] = [
  'sociability',
  'agreeableness',
  'temper',
  'confidence',
  'credulity',
  'imagination',
];

/**
 * A person's traits and hand with their cast entry laid over the drawn ones.
 * @example asCast(tommy, drawnTraits, drawnHand).hand.style // 'animals'
 */
export function asCast(
  member: CastMember | undefined,
  traits: Traits,
  hand: ArtHand,
): { traits: Traits; hand: ArtHand } {
  if (!member) return { traits, hand };
  const t = { ...traits };
  const set = member.traits ?? {};
  for (const k of PERSONALITY) if (set[k] !== undefined) t[k] = set[k];
  const h: ArtHand = { ...hand };
  if (set.skill !== undefined) h.talent = set.skill;
  if (set.talent !== undefined) h.talent = set.talent;
  if (set.originality !== undefined) h.originality = set.originality;
  if (set.temperament !== undefined) h.temperament = set.temperament;
  else if (set.temper !== undefined)
    h.temperament = Math.round((0.65 * set.temper + 0.35 * hand.temperament) * 1000) / 1000;
  if (member.style !== undefined) {
    h.style = member.style;
    // The animals are Tommy's kind: childish at school, his own after it.
    h.late = member.style === 'animals';
  }
  if (member.style !== undefined || member.medium !== undefined) {
    h.medium = member.medium ?? 'picture';
    h.keepsMedium = true;
  }
  return { traits: t, hand: h };
}
