/**
 * The places of the novel, pinned to the map. Real towns take their real coordinates; the
 * fictional ones (the school, the farm where leavers wait, the Kingsfield centre and the boat)
 * are given a plausible spot that fits the journeys the story makes between them, and are
 * marked `fictional: true` so that no map or chronicle presents a guess as a fact. Each note
 * says, in this project's own words, why the point sits where it does.
 */

import { NotFoundError } from '../../errors.js';

/** What a canon place is in the world. */
export type CanonPlaceKind =
  'school' | 'residence' | 'recovery-centre' | 'town' | 'landmark' | 'home-of-madame';

/** The stable ids of the novel's places. */
export type CanonPlaceId =
  | 'hailsham'
  | 'the-cottages'
  | 'kingsfield'
  | 'dover-centre'
  | 'stranded-boat'
  | 'madame-littlehampton'
  | 'cromer'
  | 'norfolk';

/** A place of the novel with WGS84 coordinates and a note on how the point was chosen. */
export interface CanonPlace {
  readonly id: CanonPlaceId;
  readonly name: string;
  readonly kind: CanonPlaceKind;
  readonly lat: number;
  readonly lon: number;
  /** True when the place is invented by the novel and the coordinates are this project's choice. */
  readonly fictional: boolean;
  readonly note: string;
}

/** The novel's places, in the order the story first reaches them. */
export const CANON_PLACES: readonly CanonPlace[] = [
  {
    id: 'hailsham',
    name: 'Hailsham',
    kind: 'school',
    lat: 51.012,
    lon: -0.556,
    fictional: true,
    note:
      'The school is invented and the book never gives an address, only a sheltered site in ' +
      'farmland somewhere in the south of England. We put it in the quiet Weald of West Sussex, ' +
      'between Petworth and Billingshurst, well away from the real East Sussex market town of the ' +
      'same name, which has nothing to do with the school.',
  },
  {
    id: 'the-cottages',
    name: 'the Cottages',
    kind: 'residence',
    lat: 52.152,
    lon: -2.881,
    fictional: true,
    note:
      'An invented former farm, its outbuildings turned into lodgings for leavers. We chose the ' +
      'Herefordshire farm country near the Welsh border, west of Hereford: remote mixed farming ' +
      'land of the right kind, and some 370 km from Cromer by roadKm(), so the borrowed-car ' +
      'outing to Norfolk is a long day there and back, as the story needs.',
  },
  {
    id: 'cromer',
    name: 'Cromer',
    kind: 'town',
    lat: 52.931,
    lon: 1.302,
    fictional: false,
    note:
      'A real seaside town on the north Norfolk coast and the destination of the trip from the ' +
      'Cottages, where the group goes looking for a possible. Coordinates are the town centre.',
  },
  {
    id: 'norfolk',
    name: 'Norfolk',
    kind: 'landmark',
    lat: 52.65,
    lon: 0.95,
    fictional: false,
    note:
      'The real county, which Hailsham folklore treats as the corner of England where lost ' +
      'belongings end up. The point is roughly the middle of the county, for labelling a map.',
  },
  {
    id: 'dover-centre',
    name: 'the recovery centre at Dover',
    kind: 'recovery-centre',
    lat: 51.128,
    lon: 1.313,
    fictional: false,
    note:
      'Dover is real; the centre where Ruth recovers between donations is not identified with any ' +
      'actual building, so the point is the town centre.',
  },
  {
    id: 'kingsfield',
    name: 'Kingsfield',
    kind: 'recovery-centre',
    lat: 51.055,
    lon: 0.74,
    fictional: true,
    note:
      'An invented recovery centre, once a holiday camp, where Tommy stays as a donor. The book ' +
      'does not place it; we put it in the Kent countryside near Tenterden because the carer in ' +
      'the story collects a donor from Dover and then one from Kingsfield in a single afternoon, ' +
      'which needs the two within an hour or so by road.',
  },
  {
    id: 'stranded-boat',
    name: 'the stranded boat',
    kind: 'landmark',
    lat: 51.012,
    lon: 0.835,
    fictional: true,
    note:
      'An invented landmark: an old fishing boat left high and dry in marshy ground behind a ' +
      'stand of dead trees, a short drive from Kingsfield. Romney Marsh, the nearest real marsh ' +
      'country to our Kingsfield, is where we set it.',
  },
  {
    id: 'madame-littlehampton',
    name: "Madame's house, Littlehampton",
    kind: 'home-of-madame',
    lat: 50.808,
    lon: -0.541,
    fictional: false,
    note:
      'Littlehampton is a real seaside town on the West Sussex coast, where Madame lives in ' +
      'retirement in a terraced house near the front. The house itself is not identified; the ' +
      'point is near the seafront.',
  },
];

/**
 * The canon place with the given id.
 *
 * @throws NotFoundError when no place has that id (possible only from untyped input).
 * @example
 * canonPlace('kingsfield').fictional // true
 */
export function canonPlace(id: CanonPlaceId): CanonPlace {
  const place = CANON_PLACES.find((p) => p.id === id);
  if (place === undefined) {
    throw new NotFoundError(`canonPlace: no canon place with id '${String(id)}'`);
  }
  return place;
}
