/**
 * The kinds of work students make: the medium and, for a picture, what it shows. School life
 * draws them for each student's hand; the art renderer (src/art) draws the works themselves.
 */

/** What a work is made in. */
export type ArtMedium = 'picture' | 'poem' | 'sculpture';

/** What a picture shows. Ignored for poems. */
export type ArtStyle =
  'animals' | 'landscape' | 'portrait' | 'still-life' | 'pattern' | 'abstract' | 'seascape' | 'buildings';

/** All picture styles, in a stable order. */
export const ART_STYLES: readonly ArtStyle[] = [
  'animals',
  'landscape',
  'portrait',
  'still-life',
  'pattern',
  'abstract',
  'seascape',
  'buildings',
];
