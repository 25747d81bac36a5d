/**
 * What people in the programme can believe: propositions, each with rival versions, and which
 * version is true in the world. A belief is a person holding one version of a proposition; the
 * belief book (./book.ts) keeps who holds what, since when, and from where. Versions name the
 * ways a rumour can change as it passes from mouth to mouth (`turnsInto`), and how readily
 * each is passed on (`spread`). The wording is this project's own.
 */

/** One way of believing a proposition. */
export interface Version {
  readonly id: string;
  /** The belief in a plain sentence, as the one who holds it would put it. */
  readonly text: string;
  /** True or false in the canon world; null where the world does not settle it. */
  readonly truth: boolean | null;
  /** How readily it is passed on in talk (0: never gossiped). */
  readonly spread: number;
  /** Versions it may turn into when retold. */
  readonly turnsInto: readonly string[];
  /** A vaguer version this one makes plain: someone who holds this one is not talked back into that. */
  readonly refines?: string;
}

export interface Proposition {
  readonly id: string;
  /** What it is about, as a heading. */
  readonly about: string;
  readonly versions: readonly Version[];
  /** Whether guardians put it down when they hear a false version of it at school. */
  readonly debunkable: boolean;
  /** Whether the version concerns the believer alone (their possible); not gossiped onwards. */
  readonly personal?: boolean;
}

const v = (
  id: string,
  text: string,
  truth: boolean | null,
  spread: number,
  turnsInto: string[] = [],
  refines?: string,
): Version => ({ id, text, truth, spread, turnsInto, ...(refines ? { refines } : {}) });

/** The propositions of the programme, in a stable order. */
export const PROPOSITIONS: readonly Proposition[] = [
  {
    id: 'we-are-clones',
    about: 'what we are',
    debunkable: false,
    versions: [
      v('yes', 'We were made as copies of other people, who live ordinary lives outside', true, 0.5),
    ],
  },
  {
    id: 'we-will-donate',
    about: 'what we are for',
    debunkable: false,
    versions: [
      v(
        'vaguely',
        'Some day, a long way off, we will give parts of our bodies to people who need them',
        true,
        0.35,
        ['plainly'],
      ),
      v(
        'plainly',
        'We will give our organs one at a time, in our twenties and thirties, until we complete',
        true,
        0.25,
        [],
        'vaguely',
      ),
    ],
  },
  {
    id: 'no-children',
    about: 'children',
    debunkable: false,
    versions: [v('yes', 'None of us can ever have a child', true, 0.2)],
  },
  {
    id: 'no-ordinary-future',
    about: 'our future',
    debunkable: false,
    versions: [
      v(
        'yes',
        'None of us will have a career, go to America or grow old; our lives are already settled',
        true,
        0.3,
      ),
    ],
  },
  {
    id: 'gallery-purpose',
    about: 'what the Gallery is for',
    debunkable: false,
    versions: [
      v('souls', 'The Gallery was to show people outside that we have souls at all', true, 0.3),
      v('collection', 'Madame keeps the best pieces in a great house of her own', false, 0.6, [
        'sold',
        'talent',
      ]),
      v('sold', 'Our pieces are sold abroad, and that money keeps the school going', false, 0.5, [
        'collection',
      ]),
      v(
        'talent',
        'Madame is looking for the gifted ones, who will be kept for something special',
        false,
        0.55,
        ['collection', 'deferrals'],
      ),
      v(
        'deferrals',
        'The Gallery keeps our work so that it can be weighed when a couple asks for a deferral',
        false,
        0.45,
        ['talent'],
      ),
    ],
  },
  {
    id: 'deferral',
    about: 'deferrals for couples',
    debunkable: false,
    versions: [
      v(
        'exists',
        'A couple who truly love each other can ask for a few years together before the donations start',
        false,
        0.7,
        ['hailsham-only', 'proof-by-art'],
      ),
      v(
        'hailsham-only',
        'Only couples from Hailsham can get a deferral, and only if they ask in the right way',
        false,
        0.55,
        ['exists'],
      ),
      v(
        'proof-by-art',
        'A couple proves their love with the art they made as children, which the Gallery kept',
        false,
        0.5,
        ['exists'],
      ),
      v('no-such-thing', 'There are no deferrals, and there never were', true, 0.15),
    ],
  },
  {
    id: 'madame-runs-hailsham',
    about: 'who runs the school',
    debunkable: true,
    versions: [
      v('madame', 'Madame is in charge of the school, and the guardians answer to her', false, 0.45),
      v('headmistress', 'The headmistress runs the school; Madame only comes and goes', true, 0.2),
    ],
  },
  {
    id: 'madame-fears-us',
    about: 'how Madame sees us',
    debunkable: false,
    versions: [
      v('afraid', 'Madame is afraid of us, the way some people are afraid of spiders', true, 0.4, ['shy']),
      v('shy', 'Madame is only shy of crowds of children', false, 0.3),
    ],
  },
  {
    id: 'woods',
    about: 'the woods behind the school',
    debunkable: true,
    versions: [
      v(
        'runaway-boy',
        'A boy who ran off past the fence was found in the woods, and he walks there still',
        false,
        0.8,
        ['fence-girl'],
      ),
      v(
        'fence-girl',
        'A girl who climbed out was never let back in, and she looks in at us from the trees',
        false,
        0.8,
        ['runaway-boy'],
      ),
      v('just-woods', 'The woods are only woods', true, 0.1),
    ],
  },
  {
    id: 'norfolk',
    about: 'Norfolk',
    debunkable: false,
    versions: [
      v('lost-corner', 'Norfolk is a far-off corner of England that is on the way to nowhere', true, 0.2, [
        'lost-property',
      ]),
      v('lost-property', 'Whatever is lost anywhere in England ends up in Norfolk', false, 0.5),
    ],
  },
  {
    id: 'madame-address',
    about: 'where Madame lives',
    debunkable: false,
    versions: [
      v('seaside', 'Madame lives in a house in a town by the sea, and you could find her there', true, 0.35),
    ],
  },
  {
    id: 'my-possible',
    about: 'my possible',
    debunkable: false,
    personal: true,
    versions: [
      v('seen', 'The person someone saw is the one I was copied from', null, 0),
      v('not-them', 'The person we went to see was not my model after all', null, 0),
    ],
  },
  {
    id: 'originals',
    about: 'where our models come from',
    debunkable: false,
    versions: [
      v(
        'gutter',
        'We were copied from drunks, tramps and convicts, never from people like those in offices',
        null,
        0.35,
        ['anyone'],
      ),
      v('anyone', 'Our models could be anyone at all', null, 0.2),
    ],
  },
];

const BY_ID = new Map(PROPOSITIONS.map((p) => [p.id, p]));

/**
 * A proposition by id.
 * @example proposition('deferral').versions.map((v) => v.id) // ['exists', 'hailsham-only', …]
 */
export function proposition(id: string): Proposition {
  const p = BY_ID.get(id);
  if (!p)
    throw new RangeError(`proposition: no proposition '${id}' (known: ${[...BY_ID.keys()].join(', ')})`);
  return p;
}

/** A version of a proposition, or undefined. */
export function findVersion(prop: string, version: string): Version | undefined {
  return BY_ID.get(prop)?.versions.find((x) => x.id === version);
}

/** True when the proposition and version exist. */
export function isKnownVersion(prop: string, version: string): boolean {
  return findVersion(prop, version) !== undefined;
}
