/**
 * What people believed, as "that …" clauses for reported speech: "Ruth told me that Madame
 * kept our best pieces in a house of her own". The wording is ours; a version this table does
 * not know falls back to the world's own text of it. First person says "we" and "us"; third
 * person says "they" and "them".
 */
import { pronoun } from './names.js';
import { lowerFirst } from './words.js';

type Clause = (w: {
  we: string;
  us: string;
  our: string;
  ourselves: string;
  I: string;
  me: string;
  my: string;
}) => string;

const CLAUSES: Record<string, Clause> = {
  'we-are-clones/yes': (x) => `${x.we} had each been copied from someone living an ordinary life outside`,
  'we-will-donate/vaguely': (x) =>
    `some day, far ahead, ${x.we} would give parts of ${x.ourselves} to people who needed them`,
  'we-will-donate/plainly': (x) =>
    `${x.we} would give ${x.our} organs one at a time, beginning in ${x.our} twenties, until ${x.we} completed`,
  'no-children/yes': (x) => `none of ${x.us} would ever be able to have a child`,
  'no-ordinary-future/yes': (x) =>
    `none of ${x.us} would have a career or grow old, because ${x.our} lives had been settled before ${x.we} were born`,
  'gallery-purpose/souls': (x) =>
    `the Gallery had been meant to prove to people outside that ${x.we} had souls`,
  'gallery-purpose/collection': (x) => `Madame kept ${x.our} best pieces in a great house of her own`,
  'gallery-purpose/sold': (x) => `${x.our} pieces were sold abroad, and the money kept the school going`,
  'gallery-purpose/talent': () =>
    `Madame was picking out the gifted ones, who would be kept back for something special`,
  'gallery-purpose/deferrals': (x) =>
    `the Gallery kept ${x.our} work so that it could be weighed if a couple ever asked for a deferral`,
  'deferral/exists': () =>
    `a couple who were truly in love could ask for a few years together before the donations began`,
  'deferral/hailsham-only': () =>
    `only Hailsham couples could get a deferral, and only if they asked in the right way`,
  'deferral/proof-by-art': () => `a couple could prove their love with the art they had made as children`,
  'deferral/no-such-thing': () => `there were no deferrals, and there never had been`,
  'madame-runs-hailsham/madame': () => `Madame ran the school, and the guardians answered to her`,
  'madame-runs-hailsham/headmistress': () => `the headmistress ran the school, and Madame only came and went`,
  'madame-fears-us/afraid': (x) => `Madame was afraid of ${x.us}`,
  'madame-fears-us/shy': () => `Madame was only shy of crowds of children`,
  'woods/runaway-boy': () =>
    `a boy who had run off past the fence had been found in the woods, and walked there still`,
  'woods/fence-girl': (x) =>
    `a girl who had climbed out had never been let back in, and watched ${x.us} from the trees`,
  'woods/just-woods': () => `the woods were only woods`,
  'norfolk/lost-corner': () => `Norfolk was a far-off corner of England, on the way to nowhere`,
  'norfolk/lost-property': () => `whatever was lost anywhere in England turned up in Norfolk in the end`,
  'madame-address/seaside': () => `Madame lived in a town by the sea, where she could be found`,
  'my-possible/seen': (x) => `the person someone had seen was the one ${x.I} had been copied from`,
  'my-possible/not-them': (x) => `the person ${x.we} had gone to see was not ${x.my} model after all`,
  'originals/gutter': (x) => `${x.we} had been copied from drunks, tramps and convicts`,
  'originals/anyone': (x) => `${x.our} models could have been anyone at all`,
};

/**
 * A belief as a "that" clause (without the "that").
 * @example beliefClause('no-children', 'yes', 'first', 'female') // 'none of us would ever be able to have a child'
 */
export function beliefClause(
  prop: string,
  version: string,
  perspective: 'first' | 'third',
  sex: string,
  fallback?: string,
): string {
  const first = perspective === 'first';
  const he = pronoun(sex, 'subj');
  const his = pronoun(sex, 'pos');
  const words = first
    ? { we: 'we', us: 'us', our: 'our', ourselves: 'ourselves', I: 'I', me: 'me', my: 'my' }
    : {
        we: 'they',
        us: 'them',
        our: 'their',
        ourselves: 'themselves',
        I: he,
        me: he === 'he' ? 'him' : 'her',
        my: his,
      };
  const c = CLAUSES[`${prop}/${version}`];
  if (c) return c(words);
  return lowerFirst((fallback ?? `${prop} (${version})`).replace(/\.$/, ''));
}

/** Propositions that matter most to a life, for choosing which beliefs to tell. */
export const BELIEF_WEIGHT: Record<string, number> = {
  'we-are-clones': 3,
  'we-will-donate': 3,
  'no-children': 2.5,
  'no-ordinary-future': 3,
  'gallery-purpose': 3,
  deferral: 3.5,
  'madame-runs-hailsham': 1.5,
  'madame-fears-us': 2,
  woods: 1.5,
  norfolk: 2,
  'madame-address': 2,
  'my-possible': 2.5,
  originals: 2.5,
};
