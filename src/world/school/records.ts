/**
 * The records school life keeps of the people it follows and what they make and own: a
 * member's traits, hand and ties; works, items and their holdings; couples, cliques and staff.
 * The state that holds them, and its rules, are in life.ts.
 */
import type { ArtMedium, ArtStyle } from './media.js';

/** Personality, each 0..1, drawn once. */
export interface Traits {
  sociability: number;
  agreeableness: number;
  temper: number;
  confidence: number;
  /** How readily they believe what they are told. */
  credulity: number;
  imagination: number;
}

/** How a person makes art: their hand, drawn once. */
export interface ArtHand {
  /** Skill at sixteen (0..1). */
  talent: number;
  originality: number;
  temperament: number;
  style: ArtStyle;
  hue: number;
  /** Works a year. */
  pace: number;
  medium: ArtMedium;
  /** Late bloomers (the animals style) find their hand after school. */
  late: boolean;
  /** Every work is in `medium` (a cast entry fixed it), never another by chance. */
  keepsMedium?: boolean;
}

/** One person's view of another. Each axis runs -1..1. */
export interface Tie {
  /** The one this tie looks at. */
  readonly who: Member;
  f: number;
  r: number;
  t: number;
  /** A friendship has been recorded (and not broken since). */
  friends: boolean;
  /** The mutual pull of the two (0..1), the same both ways and for ever. */
  readonly spark: number;
}

export interface Member {
  readonly id: number;
  readonly key: number;
  readonly sex: number;
  readonly born: number;
  readonly cohort: number;
  /** The school they grew up at. */
  readonly school: number;
  /** Came from another school to the residence. */
  readonly veteran: boolean;
  /** Where they live now (a school or a residence). */
  home: number;
  readonly traits: Traits;
  readonly art: ArtHand;
  tokens: number;
  /** Standing among classmates, 0..1. */
  standing: number;
  /** Strain (teasing, never being chosen), 0..1; tantrums come from it. */
  strain: number;
  /** Works taken for the Gallery. */
  chosen: number;
  works: number;
  readonly ties: Map<number, Tie>;
  /** The same ties as a list, for drawing one at random. */
  tieList: Tie[];
  couple: number;
  clique: number;
  /** Works made since the last Exchange and still with the maker. */
  recent: number[];
  /** Items held now. */
  items: number[];
  /** Items lost and not yet found. */
  lost: number[];
  /** A guardian has told them their art does not matter. */
  comforted: boolean;
  /** Age in years at the current tick (set when a tick's scope is built). */
  ageNow: number;
  /** How well liked they are by those who know them, 0..1 (reckoned once a year). */
  popularity: number;
  /** Their year group at the current tick (set when a tick's scope is built). */
  group: Member[];
}

export type WorkFate = 'kept' | 'exchanged' | 'gallery';

export interface Work {
  readonly id: number;
  readonly maker: number;
  readonly made: number;
  readonly place: number;
  readonly medium: ArtMedium;
  readonly style: ArtStyle;
  readonly skill: number;
  readonly originality: number;
  readonly temperament: number;
  readonly hue: number;
  readonly age: number;
  /** Whom a portrait shows (the maker's fondest friend then), or NONE. */
  readonly friend: number;
  madeEvent: number;
  fate: WorkFate;
  owner: number;
  fateOn: number;
  fateEvent: number;
  /** Tokens the school paid for it at an Exchange (0: not accepted or never offered). */
  paid: number;
  /** Price a classmate paid (0: never sold). */
  price: number;
}

export type ItemFate = 'held' | 'lost' | 'given' | 'left';

export interface Item {
  readonly id: number;
  readonly kind: string;
  readonly label: string;
  readonly saleEvent: number;
  readonly bought: number;
  readonly price: number;
  readonly buyer: number;
  owner: number;
  fate: ItemFate;
  lostOn: number;
  /** Bumped on every change of hands, so a stale loss wake-up is ignored. */
  version: number;
  /** The lost item this is a twin of, or NONE. */
  readonly copyOf: number;
  foundOn: number;
  foundEvent: number;
}

export interface Holding {
  readonly item: number;
  readonly person: number;
  readonly from: number;
  until: number;
  readonly eventIn: number;
  eventOut: number;
  readonly how: 'bought' | 'found' | 'given';
  howOut: 'lost' | 'given' | null;
}

export interface Couple {
  readonly id: number;
  readonly a: number;
  readonly b: number;
  readonly place: number;
  readonly formed: number;
  readonly formedEvent: number;
  ended: number;
  endedEvent: number;
  endedBy: number;
  reason: string | null;
}

export interface Clique {
  readonly id: number;
  readonly place: number;
  readonly leader: number;
  readonly founded: number;
  readonly foundedEvent: number;
  ended: number;
  members: number[];
}

export interface Staff {
  readonly id: number;
  readonly place: number;
  readonly role: 'guardian' | 'headmistress';
  readonly warmth: number;
  /** Inclined to speak plainly. */
  readonly plain: boolean;
  readonly joined: number;
  left: number;
  leaving: boolean;
}
