/**
 * Titles for students' works, built from small word lists by medium and style: what a child
 * might write under a picture or at the head of a poem. The words are this project's own.
 */
import type { Sequence } from '../streams.js';
import type { ArtMedium, ArtStyle } from './media.js';

const CREATURE_ADJ = [
  'Clockwork',
  'Brass',
  'Many-legged',
  'Armoured',
  'Tin',
  'Spring-tailed',
  'Riveted',
  'Patient',
  'Sleeping',
  'Hinged',
  'Scaly',
  'Careful',
  'Copper',
  'Watchful',
];
const CREATURES = [
  'Heron',
  'Beetle',
  'Hare',
  'Owl',
  'Frog',
  'Lizard',
  'Badger',
  'Moth',
  'Tortoise',
  'Otter',
  'Crab',
  'Snail',
  'Newt',
  'Mole',
  'Hedgehog',
  'Wren',
];
// The renderer invents its own creatures, so titles name their nature, not their species.
const CREATURE_NOUNS = ['Creatures', 'Animals', 'Beasts', 'Little Ones', 'Things That Crawl'];
const CREATURE_FRAMES = [
  (a: string, c: string) => `${a} ${c}`,
  (a: string, c: string) => `${c} with ${a} Joints`,
  (a: string, _c: string) => `The ${a} Ones`,
  (_a: string, c: string) => `What the ${c} Keep Inside`,
  (a: string, c: string) => `${c}, Mostly ${a}`,
  (a: string, c: string) => `A Parade of ${a} ${c}`,
];

const SPOTS = [
  'The Top Field',
  'The Pond',
  'The Lane',
  'The Orchard',
  'The Woods',
  'The Pavilion',
  'The Long Meadow',
  'The Hedge',
];
const WHEN = [
  'in Winter',
  'after Rain',
  'at Dusk',
  'in Mist',
  'in June',
  'from the Window',
  'in the Snow',
  'Early',
];
const SEA = [
  'Grey Sea',
  'Boats at Low Tide',
  'The Pier in Wind',
  'A Harbour I Made Up',
  'Gulls over Water',
  'The Sea Wall',
  'A Boat Nobody Sails',
];
const BUILDINGS = [
  'The Main House',
  'Chimneys',
  'The Stable Block',
  'Our Dormitory Window',
  'The Chapel Roof',
  'Rooftops',
  'The Gate Lodge',
  'A House with Nine Windows',
];
const STILL = [
  'Jug and Three Apples',
  'Shoes by the Door',
  'Jar of Brushes',
  'Teacup and Pine Cone',
  'Bread and a Knife',
  'Conkers on a Plate',
  'A Glove',
];
const PATTERN = [
  'Blue Diamonds',
  'Zigzags',
  'Tiles',
  'Stitches',
  'Squares within Squares',
  'Ladders',
  'Scales',
];
const ABSTRACT = [
  'Noise',
  'Thinking in Red',
  'Before the Storm',
  'Untitled',
  'Loud',
  'Something Like Waiting',
  'Quiet Colours',
];
const POEM = [
  (t: string) => `On ${t}`,
  (t: string) => `A Song for ${t}`,
  (t: string) => `What ${t} Would Say`,
  (t: string) => `Counting ${t}`,
  (t: string) => `Nobody Asked ${t}`,
];
const POEM_THINGS = [
  'the Pavilion',
  'a Lost Glove',
  'the Van',
  'the Far Fence',
  'the Last Swallow',
  'Sunday Afternoons',
  'the Big Oak',
  'Wet Shoes',
  'the Corridor at Night',
  'Tokens',
  'Being Chosen',
  'the Hill',
];
const POEM_WHOLE = [
  'When the Van Comes',
  'Counting the Windows',
  'A Letter Nobody Sends',
  'Rain on the Roof',
  'The Game We Never Finish',
];
const SCULPT = [
  (t: string) => `${t} in Clay`,
  (t: string) => `Papier-mâché ${t}`,
  (t: string) => `Wire ${t}`,
  (t: string) => `Carved ${t}`,
];
const SCULPT_THINGS = ['Owl', 'Head', 'Hand', 'Boat', 'Horse', 'Tower', 'Cat', 'Bowl', 'Fish', 'Tree'];

/**
 * A title for a work.
 * @example titleFor(stream, 'picture', 'animals', 'Ruth') // "The Clockwork Heron"
 */
export function titleFor(s: Sequence, medium: ArtMedium, style: ArtStyle, friend: string | null): string {
  if (medium === 'poem') return s.chance(0.25) ? s.pick(POEM_WHOLE) : s.pick(POEM)(s.pick(POEM_THINGS));
  if (medium === 'sculpture') {
    if (style === 'animals') return `${s.pick(CREATURE_ADJ)} ${s.pick(CREATURES)}, Modelled`;
    return s.pick(SCULPT)(s.pick(SCULPT_THINGS));
  }
  switch (style) {
    case 'animals':
      return s.pick(CREATURE_FRAMES)(s.pick(CREATURE_ADJ), s.pick(CREATURE_NOUNS));
    case 'landscape':
      return `${s.pick(SPOTS)} ${s.pick(WHEN)}`;
    case 'seascape':
      return s.pick(SEA);
    case 'buildings':
      return s.pick(BUILDINGS);
    case 'portrait':
      if (friend && s.chance(0.7)) return s.chance(0.5) ? `Portrait of ${friend}` : `${friend} Reading`;
      return s.chance(0.5) ? 'Self-portrait' : 'Self-portrait with a Pencil';
    case 'still-life':
      return s.pick(STILL);
    case 'pattern':
      return s.pick(PATTERN);
    case 'abstract':
      return s.pick(ABSTRACT);
    default:
      return 'Untitled';
  }
}
